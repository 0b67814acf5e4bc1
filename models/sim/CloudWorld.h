// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sim/CloudAccount.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QString>

namespace unstuck::sim {

class KubeStore;

// The simulated Alibaba Cloud account: one VPC and its route table, ECS instances matching
// the nodes' providerIDs, the control-plane RAM role with its policies (with versions; in
// ram-two-policies a second policy of the role denies the route writes too), and
// the users whose keys the app uses (the operator, and a read-only user). Owned by the simulator's
// cloud side (CloudApi serves it, RouteControllerSim reconciles it).
class CloudWorld : public QObject
{
    Q_OBJECT
public:
    explicit CloudWorld(QObject* parent = nullptr);
    ~CloudWorld() override;

    // Builds the account for a scenario from the cluster already in `kube` (nodes with
    // spec.podCIDR and spec.providerID "<region>.<instance-id>").
    void populate(const QString& scenario, const KubeStore& kube);

    // True when the VPC route table sends traffic for podIp to instanceId (an entry whose
    // destination CIDR contains podIp and whose next hop is that instance). The aggregator
    // reconciler asks this to decide whether the API server reaches an APIService backend.
    // Longest prefix wins, as in the VPC router.
    bool routesToInstance(const QString& podIp, const QString& instanceId) const;

    QString regionId() const;
    QString vpcId() const;
    // Credentials of the RAM user the app signs with (written into sim.json/profile.json).
    QString userAccessKeyId() const;
    QString userAccessKeySecret() const;
    // The read-only RAM user (may Describe/Get/List, nothing else) and its key
    // (sim.json "readOnly", profile-read-only.json).
    QString readOnlyUserName() const;
    QString readOnlyAccessKeyId() const;
    QString readOnlyAccessKeySecret() const;

    // How long a route entry made by CreateRouteEntry stays Pending before it is Available and
    // routes traffic (0: Available at once, the default).
    void setRoutePendingMs(int ms);
    int routePendingMs() const;
    // Turns the Pending entries whose time has come Available (emits changed() when any did).
    void settleRoutes();

    // --- extensions (cloud side) ------------------------------------------------------------
    QString scenario() const;
    QString accountId() const;
    QString routeTableId() const;
    QString userName() const;
    QString masterRoleName() const;   // "KubernetesMasterRole-<uuid>"
    QString masterPolicyName() const; // "k8sMasterRolePolicy-<uuid>"
    QString workerRoleName() const;
    // A role the user may AssumeRole into (aliyun CLI RamRoleArn mode), same rights as the user.
    QString troubleshooterRoleArn() const;
    // The CIDR whose route the scenario removed ("" when none), and that node's name.
    QString brokenRouteCidr() const;
    QString brokenRouteNode() const;

    // How often the route controller sim acts, and how long after start it first acts (the
    // real CCM waits one period before its first full sync).
    int routeReconcilePeriodMs() const;
    int routeFirstSyncDelayMs() const;

    // A fresh STS session for a role, as the ECS metadata server gives an instance.
    SimAccessKey roleSession(const QString& roleName, const QString& sessionName);
    // Tests: the next calls of an action answer an error (e.g. Throttling.User).
    void injectFault(const SimFault& fault);

    // Bumped by every populate(): controllers restart their schedule on a new world.
    int generation() const;

    CloudAccount& account();
    const CloudAccount& account() const;
    // Emits changed(); CloudApi calls it after every mutating action.
    void notifyChanged();

Q_SIGNALS:
    void changed();

private:
    struct Private;
    Private* d;
};

} // namespace unstuck::sim
