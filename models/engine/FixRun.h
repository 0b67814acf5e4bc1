// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/fixes/AuditLog.h"
#include "models/fixes/FixApplier.h"
#include "models/fixes/FixOutcome.h"
#include "models/fixes/FixPreflight.h"
#include "models/fixes/FixPreparer.h"
#include "models/fixes/FixRollback.h"
#include "models/sources/DiagnosisRequest.h"
#include "models/verdict/DiagnosisResult.h"

#include <QElapsedTimer>
#include <QObject>
#include <memory>

namespace unstuck {

class FixVerifier;

// What one fix run may do. Writing is off unless the caller enabled it for this run (the CLI's
// --yes or a typed "yes", the GUI's confirm step).
struct FixOptions
{
    bool writesEnabled = false;
    bool dryRun = false;               // preview and preflight (with the server's dry runs) only
    QStringList confirmNames;          // names typed to confirm destructive fixes
    bool rotatePolicyVersions = false; // agreed: RAM may delete its oldest non-default version
    int verifyTimeoutMs = 180000;
    int verifyIntervalMs = 500; // how often verify reads the facts the fixes can change
    // Verify diagnoses again whenever a fact it watches moves, not only to confirm a heal, so a
    // graph shown beside the run turns green link by link (a few diagnoses more).
    bool verifyFollowsChain = false;
    QString auditLogPath; // "" = AuditLog::defaultPath()
    int requestTimeoutMs = 10000;
};

// One apply: the reviewed fixes in order, root first, each preflighted, applied exactly as
// previewed, then verified. Healing all continues with the next recommended fix only while the
// chain is still red after the previous one had its time to heal it, planned and preflighted
// afresh; a fix whose first preflight failed waits for the fixes after it (see defer()). Undo runs
// the same way, without the chain verification.
class FixRun : public QObject
{
    Q_OBJECT
public:
    enum class Mode { Apply, HealAll, Undo };

    FixRun(FixTransport& transport, FixPreflight& preflight, AuditLog& log,
           DiagnosisRequest request, FixOptions options, bool readOnlyProfile,
           QObject* parent = nullptr);
    ~FixRun() override;

    void start(Mode mode, const DiagnosisResult& before, const QList<PreparedFix>& reviewed,
               const AuditContext& context);
    void cancel();

Q_SIGNALS:
    void progress(const unstuck::FixProgress& progress);
    void finished(const unstuck::FixOutcome& outcome);
    // Verify's diagnoses as they complete.
    void rediagnosed(const unstuck::DiagnosisResult& result);

private:
    void next();
    bool gate(const PreparedFix& fix);
    bool defer(const PreparedFix& fix);
    void refuseDeferred();
    void applied(const PreparedFix& fix, const ApplyResult& result);
    void rollBack(const PreparedFix& fix, const ApplyResult& result);
    void concluded(const PreparedFix& fix, const ApplyResult& result,
                   const RollbackResult* rollback);
    void verify();
    void verified(bool healed, const DiagnosisResult& last, const QStringList& stillRed);
    void prepareNext();
    void finish(int exitCode);
    bool wroteAnything() const;
    void skip(const PreparedFix& fix, const QString& result, const Bilingual& reason);
    void say(const QString& stage, const QString& fixId, const Bilingual& message,
             const QString& result, const QString& step = {});

    FixTransport& m_transport;
    FixPreflight& m_preflight;
    AuditLog& m_log;
    DiagnosisRequest m_request;
    FixOptions m_options;
    bool m_readOnly = false;
    Mode m_mode = Mode::Apply;
    DiagnosisResult m_before;
    AuditContext m_context;
    QList<PreparedFix> m_queue;
    QStringList m_reviewedIds, m_tried;
    QList<FixPlan> m_candidates; // healing all: the next recommended fixes, from the last diagnosis
    QList<PreparedFix> m_deferred; // healing all: refused by a preflight made before any write
    FixOutcome m_outcome;
    std::unique_ptr<FixApplier> m_applier;
    std::unique_ptr<FixRollback> m_rollback; // undoes a fix that failed part way
    std::unique_ptr<FixVerifier> m_verifier;
    QElapsedTimer m_clock;
    bool m_anyApplied = false, m_done = false, m_unconfirmed = false, m_cancelled = false;
    bool m_leftChanged = false; // a rollback did not read the world back as before
};

} // namespace unstuck
