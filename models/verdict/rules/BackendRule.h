// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/verdict/rules/VerdictRule.h"

namespace unstuck {

// The aggregated API backend (Metrics Server in the seed incident): its Service, the Service's
// ready endpoints and the pods behind them. Reads the backend ApiServiceRule picked.
class BackendRule : public VerdictRule
{
public:
    using VerdictRule::VerdictRule;
    void apply(DiagnosisResult& result);

private:
    struct Count
    {
        int ready = 0, total = 0;
        Bilingual first; // the first pod's line (pods only)
    };
    // The Service is gone: the APIService was left behind.
    void judgeServiceMissing(ComponentVerdict& c, const AggregatedBackend& b) const;
    Count countEndpoints(ComponentVerdict& c, const AggregatedBackend& b) const;
    Count countPods(ComponentVerdict& c, const AggregatedBackend& b) const;
    void judge(ComponentVerdict& c, const AggregatedBackend& b, const Count& endpoints,
               const Count& pods) const;
};

} // namespace unstuck
