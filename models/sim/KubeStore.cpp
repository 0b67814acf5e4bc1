// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/KubeStore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimer>
#include <QUuid>
#include <algorithm>

namespace unstuck::sim {

namespace {

constexpr int kMaxLogLines = 5000;

QString key(const QString& ns, const QString& name)
{
    return ns + QLatin1Char('/') + name;
}

QString nowRfc3339()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

} // namespace

KubeStore::KubeStore(QObject* parent) : QObject(parent) {}

std::optional<QJsonObject> KubeStore::get(const QString& resource, const QString& ns,
                                          const QString& name) const
{
    const auto byResource = m_objects.constFind(resource);
    if (byResource == m_objects.constEnd())
        return std::nullopt;
    const auto byNamespace = byResource->constFind(ns);
    if (byNamespace == byResource->constEnd())
        return std::nullopt;
    const auto it = byNamespace->constFind(name);
    if (it == byNamespace->constEnd())
        return std::nullopt;
    return it->object();
}

QList<QJsonObject> KubeStore::list(const QString& resource, const QString& ns) const
{
    QList<QJsonObject> out;
    for (const StoredObject& stored : listStored(resource, ns))
        out.append(stored.object());
    return out;
}

QList<StoredObject> KubeStore::listStored(const QString& resource, const QString& ns) const
{
    QList<StoredObject> out;
    const auto byResource = m_objects.constFind(resource);
    if (byResource == m_objects.constEnd())
        return out;
    if (!ns.isEmpty())
        return byResource->value(ns).values();
    for (const auto& names : *byResource)
        out.append(names.values());
    return out;
}

QJsonObject KubeStore::put(const QString& resource, QJsonObject object)
{
    QJsonObject meta = object.value(QLatin1String("metadata")).toObject();
    if (meta.value(QLatin1String("uid")).toString().isEmpty())
        meta.insert(QLatin1String("uid"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (meta.value(QLatin1String("creationTimestamp")).toString().isEmpty())
        meta.insert(QLatin1String("creationTimestamp"), nowRfc3339());
    meta.insert(QLatin1String("resourceVersion"), QString::number(++m_resourceVersion));
    object.insert(QLatin1String("metadata"), meta);
    // A new StoredObject: the bytes cached for the previous version are not carried over.
    const StoredObject stored(object);
    m_objects[resource][meta.value(QLatin1String("namespace")).toString()].insert(
        meta.value(QLatin1String("name")).toString(), stored);
    m_unwarmed.append({resource, stored});
    if (!m_warmScheduled) {
        m_warmScheduled = true;
        QTimer::singleShot(0, this, &KubeStore::warmSome);
    }
    Q_EMIT changed(resource);
    return object;
}

bool KubeStore::isCustom(const QString& resource) const
{
    return get(QStringLiteral("customresourcedefinitions.apiextensions.k8s.io"), {}, resource)
        .has_value();
}

void KubeStore::warmSome()
{
    constexpr qsizetype kPerTurn = 50; // a few milliseconds of serialising
    const qsizetype count = std::min(kPerTurn, m_unwarmed.size());
    for (qsizetype i = 0; i < count; ++i) {
        const auto& [resource, stored] = m_unwarmed.at(i);
        stored.listItemJson(isCustom(resource) ? StoredObject::TypeMeta::Keep
                                               : StoredObject::TypeMeta::Drop);
    }
    m_unwarmed.remove(0, count);
    m_warmScheduled = !m_unwarmed.isEmpty();
    if (m_warmScheduled)
        QTimer::singleShot(0, this, &KubeStore::warmSome);
}

bool KubeStore::remove(const QString& resource, const QString& ns, const QString& name)
{
    auto byResource = m_objects.find(resource);
    if (byResource == m_objects.end())
        return false;
    auto byNamespace = byResource->find(ns);
    if (byNamespace == byResource->end() || byNamespace->remove(name) == 0)
        return false;
    if (byNamespace->isEmpty())
        byResource->erase(byNamespace);
    ++m_resourceVersion;
    if (resource == QLatin1String("pods")) {
        m_logs.remove(key(ns, name));
        m_logTimes.remove(key(ns, name));
    }
    Q_EMIT changed(resource);
    return true;
}

void KubeStore::appendPodLog(const QString& ns, const QString& pod, const QString& line)
{
    QStringList& lines = m_logs[key(ns, pod)];
    QList<qint64>& times = m_logTimes[key(ns, pod)];
    lines.append(line);
    times.append(QDateTime::currentMSecsSinceEpoch());
    if (lines.size() > kMaxLogLines) {
        lines.remove(0, lines.size() - kMaxLogLines);
        times.remove(0, times.size() - kMaxLogLines);
    }
}

QList<qint64> KubeStore::podLogTimes(const QString& ns, const QString& pod) const
{
    return m_logTimes.value(key(ns, pod));
}

QStringList KubeStore::podLog(const QString& ns, const QString& pod) const
{
    return m_logs.value(key(ns, pod));
}

void KubeStore::recordEvent(const QString& ns, const QJsonObject& involvedObject,
                            const QString& type, const QString& reason, const QString& message,
                            const QString& component)
{
    const QString now = nowRfc3339();
    const QString objectName = involvedObject.value(QLatin1String("name")).toString();
    for (QJsonObject event : list(QStringLiteral("events"), ns)) {
        const QJsonObject other = event.value(QLatin1String("involvedObject")).toObject();
        if (other.value(QLatin1String("kind")) != involvedObject.value(QLatin1String("kind")) ||
            other.value(QLatin1String("name")).toString() != objectName ||
            event.value(QLatin1String("reason")).toString() != reason ||
            event.value(QLatin1String("message")).toString() != message ||
            event.value(QLatin1String("metadata")).toObject().value(QLatin1String("namespace")) !=
                QJsonValue(ns))
            continue;
        event.insert(QLatin1String("count"), event.value(QLatin1String("count")).toInt(1) + 1);
        event.insert(QLatin1String("lastTimestamp"), now);
        put(QStringLiteral("events"), event);
        return;
    }
    // Real event names are "<object>.<16 hex digits of the timestamp>".
    const QString name =
        QStringLiteral("%1.%2")
            .arg(objectName)
            .arg(QString::number(
                QDateTime::currentMSecsSinceEpoch() * 1000000 + (m_resourceVersion % 1000000), 16));
    QJsonObject event{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Event")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("namespace"), ns}}},
        {QStringLiteral("involvedObject"), involvedObject},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("message"), message},
        {QStringLiteral("source"), QJsonObject{{QStringLiteral("component"), component}}},
        {QStringLiteral("firstTimestamp"), now},
        {QStringLiteral("lastTimestamp"), now},
        {QStringLiteral("count"), 1},
        {QStringLiteral("type"), type},
        {QStringLiteral("eventTime"), QJsonValue::Null},
        {QStringLiteral("reportingComponent"), component},
        {QStringLiteral("reportingInstance"), QString()},
    };
    put(QStringLiteral("events"), event);
}

qint64 KubeStore::resourceVersion() const
{
    return m_resourceVersion;
}

} // namespace unstuck::sim
