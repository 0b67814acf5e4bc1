// SPDX-License-Identifier: GPL-3.0-or-later
// BackendRule: the aggregated API backend behind the APIService, Service → ready endpoints →
// pods. Runs after ApiServiceRule, which picks the backend and reads its Available condition.
#include "models/verdict/rules/ApiServiceRule.h"
#include "models/verdict/rules/BackendRule.h"
#include "verdict/VerdictTestData.h"

#include <QTest>

using namespace unstuck;
using namespace unstuck::test;

namespace {

ComponentVerdict backendFor(const Findings& f)
{
    return componentOf(runRules<ApiServiceRule, BackendRule>(f), ids::MetricsServer);
}

QJsonObject apiServiceWith(const char* reason, const char* message)
{
    QJsonObject apiService = fixture(QStringLiteral("apiservice-metrics-timeout.json"));
    QJsonObject condition{{QStringLiteral("type"), QStringLiteral("Available")},
                          {QStringLiteral("status"), QStringLiteral("False")},
                          {QStringLiteral("reason"), QString::fromUtf8(reason)},
                          {QStringLiteral("message"), QString::fromUtf8(message)}};
    apiService.insert(QStringLiteral("status"),
                      QJsonObject{{QStringLiteral("conditions"), QJsonArray{condition}}});
    return apiService;
}

} // namespace

