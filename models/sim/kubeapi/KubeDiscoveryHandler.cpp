// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/kubeapi/KubeDiscoveryHandler.h"

#include "models/sim/ApiCatalog.h"
#include "models/sim/KubeStore.h"
#include "models/sim/OpenApiV2.h"
#include "models/sim/SimWorld.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>

namespace unstuck::sim {

namespace {

const QString kVersionMajor = QStringLiteral("1");
const QString kVersionMinor = QStringLiteral("32");
const QString kGitVersion = QStringLiteral("v1.32.2");

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

QJsonObject groupJson(const QList<ApiGroupVersion>& gvs, const QString& group)
{
    QJsonArray versions;
    for (const ApiGroupVersion& gv : gvs)
        if (gv.group == group)
            versions.append(QJsonObject{{QStringLiteral("groupVersion"), gv.groupVersion()},
                                        {QStringLiteral("version"), gv.version}});
    return QJsonObject{{QStringLiteral("name"), group},
                       {QStringLiteral("versions"), versions},
                       {QStringLiteral("preferredVersion"), versions.first()}};
}

// The legacy /apis document: every named group once, in catalog order.
QJsonObject groupList(const QList<ApiGroupVersion>& gvs)
{
    QJsonArray groups;
    QStringList seen;
    for (const ApiGroupVersion& gv : gvs) {
        if (gv.group.isEmpty() || seen.contains(gv.group))
            continue;
        seen << gv.group;
        groups.append(groupJson(gvs, gv.group));
    }
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("APIGroupList")},
                       {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("groups"), groups}};
}

QString gvPath(const ApiGroupVersion& gv)
{
    return gv.group.isEmpty() ? QStringLiteral("api/") + gv.version
                              : QStringLiteral("apis/%1/%2").arg(gv.group, gv.version);
}

// One group version's OpenAPI v3 document: its POST/PATCH/PUT operations, no schemas.
QJsonObject openApiDocument(const ApiGroupVersion& gv)
{
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
    for (const OpenApiV2::Path& p : OpenApiV2::paths({gv})) {
        const QJsonObject op{
            {QStringLiteral("x-kubernetes-group-version-kind"),
             QJsonObject{{QStringLiteral("group"), p.group},
                         {QStringLiteral("version"), p.version},
                         {QStringLiteral("kind"), p.kind}}},
            {QStringLiteral("parameters"), params},
            {QStringLiteral("responses"),
             QJsonObject{{QStringLiteral("200"),
                          QJsonObject{{QStringLiteral("description"), QStringLiteral("OK")}}}}}};
        paths.insert(p.path, p.object ? QJsonObject{{QStringLiteral("patch"), op},
                                                    {QStringLiteral("put"), op}}
                                      : QJsonObject{{QStringLiteral("post"), op}});
    }
    return QJsonObject{
        {QStringLiteral("openapi"), QStringLiteral("3.0.0")},
        {QStringLiteral("info"),
         QJsonObject{{QStringLiteral("title"), QStringLiteral("Kubernetes")},
                     {QStringLiteral("version"), kGitVersion}}},
        {QStringLiteral("paths"), paths},
        {QStringLiteral("components"), QJsonObject{{QStringLiteral("schemas"), QJsonObject()}}}};
}

} // namespace

KubeDiscoveryHandler::KubeDiscoveryHandler(SimWorld& world) : KubeHandler(world) {}

QJsonObject KubeDiscoveryHandler::resourceList(const ApiGroupVersion& gv)
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

HttpResponse KubeDiscoveryHandler::handle(const HttpRequest& request, bool* handled)
{
    *handled = true;
    const QString& path = request.path;
    if (request.method != "GET" && request.method != "HEAD") {
        *handled = path == QLatin1String("/api") || path == QLatin1String("/apis");
        return methodNotAllowed();
    }
    if (path == QLatin1String("/version"))
        return version();
    if (path == QLatin1String("/healthz") || path == QLatin1String("/livez") ||
        path == QLatin1String("/readyz"))
        return HttpResponse::text(200, "ok");
    if (path == QLatin1String("/openapi/v3") || path.startsWith(QLatin1String("/openapi/v3/")))
        return openApiV3(path);
    if (path == QLatin1String("/openapi/v2"))
        return openApiV2(request);
    if (path.startsWith(QLatin1String("/openapi/")))
        return noSuchPath();
    return groupDocuments(request, handled);
}

