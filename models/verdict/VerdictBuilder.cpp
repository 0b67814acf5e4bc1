// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/verdict/VerdictBuilder.h"

#include "models/cloud/RamPolicyEvaluator.h"
#include "models/verdict/rules/ApiServerRule.h"
#include "models/verdict/rules/ApiServiceRule.h"
#include "models/verdict/rules/BackendRouteRule.h"
#include "models/verdict/rules/BackendRule.h"
#include "models/verdict/rules/DiscoveryRule.h"
#include "models/verdict/rules/FinalizersRule.h"
#include "models/verdict/rules/NamespaceRule.h"
#include "models/verdict/rules/RamRule.h"
#include "models/verdict/rules/RouteControllerRule.h"
#include "models/verdict/rules/RouteTableRule.h"
#include "models/verdict/rules/WebhookRule.h"

namespace unstuck {

VerdictBuilder::VerdictBuilder(const Findings& findings, QString sourceKind)
    : m_context(findings, std::move(sourceKind))
{}

// The order matters: a rule reads what the rules before it handed on (VerdictContext::Handoff),
// and the graph lists components and links in the order the rules add them.
void VerdictBuilder::build(DiagnosisResult& result)
{
    NamespaceRule(m_context).apply(result);
    ApiServerRule(m_context).apply(result);
    ApiServiceRule(m_context).apply(result);
    BackendRule(m_context).apply(result);
    RouteTableRule(m_context).apply(result);
    BackendRouteRule(m_context).apply(result);
    RouteControllerRule(m_context).apply(result);
    RamRule(m_context).apply(result);
    DiscoveryRule(m_context).apply(result);
    FinalizersRule(m_context).apply(result);
    WebhookRule(m_context).apply(result);
}

QStringList VerdictBuilder::requiredRouteActions()
{
    return RamPolicyEvaluator::routeControllerRequiredActions();
}

std::optional<RamAttachedPolicy> VerdictBuilder::attachedPolicy(const Observation& observation)
{
    return RamRule::attachedPolicy(observation);
}

} // namespace unstuck
