// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace unstuck {

// Compares every node's pod CIDR with the VPC route entries, as the route controller would.
struct RouteAnalysis
{
    struct NodeRoute
    {
        QString node, podCidr, instanceId;
        enum class State { Ok, Missing, WrongNextHop, Conflicting } state = State::Missing;
        QString entryId, nextHop, destination; // the entry that covers (or should cover) it
    };
    QList<NodeRoute> nodes;
    QList<QJsonObject> staleEntries; // CCM-style entries whose next hop is no node any more
    int entryCount = 0;

    static RouteAnalysis analyse(const QList<QJsonObject>& nodes, const QJsonArray& entries);
    const NodeRoute* forNode(const QString& node) const;
    QList<NodeRoute> problems() const;
};

} // namespace unstuck
