// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/probes/Findings.h"
#include "models/verdict/DiagnosisResult.h"

#include <optional>

namespace unstuck {

// The fix for a conversion webhook that blocks content deletion ("conversion webhook for
// acme.cert-manager.io/v1alpha2, Kind=Challenge failed: … service … not found"): the namespace
// controller cannot list or delete objects of that kind while the API server cannot convert
// them. The CRD's spec.conversion is saved and set to strategy None (undo puts it back), the
// same thing the add-on's uninstall should have done.
class ConversionWebhookFix
{
public:
    static constexpr const char* kId = "crd-conversion-remove";
    static std::optional<FixPlan> plan(const Findings& findings, const DiagnosisResult& result);

    // "challenges.acme.cert-manager.io" for group acme.cert-manager.io and kind Challenge: the
    // plural from discovery or the listed content when the diagnosis read it, else the
    // English plural the CRD generators use.
    static QString crdName(const Findings& findings, const QString& group, const QString& kind);
};

} // namespace unstuck
