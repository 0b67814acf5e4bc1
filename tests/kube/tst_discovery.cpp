// SPDX-License-Identifier: GPL-3.0-or-later
// KubeDiscovery against a controllable HTTPS server: aggregated discovery with Stale entries,
// the legacy per-group-version fallback with a dead APIService, parallelism and timeouts.
#include "kube/KubeTestSupport.h"
#include "kube/TestApiServer.h"
#include "kube/TestPki.h"
#include "models/kube/Discovery.h"
#include "models/sim/SimServer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace unstuck;
using namespace unstuck::test;

namespace {

const QByteArray kApiVersions =
    R"({"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"10.10.2.211:6443"}]})";

QByteArray groupList(const QStringList& groupVersions)
{
    QJsonArray groups;
    for (const QString& gv : groupVersions) {
        const QString group = gv.section(QLatin1Char('/'), 0, 0);
        const QJsonObject version{{QStringLiteral("groupVersion"), gv},
                                  {QStringLiteral("version"), gv.section(QLatin1Char('/'), 1)}};
        groups.append(QJsonObject{{QStringLiteral("name"), group},
                                  {QStringLiteral("versions"), QJsonArray{version}},
                                  {QStringLiteral("preferredVersion"), version}});
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("kind"), QStringLiteral("APIGroupList")},
                                     {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                     {QStringLiteral("groups"), groups}})
        .toJson(QJsonDocument::Compact);
}

QByteArray resourceList(const QString& gv, const QString& resource)
{
    const QJsonObject r{
        {QStringLiteral("name"), resource},
        {QStringLiteral("namespaced"), true},
        {QStringLiteral("kind"), QStringLiteral("Thing")},
        {QStringLiteral("verbs"), QJsonArray{QStringLiteral("get"), QStringLiteral("list")}}};
    return QJsonDocument(QJsonObject{{QStringLiteral("kind"), QStringLiteral("APIResourceList")},
                                     {QStringLiteral("groupVersion"), gv},
                                     {QStringLiteral("resources"), QJsonArray{r}}})
        .toJson(QJsonDocument::Compact);
}

QJsonObject aggregatedGroup(const QString& name, const QString& version, const QString& resource,
                            bool stale)
{
    QJsonObject v{{QStringLiteral("version"), version}};
    if (stale) {
        v.insert(QStringLiteral("freshness"), QStringLiteral("Stale"));
    } else {
        v.insert(QStringLiteral("freshness"), QStringLiteral("Current"));
        v.insert(QStringLiteral("resources"),
                 QJsonArray{QJsonObject{
                     {QStringLiteral("resource"), resource},
                     {QStringLiteral("responseKind"),
                      QJsonObject{{QStringLiteral("kind"), QStringLiteral("Deployment")}}},
                     {QStringLiteral("scope"), QStringLiteral("Namespaced")},
                     {QStringLiteral("verbs"), QJsonArray{QStringLiteral("get")}}}});
    }
    return QJsonObject{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}},
                       {QStringLiteral("versions"), QJsonArray{v}}};
}

QByteArray aggregatedList(const QJsonArray& items)
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("kind"), QStringLiteral("APIGroupDiscoveryList")},
                           {QStringLiteral("apiVersion"), QStringLiteral("apidiscovery.k8s.io/v2")},
                           {QStringLiteral("items"), items}})
        .toJson(QJsonDocument::Compact);
}

TestReply delayed(TestReply reply, int ms)
{
    reply.delayMs = ms;
    return reply;
}

} // namespace

