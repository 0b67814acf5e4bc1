// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/fixes/PreparedFix.h"
#include "models/sources/DiagnosisRequest.h"

#include <QJsonObject>
#include <QList>
#include <optional>

namespace unstuck {

// Undo is a stored inverse, not a guess: each applied write's audit record keeps the writes that
// reverse it (with the ids the server answered) and the facts that must hold before they run
// (nobody changed the thing since). This turns a run's records back into fixes to preview,
// preflight and apply like any other.
class FixUndo
{
public:
    // The undo of run `auditId` (only fix `onlyFix` when given), last applied fix first. Empty
    // and *error when the log has no such run, nothing was applied, or it was undone already.
    static QList<PreparedFix> fromAudit(const QList<QJsonObject>& records, const QString& auditId,
                                        const QString& onlyFix, QString* error);
    // How run `auditId` connected (its records' "connection"), so `fix undo` without connection
    // options reaches the same cluster and account; nullopt when the records do not say.
    static std::optional<DiagnosisRequest> connectionOf(const QList<QJsonObject>& records,
                                                        const QString& auditId);
};

} // namespace unstuck
