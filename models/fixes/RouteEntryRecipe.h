// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/fixes/FixPreparer.h"

namespace unstuck {

// vpc-route-create made executable: one CreateRouteEntry per missing pod CIDR, each with a
// ClientToken (a retry returns the first entry instead of a second one) and a DryRun preflight;
// undo deletes exactly the entries created. Checks the route table still holds what the
// diagnosis read.
class RouteEntryRecipe
{
public:
    static void prepare(const FixPlan& plan, FixTransport& transport, QObject* receiver,
                        FixPreparer::Done done);
    // The route table's entries as a state fact (destination and next hop of each).
    static StateFact tableFact(const QString& regionId, const QString& tableId);
};

} // namespace unstuck
