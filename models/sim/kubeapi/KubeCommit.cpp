// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/kubeapi/KubeCommit.h"

#include "models/sim/ApiCatalog.h"
#include "models/sim/KubeStore.h"
#include "models/sim/kubeapi/KubeHandler.h"

#include <QJsonArray>
#include <QUuid>

namespace unstuck::sim {

using namespace Qt::StringLiterals;

namespace {

QJsonObject metaOf(const QJsonObject& o)
{
    return o.value(u"metadata"_s).toObject();
}

// What a manager can own: the object without its type, identity and server-set metadata, and
// with status only when the write went through /status.
QJsonObject ownable(QJsonObject o, const QString& subresource)
{
    QJsonObject m = metaOf(o);
    for (const QString& k :
         {u"managedFields"_s, u"resourceVersion"_s, u"uid"_s, u"creationTimestamp"_s,
          u"generation"_s, u"name"_s, u"namespace"_s, u"deletionTimestamp"_s,
          u"deletionGracePeriodSeconds"_s, u"selfLink"_s})
        m.remove(k);
    o.insert(u"metadata"_s, m);
    o.remove(u"apiVersion"_s);
    o.remove(u"kind"_s);
    if (subresource == u"status"_s)
        return QJsonObject{{u"status"_s, o.value(u"status"_s)}};
    o.remove(u"status"_s);
    return o;
}

// The fields a write set, as a FieldsV1 set: every member whose value changed.
QJsonObject changedFields(const QJsonObject& before, const QJsonObject& after)
{
    QJsonObject out;
    for (auto it = after.begin(); it != after.end(); ++it) {
        const QJsonValue old = before.value(it.key());
        if (old == it.value())
            continue;
        QJsonObject child;
        if (it.value().isObject() && (old.isObject() || old.isUndefined()))
            child = changedFields(old.toObject(), it.value().toObject());
        out.insert(u"f:"_s + it.key(), child);
    }
    return out;
}

QJsonObject unite(QJsonObject a, const QJsonObject& b)
{
    for (auto it = b.begin(); it != b.end(); ++it)
        a.insert(it.key(), unite(a.value(it.key()).toObject(), it.value().toObject()));
    return a;
}

} // namespace

KubeCommit::KubeCommit(KubeStore& store, const KubeWriteOptions& options)
    : m_store(store), m_options(options)
{}

QJsonObject KubeCommit::create(const ApiResource& resource, QJsonObject object)
{
    recordManager({}, &object, resource, {}, u"Update"_s);
    if (!dryRun())
        return m_store.put(resource.storeName(), object);
    // What BeforeCreate fills in; storage would add the resourceVersion.
    QJsonObject m = metaOf(object);
    m.insert(u"uid"_s, QUuid::createUuid().toString(QUuid::WithoutBraces));
    m.insert(u"creationTimestamp"_s, KubeHandler::now());
    object.insert(u"metadata"_s, m);
    return object;
}

QJsonObject KubeCommit::update(const ApiResource& resource, const QJsonObject& existing,
                               QJsonObject next, const QString& subresource,
                               const QString& operation)
{
    recordManager(existing, &next, resource, subresource,
                  operation.isEmpty() ? u"Update"_s : operation);
    const QJsonObject m = metaOf(next);
    const bool deleting = !m.value(u"deletionTimestamp"_s).toString().isEmpty();
    bool finalizersLeft = !m.value(u"finalizers"_s).toArray().isEmpty();
    if (resource.plural == u"namespaces"_s && resource.group.isEmpty())
        finalizersLeft =
            finalizersLeft ||
            !next.value(u"spec"_s).toObject().value(u"finalizers"_s).toArray().isEmpty();
    if (deleting && !finalizersLeft) {
        // The last finalizer is gone: the object leaves storage.
        remove(resource, m.value(u"namespace"_s).toString(), m.value(u"name"_s).toString());
        return next;
    }
    if (!dryRun())
        return m_store.put(resource.storeName(), next);
    QJsonObject previewMeta = m;
    previewMeta.insert(u"resourceVersion"_s, metaOf(existing).value(u"resourceVersion"_s));
    next.insert(u"metadata"_s, previewMeta);
    return next;
}

void KubeCommit::remove(const ApiResource& resource, const QString& ns, const QString& name)
{
    if (!dryRun())
        m_store.remove(resource.storeName(), ns, name);
}

// managedFields: one entry per (manager, operation, subresource), owning what its writes set.
void KubeCommit::recordManager(const QJsonObject& before, QJsonObject* after,
                               const ApiResource& resource, const QString& subresource,
                               const QString& operation) const
{
    const QJsonObject changed =
        changedFields(ownable(before, subresource), ownable(*after, subresource));
    QJsonObject m = metaOf(*after);
    QJsonArray entries = m.value(u"managedFields"_s).toArray();
    QJsonObject entry{{u"manager"_s, m_options.fieldManager},     {u"operation"_s, operation},
                      {u"apiVersion"_s, resource.groupVersion()}, {u"time"_s, KubeHandler::now()},
                      {u"fieldsType"_s, u"FieldsV1"_s},           {u"fieldsV1"_s, changed}};
    if (!subresource.isEmpty())
        entry.insert(u"subresource"_s, subresource);
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject old = entries.at(i).toObject();
        if (old.value(u"manager"_s) != entry.value(u"manager"_s) ||
            old.value(u"operation"_s) != entry.value(u"operation"_s) ||
            old.value(u"subresource"_s) != entry.value(u"subresource"_s))
            continue;
        entry.insert(u"fieldsV1"_s, unite(old.value(u"fieldsV1"_s).toObject(), changed));
        entries.removeAt(i);
        break;
    }
    if (changed.isEmpty() && entry.value(u"fieldsV1"_s).toObject().isEmpty())
        return; // nothing set, nothing owned
    entries.append(entry);
    m.insert(u"managedFields"_s, entries);
    after->insert(u"metadata"_s, m);
}

} // namespace unstuck::sim
