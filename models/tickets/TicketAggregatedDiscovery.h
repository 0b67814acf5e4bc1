// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/tickets/TicketFacts.h"

namespace unstuck {

// The API server's aggregated discovery (Kubernetes ≥ 1.27) failing for a Service
// ("DiscoveryManager: Failed to download discovery for agones-system/agones-controller-service:443:
// 404 404 page not found") while the paste shows exactly one group version failing discovery
// whose APIService is not pasted: that APIService (v1.allocation.agones.dev) is the one backed by
// the Service. It is added without a status (its Available condition is not in the paste),
// annotated with the line (unstuck.dev/aggregated-discovery-failure), which the APIService verdict
// quotes: the API server cannot read the group from its backend, so the group goes stale.
class TicketAggregatedDiscovery
{
public:
    static void implyApiService(TicketFacts* facts);

private:
    struct Failure
    {
        QString ns, service, line, file;
        int port = 443;
    };
    static QList<Failure> failures(const TicketFacts& facts);
    static QStringList groupVersionsWithoutApiService(const TicketFacts& facts);
};

} // namespace unstuck
