// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/fixes/FixApplier.h"

#include <QObject>
#include <functional>
#include <memory>

namespace unstuck {

// What rolling back a fix that failed part way left.
struct RollbackResult
{
    QString result;     // "unchanged" (read back as before) | "changed" (see `left`)
    QStringList undone; // write ids whose undo the server accepted
    QStringList left;   // write ids still in effect (or whose undo could not be told)
    QStringList moved;  // facts that read back not as before, or could not be read
    Bilingual summary;  // "rolled back: unchanged" / "rollback failed …; left changed: …"
    bool unchanged() const { return result == u"unchanged"; }
};

// A fix whose writes stopped part way leaves the world neither unchanged nor fully changed, so
// the writes it made are undone, last first, with the fix's own stored inverse (FixUndo reads it
// from the audit log, preconditions and all, exactly as `fix undo` would). Each undo write is
// audited like any write; then the facts the fix relied on are read back, and a "RolledBack" or
// "RollbackFailed" record says what is left. Never "unchanged" without reading it back.
class FixRollback : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const RollbackResult&)>;

    FixRollback(FixTransport& transport, AuditLog& log, QObject* parent = nullptr);

    // `applied` is the failed ApplyResult of `fix` in run `context.auditId`.
    void start(const PreparedFix& fix, const ApplyResult& applied, const AuditContext& context,
               Done done);

    // Whether a fact read back after the rollback is as before: equal, or an object that exists
    // again where only its identity moved (a re-created or patched-back object gets a new
    // resourceVersion and uid).
    static bool restored(const StateFact& fact, const QString& now);

Q_SIGNALS:
    void progress(const QString& fixId, const QString& writeId, const unstuck::Bilingual& message,
                  const QString& result);

private:
    struct Run;
    void undone(std::shared_ptr<Run> run, const ApplyResult& undo);
    void readBack(std::shared_ptr<Run> run);
    void finish(std::shared_ptr<Run> run);

    FixTransport& m_transport;
    AuditLog& m_log;
    FixApplier m_applier;
};

} // namespace unstuck
