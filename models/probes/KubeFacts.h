// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <optional>

namespace unstuck {

// Small readers for the Kubernetes and cloud JSON the probes get back.
namespace facts {

// "a.b.c" walks nested objects; a missing key gives an undefined value.
QJsonValue at(const QJsonObject& object, const QString& dottedPath);
QString str(const QJsonObject& object, const QString& dottedPath);
// The condition of `type` in status.conditions, if present.
std::optional<QJsonObject> condition(const QJsonObject& object, const QString& type);
QString name(const QJsonObject& object);
QString ns(const QJsonObject& object);

// Alibaba providerID "<region>.<instance-id>" (optional "alicloud://" prefix).
struct ProviderId
{
    QString region, instanceId;
};
std::optional<ProviderId> alibabaProviderId(const QString& providerId);

// First IPv4 pod CIDR of a node (spec.podCIDRs, then spec.podCIDR).
QString podCidr(const QJsonObject& node);
QString internalIp(const QJsonObject& node);
bool isControlPlane(const QJsonObject& node);
bool podReady(const QJsonObject& pod);
// Whether an IPv4 address lies inside an IPv4 CIDR.
bool cidrContains(const QString& cidr, const QString& ip);
// "kubectl get <what>" with -n when namespaced.
QString kubectl(const QString& verbAndWhat, const QString& ns = {});
// "aliyun <product> <Action> --K V ..." as the aliyun CLI takes it.
QString aliyun(const QString& product, const QString& action,
               const QList<std::pair<QString, QString>>& params);
QString urlEncode(const QString& text);

} // namespace facts
} // namespace unstuck
