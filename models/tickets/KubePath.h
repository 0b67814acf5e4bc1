// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace unstuck {

// A Kubernetes REST path taken apart: "/api/v1/namespaces/kube-system/pods?labelSelector=a%3Db"
// → group "", version v1, namespace kube-system, resource pods, selectors.
struct KubePath
{
    QString group; // "" for the core group
    QString version;
    QString ns;
    QString resource; // plural, "" for discovery paths
    QString name;
    QString subresource; // "log", "status", "finalize"
    QMap<QString, QString> query;
    bool isDiscovery() const { return resource.isEmpty(); }
    QString groupVersion() const
    {
        return group.isEmpty() ? version : group + QLatin1Char('/') + version;
    }

    static KubePath parse(const QString& pathWithQuery);

    // Kind <-> resource for the kinds a diagnosis reads ("pods" <-> "Pod").
    static QString kindForResource(const QString& resource);
    static QString resourceForKind(const QString& kind);
    static bool isClusterScoped(const QString& kind);

    // Simple label/field selector matching (k=v, k==v, k!=v, comma = and; "k" = exists).
    static bool matchesLabelSelector(const QJsonObject& object, const QString& selector);
    static bool matchesFieldSelector(const QJsonObject& object, const QString& selector);
};

} // namespace unstuck
