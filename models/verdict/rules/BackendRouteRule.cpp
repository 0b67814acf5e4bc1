// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/verdict/rules/BackendRouteRule.h"

#include "models/probes/KubeFacts.h"

namespace unstuck {

using namespace Qt::StringLiterals;
using facts::str;

void BackendRouteRule::apply(DiagnosisResult& result)
{
    LinkVerdict link = linkVerdict(ids::MetricsServer, ids::VpcRouteTable);
    QStringList podIps;
    const QStringList names = backendNodes(podIps);
    if (names.isEmpty()) {
        link.setSummary(
            Text(u"Unknown: no backend pod is scheduled, so there is no pod IP to route to"_s,
                 u"未知：没有已调度的后端 Pod，因此没有可以路由到的 Pod IP"_s));
    } else if (!handoff().routes) {
        link.setSummary(unknownSummary(names));
    } else {
        judgeRoutes(link, names, podIps);
    }
    const Observation* nodeSeen = names.isEmpty() ? nullptr : m_c.nodeObservation(names.first());
    if (nodeSeen)
        link.evidence.append(evidence(
            *nodeSeen,
            Text(u"Backend node %1 pod CIDR"_s, u"后端节点 %1 的 Pod 网段"_s).arg(names.first()),
            QStringLiteral("spec.podCIDR"), facts::podCidr(node(names.first())),
            facts::kubectl(
                QStringLiteral("get node %1 -o jsonpath='{.spec.podCIDR} {.spec.providerID}'")
                    .arg(names.first()))));
    result.links.append(link);
}

QStringList BackendRouteRule::backendNodes(QStringList& podIps) const
{
    const AggregatedBackend* backend = handoff().backend;
    QStringList backendNodes;
    if (backend && backend->pods && backend->pods->ok())
        for (const QJsonValue& value : backend->pods->items()) {
            const QString n = str(value.toObject(), QStringLiteral("spec.nodeName"));
            if (!n.isEmpty() && !backendNodes.contains(n)) {
                backendNodes << n;
                podIps << str(value.toObject(), QStringLiteral("status.podIP"));
            }
        }
    return backendNodes;
}

Bilingual BackendRouteRule::unknownSummary(const QStringList& backendNodes) const
{
    Bilingual summary = unknownBecause(handoff().routesUnknown);
    // Kube-side hint: the node says the route controller failed for it.
    for (const QString& n : backendNodes) {
        const auto cond = facts::condition(node(n), QStringLiteral("NetworkUnavailable"));
        if (cond && cond->value(QStringLiteral("status")).toString() == QStringLiteral("True"))
            summary += Text(u" (node %1 reports NetworkUnavailable/%2)"_s,
                            u"（节点 %1 报告 NetworkUnavailable/%2）"_s)
                           .arg(n, cond->value(QStringLiteral("reason")).toString());
    }
    return summary;
}

void BackendRouteRule::judgeRoutes(LinkVerdict& link, const QStringList& backendNodes,
                                   const QStringList& podIps) const
{
    const RouteAnalysis& routes = *handoff().routes;
    QList<Bilingual> broken, fine;
    for (int i = 0; i < backendNodes.size(); ++i) {
        const auto* route = routes.forNode(backendNodes.at(i));
        if (!route) {
            fine << Text(u"node %1 is not VPC-routed"_s, u"节点 %1 不走 VPC 路由"_s)
                        .arg(backendNodes.at(i));
            continue;
        }
        if (route->state == RouteAnalysis::NodeRoute::State::Ok)
            fine << Text::same(QStringLiteral("%1 → %2 (%3)")
                                   .arg(route->destination, route->nextHop, route->entryId));
        else if (route->state == RouteAnalysis::NodeRoute::State::Missing)
            broken << Text(u"no route for %1 (node %2, backend pod %3) → %4"_s,
                           u"没有 %1 → %4 的路由（节点 %2，后端 Pod %3）"_s)
                          .arg(route->podCidr, route->node, podIps.at(i), route->instanceId);
        else
            broken << Text(u"route %1 for %2 goes to %3, not to node %4's instance %5"_s,
                           u"%2 的路由 %1 指向 %3，而不是节点 %4 的实例 %5"_s)
                          .arg(route->entryId, route->destination, route->nextHop, route->node,
                               route->instanceId);
    }
    link.state = broken.isEmpty() ? LinkState::Ok : LinkState::Broken;
    link.setSummary(broken.isEmpty() ? Text(u"A route reaches the backend pod's node: "_s,
                                            u"有路由可到达后端 Pod 所在的节点："_s) +
                                           Text::join(fine, u"; "_s, u"；"_s)
                                     : Text(u"The API server cannot reach the backend pod: "_s,
                                            u"API Server 无法到达后端 Pod："_s) +
                                           Text::join(broken, u"; "_s, u"；"_s));
    addRouteEvidence(link, backendNodes.first());
}

void BackendRouteRule::addRouteEvidence(LinkVerdict& link, const QString& nodeName) const
{
    const RouteAnalysis& routes = *handoff().routes;
    // Before the sweep ends the routes were judged on the backend nodes' own entries.
    const QList<Observation>& asked = m_f.routeSweepPending() && !m_f.backendRouteEntries.isEmpty()
                                          ? m_f.backendRouteEntries
                                          : m_f.routeEntries;
    for (const Observation& o : asked)
        link.evidence.append(
            evidence(o,
                     Text(u"Routes checked against node %1's pod CIDR"_s,
                          u"按节点 %1 的 Pod 网段核对的路由"_s)
                         .arg(nodeName),
                     QStringLiteral("DestinationCidrBlock"),
                     routes.forNode(nodeName) ? routes.forNode(nodeName)->podCidr : QString(),
                     facts::aliyun(QStringLiteral("vpc"), QStringLiteral("DescribeRouteEntryList"),
                                   {{QStringLiteral("RegionId"), m_f.regionId},
                                    {QStringLiteral("RouteTableId"),
                                     o.query.params.value(QStringLiteral("RouteTableId"))}})));
}

} // namespace unstuck
