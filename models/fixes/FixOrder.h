// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/verdict/DiagnosisResult.h"

namespace unstuck {

// Fixes follow the evidence: only targets the diagnosis shows failing are named, and the list
// starts at the root cause. When the story ends at something nobody could see (a link whose far
// side is unknown), the check that would show it comes first; then the fix of the root cause,
// the other fixes along the red path from the root up, the other causes of the stuck namespace
// (finalizers, webhooks), what else is failing, and last the workarounds that unblock the
// namespace without mending anything (the force-finalize always last).
class FixOrder
{
public:
    static QList<FixPlan> order(const QList<FixPlan>& fixes, const DiagnosisResult& result);
    // The component or link the fix acts on is failing in the evidence (for a check: unknown;
    // for the force-finalize: a namespace is stuck).
    static bool targetFailing(const FixPlan& fix, const DiagnosisResult& result);

private:
    static int rank(const FixPlan& fix, const DiagnosisResult& result);
    static QString rootTarget(const DiagnosisResult& result);
};

} // namespace unstuck
