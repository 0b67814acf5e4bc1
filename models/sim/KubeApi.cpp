// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/KubeApi.h"

#include "models/sim/ApiCatalog.h"
#include "models/sim/CertificateFactory.h"
#include "models/sim/KubeStore.h"
#include "models/sim/SimWorld.h"

#include <QUuid>

namespace unstuck::sim {

namespace {

// A resource path after its group version: [namespaces/<ns>/]<plural>[/<name>[/<subresource>]].
struct ResourcePath
{
    QString ns;
    QString plural; // empty: no such resource path
    QString name;
    QString sub;
};

ResourcePath resourcePath(const KubeStore& store, const QString& group, const QString& version,
                          const QStringList& segments)
{
    ResourcePath p;
    if (segments.size() >= 3 && segments[0] == QLatin1String("namespaces")) {
        const auto candidate = ApiCatalog::find(store, group, version, segments[2]);
        if (candidate && candidate->namespaced) {
            p.ns = segments[1];
            p.plural = segments[2];
            p.name = segments.value(3);
            p.sub = segments.value(4);
            if (segments.size() > 5)
                p.plural.clear();
        }
    }
    if (p.plural.isEmpty() && p.ns.isEmpty()) {
        p.plural = segments.value(0);
        p.name = segments.value(1);
        p.sub = segments.value(2);
        if (segments.size() > 3)
            p.plural.clear();
    }
    return p;
}

} // namespace

KubeApi::KubeApi(SimWorld& world, const CertificateFactory& certificates, Credentials credentials)
    : m_world(world), m_certificates(certificates), m_credentials(std::move(credentials)),
      m_discovery(world), m_aggregation(world), m_reads(world), m_writes(world, certificates),
      m_apps(world), m_authorization(world)
{}

HttpResponse KubeApi::status(int code, const QString& reason, const QString& message,
                             const QJsonObject& details)
{
    return KubeHandler::status(code, reason, message, details);
}

HttpResponse KubeApi::notFound(const QString& group, const QString& plural, const QString& name)
{
    return KubeHandler::notFound(group, plural, name);
}

QString KubeApi::authenticate(const HttpRequest& request) const
{
    if (!request.peerChain.isEmpty() &&
        m_certificates.isIssuedByCa(request.peerChain.first().toDer())) {
        const QStringList cn = request.peerChain.first().subjectInfo(QSslCertificate::CommonName);
        return cn.isEmpty() ? QStringLiteral("system:anonymous") : cn.first();
    }
    const QByteArray authorization = request.header("authorization");
    if (authorization.startsWith("Bearer ") && !m_credentials.token.isEmpty() &&
        QString::fromLatin1(authorization.mid(7).trimmed()) == m_credentials.token)
        return QStringLiteral("token-admin");
    if (authorization.startsWith("Basic ") && !m_credentials.basicPassword.isEmpty()) {
        const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
        if (QString::fromUtf8(decoded) ==
            m_credentials.basicUser + QLatin1Char(':') + m_credentials.basicPassword)
            return m_credentials.basicUser;
    }
    return {};
}

HttpResponse KubeApi::handle(const HttpRequest& request)
{
    static const QStringList publicPaths{QStringLiteral("/version"), QStringLiteral("/healthz"),
                                         QStringLiteral("/livez"), QStringLiteral("/readyz")};
    if (authenticate(request).isEmpty() && !publicPaths.contains(request.path))
        return status(401, QStringLiteral("Unauthorized"), QStringLiteral("Unauthorized"));
    HttpResponse response = route(request);
    response.headers.append(std::pair<QByteArray, QByteArray>(
        "Audit-Id", QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1()));
    response.headers.append(
        std::pair<QByteArray, QByteArray>("Cache-Control", "no-cache, private"));
    return response;
}

HttpResponse KubeApi::route(const HttpRequest& request)
{
    bool handled = false;
    HttpResponse response = m_discovery.handle(request, &handled);
    if (handled)
        return response;
    QStringList segments = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (segments.size() >= 3 && segments[0] == QLatin1String("api") &&
        segments[1] == QLatin1String("v1"))
        return resourceRequest(request, {}, QStringLiteral("v1"), segments.mid(2));
    if (segments.size() >= 3 && segments[0] == QLatin1String("apis")) {
        for (const ApiGroupVersion& gv : ApiCatalog::groupVersions(m_world.kube())) {
            if (gv.group == segments[1] && gv.version == segments[2]) {
                if (gv.aggregated)
                    return m_aggregation.handle(request, gv.group, gv.version, segments.mid(3));
                return resourceRequest(request, segments[1], segments[2], segments.mid(3));
            }
        }
    }
    return status(404, QStringLiteral("NotFound"),
                  QStringLiteral("the server could not find the requested resource"),
                  QJsonObject());
}

HttpResponse KubeApi::resourceRequest(const HttpRequest& request, const QString& group,
                                      const QString& version, const QStringList& segments)
{
    const KubeStore& store = m_world.kube();
    const auto [ns, plural, name, sub] = resourcePath(store, group, version, segments);
    const auto resource =
        plural.isEmpty() ? std::nullopt : ApiCatalog::find(store, group, version, plural);
    if (!resource)
        return status(404, QStringLiteral("NotFound"),
                      QStringLiteral("the server could not find the requested resource"),
                      QJsonObject());
    if (resource->namespaced && ns.isEmpty() && !name.isEmpty())
        return status(404, QStringLiteral("NotFound"),
                      QStringLiteral("the server could not find the requested resource"),
                      QJsonObject());
    if (!sub.isEmpty() && !resource->subresources.contains(sub))
        return status(404, QStringLiteral("NotFound"),
                      QStringLiteral("the server could not find the requested resource"),
                      QJsonObject());
    const QByteArray& method = request.method;
    if (resource->verbs == QStringList{QStringLiteral("create")}) {
        if (method != "POST")
            return status(405, QStringLiteral("MethodNotAllowed"),
                          QStringLiteral("the server does not allow this method on "
                                         "the requested resource"));
        return m_authorization.review(request, *resource);
    }
    if (sub == QLatin1String("log"))
        return method == "GET" ? m_reads.podLog(request, ns, name)
                               : status(405, QStringLiteral("MethodNotAllowed"),
                                        QStringLiteral("the server does not allow this method "
                                                       "on the requested resource"));
    if (sub == QLatin1String("scale"))
        return m_apps.scale(request, ns, name);
    if (method == "GET" || method == "HEAD")
        return name.isEmpty() ? m_reads.list(request, *resource, ns)
                              : m_reads.getOne(request, *resource, ns, name);
    if (method == "POST" && name.isEmpty())
        return m_writes.create(request, *resource, ns);
    if ((method == "PUT" || method == "PATCH") && !name.isEmpty())
        return m_writes.update(request, *resource, ns, name, sub);
    if (method == "DELETE" && !name.isEmpty() && sub.isEmpty())
        return m_writes.remove(*resource, ns, name);
    return status(
        405, QStringLiteral("MethodNotAllowed"),
        QStringLiteral("the server does not allow this method on the requested resource"));
}

} // namespace unstuck::sim
