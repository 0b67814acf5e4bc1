// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/probes/NamespaceProbe.h"

#include "models/probes/KubeFacts.h"

namespace unstuck {

NamespaceProbe::NamespaceProbe(ProbeRunner& runner, QString namespaceName)
    : m_runner(runner), m_name(std::move(namespaceName))
{}

static bool isTerminating(const QJsonObject& ns)
{
    return !facts::str(ns, QStringLiteral("metadata.deletionTimestamp")).isEmpty() ||
           facts::str(ns, QStringLiteral("status.phase")) == QStringLiteral("Terminating");
}

void NamespaceProbe::start(std::function<void()> done)
{
    const QString path =
        m_name.isEmpty()
            ? QStringLiteral("/api/v1/namespaces?fieldSelector=status.phase%3DTerminating")
            : QStringLiteral("/api/v1/namespaces/") + m_name;
    const Bilingual label =
        m_name.isEmpty()
            ? Bilingual(QStringLiteral("Terminating namespaces"),
                        QStringLiteral("Terminating 状态的命名空间"))
            : Bilingual(QStringLiteral("Namespace %1"), QStringLiteral("命名空间 %1")).arg(m_name);
    m_runner.ask(ProbeRunner::kube(path, m_name.isEmpty()), label,
                 [this, done](const Observation& observation) {
                     Findings& findings = m_runner.findings();
                     findings.namespaces = observation;
                     if (observation.ok()) {
                         if (m_name.isEmpty()) {
                             for (const QJsonValue& item : observation.items())
                                 if (isTerminating(item.toObject()))
                                     findings.stuckNamespaces.append(item.toObject());
                         } else if (isTerminating(observation.answer.json)) {
                             findings.stuckNamespaces.append(observation.answer.json);
                         }
                     }
                     done();
                 });
}

} // namespace unstuck
