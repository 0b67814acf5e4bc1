// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace unstuck::sim {

class KubeStore;

// Plays the deployment/replicaset controllers, the scheduler, the kubelet and the endpoint
// controllers: a Deployment's replicas become Running/Ready pods on a node (IP inside the
// node's podCIDR), a deleted pod comes back under a new name, and every Service with a
// selector gets Endpoints and an EndpointSlice matching its ready pods.
class WorkloadControllerSim
{
public:
    explicit WorkloadControllerSim(KubeStore& kube);
    void reconcile();

    // Builds a Running, Ready pod from a template on `node` with `ip` (used by scenarios too).
    static QJsonObject runningPod(const QString& ns, const QString& name,
                                  const QJsonObject& podTemplate, const QJsonObject& node,
                                  const QString& ip);
    // The pod-template-hash of a Deployment's template: a new template (rollout restart)
    // gives a new ReplicaSet.
    static QString podTemplateHash(const QString& deploymentName, const QJsonObject& podTemplate);

private:
    void collectGarbage();
    void recordPodStart(const QJsonObject& pod, const QString& replicaSet);
    void reconcileDeployment(QJsonObject deployment);
    void reconcileService(const QJsonObject& service);
    QJsonObject scheduleNode(const QJsonObject& podSpec) const;
    QString allocateIp(const QJsonObject& node) const;

    KubeStore& m_kube;
};

} // namespace unstuck::sim
