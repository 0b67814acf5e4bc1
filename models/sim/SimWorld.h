// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <memory>
#include <optional>

class QTimer;

namespace unstuck::sim {

class KubeStore;
class CloudWorld;
class RouteControllerSim;
class AggregatorSim;
class NamespaceControllerSim;
class WorkloadControllerSim;

// The simulated world: the cluster's object store, the cloud account and the controllers
// that reconcile them (workloads/endpoints, route controller, aggregator, namespace
// controller), run by a timer every reconcile interval.
class SimWorld : public QObject
{
    Q_OBJECT
public:
    explicit SimWorld(QObject* parent = nullptr);
    ~SimWorld() override;

    KubeStore& kube();
    const KubeStore& kube() const;
    CloudWorld& cloud();
    const CloudWorld& cloud() const;

    void setReconcileIntervalMs(int ms);
    // Pre-1.27 behaviour (see SimOptions::legacyDiscovery).
    void setLegacyDiscovery(bool legacy);
    bool legacyDiscovery() const;
    void start();
    void stop();
    // Runs every controller once, in dependency order.
    void reconcileNow();

    // Validating admission webhooks: the error the API server returns when a webhook matching
    // (operation, group, plural) cannot be called (its Service is gone), else nullopt.
    std::optional<QString> admissionError(const QString& operation, const QString& group,
                                          const QString& plural) const;
    // For a dry run: "admission webhook \"<name>\" does not support dry run" when a webhook
    // matching (operation, group, plural) does not declare sideEffects None or NoneOnDryRun
    // (whatever its failurePolicy), else nullopt.
    std::optional<QString> dryRunUnsupported(const QString& operation, const QString& group,
                                             const QString& plural) const;

Q_SIGNALS:
    void reconciled();

private:
    // The validating webhooks whose rules match (operation, group, plural).
    QList<QJsonObject> matchingWebhooks(const QString& operation, const QString& group,
                                        const QString& plural) const;

    std::unique_ptr<KubeStore> m_kube;
    std::unique_ptr<CloudWorld> m_cloud;
    std::unique_ptr<WorkloadControllerSim> m_workloads;
    std::unique_ptr<RouteControllerSim> m_routes;
    std::unique_ptr<AggregatorSim> m_aggregator;
    std::unique_ptr<NamespaceControllerSim> m_namespaces;
    QTimer* m_timer = nullptr;
    bool m_legacyDiscovery = false;
};

} // namespace unstuck::sim
