// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/cloud/RamPolicy.h"
#include "models/probes/Findings.h"
#include "models/verdict/ApiServiceFailure.h"
#include "models/verdict/DiagnosisResult.h"
#include "models/verdict/RouteAnalysis.h"
#include "models/verdict/rules/VerdictContext.h"

namespace unstuck {

// Turns what the probes found into a verdict per component and per link (DESIGN.md §3) by
// running one rule per component and link (models/verdict/rules/) over a shared context.
class VerdictBuilder
{
public:
    VerdictBuilder(const Findings& findings, QString sourceKind);
    // Fills namespaces, components and links of `result`.
    void build(DiagnosisResult& result);

    // The route controller's cloud actions (alibaba-cloud.md §4.2).
    static QStringList requiredRouteActions();
    // The default version of a policy from a ram:GetPolicy answer, parsed.
    static std::optional<RamAttachedPolicy> attachedPolicy(const Observation& observation);

private:
    VerdictContext m_context;
};

} // namespace unstuck
