// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/KubeApi.h"

#include "models/sim/ApiCatalog.h"
#include "models/sim/CertificateFactory.h"
#include "models/sim/JsonPatch.h"
#include "models/sim/KubeProtobuf.h"
#include "models/sim/KubeStore.h"
#include "models/sim/KubeWatch.h"
#include "models/sim/ListFilter.h"
#include "models/sim/SimWorld.h"
#include "models/sim/TableWriter.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>

namespace unstuck::sim {

namespace {

const QString kVersionMajor = QStringLiteral("1");
const QString kVersionMinor = QStringLiteral("32");
const QString kGitVersion = QStringLiteral("v1.32.2");

QByteArray toJson(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

HttpResponse ok(const QJsonObject& o, int code = 200)
{
    return HttpResponse::json(code, toJson(o));
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

QJsonObject meta(const QJsonObject& o)
{
    return o.value(QLatin1String("metadata")).toObject();
}

QString qualified(const QString& group, const QString& plural)
{
    return group.isEmpty() ? plural : plural + QLatin1Char('.') + group;
}

QString randomSuffix(int length)
{
    static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    QString out;
    for (int i = 0; i < length; ++i)
        out += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(27)]);
    return out;
}

bool wantsTable(const HttpRequest& r)
{
    return r.header("accept").contains("as=Table");
}

// Picks the aggregated discovery version the client asked for (empty: legacy documents).
QByteArray aggregatedDiscoveryVersion(const HttpRequest& r)
{
    const QByteArray accept = r.header("accept");
    if (!accept.contains("as=APIGroupDiscoveryList"))
        return {};
    for (const QByteArray& part : accept.split(',')) {
        if (!part.contains("as=APIGroupDiscoveryList"))
            continue;
        if (part.contains("v=v2beta1"))
            return "v2beta1";
        if (part.contains("v=v2"))
            return "v2";
    }
    return {};
}

QJsonObject discoveryResource(const ApiResource& r)
{
    QJsonObject o{
        {QStringLiteral("resource"), r.plural},
        {QStringLiteral("responseKind"), QJsonObject{{QStringLiteral("group"), r.group},
                                                     {QStringLiteral("version"), r.version},
                                                     {QStringLiteral("kind"), r.kind}}},
        {QStringLiteral("scope"),
         r.namespaced ? QStringLiteral("Namespaced") : QStringLiteral("Cluster")},
        {QStringLiteral("singularResource"), r.singular},
        {QStringLiteral("verbs"), QJsonArray::fromStringList(r.verbs)}};
    if (!r.shortNames.isEmpty())
        o.insert(QStringLiteral("shortNames"), QJsonArray::fromStringList(r.shortNames));
    if (!r.categories.isEmpty())
        o.insert(QStringLiteral("categories"), QJsonArray::fromStringList(r.categories));
    QJsonArray subs;
    for (const QString& s : r.subresources) {
        QJsonObject kind{{QStringLiteral("group"), r.group},
                         {QStringLiteral("version"), r.version},
                         {QStringLiteral("kind"), r.kind}};
        QStringList verbs{QStringLiteral("get"), QStringLiteral("patch"), QStringLiteral("update")};
        if (s == QLatin1String("scale"))
            kind = QJsonObject{{QStringLiteral("group"), QStringLiteral("autoscaling")},
                               {QStringLiteral("version"), QStringLiteral("v1")},
                               {QStringLiteral("kind"), QStringLiteral("Scale")}};
        if (s == QLatin1String("log"))
            verbs = QStringList{QStringLiteral("get")};
        if (s == QLatin1String("finalize"))
            verbs = QStringList{QStringLiteral("update")};
        subs.append(QJsonObject{{QStringLiteral("subresource"), s},
                                {QStringLiteral("responseKind"), kind},
                                {QStringLiteral("verbs"), QJsonArray::fromStringList(verbs)}});
    }
    if (!subs.isEmpty())
        o.insert(QStringLiteral("subresources"), subs);
    return o;
}

QJsonArray subresourceEntries(const ApiResource& r)
{
    QJsonArray out;
    for (const QString& s : r.subresources) {
        QJsonObject o{{QStringLiteral("name"), r.plural + QLatin1Char('/') + s},
                      {QStringLiteral("singularName"), QString()},
                      {QStringLiteral("namespaced"), r.namespaced},
                      {QStringLiteral("kind"), r.kind}};
        QStringList verbs{QStringLiteral("get"), QStringLiteral("patch"), QStringLiteral("update")};
        if (s == QLatin1String("scale")) {
            o.insert(QStringLiteral("group"), QStringLiteral("autoscaling"));
            o.insert(QStringLiteral("version"), QStringLiteral("v1"));
            o.insert(QStringLiteral("kind"), QStringLiteral("Scale"));
        }
        if (s == QLatin1String("log"))
            verbs = QStringList{QStringLiteral("get")};
        if (s == QLatin1String("finalize"))
            verbs = QStringList{QStringLiteral("update")};
        o.insert(QStringLiteral("verbs"), QJsonArray::fromStringList(verbs));
        out.append(o);
    }
    return out;
}

QJsonObject resourceList(const ApiGroupVersion& gv)
{
    QJsonArray resources;
    for (const ApiResource& r : gv.resources) {
        resources.append(ApiCatalog::apiResourceJson(r));
        for (const QJsonValue& s : subresourceEntries(r))
            resources.append(s);
    }
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("APIResourceList")},
                       {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("groupVersion"), gv.groupVersion()},
                       {QStringLiteral("resources"), resources}};
}

