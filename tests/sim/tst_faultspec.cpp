// SPDX-License-Identifier: GPL-3.0-or-later
// `unstuck-sim --faults SPEC`: what a SPEC means (kinds, rates, scopes), the message a bad one
// gets, and that the same seed strikes the same requests (a failing run can be replayed).
#include "models/sim/FaultInjector.h"
#include "models/sim/FaultSpec.h"

#include <QTest>

using namespace unstuck::sim;
using Kind = FaultRule::Kind;

class TstFaultSpec : public QObject
{
    Q_OBJECT

    static FaultSpec parsed(const QString& text)
    {
        QString error;
        const auto spec = FaultSpec::parse(text, &error);
        if (!spec)
            qWarning("%s", qPrintable(error));
        return spec.value_or(FaultSpec{});
    }

    static HttpRequest get(const QString& path)
    {
        HttpRequest request;
        request.method = "GET";
        request.path = path;
        return request;
    }

private Q_SLOTS:
    void theIssueExample_parsesEveryPart()
    {
        const FaultSpec spec = parsed(QStringLiteral(
            "jitter=300,http429=0.2,reset=0.05@/apis/metrics.k8s.io,throttle=1@DescribeVpcs"));
        QCOMPARE(spec.rules().size(), 4);
        QCOMPARE(spec.rules()[0].kind, Kind::Jitter);
        QCOMPARE(spec.rules()[0].value, 300.0);
        QCOMPARE(spec.rules()[1].kind, Kind::Http429);
        QCOMPARE(spec.rules()[1].value, 0.2);
        QVERIFY(spec.rules()[1].scope.isEmpty());
        QCOMPARE(spec.rules()[2].scope, QStringLiteral("/apis/metrics.k8s.io"));
        QVERIFY(spec.rules()[2].isPathScope());
        QCOMPARE(spec.rules()[3].scope, QStringLiteral("DescribeVpcs"));
        QVERIFY(spec.rules()[3].isActionScope());
    }

    void everyKindNamedInTheHelp_parses()
    {
        for (const QString& kind : FaultSpec::kindNames())
            QCOMPARE(parsed(kind + QStringLiteral("=1")).rules().size(), 1);
        QCOMPARE(FaultSpec::kindNames().size(), 9);
    }

