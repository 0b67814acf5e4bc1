// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/verdict/rules/VerdictRule.h"

namespace unstuck {

// The link API Server → aggregated API backend: the APIService's Available condition. It also
// picks the backend the rest of the graph follows (the one the namespace conditions name).
class ApiServiceRule : public VerdictRule
{
public:
    using VerdictRule::VerdictRule;
    void apply(DiagnosisResult& result);

    // Why the APIServices could not be read, or empty when they could.
    static Bilingual unreadableReason(const Findings& findings);

private:
    const AggregatedBackend* chooseBackend() const;
    // Reads the backend's Available condition into the link and the handoff.
    void judgeAvailable(LinkVerdict& link, const AggregatedBackend& b);
    static QString discoveryFailure(const AggregatedBackend& b);
    void judgeDiscoveryFailure(LinkVerdict& link, const AggregatedBackend& b, const QString& line);
    // Other aggregated APIs that fail too are worth one line each.
    void addOtherFailures(LinkVerdict& link, const AggregatedBackend* backend) const;
};

} // namespace unstuck