// Built-in list items carry no apiVersion/kind on the wire; custom resources keep them.
QJsonObject listItem(QJsonObject o, const ApiResource& r)
{
    if (!r.custom) {
        o.remove(QStringLiteral("apiVersion"));
        o.remove(QStringLiteral("kind"));
    }
    return o;
}

QJsonObject withTypeMeta(QJsonObject o, const ApiResource& r)
{
    o.insert(QStringLiteral("apiVersion"), r.groupVersion());
    o.insert(QStringLiteral("kind"), r.kind);
    return o;
}

bool isJsonContentType(const QByteArray& contentType)
{
    return contentType.isEmpty() || contentType.contains("json");
}

} // namespace

KubeApi::KubeApi(SimWorld& world, const CertificateFactory& certificates, Credentials credentials)
    : m_world(world), m_certificates(certificates), m_credentials(std::move(credentials))
{}

HttpResponse KubeApi::status(int code, const QString& reason, const QString& message,
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

HttpResponse KubeApi::notFound(const QString& group, const QString& plural, const QString& name)
{
    QJsonObject details{{QStringLiteral("name"), name}, {QStringLiteral("kind"), plural}};
    if (!group.isEmpty())
        details.insert(QStringLiteral("group"), group);
    return status(404, QStringLiteral("NotFound"),
                  QStringLiteral("%1 \"%2\" not found").arg(qualified(group, plural), name),
                  details);
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
    HttpResponse response = discovery(request, &handled);
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
                    return aggregated(request, gv.group, gv.version, segments.mid(3));
                return resourceRequest(request, segments[1], segments[2], segments.mid(3));
            }
        }
    }
    return status(404, QStringLiteral("NotFound"),
                  QStringLiteral("the server could not find the requested resource"),
                  QJsonObject());
}

HttpResponse KubeApi::discovery(const HttpRequest& request, bool* handled)
{
    *handled = true;
    const QString& path = request.path;
    if (request.method != "GET" && request.method != "HEAD") {
        *handled = path == QLatin1String("/api") || path == QLatin1String("/apis");
        return status(
            405, QStringLiteral("MethodNotAllowed"),
            QStringLiteral("the server does not allow this method on the requested resource"));
    }
    if (path == QLatin1String("/version"))
        return ok(
            QJsonObject{{QStringLiteral("major"), kVersionMajor},
                        {QStringLiteral("minor"),
                         m_world.legacyDiscovery() ? QStringLiteral("26") : kVersionMinor},
                        {QStringLiteral("gitVersion"),
                         m_world.legacyDiscovery() ? QStringLiteral("v1.26.15") : kGitVersion},
                        {QStringLiteral("gitCommit"),
                         QStringLiteral("67a30c0adcf52bd3f56ff0893ce19966be12991f")},
                        {QStringLiteral("gitTreeState"), QStringLiteral("clean")},
                        {QStringLiteral("buildDate"), QStringLiteral("2025-02-12T21:19:47Z")},
                        {QStringLiteral("goVersion"), QStringLiteral("go1.23.6")},
                        {QStringLiteral("compiler"), QStringLiteral("gc")},
                        {QStringLiteral("platform"), QStringLiteral("linux/amd64")}});
    if (path == QLatin1String("/healthz") || path == QLatin1String("/livez") ||
        path == QLatin1String("/readyz"))
        return HttpResponse::text(200, "ok");
    if (path == QLatin1String("/openapi/v3") || path.startsWith(QLatin1String("/openapi/v3/")))
        return openApiV3(path);
    if (path.startsWith(QLatin1String("/openapi/")))
        return status(404, QStringLiteral("NotFound"),
                      QStringLiteral("the server could not find the requested resource"),
                      QJsonObject());

    const QList<ApiGroupVersion> gvs = ApiCatalog::groupVersions(m_world.kube());
    const QByteArray aggregatedVersion =
        m_world.legacyDiscovery() ? QByteArray() : aggregatedDiscoveryVersion(request);
    const QString rv = QString::number(m_world.kube().resourceVersion());
    auto aggregatedResponse = [&](bool core) {
        QJsonArray items;
        QStringList order;
        QHash<QString, QJsonArray> versions;
        for (const ApiGroupVersion& gv : gvs) {
            if (gv.group.isEmpty() != core)
                continue;
            QJsonArray resources;
            if (gv.available)
                for (const ApiResource& r : gv.resources)
                    resources.append(discoveryResource(r));
            if (!versions.contains(gv.group))
                order << gv.group;
            versions[gv.group].append(
                QJsonObject{{QStringLiteral("version"), gv.version},
                            {QStringLiteral("resources"), resources},
                            {QStringLiteral("freshness"),
                             gv.available ? QStringLiteral("Current") : QStringLiteral("Stale")}});
        }
        for (const QString& group : order) {
            QJsonObject m{{QStringLiteral("creationTimestamp"), QJsonValue::Null}};
            if (!group.isEmpty())
                m.insert(QStringLiteral("name"), group);
            items.append(QJsonObject{{QStringLiteral("metadata"), m},
                                     {QStringLiteral("versions"), versions[group]}});
        }
        HttpResponse r = ok(
            QJsonObject{{QStringLiteral("kind"), QStringLiteral("APIGroupDiscoveryList")},
                        {QStringLiteral("apiVersion"), QStringLiteral("apidiscovery.k8s.io/") +
                                                           QString::fromLatin1(aggregatedVersion)},
                        {QStringLiteral("metadata"), QJsonObject()},
                        {QStringLiteral("items"), items}});
        r.contentType = "application/json;g=apidiscovery.k8s.io;v=" + aggregatedVersion +
                        ";as=APIGroupDiscoveryList";
        r.headers.append(std::pair<QByteArray, QByteArray>("Vary", "Accept"));
        return r;
    };
    auto groupJson = [&](const QString& group) {
        QJsonArray versions;
        for (const ApiGroupVersion& gv : gvs)
            if (gv.group == group)
                versions.append(QJsonObject{{QStringLiteral("groupVersion"), gv.groupVersion()},
                                            {QStringLiteral("version"), gv.version}});
        return QJsonObject{{QStringLiteral("name"), group},
                           {QStringLiteral("versions"), versions},
                           {QStringLiteral("preferredVersion"), versions.first()}};
    };
    if (path == QLatin1String("/api")) {
        if (!aggregatedVersion.isEmpty())
            return aggregatedResponse(true);
        return ok(QJsonObject{
            {QStringLiteral("kind"), QStringLiteral("APIVersions")},
            {QStringLiteral("versions"), QJsonArray{QStringLiteral("v1")}},
            {QStringLiteral("serverAddressByClientCIDRs"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("clientCIDR"), QStringLiteral("0.0.0.0/0")},
                 {QStringLiteral("serverAddress"), QStringLiteral("192.168.0.193:6443")}}}}});
    }
    if (path == QLatin1String("/apis")) {
        if (!aggregatedVersion.isEmpty())
            return aggregatedResponse(false);
        QJsonArray groups;
        QStringList seen;
        for (const ApiGroupVersion& gv : gvs) {
            if (gv.group.isEmpty() || seen.contains(gv.group))
                continue;
            seen << gv.group;
            groups.append(groupJson(gv.group));
        }
        return ok(QJsonObject{{QStringLiteral("kind"), QStringLiteral("APIGroupList")},
                              {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                              {QStringLiteral("groups"), groups}});
    }
    if (path == QLatin1String("/api/v1")) {
        for (const ApiGroupVersion& gv : gvs)
            if (gv.group.isEmpty())
                return ok(resourceList(gv));
    }
    const QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (segments.size() == 2 && segments[0] == QLatin1String("apis")) {
        for (const ApiGroupVersion& gv : gvs) {
            if (gv.group == segments[1]) {
                QJsonObject group = groupJson(gv.group);
                group.insert(QStringLiteral("kind"), QStringLiteral("APIGroup"));
                group.insert(QStringLiteral("apiVersion"), QStringLiteral("v1"));
                return ok(group);
            }
        }
        return status(404, QStringLiteral("NotFound"),
                      QStringLiteral("the server could not find the requested resource"),
                      QJsonObject());
    }
    if (segments.size() == 3 && segments[0] == QLatin1String("apis")) {
        for (const ApiGroupVersion& gv : gvs) {
            if (gv.group == segments[1] && gv.version == segments[2] && !gv.aggregated)
                return ok(resourceList(gv));
        }
    }
    Q_UNUSED(rv);
    *handled = false;
    return {};
}

