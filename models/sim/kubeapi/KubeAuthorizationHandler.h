// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sim/kubeapi/KubeHandler.h"

namespace unstuck::sim {

// The review APIs (SelfSubjectAccessReview, SelfSubjectRulesReview): create-only resources that
// are answered at once and never stored. kubectl auth can-i asks them; every sim identity is an
// admin, so the answer is always "allowed".
class KubeAuthorizationHandler : public KubeHandler
{
public:
    explicit KubeAuthorizationHandler(SimWorld& world);

    HttpResponse review(const HttpRequest& request, const ApiResource& resource) const;
};

} // namespace unstuck::sim
