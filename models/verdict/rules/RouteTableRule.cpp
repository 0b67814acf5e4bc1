// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/verdict/rules/RouteTableRule.h"

#include "models/probes/KubeFacts.h"

#include <QSet>

namespace unstuck {

using namespace Qt::StringLiterals;

void RouteTableRule::apply(DiagnosisResult& result)
{
    ComponentVerdict c = componentVerdict(ids::VpcRouteTable);
    if (!onAlibaba() && m_f.nodes && m_f.nodes->ok()) {
        c.state = ComponentState::NotApplicable;
        handoff().routesUnknown = Text(
            u"Nodes are not Alibaba Cloud ECS instances (no <region>.<instance-id> providerID)"_s,
            u"节点不是阿里云 ECS 实例（providerID 不是 <region>.<instance-id> 格式）"_s);
        c.setSummary(handoff().routesUnknown);
        result.components.append(c);
        return;
    }
    // Every entry against a few nodes asked by name would call the others' routes stale: the
    // sweep is judged once the list says which nodes there are.
    if ((m_f.routeSweepPending() || !m_f.nodes) && !m_f.backendRouteEntries.isEmpty()) {
        applyBackendNodesFirst(result, c);
        return;
    }
    QJsonArray entries;
    QStringList tables;
    const Bilingual reason = readEntries(tables, entries);
    c.object = tables.isEmpty() ? m_f.vpcId : tables.join(QStringLiteral(", "));
    if (!reason.isEmpty()) {
        c.setSummary(unknownBecause(reason));
        handoff().routesUnknown = reason;
        result.components.append(c);
        return;
    }
    handoff().routes = RouteAnalysis::analyse(nodes(), entries);
    const RouteAnalysis& routes = *handoff().routes;
    const auto problems = routes.problems();
    if (problems.isEmpty()) {
        c.state = ComponentState::Healthy;
        c.setSummary(
            Text(u"Every node's pod CIDR has a route to its instance (%1 nodes, %2 entries)"_s,
                 u"每个节点的 Pod 网段都有指向其实例的路由（%1 个节点，%2 条路由条目）"_s)
                .arg(routes.nodes.size())
                .arg(entries.size()));
    } else {
        c.state = ComponentState::Failing;
        c.setSummary(problemsSummary(problems));
    }
    addEvidence(c, facts::aliyun(QStringLiteral("vpc"), QStringLiteral("DescribeRouteEntryList"),
                                 {{QStringLiteral("RegionId"), m_f.regionId},
                                  {QStringLiteral("RouteTableId"), tables.value(0)}}));
    result.components.append(c);
}

// Before the sweep ends, the red path is judged on the entries asked for the backend pods'
// nodes alone; the sweep's answer then covers every node (and finds stale entries).
void RouteTableRule::applyBackendNodesFirst(DiagnosisResult& result, ComponentVerdict& c)
{
    QJsonArray entries;
    QSet<QString> seen;
    QStringList tables;
    Bilingual reason;
    for (const Observation& o : m_f.backendRouteEntries) {
        if (reason.isEmpty())
            reason = cloudUnknownReason(o, QStringLiteral("vpc:DescribeRouteEntryList"));
        const QString table = o.query.params.value(QStringLiteral("RouteTableId"));
        if (!tables.contains(table))
            tables << table;
        for (const QJsonValue& e :
             facts::at(o.answer.json, QStringLiteral("RouteEntrys.RouteEntry")).toArray()) {
            const QString id = e.toObject().value(QStringLiteral("RouteEntryId")).toString();
            if (id.isEmpty() || !seen.contains(id))
                entries.append(e);
            seen.insert(id);
        }
    }
    c.object = tables.join(QStringLiteral(", "));
    if (!reason.isEmpty()) {
        c.setSummary(unknownBecause(reason));
        handoff().routesUnknown = reason;
        result.components.append(c);
        return;
    }
    QList<QJsonObject> checked;
    for (const QJsonObject& n : nodes())
        if (m_f.backendRouteNodes.contains(facts::name(n)))
            checked.append(n);
    handoff().routes = RouteAnalysis::analyse(checked, entries);
    handoff().routes->staleEntries.clear(); // only the sweep sees every entry
    const auto problems = handoff().routes->problems();
    // Before the list is in, how many other nodes there are is not known yet.
    const Bilingual others =
        m_f.nodes ? Text(u"the other %1 nodes are being checked"_s, u"其余 %1 个节点正在核对"_s)
                        .arg(int(nodes().size() - checked.size()))
                  : Text(u"the other nodes are being checked"_s, u"其余节点正在核对"_s);
    if (problems.isEmpty()) {
        c.state = ComponentState::Healthy;
        c.setSummary(Text(u"The backend pods' nodes have their routes (%1 checked; "_s,
                          u"后端 Pod 所在节点的路由都在（已核对 %1 个；"_s)
                         .arg(checked.size()) +
                     others + Text(u")"_s, u"）"_s));
    } else {
        c.state = ComponentState::Failing;
        c.setSummary(problemsSummary(problems) + Text(u" ("_s, u"（"_s) + others +
                     Text(u")"_s, u"）"_s));
    }
    for (const Observation& o : m_f.backendRouteEntries)
        c.evidence.append(evidence(
            o, Text(u"Route entries asked for %1"_s, u"按 %1 查询的路由条目"_s).arg(queryFilter(o)),
            QStringLiteral("RouteEntrys.RouteEntry[].DestinationCidrBlock"),
            QStringLiteral("%1 entries")
                .arg(facts::at(o.answer.json, QStringLiteral("RouteEntrys.RouteEntry"))
                         .toArray()
                         .size()),
            facts::aliyun(QStringLiteral("vpc"), QStringLiteral("DescribeRouteEntryList"),
                          {{QStringLiteral("RegionId"), m_f.regionId},
                           {QStringLiteral("RouteTableId"),
                            o.query.params.value(QStringLiteral("RouteTableId"))},
                           {queryFilterKey(o), queryFilter(o)}})));
    result.components.append(c);
}

QString RouteTableRule::queryFilterKey(const Observation& o)
{
    return o.query.params.contains(QStringLiteral("DestinationCidrBlock"))
               ? QStringLiteral("DestinationCidrBlock")
               : QStringLiteral("NextHopId");
}

QString RouteTableRule::queryFilter(const Observation& o)
{
    return o.query.params.value(queryFilterKey(o));
}

Bilingual RouteTableRule::readEntries(QStringList& tables, QJsonArray& entries) const
{
    Bilingual reason = cloudUnknownReason(m_f.instances, QStringLiteral("ecs:DescribeInstances"));
    if (reason.isEmpty() && m_f.vpcId.isEmpty())
        reason =
            Text(u"the nodes' ECS instances report no VPC"_s, u"节点的 ECS 实例没有报告所属 VPC"_s);
    if (reason.isEmpty())
        reason = cloudUnknownReason(m_f.routeTables, QStringLiteral("vpc:DescribeRouteTableList"));
    for (const Observation& o : m_f.routeEntries) {
        if (reason.isEmpty())
            reason = cloudUnknownReason(o, QStringLiteral("vpc:DescribeRouteEntryList"));
        tables << o.query.params.value(QStringLiteral("RouteTableId"));
        for (const QJsonValue& e :
             facts::at(o.answer.json, QStringLiteral("RouteEntrys.RouteEntry")).toArray())
            entries.append(e);
    }
    if (reason.isEmpty() && m_f.routeEntries.isEmpty())
        reason = Text(u"VPC %1 has no route table"_s, u"VPC %1 没有路由表"_s).arg(m_f.vpcId);
    return reason;
}

// "N of M node pod CIDRs have no correct route: a → i missing (node n); …" (three at most).
Bilingual RouteTableRule::problemsSummary(const QList<RouteAnalysis::NodeRoute>& problems) const
{
    QList<Bilingual> lines;
    for (const auto& p : problems)
        lines << (p.state == RouteAnalysis::NodeRoute::State::Missing
                      ? Text(u"%1 → %2 missing (node %3)"_s, u"缺少 %1 → %2（节点 %3）"_s)
                            .arg(p.podCidr, p.instanceId, p.node)
                      : Text(u"%1 goes to %2 instead of %3 (node %4)"_s,
                             u"%1 指向 %2，而不是 %3（节点 %4）"_s)
                            .arg(p.destination, p.nextHop, p.instanceId, p.node));
    return Text(u"%1 of %2 node pod CIDRs have no correct route: %3"_s,
                u"%2 个节点的 Pod 网段中有 %1 个没有正确的路由：%3"_s)
        .arg(problems.size())
        .arg(handoff().routes->nodes.size())
        .arg(Text::join(lines.mid(0, 3), u"; "_s, u"；"_s) +
             (lines.size() > 3 ? Text(u"; …"_s, u"；…"_s) : Text()));
}

void RouteTableRule::addEvidence(ComponentVerdict& c, const QString& cmd) const
{
    for (const Observation& o : m_f.routeEntries)
        c.evidence.append(
            evidence(o,
                     Text(u"Route entries of %1"_s, u"%1 的路由条目"_s)
                         .arg(o.query.params.value(QStringLiteral("RouteTableId"))),
                     QStringLiteral("RouteEntrys.RouteEntry[].DestinationCidrBlock"),
                     QStringLiteral("%1 entries")
                         .arg(facts::at(o.answer.json, QStringLiteral("RouteEntrys.RouteEntry"))
                                  .toArray()
                                  .size()),
                     cmd));
    if (m_f.instances)
        c.evidence.append(evidence(
            *m_f.instances,
            Text(u"Cluster VPC from the nodes' ECS instances"_s,
                 u"由节点的 ECS 实例得出的集群 VPC"_s),
            QStringLiteral("Instances.Instance[].VpcAttributes.VpcId"), m_f.vpcId,
            facts::aliyun(QStringLiteral("ecs"), QStringLiteral("DescribeInstances"),
                          {{QStringLiteral("RegionId"), m_f.regionId},
                           {QStringLiteral("InstanceIds"),
                            m_f.instances->query.params.value(QStringLiteral("InstanceIds"))}})));
    const RouteAnalysis& routes = *handoff().routes;
    if (!routes.staleEntries.isEmpty())
        c.evidence.append(evidence(
            m_f.routeEntries.first(),
            Text(u"%1 stale route entries point to instances that are no node"_s,
                 u"%1 条过时的路由条目指向已不是集群节点的实例"_s)
                .arg(routes.staleEntries.size()),
            QStringLiteral("DestinationCidrBlock"),
            routes.staleEntries.first().value(QStringLiteral("DestinationCidrBlock")).toString(),
            cmd));
}

} // namespace unstuck