// A skeleton OpenAPI v3: per group version, the PATCH/POST operations with their
// x-kubernetes-group-version-kind and the fieldValidation parameter. That is what kubectl
// checks before it leaves validation to the server (create -f / apply), so it needs no schemas.
HttpResponse KubeApi::openApiV3(const QString& path)
{
    const QList<ApiGroupVersion> gvs = ApiCatalog::groupVersions(m_world.kube());
    auto gvPath = [](const ApiGroupVersion& gv) {
        return gv.group.isEmpty() ? QStringLiteral("api/") + gv.version
                                  : QStringLiteral("apis/%1/%2").arg(gv.group, gv.version);
    };
    auto document = [](const ApiGroupVersion& gv) {
        const QJsonArray params{
            QJsonObject{{QStringLiteral("name"), QStringLiteral("fieldValidation")},
                        {QStringLiteral("in"), QStringLiteral("query")},
                        {QStringLiteral("schema"),
                         QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}},
            QJsonObject{{QStringLiteral("name"), QStringLiteral("fieldManager")},
                        {QStringLiteral("in"), QStringLiteral("query")},
                        {QStringLiteral("schema"),
                         QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}}};
        QJsonObject paths;
        for (const ApiResource& r : gv.resources) {
            const QJsonObject gvk{{QStringLiteral("group"), r.group},
                                  {QStringLiteral("version"), r.version},
                                  {QStringLiteral("kind"), r.kind}};
            const QString base =
                (r.group.isEmpty() ? QStringLiteral("/api/") + r.version
                                   : QStringLiteral("/apis/%1/%2").arg(r.group, r.version)) +
                (r.namespaced ? QStringLiteral("/namespaces/{namespace}/") : QStringLiteral("/")) +
                r.plural;
            const QJsonObject op{
                {QStringLiteral("x-kubernetes-group-version-kind"), gvk},
                {QStringLiteral("parameters"), params},
                {QStringLiteral("responses"),
                 QJsonObject{{QStringLiteral("200"), QJsonObject{{QStringLiteral("description"),
                                                                  QStringLiteral("OK")}}}}}};
            if (r.verbs.contains(QLatin1String("create")))
                paths.insert(base, QJsonObject{{QStringLiteral("post"), op}});
            if (r.verbs.contains(QLatin1String("patch")))
                paths.insert(
                    base + QStringLiteral("/{name}"),
                    QJsonObject{{QStringLiteral("patch"), op}, {QStringLiteral("put"), op}});
        }
        return QJsonObject{{QStringLiteral("openapi"), QStringLiteral("3.0.0")},
                           {QStringLiteral("info"),
                            QJsonObject{{QStringLiteral("title"), QStringLiteral("Kubernetes")},
                                        {QStringLiteral("version"), kGitVersion}}},
                           {QStringLiteral("paths"), paths},
                           {QStringLiteral("components"),
                            QJsonObject{{QStringLiteral("schemas"), QJsonObject()}}}};
    };
    if (path == QLatin1String("/openapi/v3") || path == QLatin1String("/openapi/v3/")) {
        QJsonObject paths;
        for (const ApiGroupVersion& gv : gvs) {
            if (gv.aggregated)
                continue;
            const QByteArray hash =
                QCryptographicHash::hash(toJson(document(gv)), QCryptographicHash::Sha512)
                    .toHex()
                    .toUpper();
            paths.insert(gvPath(gv),
                         QJsonObject{{QStringLiteral("serverRelativeURL"),
                                      QStringLiteral("/openapi/v3/%1?hash=%2")
                                          .arg(gvPath(gv), QString::fromLatin1(hash))}});
        }
        return ok(QJsonObject{{QStringLiteral("paths"), paths}});
    }
    const QString wanted = path.mid(QStringLiteral("/openapi/v3/").size());
    for (const ApiGroupVersion& gv : gvs)
        if (!gv.aggregated && gvPath(gv) == wanted)
            return ok(document(gv));
    return status(404, QStringLiteral("NotFound"),
                  QStringLiteral("the server could not find the requested resource"),
                  QJsonObject());
}

