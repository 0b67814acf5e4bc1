// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sim/HttpMessage.h"

namespace unstuck::sim {

class CloudWorld;

// Serves the Alibaba Cloud RPC OpenAPI (VPC, ECS, RAM, STS) of the simulated account:
// verifies signatures (V1 and V3), enforces the caller's RAM policies, runs the action.
class CloudApi
{
public:
    explicit CloudApi(CloudWorld& world);
    HttpResponse handle(const HttpRequest& request);

private:
    CloudWorld& m_world;
};

} // namespace unstuck::sim