    void badSpec_isRejectedNamingTheBadPart_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("named");
        QTest::newRow("unknown kind") << "jitter=10,flood=0.5"
                                      << "flood=0.5";
        QTest::newRow("rate above 1") << "http429=2"
                                      << "http429=2";
        QTest::newRow("negative rate") << "reset=-0.1"
                                       << "reset=-0.1";
        QTest::newRow("not a number") << "truncate=often"
                                      << "truncate=often";
        QTest::newRow("no value") << "drip"
                                  << "drip";
        QTest::newRow("empty scope") << "auth=1@"
                                     << "auth=1@";
        QTest::newRow("empty entry") << "tls=1,,auth=1"
                                     << "empty entry";
        QTest::newRow("jitter too long") << "jitter=3600000"
                                         << "jitter=3600000";
        QTest::newRow("tls by method") << "tls=1@GET"
                                       << "before any request has a method";
    }

    void badSpec_isRejectedNamingTheBadPart()
    {
        QFETCH(QString, spec);
        QFETCH(QString, named);
        QString error;
        QVERIFY(!FaultSpec::parse(spec, &error));
        QVERIFY2(error.contains(named), qPrintable(error));
    }

    void pathScope_strikesOnlyKubernetesPathsWithThePrefix()
    {
        FaultInjector faults(parsed(QStringLiteral("http5xx=1@/apis/metrics.k8s.io")), 7);
        QVERIFY(faults.replaceAnswer(FaultInjector::Port::Kube,
                                     get(QStringLiteral("/apis/metrics.k8s.io/v1beta1"))));
        QVERIFY(!faults.replaceAnswer(FaultInjector::Port::Kube,
                                      get(QStringLiteral("/api/v1/namespaces"))));
        QVERIFY(!faults.replaceAnswer(FaultInjector::Port::Cloud, get(QStringLiteral("/"))));
    }

    void methodScope_strikesOnlyThatMethod()
    {
        FaultInjector faults(parsed(QStringLiteral("reset=1@PATCH:/apis/apiregistration.k8s.io,"
                                                   "http5xx=1@DELETE")),
                             7);
        const auto isReset = [&](const HttpRequest& request) {
            HttpResponse response;
            response.body = "{}";
            faults.shapeDelivery(FaultInjector::Port::Kube, request, &response);
            return response.delivery == HttpResponse::Delivery::Reset;
        };
        HttpRequest patch = get(QStringLiteral("/apis/apiregistration.k8s.io/v1/apiservices/x"));
        patch.method = "PATCH";
        QVERIFY(isReset(patch));
        QVERIFY(!isReset(get(QStringLiteral("/apis/apiregistration.k8s.io/v1/apiservices/x"))));
        HttpRequest otherPatch = patch;
        otherPatch.path = QStringLiteral("/api/v1/namespaces/demo");
        QVERIFY(!isReset(otherPatch));
        HttpRequest remove = get(QStringLiteral("/api/v1/namespaces/demo/pods/p"));
        remove.method = "DELETE";
        QVERIFY(faults.replaceAnswer(FaultInjector::Port::Kube, remove));
        QVERIFY(!faults.replaceAnswer(FaultInjector::Port::Kube,
                                      get(QStringLiteral("/api/v1/namespaces/demo/pods/p"))));
    }

    void actionScope_strikesOnlyThatCloudAction()
    {
        FaultInjector faults(parsed(QStringLiteral("throttle=1@DescribeVpcs")), 7);
        HttpRequest describe = get(QStringLiteral("/"));
        describe.headers.insert("x-acs-action", "DescribeVpcs");
        HttpRequest other = describe;
        other.headers.insert("x-acs-action", "DescribeRouteTableList");
        const auto answer = faults.replaceAnswer(FaultInjector::Port::Cloud, describe);
        QVERIFY(answer);
        QCOMPARE(answer->status, 400);
        QVERIFY(answer->body.contains("Throttling.User"));
        QVERIFY(!faults.replaceAnswer(FaultInjector::Port::Cloud, other));
    }

    void portScope_strikesEveryRequestToThatPortOnly()
    {
        FaultInjector faults(parsed(QStringLiteral("auth=1@cloud")), 7);
        QVERIFY(faults.replaceAnswer(FaultInjector::Port::Cloud, get(QStringLiteral("/"))));
        QVERIFY(!faults.replaceAnswer(FaultInjector::Port::Kube, get(QStringLiteral("/api"))));
        FaultInjector kubeOnly(parsed(QStringLiteral("tls=1@kube")), 7);
        QVERIFY(kubeOnly.failHandshake(FaultInjector::Port::Kube));
        QVERIFY(!kubeOnly.failHandshake(FaultInjector::Port::Cloud));
    }

    void kube429_carriesRetryAfter()
    {
        FaultInjector faults(parsed(QStringLiteral("http429=1")), 1);
        const auto answer =
            faults.replaceAnswer(FaultInjector::Port::Kube, get(QStringLiteral("/api")));
        QVERIFY(answer);
        QCOMPARE(answer->status, 429);
        bool retryAfter = false;
        for (const auto& [name, value] : answer->headers)
            retryAfter = retryAfter || name == "Retry-After";
        QVERIFY(retryAfter);
    }

    void sameSeed_strikesTheSameRequests()
    {
        auto pattern = [](quint32 seed) {
            FaultInjector faults(parsed(QStringLiteral("reset=0.3")), seed);
            QString hits;
            for (int i = 0; i < 64; ++i) {
                HttpResponse response;
                faults.shapeDelivery(FaultInjector::Port::Kube, get(QStringLiteral("/api")),
                                     &response);
                hits += response.delivery == HttpResponse::Delivery::Reset ? u'x' : u'.';
            }
            return hits;
        };
        QCOMPARE(pattern(42), pattern(42));
        QVERIFY(pattern(42).contains(u'x'));
        QVERIFY(pattern(42).contains(u'.'));
        QVERIFY(pattern(42) != pattern(43));
    }
};

QTEST_APPLESS_MAIN(TstFaultSpec)
#include "tst_faultspec.moc"