HttpResponse KubeApi::aggregated(const HttpRequest& request, const QString& group,
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
            return ok(resourceList(gv));
        if (request.method != "GET")
            return status(
                405, QStringLiteral("MethodNotAllowed"),
                QStringLiteral("the server does not allow this method on the requested resource"));
        // metrics.k8s.io: a plausible usage for every node and pod.
        const QString last = segments.last();
        const bool nodes = segments.contains(QLatin1String("nodes"));
        const bool pods = segments.contains(QLatin1String("pods"));
        if (group != QLatin1String("metrics.k8s.io") || (!nodes && !pods))
            return status(404, QStringLiteral("NotFound"),
                          QStringLiteral("the server could not find the requested resource"),
                          QJsonObject());
        QString ns;
        if (segments.size() >= 3 && segments[0] == QLatin1String("namespaces"))
            ns = segments[1];
        QJsonArray items;
        const QString ts = now();
        for (const QJsonObject& o :
             m_world.kube().list(nodes ? QStringLiteral("nodes") : QStringLiteral("pods"), ns)) {
            QJsonObject usage{
                {QStringLiteral("cpu"), nodes ? QStringLiteral("212m") : QStringLiteral("3m")},
                {QStringLiteral("memory"),
                 nodes ? QStringLiteral("1843Mi") : QStringLiteral("24Mi")}};
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
    return status(404, QStringLiteral("NotFound"),
                  QStringLiteral("the server could not find the requested resource"),
                  QJsonObject());
}

HttpResponse KubeApi::resourceRequest(const HttpRequest& request, const QString& group,
                                      const QString& version, const QStringList& segments)
{
    const KubeStore& store = m_world.kube();
    QString ns;
    QString plural;
    QString name;
    QString sub;
    if (segments.size() >= 3 && segments[0] == QLatin1String("namespaces")) {
        const auto candidate = ApiCatalog::find(store, group, version, segments[2]);
        if (candidate && candidate->namespaced) {
            ns = segments[1];
            plural = segments[2];
            name = segments.value(3);
            sub = segments.value(4);
            if (segments.size() > 5)
                plural.clear();
        }
    }
    if (plural.isEmpty() && ns.isEmpty()) {
        plural = segments.value(0);
        name = segments.value(1);
        sub = segments.value(2);
        if (segments.size() > 3)
            plural.clear();
    }
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
            return status(
                405, QStringLiteral("MethodNotAllowed"),
                QStringLiteral("the server does not allow this method on the requested resource"));
        return review(request, *resource);
    }
    if (sub == QLatin1String("log"))
        return method == "GET"
                   ? podLog(request, ns, name)
                   : status(405, QStringLiteral("MethodNotAllowed"),
                            QStringLiteral(
                                "the server does not allow this method on the requested resource"));
    if (sub == QLatin1String("scale"))
        return scale(request, ns, name);
    if (method == "GET" || method == "HEAD")
        return name.isEmpty() ? list(request, *resource, ns) : getOne(request, *resource, ns, name);
    if (method == "POST" && name.isEmpty())
        return create(request, *resource, ns);
    if ((method == "PUT" || method == "PATCH") && !name.isEmpty())
        return update(request, *resource, ns, name, sub);
    if (method == "DELETE" && !name.isEmpty() && sub.isEmpty())
        return remove(*resource, ns, name);
    return status(
        405, QStringLiteral("MethodNotAllowed"),
        QStringLiteral("the server does not allow this method on the requested resource"));
}

