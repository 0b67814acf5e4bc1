// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/kubeapi/KubeListBody.h"

#include "models/sim/ApiCatalog.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace unstuck::sim {

namespace {

// The list without its items, as QJsonDocument writes it: keys sorted, so "items" sits between
// "apiVersion" and "kind". Inside a string a quote is escaped, so the first `"items":[]` is the
// key.
QByteArray envelope(const ApiResource& resource, const QJsonObject& listMeta)
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("kind"), resource.kind + QStringLiteral("List")},
                           {QStringLiteral("apiVersion"), resource.groupVersion()},
                           {QStringLiteral("metadata"), listMeta},
                           {QStringLiteral("items"), QJsonArray()}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

QByteArray KubeListBody::build(const ApiResource& resource, const QList<StoredObject>& items,
                               const QJsonObject& listMeta)
{
    const auto typeMeta =
        resource.custom ? StoredObject::TypeMeta::Keep : StoredObject::TypeMeta::Drop;
    const QByteArray outside = envelope(resource, listMeta);
    static const QByteArray emptyItems = QByteArrayLiteral("\"items\":[]");
    const qsizetype close = outside.indexOf(emptyItems) + emptyItems.size() - 1; // at its ']'
    QByteArrayList itemJson;
    itemJson.reserve(items.size());
    qsizetype size = outside.size();
    for (const StoredObject& item : items) {
        itemJson << item.listItemJson(typeMeta);
        size += itemJson.last().size() + 1;
    }
    // Reserved once: growing a 4.5 MB body by appending copies it over and over.
    QByteArray body;
    body.reserve(size);
    body.append(outside.constData(), close);
    for (qsizetype i = 0; i < itemJson.size(); ++i) {
        if (i > 0)
            body.append(',');
        body.append(itemJson.at(i));
    }
    body.append(outside.constData() + close, outside.size() - close);
    return body;
}

} // namespace unstuck::sim
