// SPDX-License-Identifier: GPL-3.0-or-later
// NamespaceRule: the subject beside the graph, each stuck namespace as the API server returned it.
#include "models/verdict/rules/NamespaceRule.h"
#include "verdict/VerdictTestData.h"

#include <QTest>

using namespace unstuck;
using namespace unstuck::test;

class TestNamespaceRule : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void stuckNamespace_showsItsPhaseDeletionFinalizersAndConditions()
    {
        Findings f;
        setStuck(f, {fixture(QStringLiteral("namespace-discovery-failure.json"))});
        const DiagnosisResult r = runRules<NamespaceRule>(f);
        QCOMPARE(r.namespaces.size(), 1);
        const StuckNamespace& ns = r.namespaces.first();
        QCOMPARE(ns.name, QStringLiteral("tobedeletedb"));
        QCOMPARE(ns.phase, QStringLiteral("Terminating"));
        QCOMPARE(ns.deletionTimestamp,
                 QDateTime::fromString(QStringLiteral("2021-08-19T09:13:59Z"), Qt::ISODate));
        QCOMPARE(ns.finalizers, QStringList{QStringLiteral("kubernetes")});
        // All five deletion conditions, in the order the controller writes them.
        QCOMPARE(ns.conditions.size(), 5);
        QCOMPARE(ns.conditions.first().value(QStringLiteral("type")).toString(),
                 QStringLiteral("NamespaceDeletionDiscoveryFailure"));
        QVERIFY(ns.conditions.first()
                    .value(QStringLiteral("message"))
                    .toString()
                    .endsWith(QStringLiteral("metrics.k8s.io/v1beta1: the server is currently "
                                             "unable to handle the request")));
        // The rule judges nothing: components and links belong to the other rules.
        QVERIFY(r.components.isEmpty());
        QVERIFY(r.links.isEmpty());
    }

    void severalStuck_keepTheirOrder()
    {
        Findings f;
        setStuck(f, {fixture(QStringLiteral("namespace-finalizers-remaining.json")),
                     fixture(QStringLiteral("namespace-conversion-webhook.json"))});
        const DiagnosisResult r = runRules<NamespaceRule>(f);
        QCOMPARE(r.namespaces.size(), 2);
        QCOMPARE(r.namespaces.at(0).name, QStringLiteral("cert-manager-test"));
        QCOMPARE(r.namespaces.at(1).name, QStringLiteral("cert-manager"));
        QCOMPARE(r.namespaces.at(1).conditions.size(), 1);
    }

    void healthyCluster_hasNoSubject()
    {
        Findings f;
        setStuck(f, {});
        QVERIFY(runRules<NamespaceRule>(f).namespaces.isEmpty());
    }

    void namespacesForbidden_hasNoSubject()
    {
        // The controller verdict says why (DiscoveryRule); the subject stays empty, not guessed.
        Findings f;
        f.namespaces = kubeFailed(kNamespacesPath, 403, QStringLiteral("forbidden"),
                                  QStringLiteral("namespaces is forbidden: User \"dev\" cannot "
                                                 "list resource \"namespaces\""));
        QVERIFY(runRules<NamespaceRule>(f).namespaces.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestNamespaceRule)
#include "tst_namespace_rule.moc"
