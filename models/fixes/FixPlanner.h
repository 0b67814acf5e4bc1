// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/probes/Findings.h"
#include "models/verdict/DiagnosisResult.h"

namespace unstuck {

// Recommends fixes for what the evidence shows broken, root cause first (DESIGN.md §4, FixOrder).
// Data only: every step names the request it would send and the kubectl/aliyun equivalent; nothing
// is applied.
class FixPlanner
{
public:
    FixPlanner(const Findings& findings, const DiagnosisResult& result);
    QList<FixPlan> plan() const;

private:
    std::optional<FixPlan> ramPolicy() const;
    std::optional<FixPlan> ramPolicyCheck() const;
    std::optional<FixPlan> vpcRoutes() const;
    std::optional<FixPlan> routeControllerRestart() const;
    std::optional<FixPlan> backendRestart() const;
    std::optional<FixPlan> staleApiService() const;
    std::optional<FixPlan> finalizers() const;
    std::optional<FixPlan> webhook() const;
    std::optional<FixPlan> namespaceFinalize() const;
    bool failing(const QString& id) const;
    bool controllerForbidden() const; // its errors say Forbidden.RAM
    QList<Observation> policiesInRoleOrder() const;
    bool storyEndsAtCloud() const;

    const Findings& m_f;
    const DiagnosisResult& m_result;
};

} // namespace unstuck
