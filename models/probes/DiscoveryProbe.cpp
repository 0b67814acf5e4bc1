// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/probes/DiscoveryProbe.h"

#include <QJsonArray>

namespace unstuck {

DiscoveryProbe::DiscoveryProbe(ProbeRunner& runner) : m_runner(runner) {}

void DiscoveryProbe::start(std::function<void()> groupsKnown)
{
    m_runner.ask(
        ProbeRunner::kube(QStringLiteral("/apis")),
        Bilingual(QStringLiteral("API groups (/apis)"), QStringLiteral("API 组（/apis）")),
        [this, groupsKnown](const Observation& observation) {
            m_runner.findings().apis = observation;
            const QJsonArray groups =
                observation.answer.json.value(QStringLiteral("groups")).toArray();
            for (const QJsonValue& group : groups) {
                const QJsonArray versions =
                    group.toObject().value(QStringLiteral("versions")).toArray();
                for (const QJsonValue& version : versions) {
                    const QString gv =
                        version.toObject().value(QStringLiteral("groupVersion")).toString();
                    if (gv.isEmpty())
                        continue;
                    m_runner.ask(
                        ProbeRunner::kube(QStringLiteral("/apis/") + gv),
                        Bilingual(QStringLiteral("Discovery %1"), QStringLiteral("发现 %1"))
                            .arg(gv),
                        [this, gv](const Observation& answer) {
                            m_runner.findings().groupVersions.insert(gv, answer);
                        });
                }
            }
            groupsKnown();
        });
}

} // namespace unstuck
