// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/kubeapi/KubeAggregationHandler.h"

#include "models/sim/ApiCatalog.h"
#include "models/sim/KubeStore.h"
#include "models/sim/SimWorld.h"
#include "models/sim/kubeapi/KubeDiscoveryHandler.h"

namespace unstuck::sim {

KubeAggregationHandler::KubeAggregationHandler(SimWorld& world) : KubeHandler(world) {}

HttpResponse KubeAggregationHandler::handle(const HttpRequest& request, const QString& group,
                                            const QString& version, const QStringList& segments)
{
    const QList<ApiGroupVersion> gvs = ApiCatalog::groupVersions(m_world.kube());
    for (const ApiGroupVersion& gv : gvs) {
        if (gv.group != group || gv.version != version)
            continue;
        if (!gv.available) {
            // The aggregator's proxyError(): http.Error, a plain-text body, not a Status.
            HttpResponse r = HttpResponse::text(503, "service unavailable\n");
            r.headers.append(
                std::pair<QByteArray, QByteArray>("X-Content-Type-Options", "nosniff"));
            return r;
        }
        if (segments.isEmpty())
            return ok(KubeDiscoveryHandler::resourceList(gv));
        if (request.method != "GET")
            return methodNotAllowed();
        return metrics(gv, segments);
    }
    return noSuchPath();
}

// metrics.k8s.io: a plausible usage for every node and pod.
HttpResponse KubeAggregationHandler::metrics(const ApiGroupVersion& gv, const QStringList& segments)
{
    const QString& group = gv.group;
    const QString last = segments.last();
    const bool nodes = segments.contains(QLatin1String("nodes"));
    const bool pods = segments.contains(QLatin1String("pods"));
    if (group != QLatin1String("metrics.k8s.io") || (!nodes && !pods))
        return noSuchPath();
    QString ns;
    if (segments.size() >= 3 && segments[0] == QLatin1String("namespaces"))
        ns = segments[1];
    const QJsonArray items = metricsItems(nodes, ns);
    const QString kind = nodes ? QStringLiteral("NodeMetrics") : QStringLiteral("PodMetrics");
    if (last != QLatin1String("nodes") && last != QLatin1String("pods")) {
        for (const QJsonValue& item : items)
            if (item.toObject()
                    .value(QLatin1String("metadata"))
                    .toObject()
                    .value(QLatin1String("name"))
                    .toString() == last) {
                QJsonObject o = item.toObject();
                o.insert(QStringLiteral("kind"), kind);
                o.insert(QStringLiteral("apiVersion"), gv.groupVersion());
                return ok(o);
            }
        return notFound(group, nodes ? QStringLiteral("nodes") : QStringLiteral("pods"), last);
    }
    return ok(QJsonObject{{QStringLiteral("kind"), kind + QStringLiteral("List")},
                          {QStringLiteral("apiVersion"), gv.groupVersion()},
                          {QStringLiteral("metadata"), QJsonObject()},
                          {QStringLiteral("items"), items}});
}

QJsonArray KubeAggregationHandler::metricsItems(bool nodes, const QString& ns) const
{
    QJsonArray items;
    const QString ts = now();
    for (const QJsonObject& o :
         m_world.kube().list(nodes ? QStringLiteral("nodes") : QStringLiteral("pods"), ns)) {
        QJsonObject usage{
            {QStringLiteral("cpu"), nodes ? QStringLiteral("212m") : QStringLiteral("3m")},
            {QStringLiteral("memory"), nodes ? QStringLiteral("1843Mi") : QStringLiteral("24Mi")}};
        QJsonObject m{{QStringLiteral("name"), meta(o).value(QLatin1String("name"))},
                      {QStringLiteral("creationTimestamp"), ts}};
        QJsonObject item{{QStringLiteral("metadata"), m},
                         {QStringLiteral("timestamp"), ts},
                         {QStringLiteral("window"), QStringLiteral("20.05s")}};
        if (nodes) {
            item.insert(QStringLiteral("usage"), usage);
        } else {
            m.insert(QStringLiteral("namespace"), meta(o).value(QLatin1String("namespace")));
            item.insert(QStringLiteral("metadata"), m);
            item.insert(QStringLiteral("containers"),
                        QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("main")},
                                               {QStringLiteral("usage"), usage}}});
        }
        items.append(item);
    }
    return items;
}

} // namespace unstuck::sim
