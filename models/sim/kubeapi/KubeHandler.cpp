// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/kubeapi/KubeHandler.h"

#include "models/sim/ApiCatalog.h"

#include <QDateTime>
#include <QJsonDocument>

namespace unstuck::sim {

KubeHandler::KubeHandler(SimWorld& world) : m_world(world) {}

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
                                 const QJsonObject& details)
{
    QJsonObject o{{QStringLiteral("kind"), QStringLiteral("Status")},
                  {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                  {QStringLiteral("metadata"), QJsonObject()},
                  {QStringLiteral("status"), QStringLiteral("Failure")},
                  {QStringLiteral("message"), message},
                  {QStringLiteral("reason"), reason},
                  {QStringLiteral("details"), details},
                  {QStringLiteral("code"), code}};
    if (details.isEmpty() && code != 404)
        o.remove(QStringLiteral("details"));
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

} // namespace unstuck::sim
