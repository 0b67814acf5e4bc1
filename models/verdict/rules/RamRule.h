// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/cloud/RamPolicy.h"
#include "models/cloud/RamPolicyEvaluator.h"
#include "models/verdict/rules/VerdictRule.h"

namespace unstuck {

// The RAM policy and the Route Controller's link to it: the controller signs its VPC calls
// with the control-plane instances' RAM role, so an explicit Deny (or no Allow) for a route
// action leaves the routes unmanaged. The link mirrors the component.
class RamRule : public VerdictRule
{
public:
    using VerdictRule::VerdictRule;
    void apply(DiagnosisResult& result);

    // The default version of a policy from a ram:GetPolicy answer, parsed.
    static std::optional<RamAttachedPolicy> attachedPolicy(const Observation& observation);

private:
    // What the role's policies decide for the route controller's actions.
    struct Decision
    {
        QStringList denied, missing;
        QString denyingPolicy; // the first policy whose Deny decides
        Evidence decisive;
    };
    // Reads the role's policies; returns why they cannot be judged, or empty.
    Bilingual readPolicies(QList<RamAttachedPolicy>& documents) const;
    // A hint from the kube side when the route controller's own errors mention Forbidden.RAM.
    void addForbiddenHint(ComponentVerdict& c, LinkVerdict& link) const;
    Decision decide(const QList<RamAttachedPolicy>& documents) const;
    Evidence denyEvidence(const RamEvaluation& evaluation, const QString& action,
                          const QString& policyName) const;
    void addPoliciesEvidence(ComponentVerdict& c, const QList<RamAttachedPolicy>& documents) const;
    void judge(ComponentVerdict& c, const Decision& decision) const;
    // The link takes the component's state, summary and evidence.
    static void finish(DiagnosisResult& result, const ComponentVerdict& c, LinkVerdict& link);
};

} // namespace unstuck
