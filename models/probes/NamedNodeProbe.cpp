// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/probes/NamedNodeProbe.h"

#include "models/probes/KubeFacts.h"

namespace unstuck {

NamedNodeProbe::NamedNodeProbe(ProbeRunner& runner) : m_runner(runner) {}

void NamedNodeProbe::ask(const QSet<QString>& names, const std::function<void()>& answered)
{
    for (const QString& name : names) {
        if (name.isEmpty() || m_asked.contains(name))
            continue;
        m_asked.insert(name, 0);
        const int id = m_runner.ask(
            ProbeRunner::kube(QStringLiteral("/api/v1/nodes/%1").arg(facts::urlEncode(name))),
            Bilingual(QStringLiteral("Node %1"), QStringLiteral("节点 %1")).arg(name),
            [this, name, answered](const Observation& observation) {
                // Only a node object counts: an error leaves the list to answer for it.
                if (observation.ok() && facts::name(observation.answer.json) == name)
                    m_runner.findings().namedNodes.insert(name, observation);
                answered();
            });
        m_asked[name] = id;
    }
}

bool NamedNodeProbe::have(const QSet<QString>& names) const
{
    for (const QString& name : names)
        if (!m_runner.findings().namedNodes.contains(name))
            return false;
    return true;
}

void NamedNodeProbe::leaveRedPath()
{
    for (const int id : std::as_const(m_asked))
        m_runner.moveToSweep(id);
}

} // namespace unstuck
