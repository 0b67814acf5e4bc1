// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/KubeApi.h"

#include "models/sim/ApiCatalog.h"
#include "models/sim/CertificateFactory.h"
#include "models/sim/KubeStore.h"
#include "models/sim/SimWorld.h"

#include <QUuid>

namespace unstuck::sim {

using namespace Qt::StringLiterals;

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

// The authorizer's view of a resource request, as the API server's RequestInfo fills it: a
// namespace object is its own namespace; a GET is a get, a list or a watch.
KubeAccess accessOf(const HttpRequest& request, const ApiResource& r, const ResourcePath& p)
{
    KubeAccess a;
    a.group = r.group;
    a.resource = r.plural;
    a.subresource = p.sub;
    a.name = p.name;
    a.ns = p.ns;
    if (a.ns.isEmpty() && r.plural == QLatin1String("namespaces") && r.group.isEmpty())
        a.ns = p.name;
    const QByteArray& m = request.method;
    const QString watch = request.query.queryItemValue(QStringLiteral("watch"));
    if (m == "GET" || m == "HEAD")
        a.verb = watch == QLatin1String("true") || watch == QLatin1String("1") ? u"watch"_s
                 : p.name.isEmpty()                                            ? u"list"_s
                                                                               : u"get"_s;
    else if (m == "POST")
        a.verb = u"create"_s;
    else if (m == "PUT")
        a.verb = u"update"_s;
    else if (m == "PATCH")
        a.verb = u"patch"_s;
    else if (m == "DELETE")
        a.verb = p.name.isEmpty() ? u"deletecollection"_s : u"delete"_s;
    else
        a.verb = QString::fromLatin1(m).toLower();
    return a;
}

} // namespace

KubeApi::KubeApi(SimWorld& world, const CertificateFactory& certificates, Credentials credentials)
    : m_world(world), m_certificates(certificates), m_credentials(std::move(credentials)),
      m_discovery(world), m_aggregation(world), m_reads(world), m_writes(world, certificates),
      m_apps(world), m_authorization(world)
{}

HttpResponse KubeApi::status(int code, const QString& reason, const QString& message,
                             const std::optional<QJsonObject>& details)
{
    return KubeHandler::status(code, reason, message, details);
}

HttpResponse KubeApi::notFound(const QString& group, const QString& plural, const QString& name)
{
    return KubeHandler::notFound(group, plural, name);
}

std::optional<KubeUser> KubeApi::authenticate(const HttpRequest& request) const
{
    const QString everyone = u"system:authenticated"_s;
    if (!request.peerChain.isEmpty() &&
        m_certificates.isIssuedByCa(request.peerChain.first().toDer())) {
        const QSslCertificate& cert = request.peerChain.first();
        const QStringList cn = cert.subjectInfo(QSslCertificate::CommonName);
        QStringList groups = cert.subjectInfo(QSslCertificate::Organization);
        groups << everyone;
        return KubeUser{cn.isEmpty() ? u"system:anonymous"_s : cn.first(), groups};
    }
    const QByteArray authorization = request.header("authorization");
    if (authorization.startsWith("Bearer ")) {
        const QString token = QString::fromLatin1(authorization.mid(7).trimmed());
        if (!m_credentials.token.isEmpty() && token == m_credentials.token)
            return KubeUser{u"token-admin"_s, {u"system:masters"_s, everyone}};
        if (!m_credentials.readOnlyToken.isEmpty() && token == m_credentials.readOnlyToken)
            return KubeUser{KubeAuthorizer::readOnlyUser(), {everyone}};
    }
    if (authorization.startsWith("Basic ") && !m_credentials.basicPassword.isEmpty()) {
        const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
        if (QString::fromUtf8(decoded) ==
            m_credentials.basicUser + QLatin1Char(':') + m_credentials.basicPassword)
            return KubeUser{m_credentials.basicUser, {u"system:masters"_s, everyone}};
    }
    return std::nullopt;
}

