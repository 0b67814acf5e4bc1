// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/fixes/FixOutcome.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace unstuck {

// One fix run as the post-mortem needs it: the fix engine's outcome (what each fix did, whether
// verify saw the chain heal) and the audit log's records of that run (when, by whom, each write's
// request and diff).
struct AppliedFixRun
{
    FixOutcome outcome;
    QList<QJsonObject> records; // AuditLog::records() of outcome.auditId, oldest first

    // The records of `auditId` among all of an audit log's records.
    static QList<QJsonObject> recordsOf(const QList<QJsonObject>& all, const QString& auditId);
    // True when the run wrote something (a plan or a refused run has nothing to report).
    bool wroteSomething() const;
};

// The report's "Fix applied" section (ReportWriter's Markdown and HTML): per run what was changed
// (each write, its target and diff), when, by whom, on which cluster, and the verification
// result. Text comes from the engine (both languages) and the audit log; nothing is re-derived.
class FixAppliedSection
{
public:
    static QStringList markdown(const QList<AppliedFixRun>& runs, Language language);
    static QString html(const QList<AppliedFixRun>& runs, Language language);
};

} // namespace unstuck
