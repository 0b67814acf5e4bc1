// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/verdict/rules/VerdictRule.h"

namespace unstuck {

// The API Server itself: it answers /apis, and its calls to aggregated APIs leave from the
// control plane's host network, which is why a pod-network backend needs a VPC route.
class ApiServerRule : public VerdictRule
{
public:
    using VerdictRule::VerdictRule;
    void apply(DiagnosisResult& result);

private:
    // "host network 192.168.0.193 (node …)" from the kube-apiserver pod, with its evidence.
    Bilingual originFromPod(ComponentVerdict& c) const;
    // The host network of a control-plane node, when no API server pod is visible.
    Bilingual originFromNodes() const;
};

} // namespace unstuck
