// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/probes/CloudRouteProbe.h"

#include "models/probes/KubeFacts.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace unstuck {

CloudRouteProbe::CloudRouteProbe(ProbeRunner& runner) : m_runner(runner) {}

static QString jsonArrayText(const QStringList& values)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact));
}

// One page of instances is enough: they all sit in the cluster's VPC.
SourceQuery CloudRouteProbe::instancesQuery(const QStringList& instanceIds) const
{
    return ProbeRunner::cloud(
        QStringLiteral("ecs"), QStringLiteral("DescribeInstances"),
        {{QStringLiteral("RegionId"), m_runner.findings().regionId},
         {QStringLiteral("InstanceIds"), jsonArrayText(instanceIds.mid(0, 100))},
         {QStringLiteral("PageSize"), QStringLiteral("100")}});
}

void CloudRouteProbe::describeInstancesAgain(const QStringList& instanceIds)
{
    m_runner.ask(
        instancesQuery(instanceIds),
        Bilingual(QStringLiteral("ECS instances of the nodes"), QStringLiteral("节点的 ECS 实例")),
        [this](const Observation& observation) {
            if (observation.ok())
                m_runner.findings().instances = observation;
        },
        ProbeRunner::Stage::Sweep);
}

void CloudRouteProbe::start(const QStringList& instanceIds, const QString& regionId,
                            std::function<void()> tablesKnown)
{
    m_runner.findings().regionId = regionId;
    m_runner.ask(
        instancesQuery(instanceIds),
        Bilingual(QStringLiteral("ECS instances of the nodes"), QStringLiteral("节点的 ECS 实例")),
        [this, tablesKnown](const Observation& observation) {
            Findings& findings = m_runner.findings();
            findings.instances = observation;
            const QJsonArray instances =
                facts::at(observation.answer.json, QStringLiteral("Instances.Instance")).toArray();
            for (const QJsonValue& instance : instances) {
                const QString vpc =
                    facts::str(instance.toObject(), QStringLiteral("VpcAttributes.VpcId"));
                if (!vpc.isEmpty()) {
                    findings.vpcId = vpc;
                    break;
                }
            }
            if (findings.vpcId.isEmpty())
                tablesKnown();
            else
                readTables(tablesKnown);
        });
}

QStringList CloudRouteProbe::tableIds() const
{
    QStringList ids;
    const Findings& findings = m_runner.findings();
    if (!findings.routeTables)
        return ids;
    const QJsonArray tables = facts::at(findings.routeTables->answer.json,
                                        QStringLiteral("RouterTableList.RouterTableListType"))
                                  .toArray();
    for (const QJsonValue& table : tables) {
        const QString id = table.toObject().value(QStringLiteral("RouteTableId")).toString();
        if (!id.isEmpty() && !ids.contains(id))
            ids << id;
    }
    return ids;
}

void CloudRouteProbe::readTables(std::function<void()> tablesKnown)
{
    const Findings& findings = m_runner.findings();
    m_runner.ask(ProbeRunner::cloud(QStringLiteral("vpc"), QStringLiteral("DescribeRouteTableList"),
                                    {{QStringLiteral("RegionId"), findings.regionId},
                                     {QStringLiteral("VpcId"), findings.vpcId}},
                                    QStringLiteral("RouterTableList.RouterTableListType")),
                 Bilingual(QStringLiteral("Route tables of %1"), QStringLiteral("%1 的路由表"))
                     .arg(findings.vpcId),
                 [this, tablesKnown](const Observation& observation) {
                     Findings& f = m_runner.findings();
                     f.routeTables = observation;
                     const QStringList ids = tableIds();
                     f.routeTablesSwept = int(ids.size());
                     for (const QString& id : ids)
                         m_runner.ask(
                             ProbeRunner::cloud(
                                 QStringLiteral("vpc"), QStringLiteral("DescribeRouteEntryList"),
                                 {{QStringLiteral("RegionId"), f.regionId},
                                  {QStringLiteral("RouteTableId"), id},
                                  {QStringLiteral("MaxResult"), QString::number(kSweepPageSize)}},
                                 QStringLiteral("RouteEntrys.RouteEntry")),
                             Bilingual(QStringLiteral("Route entries of %1"),
                                       QStringLiteral("%1 的路由条目"))
                                 .arg(id),
                             [this](const Observation& entries) {
                                 m_runner.findings().routeEntries.append(entries);
                             },
                             ProbeRunner::Stage::Sweep);
                     tablesKnown();
                 });
}

void CloudRouteProbe::checkNodes(const QList<NodeTarget>& targets)
{
    Findings& findings = m_runner.findings();
    const QStringList tables = tableIds();
    for (const NodeTarget& target : targets) {
        if (tables.isEmpty() || findings.backendRouteNodes.contains(target.node))
            continue;
        findings.backendRouteNodes << target.node;
        for (const QString& table : tables) {
            const QList<std::pair<QString, QString>> filters{
                {QStringLiteral("DestinationCidrBlock"), target.podCidr},
                {QStringLiteral("NextHopId"), target.instanceId}};
            for (const auto& [key, value] : filters)
                m_runner.ask(ProbeRunner::cloud(
                                 QStringLiteral("vpc"), QStringLiteral("DescribeRouteEntryList"),
                                 {{QStringLiteral("RegionId"), findings.regionId},
                                  {QStringLiteral("RouteTableId"), table},
                                  {key, value},
                                  {QStringLiteral("MaxResult"), QStringLiteral("100")}},
                                 QStringLiteral("RouteEntrys.RouteEntry")),
                             Bilingual(QStringLiteral("Routes of node %1 in %2 (%3)"),
                                       QStringLiteral("%2 中节点 %1 的路由（%3）"))
                                 .arg(target.node, table, value),
                             [this](const Observation& entries) {
                                 m_runner.findings().backendRouteEntries.append(entries);
                             });
        }
    }
}

} // namespace unstuck
