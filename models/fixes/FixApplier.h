// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/fixes/AuditLog.h"
#include "models/fixes/FixTransport.h"
#include "models/fixes/PreparedFix.h"

#include <QMap>
#include <QObject>
#include <functional>

namespace unstuck {

// Who changes what where, written into every audit record.
struct AuditContext
{
    QString auditId;         // one per fix run; what `unstuck fix undo` takes
    QString context, server; // kubeconfig context and API server
    QString kubeUser;        // the kubeconfig user
    QString cloudAccount, cloudRegion, cloudIdentity; // account id, region, caller ARN
    QString osUser, host;
    QString undoes;         // an undo run: the audit id it reverses
    QJsonObject connection; // how the run connected (ConnectionRecord): `fix undo` reuses it
    QJsonObject toJson() const;
    static AuditContext local(const QString& auditId); // osUser and host filled in
};

// What applying one fix did: which writes were sent and accepted, which were not, and why it
// stopped.
struct ApplyResult
{
    QString fixId;
    QStringList applied;    // write ids the server accepted, in order
    QStringList notApplied; // write ids never sent, or refused
    QString failedWrite;
    QString failure;         // the server's answer to the failed write, or what moved
    bool conflict = false;   // 409, a failed JSON Patch test, a fact that moved: nothing half-done
    bool forbidden = false;  // 403 / Forbidden.RAM at apply time
    bool refused = false;    // writes were not enabled for this run
    QString auditError;      // the audit log could not be written: nothing more was sent
    QStringList moved;       // state facts that moved since the preview, or could not be read
    bool unreadable = false; // a state fact could not be read again: nothing was sent
    // A write whose answer was lost (cut, timed out, 5xx) and whose effect reading back could not
    // tell: it may have taken effect.
    QString uncertainWrite;
    QMap<QString, QJsonObject> responses; // write id → answer
    bool ok() const
    {
        return failedWrite.isEmpty() && !conflict && !unreadable && !refused &&
               auditError.isEmpty();
    }
};

// Applies a prepared fix exactly as previewed: reads its state facts once more (a fact that moved
// means nothing is written), then sends the writes in order, deepest first, stopping at the first
// failure. An audit record is written before and after every write; a write whose "before" record
// cannot be written is not sent. A write whose answer was lost is never sent again: its state
// facts are read back to tell whether it took effect, and the records say what was found.
class FixApplier : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const ApplyResult&)>;

    FixApplier(FixTransport& transport, AuditLog& log, QObject* parent = nullptr);

    // `stage` names the records: "Apply" (Applying/Applied/Failed) or "Undo" (UndoApplying/…).
    void apply(const PreparedFix& fix, const AuditContext& context, bool writesEnabled,
               const QString& stage, Done done);
    // Stops before the next write (a write on the wire is not recalled).
    void cancel() { m_cancelled = true; }

    // "$response:<write id>:<path>" in a value, a path or a body, filled from the answers.
    static QString substitute(const QString& text, const QMap<QString, QJsonObject>& responses);
    static FixWrite resolve(FixWrite write, const QMap<QString, QJsonObject>& responses);
    static StateFact resolve(StateFact fact, const QMap<QString, QJsonObject>& responses);
    static bool unresolved(const QString& text);

Q_SIGNALS:
    void progress(const QString& fixId, const QString& writeId, const unstuck::Bilingual& message,
                  const QString& result);

private:
    struct Run;
    void next(std::shared_ptr<Run> run);
    void send(std::shared_ptr<Run> run, int index);
    void finished(std::shared_ptr<Run> run, int index, const FixResponse& response);
    void readBack(std::shared_ptr<Run> run, int index, const FixResponse& response);
    void concluded(std::shared_ptr<Run> run, int index, const FixResponse& response,
                   const QJsonObject& readBack);
    QJsonObject record(const Run& run, const FixWrite& write, const QString& stage) const;
    QJsonObject undoData(const Run& run, const FixWrite& write) const;

    FixTransport& m_transport;
    AuditLog& m_log;
    bool m_cancelled = false;
};

} // namespace unstuck