HttpResponse KubeApi::handle(const HttpRequest& request)
{
    static const QStringList publicPaths{QStringLiteral("/version"), QStringLiteral("/healthz"),
                                         QStringLiteral("/livez"), QStringLiteral("/readyz")};
    const std::optional<KubeUser> user = authenticate(request);
    if (!user && !publicPaths.contains(request.path))
        return status(401, QStringLiteral("Unauthorized"), QStringLiteral("Unauthorized"));
    HttpResponse response = route(request, user.value_or(KubeUser{u"system:anonymous"_s, {}}));
    response.headers.append(std::pair<QByteArray, QByteArray>(
        "Audit-Id", QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1()));
    response.headers.append(
        std::pair<QByteArray, QByteArray>("Cache-Control", "no-cache, private"));
    return response;
}

HttpResponse KubeApi::route(const HttpRequest& request, const KubeUser& user)
{
    bool handled = false;
    HttpResponse response = m_discovery.handle(request, &handled);
    if (handled)
        return response;
    QStringList segments = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (segments.size() >= 3 && segments[0] == QLatin1String("api") &&
        segments[1] == QLatin1String("v1"))
        return resourceRequest(request, user, {}, QStringLiteral("v1"), segments.mid(2));
    if (segments.size() >= 3 && segments[0] == QLatin1String("apis")) {
        for (const ApiGroupVersion& gv : ApiCatalog::groupVersions(m_world.kube())) {
            if (gv.group == segments[1] && gv.version == segments[2]) {
                if (gv.aggregated)
                    return m_aggregation.handle(request, gv.group, gv.version, segments.mid(3));
                return resourceRequest(request, user, segments[1], segments[2], segments.mid(3));
            }
        }
    }
    return KubeHandler::noSuchPath();
}

HttpResponse KubeApi::resourceRequest(const HttpRequest& request, const KubeUser& user,
                                      const QString& group, const QString& version,
                                      const QStringList& segments)
{
    const KubeStore& store = m_world.kube();
    const ResourcePath path = resourcePath(store, group, version, segments);
    const auto resource =
        path.plural.isEmpty() ? std::nullopt : ApiCatalog::find(store, group, version, path.plural);
    if (!resource || (resource->namespaced && path.ns.isEmpty() && !path.name.isEmpty()) ||
        (!path.sub.isEmpty() && !resource->subresources.contains(path.sub)))
        return KubeHandler::noSuchPath();
    const KubeAccess access = accessOf(request, *resource, path);
    if (!KubeAuthorizer::authorize(user, access).allowed)
        return KubeAuthorizer::forbidden(user, access);
    const QByteArray& method = request.method;
    if (resource->verbs == QStringList{QStringLiteral("create")})
        return method == "POST" ? m_authorization.review(request, *resource, user)
                                : KubeHandler::methodNotAllowed();
    if (path.sub == QLatin1String("log"))
        return method == "GET" ? m_reads.podLog(request, path.ns, path.name)
                               : KubeHandler::methodNotAllowed();
    if (path.sub == QLatin1String("scale") && method == "GET")
        return m_apps.scale(request, path.ns, path.name, {});
    if (method == "GET" || method == "HEAD")
        return path.name.isEmpty() ? m_reads.list(request, *resource, path.ns)
                                   : m_reads.getOne(request, *resource, path.ns, path.name);
    return write(request, *resource, access);
}

// POST, PUT, PATCH and DELETE, after their options (dryRun, fieldManager) were accepted.
HttpResponse KubeApi::write(const HttpRequest& request, const ApiResource& resource,
                            const KubeAccess& access)
{
    KubeWriteOptions options;
    if (auto invalid = KubeWriteOptions::parse(request, &options))
        return *invalid;
    const QByteArray& method = request.method;
    const QString ns = resource.namespaced ? access.ns : QString();
    if (access.subresource == QLatin1String("scale"))
        return m_apps.scale(request, ns, access.name, options);
    if (method == "POST" && access.name.isEmpty())
        return m_writes.create(request, resource, ns, options);
    if ((method == "PUT" || method == "PATCH") && !access.name.isEmpty())
        return m_writes.update(request, resource, ns, access.name, access.subresource, options);
    if (method == "DELETE" && !access.name.isEmpty() && access.subresource.isEmpty())
        return m_writes.remove(resource, ns, access.name, options);
    return KubeHandler::methodNotAllowed();
}

} // namespace unstuck::sim
