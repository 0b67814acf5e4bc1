// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/tickets/TicketFacts.h"

namespace unstuck {

// Objects pasted with metadata.finalizers, and no namespace condition anywhere in the paste:
// people paste what is left in the namespace that will not go away. Their namespace (as the
// object names it, else the one namespace the paste shows, else unnamed) is taken as
// Terminating and waiting on those finalizers, which is what the namespace controller would
// report (NamespaceFinalizersRemaining). The implied namespace is partial: anything the paste
// says about it itself wins, and it names the objects it rests on (unstuck.dev/finalizers-of).
class TicketFinalizers
{
public:
    static void implyNamespaces(TicketFacts* facts);

private:
    struct Holder
    {
        QString kind, name;
        QStringList finalizers;
        QString file;
    };
    static bool namespaceSpeaks(const TicketFacts& facts);
    static bool onlyNamed(const TicketFacts& facts, const QString& kind, QString* name,
                          QString* ns);
    static QString fallbackNamespace(const TicketFacts& facts);
    static QJsonObject impliedNamespace(const QString& name, const QList<Holder>& holders);
};

} // namespace unstuck
