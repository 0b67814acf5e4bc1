// SPDX-License-Identifier: GPL-3.0-or-later
// WebhookRule: a webhook that makes content deletion fail (NamespaceDeletionContentFailure) is
// a cause of its own: a conversion webhook whose Service is gone (real cert-manager capture) or
// an admission webhook that refuses the deletes.
#include "models/verdict/rules/WebhookRule.h"
#include "verdict/VerdictTestData.h"

#include <QTest>

using namespace unstuck;
using namespace unstuck::test;
using namespace Qt::StringLiterals;

namespace {

// A namespace whose NamespaceDeletionContentFailure carries `message`.
QJsonObject contentFailure(const QString& message)
{
    QJsonObject ns = fixture(u"namespace-conversion-webhook.json"_s);
    ns[u"metadata"_s] = json(R"({"name":"team-a"})");
    QJsonObject condition = json(R"({"type":"NamespaceDeletionContentFailure","status":"True",
                                     "reason":"ContentDeletionFailed"})");
    condition[u"message"_s] = message;
    ns[u"status"_s] =
        QJsonObject{{u"phase"_s, u"Terminating"_s}, {u"conditions"_s, QJsonArray{condition}}};
    return ns;
}

const QString kAdmissionFailure =
    u"Failed to delete all resource types, 1 remaining: Internal error occurred: failed calling "
    "webhook \"validate.kyverno.svc-fail\": failed to call webhook: Post "
    "\"https://kyverno-svc.kyverno.svc:443/validate/fail?timeout=10s\": no endpoints available "
    "for service \"kyverno-svc\""_s;

} // namespace

class TestWebhookRule : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void conversionWebhookServiceGone_isFailing()
    {
        Findings f;
        setStuck(f, {fixture(u"namespace-conversion-webhook.json"_s)});
        const DiagnosisResult r = runRules<WebhookRule>(f);
        const ComponentVerdict c = componentOf(r, ids::Webhook);
        QCOMPARE(c.state, ComponentState::Failing);
        QCOMPARE(c.label, QStringLiteral("Conversion webhook"));
        QCOMPARE(c.object, QStringLiteral("acme.cert-manager.io/v1alpha2 Challenge"));
        QCOMPARE(c.summary, QStringLiteral("Content of cert-manager cannot be deleted: the "
                                           "conversion webhook for acme.cert-manager.io/v1alpha2 "
                                           "Challenge fails (its Service "
                                           "{RELEASE}-cert-manager-webhook does not exist)"));
        QCOMPARE(c.summaryZh, QStringLiteral("cert-manager 中的内容无法删除："
                                             "acme.cert-manager.io/v1alpha2 Challenge 的转换 "
                                             "Webhook（conversion webhook）调用失败（其 Service "
                                             "{RELEASE}-cert-manager-webhook 不存在）"));
        const Evidence e = evidenceWith(
            c.evidence,
            QStringLiteral("status.conditions[NamespaceDeletionContentFailure].message"));
        QVERIFY(e.value.contains(u"conversion webhook for acme.cert-manager.io/v1alpha2"_s));
        const LinkVerdict link = linkOf(r, ids::NamespaceController, ids::Webhook);
        QCOMPARE(link.state, LinkState::Broken);
        QVERIFY(link.summary.startsWith(u"Content deletion fails: Failed to delete all resource "
                                        "types, 1 remaining: conversion webhook"_s));
    }

    void admissionWebhook_isNamedWithItsConfiguration()
    {
        Findings f;
        setStuck(f, {contentFailure(kAdmissionFailure)});
        f.validatingWebhooks =
            kube(u"/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations"_s,
                 fixture(u"validating-webhooks.json"_s));
        f.mutatingWebhooks = kube(
            u"/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations"_s, list({}));
        const ComponentVerdict c = componentOf(runRules<WebhookRule>(f), ids::Webhook);
        QCOMPARE(c.label, QStringLiteral("Admission webhook"));
        QCOMPARE(c.object, QStringLiteral("ValidatingWebhookConfiguration/"
                                          "kyverno-resource-validating-webhook-cfg "
                                          "(validate.kyverno.svc-fail)"));
        QCOMPARE(c.summary, QStringLiteral("Admission webhook validate.kyverno.svc-fail blocks "
                                           "the deletes in team-a (its Service kyverno-svc has no "
                                           "ready endpoints)"));
        const Evidence rules = evidenceWith(c.evidence, QStringLiteral("webhooks[].rules"));
        QCOMPARE(rules.title, QStringLiteral("ValidatingWebhookConfiguration "
                                             "kyverno-resource-validating-webhook-cfg registers "
                                             "webhook validate.kyverno.svc-fail"));
        QVERIFY(rules.value.contains(u"\"DELETE\""_s));
        QCOMPARE(rules.command, QStringLiteral("kubectl get validatingwebhookconfiguration "
                                               "kyverno-resource-validating-webhook-cfg -o yaml"));
    }

    void webhookConfigurationsNotRead_namesTheWebhookAlone()
    {
        Findings f;
        setStuck(f, {contentFailure(kAdmissionFailure)});
        const ComponentVerdict c = componentOf(runRules<WebhookRule>(f), ids::Webhook);
        QCOMPARE(c.object, QStringLiteral("validate.kyverno.svc-fail"));
        QCOMPARE(c.evidence.size(), 1);
    }

    void contentFailureWithoutWebhook_addsNoCause()
    {
        Findings f;
        setStuck(f, {contentFailure(u"Failed to delete all resource types, 1 remaining: "
                                    "Internal error occurred: error resolving resource"_s)});
        const DiagnosisResult r = runRules<WebhookRule>(f);
        QVERIFY(!r.component(QString::fromLatin1(ids::Webhook)));
        QVERIFY(r.links.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestWebhookRule)
#include "tst_webhook_rule.moc"
