// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/probes/ProbeRunner.h"

namespace unstuck {

ProbeRunner::ProbeRunner(DiagnosisSource* source, Findings& findings, QObject* parent)
    : QObject(parent), m_source(source), m_findings(findings)
{}

static QString answerSummary(const SourceAnswer& answer)
{
    if (answer.ok())
        return QStringLiteral("%1 in %2 ms").arg(answer.status).arg(answer.elapsedMs);
    QString text = answer.error;
    if (!answer.errorCode.isEmpty())
        text += QStringLiteral(" (%1)").arg(answer.errorCode);
    if (!answer.message.isEmpty())
        text += QStringLiteral(": ") + answer.message.left(200);
    return text;
}

void ProbeRunner::ask(const SourceQuery& query, const Bilingual& label, Handler handler)
{
    if (m_closed)
        return;
    const int id = ++m_nextId;
    ++m_pending;
    Q_EMIT probeStarted(id, label);
    m_source->fetch(query, this, [this, id, query, handler](const SourceAnswer& answer) {
        if (m_closed)
            return;
        Observation observation{query, answer};
        if (!observation.answer.at.isValid())
            observation.answer.at = QDateTime::currentDateTimeUtc();
        Q_EMIT probeFinished(id, answer.ok(), answerSummary(answer));
        handler(observation);
        --m_pending;
        Q_EMIT answered();
        if (m_pending == 0)
            Q_EMIT drained();
    });
}

SourceQuery ProbeRunner::kube(const QString& path, bool allPages)
{
    SourceQuery query;
    query.kind = SourceQuery::Kind::Kube;
    query.path = path;
    query.allPages = allPages;
    return query;
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
