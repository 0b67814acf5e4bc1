// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sources/RecordingSource.h"

#include <QPointer>

namespace unstuck {

RecordingSource::RecordingSource(std::unique_ptr<DiagnosisSource> inner, QString bundlePath,
                                 QObject* parent)
    : DiagnosisSource(parent), m_inner(std::move(inner)), m_path(std::move(bundlePath))
{
    m_bundle.context = m_inner->contextName();
    m_bundle.recordedAt = QDateTime::currentDateTimeUtc();
    m_bundle.tool = QStringLiteral("unstuck " UNSTUCK_VERSION);
    m_bundle.cloudAvailable = m_inner->hasCloud();
    m_bundle.cloudUnavailableReason = m_inner->cloudUnavailableReason();
}

RecordingSource::~RecordingSource() = default;

void RecordingSource::fetch(const SourceQuery& query, QObject* receiver, Callback callback)
{
    QPointer<QObject> guard(receiver);
    m_inner->fetch(query, this, [this, query, guard, callback](const SourceAnswer& answer) {
        // A cancelled request says nothing about the cluster: keep it out of the bundle.
        if (answer.error != QLatin1String("cancelled"))
            m_bundle.exchanges.append(CaptureExchange{query, answer});
        if (guard)
            callback(answer);
    });
}

QString RecordingSource::kind() const
{
    return m_inner->kind();
}

QString RecordingSource::contextName() const
{
    return m_inner->contextName();
}

bool RecordingSource::hasCloud() const
{
    return m_inner->hasCloud();
}

QList<Bilingual> RecordingSource::warnings() const
{
    return m_inner->warnings();
}

QString RecordingSource::cloudUnavailableReason() const
{
    return m_inner->cloudUnavailableReason();
}

void RecordingSource::cancelAll()
{
    m_inner->cancelAll();
}

bool RecordingSource::save(QString* error) const
{
    return m_bundle.save(m_path, error);
}

} // namespace unstuck
