// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/fixes/FixPreparer.h"

namespace unstuck {

// ram-policy-allow made executable: a new policy version with the Deny turned to Allow, made the
// default; undo makes the previous default version the default again. Reads the policy and its
// versions (RAM keeps at most 5) and checks the default version is still the one the diagnosis
// read.
class RamPolicyRecipe
{
public:
    static constexpr int kMaxVersions = 5;
    static void prepare(const FixPlan& plan, FixTransport& transport, const PrepareOptions& options,
                        QObject* receiver, FixPreparer::Done done);

    // The version CreatePolicyVersion's rotation would delete: the oldest non-default one.
    static QString oldestNonDefault(const QJsonObject& listPolicyVersions);
};

} // namespace unstuck
