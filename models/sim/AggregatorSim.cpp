// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/AggregatorSim.h"

#include "models/sim/CloudWorld.h"
#include "models/sim/Klog.h"
#include "models/sim/KubeStore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace unstuck::sim {

namespace {

constexpr qint64 kLogEveryMs = 30000;

QJsonObject meta(const QJsonObject& o)
{
    return o.value(QLatin1String("metadata")).toObject();
}

QString quoted(const QString& s)
{
    return QLatin1Char('"') + s + QLatin1Char('"');
}

} // namespace

AggregatorSim::AggregatorSim(KubeStore& kube, const CloudWorld& cloud)
    : m_kube(kube), m_cloud(cloud)
{}

bool AggregatorSim::reachable(const QString& podIp, const QString& nodeName, bool hostNetwork) const
{
    if (hostNetwork)
        return true; // node IPs are on the VPC subnet
    const auto node = m_kube.get(QStringLiteral("nodes"), {}, nodeName);
    if (!node)
        return false;
    const QJsonObject labels = meta(*node).value(QLatin1String("labels")).toObject();
    // The API server runs on the control-plane node: its own pods need no VPC route.
    if (labels.contains(QLatin1String("node-role.kubernetes.io/control-plane")) ||
        labels.contains(QLatin1String("node-role.kubernetes.io/master")))
        return true;
    const QString providerId =
        node->value(QLatin1String("spec")).toObject().value(QLatin1String("providerID")).toString();
    const QString instanceId = providerId.section(QLatin1Char('.'), -1);
    return m_cloud.routesToInstance(podIp, instanceId);
}

AggregatorSim::Verdict AggregatorSim::evaluate(const QJsonObject& apiService) const
{
    const QJsonObject spec = apiService.value(QLatin1String("spec")).toObject();
    const QJsonObject ref = spec.value(QLatin1String("service")).toObject();
    if (ref.isEmpty())
        return {QStringLiteral("True"), QStringLiteral("Local"),
                QStringLiteral("Local APIServices are always available")};
    const QString ns = ref.value(QLatin1String("namespace")).toString();
    const QString name = ref.value(QLatin1String("name")).toString();
    const int port = ref.value(QLatin1String("port")).toInt(443);
    const auto service = m_kube.get(QStringLiteral("services"), ns, name);
    if (!service)
        return {QStringLiteral("False"), QStringLiteral("ServiceNotFound"),
                QStringLiteral("service/%1 in %2 is not present").arg(name, quoted(ns))};
    const QJsonObject serviceSpec = service->value(QLatin1String("spec")).toObject();
    QString portName;
    bool portFound = false;
    for (const QJsonValue& p : serviceSpec.value(QLatin1String("ports")).toArray()) {
        if (p.toObject().value(QLatin1String("port")).toInt() == port) {
            portFound = true;
            portName = p.toObject().value(QLatin1String("name")).toString();
        }
    }
    const QString type =
        serviceSpec.value(QLatin1String("type")).toString(QStringLiteral("ClusterIP"));
    if (!portFound && type == QLatin1String("ClusterIP"))
        return {QStringLiteral("False"), QStringLiteral("ServicePortError"),
                QStringLiteral("service/%1 in %2 is not listening on port %3")
                    .arg(name, quoted(ns))
                    .arg(port)};
    const auto endpoints = m_kube.get(QStringLiteral("endpoints"), ns, name);
    if (!endpoints)
        return {QStringLiteral("False"), QStringLiteral("EndpointsNotFound"),
                QStringLiteral("cannot find endpoints for service/%1 in %2").arg(name, quoted(ns))};
    QJsonObject address;
    int targetPort = 0;
    for (const QJsonValue& s : endpoints->value(QLatin1String("subsets")).toArray()) {
        const QJsonObject subset = s.toObject();
        for (const QJsonValue& p : subset.value(QLatin1String("ports")).toArray()) {
            if (p.toObject().value(QLatin1String("name")).toString() != portName)
                continue;
            const QJsonArray addresses = subset.value(QLatin1String("addresses")).toArray();
            if (!addresses.isEmpty() && address.isEmpty()) {
                address = addresses.first().toObject();
                targetPort = p.toObject().value(QLatin1String("port")).toInt();
            }
        }
    }
    if (address.isEmpty())
        return {QStringLiteral("False"), QStringLiteral("MissingEndpoints"),
                QStringLiteral("endpoints for service/%1 in %2 have no addresses with port name %3")
                    .arg(name, quoted(ns), quoted(portName))};

    // The discovery call, with --enable-aggregator-routing: straight to the endpoint IP.
    const QString ip = address.value(QLatin1String("ip")).toString();
    const QString group = spec.value(QLatin1String("group")).toString();
    const QString version = spec.value(QLatin1String("version")).toString();
    const QString hostPort = QStringLiteral("%1:%2").arg(ip).arg(targetPort);
    const QString url = group.isEmpty()
                            ? QStringLiteral("https://%1/api/%2").arg(hostPort, version)
                            : QStringLiteral("https://%1/apis/%2/%3").arg(hostPort, group, version);
    const QJsonObject targetRef = address.value(QLatin1String("targetRef")).toObject();
    const auto pod =
        m_kube.get(QStringLiteral("pods"), targetRef.value(QLatin1String("namespace")).toString(ns),
                   targetRef.value(QLatin1String("name")).toString());
    QString nodeName = address.value(QLatin1String("nodeName")).toString();
    bool hostNetwork = false;
    bool listening = true;
    if (pod) {
        nodeName = pod->value(QLatin1String("spec"))
                       .toObject()
                       .value(QLatin1String("nodeName"))
                       .toString(nodeName);
        hostNetwork = pod->value(QLatin1String("spec"))
                          .toObject()
                          .value(QLatin1String("hostNetwork"))
                          .toBool();
        listening = meta(*pod)
                        .value(QLatin1String("annotations"))
                        .toObject()
                        .value(QLatin1String(kNotListeningAnnotation))
                        .toString() != QLatin1String("true");
    }
    auto failure = [&](const QString& dialError) {
        return Verdict{
            QStringLiteral("False"), QStringLiteral("FailedDiscoveryCheck"),
            QStringLiteral("failing or missing response from %1: Get %2: dial tcp %3: %4")
                .arg(url, quoted(url), hostPort, dialError)};
    };
    if (!reachable(ip, nodeName, hostNetwork))
        return failure(QStringLiteral("i/o timeout"));
    if (!listening)
        return failure(QStringLiteral("connect: connection refused"));
    return {QStringLiteral("True"), QStringLiteral("Passed"), QStringLiteral("all checks passed")};
}

