// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sim/cloudapi/CloudHandler.h"

namespace unstuck::sim {

// The RAM API of the simulated account: roles, their policies and policy versions (a new
// default version is how the RAM fix lands) and decoding a Forbidden.RAM diagnostic message.
class CloudRamHandler : public CloudHandler
{
public:
    using CloudHandler::CloudHandler;

    // Runs a RAM action (GetRole, GetPolicyVersion, CreatePolicyVersion, ...).
    Result handle(const QString& action);

private:
    Result getRole();
    Result listPoliciesForRole();
    Result getPolicy();
    Result getPolicyVersion();
    Result listPolicyVersions();
    Result createPolicyVersion();
    Result setDefaultPolicyVersion();
    Result deletePolicyVersion();
    Result decodeDiagnosticMessage();
    std::optional<ApiError> findPolicy(SimPolicy** policy);
    QJsonObject versionJson(const SimPolicy& policy, const SimPolicyVersion& v) const;
};

} // namespace unstuck::sim
