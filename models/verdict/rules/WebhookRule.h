// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/verdict/rules/VerdictRule.h"

namespace unstuck {

// A webhook that makes content deletion fail (NamespaceDeletionContentFailure naming a
// webhook): an admission webhook refusing the deletes or a conversion webhook that cannot
// answer. An extra cause linked from the Namespace Controller; says nothing otherwise.
class WebhookRule : public VerdictRule
{
public:
    using VerdictRule::VerdictRule;
    void apply(DiagnosisResult& result);

private:
    bool impliedByError(const QString& nsName) const;
    // The webhook configuration that registers `webhookName`, with its evidence.
    struct Configuration
    {
        QString name, kind;
    };
    Configuration findConfiguration(ComponentVerdict& c, const QString& webhookName) const;
    // Labels the component and says which webhook blocks the deletes in `nsNames`.
    static Bilingual describe(ComponentVerdict& c, const QString& message,
                              const QString& webhookName, const Configuration& configuration,
                              const QStringList& nsNames);
    // Why the webhook fails matters for the fix: a Service that is gone cannot answer.
    static Bilingual serviceHint(const QString& message);
};

} // namespace unstuck
