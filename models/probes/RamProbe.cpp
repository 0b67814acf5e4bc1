// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/probes/RamProbe.h"

#include "models/probes/KubeFacts.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace unstuck {

RamProbe::RamProbe(ProbeRunner& runner) : m_runner(runner) {}

void RamProbe::start(const QStringList& controlPlaneInstanceIds, const QString& regionId)
{
    const QString ids = QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(controlPlaneInstanceIds.mid(0, 100)))
            .toJson(QJsonDocument::Compact));
    m_runner.ask(
        ProbeRunner::cloud(
            QStringLiteral("ecs"), QStringLiteral("DescribeInstanceRamRole"),
            {{QStringLiteral("RegionId"), regionId}, {QStringLiteral("InstanceIds"), ids}}),
        Bilingual(QStringLiteral("RAM role of the control plane"),
                  QStringLiteral("控制面的 RAM 角色")),
        [this](const Observation& observation) {
            Findings& findings = m_runner.findings();
            findings.instanceRamRole = observation;
            const QJsonArray sets =
                facts::at(observation.answer.json,
                          QStringLiteral("InstanceRamRoleSets.InstanceRamRoleSet"))
                    .toArray();
            for (const QJsonValue& set : sets) {
                const QString role = set.toObject().value(QStringLiteral("RamRoleName")).toString();
                if (!role.isEmpty()) {
                    findings.ramRoleName = role;
                    break;
                }
            }
            if (!findings.ramRoleName.isEmpty())
                readPolicies(findings.ramRoleName);
        });
}

void RamProbe::readPolicies(const QString& roleName)
{
    m_runner.ask(
        ProbeRunner::cloud(QStringLiteral("ram"), QStringLiteral("ListPoliciesForRole"),
                           {{QStringLiteral("RoleName"), roleName}}),
        Bilingual(QStringLiteral("Policies of %1"), QStringLiteral("%1 的策略")).arg(roleName),
        [this](const Observation& observation) {
            m_runner.findings().rolePolicies = observation;
            const QJsonArray policies =
                facts::at(observation.answer.json, QStringLiteral("Policies.Policy")).toArray();
            for (const QJsonValue& value : policies) {
                const QJsonObject policy = value.toObject();
                const QString name = policy.value(QStringLiteral("PolicyName")).toString();
                const QString type = policy.value(QStringLiteral("PolicyType")).toString();
                m_runner.ask(
                    ProbeRunner::cloud(QStringLiteral("ram"), QStringLiteral("GetPolicy"),
                                       {{QStringLiteral("PolicyName"), name},
                                        {QStringLiteral("PolicyType"), type}}),
                    Bilingual(QStringLiteral("Policy %1"), QStringLiteral("策略 %1")).arg(name),
                    [this](const Observation& answer) {
                        m_runner.findings().policies.append(answer);
                    });
            }
        });
}

} // namespace unstuck
