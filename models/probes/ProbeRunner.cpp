// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/probes/ProbeRunner.h"

#include <QLocale>

namespace unstuck {

ProbeRunner::ProbeRunner(DiagnosisSource* source, Findings& findings, QObject* parent)
    : QObject(parent), m_source(source), m_findings(findings)
{}

static QString answerSummary(const SourceAnswer& answer)
{
    if (answer.ok())
        return QStringLiteral("%1 in %2 ms, %3")
            .arg(answer.status)
            .arg(answer.elapsedMs)
            .arg(QLocale::c().formattedDataSize(answer.body.size(), 1,
                                                QLocale::DataSizeTraditionalFormat));
    QString text = answer.error;
    if (!answer.errorCode.isEmpty())
        text += QStringLiteral(" (%1)").arg(answer.errorCode);
    if (!answer.message.isEmpty())
        text += QStringLiteral(": ") + answer.message.left(200);
    return text;
}

int ProbeRunner::ask(const SourceQuery& query, const Bilingual& label, Handler handler, Stage stage)
{
    if (m_closed)
        return 0;
    const int id = ++m_nextId;
    ++m_pending;
    if (stage == Stage::RedPath) {
        ++m_pendingRedPath;
        m_redPathIds.insert(id);
    }
    Q_EMIT probeStarted(id, label);
    m_source->fetch(query, this, [this, id, query, handler](const SourceAnswer& answer) {
        if (m_closed)
            return;
        // Read when the answer arrives: the question may have left the red path meanwhile.
        const bool redPath = m_redPathIds.remove(id);
        Observation observation{query, answer};
        if (!observation.answer.at.isValid())
            observation.answer.at = QDateTime::currentDateTimeUtc();
        Q_EMIT probeFinished(id, answer.ok(), answerSummary(answer));
        handler(observation); // may ask follow-ups, which count before this one is done
        --m_pending;
        m_pendingRedPath -= redPath ? 1 : 0;
        Q_EMIT answered();
        if (redPath && m_pendingRedPath == 0)
            Q_EMIT redPathDrained();
        if (m_pending == 0)
            Q_EMIT drained();
    });
    return id;
}

void ProbeRunner::moveToSweep(int id)
{
    if (m_closed || !m_redPathIds.remove(id))
        return;
    if (--m_pendingRedPath == 0)
        Q_EMIT redPathDrained();
}

SourceQuery ProbeRunner::kube(const QString& path, bool allPages)
{
    SourceQuery query;
    query.kind = SourceQuery::Kind::Kube;
    query.path = path;
    query.allPages = allPages;
    return query;
}

SourceQuery ProbeRunner::kubeFromCache(const QString& path)
{
    return kube(path + (path.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?')) +
                QStringLiteral("resourceVersion=0"));
}

SourceQuery ProbeRunner::cloud(const QString& product, const QString& action,
                               const QMap<QString, QString>& params, const QString& listPath)
{
    SourceQuery query;
    query.kind = SourceQuery::Kind::Cloud;
    query.product = product;
    query.action = action;
    query.params = params;
    query.listPath = listPath;
    query.allPages = !listPath.isEmpty();
    return query;
}

} // namespace unstuck
