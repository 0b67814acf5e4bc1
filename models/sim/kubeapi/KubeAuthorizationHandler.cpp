// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/kubeapi/KubeAuthorizationHandler.h"

#include "models/sim/ApiCatalog.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace unstuck::sim {

KubeAuthorizationHandler::KubeAuthorizationHandler(SimWorld& world) : KubeHandler(world) {}

HttpResponse KubeAuthorizationHandler::review(const HttpRequest& request,
                                              const ApiResource& resource) const
{
    QJsonObject o = QJsonDocument::fromJson(request.body).object();
    o.insert(QStringLiteral("apiVersion"), resource.groupVersion());
    o.insert(QStringLiteral("kind"), resource.kind);
    o.insert(QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("creationTimestamp"), QJsonValue::Null}});
    if (resource.plural == QLatin1String("selfsubjectrulesreviews")) {
        o.insert(QStringLiteral("status"),
                 QJsonObject{
                     {QStringLiteral("resourceRules"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("verbs"), QJsonArray{QStringLiteral("*")}},
                          {QStringLiteral("apiGroups"), QJsonArray{QStringLiteral("*")}},
                          {QStringLiteral("resources"), QJsonArray{QStringLiteral("*")}}}}},
                     {QStringLiteral("nonResourceRules"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("verbs"), QJsonArray{QStringLiteral("*")}},
                          {QStringLiteral("nonResourceURLs"), QJsonArray{QStringLiteral("*")}}}}},
                     {QStringLiteral("incomplete"), false}});
    } else {
        // The admin identities are in system:masters: everything is allowed.
        o.insert(QStringLiteral("status"), QJsonObject{{QStringLiteral("allowed"), true}});
    }
    return ok(o, 201);
}

} // namespace unstuck::sim
