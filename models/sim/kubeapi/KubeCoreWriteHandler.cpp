// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/kubeapi/KubeCoreWriteHandler.h"

#include "models/sim/ApiCatalog.h"
#include "models/sim/CertificateFactory.h"
#include "models/sim/JsonPatch.h"
#include "models/sim/KubeProtobuf.h"
#include "models/sim/KubeStore.h"
#include "models/sim/SimWorld.h"
#include "models/sim/kubeapi/KubeCommit.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace unstuck::sim {

namespace {

QString randomSuffix(int length)
{
    static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    QString out;
    for (int i = 0; i < length; ++i)
        out += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(27)]);
    return out;
}

} // namespace

KubeCoreWriteHandler::KubeCoreWriteHandler(SimWorld& world, const CertificateFactory& certificates)
    : KubeHandler(world), m_certificates(certificates)
{}

HttpResponse KubeCoreWriteHandler::create(const HttpRequest& request, const ApiResource& resource,
                                          const QString& ns, const KubeWriteOptions& options)
{
    QJsonObject o;
    if (auto error = readBody(request, resource, &o))
        return *error;
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
    if (auto error = placeInNamespace(resource, ns, name, &m))
        return *error;
    if (store.get(resource.storeName(), resource.namespaced ? ns : QString(), name)) {
        return status(
            409, QStringLiteral("AlreadyExists"),
            QStringLiteral("%1 \"%2\" already exists")
                .arg(qualified(resource.group, resource.plural), name),
            QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("kind"), resource.plural}});
    }
    if (auto denied = admit(QStringLiteral("CREATE"), resource, options.dryRun))
        return *denied;
    for (const QString& k :
         {QStringLiteral("uid"), QStringLiteral("resourceVersion"),
          QStringLiteral("creationTimestamp"), QStringLiteral("deletionTimestamp")})
        m.remove(k);
    if (auto error = applyCreateDefaults(resource, name, &o, &m))
        return *error;
    o.insert(QStringLiteral("metadata"), m);
    o = withTypeMeta(o, resource);
    const QJsonObject stored = KubeCommit(store, options).create(resource, o);
    if (resource.plural == QLatin1String("namespaces") && resource.group.isEmpty() &&
        !options.dryRun)
        publishRootCa(name);
    return ok(stored, 201);
}

// Sets metadata.namespace of a new object: the request's namespace, which must exist and not be
// terminating, for a namespaced type; none for a cluster-scoped one.
std::optional<HttpResponse> KubeCoreWriteHandler::placeInNamespace(const ApiResource& resource,
                                                                   const QString& ns,
                                                                   const QString& name,
                                                                   QJsonObject* m) const
{
    const KubeStore& store = m_world.kube();
    if (resource.namespaced) {
        const QString bodyNs = m->value(QLatin1String("namespace")).toString();
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
        m->insert(QStringLiteral("namespace"), ns);
    } else {
        m->remove(QStringLiteral("namespace"));
    }
    return std::nullopt;
}

// What the API server fills in on create: a namespace's name label, finalizer and phase (after
// validating its name), no status for an APIService, one replica for a Deployment.
std::optional<HttpResponse> KubeCoreWriteHandler::applyCreateDefaults(const ApiResource& resource,
                                                                      const QString& name,
                                                                      QJsonObject* o,
                                                                      QJsonObject* m)
{
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
        QJsonObject labels = m->value(QLatin1String("labels")).toObject();
        labels.insert(QStringLiteral("kubernetes.io/metadata.name"), name);
        m->insert(QStringLiteral("labels"), labels);
        o->insert(QStringLiteral("spec"), QJsonObject{{QStringLiteral("finalizers"),
                                                       QJsonArray{QStringLiteral("kubernetes")}}});
        o->insert(QStringLiteral("status"),
                  QJsonObject{{QStringLiteral("phase"), QStringLiteral("Active")}});
    }
    if (resource.plural == QLatin1String("apiservices")) {
        // Name must be <version>.<group>; status comes from the aggregator.
        o->remove(QStringLiteral("status"));
    }
    if (resource.plural == QLatin1String("deployments")) {
        QJsonObject spec = o->value(QLatin1String("spec")).toObject();
        if (!spec.contains(QLatin1String("replicas")))
            spec.insert(QStringLiteral("replicas"), 1);
        o->insert(QStringLiteral("spec"), spec);
    }
    return std::nullopt;
}

