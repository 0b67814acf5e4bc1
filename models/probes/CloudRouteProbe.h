// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/probes/ProbeRunner.h"

namespace unstuck {

// Finds the cluster's VPC from its nodes' ECS instances, then reads every route entry of
// the VPC's route table(s).
class CloudRouteProbe
{
public:
    explicit CloudRouteProbe(ProbeRunner& runner);
    void start(const QStringList& instanceIds, const QString& regionId);

private:
    void readTables();
    ProbeRunner& m_runner;
};

} // namespace unstuck
