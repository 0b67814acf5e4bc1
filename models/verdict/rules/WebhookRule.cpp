// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/verdict/rules/WebhookRule.h"

#include "models/probes/KubeFacts.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace unstuck {

using namespace Qt::StringLiterals;

void WebhookRule::apply(DiagnosisResult& result)
{
    QStringList messages, nsNames;
    for (const QJsonObject& ns : m_f.stuckNamespaces) {
        const auto c = facts::condition(ns, QStringLiteral("NamespaceDeletionContentFailure"));
        if (!c || c->value(QStringLiteral("status")).toString() != QStringLiteral("True"))
            continue;
        const QString message = c->value(QStringLiteral("message")).toString();
        if (!message.contains(QStringLiteral("webhook"), Qt::CaseInsensitive))
            continue;
        messages << message;
        nsNames << facts::name(ns);
    }
    if (messages.isEmpty())
        return;
    // Its label says which kind of webhook (describe).
    ComponentVerdict c = componentVerdict(ids::Webhook);
    c.state = ComponentState::Failing;
    static const QRegularExpression named(QStringLiteral("webhook \"([^\"]+)\""));
    const QString message = messages.first();
    QString webhookName;
    if (const auto m = named.match(message); m.hasMatch())
        webhookName = m.captured(1);
    const Configuration configuration = findConfiguration(c, webhookName);
    c.setSummary(describe(c, message, webhookName, configuration, nsNames) + serviceHint(message));
    if (m_f.namespaces)
        c.evidence.prepend(evidence(
            *m_f.namespaces,
            impliedByError(nsNames.first())
                ? Text(u"Pasted error: webhook %1 fails"_s, u"粘贴的错误：Webhook %1 调用失败"_s)
                      .arg(webhookName.isEmpty() ? nsNames.first() : webhookName)
                : Text(u"Namespace %1 reports NamespaceDeletionContentFailure"_s,
                       u"命名空间 %1 报告 NamespaceDeletionContentFailure"_s)
                      .arg(nsNames.first()),
            QStringLiteral("status.conditions[NamespaceDeletionContentFailure].message"), message,
            impliedByError(nsNames.first())
                ? facts::kubectl(QStringLiteral(
                      "get validatingwebhookconfigurations,mutatingwebhookconfigurations -o yaml"))
                : facts::kubectl(QStringLiteral("get ns %1 -o yaml").arg(nsNames.first()))));
    LinkVerdict link = linkVerdict(ids::NamespaceController, c.id);
    link.state = LinkState::Broken;
    link.setSummary(Text(u"Content deletion fails: "_s, u"内容删除失败："_s) + message.left(300));
    link.evidence = c.evidence.mid(0, 1);
    result.components.append(c);
    result.links.append(link);
}

// A namespace known only from a pasted webhook error: the error is the evidence, not a
// condition nobody pasted.
bool WebhookRule::impliedByError(const QString& nsName) const
{
    for (const QJsonObject& ns : m_f.stuckNamespaces)
        if (facts::name(ns) == nsName)
            return facts::at(ns, QStringLiteral("metadata.annotations"))
                .toObject()
                .contains(QStringLiteral("unstuck.dev/implied-from"));
    return false;
}

WebhookRule::Configuration WebhookRule::findConfiguration(ComponentVerdict& c,
                                                          const QString& webhookName) const
{
    Configuration found;
    for (const auto& [obs, kind] :
         {std::pair{m_f.validatingWebhooks, QStringLiteral("ValidatingWebhookConfiguration")},
          std::pair{m_f.mutatingWebhooks, QStringLiteral("MutatingWebhookConfiguration")}}) {
        if (!obs || !found.name.isEmpty())
            continue;
        for (const QJsonValue& value : obs->items()) {
            for (const QJsonValue& hook :
                 value.toObject().value(QStringLiteral("webhooks")).toArray())
                if (hook.toObject().value(QStringLiteral("name")).toString() == webhookName &&
                    !webhookName.isEmpty()) {
                    found.name = facts::name(value.toObject());
                    found.kind = kind;
                    c.evidence.append(evidence(
                        *obs,
                        Text(u"%1 %2 registers webhook %3"_s, u"%1 %2 注册了 Webhook %3"_s)
                            .arg(kind, found.name, webhookName),
                        QStringLiteral("webhooks[].rules"),
                        QString::fromUtf8(
                            QJsonDocument(hook.toObject().value(QStringLiteral("rules")).toArray())
                                .toJson(QJsonDocument::Compact)),
                        facts::kubectl(
                            QStringLiteral("get %1 %2 -o yaml").arg(kind.toLower(), found.name))));
                }
        }
    }
    return found;
}

Bilingual WebhookRule::describe(ComponentVerdict& c, const QString& message,
                                const QString& webhookName, const Configuration& configuration,
                                const QStringList& nsNames)
{
    static const QRegularExpression conversion(
        QStringLiteral("conversion webhook for ([^ ]+), Kind=([A-Za-z0-9]+)"));
    if (const auto m = conversion.match(message); m.hasMatch()) {
        c.label = QStringLiteral("Conversion webhook");
        c.object = QStringLiteral("%1 %2").arg(m.captured(1), m.captured(2));
        return Text(u"Content of %1 cannot be deleted: the conversion webhook for %2 fails"_s,
                    u"%1 中的内容无法删除：%2 的转换 Webhook（conversion webhook）调用失败"_s)
            .arg(nsNames.join(QStringLiteral(", ")), c.object);
    }
    c.label = QStringLiteral("Admission webhook");
    c.object =
        configuration.name.isEmpty()
            ? webhookName
            : QStringLiteral("%1/%2 (%3)").arg(configuration.kind, configuration.name, webhookName);
    return Text(u"Admission webhook %1 blocks the deletes in %2"_s,
                u"准入 Webhook %1 拦截了 %2 中的删除请求"_s)
        .arg(webhookName.isEmpty() ? Text(u"(unnamed)"_s, u"（未命名）"_s)
                                   : Text::same(webhookName),
             Text::same(nsNames.join(QStringLiteral(", "))));
}

Bilingual WebhookRule::serviceHint(const QString& message)
{
    static const QRegularExpression gone(QStringLiteral("service \"([^\"]+)\" not found"));
    static const QRegularExpression noEndpoints(
        QStringLiteral("no endpoints available for service \"([^\"]+)\""));
    if (const auto m = gone.match(message); m.hasMatch())
        return Text(u" (its Service %1 does not exist)"_s, u"（其 Service %1 不存在）"_s)
            .arg(m.captured(1));
    if (const auto e = noEndpoints.match(message); e.hasMatch())
        return Text(u" (its Service %1 has no ready endpoints)"_s,
                    u"（其 Service %1 没有就绪的 Endpoint）"_s)
            .arg(e.captured(1));
    return {};
}

} // namespace unstuck
