// SPDX-License-Identifier: GPL-3.0-or-later
// RouteTableRule: on a VPC-routed cluster every node's pod CIDR needs a route to its ECS
// instance; without cloud access the table is Unknown with the reason, never guessed red.
#include "models/verdict/rules/RouteTableRule.h"
#include "verdict/VerdictTestData.h"

#include <QTest>

using namespace unstuck;
using namespace unstuck::test;
using namespace Qt::StringLiterals;

namespace {

ComponentVerdict tableFor(const Findings& f, VerdictContext::Handoff* handoff = nullptr)
{
    return componentOf(runRules<RouteTableRule>(f, handoff), ids::VpcRouteTable);
}

const QMap<QString, QString> kEntriesParams{{QStringLiteral("RegionId"), u"cn-hangzhou"_s},
                                            {QStringLiteral("RouteTableId"), u"vtb-1"_s}};

} // namespace

class TestRouteTableRule : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void missingEntry_isFailingAndNamesTheNode()
    {
        VerdictContext::Handoff handoff;
        const ComponentVerdict c = tableFor(seedFindings(), &handoff);
        QCOMPARE(c.state, ComponentState::Failing);
        QCOMPARE(c.object, QStringLiteral("vtb-1"));
        QCOMPARE(c.summary, QStringLiteral("1 of 2 node pod CIDRs have no correct route: "
                                           "172.16.1.0/24 → i-node2 missing (node node-2)"));
        QCOMPARE(c.summaryZh, QStringLiteral("2 个节点的 Pod 网段中有 1 个没有正确的路由："
                                             "缺少 172.16.1.0/24 → i-node2（节点 node-2）"));
        const Evidence entries = evidenceWith(
            c.evidence, QStringLiteral("RouteEntrys.RouteEntry[].DestinationCidrBlock"));
        QCOMPARE(entries.value, QStringLiteral("2 entries"));
        QCOMPARE(entries.command, QStringLiteral("aliyun vpc DescribeRouteEntryList --RegionId "
                                                 "cn-hangzhou --RouteTableId vtb-1"));
        QCOMPARE(
            evidenceWith(c.evidence, QStringLiteral("Instances.Instance[].VpcAttributes.VpcId"))
                .value,
            QStringLiteral("vpc-1"));
        QVERIFY(handoff.routes);
        QCOMPARE(handoff.routes->problems().size(), 1);
    }

    void entryToAnotherInstance_isFailing()
    {
        Findings f = seedFindings();
        QJsonArray entries = routeEntries();
        entries.replace(2, json(R"({"RouteEntryId":"rte-1","DestinationCidrBlock":"172.16.1.0/24",
            "Type":"Custom","NextHops":{"NextHop":[{"NextHopType":"Instance",
            "NextHopId":"i-old"}]}})"));
        setRouteEntries(f, entries);
        const ComponentVerdict c = tableFor(f);
        QCOMPARE(c.state, ComponentState::Failing);
        QCOMPARE(c.summary, QStringLiteral("1 of 2 node pod CIDRs have no correct route: "
                                           "172.16.1.0/24 goes to i-old instead of i-node2 (node "
                                           "node-2)"));
    }

    void everyNodeRouted_isHealthy()
    {
        Findings f = seedFindings();
        setRouteEntries(f, false);
        const ComponentVerdict c = tableFor(f);
        QCOMPARE(c.state, ComponentState::Healthy);
        QCOMPARE(c.summary, QStringLiteral("Every node's pod CIDR has a route to its instance (2 "
                                           "nodes, 3 entries)"));
    }

    void staleEntry_isShownAsEvidence()
    {
        Findings f = seedFindings();
        QJsonArray entries = routeEntries();
        entries.removeLast(); // node-2's
        entries.append(json(R"({"RouteEntryId":"rte-9","DestinationCidrBlock":"172.16.9.0/24",
            "Type":"Custom","NextHops":{"NextHop":[{"NextHopType":"Instance",
            "NextHopId":"i-deleted"}]}})"));
        setRouteEntries(f, entries);
        const ComponentVerdict c = tableFor(f);
        const Evidence stale = evidenceWith(c.evidence, QStringLiteral("DestinationCidrBlock"));
        QCOMPARE(stale.title,
                 QStringLiteral("1 stale route entries point to instances that are no node"));
        QCOMPARE(stale.value, QStringLiteral("172.16.9.0/24"));
    }

    void nodesNotOnAlibaba_isNotApplicable()
    {
        Findings f = seedFindings();
        f.nodes = kube(u"/api/v1/nodes"_s, fixture(u"nodes-eks.json"_s));
        VerdictContext::Handoff handoff;
        const ComponentVerdict c = tableFor(f, &handoff);
        QCOMPARE(c.state, ComponentState::NotApplicable);
        QCOMPARE(c.summary, QStringLiteral("Nodes are not Alibaba Cloud ECS instances (no "
                                           "<region>.<instance-id> providerID)"));
        QVERIFY(!handoff.routes);
        QCOMPARE(handoff.routesUnknown.en, c.summary);
    }

    // Unknown is a verdict with a reason (DESIGN.md §2), in both languages where we know it.
    void cloudOutOfReach_isUnknownWithTheReason_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("summary");
        QTest::addColumn<QString>("summaryZh");
        QTest::newRow("no credentials")
            << "no-cloud"
            << "Unknown: no cloud credentials (none found in env or ~/.aliyun)"
            << "未知：没有云凭据（none found in env or ~/.aliyun）";
        QTest::newRow("--no-cloud") << "off"
                                    << "Unknown: cloud checks turned off (--no-cloud)"
                                    << "未知：已关闭云端检查（--no-cloud）";
        QTest::newRow("403 Forbidden.RAM")
            << "forbidden"
            << "Unknown: 403 from VPC: vpc:DescribeRouteEntryList not allowed"
            << "未知：VPC 返回 403：无权调用 vpc:DescribeRouteEntryList";
        QTest::newRow("timeout") << "timeout"
                                 << "Unknown: ecs:DescribeInstances timed out after 10000 ms"
                                 << "未知：ecs:DescribeInstances 在 10000 毫秒后超时";
        QTest::newRow("not recorded")
            << "missing"
            << "Unknown: vpc:DescribeRouteTableList is not in the recorded input"
            << "未知：记录的输入中没有 vpc:DescribeRouteTableList 的应答";
        QTest::newRow("nodes forbidden")
            << "nodes"
            << "Unknown: nodes could not be listed (nodes is forbidden), so ecs:DescribeInstances "
               "was not asked"
            << "未知：无法列出节点（nodes is forbidden），因此没有调用 ecs:DescribeInstances";
        QTest::newRow("no VPC") << "no-vpc"
                                << "Unknown: the nodes' ECS instances report no VPC"
                                << "未知：节点的 ECS 实例没有报告所属 VPC";
    }
    void cloudOutOfReach_isUnknownWithTheReason()
    {
        QFETCH(QString, change);
        QFETCH(QString, summary);
        QFETCH(QString, summaryZh);
        Findings f = seedFindings();
        if (change == u"no-cloud"_s || change == u"off"_s) {
            f.cloudAvailable = false;
            f.cloudUnavailableReason = change == u"off"_s
                                           ? u"cloud checks turned off (--no-cloud)"_s
                                           : u"no cloud credentials (none found in env or "
                                             "~/.aliyun)"_s;
        } else if (change == u"forbidden"_s) {
            f.routeEntries = {cloudFailed(
                u"vpc"_s, u"DescribeRouteEntryList"_s, kEntriesParams, 403, u"Forbidden.RAM"_s,
                u"User not authorized to operate on the specified resource, or this API "
                "doesn't support RAM."_s)};
        } else if (change == u"timeout"_s) {
            f.instances->answer.error = u"timeout"_s;
            f.instances->answer.elapsedMs = 10000;
        } else if (change == u"missing"_s) {
            f.routeTables->answer.error = u"missing"_s;
        } else if (change == u"nodes"_s) {
            f.nodes = kubeFailed(u"/api/v1/nodes"_s, 403, u"forbidden"_s, u"nodes is forbidden"_s);
            f.instances.reset();
        } else if (change == u"no-vpc"_s) {
            f.vpcId.clear();
        }
        const ComponentVerdict c = tableFor(f);
        QCOMPARE(c.state, ComponentState::Unknown);
        QCOMPARE(c.summary, summary);
        QCOMPARE(c.summaryZh, summaryZh);
    }
};

QTEST_GUILESS_MAIN(TestRouteTableRule)
#include "tst_route_table_rule.moc"