// The root-ca-cert-publisher controller's ConfigMap, present in every namespace.
void KubeCoreWriteHandler::publishRootCa(const QString& ns)
{
    m_world.kube().put(
        QStringLiteral("configmaps"),
        QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                    {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
                    {QStringLiteral("metadata"),
                     QJsonObject{{QStringLiteral("name"), QStringLiteral("kube-root-ca.crt")},
                                 {QStringLiteral("namespace"), ns}}},
                    {QStringLiteral("data"),
                     QJsonObject{{QStringLiteral("ca.crt"),
                                  QString::fromLatin1(m_certificates.caCertificatePem())}}}});
}

HttpResponse KubeCoreWriteHandler::update(const HttpRequest& request, const ApiResource& resource,
                                          const QString& ns, const QString& name,
                                          const QString& subresource,
                                          const KubeWriteOptions& options)
{
    KubeStore& store = m_world.kube();
    const auto existing = store.get(resource.storeName(), ns, name);
    if (!existing)
        return notFound(resource.group, resource.plural, name);
    QJsonObject next;
    if (auto error = readUpdateBody(request, resource, name, *existing, &next))
        return *error;
    if (auto stale = staleResourceVersion(resource, *existing, next))
        return *stale;
    keepServerMetadata(*existing, subresource, &next);
    if (auto error = applySubresource(request, resource, subresource, *existing, &next))
        return *error;
    if (subresource.isEmpty())
        if (auto denied = admit(QStringLiteral("UPDATE"), resource, options.dryRun))
            return *denied;
    next = withTypeMeta(next, resource);
    const QString operation = request.header("content-type").startsWith("application/apply-patch")
                                  ? QStringLiteral("Apply")
                                  : QStringLiteral("Update");
    return ok(withTypeMeta(
        KubeCommit(store, options).update(resource, *existing, next, subresource, operation),
        resource));
}

// The object an update sends (PUT) or the existing one with the patch applied (PATCH); the
// error to answer otherwise (bad media type, body or name; a patch that does not apply).
std::optional<HttpResponse> KubeCoreWriteHandler::readUpdateBody(const HttpRequest& request,
                                                                 const ApiResource& resource,
                                                                 const QString& name,
                                                                 const QJsonObject& existing,
                                                                 QJsonObject* next)
{
    const QByteArray contentType = request.header("content-type");
    if (request.method == "PATCH") {
        JsonPatch::Failure failure;
        const auto patched =
            JsonPatch::apply(withTypeMeta(existing, resource), request.body, contentType, &failure);
        if (!patched)
            return patchRefused(failure.status, failure.reason, failure.message);
        *next = *patched;
        return std::nullopt;
    }
    if (!isJsonContentType(contentType))
        return unsupportedMediaType();
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    if (!doc.isObject())
        return status(400, QStringLiteral("BadRequest"),
                      QStringLiteral("the object provided is unrecognized (must be of type %1)")
                          .arg(resource.kind));
    *next = doc.object();
    const QString bodyName = meta(*next).value(QLatin1String("name")).toString();
    if (!bodyName.isEmpty() && bodyName != name)
        return status(
            400, QStringLiteral("BadRequest"),
            QStringLiteral("the name of the object (%1) does not match the name on the URL (%2)")
                .arg(bodyName, name));
    return std::nullopt;
}

// Identity and server-owned metadata never change through an update; a spec change is a new
// generation (controllers report observedGeneration).
void KubeCoreWriteHandler::keepServerMetadata(const QJsonObject& existing,
                                              const QString& subresource, QJsonObject* next)
{
    QJsonObject m = meta(*next);
    const QJsonObject oldMeta = meta(existing);
    for (const QString& k :
         {QStringLiteral("name"), QStringLiteral("namespace"), QStringLiteral("uid"),
          QStringLiteral("creationTimestamp"), QStringLiteral("deletionTimestamp")}) {
        if (oldMeta.contains(k))
            m.insert(k, oldMeta.value(k));
        else
            m.remove(k);
    }
    if (subresource.isEmpty() &&
        next->value(QLatin1String("spec")) != existing.value(QLatin1String("spec")) &&
        oldMeta.contains(QLatin1String("generation")))
        m.insert(QStringLiteral("generation"),
                 oldMeta.value(QLatin1String("generation")).toInt(1) + 1);
    next->insert(QStringLiteral("metadata"), m);
}

