// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/probes/ProbeRunner.h"

#include <functional>

namespace unstuck {

// Finds the cluster's VPC from its nodes' ECS instances and its route table(s), then reads
// every route entry of them in the background (the sweep). The red path does not wait for the
// sweep: checkNodes() asks only for the entries that decide whether given nodes are reachable.
class CloudRouteProbe
{
public:
    struct NodeTarget
    {
        QString node, podCidr, instanceId;
    };

    explicit CloudRouteProbe(ProbeRunner& runner);
    // tablesKnown runs once the route tables are known (or could not be read).
    void start(const QStringList& instanceIds, const QString& regionId,
               std::function<void()> tablesKnown);
    // Asks ecs:DescribeInstances again for `instanceIds` in the background, for the record only:
    // when start() was given the red path's few instances, the complete result quotes the same
    // question it would have asked from the whole node list.
    void describeInstancesAgain(const QStringList& instanceIds);
    // Per route table and node: the entries for its pod CIDR, and those whose next hop is its
    // instance (a wider route to it counts too). Nothing to ask before the tables are known.
    void checkNodes(const QList<NodeTarget>& targets);

    // The sweep's page size: the route controller itself asks for 500 (CCM vpc.go) and the
    // current SDKs accept up to 500, so 2,000 routes are four pages instead of twenty.
    static constexpr int kSweepPageSize = 500;

private:
    SourceQuery instancesQuery(const QStringList& instanceIds) const;
    void readTables(std::function<void()> tablesKnown);
    QStringList tableIds() const;
    ProbeRunner& m_runner;
};

} // namespace unstuck
