// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/tickets/KubePath.h"

#include <QHash>
#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>

namespace unstuck {
namespace {

const QHash<QString, QString>& resourceToKind()
{
    static const QHash<QString, QString> map = {
        {QStringLiteral("namespaces"), QStringLiteral("Namespace")},
        {QStringLiteral("nodes"), QStringLiteral("Node")},
        {QStringLiteral("pods"), QStringLiteral("Pod")},
        {QStringLiteral("services"), QStringLiteral("Service")},
        {QStringLiteral("endpoints"), QStringLiteral("Endpoints")},
        {QStringLiteral("endpointslices"), QStringLiteral("EndpointSlice")},
        {QStringLiteral("events"), QStringLiteral("Event")},
        {QStringLiteral("configmaps"), QStringLiteral("ConfigMap")},
        {QStringLiteral("deployments"), QStringLiteral("Deployment")},
        {QStringLiteral("daemonsets"), QStringLiteral("DaemonSet")},
        {QStringLiteral("apiservices"), QStringLiteral("APIService")},
        {QStringLiteral("validatingwebhookconfigurations"),
         QStringLiteral("ValidatingWebhookConfiguration")},
        {QStringLiteral("mutatingwebhookconfigurations"),
         QStringLiteral("MutatingWebhookConfiguration")},
        {QStringLiteral("customresourcedefinitions"), QStringLiteral("CustomResourceDefinition")},
    };
    return map;
}

// Reads a dotted field path ("status.phase", "involvedObject.name") as a string.
QString fieldValue(const QJsonObject& object, const QString& path)
{
    QJsonValue value = object;
    for (const QString& part : path.split(QLatin1Char('.')))
        value = value.toObject().value(part);
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return value.toString();
}

template <typename Lookup> bool matchesSelector(const QString& selector, Lookup lookup)
{
    for (const QString& rawTerm : selector.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString term = rawTerm.trimmed();
        if (const int ne = term.indexOf(QLatin1String("!=")); ne > 0) {
            if (lookup(term.left(ne).trimmed()).value_or(QString()) == term.mid(ne + 2).trimmed())
                return false;
            continue;
        }
        const int eq = term.indexOf(QLatin1Char('='));
        if (eq < 0) {
            if (!lookup(term).has_value())
                return false;
            continue;
        }
        const QString key = term.left(eq).trimmed();
        QString value = term.mid(eq + 1);
        if (value.startsWith(QLatin1Char('=')))
            value.remove(0, 1);
        if (lookup(key).value_or(QString()) != value.trimmed())
            return false;
    }
    return true;
}

} // namespace

KubePath KubePath::parse(const QString& pathWithQuery)
{
    KubePath result;
    const QUrl url(QStringLiteral("https://x") + pathWithQuery);
    for (const auto& item : QUrlQuery(url).queryItems(QUrl::FullyDecoded))
        result.query.insert(item.first, item.second);
    QStringList parts = url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return result;
    if (parts.first() == QLatin1String("api")) {
        parts.removeFirst();
    } else if (parts.first() == QLatin1String("apis") && parts.size() >= 2) {
        parts.removeFirst();
        result.group = parts.takeFirst();
    } else {
        return result;
    }
    if (parts.isEmpty())
        return result;
    result.version = parts.takeFirst();
    // "namespaces/{ns}/{resource}…" is namespaced unless the third part is a namespace
    // subresource ("namespaces/{ns}/finalize").
    const QStringList namespaceSubresources = {QStringLiteral("finalize"),
                                               QStringLiteral("status")};
    if (parts.size() >= 3 && parts.first() == QLatin1String("namespaces") &&
        !namespaceSubresources.contains(parts[2])) {
        parts.removeFirst();
        result.ns = parts.takeFirst();
    }
    if (!parts.isEmpty())
        result.resource = parts.takeFirst();
    if (!parts.isEmpty())
        result.name = parts.takeFirst();
    if (!parts.isEmpty())
        result.subresource = parts.takeFirst();
    return result;
}

QString KubePath::kindForResource(const QString& resource)
{
    const QString kind = resourceToKind().value(resource);
    if (!kind.isEmpty())
        return kind;
    // Custom resources: "certificates" -> "Certificate" is the common convention.
    QString guess = resource;
    if (guess.endsWith(QLatin1String("ies")))
        guess = guess.left(guess.size() - 3) + QLatin1Char('y');
    else if (guess.endsWith(QLatin1Char('s')))
        guess.chop(1);
    if (!guess.isEmpty())
        guess[0] = guess[0].toUpper();
    return guess;
}

QString KubePath::resourceForKind(const QString& kind)
{
    for (auto it = resourceToKind().cbegin(); it != resourceToKind().cend(); ++it)
        if (it.value() == kind)
            return it.key();
    QString lower = kind.toLower();
    if (lower.endsWith(QLatin1Char('y')))
        return lower.left(lower.size() - 1) + QStringLiteral("ies");
    return lower + QLatin1Char('s');
}

bool KubePath::isClusterScoped(const QString& kind)
{
    static const QStringList cluster = {QStringLiteral("Namespace"),
                                        QStringLiteral("Node"),
                                        QStringLiteral("APIService"),
                                        QStringLiteral("ValidatingWebhookConfiguration"),
                                        QStringLiteral("MutatingWebhookConfiguration"),
                                        QStringLiteral("CustomResourceDefinition"),
                                        QStringLiteral("ClusterRole")};
    return cluster.contains(kind);
}

bool KubePath::matchesLabelSelector(const QJsonObject& object, const QString& selector)
{
    const QJsonObject labels = object.value(QStringLiteral("metadata"))
                                   .toObject()
                                   .value(QStringLiteral("labels"))
                                   .toObject();
    return matchesSelector(selector, [&labels](const QString& key) -> std::optional<QString> {
        if (!labels.contains(key))
            return std::nullopt;
        return labels.value(key).toString();
    });
}

bool KubePath::matchesFieldSelector(const QJsonObject& object, const QString& selector)
{
    return matchesSelector(selector, [&object](const QString& key) -> std::optional<QString> {
        return fieldValue(object, key);
    });
}

} // namespace unstuck