HttpResponse KubeApi::list(const HttpRequest& request, const ApiResource& resource,
                           const QString& ns)
{
    ListFilter filter;
    QString error;
    if (!filter.parse(
            request.query.queryItemValue(QStringLiteral("labelSelector"), QUrl::FullyDecoded),
            request.query.queryItemValue(QStringLiteral("fieldSelector"), QUrl::FullyDecoded),
            &error))
        return status(400, QStringLiteral("BadRequest"), error);
    const QString watch = request.query.queryItemValue(QStringLiteral("watch"));
    if (watch == QLatin1String("true") || watch == QLatin1String("1")) {
        const bool table = wantsTable(request);
        const ApiResource r = resource;
        auto render = [r, table](const QJsonObject& o) {
            const QJsonObject typed = withTypeMeta(o, r);
            return table ? TableWriter::table(r.kind, {typed}, TableWriter::Include::Metadata,
                                              QJsonObject())
                         : typed;
        };
        const int timeout = request.query.queryItemValue(QStringLiteral("timeoutSeconds")).toInt();
        auto stream = std::make_shared<KubeWatch>(m_world.kube(), resource.storeName(), ns, filter,
                                                  render, timeout > 0 ? timeout : 1800);
        HttpResponse streaming = ok(QJsonObject());
        streaming.body =
            stream->initialEvents(request.query.queryItemValue(QStringLiteral("resourceVersion")));
        streaming.stream = stream;
        return streaming;
    }
    QList<QJsonObject> items;
    for (const QJsonObject& o : m_world.kube().list(resource.storeName(), ns))
        if (filter.matches(o))
            items << o;
    int offset = 0;
    const QString cont =
        request.query.queryItemValue(QStringLiteral("continue"), QUrl::FullyDecoded);
    if (!cont.isEmpty()) {
        const QJsonObject token =
            QJsonDocument::fromJson(QByteArray::fromBase64(cont.toLatin1())).object();
        if (!token.contains(QLatin1String("start")))
            return status(400, QStringLiteral("BadRequest"),
                          QStringLiteral("continue key is not valid: illegal base64 data"));
        offset = token.value(QLatin1String("start")).toInt();
    }
    const int limit = request.query.queryItemValue(QStringLiteral("limit")).toInt();
    QJsonObject listMeta{
        {QStringLiteral("resourceVersion"), QString::number(m_world.kube().resourceVersion())}};
    QList<QJsonObject> page = items.mid(offset);
    if (limit > 0 && page.size() > limit) {
        page = page.mid(0, limit);
        const QJsonObject token{{QStringLiteral("v"), QStringLiteral("meta.k8s.io/v1")},
                                {QStringLiteral("rv"), m_world.kube().resourceVersion()},
                                {QStringLiteral("start"), offset + limit}};
        listMeta.insert(QStringLiteral("continue"), QString::fromLatin1(toJson(token).toBase64()));
        listMeta.insert(QStringLiteral("remainingItemCount"), items.size() - offset - limit);
    }
    if (wantsTable(request)) {
        const QString include = request.query.queryItemValue(QStringLiteral("includeObject"));
        const auto mode = include == QLatin1String("Object") ? TableWriter::Include::Object
                          : include == QLatin1String("None") ? TableWriter::Include::None
                                                             : TableWriter::Include::Metadata;
        QList<QJsonObject> typed;
        for (const QJsonObject& o : page)
            typed << withTypeMeta(o, resource);
        return ok(TableWriter::table(resource.kind, typed, mode, listMeta));
    }
    QJsonArray array;
    for (const QJsonObject& o : page)
        array.append(listItem(o, resource));
    return ok(QJsonObject{{QStringLiteral("kind"), resource.kind + QStringLiteral("List")},
                          {QStringLiteral("apiVersion"), resource.groupVersion()},
                          {QStringLiteral("metadata"), listMeta},
                          {QStringLiteral("items"), array}});
}

HttpResponse KubeApi::getOne(const HttpRequest& request, const ApiResource& resource,
                             const QString& ns, const QString& name)
{
    const auto o = m_world.kube().get(resource.storeName(), ns, name);
    if (!o)
        return notFound(resource.group, resource.plural, name);
    if (wantsTable(request)) {
        const QString include = request.query.queryItemValue(QStringLiteral("includeObject"));
        return ok(
            TableWriter::table(resource.kind, {withTypeMeta(*o, resource)},
                               include == QLatin1String("Object") ? TableWriter::Include::Object
                                                                  : TableWriter::Include::Metadata,
                               QJsonObject{{QStringLiteral("resourceVersion"),
                                            meta(*o).value(QLatin1String("resourceVersion"))}}));
    }
    return ok(withTypeMeta(*o, resource));
}