class TestBackendRule : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readyPodBehindATimeout_isHealthy()
    {
        // The seed incident: the pod is fine, the packets to it are what get lost.
        const ComponentVerdict c = backendFor(seedFindings());
        QCOMPARE(c.state, ComponentState::Healthy);
        QCOMPARE(c.label, QStringLiteral("Metrics Server"));
        QCOMPARE(c.object, QStringLiteral("kube-system/metrics-server"));
        QCOMPARE(
            c.summary,
            QStringLiteral("1 of 1 pods Ready (metrics-server-7d9 172.16.1.12 on node-2 (Ready))"));
        QCOMPARE(c.summaryZh, QStringLiteral("1 个 Pod 中有 1 个就绪（metrics-server-7d9 "
                                             "172.16.1.12，位于 node-2，已就绪）"));
        QCOMPARE(evidenceWith(c.evidence, QStringLiteral("endpoints[].conditions.ready")).value,
                 QStringLiteral("1"));
        const Evidence pods = evidenceWith(c.evidence, QStringLiteral("status.conditions[Ready]"));
        QCOMPARE(pods.title, QStringLiteral("1 of 1 backend pods Ready"));
        QCOMPARE(pods.command,
                 QStringLiteral("kubectl -n kube-system get pods -o wide -l k8s-app=…"));
    }

    void serviceGone_isFailing_theApiServiceWasLeftBehind()
    {
        Findings f = seedFindings();
        setMetricsBackend(f, apiServiceWith("ServiceNotFound",
                                            "service/metrics-server in \"kube-system\" is not "
                                            "present"));
        f.backends[0].service = kubeFailed(
            QStringLiteral("/api/v1/namespaces/kube-system/services/metrics-server"), 404,
            QStringLiteral("notfound"), QStringLiteral("services \"metrics-server\" not found"));
        const ComponentVerdict c = backendFor(f);
        QCOMPARE(c.state, ComponentState::Failing);
        QCOMPARE(c.summary, QStringLiteral("Service kube-system/metrics-server does not exist: "
                                           "APIService v1beta1.metrics.k8s.io was left behind "
                                           "(e.g. by an uninstalled add-on)"));
        QCOMPARE(evidenceWith(c.evidence, QStringLiteral("HTTP status")).value,
                 QStringLiteral("404"));
        QVERIFY(!evidenceWith(c.evidence, QStringLiteral("status.conditions[Available]"))
                     .title.isEmpty());
    }

    void noReadyPod_isFailing_data()
    {
        QTest::addColumn<bool>("podExists");
        QTest::addColumn<QString>("summary");
        QTest::newRow("scaled to zero")
            << false
            << "No backend pod exists for Service kube-system/metrics-server (scaled to zero or "
               "crashed away): no endpoints";
        QTest::newRow("not ready")
            << true
            << "No ready backend pod for Service kube-system/metrics-server (0 of 1 Ready): no "
               "endpoints";
    }
    void noReadyPod_isFailing()
    {
        QFETCH(bool, podExists);
        QFETCH(QString, summary);
        Findings f = seedFindings();
        setMetricsBackend(f,
                          apiServiceWith("MissingEndpoints",
                                         "endpoints for service/metrics-server in \"kube-system\" "
                                         "have no addresses with port name \"https\""),
                          false);
        if (!podExists) {
            f.backends[0].pods = kube(f.backends[0].pods->query.path, list({}));
            f.backends[0].slices = kube(f.backends[0].slices->query.path, list({}));
        }
        const ComponentVerdict c = backendFor(f);
        QCOMPARE(c.state, ComponentState::Failing);
        QCOMPARE(c.summary, summary);
        QCOMPARE(evidenceWith(c.evidence, QStringLiteral("endpoints[].conditions.ready")).value,
                 QStringLiteral("0"));
    }

    void backendAnswersWithAnError_isFailing_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("why");
        QTest::newRow("refused")
            << "failing or missing response from https://172.16.1.12:443/apis/metrics.k8s.io/"
               "v1beta1: dial tcp 172.16.1.12:443: connect: connection refused"
            << "connection refused: the host answers but nothing listens";
        QTest::newRow("forbidden")
            << "bad status from https://172.16.1.12:443/apis/metrics.k8s.io/v1beta1: 403"
            << "the backend rejects the API server (401/403, front-proxy/RBAC)";
    }
    void backendAnswersWithAnError_isFailing()
    {
        QFETCH(QString, message);
        QFETCH(QString, why);
        Findings f = seedFindings();
        setMetricsBackend(f, apiServiceWith("FailedDiscoveryCheck", message.toUtf8().constData()));
        const ComponentVerdict c = backendFor(f);
        QCOMPARE(c.state, ComponentState::Failing);
        QCOMPARE(c.summary,
                 QStringLiteral("kube-system/metrics-server answers the API server with an "
                                "error: ") +
                     why);
        QCOMPARE(evidenceWith(c.evidence, QStringLiteral("status.conditions[Available]")).value,
                 QStringLiteral("False FailedDiscoveryCheck: ") + message);
    }

    void otherAggregatedApi_isNamedAfterItsService()
    {
        Findings f = seedFindings();
        QJsonObject apiService = fixture(QStringLiteral("apiservice-metrics-timeout.json"));
        apiService.insert(QStringLiteral("metadata"),
                          json(R"({"name":"v1beta1.custom.metrics.k8s.io"})"));
        QJsonObject spec = apiService.value(QStringLiteral("spec")).toObject();
        spec.insert(QStringLiteral("group"), QStringLiteral("custom.metrics.k8s.io"));
        spec.insert(QStringLiteral("service"),
                    json(R"({"namespace":"monitoring","name":"prometheus-adapter","port":443})"));
        apiService.insert(QStringLiteral("spec"), spec);
        setMetricsBackend(f, apiService);
        const ComponentVerdict c = backendFor(f);
        QCOMPARE(c.label,
                 QStringLiteral("prometheus-adapter (backend of custom.metrics.k8s.io/v1beta1)"));
        QCOMPARE(c.object, QStringLiteral("monitoring/prometheus-adapter"));
    }

    void podsUnreadable_isUnknownWithTheReason()
    {
        Findings f = seedFindings();
        f.backends[0].pods =
            kubeFailed(f.backends[0].pods->query.path, 403, QStringLiteral("forbidden"),
                       QStringLiteral("pods is forbidden: User \"dev\" cannot list resource "
                                      "\"pods\" in API group \"\" in the namespace "
                                      "\"kube-system\""));
        ComponentVerdict c = backendFor(f);
        QCOMPARE(c.state, ComponentState::Unknown);
        QCOMPARE(c.summary, QStringLiteral("Unknown: backend pods could not be read (pods is "
                                           "forbidden: User \"dev\" cannot list resource "
                                           "\"pods\" in API group \"\" in the namespace "
                                           "\"kube-system\")"));
        f.backends[0].pods.reset();
        c = backendFor(f);
        QCOMPARE(c.summary, QStringLiteral("Unknown: backend pods could not be read (Service has "
                                           "no selector or was not read)"));
        QCOMPARE(c.summaryZh,
                 QStringLiteral("未知：无法读取后端 Pod（Service 没有 selector，或未能读取）"));
    }

    void apiServicesUnreadable_isUnknown()
    {
        Findings f = seedFindings();
        f.apiServices = kubeFailed(kApiServicesPath, 403, QStringLiteral("forbidden"),
                                   QStringLiteral("forbidden"));
        const ComponentVerdict c = backendFor(f);
        QCOMPARE(c.state, ComponentState::Unknown);
        QCOMPARE(c.summary, QStringLiteral("Unknown: APIServices could not be read (forbidden)"));
    }

    void noAggregatedApi_isNotApplicable()
    {
        Findings f = seedFindings();
        f.apiServices = kube(kApiServicesPath, list({}));
        f.backends.clear();
        const ComponentVerdict c = backendFor(f);
        QCOMPARE(c.state, ComponentState::NotApplicable);
        QCOMPARE(c.summary, QStringLiteral("No aggregated API is registered; the API server serves "
                                           "every group itself"));
    }
};

QTEST_GUILESS_MAIN(TestBackendRule)
#include "tst_backend_rule.moc"
