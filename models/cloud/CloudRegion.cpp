// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/cloud/CloudRegion.h"

#include <QStringList>

namespace unstuck {

namespace {

QJsonObject labelsOf(const QJsonObject& node)
{
    return node.value(QLatin1String("metadata"))
        .toObject()
        .value(QLatin1String("labels"))
        .toObject();
}

QString nameOf(const QJsonObject& node)
{
    return node.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
}

} // namespace

std::pair<QString, QString> CloudRegion::splitProviderId(const QString& providerId)
{
    QString id = providerId;
    if (id.startsWith(QLatin1String("alicloud://")))
        id = id.mid(11);
    const qsizetype dot = id.indexOf(QLatin1Char('.'));
    if (dot <= 0 || dot == id.size() - 1)
        return {};
    return {id.left(dot), id.mid(dot + 1)};
}

QString CloudRegion::regionOfNode(const QJsonObject& node, QString* evidence)
{
    const QJsonObject labels = labelsOf(node);
    for (const char* key :
         {"topology.kubernetes.io/region", "failure-domain.beta.kubernetes.io/region",
          "alibabacloud.com/ecs-region-id"}) {
        const QString value = labels.value(QLatin1String(key)).toString();
        if (!value.isEmpty()) {
            if (evidence)
                *evidence =
                    QStringLiteral("node %1 label %2").arg(nameOf(node), QLatin1String(key));
            return value;
        }
    }
    const QString providerId =
        node.value(QLatin1String("spec")).toObject().value(QLatin1String("providerID")).toString();
    const QString region = splitProviderId(providerId).first;
    if (!region.isEmpty() && evidence)
        *evidence = QStringLiteral("node %1 spec.providerID %2").arg(nameOf(node), providerId);
    return region;
}

QString CloudRegion::instanceOfNode(const QJsonObject& node)
{
    const QJsonObject labels = labelsOf(node);
    for (const char* key : {"alibabacloud.com/instance-id", "alibabacloud.com/ecs-instance-id"}) {
        const QString value = labels.value(QLatin1String(key)).toString();
        if (!value.isEmpty())
            return value;
    }
    return splitProviderId(node.value(QLatin1String("spec"))
                               .toObject()
                               .value(QLatin1String("providerID"))
                               .toString())
        .second;
}

QString CloudRegion::fromNodes(const QList<QJsonObject>& nodes, QString* evidence)
{
    for (const QJsonObject& node : nodes) {
        const QString region = regionOfNode(node, evidence);
        if (!region.isEmpty())
            return region;
    }
    return {};
}

} // namespace unstuck