HttpResponse KubeApi::create(const HttpRequest& request, const ApiResource& resource,
                             const QString& ns)
{
    QJsonObject o;
    if (KubeProtobuf::isProtobuf(request.header("content-type"))) {
        QString error;
        const auto decoded = KubeProtobuf::decode(request.body, &error);
        if (!decoded)
            return status(415, QStringLiteral("UnsupportedMediaType"), error);
        o = *decoded;
    } else {
        if (!isJsonContentType(request.header("content-type")))
            return status(
                415, QStringLiteral("UnsupportedMediaType"),
                QStringLiteral(
                    "the body of the request was in an unknown format - accepted media types "
                    "include: "
                    "application/json, application/yaml, application/vnd.kubernetes.protobuf"));
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
        if (!doc.isObject())
            return status(
                400, QStringLiteral("BadRequest"),
                QStringLiteral("the object provided is unrecognized (must be of type %1): %2")
                    .arg(resource.kind, parseError.errorString()));
        o = doc.object();
    }
    QJsonObject m = meta(o);
    QString name = m.value(QLatin1String("name")).toString();
    if (name.isEmpty() && !m.value(QLatin1String("generateName")).toString().isEmpty()) {
        name = m.value(QLatin1String("generateName")).toString() + randomSuffix(5);
        m.insert(QStringLiteral("name"), name);
    }
    if (name.isEmpty())
        return status(422, QStringLiteral("Invalid"),
                      QStringLiteral("%1 \"\" is invalid: metadata.name: Required value: name or "
                                     "generateName is required")
                          .arg(resource.kind));
    KubeStore& store = m_world.kube();
    if (resource.namespaced) {
        const QString bodyNs = m.value(QLatin1String("namespace")).toString();
        if (!bodyNs.isEmpty() && bodyNs != ns)
            return status(400, QStringLiteral("BadRequest"),
                          QStringLiteral("the namespace of the provided object does not match the "
                                         "namespace sent on the request"));
        const auto nsObject = store.get(QStringLiteral("namespaces"), {}, ns);
        if (!nsObject)
            return notFound({}, QStringLiteral("namespaces"), ns);
        if (!meta(*nsObject).value(QLatin1String("deletionTimestamp")).toString().isEmpty()) {
            const QString message =
                QStringLiteral(
                    "unable to create new content in namespace %1 because it is being terminated")
                    .arg(ns);
            return status(
                403, QStringLiteral("Forbidden"),
                QStringLiteral("%1 \"%2\" is forbidden: %3")
                    .arg(qualified(resource.group, resource.plural), name, message),
                QJsonObject{
                    {QStringLiteral("name"), name},
                    {QStringLiteral("kind"), resource.plural},
                    {QStringLiteral("causes"),
                     QJsonArray{QJsonObject{
                         {QStringLiteral("reason"), QStringLiteral("NamespaceTerminating")},
                         {QStringLiteral("message"), message},
                         {QStringLiteral("field"), QStringLiteral("metadata.namespace")}}}}});
        }
        m.insert(QStringLiteral("namespace"), ns);
    } else {
        m.remove(QStringLiteral("namespace"));
    }
    if (store.get(resource.storeName(), resource.namespaced ? ns : QString(), name)) {
        return status(
            409, QStringLiteral("AlreadyExists"),
            QStringLiteral("%1 \"%2\" already exists")
                .arg(qualified(resource.group, resource.plural), name),
            QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("kind"), resource.plural}});
    }
    if (const auto denied =
            m_world.admissionError(QStringLiteral("CREATE"), resource.group, resource.plural))
        return status(500, QStringLiteral("InternalError"),
                      QStringLiteral("Internal error occurred: %1").arg(*denied),
                      QJsonObject{{QStringLiteral("causes"),
                                   QJsonArray{QJsonObject{{QStringLiteral("message"), *denied}}}}});
    for (const QString& k :
         {QStringLiteral("uid"), QStringLiteral("resourceVersion"),
          QStringLiteral("creationTimestamp"), QStringLiteral("deletionTimestamp")})
        m.remove(k);
    if (resource.plural == QLatin1String("namespaces") && resource.group.isEmpty()) {
        static const QRegularExpression label(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
        if (name.size() > 63 || !label.match(name).hasMatch())
            return status(422, QStringLiteral("Invalid"),
                          QStringLiteral("Namespace \"%1\" is invalid: metadata.name: Invalid "
                                         "value: \"%1\": a lowercase RFC 1123 "
                                         "label must consist of lower case alphanumeric characters "
                                         "or '-', and must start and "
                                         "end with an alphanumeric character (e.g. 'my-name',  or "
                                         "'123-abc', regex used for "
                                         "validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')")
                              .arg(name),
                          QJsonObject{{QStringLiteral("name"), name},
                                      {QStringLiteral("kind"), QStringLiteral("Namespace")}});
        QJsonObject labels = m.value(QLatin1String("labels")).toObject();
        labels.insert(QStringLiteral("kubernetes.io/metadata.name"), name);
        m.insert(QStringLiteral("labels"), labels);
        o.insert(QStringLiteral("spec"), QJsonObject{{QStringLiteral("finalizers"),
                                                      QJsonArray{QStringLiteral("kubernetes")}}});
        o.insert(QStringLiteral("status"),
                 QJsonObject{{QStringLiteral("phase"), QStringLiteral("Active")}});
    }
    if (resource.plural == QLatin1String("apiservices")) {
        // Name must be <version>.<group>; status comes from the aggregator.
        o.remove(QStringLiteral("status"));
    }
    if (resource.plural == QLatin1String("deployments")) {
        QJsonObject spec = o.value(QLatin1String("spec")).toObject();
        if (!spec.contains(QLatin1String("replicas")))
            spec.insert(QStringLiteral("replicas"), 1);
        o.insert(QStringLiteral("spec"), spec);
    }
    o.insert(QStringLiteral("metadata"), m);
    o = withTypeMeta(o, resource);
    const QJsonObject stored = store.put(resource.storeName(), o);
    if (resource.plural == QLatin1String("namespaces") && resource.group.isEmpty()) {
        // The root-ca-cert-publisher controller's ConfigMap, present in every namespace.
        store.put(
            QStringLiteral("configmaps"),
            QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                        {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
                        {QStringLiteral("metadata"),
                         QJsonObject{{QStringLiteral("name"), QStringLiteral("kube-root-ca.crt")},
                                     {QStringLiteral("namespace"), name}}},
                        {QStringLiteral("data"),
                         QJsonObject{{QStringLiteral("ca.crt"),
                                      QString::fromLatin1(m_certificates.caCertificatePem())}}}});
    }
    return ok(stored, 201);
}

QJsonObject KubeApi::storeAfterUpdate(const ApiResource& resource, QJsonObject object)
{
    KubeStore& store = m_world.kube();
    const QJsonObject m = meta(object);
    const bool deleting = !m.value(QLatin1String("deletionTimestamp")).toString().isEmpty();
    const bool noFinalizers = m.value(QLatin1String("finalizers")).toArray().isEmpty();
    bool specFinalizersEmpty = true;
    if (resource.plural == QLatin1String("namespaces") && resource.group.isEmpty())
        specFinalizersEmpty = object.value(QLatin1String("spec"))
                                  .toObject()
                                  .value(QLatin1String("finalizers"))
                                  .toArray()
                                  .isEmpty();
    if (deleting && noFinalizers && specFinalizersEmpty) {
        // The last finalizer is gone: the object is removed from storage.
        store.remove(resource.storeName(), m.value(QLatin1String("namespace")).toString(),
                     m.value(QLatin1String("name")).toString());
        return object;
    }
    return store.put(resource.storeName(), object);
}

