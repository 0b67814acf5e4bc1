// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace unstuck::sim {

class KubeStore;

// One served resource type, as discovery describes it.
struct ApiResource
{
    QString group; // "" for the core group
    QString version;
    QString plural;
    QString singular;
    QString kind;
    bool namespaced = true;
    QStringList verbs;
    QStringList shortNames;
    QStringList categories;
    QStringList subresources; // "status", "log", "finalize", "scale"
    bool custom = false;      // defined by a CustomResourceDefinition

    // The KubeStore resource name: "pods", "deployments.apps".
    QString storeName() const;
    QString groupVersion() const; // "v1", "apps/v1"
};

// One group/version of the discovery documents.
struct ApiGroupVersion
{
    QString group;
    QString version;
    bool aggregated = false; // served by an APIService with spec.service
    bool available = true;   // false: the APIService's Available condition is not True
    QList<ApiResource> resources;

    QString groupVersion() const;
};

// What the simulated API server serves: the built-in types, the CRDs in the store and the
// aggregated APIServices (from their spec and their Available condition).
class ApiCatalog
{
public:
    static QList<ApiGroupVersion> groupVersions(const KubeStore& store);
    static std::optional<ApiResource> find(const KubeStore& store, const QString& group,
                                           const QString& version, const QString& plural);
    // Every namespaced type the namespace controller can list and delete (built-in + CRDs).
    static QList<ApiResource> deletableNamespacedResources(const KubeStore& store);
    // Sorted "<g>/<v>" of aggregated group versions that are unavailable.
    static QStringList unavailableGroupVersions(const KubeStore& store);
    // The stored resource name for a kind's plural within a group ("configmaps", "x.example.com").
    static QString storeName(const QString& group, const QString& plural);
    static QJsonObject apiResourceJson(const ApiResource& resource);
};

} // namespace unstuck::sim
