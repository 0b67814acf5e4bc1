// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/engine/FixRun.h"
#include "models/fixes/FixOutcome.h"
#include "models/sources/DiagnosisRequest.h"
#include "models/verdict/DiagnosisResult.h"

#include <QObject>
#include <functional>
#include <memory>

namespace unstuck {

class DiagnosisEngine;
class FixTransport;

// The fix engine's one interface object, driven by the CLI, the tests and the GUI alike:
// commands in (diagnose, plan, apply, undo, cancel), value structs out through signals. A fix
// goes preview → preflight → apply → verify, each stage reporting progress, and nothing is
// written unless the caller enabled writes for the run; a profile with "readOnly": true never
// writes.
//
//   session.setRequest(request);         // the connection, as for `unstuck diagnose`
//   session.diagnose();                  // → diagnosed(result)
//   session.plan({"ram-policy-allow"});  // → planned(outcome): previews + preflight
//   options.writesEnabled = true;        // the person confirmed
//   session.setOptions(options);
//   session.apply(outcome.fixes, false); // → progress…, finished(outcome)
class FixSession : public QObject
{
    Q_OBJECT
public:
    explicit FixSession(QObject* parent = nullptr);
    ~FixSession() override;

    void setRequest(const DiagnosisRequest& request);
    void setOptions(const FixOptions& options);
    const FixOptions& options() const { return m_options; }
    // Tests: a transport of their own instead of the live connection (takes ownership).
    void setTransport(std::unique_ptr<FixTransport> transport, bool readOnlyProfile = false);

    void diagnose();
    // Previews and preflights the recommended fixes named (empty = all of them, root first).
    void plan(const QStringList& fixIds);
    // Applies exactly the reviewed previews (a saved plan, or planned()'s). healAll: root first,
    // each next fix only while the chain is still red.
    void apply(const QList<PreparedFix>& reviewed, bool healAll);
    // Checks a saved plan again (its state must not have moved, then the preflight) → planned().
    void recheck(const QList<PreparedFix>& saved);
    // Previews and preflights the undo of an audited run (only `onlyFix` when given).
    void planUndo(const QString& auditId, const QString& onlyFix = {});
    void applyUndo(const QList<PreparedFix>& reviewed, const QString& auditId);
    // Stops what runs: before a write nothing is written; during apply, before the next write.
    void cancel();

    const DiagnosisResult& diagnosis() const { return m_diagnosis; }
    // The kubeconfig context the session writes to (checked against a saved plan's).
    QString contextName() const;

Q_SIGNALS:
    void progress(const unstuck::FixProgress& progress);
    void diagnosed(const unstuck::DiagnosisResult& result);
    void planned(const unstuck::FixOutcome& outcome);
    void finished(const unstuck::FixOutcome& outcome);
    // Each preflight check as it is answered (planned() still carries them all).
    void checked(const unstuck::PreflightCheck& check);
    // Each diagnosis verify completes while a fix heals (the GUI's graph follows it).
    void rediagnosed(const unstuck::DiagnosisResult& result);

private:
    bool ensureTransport(FixOutcome* outcome);
    void prepareAll(std::shared_ptr<FixOutcome> outcome, const QList<FixPlan>& plans);
    void prepareOne(const FixPlan& plan, std::function<void(const PreparedFix&)> done);
    void finishPlan(std::shared_ptr<FixOutcome> outcome);
    void checkNext(std::shared_ptr<FixOutcome> outcome, QList<PreparedFix> fixes, int since);
    void startRun(FixRun::Mode mode, const QList<PreparedFix>& reviewed, const QString& undoes);
    void fail(const QString& command, const QString& error, bool asPlan);
    AuditContext auditContext(const QString& auditId) const;
    void makePreflight();

    struct Private;
    std::unique_ptr<Private> d;
    DiagnosisRequest m_request;
    FixOptions m_options;
    DiagnosisResult m_diagnosis;
};

} // namespace unstuck
