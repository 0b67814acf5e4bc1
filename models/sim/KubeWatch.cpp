// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/KubeWatch.h"

#include "models/sim/KubeStore.h"

#include <QJsonDocument>
#include <QTimer>

namespace unstuck::sim {

namespace {

QString keyOf(const QJsonObject& o)
{
    const QJsonObject m = o.value(QLatin1String("metadata")).toObject();
    return m.value(QLatin1String("namespace")).toString() + QLatin1Char('/') +
           m.value(QLatin1String("name")).toString();
}

} // namespace

KubeWatch::KubeWatch(KubeStore& store, QString storeName, QString ns, ListFilter filter,
                     Render render, int timeoutSeconds)
    : m_store(store), m_storeName(std::move(storeName)), m_ns(std::move(ns)),
      m_filter(std::move(filter)), m_render(std::move(render))
{
    m_known = matching();
    connect(&m_store, &KubeStore::changed, this, [this](const QString& resource) {
        if (resource != m_storeName || m_scheduled)
            return;
        // Coalesce a burst of store writes into one diff.
        m_scheduled = true;
        QTimer::singleShot(0, this, &KubeWatch::scan);
    });
    QTimer::singleShot(qMax(1, timeoutSeconds) * 1000, this, &KubeWatch::finished);
}

QHash<QString, QJsonObject> KubeWatch::matching() const
{
    QHash<QString, QJsonObject> out;
    for (const QJsonObject& o : m_store.list(m_storeName, m_ns))
        if (m_filter.matches(o))
            out.insert(keyOf(o), o);
    return out;
}

QByteArray KubeWatch::event(const char* type, const QJsonObject& object)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("type"), QString::fromLatin1(type)},
                                     {QStringLiteral("object"), object}})
               .toJson(QJsonDocument::Compact) +
           '\n';
}

QByteArray KubeWatch::initialEvents(const QString& sinceResourceVersion) const
{
    QByteArray out;
    const bool all = sinceResourceVersion.isEmpty() || sinceResourceVersion == QLatin1String("0");
    const qint64 since = sinceResourceVersion.toLongLong();
    for (const QJsonObject& o : m_known) {
        const qint64 rv = o.value(QLatin1String("metadata"))
                              .toObject()
                              .value(QLatin1String("resourceVersion"))
                              .toString()
                              .toLongLong();
        if (all)
            out += event("ADDED", m_render(o));
        else if (rv > since)
            out += event("MODIFIED", m_render(o));
    }
    return out;
}

void KubeWatch::scan()
{
    m_scheduled = false;
    const QHash<QString, QJsonObject> now = matching();
    QByteArray out;
    for (auto it = now.begin(); it != now.end(); ++it) {
        const auto old = m_known.constFind(it.key());
        if (old == m_known.constEnd())
            out += event("ADDED", m_render(*it));
        else if (*old != *it)
            out += event("MODIFIED", m_render(*it));
    }
    for (auto it = m_known.begin(); it != m_known.end(); ++it)
        if (!now.contains(it.key()))
            out += event("DELETED", m_render(*it));
    m_known = now;
    if (!out.isEmpty())
        Q_EMIT data(out);
}

} // namespace unstuck::sim
