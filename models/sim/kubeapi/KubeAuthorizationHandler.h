// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sim/kubeapi/KubeAuthorizer.h"
#include "models/sim/kubeapi/KubeHandler.h"

namespace unstuck::sim {

// The review APIs (SelfSubjectAccessReview, SelfSubjectRulesReview): create-only resources that
// are answered at once and never stored. kubectl auth can-i asks them; the answer is the sim's
// authorizer's (KubeAuthorizer) for the identity that asks.
class KubeAuthorizationHandler : public KubeHandler
{
public:
    explicit KubeAuthorizationHandler(SimWorld& world);

    HttpResponse review(const HttpRequest& request, const ApiResource& resource,
                        const KubeUser& user) const;

private:
    static HttpResponse accessReview(QJsonObject review, const KubeUser& user);
};

} // namespace unstuck::sim
