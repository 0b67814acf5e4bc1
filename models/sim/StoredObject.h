// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <memory>

namespace unstuck::sim {

// One object as the simulated cluster stores it, with the bytes a list answer carries for it,
// serialised once and shared by every answer after (kube-apiserver's watch cache does the same
// with its cachingObject). Copies share those bytes; a write stores a new StoredObject, so a
// list never sends bytes of an older version.
class StoredObject
{
public:
    enum class TypeMeta { Drop, Keep };

    StoredObject() = default;
    explicit StoredObject(QJsonObject object);

    const QJsonObject& object() const { return m_object; }
    // Compact JSON of the object as a list item: built-in resources' items carry no apiVersion
    // and kind (Drop), custom resources' keep them (Keep). Built on first use.
    QByteArray listItemJson(TypeMeta typeMeta) const;

private:
    struct Wire
    {
        QByteArray bytes;
        TypeMeta typeMeta = TypeMeta::Drop;
    };

    QJsonObject m_object;
    std::shared_ptr<Wire> m_wire = std::make_shared<Wire>();
};

} // namespace unstuck::sim
