// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/tickets/TicketFacts.h"

namespace unstuck {

// An admission webhook's failure pasted as the error a client got ("… failed calling webhook
// "x": service "y" not found"), with no namespace condition anywhere in the paste: the namespace
// that waits (as the paste names it when it names one, else unnamed) is taken as Terminating
// with the condition the namespace controller sets for a failed delete
// (NamespaceDeletionContentFailure) carrying that error. Partial: what the paste says about the
// namespace itself wins; annotated with the pasted line (unstuck.dev/implied-from).
class TicketWebhookErrors
{
public:
    static void implyNamespace(TicketFacts* facts);

private:
    static const TicketFacts::LogLine* firstWebhookError(const TicketFacts& facts);
};

} // namespace unstuck
