// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/probes/RouteControllerProbe.h"

#include "models/probes/KubeFacts.h"

namespace unstuck {

RouteControllerProbe::RouteControllerProbe(ProbeRunner& runner) : m_runner(runner) {}

bool RouteControllerProbe::isRouteController(const QJsonObject& pod)
{
    const QString name = facts::name(pod);
    const QJsonObject labels = facts::at(pod, QStringLiteral("metadata.labels")).toObject();
    const QString app = labels.value(QStringLiteral("app")).toString() +
                        labels.value(QStringLiteral("component")).toString() +
                        labels.value(QStringLiteral("app.kubernetes.io/name")).toString();
    return name.contains(QStringLiteral("cloud-controller-manager")) ||
           app.contains(QStringLiteral("cloud-controller-manager")) ||
           name.startsWith(QStringLiteral("ccm-")) || app == QStringLiteral("ccm");
}

void RouteControllerProbe::start(std::function<void()> podsKnown)
{
    m_runner.ask(
        ProbeRunner::kubeFromCache(QStringLiteral("/api/v1/namespaces/kube-system/pods")),
        Bilingual(QStringLiteral("kube-system pods"), QStringLiteral("kube-system 中的 Pod")),
        [this, podsKnown](const Observation& observation) {
            Findings& findings = m_runner.findings();
            findings.systemPods = observation;
            QJsonObject chosen;
            for (const QJsonValue& value : observation.items()) {
                const QJsonObject pod = value.toObject();
                if (!isRouteController(pod))
                    continue;
                // Prefer a running pod: its log is the one that tells the current story.
                if (chosen.isEmpty() || (facts::podReady(pod) && !facts::podReady(chosen)))
                    chosen = pod;
            }
            if (!chosen.isEmpty()) {
                findings.routeControllerPod = facts::name(chosen);
                m_runner.ask(
                    ProbeRunner::kube(QStringLiteral("/api/v1/namespaces/kube-system/pods/%1/"
                                                     "log?tailLines=200&timestamps=true")
                                          .arg(findings.routeControllerPod)),
                    Bilingual(QStringLiteral("Log of %1"), QStringLiteral("%1 的日志"))
                        .arg(findings.routeControllerPod),
                    [this](const Observation& log) {
                        m_runner.findings().routeControllerLog = log;
                    });
            }
            podsKnown();
        });
    for (const QString& ns : {QStringLiteral("default"), QStringLiteral("kube-system")}) {
        m_runner.ask(
            ProbeRunner::kubeFromCache(QStringLiteral("/api/v1/namespaces/%1/events").arg(ns)),
            Bilingual(QStringLiteral("Events in %1"), QStringLiteral("%1 中的事件")).arg(ns),
            [this](const Observation& observation) {
                m_runner.findings().events.append(observation);
            });
    }
}

} // namespace unstuck
