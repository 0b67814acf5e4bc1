// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/probes/ContentProbe.h"

#include "models/probes/KubeFacts.h"

#include <QRegularExpression>
#include <QSet>

namespace unstuck {

ContentProbe::ContentProbe(ProbeRunner& runner) : m_runner(runner) {}

void ContentProbe::startWebhooks()
{
    const QString base = QStringLiteral("/apis/admissionregistration.k8s.io/v1/");
    m_runner.ask(ProbeRunner::kube(base + QStringLiteral("validatingwebhookconfigurations"), true),
                 Bilingual(QStringLiteral("Validating webhooks"), QStringLiteral("验证型 Webhook")),
                 [this](const Observation& observation) {
                     m_runner.findings().validatingWebhooks = observation;
                 });
    m_runner.ask(ProbeRunner::kube(base + QStringLiteral("mutatingwebhookconfigurations"), true),
                 Bilingual(QStringLiteral("Mutating webhooks"), QStringLiteral("变更型 Webhook")),
                 [this](const Observation& observation) {
                     m_runner.findings().mutatingWebhooks = observation;
                 });
}

QList<ContentProbe::Remaining> ContentProbe::parseRemaining(const QString& message)
{
    static const QRegularExpression item(
        QStringLiteral("([a-z0-9-]+)\\.([a-z0-9.-]*) has (\\d+) resource instances"));
    QList<Remaining> result;
    auto it = item.globalMatch(message);
    while (it.hasNext()) {
        const auto match = it.next();
        result.append({match.captured(1), match.captured(2), match.captured(3).toInt()});
    }
    return result;
}

static QString preferredVersion(const Findings& findings, const QString& group)
{
    if (group.isEmpty())
        return QStringLiteral("v1");
    if (!findings.apis)
        return {};
    const QJsonArray groups = findings.apis->answer.json.value(QStringLiteral("groups")).toArray();
    for (const QJsonValue& value : groups) {
        const QJsonObject g = value.toObject();
        if (g.value(QStringLiteral("name")).toString() == group)
            return facts::str(g, QStringLiteral("preferredVersion.groupVersion"));
    }
    return {};
}

void ContentProbe::listRemaining()
{
    Findings& findings = m_runner.findings();
    QSet<QString> asked;
    for (const QJsonObject& ns : std::as_const(findings.stuckNamespaces)) {
        const auto remaining = facts::condition(ns, QStringLiteral("NamespaceContentRemaining"));
        if (!remaining ||
            remaining->value(QStringLiteral("status")).toString() != QStringLiteral("True"))
            continue;
        const QString nsName = facts::name(ns);
        for (const Remaining& r :
             parseRemaining(remaining->value(QStringLiteral("message")).toString())) {
            const QString gv = preferredVersion(findings, r.group);
            if (gv.isEmpty())
                continue; // its group is not discoverable: the discovery verdict covers it
            const QString path =
                r.group.isEmpty()
                    ? QStringLiteral("/api/v1/namespaces/%1/%2").arg(nsName, r.resource)
                    : QStringLiteral("/apis/%1/namespaces/%2/%3").arg(gv, nsName, r.resource);
            if (asked.contains(path))
                continue;
            asked.insert(path);
            m_runner.ask(
                ProbeRunner::kube(path, true),
                Bilingual(QStringLiteral("Leftover %1 in %2"), QStringLiteral("%2 中残留的 %1"))
                    .arg(r.resource, nsName),
                [this](const Observation& observation) {
                    m_runner.findings().remainingContent.append(observation);
                });
        }
    }
}

} // namespace unstuck
