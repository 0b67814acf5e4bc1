// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/probes/AggregationProbe.h"

#include "models/probes/KubeFacts.h"

#include <algorithm>

namespace unstuck {

AggregationProbe::AggregationProbe(ProbeRunner& runner) : m_runner(runner) {}

static bool available(const QJsonObject& apiService)
{
    const auto condition = facts::condition(apiService, QStringLiteral("Available"));
    return condition &&
           condition->value(QStringLiteral("status")).toString() == QStringLiteral("True");
}

void AggregationProbe::start(std::function<void()> backendAnswered)
{
    m_backendAnswered = std::move(backendAnswered);
    m_runner.ask(
        ProbeRunner::kube(QStringLiteral("/apis/apiregistration.k8s.io/v1/apiservices"), true),
        Bilingual(QStringLiteral("APIServices"), QStringLiteral("APIService 列表")),
        [this](const Observation& observation) {
            Findings& findings = m_runner.findings();
            findings.apiServices = observation;
            for (const QJsonValue& value : observation.items()) {
                const QJsonObject object = value.toObject();
                const QJsonObject service =
                    facts::at(object, QStringLiteral("spec.service")).toObject();
                if (service.isEmpty())
                    continue; // Local: served by the API server itself
                AggregatedBackend backend;
                backend.apiService = facts::name(object);
                backend.groupVersion = facts::str(object, QStringLiteral("spec.group")) +
                                       QLatin1Char('/') +
                                       facts::str(object, QStringLiteral("spec.version"));
                backend.object = object;
                backend.serviceNamespace = service.value(QStringLiteral("namespace")).toString();
                backend.serviceName = service.value(QStringLiteral("name")).toString();
                backend.servicePort = service.value(QStringLiteral("port")).toInt(443);
                findings.backends.append(backend);
            }
            // Failing ones first; among equals, metrics first (the usual suspect).
            std::stable_sort(findings.backends.begin(), findings.backends.end(),
                             [](const AggregatedBackend& a, const AggregatedBackend& b) {
                                 const bool fa = !available(a.object), fb = !available(b.object);
                                 if (fa != fb)
                                     return fa;
                                 return a.apiService.contains(QStringLiteral("metrics.k8s.io")) &&
                                        !b.apiService.contains(QStringLiteral("metrics.k8s.io"));
                             });
            for (int i = 0; i < findings.backends.size(); ++i)
                if (i == 0 || !available(findings.backends.at(i).object))
                    followBackend(i);
        });
}

void AggregationProbe::followBackend(int index)
{
    AggregatedBackend& backend = m_runner.findings().backends[index];
    backend.followed = true;
    const QString ns = backend.serviceNamespace, name = backend.serviceName;
    m_runner.ask(
        ProbeRunner::kube(QStringLiteral("/api/v1/namespaces/%1/services/%2").arg(ns, name)),
        Bilingual::same(QStringLiteral("Service %1/%2").arg(ns, name)),
        [this, index, ns](const Observation& observation) {
            m_runner.findings().backends[index].service = observation;
            const QJsonObject selector =
                facts::at(observation.answer.json, QStringLiteral("spec.selector")).toObject();
            if (!observation.ok() || selector.isEmpty())
                return;
            QStringList terms;
            for (auto it = selector.begin(); it != selector.end(); ++it)
                terms << it.key() + QLatin1Char('=') + it.value().toString();
            m_runner.ask(
                ProbeRunner::kube(QStringLiteral("/api/v1/namespaces/%1/pods?labelSelector=%2")
                                      .arg(ns, facts::urlEncode(terms.join(QLatin1Char(',')))),
                                  true),
                Bilingual(QStringLiteral("Backend pods in %1"), QStringLiteral("%1 中的后端 Pod"))
                    .arg(ns),
                [this, index](const Observation& pods) {
                    m_runner.findings().backends[index].pods = pods;
                    m_backendAnswered();
                });
        });
    m_runner.ask(
        ProbeRunner::kube(
            QStringLiteral(
                "/apis/discovery.k8s.io/v1/namespaces/%1/endpointslices?labelSelector=%2")
                .arg(ns, facts::urlEncode(QStringLiteral("kubernetes.io/service-name=") + name)),
            true),
        Bilingual(QStringLiteral("EndpointSlices of %1/%2"),
                  QStringLiteral("%1/%2 的 EndpointSlice"))
            .arg(ns, name),
        [this, index](const Observation& observation) {
            m_runner.findings().backends[index].slices = observation;
            m_backendAnswered();
        });
}

} // namespace unstuck
