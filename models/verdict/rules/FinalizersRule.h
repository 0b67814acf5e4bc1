// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/verdict/rules/VerdictRule.h"

namespace unstuck {

// Content whose finalizers nobody removes (NamespaceFinalizersRemaining): an extra cause beside
// the six components, linked from the Namespace Controller. Says nothing when no namespace
// reports it.
class FinalizersRule : public VerdictRule
{
public:
    using VerdictRule::VerdictRule;
    void apply(DiagnosisResult& result);

private:
    // The remaining objects with their finalizers, each also as evidence.
    QStringList remainingObjects(ComponentVerdict& c) const;
    static QString remainingItems(const QJsonObject& ns);
    QStringList pastedHolders() const;
    Evidence impliedEvidence(const QJsonObject& ns, const QString& holders) const;
    void addConditionEvidence(ComponentVerdict& c) const;
};

} // namespace unstuck
