// SPDX-License-Identifier: GPL-3.0-or-later
// The engine's verdicts on an in-memory world (no network): the seed incident, a healthy
// cluster, missing cloud credentials, a user RAM cannot read, a missing route, supersede,
// cancel and a black-holed request.
#include "diagnosis/FakeWorld.h"
#include "models/engine/DiagnosisEngine.h"
#include "models/writers/ResultJson.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace unstuck;
using unstuck::test::FakeWorld;
using unstuck::test::WorldOptions;

class TestEngineVerdicts : public QObject
{
    Q_OBJECT

    static DiagnosisResult run(WorldOptions options, DiagnosisRequest request = {})
    {
        DiagnosisEngine engine;
        QSignalSpy finished(&engine, &DiagnosisEngine::finished);
        engine.start(request, std::make_unique<FakeWorld>(options));
        if (!finished.wait(10000))
            return {};
        return finished.first().first().value<DiagnosisResult>();
    }
    static ComponentState state(const DiagnosisResult& r, const char* id)
    {
        const ComponentVerdict* c = r.component(QString::fromLatin1(id));
        return c ? c->state : ComponentState::NotApplicable;
    }
    static LinkState linkState(const DiagnosisResult& r, const char* from, const char* to)
    {
        const LinkVerdict* l = r.link(QString::fromLatin1(from), QString::fromLatin1(to));
        return l ? l->state : LinkState::Unknown;
    }

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<DiagnosisResult>(); }

    void seed_rootCauseIsTheRamPolicyWithTheFullRedPath()
    {
        const DiagnosisResult r = run({});
        QVERIFY(r.complete);
        QVERIFY(r.rootCause.has_value());
        QCOMPARE(r.rootCause->component, QStringLiteral("ram-policy"));
        QVERIFY2(r.rootCause->summary.contains(QStringLiteral("Deny")),
                 qPrintable(r.rootCause->summary));
        const QStringList expected{QStringLiteral("namespace-controller"),
                                   QStringLiteral("namespace-controller→apiserver"),
                                   QStringLiteral("apiserver"),
                                   QStringLiteral("apiserver→metrics-server"),
                                   QStringLiteral("metrics-server"),
                                   QStringLiteral("metrics-server→vpc-route-table"),
                                   QStringLiteral("vpc-route-table"),
                                   QStringLiteral("route-controller→vpc-route-table"),
                                   QStringLiteral("route-controller"),
                                   QStringLiteral("route-controller→ram-policy"),
                                   QStringLiteral("ram-policy")};
        QCOMPARE(r.redPath, expected);
        QCOMPARE(state(r, ids::VpcRouteTable), ComponentState::Failing);
        QVERIFY(r.component(QStringLiteral("vpc-route-table"))
                    ->summary.contains(QStringLiteral("172.16.1.0/24")));
        QCOMPARE(linkState(r, ids::MetricsServer, ids::VpcRouteTable), LinkState::Broken);
        QCOMPARE(r.namespaces.size(), 1);
        QCOMPARE(r.namespaces.first().conditions.size(), 5);
        // Fixes root first: RAM, then up the red path, and the namespace finalize last.
        QVERIFY(r.fixes.size() >= 3);
        QCOMPARE(r.fixes.first().id, QStringLiteral("ram-policy-allow"));
        QVERIFY(
            r.fixes.first().steps.first().body.contains(QStringLiteral("\"Effect\":\"Allow\"")));
        QVERIFY(!r.fixes.first().steps.first().body.contains(QStringLiteral("Deny")));
        QCOMPARE(r.fixes.first().undo.first().method,
                 QStringLiteral("ram:SetDefaultPolicyVersion"));
        // Then up the red path from the root: the route controller, then the missing route.
        QStringList order;
        for (const FixPlan& f : r.fixes)
            order << f.id;
        const qsizetype route = order.indexOf(QStringLiteral("vpc-route-create"));
        QVERIFY2(route > order.indexOf(QStringLiteral("route-controller-restart")) &&
                     order.indexOf(QStringLiteral("route-controller-restart")) == 1,
                 qPrintable(order.join(QStringLiteral(", "))));
        QVERIFY(r.fixes.at(route).steps.first().command.contains(
            QStringLiteral("--DestinationCidrBlock 172.16.1.0/24")));
        QCOMPARE(r.fixes.last().id, QStringLiteral("namespace-finalize"));
        // Every verdict carries evidence with a command a person can type.
        const ComponentVerdict* ram = r.component(QStringLiteral("ram-policy"));
        QVERIFY(!ram->evidence.isEmpty());
        QVERIFY(ram->evidence.first().command.startsWith(QStringLiteral("aliyun ram GetPolicy")));
        QVERIFY(r.narrativeEn.contains(QStringLiteral("Root cause")));
        QVERIFY(r.narrativeZh.contains(QStringLiteral("根因")));
    }

    void healthy_allGreenAndNoRootCause()
    {
        WorldOptions o;
        o.stuck = false;
        o.routeMissing = false;
        o.policyDeny = false;
        const DiagnosisResult r = run(o);
        QVERIFY(r.complete);
        QVERIFY(!r.rootCause.has_value());
        QVERIFY(r.redPath.isEmpty());
        for (const ComponentVerdict& c : r.components)
            QVERIFY2(c.state == ComponentState::Healthy,
                     qPrintable(c.id + QStringLiteral(": ") + c.summary));
        for (const LinkVerdict& l : r.links)
            QVERIFY2(l.state == LinkState::Ok,
                     qPrintable(l.id() + QStringLiteral(": ") + l.summary));
        QVERIFY(r.fixes.isEmpty());
    }

    void noCloudCredentials_cloudSideUnknownWithReason_kubeSideStillFound()
    {
        WorldOptions o;
        o.cloud = false;
        const DiagnosisResult r = run(o);
        QCOMPARE(state(r, ids::VpcRouteTable), ComponentState::Unknown);
        QCOMPARE(state(r, ids::RamPolicy), ComponentState::Unknown);
        QVERIFY(r.component(QStringLiteral("ram-policy"))
                    ->summary.contains(QStringLiteral("no cloud credentials")));
        QCOMPARE(linkState(r, ids::RouteController, ids::RamPolicy), LinkState::Unknown);
        QCOMPARE(linkState(r, ids::ApiServer, ids::MetricsServer), LinkState::Broken);
        QVERIFY(r.rootCause.has_value());
        QCOMPARE(r.rootCause->from, QStringLiteral("apiserver"));
        QCOMPARE(r.rootCause->to, QStringLiteral("metrics-server"));
        QVERIFY(r.rootCause->summary.contains(QStringLiteral("timeout")));
    }

    void ramForbiddenForTheUser_isGreyNeverRed()
    {
        WorldOptions o;
        o.ramForbidden = true;
        const DiagnosisResult r = run(o);
        QCOMPARE(state(r, ids::RamPolicy), ComponentState::Unknown);
        QVERIFY2(r.component(QStringLiteral("ram-policy"))
                     ->summary.contains(QStringLiteral("403 from RAM: ram:GetPolicy not allowed")),
                 qPrintable(r.component(QStringLiteral("ram-policy"))->summary));
        QCOMPARE(linkState(r, ids::RouteController, ids::RamPolicy), LinkState::Unknown);
        QVERIFY(r.rootCause.has_value());
        QVERIFY(r.rootCause->component != QStringLiteral("ram-policy"));
    }

    void routeMissingWithRamFine_rootCauseIsTheRouteTable()
    {
        WorldOptions o;
        o.policyDeny = false;
        const DiagnosisResult r = run(o);
        QVERIFY(r.rootCause.has_value());
        QCOMPARE(r.rootCause->component, QStringLiteral("vpc-route-table"));
        QCOMPARE(state(r, ids::RamPolicy), ComponentState::Healthy);
        QCOMPARE(state(r, ids::RouteController), ComponentState::Healthy);
        QCOMPARE(r.fixes.first().id, QStringLiteral("vpc-route-create"));
    }

    void nodesForbidden_cloudSideIsUnknownWithTheReason()
    {
        WorldOptions o;
        o.nodesForbidden = true;
        const DiagnosisResult r = run(o);
        for (const char* id : {ids::VpcRouteTable, ids::RamPolicy}) {
            const ComponentVerdict* c = r.component(QString::fromLatin1(id));
            QCOMPARE(c->state, ComponentState::Unknown);
            QVERIFY2(c->summary.contains(QStringLiteral("nodes could not be listed")),
                     qPrintable(c->summary));
        }
        QVERIFY(r.rootCause.has_value()); // the kube side still finds the broken APIService
        QCOMPARE(r.rootCause->from, QStringLiteral("apiserver"));
    }

    void json_hasTheDocumentedShape()
    {
        const QJsonObject json = ResultJson::toJson(run({}));
        QCOMPARE(json.value(QStringLiteral("schemaVersion")).toInt(), 1);
        QCOMPARE(json.value(QStringLiteral("rootCause"))
                     .toObject()
                     .value(QStringLiteral("component"))
                     .toString(),
                 QStringLiteral("ram-policy"));
        QVERIFY(json.value(QStringLiteral("components")).toArray().size() >= 6);
        const QJsonObject first =
            json.value(QStringLiteral("components")).toArray().first().toObject();
        for (const char* key : {"id", "state", "summary", "evidence"})
            QVERIFY(first.contains(QLatin1String(key)));
        const QJsonObject link = json.value(QStringLiteral("links")).toArray().first().toObject();
        for (const char* key : {"from", "to", "state", "summary", "evidence"})
            QVERIFY(link.contains(QLatin1String(key)));
        QVERIFY(!json.value(QStringLiteral("narrative"))
                     .toObject()
                     .value(QStringLiteral("zh"))
                     .toString()
                     .isEmpty());
        QVERIFY(json.value(QStringLiteral("fixes")).toArray().size() >= 3);
    }

    void secondStart_dropsTheFirstRunsAnswers()
    {
        DiagnosisEngine engine;
        QSignalSpy finished(&engine, &DiagnosisEngine::finished);
        WorldOptions healthy;
        healthy.stuck = false;
        healthy.routeMissing = false;
        healthy.policyDeny = false;
        engine.start({}, std::make_unique<FakeWorld>(WorldOptions{}));
        engine.start({}, std::make_unique<FakeWorld>(healthy));
        QVERIFY(finished.wait(10000));
        QTest::qWait(200);
        QCOMPARE(finished.size(), 1);
        QVERIFY(!finished.first().first().value<DiagnosisResult>().rootCause.has_value());
    }

    void cancel_endsTheRunAtOnce()
    {
        DiagnosisEngine engine;
        QSignalSpy finished(&engine, &DiagnosisEngine::finished);
        engine.start({}, std::make_unique<FakeWorld>(WorldOptions{}));
        QVERIFY(engine.isRunning());
        engine.cancel();
        QVERIFY(!engine.isRunning());
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().value<DiagnosisResult>().error,
                 QStringLiteral("cancelled"));
        QTest::qWait(100);
        QCOMPARE(finished.size(), 1);
    }

    void blackHole_neverStallsTheVerdict()
    {
        WorldOptions o;
        o.blackHole = true;
        DiagnosisRequest request;
        request.requestTimeoutMs = 300;
        const DiagnosisResult r = run(o, request);
        QVERIFY(r.complete);              // every unanswered request ended at its timeout
        QVERIFY(r.rootCause.has_value()); // the namespace condition still names the broken group
        QCOMPARE(r.rootCause->component, QStringLiteral("ram-policy"));
    }
};

QTEST_GUILESS_MAIN(TestEngineVerdicts)
#include "tst_engine_verdicts.moc"
