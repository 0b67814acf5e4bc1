// SPDX-License-Identifier: GPL-3.0-or-later
// ApiServiceRule: the link API Server → aggregated backend reads the APIService's Available
// condition (kubernetes.md §2.2), and picks the backend the rest of the graph follows.
#include "models/verdict/rules/ApiServiceRule.h"
#include "verdict/VerdictTestData.h"

#include <QTest>

using namespace unstuck;
using namespace unstuck::test;

namespace {

// The metrics APIService with its Available condition replaced.
QJsonObject metricsApiService(const QString& status, const QString& reason, const QString& message)
{
    QJsonObject apiService = fixture(QStringLiteral("apiservice-metrics-timeout.json"));
    apiService.insert(
        QStringLiteral("status"),
        QJsonObject{{QStringLiteral("conditions"),
                     QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("Available")},
                                            {QStringLiteral("status"), status},
                                            {QStringLiteral("reason"), reason},
                                            {QStringLiteral("message"), message}}}}});
    return apiService;
}

LinkVerdict linkFor(const Findings& f, VerdictContext::Handoff* handoff = nullptr)
{
    return linkOf(runRules<ApiServiceRule>(f, handoff), ids::ApiServer, ids::MetricsServer);
}

} // namespace

class TestApiServiceRule : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void unavailable_breaksTheLinkAndNamesTheBrokenHop_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("hop");
        QTest::addColumn<int>("failure");
        QTest::newRow("dial timeout")
            << "FailedDiscoveryCheck"
            << "failing or missing response from https://172.16.1.12:443/apis/metrics.k8s.io/"
               "v1beta1: Get \"https://172.16.1.12:443/apis/metrics.k8s.io/v1beta1\": dial tcp "
               "172.16.1.12:443: i/o timeout"
            << "dial timeout: packets to the backend are dropped (route or security group)"
            << int(ApiServiceFailure::Timeout);
        QTest::newRow("service gone")
            << "ServiceNotFound"
            << "service/metrics-server in \"kube-system\" is not present"
            << "the Service does not exist" << int(ApiServiceFailure::NoService);
        QTest::newRow("no endpoints")
            << "MissingEndpoints"
            << "endpoints for service/metrics-server in \"kube-system\" have no addresses with "
               "port name \"https\""
            << "the Service has no ready endpoints" << int(ApiServiceFailure::NoEndpoints);
    }
    void unavailable_breaksTheLinkAndNamesTheBrokenHop()
    {
        QFETCH(QString, reason);
        QFETCH(QString, message);
        QFETCH(QString, hop);
        QFETCH(int, failure);
        Findings f = seedFindings();
        setMetricsBackend(f, metricsApiService(QStringLiteral("False"), reason, message));
        VerdictContext::Handoff handoff;
        const LinkVerdict link = linkFor(f, &handoff);
        QCOMPARE(link.state, LinkState::Broken);
        QCOMPARE(link.summary, QStringLiteral("APIService v1beta1.metrics.k8s.io is "
                                              "Available=False (%1): %2")
                                   .arg(reason, hop));
        QVERIFY(link.summaryZh.startsWith(
            QStringLiteral("APIService v1beta1.metrics.k8s.io 不可用（Available=False，")));
        const Evidence e =
            evidenceWith(link.evidence, QStringLiteral("status.conditions[Available]"));
        QCOMPARE(e.value, QStringLiteral("False %1: %2").arg(reason, message));
        QCOMPARE(e.title,
                 QStringLiteral("APIService v1beta1.metrics.k8s.io is Available=False (%1)")
                     .arg(reason));
        QCOMPARE(e.command,
                 QStringLiteral("kubectl get apiservice v1beta1.metrics.k8s.io -o yaml"));
        QCOMPARE(e.request, QStringLiteral("GET /apis/apiregistration.k8s.io/v1/apiservices"));
        // What the backend rule reads next.
        QVERIFY(handoff.backend);
        QCOMPARE(handoff.backend->apiService, QStringLiteral("v1beta1.metrics.k8s.io"));
        QCOMPARE(int(handoff.backendFailure), failure);
        QCOMPARE(handoff.apiServiceEvidence.value, e.value);
    }

    void available_isOk()
    {
        Findings f = seedFindings();
        setMetricsBackend(f, metricsApiService(QStringLiteral("True"), QStringLiteral("Passed"),
                                               QStringLiteral("all checks passed")));
        VerdictContext::Handoff handoff;
        const LinkVerdict link = linkFor(f, &handoff);
        QCOMPARE(link.state, LinkState::Ok);
        QCOMPARE(link.summary, QStringLiteral("APIService v1beta1.metrics.k8s.io is Available"));
        QCOMPARE(link.summaryZh,
                 QStringLiteral("APIService v1beta1.metrics.k8s.io 可用（Available）"));
        QCOMPARE(int(handoff.backendFailure), int(ApiServiceFailure::None));
    }

    void noAggregatedApi_isOk()
    {
        Findings f = seedFindings();
        f.apiServices =
            kube(kApiServicesPath, list({fixture(QStringLiteral("apiservice-local.json"))}));
        f.backends.clear();
        VerdictContext::Handoff handoff;
        const LinkVerdict link = linkFor(f, &handoff);
        QCOMPARE(link.state, LinkState::Ok);
        QCOMPARE(link.summary, QStringLiteral("No aggregated API to reach"));
        QVERIFY(!handoff.backend);
    }

    void apiServicesUnreadable_isUnknownWithTheReason()
    {
        Findings f = seedFindings();
        f.apiServices = kubeFailed(kApiServicesPath, 403, QStringLiteral("forbidden"),
                                   QStringLiteral("apiservices.apiregistration.k8s.io is "
                                                  "forbidden: User \"dev\" cannot list resource "
                                                  "\"apiservices\""));
        const LinkVerdict link = linkFor(f);
        QCOMPARE(link.state, LinkState::Unknown);
        QCOMPARE(link.summary, QStringLiteral("Unknown: APIServices could not be read "
                                              "(apiservices.apiregistration.k8s.io is forbidden: "
                                              "User \"dev\" cannot list resource "
                                              "\"apiservices\")"));
        QVERIFY(link.summaryZh.startsWith(QStringLiteral("未知：无法读取 APIService（")));
        f.apiServices.reset();
        QCOMPARE(linkFor(f).summary,
                 QStringLiteral("Unknown: APIServices could not be read (not answered)"));
    }

    void followsTheBackendTheNamespaceNames_andListsOtherFailures()
    {
        Findings f = seedFindings();
        const QJsonObject custom = fixture(QStringLiteral("apiservice-custom-metrics-gone.json"));
        // The probe sorts failing backends first; the custom one comes first here.
        AggregatedBackend other = backendOf(custom);
        other.service =
            kubeFailed(QStringLiteral("/api/v1/namespaces/monitoring/services/prometheus-adapter"),
                       404, QStringLiteral("notfound"),
                       QStringLiteral("services \"prometheus-adapter\" not found"));
        f.backends.prepend(other);
        VerdictContext::Handoff handoff;
        const LinkVerdict link = linkFor(f, &handoff);
        QCOMPARE(handoff.backend->apiService, QStringLiteral("v1beta1.metrics.k8s.io"));
        QVERIFY2(link.summary.startsWith(QStringLiteral("APIService v1beta1.metrics.k8s.io")),
                 qPrintable(link.summary));
        const Evidence also =
            evidenceWith(link.evidence, QStringLiteral("status.conditions[Available].reason"));
        QCOMPARE(also.title,
                 QStringLiteral("APIService v1beta1.custom.metrics.k8s.io is also unavailable"));
        QCOMPARE(also.value, QStringLiteral("ServiceNotFound: service/prometheus-adapter in "
                                            "\"monitoring\" is not present"));
    }
};

QTEST_GUILESS_MAIN(TestApiServiceRule)
#include "tst_api_service_rule.moc"
