// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sim/kubeapi/KubeHandler.h"
#include "models/sim/kubeapi/KubeWriteOptions.h"

namespace unstuck::sim {

// The apps group's own subresource: a Deployment's /scale, read and written as an
// autoscaling/v1 Scale (kubectl scale, dry run included), which the workload controller sim then
// rolls out.
class KubeAppsHandler : public KubeHandler
{
public:
    explicit KubeAppsHandler(SimWorld& world);

    HttpResponse scale(const HttpRequest& request, const QString& ns, const QString& name,
                       const KubeWriteOptions& options);
};

} // namespace unstuck::sim
