// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/probes/KubeFacts.h"

#include <QHostAddress>
#include <QUrl>

namespace unstuck::facts {

QJsonValue at(const QJsonObject& object, const QString& dottedPath)
{
    QJsonValue value = object;
    for (const QString& key : dottedPath.split(QLatin1Char('.'))) {
        if (!value.isObject())
            return QJsonValue(QJsonValue::Undefined);
        value = value.toObject().value(key);
    }
    return value;
}

QString str(const QJsonObject& object, const QString& dottedPath)
{
    return at(object, dottedPath).toString();
}

std::optional<QJsonObject> condition(const QJsonObject& object, const QString& type)
{
    const QJsonArray conditions = at(object, QStringLiteral("status.conditions")).toArray();
    for (const QJsonValue& value : conditions)
        if (value.toObject().value(QStringLiteral("type")).toString() == type)
            return value.toObject();
    return std::nullopt;
}

QString name(const QJsonObject& object)
{
    return str(object, QStringLiteral("metadata.name"));
}

QString ns(const QJsonObject& object)
{
    return str(object, QStringLiteral("metadata.namespace"));
}

std::optional<ProviderId> alibabaProviderId(const QString& providerId)
{
    QString text = providerId;
    if (text.startsWith(QStringLiteral("alicloud://")))
        text = text.mid(11);
    if (text.contains(QStringLiteral("://")))
        return std::nullopt;
    const int dot = text.indexOf(QLatin1Char('.'));
    if (dot <= 0 || dot == text.size() - 1)
        return std::nullopt;
    return ProviderId{text.left(dot), text.mid(dot + 1)};
}

QString podCidr(const QJsonObject& node)
{
    const QJsonArray cidrs = at(node, QStringLiteral("spec.podCIDRs")).toArray();
    for (const QJsonValue& cidr : cidrs)
        if (!cidr.toString().contains(QLatin1Char(':')))
            return cidr.toString();
    return str(node, QStringLiteral("spec.podCIDR"));
}

QString internalIp(const QJsonObject& node)
{
    const QJsonArray addresses = at(node, QStringLiteral("status.addresses")).toArray();
    for (const QJsonValue& address : addresses)
        if (address.toObject().value(QStringLiteral("type")).toString() ==
            QStringLiteral("InternalIP"))
            return address.toObject().value(QStringLiteral("address")).toString();
    return {};
}

bool isControlPlane(const QJsonObject& node)
{
    const QJsonObject labels = at(node, QStringLiteral("metadata.labels")).toObject();
    return labels.contains(QStringLiteral("node-role.kubernetes.io/control-plane")) ||
           labels.contains(QStringLiteral("node-role.kubernetes.io/master"));
}

bool podReady(const QJsonObject& pod)
{
    const auto ready = condition(pod, QStringLiteral("Ready"));
    return ready && ready->value(QStringLiteral("status")).toString() == QStringLiteral("True");
}

bool cidrContains(const QString& cidr, const QString& ip)
{
    const auto subnet = QHostAddress::parseSubnet(cidr);
    const QHostAddress address(ip);
    if (subnet.first.isNull() || address.isNull())
        return false;
    return address.isInSubnet(subnet);
}

QString kubectl(const QString& verbAndWhat, const QString& ns)
{
    if (ns.isEmpty())
        return QStringLiteral("kubectl ") + verbAndWhat;
    return QStringLiteral("kubectl -n %1 %2").arg(ns, verbAndWhat);
}

QString aliyun(const QString& product, const QString& action,
               const QList<std::pair<QString, QString>>& params)
{
    QString command = QStringLiteral("aliyun %1 %2").arg(product, action);
    for (const auto& [key, value] : params) {
        QString shown = value;
        if (shown.contains(QLatin1Char(' ')) || shown.contains(QLatin1Char('"')) ||
            shown.contains(QLatin1Char('[')))
            shown = QLatin1Char('\'') + shown + QLatin1Char('\'');
        command += QStringLiteral(" --%1 %2").arg(key, shown);
    }
    return command;
}

QString urlEncode(const QString& text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

} // namespace unstuck::facts
