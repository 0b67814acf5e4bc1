// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/verdict/rules/BackendRule.h"

#include "models/probes/KubeFacts.h"
#include "models/verdict/Vocabulary.h"
#include "models/verdict/rules/ApiServiceRule.h"

namespace unstuck {

using namespace Qt::StringLiterals;
using facts::str;

void BackendRule::apply(DiagnosisResult& result)
{
    ComponentVerdict c = componentVerdict(ids::MetricsServer);
    const AggregatedBackend* backend = handoff().backend;
    if (const Bilingual unknown = ApiServiceRule::unreadableReason(m_f); !unknown.isEmpty()) {
        c.setSummary(unknown);
    } else if (!backend) {
        c.state = ComponentState::NotApplicable;
        c.setSummary(
            Text(u"No aggregated API is registered; the API server serves every group itself"_s,
                 u"没有注册聚合 API；所有 API 组都由 API Server 自己提供"_s));
    } else {
        const AggregatedBackend& b = *backend;
        const bool isMetrics = b.groupVersion.startsWith(QStringLiteral("metrics.k8s.io/"));
        if (!isMetrics)
            c.label = vocabulary::backendLabel(b.serviceName, b.groupVersion);
        // A Service the paste does not name is not "/": the backend is named by its APIService.
        c.object = b.serviceName.isEmpty()
                       ? QStringLiteral("Backend of %1").arg(b.apiService)
                       : QStringLiteral("%1/%2").arg(b.serviceNamespace, b.serviceName);
        // The backend itself: Service → ready endpoints → pods.
        if (handoff().backendFailure == ApiServiceFailure::NoService ||
            (b.service && b.service->answer.status == 404)) {
            judgeServiceMissing(c, b);
        } else {
            const Count endpoints = countEndpoints(c, b);
            const Count pods = countPods(c, b);
            judge(c, b, endpoints, pods);
        }
    }
    result.components.append(c);
}

void BackendRule::judgeServiceMissing(ComponentVerdict& c, const AggregatedBackend& b) const
{
    c.state = ComponentState::Failing;
    c.setSummary(Text(u"Service %1 does not exist: APIService %2 was left behind (e.g. "
                      "by an uninstalled add-on)"_s,
                      u"Service %1 不存在：APIService %2 是遗留下来的（例如组件已被卸载）"_s)
                     .arg(c.object, b.apiService));
    if (b.service)
        c.evidence.append(evidence(
            *b.service, Text(u"Service %1 not found"_s, u"找不到 Service %1"_s).arg(c.object),
            QStringLiteral("HTTP status"), QString::number(b.service->answer.status),
            facts::kubectl(QStringLiteral("get svc %1").arg(b.serviceName), b.serviceNamespace)));
    c.evidence.append(handoff().apiServiceEvidence);
}

BackendRule::Count BackendRule::countEndpoints(ComponentVerdict& c,
                                               const AggregatedBackend& b) const
{
    Count endpoints;
    if (!b.slices || !b.slices->ok())
        return endpoints;
    for (const QJsonValue& slice : b.slices->items())
        for (const QJsonValue& ep : slice.toObject().value(QStringLiteral("endpoints")).toArray()) {
            ++endpoints.total;
            const QJsonValue ready = facts::at(ep.toObject(), QStringLiteral("conditions.ready"));
            if (ready.isUndefined() || ready.isNull() || ready.toBool())
                ++endpoints.ready;
        }
    c.evidence.append(evidence(
        *b.slices,
        Text(u"%1 of %2 endpoints ready"_s, u"%2 个 Endpoint 中有 %1 个就绪"_s)
            .arg(endpoints.ready)
            .arg(endpoints.total),
        QStringLiteral("endpoints[].conditions.ready"), QString::number(endpoints.ready),
        facts::kubectl(QStringLiteral("get endpointslices -l kubernetes.io/service-name=%1")
                           .arg(b.serviceName),
                       b.serviceNamespace)));
    return endpoints;
}

BackendRule::Count BackendRule::countPods(ComponentVerdict& c, const AggregatedBackend& b) const
{
    Count pods;
    if (!b.pods || !b.pods->ok())
        return pods;
    QStringList podLines;
    for (const QJsonValue& value : b.pods->items()) {
        const QJsonObject pod = value.toObject();
        ++pods.total;
        if (facts::podReady(pod))
            ++pods.ready;
        const Bilingual line = Text(u"%1 %2 on %3 (%4)"_s, u"%1 %2，位于 %3，%4"_s)
                                   .arg(Text::same(facts::name(pod)),
                                        Text::same(str(pod, QStringLiteral("status.podIP"))),
                                        Text::same(str(pod, QStringLiteral("spec.nodeName"))),
                                        facts::podReady(pod) ? Text(u"Ready"_s, u"已就绪"_s)
                                                             : Text(u"not Ready"_s, u"未就绪"_s));
        if (podLines.isEmpty())
            pods.first = line;
        podLines << line.en;
    }
    const QString selectorKey = facts::at(b.service ? b.service->answer.json : QJsonObject{},
                                          QStringLiteral("spec.selector"))
                                    .toObject()
                                    .keys()
                                    .value(0);
    // "0 of 0 Ready" says nothing: with no pod at all, what is missing is a pod the Service's
    // selector matches.
    const Bilingual title =
        pods.total == 0 ? Text(u"No pod matches the selector of Service %1"_s,
                               u"没有 Pod 匹配 Service %1 的 selector"_s)
                              .arg(c.object)
                        : Text(u"%1 of %2 backend pods Ready"_s, u"%2 个后端 Pod 中有 %1 个就绪"_s)
                              .arg(pods.ready)
                              .arg(pods.total);
    c.evidence.append(evidence(
        *b.pods, title, QStringLiteral("status.conditions[Ready]"),
        podLines.join(QStringLiteral("; ")),
        facts::kubectl(QStringLiteral("get pods -o wide -l ") + selectorKey + QStringLiteral("=…"),
                       b.serviceNamespace)));
    return pods;
}

void BackendRule::judge(ComponentVerdict& c, const AggregatedBackend& b, const Count& endpoints,
                        const Count& pods) const
{
    const ApiServiceFailure failure = handoff().backendFailure;
    if (failure == ApiServiceFailure::NoEndpoints ||
        (b.slices && b.slices->ok() && endpoints.ready == 0) ||
        (b.pods && b.pods->ok() && pods.ready == 0)) {
        c.state = ComponentState::Failing;
        c.setSummary(
            pods.total == 0
                ? Text(u"No backend pod exists for Service %1 (scaled to zero or "
                       "crashed away): no endpoints"_s,
                       u"Service %1 没有任何后端 Pod（副本数被缩到 0 或已崩溃消失）：没有 "
                       "Endpoint"_s)
                      .arg(c.object)
                : Text(u"No ready backend pod for Service %1 (%2 of %3 Ready): no endpoints"_s,
                       u"Service %1 没有就绪的后端 Pod（%3 个中 %2 个就绪）：没有 Endpoint"_s)
                      .arg(c.object)
                      .arg(pods.ready)
                      .arg(pods.total));
    } else if (failure == ApiServiceFailure::Refused || failure == ApiServiceFailure::Tls ||
               failure == ApiServiceFailure::Auth) {
        c.state = ComponentState::Failing;
        c.setSummary(Text(u"%1 answers the API server with an error: %2"_s,
                          u"%1 向 API Server 返回错误：%2"_s)
                         .arg(Text::same(c.object), describeApiServiceFailureText(failure)));
        c.evidence.append(handoff().apiServiceEvidence);
    } else if (b.pods && b.pods->ok()) {
        c.state = ComponentState::Healthy;
        c.setSummary(Text(u"%1 of %2 pods Ready (%3)"_s, u"%2 个 Pod 中有 %1 个就绪（%3）"_s)
                         .arg(pods.ready)
                         .arg(pods.total)
                         .arg(pods.first));
    } else {
        c.setSummary(Text(u"Unknown: backend pods could not be read (%1)"_s,
                          u"未知：无法读取后端 Pod（%1）"_s)
                         .arg(b.pods ? Text::same(b.pods->answer.message)
                                     : Text(u"Service has no selector or was not read"_s,
                                            u"Service 没有 selector，或未能读取"_s)));
    }
}

} // namespace unstuck
