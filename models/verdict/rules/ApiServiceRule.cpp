// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/verdict/rules/ApiServiceRule.h"

#include "models/probes/KubeFacts.h"

#include <QRegularExpression>

namespace unstuck {

using namespace Qt::StringLiterals;

void ApiServiceRule::apply(DiagnosisResult& result)
{
    LinkVerdict link = linkVerdict(ids::ApiServer, ids::MetricsServer);
    handoff().backend = chooseBackend();
    if (const Bilingual unknown = unreadableReason(m_f); !unknown.isEmpty()) {
        link.setSummary(unknown);
    } else if (!handoff().backend) {
        link.state = LinkState::Ok;
        link.setSummary(Text(u"No aggregated API to reach"_s, u"没有需要访问的聚合 API"_s));
    } else if (const QString line = discoveryFailure(*handoff().backend); !line.isEmpty()) {
        judgeDiscoveryFailure(link, *handoff().backend, line);
    } else {
        judgeAvailable(link, *handoff().backend);
        addOtherFailures(link, handoff().backend);
    }
    result.links.append(link);
}

Bilingual ApiServiceRule::unreadableReason(const Findings& f)
{
    if (f.apiServices && f.apiServices->ok())
        return {};
    return Text(u"Unknown: APIServices could not be read (%1)"_s,
                u"未知：无法读取 APIService（%1）"_s)
        .arg(f.apiServices ? Text::same(f.apiServices->answer.message) : notAnswered());
}

// The backend to follow: the one whose group/version the namespace conditions name.
const AggregatedBackend* ApiServiceRule::chooseBackend() const
{
    QStringList named;
    for (const QJsonObject& ns : m_f.stuckNamespaces) {
        const auto cond = facts::condition(ns, QStringLiteral("NamespaceDeletionDiscoveryFailure"));
        if (cond)
            named += groupVersionsInMessage(cond->value(QStringLiteral("message")).toString());
    }
    for (const AggregatedBackend& b : m_f.backends)
        if (named.contains(b.groupVersion) && b.service)
            return &b;
    return m_f.backends.isEmpty() ? nullptr : &m_f.backends.first();
}

void ApiServiceRule::judgeAvailable(LinkVerdict& link, const AggregatedBackend& b)
{
    const auto available = facts::condition(b.object, QStringLiteral("Available"));
    const QString status = available ? available->value(QStringLiteral("status")).toString()
                                     : QStringLiteral("Unknown");
    const QString reason =
        available ? available->value(QStringLiteral("reason")).toString() : QString();
    const QString message =
        available ? available->value(QStringLiteral("message")).toString() : QString();
    const ApiServiceFailure failure = status == QStringLiteral("True")
                                          ? ApiServiceFailure::None
                                          : classifyApiServiceFailure(reason, message);
    const Evidence apiServiceEvidence = evidence(
        *m_f.apiServices,
        Text(u"APIService %1 is Available=%2%3"_s, u"APIService %1 的状态为 Available=%2%3"_s)
            .arg(Text::same(b.apiService), Text::same(status),
                 reason.isEmpty() ? Text() : Text(u" (%1)"_s, u"（%1）"_s).arg(reason)),
        QStringLiteral("status.conditions[Available]"),
        QStringLiteral("%1 %2: %3").arg(status, reason, message),
        facts::kubectl(QStringLiteral("get apiservice %1 -o yaml").arg(b.apiService)));
    link.evidence.append(apiServiceEvidence);
    if (failure == ApiServiceFailure::None) {
        link.state = LinkState::Ok;
        link.setSummary(Text(u"APIService %1 is Available"_s, u"APIService %1 可用（Available）"_s)
                            .arg(b.apiService));
    } else {
        link.state = LinkState::Broken;
        link.setSummary(Text(u"APIService %1 is Available=%2 (%3): %4"_s,
                             u"APIService %1 不可用（Available=%2，%3）：%4"_s)
                            .arg(Text::same(b.apiService), Text::same(status), Text::same(reason),
                                 describeApiServiceFailureText(failure)));
    }
    handoff().backendFailure = failure;
    handoff().apiServiceEvidence = apiServiceEvidence;
}

// The API server's own line about the backend's aggregated discovery, when that is all the input
// shows of the APIService (a paste: TicketAggregatedDiscovery).
QString ApiServiceRule::discoveryFailure(const AggregatedBackend& b)
{
    return facts::at(b.object, QStringLiteral("metadata.annotations"))
        .toObject()
        .value(QStringLiteral("unstuck.dev/aggregated-discovery-failure"))
        .toString();
}

// Available or not (not shown), the API server cannot read the group's discovery from the
// backend: the group version goes stale and the namespace controller cannot list it.
void ApiServiceRule::judgeDiscoveryFailure(LinkVerdict& link, const AggregatedBackend& b,
                                           const QString& line)
{
    static const QRegularExpression status(QStringLiteral(R"(:(\d+): (\d{3})\b\s*(.*)$)"));
    const auto m = status.match(line);
    const QString answer =
        m.hasMatch() ? m.captured(2) + QLatin1Char(' ') + m.captured(3).trimmed() : line;
    const Evidence e =
        evidence(*m_f.apiServices,
                 Text(u"The API server cannot download the aggregated discovery of %1/%2"_s,
                      u"API Server 无法下载 %1/%2 的聚合发现信息"_s)
                     .arg(b.serviceNamespace, b.serviceName),
                 QStringLiteral("kube-apiserver log"), line,
                 QStringLiteral("kubectl get --raw /apis/%1").arg(b.groupVersion));
    link.evidence.append(e);
    link.state = LinkState::Broken;
    link.setSummary(Text(u"The API server cannot read the discovery of %1 from %2/%3 (it answers "
                         "%4), so %1 goes stale"_s,
                         u"API Server 无法从 %2/%3 读取 %1 的发现信息（返回 %4），%1 因此过期"_s)
                        .arg(b.groupVersion, b.serviceNamespace, b.serviceName, answer));
    handoff().apiServiceEvidence = e;
}

void ApiServiceRule::addOtherFailures(LinkVerdict& link, const AggregatedBackend* backend) const
{
    for (const AggregatedBackend& other : m_f.backends) {
        if (&other == backend)
            continue;
        const auto cond = facts::condition(other.object, QStringLiteral("Available"));
        if (cond && cond->value(QStringLiteral("status")).toString() != QStringLiteral("True"))
            link.evidence.append(evidence(
                *m_f.apiServices,
                Text(u"APIService %1 is also unavailable"_s, u"APIService %1 同样不可用"_s)
                    .arg(other.apiService),
                QStringLiteral("status.conditions[Available].reason"),
                cond->value(QStringLiteral("reason")).toString() + QStringLiteral(": ") +
                    cond->value(QStringLiteral("message")).toString(),
                facts::kubectl(QStringLiteral("get apiservice %1 -o yaml").arg(other.apiService))));
    }
}

} // namespace unstuck
