// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/tickets/TicketFacts.h"
#include "models/tickets/TicketLines.h"

#include <QString>

namespace unstuck {

// Events in the shapes people paste them when the table header or the describe around them is
// missing: a `kubectl describe` Events row on its own ("Warning  FailedToCreateRoute  4m27s (x1267
// over 3h42m)  route_controller  …"), a `kubectl get events` row without its header ("0s  Warning
// FailedToCreateRoute  node/master1  …"), and the Alibaba Cloud console's event export
// ("Level: Warning" / "Kind: Node" / "Name: …" / "Reason: …" / "Message: …" blocks).
// Events a node's route failures raise are filed in "default", as the API server files them.
class TicketEvents
{
public:
    // Adds the events found; returns how many.
    static int scan(const QString& text, const QString& file, const TicketLines::Context& context,
                    TicketFacts* facts);

    static QJsonObject event(const QString& type, const QString& reason, const QString& message,
                             const QString& involvedKind, const QString& involvedName,
                             const QString& ns, const QString& component);

private:
    static int scanRows(const QString& text, const QString& file,
                        const TicketLines::Context& context, TicketFacts* facts);
    static int scanConsoleBlocks(const QString& text, const QString& file, TicketFacts* facts);
};

} // namespace unstuck