HttpResponse KubeApi::update(const HttpRequest& request, const ApiResource& resource,
                             const QString& ns, const QString& name, const QString& subresource)
{
    KubeStore& store = m_world.kube();
    const auto existing = store.get(resource.storeName(), ns, name);
    if (!existing)
        return notFound(resource.group, resource.plural, name);
    const QByteArray contentType = request.header("content-type");
    QJsonObject next;
    if (request.method == "PATCH") {
        QString error;
        const auto patched =
            JsonPatch::apply(withTypeMeta(*existing, resource), request.body, contentType, &error);
        if (!patched)
            return status(contentType.contains("patch") ? 422 : 415,
                          contentType.contains("patch") ? QStringLiteral("Invalid")
                                                        : QStringLiteral("UnsupportedMediaType"),
                          error);
        next = *patched;
    } else {
        if (!isJsonContentType(contentType))
            return status(
                415, QStringLiteral("UnsupportedMediaType"),
                QStringLiteral(
                    "the body of the request was in an unknown format - accepted media types "
                    "include: "
                    "application/json, application/yaml, application/vnd.kubernetes.protobuf"));
        const QJsonDocument doc = QJsonDocument::fromJson(request.body);
        if (!doc.isObject())
            return status(400, QStringLiteral("BadRequest"),
                          QStringLiteral("the object provided is unrecognized (must be of type %1)")
                              .arg(resource.kind));
        next = doc.object();
        const QString bodyName = meta(next).value(QLatin1String("name")).toString();
        if (!bodyName.isEmpty() && bodyName != name)
            return status(400, QStringLiteral("BadRequest"),
                          QStringLiteral(
                              "the name of the object (%1) does not match the name on the URL (%2)")
                              .arg(bodyName, name));
        const QString sentRv = meta(next).value(QLatin1String("resourceVersion")).toString();
        if (!sentRv.isEmpty() &&
            sentRv != meta(*existing).value(QLatin1String("resourceVersion")).toString())
            return status(409, QStringLiteral("Conflict"),
                          QStringLiteral("Operation cannot be fulfilled on %1 \"%2\": the object "
                                         "has been modified; please apply "
                                         "your changes to the latest version and try again")
                              .arg(qualified(resource.group, resource.plural), name),
                          QJsonObject{{QStringLiteral("name"), name},
                                      {QStringLiteral("kind"), resource.plural}});
    }
    // Identity and server-owned metadata never change through an update.
    QJsonObject m = meta(next);
    const QJsonObject oldMeta = meta(*existing);
    for (const QString& k :
         {QStringLiteral("name"), QStringLiteral("namespace"), QStringLiteral("uid"),
          QStringLiteral("creationTimestamp"), QStringLiteral("deletionTimestamp")}) {
        if (oldMeta.contains(k))
            m.insert(k, oldMeta.value(k));
        else
            m.remove(k);
    }
    // A spec change is a new generation (controllers report observedGeneration).
    if (subresource.isEmpty() &&
        next.value(QLatin1String("spec")) != existing->value(QLatin1String("spec")) &&
        oldMeta.contains(QLatin1String("generation")))
        m.insert(QStringLiteral("generation"),
                 oldMeta.value(QLatin1String("generation")).toInt(1) + 1);
    next.insert(QStringLiteral("metadata"), m);
    const bool isNamespace =
        resource.plural == QLatin1String("namespaces") && resource.group.isEmpty();
    if (isNamespace) {
        QJsonObject spec = existing->value(QLatin1String("spec")).toObject();
        if (subresource == QLatin1String("finalize")) {
            // Only /finalize changes spec.finalizers; status is kept.
            if (request.method != "PUT")
                return status(
                    405, QStringLiteral("MethodNotAllowed"),
                    QStringLiteral(
                        "the server does not allow this method on the requested resource"));
            spec.insert(QStringLiteral("finalizers"), next.value(QLatin1String("spec"))
                                                          .toObject()
                                                          .value(QLatin1String("finalizers"))
                                                          .toArray());
            next.insert(QStringLiteral("status"), existing->value(QLatin1String("status")));
        } else if (subresource == QLatin1String("status")) {
            next.insert(QStringLiteral("metadata"), oldMeta);
        } else {
            next.insert(QStringLiteral("status"), existing->value(QLatin1String("status")));
        }
        next.insert(QStringLiteral("spec"), spec);
    } else if (subresource == QLatin1String("status")) {
        QJsonObject status = *existing;
        status.insert(QStringLiteral("status"), next.value(QLatin1String("status")));
        next = status;
    }
    if (subresource.isEmpty()) {
        if (const auto denied =
                m_world.admissionError(QStringLiteral("UPDATE"), resource.group, resource.plural))
            return status(
                500, QStringLiteral("InternalError"),
                QStringLiteral("Internal error occurred: %1").arg(*denied),
                QJsonObject{{QStringLiteral("causes"),
                             QJsonArray{QJsonObject{{QStringLiteral("message"), *denied}}}}});
    }
    next = withTypeMeta(next, resource);
    return ok(withTypeMeta(storeAfterUpdate(resource, next), resource));
}

