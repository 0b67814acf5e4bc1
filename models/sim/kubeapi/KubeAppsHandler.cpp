// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/kubeapi/KubeAppsHandler.h"

#include "models/sim/ApiCatalog.h"
#include "models/sim/JsonPatch.h"
#include "models/sim/KubeStore.h"
#include "models/sim/SimWorld.h"
#include "models/sim/kubeapi/KubeCommit.h"

#include <QJsonDocument>

namespace unstuck::sim {

namespace {

// A Deployment seen through its scale subresource.
QJsonObject toScale(const QJsonObject& d)
{
    const QJsonObject m = d.value(QLatin1String("metadata")).toObject();
    QStringList selector;
    const QJsonObject labels = d.value(QLatin1String("spec"))
                                   .toObject()
                                   .value(QLatin1String("selector"))
                                   .toObject()
                                   .value(QLatin1String("matchLabels"))
                                   .toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it)
        selector << it.key() + QLatin1Char('=') + it.value().toString();
    return QJsonObject{
        {QStringLiteral("kind"), QStringLiteral("Scale")},
        {QStringLiteral("apiVersion"), QStringLiteral("autoscaling/v1")},
        {QStringLiteral("metadata"),
         QJsonObject{
             {QStringLiteral("name"), m.value(QLatin1String("name"))},
             {QStringLiteral("namespace"), m.value(QLatin1String("namespace"))},
             {QStringLiteral("uid"), m.value(QLatin1String("uid"))},
             {QStringLiteral("resourceVersion"), m.value(QLatin1String("resourceVersion"))},
             {QStringLiteral("creationTimestamp"), m.value(QLatin1String("creationTimestamp"))}}},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("replicas"), d.value(QLatin1String("spec"))
                                                      .toObject()
                                                      .value(QLatin1String("replicas"))
                                                      .toInt(1)}}},
        {QStringLiteral("status"),
         QJsonObject{
             {QStringLiteral("replicas"),
              d.value(QLatin1String("status")).toObject().value(QLatin1String("replicas")).toInt()},
             {QStringLiteral("selector"), selector.join(QLatin1Char(','))}}}};
}

} // namespace

KubeAppsHandler::KubeAppsHandler(SimWorld& world) : KubeHandler(world) {}

HttpResponse KubeAppsHandler::scale(const HttpRequest& request, const QString& ns,
                                    const QString& name, const KubeWriteOptions& options)
{
    KubeStore& store = m_world.kube();
    const ApiResource deployments = *ApiCatalog::find(
        store, QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("deployments"));
    const auto deployment = store.get(deployments.storeName(), ns, name);
    if (!deployment)
        return notFound(QStringLiteral("apps"), QStringLiteral("deployments"), name);
    if (request.method == "GET")
        return ok(toScale(*deployment));
    QJsonObject next;
    if (request.method == "PATCH") {
        JsonPatch::Failure failure;
        const auto patched = JsonPatch::apply(toScale(*deployment), request.body,
                                              request.header("content-type"), &failure);
        if (!patched)
            return patchRefused(failure.status, failure.reason, failure.message);
        next = *patched;
    } else if (request.method == "PUT") {
        next = QJsonDocument::fromJson(request.body).object();
    } else {
        return methodNotAllowed();
    }
    if (auto stale = staleResourceVersion(deployments, *deployment, next))
        return *stale;
    const int replicas =
        next.value(QLatin1String("spec")).toObject().value(QLatin1String("replicas")).toInt(-1);
    if (replicas < 0)
        return status(422, QStringLiteral("Invalid"),
                      QStringLiteral("Scale.autoscaling \"%1\" is invalid: spec.replicas: Invalid "
                                     "value: %2: must be greater "
                                     "than or equal to 0")
                          .arg(name)
                          .arg(replicas));
    QJsonObject scaled = *deployment;
    QJsonObject spec = scaled.value(QLatin1String("spec")).toObject();
    spec.insert(QStringLiteral("replicas"), replicas);
    scaled.insert(QStringLiteral("spec"), spec);
    QJsonObject m = scaled.value(QLatin1String("metadata")).toObject();
    m.insert(QStringLiteral("generation"), m.value(QLatin1String("generation")).toInt(1) + 1);
    scaled.insert(QStringLiteral("metadata"), m);
    return ok(toScale(KubeCommit(store, options)
                          .update(deployments, *deployment, scaled, QStringLiteral("scale"))));
}

} // namespace unstuck::sim
