// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/StoredObject.h"

#include <QJsonDocument>

namespace unstuck::sim {

StoredObject::StoredObject(QJsonObject object) : m_object(std::move(object)) {}

QByteArray StoredObject::listItemJson(TypeMeta typeMeta) const
{
    if (!m_wire->bytes.isEmpty() && m_wire->typeMeta == typeMeta)
        return m_wire->bytes;
    QJsonObject item = m_object;
    if (typeMeta == TypeMeta::Drop) {
        item.remove(QLatin1String("apiVersion"));
        item.remove(QLatin1String("kind"));
    }
    m_wire->bytes = QJsonDocument(item).toJson(QJsonDocument::Compact);
    m_wire->typeMeta = typeMeta;
    return m_wire->bytes;
}

} // namespace unstuck::sim
