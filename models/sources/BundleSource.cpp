// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sources/BundleSource.h"

#include "models/common/Redactor.h"

#include <QFileInfo>
#include <QPointer>
#include <QTimer>

namespace unstuck {

BundleSource::BundleSource(CaptureBundle bundle, QString fileName, QObject* parent)
    : DiagnosisSource(parent), m_bundle(std::move(bundle)), m_fileName(std::move(fileName))
{
    for (int i = 0; i < m_bundle.exchanges.size(); ++i)
        m_index.insert(Redactor::redact(m_bundle.exchanges[i].query.key()), i);
}

void BundleSource::fetch(const SourceQuery& query, QObject* receiver, Callback callback)
{
    SourceAnswer answer;
    const auto it = m_index.constFind(Redactor::redact(query.key()));
    if (it != m_index.constEnd()) {
        answer = m_bundle.exchanges[*it].answer;
    } else {
        answer.error = QStringLiteral("missing");
        answer.message = QStringLiteral("not recorded in the capture bundle %1")
                             .arg(QFileInfo(m_fileName).fileName());
        answer.at = m_bundle.recordedAt;
    }
    // Answer asynchronously, like every other source, so callers see one behaviour.
    QPointer<QObject> guard(receiver);
    QTimer::singleShot(0, this, [guard, callback, answer] {
        if (guard)
            callback(answer);
    });
}

QString BundleSource::contextName() const
{
    const QString file = QFileInfo(m_fileName).fileName();
    return m_bundle.context.isEmpty() ? file
                                      : QStringLiteral("%1 (%2)").arg(m_bundle.context, file);
}

QString BundleSource::cloudUnavailableReason() const
{
    if (m_bundle.cloudAvailable)
        return {};
    if (!m_bundle.cloudUnavailableReason.isEmpty())
        return m_bundle.cloudUnavailableReason;
    return QStringLiteral("the capture bundle holds no cloud answers");
}

} // namespace unstuck
