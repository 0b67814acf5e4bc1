// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/verdict/rules/RamRule.h"

#include "models/probes/KubeFacts.h"

#include <QJsonDocument>

namespace unstuck {

using namespace Qt::StringLiterals;

void RamRule::apply(DiagnosisResult& result)
{
    ComponentVerdict c = componentVerdict(ids::RamPolicy);
    LinkVerdict link = linkVerdict(ids::RouteController, c.id);
    if (!onAlibaba() && m_f.nodes && m_f.nodes->ok()) {
        c.state = ComponentState::NotApplicable;
        c.setSummary(Text(u"Not an Alibaba Cloud cluster"_s, u"不是阿里云集群"_s));
        return finish(result, c, link);
    }
    QList<RamAttachedPolicy> documents;
    const Bilingual reason = readPolicies(documents);
    c.object = m_f.ramRoleName;
    if (!reason.isEmpty()) {
        c.setSummary(unknownBecause(reason));
        addForbiddenHint(c, link);
        return finish(result, c, link);
    }
    const Decision decision = decide(documents);
    addPoliciesEvidence(c, documents);
    if (!decision.decisive.title.isEmpty())
        c.evidence.prepend(decision.decisive);
    judge(c, decision);
    finish(result, c, link);
}

std::optional<RamAttachedPolicy> RamRule::attachedPolicy(const Observation& o)
{
    QJsonValue doc =
        facts::at(o.answer.json, QStringLiteral("DefaultPolicyVersion.PolicyDocument"));
    if (doc.isUndefined())
        doc = facts::at(o.answer.json, QStringLiteral("Policy.PolicyDocument"));
    const QByteArray text = doc.isObject()
                                ? QJsonDocument(doc.toObject()).toJson(QJsonDocument::Compact)
                                : doc.toString().toUtf8();
    QString error;
    auto parsed = RamPolicyDocument::parse(text, &error);
    if (!parsed)
        return std::nullopt;
    RamAttachedPolicy policy;
    policy.policyName = o.query.params.value(QStringLiteral("PolicyName"));
    policy.policyType =
        o.query.params.value(QStringLiteral("PolicyType"), QStringLiteral("Custom"));
    policy.versionId = facts::str(o.answer.json, QStringLiteral("DefaultPolicyVersion.VersionId"));
    if (policy.versionId.isEmpty())
        policy.versionId = facts::str(o.answer.json, QStringLiteral("Policy.DefaultVersion"));
    policy.document = *parsed;
    return policy;
}

void RamRule::finish(DiagnosisResult& result, const ComponentVerdict& c, LinkVerdict& link)
{
    link.state = c.state == ComponentState::Failing ? LinkState::Broken
                 : c.state == ComponentState::Healthy || c.state == ComponentState::NotApplicable
                     ? LinkState::Ok
                     : LinkState::Unknown;
    if (link.summary.isEmpty())
        link.setSummary(c.summaryText());
    link.evidence = c.evidence;
    result.components.append(c);
    result.links.append(link);
}

Bilingual RamRule::readPolicies(QList<RamAttachedPolicy>& documents) const
{
    Bilingual reason =
        cloudUnknownReason(m_f.instanceRamRole, QStringLiteral("ecs:DescribeInstanceRamRole"));
    if (reason.isEmpty() && m_f.ramRoleName.isEmpty())
        reason =
            Text(u"the control-plane instances have no RAM role (the controller may "
                 "use an AccessKey from cloud-config)"_s,
                 u"控制面实例没有绑定 RAM 角色（控制器可能使用 cloud-config 中的 AccessKey）"_s);
    if (reason.isEmpty())
        reason = cloudUnknownReason(m_f.rolePolicies, QStringLiteral("ram:ListPoliciesForRole"));
    for (const Observation& o : m_f.policies) {
        if (reason.isEmpty())
            reason = cloudUnknownReason(o, QStringLiteral("ram:GetPolicy"));
        if (!o.ok())
            continue;
        const auto attached = attachedPolicy(o);
        if (!attached) {
            if (reason.isEmpty())
                reason = Text(u"policy %1 could not be read"_s, u"无法读取策略 %1"_s)
                             .arg(o.query.params.value(QStringLiteral("PolicyName")));
            continue;
        }
        documents.append(*attached);
    }
    return reason;
}

void RamRule::addForbiddenHint(ComponentVerdict& c, LinkVerdict& link) const
{
    // A hint from the kube side, never a verdict.
    for (const Evidence& e : handoff().routeErrorEvidence)
        if (e.value.contains(QStringLiteral("Forbidden.RAM"))) {
            link.setSummary(c.summaryText() +
                            Text(u" (the route controller's own errors mention Forbidden.RAM)"_s,
                                 u"（路由控制器自身的错误中提到了 Forbidden.RAM）"_s));
            c.evidence.append(e);
            break;
        }
}

RamRule::Decision RamRule::decide(const QList<RamAttachedPolicy>& documents) const
{
    Decision d;
    for (const QString& action : RamPolicyEvaluator::routeControllerRequiredActions()) {
        const RamEvaluation e = RamPolicyEvaluator::evaluate(documents, action);
        if (e.decision == RamEvaluation::Decision::ExplicitDeny) {
            d.denied << action;
            const QString policyName =
                e.deciding.isEmpty() ? QString() : e.deciding.first().policyName;
            if (d.denyingPolicy.isEmpty())
                d.denyingPolicy = policyName;
            if (d.decisive.title.isEmpty())
                d.decisive = denyEvidence(e, action, policyName);
            if (d.decisive.valueZh.isEmpty() && !d.decisive.title.isEmpty())
                d.decisive.valueZh = e.explainZh();
        } else if (!e.allowed()) {
            d.missing << action;
        }
    }
    return d;
}

// The GetPolicy answer of the policy whose statement denies `action`, or empty when none.
Evidence RamRule::denyEvidence(const RamEvaluation& e, const QString& action,
                               const QString& policyName) const
{
    Evidence decisive;
    for (const Observation& o : m_f.policies)
        if (o.query.params.value(QStringLiteral("PolicyName")) == policyName)
            decisive = evidence(
                o, Text(u"Policy %1 denies %2"_s, u"策略 %1 拒绝了 %2"_s).arg(policyName, action),
                QStringLiteral("DefaultPolicyVersion.PolicyDocument.Statement"), e.explain(),
                facts::aliyun(QStringLiteral("ram"), QStringLiteral("GetPolicy"),
                              {{QStringLiteral("PolicyName"), policyName},
                               {QStringLiteral("PolicyType"),
                                o.query.params.value(QStringLiteral("PolicyType"))}}));
    return decisive;
}

void RamRule::addPoliciesEvidence(ComponentVerdict& c,
                                  const QList<RamAttachedPolicy>& documents) const
{
    if (!m_f.rolePolicies)
        return;
    QStringList names;
    for (const auto& d : documents)
        names << d.policyName;
    c.evidence.append(
        evidence(*m_f.rolePolicies,
                 Text(u"Policies attached to %1"_s, u"角色 %1 上附加的策略"_s).arg(m_f.ramRoleName),
                 QStringLiteral("Policies.Policy[].PolicyName"), names.join(QStringLiteral(", ")),
                 facts::aliyun(QStringLiteral("ram"), QStringLiteral("ListPoliciesForRole"),
                               {{QStringLiteral("RoleName"), m_f.ramRoleName}})));
}

void RamRule::judge(ComponentVerdict& c, const Decision& d) const
{
    if (!d.denied.isEmpty()) {
        c.state = ComponentState::Failing;
        // The Chinese sentence also names the policy: that is what the fix edits.
        const QString list = d.denied.join(QStringLiteral(", "));
        c.setSummary(
            Text(u"Role %1: an explicit Deny blocks %2 (the route controller "
                 "cannot read or write routes)"_s.arg(m_f.ramRoleName, list),
                 u"角色 %1：RAM 策略 %2 中的显式 Deny 拒绝了 %3（路由控制器无法读写路由）"_s.arg(
                     m_f.ramRoleName, d.denyingPolicy.isEmpty() ? u"（未知）"_s : d.denyingPolicy,
                     list)));
    } else if (!d.missing.isEmpty()) {
        c.state = ComponentState::Failing;
        c.setSummary(Text(u"Role %1: no policy allows %2"_s, u"角色 %1：没有任何 RAM 策略允许 %2"_s)
                         .arg(m_f.ramRoleName, d.missing.join(QStringLiteral(", "))));
    } else {
        c.state = ComponentState::Healthy;
        c.setSummary(Text(u"Role %1 allows every route action the controller needs"_s,
                          u"角色 %1 允许路由控制器所需的全部路由操作"_s)
                         .arg(m_f.ramRoleName));
    }
}

} // namespace unstuck
