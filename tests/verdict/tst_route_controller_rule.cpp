// SPDX-License-Identifier: GPL-3.0-or-later
// RouteControllerRule: the Route Controller and its link to the VPC route table. Its failures
// show in Warning events, its log and the nodes' NetworkUnavailable (alibaba-cloud.md §1.5).
#include "models/verdict/rules/RouteControllerRule.h"
#include "models/verdict/rules/RouteTableRule.h"
#include "verdict/VerdictTestData.h"

#include <QTest>

using namespace unstuck;
using namespace unstuck::test;
using namespace Qt::StringLiterals;

namespace {

DiagnosisResult run(const Findings& f, VerdictContext::Handoff* handoff = nullptr)
{
    return runRules<RouteTableRule, RouteControllerRule>(f, handoff);
}

// The seed cluster with a quiet controller log and no events.
Findings quiet()
{
    Findings f = seedFindings();
    f.routeControllerLog->answer.body =
        "I1126 20:00:00.000000       1 route_controller.go:120] start route reconcile\n";
    return f;
}

QJsonObject syncRouteFailed(int count)
{
    QJsonObject event = json(
        R"({"kind":"Event","metadata":{"name":"route-controller.17a","namespace":"default"},
            "reason":"SyncRouteFailed","type":"Warning",
            "involvedObject":{"kind":"Event","name":"route-controller"},
            "message":"Reconciling route error: error describe vpc: vpc-1 route tables, error: SDK.ServerError\nErrorCode: Forbidden.RAM"})");
    event[u"count"_s] = count;
    return event;
}

} // namespace

