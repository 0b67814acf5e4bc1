// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/verdict/RouteAnalysis.h"

#include "models/probes/KubeFacts.h"

#include <QHash>
#include <QHostAddress>
#include <QSet>

namespace unstuck {

static QString nextHopOf(const QJsonObject& entry)
{
    const QJsonArray hops = facts::at(entry, QStringLiteral("NextHops.NextHop")).toArray();
    if (!hops.isEmpty())
        return hops.first().toObject().value(QStringLiteral("NextHopId")).toString();
    return entry.value(QStringLiteral("NextHopId")).toString();
}

RouteAnalysis RouteAnalysis::analyse(const QList<QJsonObject>& nodes, const QJsonArray& entries)
{
    RouteAnalysis result;
    result.entryCount = int(entries.size());
    QSet<QString> nodeInstances;
    // Indexed once so thousands of nodes against thousands of entries stay linear.
    QHash<QString, QJsonObject> exactByDestination;
    QList<std::pair<std::pair<QHostAddress, int>, QJsonObject>> parsed; // for covering entries
    for (const QJsonValue& value : entries) {
        const QJsonObject entry = value.toObject();
        const QString destination = entry.value(QStringLiteral("DestinationCidrBlock")).toString();
        if (!exactByDestination.contains(destination))
            exactByDestination.insert(destination, entry);
        const auto subnet = QHostAddress::parseSubnet(destination);
        if (destination != QStringLiteral("0.0.0.0/0") && !subnet.first.isNull())
            parsed.append({subnet, entry});
    }
    for (const QJsonObject& node : nodes) {
        const auto provider =
            facts::alibabaProviderId(facts::str(node, QStringLiteral("spec.providerID")));
        const QString cidr = facts::podCidr(node);
        if (!provider || cidr.isEmpty())
            continue;
        const QJsonObject labels = facts::at(node, QStringLiteral("metadata.labels")).toObject();
        if (labels.contains(QStringLiteral("service.beta.kubernetes.io/exclude-node")) ||
            labels.contains(QStringLiteral("service.alibabacloud.com/exclude-node")))
            continue;
        nodeInstances.insert(provider->instanceId);
        NodeRoute route{facts::name(node), cidr, provider->instanceId};
        // Exact destination first (what the route controller creates), then a covering entry.
        const QJsonObject exact = exactByDestination.value(cidr);
        QJsonObject wider;
        if (exact.isEmpty()) {
            const auto inner = QHostAddress::parseSubnet(cidr);
            for (const auto& [subnet, entry] : std::as_const(parsed))
                if (!inner.first.isNull() && subnet.second <= inner.second &&
                    inner.first.isInSubnet(subnet)) {
                    wider = entry;
                    break;
                }
        }
        const QJsonObject chosen = exact.isEmpty() ? wider : exact;
        if (!chosen.isEmpty()) {
            route.entryId = chosen.value(QStringLiteral("RouteEntryId")).toString();
            route.destination = chosen.value(QStringLiteral("DestinationCidrBlock")).toString();
            route.nextHop = nextHopOf(chosen);
            if (route.nextHop == route.instanceId)
                route.state = NodeRoute::State::Ok;
            else
                route.state = exact.isEmpty() ? NodeRoute::State::Conflicting
                                              : NodeRoute::State::WrongNextHop;
        }
        result.nodes.append(route);
    }
    for (const QJsonValue& value : entries) {
        const QJsonObject entry = value.toObject();
        const QString hop = nextHopOf(entry);
        if (entry.value(QStringLiteral("Type")).toString() == QStringLiteral("Custom") &&
            hop.startsWith(QStringLiteral("i-")) && !nodeInstances.contains(hop))
            result.staleEntries.append(entry);
    }
    return result;
}

const RouteAnalysis::NodeRoute* RouteAnalysis::forNode(const QString& node) const
{
    for (const NodeRoute& route : nodes)
        if (route.node == node)
            return &route;
    return nullptr;
}

QList<RouteAnalysis::NodeRoute> RouteAnalysis::problems() const
{
    QList<NodeRoute> result;
    for (const NodeRoute& route : nodes)
        if (route.state != NodeRoute::State::Ok)
            result.append(route);
    return result;
}

} // namespace unstuck