HttpResponse KubeDiscoveryHandler::version() const
{
    return ok(QJsonObject{
        {QStringLiteral("major"), kVersionMajor},
        {QStringLiteral("minor"), m_world.legacyDiscovery() ? QStringLiteral("26") : kVersionMinor},
        {QStringLiteral("gitVersion"),
         m_world.legacyDiscovery() ? QStringLiteral("v1.26.15") : kGitVersion},
        {QStringLiteral("gitCommit"), QStringLiteral("67a30c0adcf52bd3f56ff0893ce19966be12991f")},
        {QStringLiteral("gitTreeState"), QStringLiteral("clean")},
        {QStringLiteral("buildDate"), QStringLiteral("2025-02-12T21:19:47Z")},
        {QStringLiteral("goVersion"), QStringLiteral("go1.23.6")},
        {QStringLiteral("compiler"), QStringLiteral("gc")},
        {QStringLiteral("platform"), QStringLiteral("linux/amd64")}});
}

// /api, /apis, /api/v1, /apis/<group> and /apis/<group>/<version> (not aggregated ones: the
// aggregation handler answers those).
HttpResponse KubeDiscoveryHandler::groupDocuments(const HttpRequest& request, bool* handled)
{
    const QString& path = request.path;
    const QList<ApiGroupVersion> gvs = ApiCatalog::groupVersions(m_world.kube());
    const QByteArray aggregatedVersion =
        m_world.legacyDiscovery() ? QByteArray() : aggregatedDiscoveryVersion(request);
    if (path == QLatin1String("/api")) {
        if (!aggregatedVersion.isEmpty())
            return aggregatedList(gvs, aggregatedVersion, true);
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
            return aggregatedList(gvs, aggregatedVersion, false);
        return ok(groupList(gvs));
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
                QJsonObject group = groupJson(gvs, gv.group);
                group.insert(QStringLiteral("kind"), QStringLiteral("APIGroup"));
                group.insert(QStringLiteral("apiVersion"), QStringLiteral("v1"));
                return ok(group);
            }
        }
        return noSuchPath();
    }
    if (segments.size() == 3 && segments[0] == QLatin1String("apis")) {
        for (const ApiGroupVersion& gv : gvs) {
            if (gv.group == segments[1] && gv.version == segments[2] && !gv.aggregated)
                return ok(resourceList(gv));
        }
    }
    *handled = false;
    return {};
}

// Aggregated discovery (APIGroupDiscoveryList) of the core group or of the named groups; an
// unavailable aggregated group version is listed Stale, without resources.
HttpResponse KubeDiscoveryHandler::aggregatedList(const QList<ApiGroupVersion>& gvs,
                                                  const QByteArray& aggregatedVersion, bool core)
{
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
    HttpResponse r =
        ok(QJsonObject{{QStringLiteral("kind"), QStringLiteral("APIGroupDiscoveryList")},
                       {QStringLiteral("apiVersion"), QStringLiteral("apidiscovery.k8s.io/") +
                                                          QString::fromLatin1(aggregatedVersion)},
                       {QStringLiteral("metadata"), QJsonObject()},
                       {QStringLiteral("items"), items}});
    r.contentType = "application/json;g=apidiscovery.k8s.io;v=" + aggregatedVersion +
                    ";as=APIGroupDiscoveryList";
    r.headers.append(std::pair<QByteArray, QByteArray>("Vary", "Accept"));
    return r;
}

// A skeleton OpenAPI v3: per group version, the PATCH/POST operations with their
// x-kubernetes-group-version-kind and the fieldValidation parameter. That is what kubectl
// checks before it leaves validation to the server (create -f / apply), so it needs no schemas.
HttpResponse KubeDiscoveryHandler::openApiV2(const HttpRequest& request)
{
    const QList<ApiGroupVersion> gvs = ApiCatalog::groupVersions(m_world.kube());
    if (request.header("accept").contains("protobuf"))
        return HttpResponse{
            200, OpenApiV2::kProtobufType, {}, OpenApiV2::protobuf(gvs, kGitVersion)};
    return ok(OpenApiV2::json(gvs, kGitVersion));
}

HttpResponse KubeDiscoveryHandler::openApiV3(const QString& path)
{
    const QList<ApiGroupVersion> gvs = ApiCatalog::groupVersions(m_world.kube());
    if (path == QLatin1String("/openapi/v3") || path == QLatin1String("/openapi/v3/")) {
        QJsonObject paths;
        for (const ApiGroupVersion& gv : gvs) {
            if (gv.aggregated)
                continue;
            const QByteArray hash =
                QCryptographicHash::hash(toJson(openApiDocument(gv)), QCryptographicHash::Sha512)
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
            return ok(openApiDocument(gv));
    return noSuchPath();
}

} // namespace unstuck::sim
