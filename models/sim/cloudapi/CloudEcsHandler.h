// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sim/cloudapi/CloudHandler.h"

namespace unstuck::sim {

// The ECS API of the simulated account: the instances behind the cluster's nodes and the RAM
// roles attached to them (what a diagnosis reads to find the role the CCM runs as).
class CloudEcsHandler : public CloudHandler
{
public:
    using CloudHandler::CloudHandler;

    // Runs an ECS action (DescribeInstances, DescribeInstanceRamRole).
    Result handle(const QString& action);

private:
    Result describeInstances();
    Result describeInstanceRamRole();
    QJsonObject instanceJson(const SimInstance& i) const;
};

} // namespace unstuck::sim
