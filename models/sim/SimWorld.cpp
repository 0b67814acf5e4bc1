// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/SimWorld.h"

#include "models/sim/AggregatorSim.h"
#include "models/sim/CloudWorld.h"
#include "models/sim/KubeStore.h"
#include "models/sim/NamespaceControllerSim.h"
#include "models/sim/RouteControllerSim.h"
#include "models/sim/WorkloadControllerSim.h"

#include <QJsonArray>
#include <QTimer>

namespace unstuck::sim {

SimWorld::SimWorld(QObject* parent)
    : QObject(parent), m_kube(std::make_unique<KubeStore>()),
      m_cloud(std::make_unique<CloudWorld>()),
      m_workloads(std::make_unique<WorkloadControllerSim>(*m_kube)),
      m_routes(std::make_unique<RouteControllerSim>(*m_kube, *m_cloud)),
      m_aggregator(std::make_unique<AggregatorSim>(*m_kube, *m_cloud)),
      m_namespaces(std::make_unique<NamespaceControllerSim>(*this)), m_timer(new QTimer(this))
{
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &SimWorld::reconcileNow);
}

SimWorld::~SimWorld() = default;

KubeStore& SimWorld::kube()
{
    return *m_kube;
}

const KubeStore& SimWorld::kube() const
{
    return *m_kube;
}

CloudWorld& SimWorld::cloud()
{
    return *m_cloud;
}

const CloudWorld& SimWorld::cloud() const
{
    return *m_cloud;
}

void SimWorld::setReconcileIntervalMs(int ms)
{
    m_timer->setInterval(qMax(10, ms));
}

void SimWorld::setLegacyDiscovery(bool legacy)
{
    m_legacyDiscovery = legacy;
}

bool SimWorld::legacyDiscovery() const
{
    return m_legacyDiscovery;
}

void SimWorld::start()
{
    m_timer->start();
}

void SimWorld::stop()
{
    m_timer->stop();
}

void SimWorld::reconcileNow()
{
    // Dependency order: pods/endpoints, then routes, then availability, then namespaces.
    m_cloud->settleRoutes();
    m_workloads->reconcile();
    m_routes->reconcile();
    m_aggregator->reconcile();
    m_namespaces->reconcile();
    Q_EMIT reconciled();
}

QList<QJsonObject> SimWorld::matchingWebhooks(const QString& operation, const QString& group,
                                              const QString& plural) const
{
    auto matches = [](const QJsonArray& list, const QString& value) {
        for (const QJsonValue& v : list)
            if (v.toString() == value || v.toString() == QLatin1String("*"))
                return true;
        return false;
    };
    QList<QJsonObject> out;
    for (const QJsonObject& config : m_kube->list(
             QStringLiteral("validatingwebhookconfigurations.admissionregistration.k8s.io"))) {
        for (const QJsonValue& w : config.value(QLatin1String("webhooks")).toArray()) {
            for (const QJsonValue& r : w.toObject().value(QLatin1String("rules")).toArray()) {
                const QJsonObject rule = r.toObject();
                if (matches(rule.value(QLatin1String("operations")).toArray(), operation) &&
                    matches(rule.value(QLatin1String("apiGroups")).toArray(), group) &&
                    matches(rule.value(QLatin1String("resources")).toArray(), plural)) {
                    out.append(w.toObject());
                    break;
                }
            }
        }
    }
    return out;
}

std::optional<QString> SimWorld::dryRunUnsupported(const QString& operation, const QString& group,
                                                   const QString& plural) const
{
    for (const QJsonObject& webhook : matchingWebhooks(operation, group, plural)) {
        const QString sideEffects = webhook.value(QLatin1String("sideEffects")).toString();
        if (sideEffects != QLatin1String("None") && sideEffects != QLatin1String("NoneOnDryRun"))
            return QStringLiteral("admission webhook \"%1\" does not support dry run")
                .arg(webhook.value(QLatin1String("name")).toString());
    }
    return std::nullopt;
}

std::optional<QString> SimWorld::admissionError(const QString& operation, const QString& group,
                                                const QString& plural) const
{
    for (const QJsonObject& webhook : matchingWebhooks(operation, group, plural)) {
        if (webhook.value(QLatin1String("failurePolicy")).toString(QStringLiteral("Fail")) ==
            QLatin1String("Ignore"))
            continue;
        const QJsonObject service = webhook.value(QLatin1String("clientConfig"))
                                        .toObject()
                                        .value(QLatin1String("service"))
                                        .toObject();
        if (service.isEmpty())
            continue; // URL webhooks: the sim treats them as answering "allowed"
        const QString ns = service.value(QLatin1String("namespace")).toString();
        const QString name = service.value(QLatin1String("name")).toString();
        const QString url = QStringLiteral("https://%1.%2.svc:%3%4?timeout=%5s")
                                .arg(name, ns)
                                .arg(service.value(QLatin1String("port")).toInt(443))
                                .arg(service.value(QLatin1String("path")).toString())
                                .arg(webhook.value(QLatin1String("timeoutSeconds")).toInt(10));
        const QString prefix =
            QStringLiteral("failed calling webhook \"%1\": failed to call webhook: Post \"%2\": ")
                .arg(webhook.value(QLatin1String("name")).toString(), url);
        if (!m_kube->get(QStringLiteral("services"), ns, name))
            return prefix + QStringLiteral("service \"%1\" not found").arg(name);
        const auto endpoints = m_kube->get(QStringLiteral("endpoints"), ns, name);
        bool hasAddress = false;
        if (endpoints)
            for (const QJsonValue& s : endpoints->value(QLatin1String("subsets")).toArray())
                hasAddress = hasAddress ||
                             !s.toObject().value(QLatin1String("addresses")).toArray().isEmpty();
        if (!hasAddress)
            return prefix + QStringLiteral("no endpoints available for service \"%1\"").arg(name);
    }
    return std::nullopt;
}

} // namespace unstuck::sim