class TestDiscovery : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_pkiDir;
    std::unique_ptr<TestPki> m_pki;
    std::unique_ptr<TestApiServer> m_server;

    std::unique_ptr<KubeClient> client()
    {
        QTemporaryDir dir;
        KubeError error;
        auto ctx = contextFor(
            dir, m_server->url(),
            "    certificate-authority: " + m_pki->path(QStringLiteral("ca.crt")).toUtf8() + "\n",
            "    token: discovery-token-1234\n", &error);
        if (!ctx)
            return nullptr;
        auto c = std::make_unique<KubeClient>(*ctx);
        c->setRetryBaseDelayMs(10);
        return c;
    }

    DiscoveryResult discover(KubeClient& c, bool aggregated = true)
    {
        KubeDiscovery discovery(&c);
        discovery.setUseAggregated(aggregated);
        QSignalSpy finished(&discovery, &KubeDiscovery::finished);
        discovery.run();
        if (!finished.wait(20000))
            return {};
        return finished.first().first().value<DiscoveryResult>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_pki = std::make_unique<TestPki>(m_pkiDir.path());
        QString error;
        QVERIFY2(m_pki->generate(&error), qPrintable(error));
        const auto cert =
            QSslCertificate::fromData(m_pki->read(QStringLiteral("server.crt"))).value(0);
        const QSslKey key(m_pki->read(QStringLiteral("server.key")), QSsl::Rsa);
        m_server = std::make_unique<TestApiServer>(
            cert, key, QSslCertificate::fromData(m_pki->read(QStringLiteral("ca.crt"))));
        QVERIFY(m_server->listen());
    }

    void legacyFallback_reportsEachGroupVersion_withShortTimeout()
    {
        // A server without aggregated discovery: /apis answers a plain APIGroupList.
        m_server->setHandler([](const TestRequest& r) {
            if (r.path == QLatin1String("/api"))
                return TestReply::json(200, kApiVersions);
            if (r.path == QLatin1String("/apis"))
                return TestReply::json(
                    200, groupList({QStringLiteral("apps/v1"), QStringLiteral("batch/v1"),
                                    QStringLiteral("policy/v1"),
                                    QStringLiteral("metrics.k8s.io/v1beta1"),
                                    QStringLiteral("custom.metrics.k8s.io/v1beta2")}));
            if (r.path == QLatin1String("/api/v1"))
                return TestReply::json(200,
                                       resourceList(QStringLiteral("v1"), QStringLiteral("pods")));
            if (r.path == QLatin1String("/apis/metrics.k8s.io/v1beta1"))
                return TestReply::text(503,
                                       "service unavailable\n"); // the aggregator, APIService down
            if (r.path == QLatin1String("/apis/custom.metrics.k8s.io/v1beta2"))
                return delayed(TestReply::json(200, "{}"), 30000); // dial timeout behind the proxy
            const QString gv = r.path.mid(6);
            return TestReply::json(200, resourceList(gv, QStringLiteral("things")));
        });
        auto c = client();
        QVERIFY(c);
        const DiscoveryResult result = discover(*c);
        QVERIFY2(result.error.ok(), qPrintable(result.error.message));
        QVERIFY(!result.aggregated);
        QVERIFY(!result.complete());

        QStringList names;
        for (const auto& gv : result.groupVersions)
            names << gv.groupVersion;
        QCOMPARE(names, (QStringList{QStringLiteral("apps/v1"), QStringLiteral("batch/v1"),
                                     QStringLiteral("custom.metrics.k8s.io/v1beta2"),
                                     QStringLiteral("metrics.k8s.io/v1beta1"),
                                     QStringLiteral("policy/v1"), QStringLiteral("v1")}));
        const auto failed = result.failed();
        QCOMPARE(failed.size(), 2);
        QCOMPARE(failed[0].groupVersion, QStringLiteral("custom.metrics.k8s.io/v1beta2"));
        // The dead group/version ends at its own 3 s timeout, not kubectl's 30 s.
        QCOMPARE(failed[0].error.kind, KubeError::Kind::Timeout);
        QVERIFY2(failed[0].error.message.contains(QStringLiteral("after 3 s")),
                 qPrintable(failed[0].error.message));
        QCOMPARE(failed[1].groupVersion, QStringLiteral("metrics.k8s.io/v1beta1"));
        QCOMPARE(failed[1].httpStatus, 503);
        QCOMPARE(failed[1].reason, QStringLiteral("ServiceUnavailable"));
        QCOMPARE(failed[1].message,
                 QStringLiteral("the server is currently unable to handle the request"));
        QCOMPARE(result.groupVersions.last()
                     .resources.at(0)
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("pods"));

        const QString message = result.aggregateMessage();
        QVERIFY2(message.startsWith(
                     QStringLiteral("unable to retrieve the complete list of server APIs: "
                                    "custom.metrics.k8s.io/v1beta2: timed out after 3 s")),
                 qPrintable(message));
        QVERIFY2(
            message.endsWith(QStringLiteral(
                ", metrics.k8s.io/v1beta1: the server is currently unable to handle the request")),
            qPrintable(message));

        // The dead aggregated API was asked twice at most; every request is in the evidence.
        QCOMPARE(m_server->count(QStringLiteral("/apis/metrics.k8s.io/v1beta1")), 2);
        QCOMPARE(result.requests.size(), 8);
        bool sawMetrics = false;
        for (const KubeRequestRecord& rec : result.requests) {
            if (rec.path == QLatin1String("/apis/metrics.k8s.io/v1beta1")) {
                sawMetrics = true;
                QCOMPARE(rec.httpStatus, 503);
                QCOMPARE(rec.attempt, 2);
                QCOMPARE(rec.contentType, QByteArray("text/plain; charset=utf-8"));
            }
        }
        QVERIFY(sawMetrics);
    }

    void legacyFallback_fetchesGroupVersionsInParallel()
    {
        const QStringList gvs{QStringLiteral("a.io/v1"), QStringLiteral("b.io/v1"),
                              QStringLiteral("c.io/v1"), QStringLiteral("d.io/v1"),
                              QStringLiteral("e.io/v1")};
        m_server->setHandler([gvs](const TestRequest& r) {
            if (r.path == QLatin1String("/api"))
                return TestReply::json(200, kApiVersions);
            if (r.path == QLatin1String("/apis"))
                return TestReply::json(200, groupList(gvs));
            // No group version is answered until the test says so: a client that asks one after
            // the other would never send the second request.
            TestReply reply =
                TestReply::json(200, resourceList(r.path.mid(6), QStringLiteral("x")));
            reply.held = true;
            return reply;
        });
        auto c = client();
        QVERIFY(c);
        KubeDiscovery discovery(c.get());
        discovery.setGroupVersionTimeoutMs(60000);
        QSignalSpy finished(&discovery, &KubeDiscovery::finished);
        const qsizetype before = m_server->requests().size();
        discovery.run();
        const auto groupVersionRequests = [this, before] {
            int n = 0;
            for (const TestRequest& r : m_server->requests().mid(before))
                n += r.path != QLatin1String("/api") && r.path != QLatin1String("/apis");
            return n;
        };
        // All six are asked while none has been answered.
        QTRY_COMPARE_WITH_TIMEOUT(groupVersionRequests(), 6, 20000);
        QVERIFY(finished.isEmpty());
        m_server->releaseHeld();
        QVERIFY(finished.wait(30000));
        const DiscoveryResult result = finished.first().first().value<DiscoveryResult>();
        QVERIFY2(result.complete(), qPrintable(result.aggregateMessage()));
        QCOMPARE(result.groupVersions.size(), 6);
    }

    void aggregatedDiscovery_staleIsAFailure_withoutPerGroupRequests()
    {
        m_server->setHandler([](const TestRequest& r) {
            if (!r.header("accept").contains("as=APIGroupDiscoveryList"))
                return TestReply::json(406, "{}");
            if (r.path == QLatin1String("/api"))
                return TestReply::json(
                    200, aggregatedList({aggregatedGroup({}, QStringLiteral("v1"),
                                                         QStringLiteral("pods"), false)}));
            if (r.path == QLatin1String("/apis"))
                return TestReply::json(
                    200,
                    aggregatedList({aggregatedGroup(QStringLiteral("apps"), QStringLiteral("v1"),
                                                    QStringLiteral("deployments"), false),
                                    aggregatedGroup(QStringLiteral("metrics.k8s.io"),
                                                    QStringLiteral("v1beta1"), {}, true),
                                    aggregatedGroup(QStringLiteral("acme.io"), QStringLiteral("v2"),
                                                    {}, true)}));
            return TestReply::json(500, "{}");
        });
        const int before = m_server->requests().size();
        auto c = client();
        QVERIFY(c);
        const DiscoveryResult result = discover(*c);
        QVERIFY2(result.error.ok(), qPrintable(result.error.message));
        QVERIFY(result.aggregated);
        QCOMPARE(m_server->requests().size() - before, 2); // /api and /apis only
        QCOMPARE(m_server->requests().last().header("accept"), KubeDiscovery::aggregatedAccept());
        QCOMPARE(result.groupVersions.size(), 4);
        QCOMPARE(result.aggregateMessage(),
                 QStringLiteral(
                     "unable to retrieve the complete list of server APIs: acme.io/v2: stale "
                     "GroupVersion "
                     "discovery: acme.io/v2, metrics.k8s.io/v1beta1: stale GroupVersion discovery: "
                     "metrics.k8s.io/v1beta1"));
        const DiscoveryGroupVersion apps = result.groupVersions.at(1);
        QCOMPARE(apps.groupVersion, QStringLiteral("apps/v1"));
        QVERIFY(apps.ok);
        const QJsonObject deployments = apps.resources.at(0).toObject();
        QCOMPARE(deployments.value(QStringLiteral("name")).toString(),
                 QStringLiteral("deployments"));
        QCOMPARE(deployments.value(QStringLiteral("namespaced")).toBool(), true);
        QCOMPARE(deployments.value(QStringLiteral("kind")).toString(),
                 QStringLiteral("Deployment"));
        QVERIFY(result.groupVersions.at(2).stale);
        QCOMPARE(result.groupVersions.last().groupVersion, QStringLiteral("v1"));
    }

    void healthyCluster_isComplete()
    {
        m_server->setHandler([](const TestRequest& r) {
            if (r.path == QLatin1String("/api"))
                return TestReply::json(200, kApiVersions);
            if (r.path == QLatin1String("/apis"))
                return TestReply::json(200, groupList({QStringLiteral("apps/v1")}));
            return TestReply::json(200, resourceList(r.path.mid(6), QStringLiteral("x")));
        });
        auto c = client();
        QVERIFY(c);
        const DiscoveryResult result = discover(*c, false);
        QVERIFY(result.complete());
        QVERIFY(result.aggregateMessage().isEmpty());
        QCOMPARE(result.groupVersions.size(), 2);
        QCOMPARE(m_server->requests().last().header("accept"), QByteArray("application/json"));
    }

    void unusableRoot_failsTheWholeDiscovery()
    {
        m_server->setHandler([](const TestRequest& r) {
            if (r.path == QLatin1String("/apis"))
                return TestReply::kubeStatus(
                    403, "Forbidden",
                    "forbidden: User \\\"system:anonymous\\\" cannot get path \\\"/apis\\\"");
            return TestReply::json(200, kApiVersions);
        });
        auto c = client();
        QVERIFY(c);
        const DiscoveryResult result = discover(*c);
        QCOMPARE(result.error.kind, KubeError::Kind::Forbidden);
        QVERIFY(result.error.message.contains(QStringLiteral("cannot get path \"/apis\"")));
        QVERIFY(result.groupVersions.isEmpty());
        QVERIFY(!result.complete());
    }
    // --- against the simulator, in process ----------------------------------------------

    void sim_seedScenario_partialDiscovery_data()
    {
        QTest::addColumn<bool>("aggregated");
        QTest::addColumn<QString>("cause");
        QTest::newRow("aggregated v2")
            << true << QStringLiteral("stale GroupVersion discovery: metrics.k8s.io/v1beta1");
        QTest::newRow("legacy per group/version")
            << false << QStringLiteral("the server is currently unable to handle the request");
    }

    void sim_seedScenario_partialDiscovery()
    {
        QFETCH(bool, aggregated);
        QFETCH(QString, cause);
        QTemporaryDir dir;
        sim::SimOptions options;
        options.scenario = QStringLiteral("seed");
        options.stateDir = dir.path();
        sim::SimServer server(options);
        QString startError;
        QVERIFY2(server.start(&startError), qPrintable(startError));
        KubeError error;
        auto cfg = KubeconfigLoader::load(server.kubeconfigPath(), {}, &error);
        QVERIFY2(cfg, qPrintable(error.message));
        auto ctx = KubeconfigLoader::resolve(*cfg, {}, &error);
        QVERIFY2(ctx, qPrintable(error.message));
        KubeClient c(*ctx);
        const DiscoveryResult result = discover(c, aggregated);
        QVERIFY2(result.error.ok(), qPrintable(result.error.message));
        QCOMPARE(result.aggregated, aggregated);
        QVERIFY(result.groupVersions.size() > 3);
        QCOMPARE(
            result.aggregateMessage(),
            QStringLiteral(
                "unable to retrieve the complete list of server APIs: metrics.k8s.io/v1beta1: ") +
                cause);
        if (!aggregated) {
            QCOMPARE(result.failed().first().httpStatus, 503);
            QVERIFY(result.requests.size() > 3);
        }
    }

    void sim_healthyScenario_isComplete()
    {
        QTemporaryDir dir;
        sim::SimOptions options;
        options.scenario = QStringLiteral("healthy");
        options.stateDir = dir.path();
        sim::SimServer server(options);
        QString startError;
        QVERIFY2(server.start(&startError), qPrintable(startError));
        KubeError error;
        auto cfg = KubeconfigLoader::load(server.kubeconfigPath(), {}, &error);
        QVERIFY(cfg);
        auto ctx = KubeconfigLoader::resolve(*cfg, {}, &error);
        QVERIFY(ctx);
        KubeClient c(*ctx);
        for (bool aggregated : {true, false}) {
            const DiscoveryResult result = discover(c, aggregated);
            QVERIFY2(result.complete(),
                     qPrintable(result.aggregateMessage() + result.error.message));
        }
    }
};

QTEST_GUILESS_MAIN(TestDiscovery)
#include "tst_discovery.moc"
