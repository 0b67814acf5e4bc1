// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sim/cloudapi/CloudHandler.h"

namespace unstuck::sim {

// The STS API of the simulated account: who the caller is, and AssumeRole into a role whose
// trust policy names the account (the aliyun CLI's RamRoleArn mode, the SDKs' role credentials).
class CloudStsHandler : public CloudHandler
{
public:
    using CloudHandler::CloudHandler;

    // Runs an STS action (GetCallerIdentity, AssumeRole).
    Result handle(const QString& action);

private:
    Result getCallerIdentity();
    Result assumeRole();
};

} // namespace unstuck::sim