// What each part of an update may change: a namespace's spec.finalizers only through
// /finalize, status only through /status, the rest only through the object itself.
std::optional<HttpResponse> KubeCoreWriteHandler::applySubresource(const HttpRequest& request,
                                                                   const ApiResource& resource,
                                                                   const QString& subresource,
                                                                   const QJsonObject& existing,
                                                                   QJsonObject* next)
{
    const bool isNamespace =
        resource.plural == QLatin1String("namespaces") && resource.group.isEmpty();
    if (isNamespace) {
        QJsonObject spec = existing.value(QLatin1String("spec")).toObject();
        if (subresource == QLatin1String("finalize")) {
            // Only /finalize changes spec.finalizers; status is kept.
            if (request.method != "PUT")
                return methodNotAllowed();
            spec.insert(QStringLiteral("finalizers"), next->value(QLatin1String("spec"))
                                                          .toObject()
                                                          .value(QLatin1String("finalizers"))
                                                          .toArray());
            next->insert(QStringLiteral("status"), existing.value(QLatin1String("status")));
        } else if (subresource == QLatin1String("status")) {
            next->insert(QStringLiteral("metadata"), meta(existing));
        } else {
            next->insert(QStringLiteral("status"), existing.value(QLatin1String("status")));
        }
        next->insert(QStringLiteral("spec"), spec);
    } else if (subresource == QLatin1String("status")) {
        QJsonObject status = existing;
        status.insert(QStringLiteral("status"), next->value(QLatin1String("status")));
        *next = status;
    }
    return std::nullopt;
}

// DeleteOptions.preconditions: a uid or resourceVersion that is not the object's is a 409 (for a
// namespace its registry says so directly, elsewhere the storage layer's error is wrapped).
std::optional<HttpResponse>
KubeCoreWriteHandler::failedPrecondition(const ApiResource& resource, const QJsonObject& existing,
                                         const KubeWriteOptions& options)
{
    const QJsonObject m = meta(existing);
    QString cause;
    const QString uid = m.value(QLatin1String("uid")).toString();
    const QString rv = m.value(QLatin1String("resourceVersion")).toString();
    if (options.preconditionUid && *options.preconditionUid != uid)
        cause =
            QStringLiteral("Precondition failed: UID in precondition: %1, UID in object meta: %2")
                .arg(*options.preconditionUid, uid);
    else if (options.preconditionResourceVersion && *options.preconditionResourceVersion != rv)
        cause = QStringLiteral("Precondition failed: ResourceVersion in precondition: %1, "
                               "ResourceVersion in object meta: %2")
                    .arg(*options.preconditionResourceVersion, rv);
    if (cause.isEmpty())
        return std::nullopt;
    const QString name = m.value(QLatin1String("name")).toString();
    if (!(resource.plural == QLatin1String("namespaces") && resource.group.isEmpty())) {
        const QString ns = m.value(QLatin1String("namespace")).toString();
        const bool prefixed = !resource.group.isEmpty() && resource.group != QLatin1String("apps");
        const QString key = QStringLiteral("/registry/%1%2%3/%4")
                                .arg(prefixed ? resource.group + QLatin1Char('/') : QString(),
                                     resource.plural, ns.isEmpty() ? QString() : u'/' + ns, name);
        cause =
            QStringLiteral("StorageError: invalid object, Code: 4, Key: %1, ResourceVersion: 0, "
                           "AdditionalErrorMsg: %2")
                .arg(key, cause);
    }
    return conflict(resource.group, resource.plural, name, cause);
}

HttpResponse KubeCoreWriteHandler::remove(const ApiResource& resource, const QString& ns,
                                          const QString& name, const KubeWriteOptions& options)
{
    KubeStore& store = m_world.kube();
    const auto existing = store.get(resource.storeName(), ns, name);
    if (!existing)
        return notFound(resource.group, resource.plural, name);
    if (auto failed = failedPrecondition(resource, *existing, options))
        return *failed;
    KubeCommit commit(store, options);
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
        return ok(withTypeMeta(commit.update(resource, *existing, o, {}), resource));
    }
    if (auto denied = admit(QStringLiteral("DELETE"), resource, options.dryRun))
        return *denied;
    if (!m.value(QLatin1String("finalizers")).toArray().isEmpty()) {
        if (m.value(QLatin1String("deletionTimestamp")).toString().isEmpty()) {
            m.insert(QStringLiteral("deletionTimestamp"), now());
            m.insert(QStringLiteral("deletionGracePeriodSeconds"), 0);
            o.insert(QStringLiteral("metadata"), m);
            o = commit.update(resource, *existing, o, {});
        }
        return ok(withTypeMeta(o, resource));
    }
    commit.remove(resource, ns, name);
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

} // namespace unstuck::sim