class TestRouteControllerRule : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void warningEvent_failsTheControllerAndBreaksTheLink()
    {
        Findings f = quiet();
        f.events[0] = kube(u"/api/v1/namespaces/default/events"_s, list({syncRouteFailed(12)}));
        VerdictContext::Handoff handoff;
        const DiagnosisResult r = run(f, &handoff);
        const ComponentVerdict c = componentOf(r, ids::RouteController);
        QCOMPARE(c.state, ComponentState::Failing);
        QCOMPARE(c.object, QStringLiteral("kube-system/cloud-controller-manager-x1"));
        QCOMPARE(c.summary, QStringLiteral("Fails to manage routes: SyncRouteFailed "
                                           "Event/route-controller: Reconciling route error: "
                                           "error describe vpc: vpc-1 route tables, error: "
                                           "SDK.ServerError ErrorCode: Forbidden.RAM"));
        const Evidence e = evidenceWith(c.evidence, QStringLiteral("reason/message"));
        QCOMPARE(e.title, QStringLiteral("Warning event SyncRouteFailed (×12)"));
        QCOMPARE(e.command, QStringLiteral("kubectl -n default get events --field-selector "
                                           "reason=SyncRouteFailed"));
        const LinkVerdict link = linkOf(r, ids::RouteController, ids::VpcRouteTable);
        QCOMPARE(link.state, LinkState::Broken);
        QCOMPARE(link.summary, QStringLiteral("1 node pod CIDR(s) lack a correct route "
                                              "(172.16.1.0/24); the controller reports errors"));
        QCOMPARE(link.summaryZh, QStringLiteral("1 个节点的 Pod 网段缺少正确的路由（172.16.1.0/24）"
                                                "；控制器报告了错误"));
        // What the RAM rule reads as a hint.
        QVERIFY(handoff.routeControllerErrors);
        QCOMPARE(handoff.routeErrorEvidence.size(), 1);
    }

    void manyEvents_keepThreeAsEvidence()
    {
        Findings f = quiet();
        f.events[0] = kube(
            u"/api/v1/namespaces/default/events"_s,
            list({syncRouteFailed(1), syncRouteFailed(2), syncRouteFailed(3), syncRouteFailed(4)}));
        VerdictContext::Handoff handoff;
        run(f, &handoff);
        QCOMPARE(handoff.routeErrorEvidence.size(), 3);
    }

    void errorInTheLog_failsTheController()
    {
        VerdictContext::Handoff handoff;
        const DiagnosisResult r = run(seedFindings(), &handoff);
        const ComponentVerdict c = componentOf(r, ids::RouteController);
        QCOMPARE(c.state, ComponentState::Failing);
        QCOMPARE(c.summary, QStringLiteral("Fails to manage routes: ErrorCode: Forbidden.RAM"));
        const Evidence e = evidenceWith(c.evidence, QStringLiteral("log line"));
        QCOMPARE(e.value, QStringLiteral("ErrorCode: Forbidden.RAM"));
        QCOMPARE(e.command,
                 QStringLiteral("kubectl -n kube-system logs cloud-controller-manager-x1 "
                                "--tail=200"));
        QCOMPARE(handoff.routeErrorEvidence.first().value, e.value);
    }

    void nodeWithoutRoute_failsTheController()
    {
        Findings f = quiet();
        setRouteEntries(f, false);
        setNodeCondition(f, 1, noRouteCreated()); // node-2
        const DiagnosisResult r = run(f);
        const ComponentVerdict c = componentOf(r, ids::RouteController);
        QCOMPARE(c.state, ComponentState::Failing);
        QCOMPARE(c.summary, QStringLiteral("Fails to manage routes: NetworkUnavailable=True on "
                                           "node-2"));
        QCOMPARE(
            evidenceWith(c.evidence, QStringLiteral("status.conditions[NetworkUnavailable]")).value,
            QStringLiteral("node-2"));
        // Every route is there now, but the controller still reports errors.
        const LinkVerdict link = linkOf(r, ids::RouteController, ids::VpcRouteTable);
        QCOMPARE(link.state, LinkState::Broken);
        QCOMPARE(link.summary, QStringLiteral("The route controller reports route errors: "
                                              "NetworkUnavailable=True on node-2"));
    }

    void podNotReady_failsTheController()
    {
        Findings f = quiet();
        QJsonObject pods = fixture(u"kube-system-pods.json"_s);
        QJsonArray items = pods[u"items"_s].toArray();
        QJsonObject ccm = items.at(1).toObject();
        ccm[u"status"_s] = json(R"({"conditions":[{"type":"Ready","status":"False"}]})");
        items.replace(1, ccm);
        pods[u"items"_s] = items;
        f.systemPods = kube(kSystemPodsPath, pods);
        const ComponentVerdict c = componentOf(run(f), ids::RouteController);
        QCOMPARE(c.state, ComponentState::Failing);
        QCOMPARE(c.summary, QStringLiteral("Pod cloud-controller-manager-x1 is not Ready"));
        QCOMPARE(evidenceWith(c.evidence, QStringLiteral("status.conditions[Ready]")).value,
                 QStringLiteral("False"));
    }

    void runningWithoutErrors_isHealthy()
    {
        Findings f = quiet();
        setRouteEntries(f, false);
        const DiagnosisResult r = run(f);
        const ComponentVerdict c = componentOf(r, ids::RouteController);
        QCOMPARE(c.state, ComponentState::Healthy);
        QCOMPARE(c.summary, QStringLiteral("Running (cloud-controller-manager-x1), no route "
                                           "errors in its log or events"));
        const LinkVerdict link = linkOf(r, ids::RouteController, ids::VpcRouteTable);
        QCOMPARE(link.state, LinkState::Ok);
        QCOMPARE(link.summary, QStringLiteral("Every node's pod CIDR has its route"));
    }

    void routeMissingWithoutErrors_notRecreatedYet()
    {
        // A route deleted out of band shows no Kubernetes signal until the next resync.
        const LinkVerdict link = linkOf(run(quiet()), ids::RouteController, ids::VpcRouteTable);
        QCOMPARE(link.state, LinkState::Broken);
        QCOMPARE(link.summary, QStringLiteral("1 node pod CIDR(s) lack a correct route "
                                              "(172.16.1.0/24); the controller has not "
                                              "re-created them yet"));
    }

    void notOnAlibaba_isNotApplicable()
    {
        Findings f;
        f.nodes = kube(u"/api/v1/nodes"_s, fixture(u"nodes-eks.json"_s));
        f.systemPods = kube(kSystemPodsPath, list({}));
        const DiagnosisResult r = run(f);
        const ComponentVerdict c = componentOf(r, ids::RouteController);
        QCOMPARE(c.state, ComponentState::NotApplicable);
        QCOMPARE(c.summary, QStringLiteral("No cloud route controller: nodes are not VPC-routed "
                                           "ECS instances"));
        const LinkVerdict link = linkOf(r, ids::RouteController, ids::VpcRouteTable);
        QCOMPARE(link.state, LinkState::Ok);
        QCOMPARE(link.summary, QStringLiteral("Not VPC-routed"));
    }

    void controllerNotVisible_isUnknownWithTheReason_data()
    {
        QTest::addColumn<bool>("podsReadable");
        QTest::addColumn<QString>("summary");
        QTest::newRow("managed control plane")
            << true
            << "Unknown: no cloud-controller-manager pod in kube-system (managed control plane?) "
               "and no route events";
        QTest::newRow("pods forbidden") << false << "Unknown: kube-system pods could not be read";
    }
    void controllerNotVisible_isUnknownWithTheReason()
    {
        QFETCH(bool, podsReadable);
        QFETCH(QString, summary);
        Findings f = quiet();
        f.cloudAvailable = false;
        f.routeControllerPod.clear();
        f.routeControllerLog.reset();
        f.systemPods =
            podsReadable ? kube(kSystemPodsPath, list({}))
                         : kubeFailed(kSystemPodsPath, 403, u"forbidden"_s, u"pods is forbidden"_s);
        const DiagnosisResult r = run(f);
        const ComponentVerdict c = componentOf(r, ids::RouteController);
        QCOMPARE(c.state, ComponentState::Unknown);
        QCOMPARE(c.object, QStringLiteral("cloud-controller-manager"));
        QCOMPARE(c.summary, summary);
        // Without the table the link is as unknown as the table, for the same reason.
        const LinkVerdict link = linkOf(r, ids::RouteController, ids::VpcRouteTable);
        QCOMPARE(link.state, LinkState::Unknown);
        QCOMPARE(link.summary, QStringLiteral("Unknown: no cloud credentials"));
    }
};

QTEST_GUILESS_MAIN(TestRouteControllerRule)
#include "tst_route_controller_rule.moc"
