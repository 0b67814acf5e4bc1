// SPDX-License-Identifier: GPL-3.0-or-later
// DiscoveryRule: the Namespace Controller and its link to the API Server. One group/version that
// cannot be listed blocks every deletion (kubernetes.md §1.3), so the link is broken on it.
#include "models/verdict/rules/DiscoveryRule.h"
#include "verdict/VerdictTestData.h"

#include <QTest>

using namespace unstuck;
using namespace unstuck::test;

namespace {

const char* const kController = ids::NamespaceController;
const char* const kApiServer = ids::ApiServer;

QJsonObject stuckWithMessage(const QString& name, const QString& message)
{
    QJsonObject ns = fixture(QStringLiteral("namespace-discovery-failure.json"));
    ns.insert(QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}});
    QJsonObject status = ns.value(QStringLiteral("status")).toObject();
    QJsonArray conditions = status.value(QStringLiteral("conditions")).toArray();
    QJsonObject discovery = conditions.at(0).toObject();
    discovery.insert(QStringLiteral("message"), message);
    conditions.replace(0, discovery);
    status.insert(QStringLiteral("conditions"), conditions);
    ns.insert(QStringLiteral("status"), status);
    return ns;
}

} // namespace

class TestDiscoveryRule : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void namespaceCondition_breaksTheLinkOnTheGroupVersionsItNames_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QStringList>("failing");
        // Before Kubernetes 1.27, and with aggregated discovery (kubernetes.md §0.2).
        QTest::newRow("unable to handle")
            << "Discovery failed for some groups, 1 failing: unable to retrieve the complete list "
               "of server APIs: metrics.k8s.io/v1beta1: the server is currently unable to handle "
               "the request"
            << QStringList{QStringLiteral("metrics.k8s.io/v1beta1")};
        QTest::newRow("stale, two groups")
            << "Discovery failed for some groups, 2 failing: unable to retrieve the complete list "
               "of server APIs: custom.metrics.k8s.io/v1beta1: stale GroupVersion discovery: "
               "custom.metrics.k8s.io/v1beta1, metrics.k8s.io/v1beta1: stale GroupVersion "
               "discovery: metrics.k8s.io/v1beta1"
            << QStringList{QStringLiteral("custom.metrics.k8s.io/v1beta1"),
                           QStringLiteral("metrics.k8s.io/v1beta1")};
    }
    void namespaceCondition_breaksTheLinkOnTheGroupVersionsItNames()
    {
        QFETCH(QString, message);
        QFETCH(QStringList, failing);
        Findings f;
        setStuck(f, {stuckWithMessage(QStringLiteral("tobedeletedb"), message)});
        f.apis = kube(QStringLiteral("/apis"), json(R"({"kind":"APIGroupList","groups":[]})"));
        VerdictContext::Handoff handoff;
        const DiagnosisResult r = runRules<DiscoveryRule>(f, &handoff);
        const LinkVerdict link = linkOf(r, kController, kApiServer);
        QCOMPARE(link.state, LinkState::Broken);
        QCOMPARE(link.summary, QStringLiteral("Discovery is partial: %1 cannot be listed, so the "
                                              "namespace controller will not finish deleting")
                                   .arg(failing.join(QStringLiteral(", "))));
        QVERIFY(link.summaryZh.startsWith(QStringLiteral("API 发现不完整：无法列出")));
        const Evidence e = evidenceWith(
            link.evidence,
            QStringLiteral("status.conditions[NamespaceDeletionDiscoveryFailure].message"));
        QCOMPARE(e.value, message);
        QCOMPARE(e.title, QStringLiteral("Namespace tobedeletedb reports "
                                         "NamespaceDeletionDiscoveryFailure"));
        QCOMPARE(e.command, QStringLiteral("kubectl get ns tobedeletedb -o yaml"));
        QCOMPARE(handoff.failingGroupVersions, failing);
    }

    void groupVersionAnswering503_breaksTheLink()
    {
        Findings f = seedFindings();
        setStuck(f, {}); // the probe alone is enough
        const LinkVerdict link = linkOf(runRules<DiscoveryRule>(f), kController, kApiServer);
        QCOMPARE(link.state, LinkState::Broken);
        QVERIFY2(link.summary.startsWith(
                     QStringLiteral("Discovery is partial: metrics.k8s.io/v1beta1 cannot")),
                 qPrintable(link.summary));
        const Evidence e = evidenceWith(link.evidence, QStringLiteral("HTTP status"));
        QCOMPARE(e.title, QStringLiteral("GET /apis/metrics.k8s.io/v1beta1 answers 503"));
        QCOMPARE(e.value, QStringLiteral("the server is currently unable to handle the request"));
        QCOMPARE(e.request, QStringLiteral("GET /apis/metrics.k8s.io/v1beta1"));
        QCOMPARE(e.command, QStringLiteral("kubectl get --raw /apis/metrics.k8s.io/v1beta1"));
    }

    void forbiddenOrMissingGroupVersion_isNoDiscoveryFailure_data()
    {
        QTest::addColumn<QString>("error");
        QTest::newRow("forbidden") << "forbidden";
        QTest::newRow("missing from a bundle") << "missing";
    }
    void forbiddenOrMissingGroupVersion_isNoDiscoveryFailure()
    {
        QFETCH(QString, error);
        Findings f = seedFindings();
        setStuck(f, {});
        f.groupVersions[QStringLiteral("metrics.k8s.io/v1beta1")] =
            kubeFailed(QStringLiteral("/apis/metrics.k8s.io/v1beta1"), 403, error,
                       QStringLiteral("forbidden"));
        const LinkVerdict link = linkOf(runRules<DiscoveryRule>(f), kController, kApiServer);
        QCOMPARE(link.state, LinkState::Ok);
    }

    void fullDiscovery_isOk()
    {
        Findings f = seedFindings();
        setStuck(f, {});
        f.groupVersions[QStringLiteral("metrics.k8s.io/v1beta1")] =
            kube(QStringLiteral("/apis/metrics.k8s.io/v1beta1"),
                 json(R"({"kind":"APIResourceList","groupVersion":"metrics.k8s.io/v1beta1"})"));
        const DiagnosisResult r = runRules<DiscoveryRule>(f);
        const LinkVerdict link = linkOf(r, kController, kApiServer);
        QCOMPARE(link.state, LinkState::Ok);
        QCOMPARE(link.summary, QStringLiteral("Full discovery succeeds (2 group/versions)"));
        QCOMPARE(link.summaryZh, QStringLiteral("API 发现完整（2 个 group/version）"));
        QCOMPARE(evidenceWith(link.evidence, QStringLiteral("groups")).value, QStringLiteral("2"));
        const ComponentVerdict c = componentOf(r, kController);
        QCOMPARE(c.state, ComponentState::Healthy);
        QCOMPARE(c.summary, QStringLiteral("No namespace is stuck in Terminating"));
    }

    void discoveryUnreadable_isUnknownWithTheReason_data()
    {
        QTest::addColumn<bool>("answered");
        QTest::addColumn<QString>("summary");
        QTest::newRow("403") << true
                             << "Unknown: discovery could not be read (forbidden: User \"dev\" "
                                "cannot get path \"/apis\")";
        QTest::newRow("not answered") << false
                                      << "Unknown: discovery could not be read (not "
                                         "answered)";
    }
    void discoveryUnreadable_isUnknownWithTheReason()
    {
        QFETCH(bool, answered);
        QFETCH(QString, summary);
        Findings f;
        setStuck(f, {});
        if (answered)
            f.apis = kubeFailed(QStringLiteral("/apis"), 403, QStringLiteral("forbidden"),
                                QStringLiteral("forbidden: User \"dev\" cannot get path "
                                               "\"/apis\""));
        const LinkVerdict link = linkOf(runRules<DiscoveryRule>(f), kController, kApiServer);
        QCOMPARE(link.state, LinkState::Unknown);
        QCOMPARE(link.summary, summary);
    }

    void stuckNamespaces_controllerKeepsRetryingAndSaysWhy()
    {
        const DiagnosisResult r = runRules<DiscoveryRule>(seedFindings());
        const ComponentVerdict c = componentOf(r, kController);
        QCOMPARE(c.state, ComponentState::Healthy);
        QCOMPARE(c.label, QStringLiteral("Namespace Controller"));
        QCOMPARE(c.object, QStringLiteral("kube-controller-manager"));
        QCOMPARE(c.summary, QStringLiteral("1 namespace(s) stuck in Terminating (tobedeletedb); "
                                           "the controller keeps retrying and reports why in the "
                                           "namespace conditions"));
        QCOMPARE(c.summaryZh, QStringLiteral("1 个命名空间卡在 Terminating 状态（tobedeletedb），"
                                             "控制器在不断重试，并在命名空间的 conditions "
                                             "中说明了原因"));
        QCOMPARE(evidenceWith(c.evidence, QStringLiteral("status.phase")).value,
                 QStringLiteral("Terminating"));
        // The subject's component and link come first: the graph reads from there.
        QCOMPARE(r.components.first().id, QString::fromLatin1(kController));
        QCOMPARE(r.links.first().to, QString::fromLatin1(kApiServer));
    }

    void manyStuckNamespaces_namesFiveThenEllipsis()
    {
        Findings f;
        QList<QJsonObject> stuck;
        for (int i = 1; i <= 6; ++i)
            stuck << stuckWithMessage(QStringLiteral("ns-%1").arg(i), QStringLiteral("x"));
        setStuck(f, stuck);
        const ComponentVerdict c = componentOf(runRules<DiscoveryRule>(f), kController);
        QVERIFY2(c.summary.startsWith(QStringLiteral(
                     "6 namespace(s) stuck in Terminating (ns-1, ns-2, ns-3, ns-4, ns-5, …)")),
                 qPrintable(c.summary));
        QVERIFY2(c.summaryZh.contains(QStringLiteral("（ns-1、ns-2、ns-3、ns-4、ns-5 等）")),
                 qPrintable(c.summaryZh));
    }

    void namespacesUnreadable_controllerIsUnknown()
    {
        Findings f;
        f.namespaces = kubeFailed(kNamespacesPath, 403, QStringLiteral("forbidden"),
                                  QStringLiteral("namespaces is forbidden"));
        const ComponentVerdict c = componentOf(runRules<DiscoveryRule>(f), kController);
        QCOMPARE(c.state, ComponentState::Unknown);
        QCOMPARE(c.summary,
                 QStringLiteral("Unknown: namespaces could not be read (namespaces is forbidden)"));
        QCOMPARE(c.summaryZh, QStringLiteral("未知：无法读取命名空间（namespaces is forbidden）"));
    }
};

QTEST_GUILESS_MAIN(TestDiscoveryRule)
#include "tst_discovery_rule.moc"
