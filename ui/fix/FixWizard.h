// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/engine/FixSession.h"

#include <QElapsedTimer>
#include <QWizard>

namespace unstuck::ui {

class ApplyPage;
class ConfirmPage;
class PreflightPage;
class PreviewPage;
class WhatPage;

// The guided fix: what and why → preview → preflight → confirm → apply and verify, all driven
// through the fix engine's FixSession (the object `unstuck fix` drives too), never a second
// implementation. Nothing is written before the person presses Apply on the confirm page:
// cancelling before that writes nothing; closing during apply asks, then lets the running write
// finish and stops before the next one.
class FixWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { WhatId, PreviewId, PreflightId, ConfirmId, ApplyId };
    enum class Stage { Diagnosing, Planning, Planned, Applying, Done, Undoing, Undone };

    struct Setup
    {
        DiagnosisRequest request;  // the connection the diagnosis used
        DiagnosisResult diagnosis; // what the window shows now (the first page reads it)
        QStringList fixIds;        // empty: heal all (the recommended fixes, root first)
        FixOptions options;        // audit log path, verify timeout; writes stay off until Apply
    };

    explicit FixWizard(Setup setup, QWidget* parent = nullptr);
    ~FixWizard() override;

    bool healAll() const { return m_setup.fixIds.isEmpty(); }
    const Setup& setup() const { return m_setup; }
    // The recommended plans this wizard is about (from the latest diagnosis).
    QList<FixPlan> plans() const;
    Stage stage() const { return m_stage; }
    // The newest diagnosis the wizard knows (its own, or verify's latest round).
    const DiagnosisResult& latest() const { return m_latest; }
    const FixOutcome& plan() const { return m_plan; }
    const FixOutcome& outcome() const { return m_outcome; }
    // The undo's plan and then its run (error says why it did not happen).
    const FixOutcome& undoOutcome() const;
    const QList<PreflightCheck>& liveChecks() const { return m_liveChecks; }
    QString error() const { return m_error; }
    bool isApplying() const { return m_stage == Stage::Applying || m_stage == Stage::Undoing; }
    bool healed() const { return m_outcome.verified; }
    bool anyWrites() const;
    // Milliseconds since Apply was pressed (the apply page's clock).
    qint64 elapsedMs() const { return m_clock.isValid() ? m_clock.elapsed() : 0; }
    QString auditLogPath() const;
    // Compact: no subtitles and a shorter apply page, for a wizard beside the graph.
    void setCompact(bool compact);

    // The confirm page's Apply: writes are enabled for this run only, with the names typed.
    void startApply(const QStringList& confirmNames);
    // The apply page's buttons.
    void undo();
    void openAuditRecord();

    // A page goes on only when complete, whoever asks (Next, Enter, next()): a blocked preflight
    // never reaches confirm, and Apply never runs without the names typed.
    bool validateCurrentPage() override;

    // The session, for tests that watch its signals.
    FixSession& session() { return m_session; }

Q_SIGNALS:
    void stageChanged(unstuck::ui::FixWizard::Stage stage);
    void progressed(const unstuck::FixProgress& progress);
    void checkAnswered(const unstuck::PreflightCheck& check);
    // A newer diagnosis (the wizard's own, verify's rounds, after an undo): the graph follows.
    void diagnosisUpdated(const unstuck::DiagnosisResult& result);
    void planReady();
    void applyFinished(bool healed);
    void undoFinished(bool ok);

public Q_SLOTS:
    void reject() override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void setStage(Stage stage);
    void onDiagnosed(const DiagnosisResult& result);
    void onPlanned(const FixOutcome& outcome);
    void onFinished(const FixOutcome& outcome);
    bool askToStop();
    void retranslate();

    Setup m_setup;
    FixSession m_session;
    Stage m_stage = Stage::Diagnosing;
    FixOutcome m_plan, m_outcome, m_undoPlan;
    QList<PreflightCheck> m_liveChecks;
    DiagnosisResult m_latest;
    QString m_error;
    QElapsedTimer m_clock;
    bool m_closeWhenDone = false;    // the person closed the wizard during apply
    bool m_quitHostWhenDone = false; // … or the window behind it
    WhatPage* m_what;
    PreviewPage* m_preview;
    PreflightPage* m_preflight;
    ConfirmPage* m_confirm;
    ApplyPage* m_apply;
};

} // namespace unstuck::ui
