// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sim/StoredObject.h"

#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QStringList>
#include <optional>

namespace unstuck::sim {

// The simulated cluster's object store (the "etcd" of the world). Objects are the real
// Kubernetes JSON. A resource is named by its lower-case plural plus, outside the core group,
// ".<group>": "pods", "nodes", "deployments.apps", "apiservices.apiregistration.k8s.io",
// "endpointslices.discovery.k8s.io". Cluster-scoped objects use an empty namespace.
class KubeStore : public QObject
{
    Q_OBJECT
public:
    explicit KubeStore(QObject* parent = nullptr);

    std::optional<QJsonObject> get(const QString& resource, const QString& ns,
                                   const QString& name) const;
    // All objects of a resource; an empty ns lists every namespace. Sorted by ns, then name.
    QList<QJsonObject> list(const QString& resource, const QString& ns = {}) const;
    // The same objects with their cached wire bytes, for list answers.
    QList<StoredObject> listStored(const QString& resource, const QString& ns = {}) const;
    // Creates or replaces. Fills metadata.uid and creationTimestamp when absent and bumps
    // metadata.resourceVersion. Returns the stored object.
    QJsonObject put(const QString& resource, QJsonObject object);
    bool remove(const QString& resource, const QString& ns, const QString& name);

    // Container log lines of a pod (what GET .../pods/{name}/log returns), oldest first.
    void appendPodLog(const QString& ns, const QString& pod, const QString& line);
    QStringList podLog(const QString& ns, const QString& pod) const;
    // When each line was appended (ms since epoch), parallel to podLog().
    QList<qint64> podLogTimes(const QString& ns, const QString& pod) const;

    // Files a core/v1 Event like a real component does: an existing event with the same
    // involved object, reason and message gets its count and lastTimestamp bumped.
    // involvedObject is {kind, name, namespace?, uid?, apiVersion?}.
    void recordEvent(const QString& ns, const QJsonObject& involvedObject, const QString& type,
                     const QString& reason, const QString& message, const QString& component);

    qint64 resourceVersion() const;

    // Whether a CustomResourceDefinition serves this resource ("backups.example.com"): its
    // list items keep apiVersion and kind.
    bool isCustom(const QString& resource) const;

Q_SIGNALS:
    void changed(const QString& resource);

private:
    void warmSome();

    // Implementation detail owned by the simulator's Kubernetes side.
    // resource -> namespace -> name -> object, both levels sorted: a list is in kubectl's
    // order without sorting, and one namespace's list does not walk every other's (the
    // namespace controller lists per namespace; with 10,000 nodes that was quadratic).
    QHash<QString, QMap<QString, QMap<QString, StoredObject>>> m_objects;
    QHash<QString, QStringList> m_logs;       // "ns/pod" -> lines
    QHash<QString, QList<qint64>> m_logTimes; // "ns/pod" -> append times
    qint64 m_resourceVersion = 1000;
    // Objects written whose list bytes are not built yet: built a few per event-loop turn while
    // the simulator is idle, so the first list of a large cluster does not serialise thousands
    // of objects at once while every other answer waits.
    QList<std::pair<QString, StoredObject>> m_unwarmed;
    bool m_warmScheduled = false;
};

} // namespace unstuck::sim
