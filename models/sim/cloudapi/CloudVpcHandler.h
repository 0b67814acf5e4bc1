// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sim/cloudapi/CloudHandler.h"

namespace unstuck::sim {

// The VPC API of the simulated account: its one VPC and route table, and the route entries the
// route controller sim (and a person fixing the incident) create and delete.
class CloudVpcHandler : public CloudHandler
{
public:
    using CloudHandler::CloudHandler;

    // Runs a VPC action (DescribeVpcs, CreateRouteEntry, ...).
    Result handle(const QString& action);

private:
    Result describeVpcs();
    Result describeVpcAttribute();
    Result describeRouteTableList();
    Result describeRouteEntryList();
    Result createRouteEntry();
    Result deleteRouteEntry();
    QJsonObject vpcJson() const;
    QJsonObject routeEntryJson(const SimRouteEntry& e) const;
};

} // namespace unstuck::sim