void AggregatorSim::reconcile()
{
    const QString resource = QStringLiteral("apiservices.apiregistration.k8s.io");
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    for (QJsonObject apiService : m_kube.list(resource)) {
        const Verdict v = evaluate(apiService);
        QJsonObject status = apiService.value(QLatin1String("status")).toObject();
        QJsonObject old;
        for (const QJsonValue& c : status.value(QLatin1String("conditions")).toArray())
            if (c.toObject().value(QLatin1String("type")).toString() == QLatin1String("Available"))
                old = c.toObject();
        const QString name = meta(apiService).value(QLatin1String("name")).toString();
        if (v.status != QLatin1String("True") && !v.reason.isEmpty() &&
            v.reason != QLatin1String("Local") && nowMs - m_lastLogged.value(name) >= kLogEveryMs) {
            m_lastLogged.insert(name, nowMs);
            for (const QJsonObject& pod :
                 m_kube.list(QStringLiteral("pods"), QStringLiteral("kube-system")))
                if (meta(pod)
                        .value(QLatin1String("labels"))
                        .toObject()
                        .value(QLatin1String("component"))
                        .toString() == QLatin1String("kube-apiserver"))
                    m_kube.appendPodLog(
                        QStringLiteral("kube-system"),
                        meta(pod).value(QLatin1String("name")).toString(),
                        Klog::unhandledError(
                            QStringLiteral("remote_available_controller.go:448"),
                            QStringLiteral("%1 failed with: %2").arg(name, v.message)));
        }
        if (old.value(QLatin1String("status")).toString() == v.status &&
            old.value(QLatin1String("reason")).toString() == v.reason &&
            old.value(QLatin1String("message")).toString() == v.message)
            continue;
        QJsonObject condition{
            {QStringLiteral("type"), QStringLiteral("Available")},
            {QStringLiteral("status"), v.status},
            {QStringLiteral("reason"), v.reason},
            {QStringLiteral("message"), v.message},
            {QStringLiteral("lastTransitionTime"),
             old.value(QLatin1String("status")).toString() == v.status
                 ? old.value(QLatin1String("lastTransitionTime"))
                 : QJsonValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate))}};
        status.insert(QStringLiteral("conditions"), QJsonArray{condition});
        apiService.insert(QStringLiteral("status"), status);
        m_kube.put(resource, apiService);
    }
}

} // namespace unstuck::sim
