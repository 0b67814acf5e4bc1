// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/verdict/rules/VerdictRule.h"

namespace unstuck {

// The subject beside the graph: every namespace stuck in Terminating, with its finalizers and
// the deletion conditions exactly as the API server returned them.
class NamespaceRule : public VerdictRule
{
public:
    using VerdictRule::VerdictRule;
    void apply(DiagnosisResult& result);
};

} // namespace unstuck
