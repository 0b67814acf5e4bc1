// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sim/CloudAccount.h"

#include <QDateTime>
#include <QString>

namespace unstuck::sim {

// The RAM side of the simulated account: the dedicated cluster's master and worker roles with
// their policies (in the seed the master policy's default version denies every vpc action), the
// role people assume, and the app's two users with their AccessKey pairs: the operator, who may
// read and fix, and the read-only user, who may only read (its writes answer Forbidden.RAM).
class CloudIdentities
{
public:
    struct Names
    {
        QString masterRole;   // "KubernetesMasterRole-<uuid>"
        QString masterPolicy; // "k8sMasterRolePolicy-<id>"
        QString workerRole;
        QString operatorKeyId;
    };

    // The roles, their policies and the operator user; seedLike: the master policy's Deny
    // version is the default one.
    static Names addRoles(CloudAccount& account, bool seedLike, const QDateTime& created);
    // The read-only user, its policy (Describe/Get/List only) and key; returns the AccessKeyId.
    static QString addReadOnlyUser(CloudAccount& account, const QDateTime& created);

    static QString operatorUserName();
    static QString readOnlyUserName();
    static QString randomSecret(int length);
};

} // namespace unstuck::sim
