// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sim/cloudapi/CloudHandler.h"

namespace unstuck::sim {

// The RAM API of the simulated account: roles and users, their policies and policy versions (a
// new default version is how the RAM fix lands; at most 5 per policy, the default one cannot be
// deleted) and decoding a Forbidden.RAM diagnostic message.
class CloudRamHandler : public CloudHandler
{
public:
    using CloudHandler::CloudHandler;

    // Runs a RAM action (GetRole, GetPolicyVersion, CreatePolicyVersion, ...).
    Result handle(const QString& action);

private:
    Result getRole();
    Result listPoliciesForRole();
    Result getUser();
    Result listPoliciesForUser();
    Result getPolicy();
    Result getPolicyVersion();
    Result listPolicyVersions();
    Result createPolicyVersion();
    Result setDefaultPolicyVersion();
    Result deletePolicyVersion();
    Result decodeDiagnosticMessage();
    std::optional<ApiError> findPolicy(SimPolicy** policy);
    const SimUser* findUser(std::optional<ApiError>* error) const;
    QJsonObject attachedPolicies(const QStringList& names, const QDateTime& attached) const;
    QJsonObject versionJson(const SimPolicy& policy, const SimPolicyVersion& v) const;
};

} // namespace unstuck::sim
