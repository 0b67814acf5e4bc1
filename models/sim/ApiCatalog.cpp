// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/ApiCatalog.h"

#include "models/sim/KubeStore.h"

#include <QJsonArray>
#include <QMap>

namespace unstuck::sim {

namespace {

const QStringList kAllVerbs{
    QStringLiteral("create"), QStringLiteral("delete"), QStringLiteral("deletecollection"),
    QStringLiteral("get"),    QStringLiteral("list"),   QStringLiteral("patch"),
    QStringLiteral("update"), QStringLiteral("watch")};

ApiResource make(const char* group, const char* version, const char* plural, const char* singular,
                 const char* kind, bool namespaced, QStringList shortNames = {},
                 QStringList categories = {}, QStringList subresources = {},
                 QStringList verbs = kAllVerbs)
{
    ApiResource r;
    r.group = QString::fromLatin1(group);
    r.version = QString::fromLatin1(version);
    r.plural = QString::fromLatin1(plural);
    r.singular = QString::fromLatin1(singular);
    r.kind = QString::fromLatin1(kind);
    r.namespaced = namespaced;
    r.shortNames = std::move(shortNames);
    r.categories = std::move(categories);
    r.subresources = std::move(subresources);
    r.verbs = std::move(verbs);
    return r;
}

const QList<ApiResource>& builtins()
{
    static const QList<ApiResource> list = [] {
        const QStringList all{QStringLiteral("all")};
        const QStringList status{QStringLiteral("status")};
        const QStringList nsVerbs{QStringLiteral("create"), QStringLiteral("delete"),
                                  QStringLiteral("get"),    QStringLiteral("list"),
                                  QStringLiteral("patch"),  QStringLiteral("update"),
                                  QStringLiteral("watch")};
        const QStringList createOnly{QStringLiteral("create")};
        QList<ApiResource> l;
        l << make("", "v1", "configmaps", "configmap", "ConfigMap", true, {QStringLiteral("cm")})
          << make("", "v1", "endpoints", "endpoints", "Endpoints", true, {QStringLiteral("ep")})
          << make("", "v1", "events", "event", "Event", true, {QStringLiteral("ev")})
          << make("", "v1", "namespaces", "namespace", "Namespace", false, {QStringLiteral("ns")},
                  {}, {QStringLiteral("finalize"), QStringLiteral("status")}, nsVerbs)
          << make("", "v1", "nodes", "node", "Node", false, {QStringLiteral("no")}, {}, status)
          << make("", "v1", "pods", "pod", "Pod", true, {QStringLiteral("po")}, all,
                  {QStringLiteral("log"), QStringLiteral("status")})
          << make("", "v1", "services", "service", "Service", true, {QStringLiteral("svc")}, all,
                  status)
          << make("apiregistration.k8s.io", "v1", "apiservices", "apiservice", "APIService", false,
                  {}, {QStringLiteral("api-extensions")}, status)
          << make("apps", "v1", "deployments", "deployment", "Deployment", true,
                  {QStringLiteral("deploy")}, all,
                  {QStringLiteral("scale"), QStringLiteral("status")})
          << make("apps", "v1", "replicasets", "replicaset", "ReplicaSet", true,
                  {QStringLiteral("rs")}, all, {QStringLiteral("scale"), QStringLiteral("status")})
          << make("authorization.k8s.io", "v1", "selfsubjectaccessreviews",
                  "selfsubjectaccessreview", "SelfSubjectAccessReview", false, {}, {}, {},
                  createOnly)
          << make("authorization.k8s.io", "v1", "selfsubjectrulesreviews", "selfsubjectrulesreview",
                  "SelfSubjectRulesReview", false, {}, {}, {}, createOnly)
          << make("admissionregistration.k8s.io", "v1", "mutatingwebhookconfigurations",
                  "mutatingwebhookconfiguration", "MutatingWebhookConfiguration", false, {},
                  {QStringLiteral("api-extensions")})
          << make("admissionregistration.k8s.io", "v1", "validatingwebhookconfigurations",
                  "validatingwebhookconfiguration", "ValidatingWebhookConfiguration", false, {},
                  {QStringLiteral("api-extensions")})
          << make("apiextensions.k8s.io", "v1", "customresourcedefinitions",
                  "customresourcedefinition", "CustomResourceDefinition", false,
                  {QStringLiteral("crd"), QStringLiteral("crds")},
                  {QStringLiteral("api-extensions")}, status)
          << make("discovery.k8s.io", "v1", "endpointslices", "endpointslice", "EndpointSlice",
                  true);
        return l;
    }();
    return list;
}

// Resources of aggregated APIs the simulator knows (what their backends would report).
QList<ApiResource> aggregatedResources(const QString& group, const QString& version)
{
    const QStringList readOnly{QStringLiteral("get"), QStringLiteral("list")};
    QList<ApiResource> l;
    if (group == QLatin1String("metrics.k8s.io")) {
        const QByteArray v = version.toLatin1();
        l << make("metrics.k8s.io", v.constData(), "nodes", "", "NodeMetrics", false, {}, {}, {},
                  readOnly)
          << make("metrics.k8s.io", v.constData(), "pods", "", "PodMetrics", true, {}, {}, {},
                  readOnly);
    }
    return l;
}

QList<ApiResource> crdResources(const KubeStore& store)
{
    QList<ApiResource> out;
    for (const QJsonObject& crd :
         store.list(QStringLiteral("customresourcedefinitions.apiextensions.k8s.io"))) {
        const QJsonObject spec = crd.value(QLatin1String("spec")).toObject();
        const QJsonObject names = spec.value(QLatin1String("names")).toObject();
        for (const QJsonValue& v : spec.value(QLatin1String("versions")).toArray()) {
            const QJsonObject version = v.toObject();
            if (!version.value(QLatin1String("served")).toBool(true))
                continue;
            ApiResource r;
            r.group = spec.value(QLatin1String("group")).toString();
            r.version = version.value(QLatin1String("name")).toString();
            r.plural = names.value(QLatin1String("plural")).toString();
            r.singular = names.value(QLatin1String("singular")).toString();
            r.kind = names.value(QLatin1String("kind")).toString();
            r.namespaced =
                spec.value(QLatin1String("scope")).toString() != QLatin1String("Cluster");
            r.verbs = kAllVerbs;
            for (const QJsonValue& s : names.value(QLatin1String("shortNames")).toArray())
                r.shortNames << s.toString();
            for (const QJsonValue& c : names.value(QLatin1String("categories")).toArray())
                r.categories << c.toString();
            if (version.value(QLatin1String("subresources"))
                    .toObject()
                    .contains(QLatin1String("status")))
                r.subresources << QStringLiteral("status");
            r.custom = true;
            out << r;
        }
    }
    return out;
}

} // namespace

QString ApiResource::storeName() const
{
    return ApiCatalog::storeName(group, plural);
}

QString ApiResource::groupVersion() const
{
    return group.isEmpty() ? version : group + QLatin1Char('/') + version;
}

QString ApiGroupVersion::groupVersion() const
{
    return group.isEmpty() ? version : group + QLatin1Char('/') + version;
}

QString ApiCatalog::storeName(const QString& group, const QString& plural)
{
    return group.isEmpty() ? plural : plural + QLatin1Char('.') + group;
}

QList<ApiGroupVersion> ApiCatalog::groupVersions(const KubeStore& store)
{
    QList<ApiGroupVersion> out;
    auto add = [&out](const ApiResource& r, bool aggregated, bool available) {
        for (ApiGroupVersion& gv : out) {
            if (gv.group == r.group && gv.version == r.version) {
                gv.resources << r;
                return;
            }
        }
        out << ApiGroupVersion{r.group, r.version, aggregated, available, {r}};
    };
    for (const ApiResource& r : builtins())
        add(r, false, true);
    for (const ApiResource& r : crdResources(store))
        add(r, false, true);
    for (const QJsonObject& svc :
         store.list(QStringLiteral("apiservices.apiregistration.k8s.io"))) {
        const QJsonObject spec = svc.value(QLatin1String("spec")).toObject();
        if (spec.value(QLatin1String("service")).toObject().isEmpty())
            continue; // Local: served by the API server itself
        const QString group = spec.value(QLatin1String("group")).toString();
        const QString version = spec.value(QLatin1String("version")).toString();
        bool available = false;
        for (const QJsonValue& c : svc.value(QLatin1String("status"))
                                       .toObject()
                                       .value(QLatin1String("conditions"))
                                       .toArray()) {
            const QJsonObject cond = c.toObject();
            if (cond.value(QLatin1String("type")).toString() == QLatin1String("Available"))
                available = cond.value(QLatin1String("status")).toString() == QLatin1String("True");
        }
        ApiGroupVersion gv{group, version, true, available, aggregatedResources(group, version)};
        out << gv;
    }
    return out;
}

std::optional<ApiResource> ApiCatalog::find(const KubeStore& store, const QString& group,
                                            const QString& version, const QString& plural)
{
    for (const ApiGroupVersion& gv : groupVersions(store)) {
        if (gv.group != group || gv.version != version)
            continue;
        for (const ApiResource& r : gv.resources)
            if (r.plural == plural)
                return r;
    }
    return std::nullopt;
}

QList<ApiResource> ApiCatalog::deletableNamespacedResources(const KubeStore& store)
{
    QList<ApiResource> out;
    QStringList seen;
    for (const ApiResource& r : builtins() + crdResources(store)) {
        if (!r.namespaced || !r.verbs.contains(QLatin1String("delete")) ||
            seen.contains(r.storeName()))
            continue;
        seen << r.storeName();
        out << r;
    }
    return out;
}

QStringList ApiCatalog::unavailableGroupVersions(const KubeStore& store)
{
    QStringList out;
    for (const ApiGroupVersion& gv : groupVersions(store))
        if (gv.aggregated && !gv.available)
            out << gv.groupVersion();
    out.sort();
    out.removeDuplicates();
    return out;
}

QJsonObject ApiCatalog::apiResourceJson(const ApiResource& r)
{
    QJsonObject o{{QStringLiteral("name"), r.plural},
                  {QStringLiteral("singularName"), r.singular},
                  {QStringLiteral("namespaced"), r.namespaced},
                  {QStringLiteral("kind"), r.kind},
                  {QStringLiteral("verbs"), QJsonArray::fromStringList(r.verbs)}};
    if (!r.shortNames.isEmpty())
        o.insert(QStringLiteral("shortNames"), QJsonArray::fromStringList(r.shortNames));
    if (!r.categories.isEmpty())
        o.insert(QStringLiteral("categories"), QJsonArray::fromStringList(r.categories));
    return o;
}

} // namespace unstuck::sim
