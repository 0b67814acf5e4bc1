// SPDX-License-Identifier: GPL-3.0-or-later
// FinalizersRule: content whose finalizers nobody removes (NamespaceFinalizersRemaining, real
// cert-manager capture) is a cause of its own, linked from the Namespace Controller.
#include "models/verdict/rules/FinalizersRule.h"
#include "verdict/VerdictTestData.h"

#include <QTest>

using namespace unstuck;
using namespace unstuck::test;
using namespace Qt::StringLiterals;

namespace {

const QString kChallenges =
    u"/apis/acme.cert-manager.io/v1/namespaces/cert-manager-test/challenges"_s;

Findings certManagerStuck()
{
    Findings f;
    setStuck(f, {fixture(u"namespace-finalizers-remaining.json"_s)});
    f.remainingContent = {
        kube(kChallenges, list({json(
                              R"({"apiVersion":"acme.cert-manager.io/v1","kind":"Challenge",
            "metadata":{"name":"web-tls-1-2713815432-3958826436","namespace":"cert-manager-test",
                        "finalizers":["finalizer.acme.cert-manager.io"]},
            "spec":{"dnsName":"example.com","type":"HTTP-01"}})")}))};
    return f;
}

} // namespace

class TestFinalizersRule : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void finalizersRemaining_isFailingAndNamesTheObjects()
    {
        const DiagnosisResult r = runRules<FinalizersRule>(certManagerStuck());
        const ComponentVerdict c = componentOf(r, ids::Finalizers);
        QCOMPARE(c.state, ComponentState::Failing);
        QCOMPARE(c.label, QStringLiteral("Stuck finalizers"));
        QCOMPARE(c.object, QStringLiteral("Challenge cert-manager-test/"
                                          "web-tls-1-2713815432-3958826436 "
                                          "[finalizer.acme.cert-manager.io]"));
        QCOMPARE(c.summary, QStringLiteral("Content in cert-manager-test waits on finalizers "
                                           "nobody removes: finalizer.acme.cert-manager.io in 1 "
                                           "resource instances (its controller is gone or "
                                           "failing)"));
        QVERIFY(c.summaryZh.startsWith(u"cert-manager-test 中的内容在等待无人移除的 finalizer"_s));
        // The namespace's own condition first, then each object.
        QCOMPARE(c.evidence.size(), 2);
        QCOMPARE(c.evidence.at(0).field,
                 QStringLiteral("status.conditions[NamespaceFinalizersRemaining].message"));
        QCOMPARE(c.evidence.at(1).field, QStringLiteral("metadata.finalizers"));
        QCOMPARE(c.evidence.at(1).command,
                 QStringLiteral("kubectl -n cert-manager-test get challenges "
                                "web-tls-1-2713815432-3958826436 -o yaml"));
        const LinkVerdict link = linkOf(r, ids::NamespaceController, ids::Finalizers);
        QCOMPARE(link.state, LinkState::Broken);
        QCOMPARE(link.summary, QStringLiteral("Deletion waits for finalizers: "
                                              "finalizer.acme.cert-manager.io in 1 resource "
                                              "instances"));
        QCOMPARE(link.evidence.size(), 1);
        QCOMPARE(link.evidence.first().field, c.evidence.first().field);
    }

    void leftoversNotRead_nameTheConditionsItems()
    {
        Findings f = certManagerStuck();
        f.remainingContent = {kubeFailed(kChallenges, 403, u"forbidden"_s,
                                         u"challenges.acme.cert-manager.io is forbidden"_s)};
        const ComponentVerdict c = componentOf(runRules<FinalizersRule>(f), ids::Finalizers);
        QCOMPARE(c.state, ComponentState::Failing);
        QCOMPARE(c.object,
                 QStringLiteral("finalizer.acme.cert-manager.io in 1 resource instances"));
        QCOMPARE(c.evidence.size(), 1);
    }

    void noFinalizersRemaining_addsNoCause()
    {
        const DiagnosisResult r =
            runRules<FinalizersRule>(seedFindings()); // condition status False
        QVERIFY(!r.component(QString::fromLatin1(ids::Finalizers)));
        QVERIFY(r.links.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFinalizersRule)
#include "tst_finalizers_rule.moc"
