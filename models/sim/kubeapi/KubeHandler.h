// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sim/HttpMessage.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace unstuck::sim {

class SimWorld;
struct ApiResource;

// Base of the simulated kube-apiserver's handlers (one per API family): the world they serve
// and the answers every family writes alike, so a Status error looks the same from each of them.
class KubeHandler
{
public:
    // Status error bodies exactly as the API server writes them (no details: none written).
    static HttpResponse status(int code, const QString& reason, const QString& message,
                               const std::optional<QJsonObject>& details = std::nullopt);
    static HttpResponse notFound(const QString& group, const QString& plural, const QString& name);
    // 404 for a path that names no resource ("the server could not find the requested resource").
    static HttpResponse noSuchPath();
    static HttpResponse methodNotAllowed();
    // A validating webhook that cannot be called (500), or does not support dry run (400).
    static HttpResponse admissionFailed(const QString& message, bool dryRunUnsupported = false);
    // 409 "the object has been modified" for a write whose resourceVersion is not the current one.
    static HttpResponse conflict(const QString& group, const QString& plural, const QString& name,
                                 const QString& cause);
    // The error of a write whose metadata.resourceVersion is set and not the current one.
    static std::optional<HttpResponse> staleResourceVersion(const ApiResource& resource,
                                                            const QJsonObject& existing,
                                                            const QJsonObject& next);

    static QByteArray toJson(const QJsonObject& o);
    static HttpResponse ok(const QJsonObject& o, int code = 200);
    static QString now();
    static QJsonObject meta(const QJsonObject& o);
    // "namespaces", "deployments.apps": the resource as error messages name it.
    static QString qualified(const QString& group, const QString& plural);
    static QJsonObject withTypeMeta(QJsonObject o, const ApiResource& r);
    // The object a request sends, as JSON or as Kubernetes protobuf; the error to answer
    // otherwise (415 for another media type, 400 for a body that is not an object).
    static std::optional<HttpResponse> readBody(const HttpRequest& request,
                                                const ApiResource& resource, QJsonObject* o);
    static bool isJsonContentType(const QByteArray& contentType);
    static HttpResponse unsupportedMediaType();

    // A JSON/merge/strategic patch the API server refuses (422 with empty details, 400, 415).
    static HttpResponse patchRefused(int code, const QString& reason, const QString& message);

protected:
    explicit KubeHandler(SimWorld& world);

    // Validating admission for a write: the webhook error to answer, else nullopt. A dry run is
    // refused first by any matching webhook that does not support dry run.
    std::optional<HttpResponse> admit(const QString& operation, const ApiResource& resource,
                                      bool dryRun) const;

    SimWorld& m_world;
};

} // namespace unstuck::sim
