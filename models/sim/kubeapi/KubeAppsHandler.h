// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sim/kubeapi/KubeHandler.h"

namespace unstuck::sim {

// The apps group's own subresource: a Deployment's /scale, read and written as an
// autoscaling/v1 Scale (kubectl scale), which the workload controller sim then rolls out.
class KubeAppsHandler : public KubeHandler
{
public:
    explicit KubeAppsHandler(SimWorld& world);

    HttpResponse scale(const HttpRequest& request, const QString& ns, const QString& name);
};

} // namespace unstuck::sim
