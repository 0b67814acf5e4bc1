// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/verdict/rules/VerdictRule.h"

namespace unstuck {

// The Namespace Controller and its link to the API Server: the controller finishes a deletion
// only when full discovery succeeds, so one group/version that cannot be listed blocks it.
class DiscoveryRule : public VerdictRule
{
public:
    using VerdictRule::VerdictRule;
    // Prepends the controller and its link: the graph reads from the subject onward.
    void apply(DiagnosisResult& result);

private:
    // The group/versions the namespaces' NamespaceDeletionDiscoveryFailure conditions name.
    QStringList conditionFailures(LinkVerdict& link) const;
    // The group/versions whose own GET /apis/<g>/<v> failed.
    QStringList probeFailures(LinkVerdict& link) const;
    void judgeLink(LinkVerdict& link, const QStringList& failing) const;
    QJsonObject discoveredNamespace() const;
    void judgeController(ComponentVerdict& controller) const;
    Bilingual stuckSummary() const;
};

} // namespace unstuck
