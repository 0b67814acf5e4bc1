// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/kubeapi/KubeAuthorizationHandler.h"

#include "models/sim/ApiCatalog.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace unstuck::sim {

using namespace Qt::StringLiterals;

KubeAuthorizationHandler::KubeAuthorizationHandler(SimWorld& world) : KubeHandler(world) {}

HttpResponse KubeAuthorizationHandler::review(const HttpRequest& request,
                                              const ApiResource& resource,
                                              const KubeUser& user) const
{
    QJsonObject o;
    if (auto error = readBody(request, resource, &o))
        return *error;
    o.insert(u"apiVersion"_s, resource.groupVersion());
    o.insert(u"kind"_s, resource.kind);
    o.insert(u"metadata"_s, QJsonObject{{u"creationTimestamp"_s, QJsonValue::Null}});
    if (resource.plural == u"selfsubjectrulesreviews"_s) {
        o.insert(u"status"_s, KubeAuthorizer::rules(user));
        return ok(o, 201);
    }
    return accessReview(o, user);
}

// SelfSubjectAccessReview: exactly one of resourceAttributes and nonResourceAttributes; status
// {allowed, reason} as the authorizer decides (RBAC never answers "denied").
HttpResponse KubeAuthorizationHandler::accessReview(QJsonObject review, const KubeUser& user)
{
    const QJsonObject spec = review.value(u"spec"_s).toObject();
    const bool resource = spec.contains(u"resourceAttributes"_s);
    if (resource == spec.contains(u"nonResourceAttributes"_s)) {
        const QString body = u"Invalid value: \"null\": exactly one of nonResourceAttributes or "
                             u"resourceAttributes must be specified"_s;
        return status(
            422, u"Invalid"_s,
            u"SelfSubjectAccessReview.authorization.k8s.io \"\" is invalid: spec.resourceAttributes: "_s +
                body,
            QJsonObject{{u"group"_s, u"authorization.k8s.io"_s},
                        {u"kind"_s, u"SelfSubjectAccessReview"_s},
                        {u"causes"_s,
                         QJsonArray{QJsonObject{{u"reason"_s, u"FieldValueInvalid"_s},
                                                {u"message"_s, body},
                                                {u"field"_s, u"spec.resourceAttributes"_s}}}}});
    }
    KubeAccess access;
    access.resourceRequest = resource;
    const QJsonObject a =
        spec.value(resource ? u"resourceAttributes"_s : u"nonResourceAttributes"_s).toObject();
    access.verb = a.value(u"verb"_s).toString();
    access.group = a.value(u"group"_s).toString();
    access.resource = a.value(u"resource"_s).toString();
    access.subresource = a.value(u"subresource"_s).toString();
    access.ns = a.value(u"namespace"_s).toString();
    access.name = a.value(u"name"_s).toString();
    access.path = a.value(u"path"_s).toString();
    const KubeDecision decision = KubeAuthorizer::authorize(user, access);
    QJsonObject status{{u"allowed"_s, decision.allowed}};
    if (!decision.reason.isEmpty())
        status.insert(u"reason"_s, decision.reason);
    review.insert(u"status"_s, status);
    return ok(review, 201);
}

} // namespace unstuck::sim
