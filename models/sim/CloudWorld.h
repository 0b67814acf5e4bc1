// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QString>

namespace unstuck::sim {

class KubeStore;

// The simulated Alibaba Cloud account: one VPC and its route table, ECS instances matching
// the nodes' providerIDs, the control-plane RAM role with its policies (with versions), and
// the user whose keys the app uses. Owned by the simulator's cloud side (CloudApi serves it,
// RouteControllerSim reconciles it).
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
    bool routesToInstance(const QString& podIp, const QString& instanceId) const;

    QString regionId() const;
    QString vpcId() const;
    // Credentials of the RAM user the app signs with (written into sim.json/profile.json).
    QString userAccessKeyId() const;
    QString userAccessKeySecret() const;

Q_SIGNALS:
    void changed();

private:
    struct Private;
    Private* d;
};

} // namespace unstuck::sim
