// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/probes/ProbeRunner.h"

namespace unstuck {

// Finds the route/cloud controller in kube-system, reads its log tail, and collects the route
// events (FailedToCreateRoute, CreateRouteFailed, SyncRouteFailed) it files.
class RouteControllerProbe
{
public:
    explicit RouteControllerProbe(ProbeRunner& runner);
    void start(std::function<void()> podsKnown);

    static bool isRouteController(const QJsonObject& pod);

private:
    ProbeRunner& m_runner;
};

} // namespace unstuck
