// SPDX-License-Identifier: GPL-3.0-or-later
// The product's clients against `--faults`: reads are sent again after a reset, a 5xx, a 429 or
// throttling (as client-go and the official SDKs do), writes without a ClientToken never are,
// and a client that gives up says what it met and how often it tried.
#include "models/cloud/CloudClient.h"
#include "models/cloud/ConnectionProfile.h"
#include "models/kube/KubeClient.h"
#include "models/kube/KubeconfigLoader.h"
#include "models/sim/SimServer.h"
#include "models/sim/SimWorld.h"

#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <optional>

using namespace unstuck;
using namespace Qt::StringLiterals;
using sim::FaultSpec;
using sim::SimOptions;
using sim::SimServer;

namespace {

// A simulator under `faults` (seed fixed) and the product's two clients for it.
struct FaultySim
{
    explicit FaultySim(const QString& faults)
    {
        SimOptions o;
        o.stateDir = dir.path();
        o.faults = FaultSpec::parse(faults, nullptr).value_or(FaultSpec{});
        o.faultsSeed = 3;
        server = std::make_unique<SimServer>(o);
        QString error;
        ok = server->start(&error);
        server->world().stop(); // the test's requests only
        KubeError kubeError;
        const auto config = KubeconfigLoader::load(server->kubeconfigPath(), {}, &kubeError);
        const auto context =
            config ? KubeconfigLoader::resolve(*config, {}, &kubeError) : std::nullopt;
        const auto profile = ConnectionProfile::load(server->profilePath(), {}, &error);
        ok = ok && context && profile;
        if (!ok)
            return;
        kube = std::make_unique<KubeClient>(*context);
        kube->setRetryBaseDelayMs(10);
        cloud = std::make_unique<CloudClient>(profile->cloud);
        cloud->setRetryPolicy(3, 10);
    }

    KubeResponse kubeCall(const QByteArray& method, const QString& path,
                          const QByteArray& body = {})
    {
        std::optional<KubeResponse> out;
        kube->request(method, path, body, "application/json", nullptr,
                      [&](const KubeResponse& r) { out = r; });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 30000))
            qWarning("no answer within 30 s");
        return out.value_or(KubeResponse{});
    }

    CloudResponse cloudCall(const QString& action, const QMap<QString, QString>& params = {})
    {
        std::optional<CloudResponse> out;
        cloud->call(u"vpc"_s, action, params, nullptr, [&](const CloudResponse& r) { out = r; });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 30000))
            qWarning("no answer within 30 s");
        return out.value_or(CloudResponse{});
    }

    QTemporaryDir dir;
    std::unique_ptr<SimServer> server;
    std::unique_ptr<KubeClient> kube;
    std::unique_ptr<CloudClient> cloud;
    bool ok = false;
};

} // namespace

class TestFaultRetries : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void kubeRead_resetMidBody_isSentAgainAndSucceeds()
    {
        FaultySim sim(u"reset=0.5@/api/v1/namespaces"_s);
        QVERIFY(sim.ok);
        int retried = 0;
        for (int i = 0; i < 6; ++i) {
            const KubeResponse r = sim.kubeCall("GET", u"/api/v1/namespaces"_s);
            QVERIFY2(r.error.ok(), qPrintable(r.error.message));
            retried += r.attempts > 1;
        }
        QVERIFY(retried > 0); // the seed makes some first attempts fail
    }

    void kubeRead_alwaysCut_givesUpNamingTheTruncation()
    {
        FaultySim sim(u"truncate=1@/api/v1/namespaces"_s);
        QVERIFY(sim.ok);
        const KubeResponse r = sim.kubeCall("GET", u"/api/v1/namespaces"_s);
        QVERIFY(!r.error.ok());
        QVERIFY2(r.error.message.contains(u"truncated"_s), qPrintable(r.error.message));
        QVERIFY2(!r.error.message.contains(u"%"_s), qPrintable(r.error.message));
    }

    void kubeWrite_resetIsNeverSentAgain()
    {
        FaultySim sim(u"reset=1@/api/v1/namespaces"_s);
        QVERIFY(sim.ok);
        const KubeResponse r =
            sim.kubeCall("POST", u"/api/v1/namespaces"_s,
                         R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"x"}})");
        QVERIFY(!r.error.ok());
        QCOMPARE(r.attempts, 1);
    }

    void cloudRead_throttledEveryTime_givesUpAfterFourTries()
    {
        FaultySim sim(u"throttle=1@DescribeVpcs"_s);
        QVERIFY(sim.ok);
        const CloudResponse r = sim.cloudCall(u"DescribeVpcs"_s);
        QCOMPARE(r.error.code, u"Throttling.User"_s);
        QCOMPARE(r.error.httpStatus, 400);
        QCOMPARE(r.attempts, 4);
        QVERIFY2(r.error.summary().contains(u"gave up after 4 tries"_s),
                 qPrintable(r.error.summary()));
    }

    void cloudRead_resetMidBody_isSentAgain()
    {
        FaultySim sim(u"reset=0.5@DescribeVpcs"_s);
        QVERIFY(sim.ok);
        int retried = 0;
        for (int i = 0; i < 6; ++i) {
            const CloudResponse r = sim.cloudCall(u"DescribeVpcs"_s);
            QVERIFY2(r.error.ok(), qPrintable(r.error.summary()));
            retried += r.attempts > 1;
        }
        QVERIFY(retried > 0);
    }

    void cloudWrite_withoutClientToken_is5xxOnce()
    {
        FaultySim sim(u"http5xx=1@CreateRouteEntry"_s);
        QVERIFY(sim.ok);
        const CloudResponse r =
            sim.cloudCall(u"CreateRouteEntry"_s, {{u"RouteTableId"_s, u"vtb-x"_s},
                                                  {u"DestinationCidrBlock"_s, u"10.9.0.0/24"_s},
                                                  {u"NextHopId"_s, u"i-x"_s}});
        QVERIFY(r.error.httpStatus >= 500);
        QCOMPARE(r.attempts, 1);
    }
};

QTEST_GUILESS_MAIN(TestFaultRetries)
#include "tst_faultretries.moc"
