// SPDX-License-Identifier: GPL-3.0-or-later
// ApiServerRule: the API Server answers, and where its calls to aggregated APIs leave from (the
// control plane's host network is why a pod-network backend needs a VPC route).
#include "models/verdict/rules/ApiServerRule.h"
#include "verdict/VerdictTestData.h"

#include <QTest>

using namespace unstuck;
using namespace unstuck::test;

class TestApiServerRule : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void apiServerPodOnHostNetwork_isHealthyAndNamesItsHostIp()
    {
        const ComponentVerdict c =
            componentOf(runRules<ApiServerRule>(seedFindings()), ids::ApiServer);
        QCOMPARE(c.state, ComponentState::Healthy);
        QCOMPARE(c.label, QStringLiteral("API Server"));
        QCOMPARE(c.object, QStringLiteral("kube-apiserver"));
        QCOMPARE(c.summary, QStringLiteral("Serves requests; its calls to aggregated APIs leave "
                                           "from the host network 192.168.0.193 (node master-1)"));
        QCOMPARE(c.summaryZh, QStringLiteral("正常处理请求；它对聚合 API 的调用从主机网络 "
                                             "192.168.0.193（节点 master-1）发出"));
        const Evidence pod = evidenceWith(c.evidence, QStringLiteral("spec.hostNetwork"));
        QCOMPARE(pod.value, QStringLiteral("true"));
        QCOMPARE(pod.command,
                 QStringLiteral("kubectl -n kube-system get pod kube-apiserver-master-1 "
                                "-o wide"));
        QCOMPARE(evidenceWith(c.evidence, QStringLiteral("HTTP status")).value,
                 QStringLiteral("200"));
    }

    void origin_data()
    {
        QTest::addColumn<bool>("podsVisible");
        QTest::addColumn<bool>("nodesVisible");
        QTest::addColumn<QString>("origin");
        QTest::newRow("control-plane node")
            << false << true << "host network of control-plane node master-1 (192.168.0.193)";
        QTest::newRow("managed") << false << false
                                 << "a managed control plane (no API server pod is visible)";
    }
    void origin()
    {
        QFETCH(bool, podsVisible);
        QFETCH(bool, nodesVisible);
        QFETCH(QString, origin);
        Findings f = seedFindings();
        if (!podsVisible)
            f.systemPods = kube(kSystemPodsPath, list({}));
        if (!nodesVisible)
            f.nodes.reset();
        const ComponentVerdict c = componentOf(runRules<ApiServerRule>(f), ids::ApiServer);
        QCOMPARE(c.state, ComponentState::Healthy);
        QCOMPARE(c.summary,
                 QStringLiteral("Serves requests; its calls to aggregated APIs leave from the ") +
                     origin);
    }

    void apisUnanswered_isUnknownWithTheReason_data()
    {
        QTest::addColumn<bool>("answered");
        QTest::addColumn<QString>("summary");
        QTest::addColumn<QString>("summaryZh");
        QTest::newRow("403") << true << "Unknown: /apis did not answer (Unauthorized)"
                             << "未知：/apis 没有应答（Unauthorized）";
        QTest::newRow("not answered") << false << "Unknown: /apis did not answer (not answered)"
                                      << "未知：/apis 没有应答（无应答）";
    }
    void apisUnanswered_isUnknownWithTheReason()
    {
        QFETCH(bool, answered);
        QFETCH(QString, summary);
        QFETCH(QString, summaryZh);
        Findings f = seedFindings();
        f.apis.reset();
        if (answered)
            f.apis = kubeFailed(QStringLiteral("/apis"), 401, QStringLiteral("unauthorized"),
                                QStringLiteral("Unauthorized"));
        const ComponentVerdict c = componentOf(runRules<ApiServerRule>(f), ids::ApiServer);
        QCOMPARE(c.state, ComponentState::Unknown);
        QCOMPARE(c.summary, summary);
        QCOMPARE(c.summaryZh, summaryZh);
        QVERIFY(c.evidence.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestApiServerRule)
#include "tst_api_server_rule.moc"
