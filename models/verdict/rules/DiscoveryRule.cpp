// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/verdict/rules/DiscoveryRule.h"

#include "models/probes/KubeFacts.h"

namespace unstuck {

using namespace Qt::StringLiterals;

void DiscoveryRule::apply(DiagnosisResult& result)
{
    ComponentVerdict controller =
        componentVerdict(ids::NamespaceController, QStringLiteral("kube-controller-manager"));
    LinkVerdict link = linkVerdict(ids::NamespaceController, ids::ApiServer);

    const QStringList conditions = conditionFailures(link);
    QStringList failing = probeFailures(link);
    for (const QString& gv : conditions)
        if (!failing.contains(gv))
            failing << gv;
    handoff().failingGroupVersions = failing;

    judgeLink(link, failing);
    judgeController(controller);
    result.components.prepend(controller);
    result.links.prepend(link);
}

QStringList DiscoveryRule::conditionFailures(LinkVerdict& link) const
{
    QStringList conditionFailures;
    for (const QJsonObject& ns : m_f.stuckNamespaces) {
        const auto c = facts::condition(ns, QStringLiteral("NamespaceDeletionDiscoveryFailure"));
        if (c && c->value(QStringLiteral("status")).toString() == QStringLiteral("True")) {
            const QString message = c->value(QStringLiteral("message")).toString();
            for (const QString& gv : groupVersionsInMessage(message))
                if (!conditionFailures.contains(gv))
                    conditionFailures << gv;
            Observation obs = *m_f.namespaces;
            link.evidence.append(evidence(
                obs,
                Text(u"Namespace %1 reports NamespaceDeletionDiscoveryFailure"_s,
                     u"命名空间 %1 报告 NamespaceDeletionDiscoveryFailure"_s)
                    .arg(facts::name(ns)),
                QStringLiteral("status.conditions[NamespaceDeletionDiscoveryFailure].message"),
                message, facts::kubectl(QStringLiteral("get ns %1 -o yaml").arg(facts::name(ns)))));
        }
    }
    return conditionFailures;
}

QStringList DiscoveryRule::probeFailures(LinkVerdict& link) const
{
    QStringList probeFailures;
    for (auto it = m_f.groupVersions.cbegin(); it != m_f.groupVersions.cend(); ++it) {
        const SourceAnswer& a = it.value().answer;
        if (a.ok() || a.error == QStringLiteral("missing") ||
            a.error == QStringLiteral("forbidden"))
            continue;
        probeFailures << it.key();
        const QString body = QString::fromUtf8(a.body).trimmed();
        link.evidence.append(
            evidence(it.value(),
                     Text(u"GET /apis/%1 answers %2"_s, u"GET /apis/%1 返回 %2"_s)
                         .arg(it.key())
                         .arg(a.status),
                     QStringLiteral("HTTP status"), body.isEmpty() ? a.message : body,
                     facts::kubectl(QStringLiteral("get --raw /apis/") + it.key())));
    }
    return probeFailures;
}

void DiscoveryRule::judgeLink(LinkVerdict& link, const QStringList& failing) const
{
    if (!failing.isEmpty()) {
        link.state = LinkState::Broken;
        link.setSummary(Text(u"Discovery is partial: %1 cannot be listed, so the namespace "
                             "controller will not finish deleting"_s,
                             u"API 发现不完整：无法列出 %1，Namespace 控制器因此无法完成删除"_s)
                            .arg(failing.join(QStringLiteral(", "))));
    } else if (m_f.apis && m_f.apis->ok()) {
        link.state = LinkState::Ok;
        link.setSummary(Text(u"Full discovery succeeds (%1 group/versions)"_s,
                             u"API 发现完整（%1 个 group/version）"_s)
                            .arg(m_f.groupVersions.size()));
        link.evidence.append(evidence(
            *m_f.apis, Text(u"API groups listed"_s, u"已列出 API 组"_s), QStringLiteral("groups"),
            QString::number(m_f.apis->answer.json.value(QStringLiteral("groups")).toArray().size()),
            QStringLiteral("kubectl api-resources")));
    } else if (const QJsonObject ns = discoveredNamespace(); !ns.isEmpty()) {
        // The namespace controller's own word: its last discovery for this namespace succeeded.
        const auto c = facts::condition(ns, QStringLiteral("NamespaceDeletionDiscoveryFailure"));
        link.state = LinkState::Ok;
        link.setSummary(
            Text(u"Discovery succeeds: namespace %1 reports "
                 "NamespaceDeletionDiscoveryFailure=False (%2)"_s,
                 u"API 发现成功：命名空间 %1 报告 NamespaceDeletionDiscoveryFailure=False"
                 "（%2）"_s)
                .arg(facts::name(ns), c->value(QStringLiteral("reason")).toString()));
        link.evidence.append(
            evidence(*m_f.namespaces,
                     Text(u"Namespace %1 reports NamespaceDeletionDiscoveryFailure=False"_s,
                          u"命名空间 %1 报告 NamespaceDeletionDiscoveryFailure=False"_s)
                         .arg(facts::name(ns)),
                     QStringLiteral("status.conditions[NamespaceDeletionDiscoveryFailure]"),
                     QStringLiteral("False %1: %2")
                         .arg(c->value(QStringLiteral("reason")).toString(),
                              c->value(QStringLiteral("message")).toString()),
                     facts::kubectl(QStringLiteral("get ns %1 -o yaml").arg(facts::name(ns)))));
    } else {
        link.setSummary(Text(u"Unknown: discovery could not be read (%1)"_s,
                             u"未知：无法读取 API 发现结果（%1）"_s)
                            .arg(m_f.apis ? Text::same(m_f.apis->answer.message) : notAnswered()));
    }
}

// A stuck namespace whose NamespaceDeletionDiscoveryFailure condition is False: the namespace
// controller listed every group for it. Only read when discovery itself could not be (a paste).
QJsonObject DiscoveryRule::discoveredNamespace() const
{
    if (!m_f.namespaces)
        return {};
    for (const QJsonObject& ns : m_f.stuckNamespaces) {
        const auto c = facts::condition(ns, QStringLiteral("NamespaceDeletionDiscoveryFailure"));
        if (c && c->value(QStringLiteral("status")).toString() == QStringLiteral("False"))
            return ns;
    }
    return {};
}

void DiscoveryRule::judgeController(ComponentVerdict& controller) const
{
    if (!m_f.namespaces || !m_f.namespaces->ok()) {
        controller.state = ComponentState::Unknown;
        controller.setSummary(
            Text(u"Unknown: namespaces could not be read (%1)"_s, u"未知：无法读取命名空间（%1）"_s)
                .arg(m_f.namespaces ? Text::same(m_f.namespaces->answer.message) : notAnswered()));
    } else if (m_f.stuckNamespaces.isEmpty()) {
        controller.state = ComponentState::Healthy;
        controller.setSummary(Text(u"No namespace is stuck in Terminating"_s,
                                   u"没有卡在 Terminating 状态的命名空间"_s));
    } else {
        controller.state = ComponentState::Healthy;
        controller.setSummary(stuckSummary());
        controller.evidence.append(evidence(
            *m_f.namespaces,
            Text(u"Namespaces in Terminating"_s, u"处于 Terminating 状态的命名空间"_s),
            QStringLiteral("status.phase"), QStringLiteral("Terminating"),
            facts::kubectl(QStringLiteral("get ns --field-selector status.phase=Terminating"))));
    }
}

// "N namespace(s) stuck in Terminating (a, b, …); the controller keeps retrying…".
Bilingual DiscoveryRule::stuckSummary() const
{
    QStringList names;
    bool hasConditions = false;
    for (const QJsonObject& ns : m_f.stuckNamespaces) {
        names << facts::name(ns);
        hasConditions |=
            facts::condition(ns, QStringLiteral("NamespaceDeletionDiscoveryFailure")).has_value();
    }
    return Text(u"%1 namespace(s) stuck in Terminating (%2); the controller keeps retrying%3"_s,
                u"%1 个命名空间卡在 Terminating 状态（%2），控制器在不断重试%3"_s)
        .arg(names.size())
        .arg(Text(names.mid(0, 5).join(QStringLiteral(", ")) +
                      (names.size() > 5 ? QStringLiteral(", …") : QString()),
                  names.mid(0, 5).join(u"、"_s) + (names.size() > 5 ? u" 等"_s : QString())))
        .arg(hasConditions ? Text(u" and reports why in the namespace conditions"_s,
                                  u"，并在命名空间的 conditions 中说明了原因"_s)
                           : Text());
}

} // namespace unstuck
