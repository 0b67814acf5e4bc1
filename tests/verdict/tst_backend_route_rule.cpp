// SPDX-License-Identifier: GPL-3.0-or-later
// BackendRouteRule: the link aggregated backend → VPC route table. The API server (host network)
// reaches the backend pod only when a route covers the pod CIDR of the pod's node. Reads the
// backend ApiServiceRule picked and the routes RouteTableRule analysed.
#include "models/verdict/rules/ApiServiceRule.h"
#include "models/verdict/rules/BackendRouteRule.h"
#include "models/verdict/rules/RouteTableRule.h"
#include "verdict/VerdictTestData.h"

#include <QTest>

using namespace unstuck;
using namespace unstuck::test;
using namespace Qt::StringLiterals;

namespace {

LinkVerdict routeFor(const Findings& f)
{
    return linkOf(runRules<ApiServiceRule, RouteTableRule, BackendRouteRule>(f), ids::MetricsServer,
                  ids::VpcRouteTable);
}

} // namespace

class TestBackendRouteRule : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noRouteToTheBackendNode_breaksTheLink()
    {
        const LinkVerdict link = routeFor(seedFindings());
        QCOMPARE(link.state, LinkState::Broken);
        QCOMPARE(link.summary, QStringLiteral("The API server cannot reach the backend pod: no "
                                              "route for 172.16.1.0/24 (node node-2, backend pod "
                                              "172.16.1.12) → i-node2"));
        QCOMPARE(link.summaryZh, QStringLiteral("API Server 无法到达后端 Pod：没有 172.16.1.0/24 "
                                                "→ i-node2 的路由（节点 node-2，后端 Pod "
                                                "172.16.1.12）"));
        const Evidence cidr = evidenceWith(link.evidence, QStringLiteral("spec.podCIDR"));
        QCOMPARE(cidr.value, QStringLiteral("172.16.1.0/24"));
        QCOMPARE(cidr.title, QStringLiteral("Backend node node-2 pod CIDR"));
        const Evidence routes = evidenceWith(link.evidence, QStringLiteral("DestinationCidrBlock"));
        QCOMPARE(routes.title, QStringLiteral("Routes checked against node node-2's pod CIDR"));
        QCOMPARE(routes.value, QStringLiteral("172.16.1.0/24"));
        QCOMPARE(routes.request, QStringLiteral("vpc:DescribeRouteEntryList "
                                                "MaxResult=100&RegionId=cn-hangzhou&"
                                                "RouteTableId=vtb-1"));
    }

    void routeReachesTheBackendNode_isOk()
    {
        Findings f = seedFindings();
        setRouteEntries(f, false);
        const LinkVerdict link = routeFor(f);
        QCOMPARE(link.state, LinkState::Ok);
        QCOMPARE(link.summary, QStringLiteral("A route reaches the backend pod's node: "
                                              "172.16.1.0/24 → i-node2 (rte-1)"));
    }

    void noBackendPodScheduled_isUnknown()
    {
        Findings f = seedFindings();
        f.backends[0].pods = kube(f.backends[0].pods->query.path, list({}));
        const LinkVerdict link = routeFor(f);
        QCOMPARE(link.state, LinkState::Unknown);
        QCOMPARE(link.summary, QStringLiteral("Unknown: no backend pod is scheduled, so there is "
                                              "no pod IP to route to"));
        QVERIFY(link.evidence.isEmpty());
    }

    void noCloudCredentials_isUnknown_withTheNodesOwnHint()
    {
        Findings f = seedFindings();
        f.cloudAvailable = false;
        setNodeCondition(f, 1, noRouteCreated()); // node-2
        const LinkVerdict link = routeFor(f);
        QCOMPARE(link.state, LinkState::Unknown);
        QCOMPARE(link.summary, QStringLiteral("Unknown: no cloud credentials (node node-2 reports "
                                              "NetworkUnavailable/NoRouteCreated)"));
        QCOMPARE(link.summaryZh, QStringLiteral("未知：没有云凭据（节点 node-2 报告 "
                                                "NetworkUnavailable/NoRouteCreated）"));
        // The kube side still shows the pod CIDR a route would need.
        QCOMPARE(evidenceWith(link.evidence, QStringLiteral("spec.podCIDR")).value,
                 QStringLiteral("172.16.1.0/24"));
    }
};

QTEST_GUILESS_MAIN(TestBackendRouteRule)
#include "tst_backend_route_rule.moc"
