// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace unstuck::sim {

class KubeStore;
class CloudWorld;

// Plays the Alibaba Cloud CCM route controller: calls the cloud API as the control-plane RAM
// role, re-creates missing routes when allowed, and otherwise logs/files events/sets node
// conditions exactly as the real one does.
class RouteControllerSim
{
public:
    RouteControllerSim(KubeStore& kube, CloudWorld& cloud);
    void reconcile();

private:
    KubeStore& m_kube;
    CloudWorld& m_cloud;
};

} // namespace unstuck::sim
