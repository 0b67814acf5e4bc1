// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sim/HttpMessage.h"
#include "models/sim/ListFilter.h"

#include <QHash>
#include <QJsonObject>
#include <functional>

namespace unstuck::sim {

class KubeStore;

// One open ?watch=true request: after each change of its resource in the store it sends the
// ADDED / MODIFIED / DELETED events ({"type":…,"object":…} lines) of the objects matching its
// namespace and selectors, until timeoutSeconds or until the client goes.
class KubeWatch : public HttpStream
{
    Q_OBJECT
public:
    using Render = std::function<QJsonObject(const QJsonObject&)>;

    KubeWatch(KubeStore& store, QString storeName, QString ns, ListFilter filter, Render render,
              int timeoutSeconds);
    // The events to send at once: every match when sinceResourceVersion is empty or "0"
    // (ADDED), else those changed after it (MODIFIED).
    QByteArray initialEvents(const QString& sinceResourceVersion) const;
    static QByteArray event(const char* type, const QJsonObject& object);

private:
    QHash<QString, QJsonObject> matching() const;
    void scan();

    KubeStore& m_store;
    QString m_storeName;
    QString m_ns;
    ListFilter m_filter;
    Render m_render;
    QHash<QString, QJsonObject> m_known;
    bool m_scheduled = false;
};

} // namespace unstuck::sim