HttpResponse KubeApi::remove(const ApiResource& resource, const QString& ns, const QString& name)
{
    KubeStore& store = m_world.kube();
    const auto existing = store.get(resource.storeName(), ns, name);
    if (!existing)
        return notFound(resource.group, resource.plural, name);
    QJsonObject o = *existing;
    QJsonObject m = meta(o);
    const bool isNamespace =
        resource.plural == QLatin1String("namespaces") && resource.group.isEmpty();
    if (isNamespace) {
        if (!m.value(QLatin1String("deletionTimestamp")).toString().isEmpty())
            return ok(withTypeMeta(o, resource)); // later DELETEs: unchanged, no error
        m.insert(QStringLiteral("deletionTimestamp"), now());
        o.insert(QStringLiteral("metadata"), m);
        QJsonObject st = o.value(QLatin1String("status")).toObject();
        st.insert(QStringLiteral("phase"), QStringLiteral("Terminating"));
        o.insert(QStringLiteral("status"), st);
        return ok(withTypeMeta(storeAfterUpdate(resource, o), resource));
    }
    if (const auto denied =
            m_world.admissionError(QStringLiteral("DELETE"), resource.group, resource.plural))
        return status(500, QStringLiteral("InternalError"),
                      QStringLiteral("Internal error occurred: %1").arg(*denied),
                      QJsonObject{{QStringLiteral("causes"),
                                   QJsonArray{QJsonObject{{QStringLiteral("message"), *denied}}}}});
    if (!m.value(QLatin1String("finalizers")).toArray().isEmpty()) {
        if (m.value(QLatin1String("deletionTimestamp")).toString().isEmpty()) {
            m.insert(QStringLiteral("deletionTimestamp"), now());
            m.insert(QStringLiteral("deletionGracePeriodSeconds"), 0);
            o.insert(QStringLiteral("metadata"), m);
            o = store.put(resource.storeName(), o);
        }
        return ok(withTypeMeta(o, resource));
    }
    store.remove(resource.storeName(), ns, name);
    if (resource.plural == QLatin1String("pods") || resource.custom) {
        m.insert(QStringLiteral("deletionTimestamp"), now());
        o.insert(QStringLiteral("metadata"), m);
        return ok(withTypeMeta(o, resource));
    }
    QJsonObject details{{QStringLiteral("name"), name},
                        {QStringLiteral("kind"), resource.plural},
                        {QStringLiteral("uid"), m.value(QLatin1String("uid"))}};
    if (!resource.group.isEmpty())
        details.insert(QStringLiteral("group"), resource.group);
    return ok(QJsonObject{{QStringLiteral("kind"), QStringLiteral("Status")},
                          {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                          {QStringLiteral("metadata"), QJsonObject()},
                          {QStringLiteral("status"), QStringLiteral("Success")},
                          {QStringLiteral("details"), details}});
}

HttpResponse KubeApi::podLog(const HttpRequest& request, const QString& ns, const QString& name)
{
    const KubeStore& store = m_world.kube();
    const auto pod = store.get(QStringLiteral("pods"), ns, name);
    if (!pod)
        return notFound({}, QStringLiteral("pods"), name);
    QStringList containers;
    for (const QJsonValue& c :
         pod->value(QLatin1String("spec")).toObject().value(QLatin1String("containers")).toArray())
        containers << c.toObject().value(QLatin1String("name")).toString();
    QString container = request.query.queryItemValue(QStringLiteral("container"));
    if (container.isEmpty())
        container = containers.value(0);
    if (!containers.contains(container))
        return status(400, QStringLiteral("BadRequest"),
                      QStringLiteral("container %1 is not valid for pod %2").arg(container, name));
    if (request.query.queryItemValue(QStringLiteral("previous")) == QLatin1String("true"))
        return status(400, QStringLiteral("BadRequest"),
                      QStringLiteral("previous terminated container \"%1\" in pod \"%2\" not found")
                          .arg(container, name));
    QStringList lines = store.podLog(ns, name);
    QList<qint64> times = store.podLogTimes(ns, name);
    bool ok = false;
    const int tail = request.query.queryItemValue(QStringLiteral("tailLines")).toInt(&ok);
    if (ok && tail >= 0 && tail < lines.size()) {
        lines = lines.mid(lines.size() - tail);
        times = times.mid(times.size() - tail);
    }
    const bool timestamps =
        request.query.queryItemValue(QStringLiteral("timestamps")) == QLatin1String("true");
    QByteArray body;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (timestamps) {
            const QDateTime t = QDateTime::fromMSecsSinceEpoch(times.value(i), Qt::UTC);
            body += t.toString(QStringLiteral("yyyy-MM-ddThh:mm:ss.zzz")).toLatin1() + "000000Z ";
        }
        body += lines[i].toUtf8() + '\n';
    }
    return HttpResponse::text(200, body);
}

HttpResponse KubeApi::scale(const HttpRequest& request, const QString& ns, const QString& name)
{
    KubeStore& store = m_world.kube();
    const QString storeName = QStringLiteral("deployments.apps");
    auto deployment = store.get(storeName, ns, name);
    if (!deployment)
        return notFound(QStringLiteral("apps"), QStringLiteral("deployments"), name);
    auto toScale = [](const QJsonObject& d) {
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
                 {QStringLiteral("creationTimestamp"),
                  m.value(QLatin1String("creationTimestamp"))}}},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("replicas"), d.value(QLatin1String("spec"))
                                                          .toObject()
                                                          .value(QLatin1String("replicas"))
                                                          .toInt(1)}}},
            {QStringLiteral("status"),
             QJsonObject{{QStringLiteral("replicas"), d.value(QLatin1String("status"))
                                                          .toObject()
                                                          .value(QLatin1String("replicas"))
                                                          .toInt()},
                         {QStringLiteral("selector"), selector.join(QLatin1Char(','))}}}};
    };
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

HttpResponse KubeApi::review(const HttpRequest& request, const ApiResource& resource)
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
