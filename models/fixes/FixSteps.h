// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/verdict/DiagnosisResult.h"

namespace unstuck {

// The building blocks every fix plan shares: a step with its words in both languages, and the
// SelfSubjectAccessReview a Kubernetes write needs (shown in the plan, asked by the preflight).
class FixSteps
{
public:
    static FixStep step(const Bilingual& description, const QString& method, const QString& target,
                        const QString& body, const QString& command);
    static FixStep accessReview(const QString& verb, const QString& group, const QString& resource,
                                const QString& ns, const QString& name,
                                const QString& subresource = {});
    // "Re-create it from the saved copy": the undo of every delete-after-saving fix.
    static Bilingual recreateFromCopy();
};

} // namespace unstuck
