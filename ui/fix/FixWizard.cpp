// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/fix/FixWizard.h"

#include "models/fixes/AuditLog.h"
#include "ui/fix/ApplyPage.h"
#include "ui/fix/AuditRecordDialog.h"
#include "ui/fix/ConfirmPage.h"
#include "ui/fix/PreflightPage.h"
#include "ui/fix/PreviewPage.h"
#include "ui/fix/WhatPage.h"

#include <QCloseEvent>
#include <QMessageBox>
#include <QTimer>

namespace unstuck::ui {

FixWizard::FixWizard(Setup setup, QWidget* parent)
    : QWizard(parent), m_setup(std::move(setup)), m_latest(m_setup.diagnosis),
      m_what(new WhatPage(this)), m_preview(new PreviewPage(this)),
      m_preflight(new PreflightPage(this)), m_confirm(new ConfirmPage(this)),
      m_apply(new ApplyPage(this))
{
    setObjectName(QStringLiteral("fixWizard"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    // Fits a 1080p screen at 200 % (960×540 logical); the pages scroll.
    setMinimumSize(640, 440);
    // Writes stay off until the person presses Apply on the confirm page.
    m_setup.options.writesEnabled = false;
    // The graph behind the wizard turns green link by link as the world heals (docs/gui.md),
    // which takes a diagnosis whenever a watched fact moves, not only the confirming one.
    m_setup.options.verifyFollowsChain = true;
    m_session.setRequest(m_setup.request);
    m_session.setOptions(m_setup.options);
    setPage(WhatId, m_what);
    setPage(PreviewId, m_preview);
    setPage(PreflightId, m_preflight);
    setPage(ConfirmId, m_confirm);
    setPage(ApplyId, m_apply);
    connect(&m_session, &FixSession::progress, this, &FixWizard::progressed);
    connect(&m_session, &FixSession::checked, this, [this](const PreflightCheck& check) {
        m_liveChecks.append(check);
        Q_EMIT checkAnswered(check);
    });
    connect(&m_session, &FixSession::diagnosed, this, &FixWizard::onDiagnosed);
    connect(&m_session, &FixSession::rediagnosed, this, [this](const DiagnosisResult& result) {
        m_latest = result;
        Q_EMIT diagnosisUpdated(result);
    });
    connect(&m_session, &FixSession::planned, this, &FixWizard::onPlanned);
    connect(&m_session, &FixSession::finished, this, &FixWizard::onFinished);
    // Closing the window behind the wizard during apply must not cut a write in half.
    if (parent)
        parent->window()->installEventFilter(this);
    retranslate();
    // The plan is made against the state now, not the one the window showed minutes ago.
    QTimer::singleShot(0, this, [this] { m_session.diagnose(); });
}

FixWizard::~FixWizard()
{
    m_session.cancel();
}

QList<FixPlan> FixWizard::plans() const
{
    QList<FixPlan> out;
    for (const FixPlan& p : m_latest.fixes)
        if (healAll() || m_setup.fixIds.contains(p.id))
            out << p;
    return out;
}

bool FixWizard::anyWrites() const
{
    for (const PreparedFix& f : m_plan.fixes)
        if (!f.manual && !f.writes.isEmpty())
            return true;
    return false;
}

void FixWizard::setCompact(bool compact)
{
    setOption(QWizard::IgnoreSubTitles, compact);
    m_apply->setCompact(compact);
}

QString FixWizard::auditLogPath() const
{
    return m_setup.options.auditLogPath.isEmpty() ? AuditLog::defaultPath()
                                                  : m_setup.options.auditLogPath;
}

void FixWizard::setStage(Stage stage)
{
    m_stage = stage;
    Q_EMIT stageChanged(stage);
}

void FixWizard::onDiagnosed(const DiagnosisResult& result)
{
    if (result.complete) {
        m_latest = result;
        Q_EMIT diagnosisUpdated(result);
    }
    if (m_stage == Stage::Undoing) { // the diagnosis after an undo: the graph shows it
        setStage(Stage::Undone);
        Q_EMIT undoFinished(m_undoPlan.error.isEmpty());
        return;
    }
    if (m_stage != Stage::Diagnosing)
        return;
    if (!result.complete) {
        m_error = tr("Could not diagnose again before planning: %1").arg(result.error);
        setStage(Stage::Planned);
        Q_EMIT planReady();
        return;
    }
    setStage(Stage::Planning);
    m_session.plan(m_setup.fixIds);
}

void FixWizard::onPlanned(const FixOutcome& outcome)
{
    if (m_stage == Stage::Undoing) {
        m_undoPlan = outcome;
        if (!outcome.error.isEmpty() || !outcome.preflightPassed()) {
            if (m_undoPlan.error.isEmpty())
                m_undoPlan.error = tr("a check failed before the undo: nothing was written");
            setStage(Stage::Done);
            Q_EMIT undoFinished(false);
            return;
        }
        FixOptions options = m_setup.options;
        options.writesEnabled = true; // the person pressed Undo
        m_session.setOptions(options);
        m_session.applyUndo(outcome.fixes, m_outcome.auditId);
        return;
    }
    m_plan = outcome;
    m_error = outcome.error;
    setStage(Stage::Planned);
    Q_EMIT planReady();
}

void FixWizard::startApply(const QStringList& confirmNames)
{
    FixOptions options = m_setup.options;
    options.writesEnabled = true; // the person confirmed on the confirm page
    options.confirmNames = confirmNames;
    m_session.setOptions(options);
    m_clock.start();
    setStage(Stage::Applying);
    m_session.apply(m_plan.fixes, healAll());
}

void FixWizard::onFinished(const FixOutcome& outcome)
{
    if (m_stage == Stage::Undoing) {
        m_undoPlan = outcome;
        if (outcome.exitCode != FixOutcome::Healed && m_undoPlan.error.isEmpty())
            m_undoPlan.error = tr("the undo did not complete (exit %1)").arg(outcome.exitCode);
        m_session.diagnose(); // → onDiagnosed: the graph shows what the undo restored
        return;
    }
    m_outcome = outcome;
    setStage(Stage::Done);
    Q_EMIT applyFinished(outcome.verified);
    if (m_closeWhenDone)
        QWizard::reject();
    if (m_quitHostWhenDone && parentWidget())
        parentWidget()->window()->close();
}

const FixOutcome& FixWizard::undoOutcome() const
{
    return m_undoPlan;
}

void FixWizard::undo()
{
    if (m_outcome.auditId.isEmpty() || isApplying())
        return;
    m_undoPlan = {};
    FixOptions options = m_setup.options; // the undo's preview and preflight write nothing
    m_session.setOptions(options);
    m_clock.start();
    setStage(Stage::Undoing);
    m_session.planUndo(m_outcome.auditId);
}

void FixWizard::openAuditRecord()
{
    auto* dialog = new AuditRecordDialog(auditLogPath(), m_outcome.auditId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

bool FixWizard::askToStop()
{
    const auto answer = QMessageBox::question(
        this, tr("Stop the fix?"),
        tr("A write may be on its way to the cluster or the cloud account. Unstuck lets it "
           "finish, sends nothing after it, and then closes.\n\nStop after the running step?"),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    return answer == QMessageBox::Yes;
}

bool FixWizard::validateCurrentPage()
{
    const QWizardPage* page = currentPage();
    return page && page->isComplete() && QWizard::validateCurrentPage();
}

void FixWizard::reject()
{
    if (isApplying()) {
        if (!askToStop())
            return;
        m_closeWhenDone = true;
        m_session.cancel(); // finished() arrives after the running step: then we close
        return;
    }
    m_session.cancel(); // before apply nothing has been written, and nothing will be
    QWizard::reject();
}

bool FixWizard::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Close && parentWidget() && watched == parentWidget()->window() &&
        isApplying()) {
        event->ignore();
        if (askToStop()) {
            m_quitHostWhenDone = true;
            m_session.cancel();
        }
        return true;
    }
    return QWizard::eventFilter(watched, event);
}

void FixWizard::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizard::changeEvent(event);
}

void FixWizard::retranslate()
{
    setWindowTitle(healAll() ? tr("Heal all") : tr("Fix"));
    setButtonText(QWizard::NextButton, tr("&Next >"));
    setButtonText(QWizard::BackButton, tr("< &Back"));
    setButtonText(QWizard::CancelButton, tr("Cancel"));
    setButtonText(QWizard::FinishButton, tr("&Close"));
    setButtonText(QWizard::CommitButton, tr("&Apply"));
}

} // namespace unstuck::ui
