// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace unstuck {

// Region and instance facts read from Kubernetes nodes (reference §6: labels first, in the
// CSI driver's order, then spec.providerID "<region>.<instance-id>").
class CloudRegion
{
public:
    // The first region found across the nodes, with where it came from in *evidence
    // ("node cn-hangzhou.192.168.0.193 label topology.kubernetes.io/region").
    static QString fromNodes(const QList<QJsonObject>& nodes, QString* evidence = nullptr);
    static QString regionOfNode(const QJsonObject& node, QString* evidence = nullptr);
    static QString instanceOfNode(const QJsonObject& node);
    // "cn-hangzhou.i-bp1…" (optionally "alicloud://…") → {region, instance}; empty on bad input.
    static std::pair<QString, QString> splitProviderId(const QString& providerId);
};

} // namespace unstuck
