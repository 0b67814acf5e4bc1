// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/kubeapi/KubeHandler.h"

#include "models/sim/ApiCatalog.h"
#include "models/sim/KubeProtobuf.h"
#include "models/sim/SimWorld.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace unstuck::sim {

KubeHandler::KubeHandler(SimWorld& world) : m_world(world) {}

std::optional<HttpResponse> KubeHandler::admit(const QString& operation,
                                               const ApiResource& resource, bool dryRun) const
{
    if (dryRun)
        if (const auto refused =
                m_world.dryRunUnsupported(operation, resource.group, resource.plural))
            return admissionFailed(*refused, true);
    if (const auto denied = m_world.admissionError(operation, resource.group, resource.plural))
        return admissionFailed(*denied);
    return std::nullopt;
}

HttpResponse KubeHandler::patchRefused(int code, const QString& reason, const QString& message)
{
    if (code == 422) // errors.NewGenericServerResponse: details present, every field empty
        return status(code, reason, message, QJsonObject());
    return status(code, reason, message);
}

QByteArray KubeHandler::toJson(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

HttpResponse KubeHandler::ok(const QJsonObject& o, int code)
{
    return HttpResponse::json(code, toJson(o));
}

QString KubeHandler::now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

QJsonObject KubeHandler::meta(const QJsonObject& o)
{
    return o.value(QLatin1String("metadata")).toObject();
}

QString KubeHandler::qualified(const QString& group, const QString& plural)
{
    return group.isEmpty() ? plural : plural + QLatin1Char('.') + group;
}

QJsonObject KubeHandler::withTypeMeta(QJsonObject o, const ApiResource& r)
{
    o.insert(QStringLiteral("apiVersion"), r.groupVersion());
    o.insert(QStringLiteral("kind"), r.kind);
    return o;
}

HttpResponse KubeHandler::status(int code, const QString& reason, const QString& message,
                                 const std::optional<QJsonObject>& details)
{
    QJsonObject o{{QStringLiteral("kind"), QStringLiteral("Status")},
                  {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                  {QStringLiteral("metadata"), QJsonObject()},
                  {QStringLiteral("status"), QStringLiteral("Failure")},
                  {QStringLiteral("message"), message},
                  {QStringLiteral("reason"), reason},
                  {QStringLiteral("code"), code}};
    if (details)
        o.insert(QStringLiteral("details"), *details);
    return ok(o, code);
}

HttpResponse KubeHandler::notFound(const QString& group, const QString& plural, const QString& name)
{
    QJsonObject details{{QStringLiteral("name"), name}, {QStringLiteral("kind"), plural}};
    if (!group.isEmpty())
        details.insert(QStringLiteral("group"), group);
    return status(404, QStringLiteral("NotFound"),
                  QStringLiteral("%1 \"%2\" not found").arg(qualified(group, plural), name),
                  details);
}

HttpResponse KubeHandler::noSuchPath()
{
    return status(404, QStringLiteral("NotFound"),
                  QStringLiteral("the server could not find the requested resource"),
                  QJsonObject());
}

HttpResponse KubeHandler::methodNotAllowed()
{
    return status(
        405, QStringLiteral("MethodNotAllowed"),
        QStringLiteral("the server does not allow this method on the requested resource"));
}

HttpResponse KubeHandler::admissionFailed(const QString& message, bool dryRunUnsupported)
{
    if (dryRunUnsupported)
        return status(400, QStringLiteral("BadRequest"), message);
    return status(500, QStringLiteral("InternalError"),
                  QStringLiteral("Internal error occurred: %1").arg(message),
                  QJsonObject{{QStringLiteral("causes"),
                               QJsonArray{QJsonObject{{QStringLiteral("message"), message}}}}});
}

HttpResponse KubeHandler::conflict(const QString& group, const QString& plural, const QString& name,
                                   const QString& cause)
{
    QJsonObject details{{QStringLiteral("name"), name}, {QStringLiteral("kind"), plural}};
    if (!group.isEmpty())
        details.insert(QStringLiteral("group"), group);
    return status(409, QStringLiteral("Conflict"),
                  QStringLiteral("Operation cannot be fulfilled on %1 \"%2\": %3")
                      .arg(qualified(group, plural), name, cause),
                  details);
}

std::optional<HttpResponse> KubeHandler::staleResourceVersion(const ApiResource& resource,
                                                              const QJsonObject& existing,
                                                              const QJsonObject& next)
{
    const QString sent = meta(next).value(QLatin1String("resourceVersion")).toString();
    const QString current = meta(existing).value(QLatin1String("resourceVersion")).toString();
    if (sent.isEmpty() || sent == current)
        return std::nullopt;
    return conflict(resource.group, resource.plural,
                    meta(existing).value(QLatin1String("name")).toString(),
                    QStringLiteral("the object has been modified; please apply your changes to "
                                   "the latest version and try again"));
}

bool KubeHandler::isJsonContentType(const QByteArray& contentType)
{
    return contentType.isEmpty() || contentType.contains("json");
}

HttpResponse KubeHandler::unsupportedMediaType()
{
    return status(415, QStringLiteral("UnsupportedMediaType"),
                  QStringLiteral("the body of the request was in an unknown format - accepted "
                                 "media types include: application/json, application/yaml, "
                                 "application/vnd.kubernetes.protobuf"));
}

std::optional<HttpResponse> KubeHandler::readBody(const HttpRequest& request,
                                                  const ApiResource& resource, QJsonObject* o)
{
    if (KubeProtobuf::isProtobuf(request.header("content-type"))) {
        QString error;
        const auto decoded = KubeProtobuf::decode(request.body, &error);
        if (!decoded)
            return status(415, QStringLiteral("UnsupportedMediaType"), error);
        *o = *decoded;
    } else {
        if (!isJsonContentType(request.header("content-type")))
            return unsupportedMediaType();
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
        if (!doc.isObject())
            return status(
                400, QStringLiteral("BadRequest"),
                QStringLiteral("the object provided is unrecognized (must be of type %1): %2")
                    .arg(resource.kind, parseError.errorString()));
        *o = doc.object();
    }
    return std::nullopt;
}

} // namespace unstuck::sim
