// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/kubeapi/KubeAppsHandler.h"

#include "models/sim/JsonPatch.h"
#include "models/sim/KubeStore.h"
#include "models/sim/SimWorld.h"

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
                                    const QString& name)
{
    KubeStore& store = m_world.kube();
    const QString storeName = QStringLiteral("deployments.apps");
    auto deployment = store.get(storeName, ns, name);
    if (!deployment)
        return notFound(QStringLiteral("apps"), QStringLiteral("deployments"), name);
    if (request.method == "GET")
        return ok(toScale(*deployment));
    QJsonObject next;
    if (request.method == "PATCH") {
        QString error;
        const auto patched = JsonPatch::apply(toScale(*deployment), request.body,
                                              request.header("content-type"), &error);
        if (!patched)
            return status(422, QStringLiteral("Invalid"), error);
        next = *patched;
    } else if (request.method == "PUT") {
        next = QJsonDocument::fromJson(request.body).object();
    } else {
        return status(
            405, QStringLiteral("MethodNotAllowed"),
            QStringLiteral("the server does not allow this method on the requested resource"));
    }
    const int replicas =
        next.value(QLatin1String("spec")).toObject().value(QLatin1String("replicas")).toInt(-1);
    if (replicas < 0)
        return status(422, QStringLiteral("Invalid"),
                      QStringLiteral("Scale.autoscaling \"%1\" is invalid: spec.replicas: Invalid "
                                     "value: %2: must be greater "
                                     "than or equal to 0")
                          .arg(name)
                          .arg(replicas));
    QJsonObject spec = deployment->value(QLatin1String("spec")).toObject();
    spec.insert(QStringLiteral("replicas"), replicas);
    deployment->insert(QStringLiteral("spec"), spec);
    QJsonObject m = deployment->value(QLatin1String("metadata")).toObject();
    m.insert(QStringLiteral("generation"), m.value(QLatin1String("generation")).toInt(1) + 1);
    deployment->insert(QStringLiteral("metadata"), m);
    return ok(toScale(store.put(storeName, *deployment)));
}

} // namespace unstuck::sim
