// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/fix/FixLauncher.h"

#include "models/fixes/AuditLog.h"
#include "ui/DiagnosisPage.h"
#include "ui/FixesWidget.h"
#include "ui/GraphScene.h"
#include "ui/InspectorWidget.h"
#include "ui/MainWindow.h"
#include "ui/fix/AuditLogDialog.h"
#include "ui/fix/FixWizard.h"

#include <QAction>
#include <QEvent>
#include <QScreen>
#include <QToolBar>

namespace unstuck::ui {

namespace {

// At 200 % a 1080p screen is 960×540: a dialog opens no larger than the screen it is on.
void fitToScreen(QWidget* dialog, const QSize& wanted)
{
    const QScreen* screen = dialog->parentWidget() ? dialog->parentWidget()->screen() : nullptr;
    dialog->resize(screen ? wanted.boundedTo(screen->availableGeometry().size() * 0.9) : wanted);
}

} // namespace

FixLauncher::FixLauncher(MainWindow* window)
    : QObject(window), m_window(window), m_healAll(new QAction(window)),
      m_auditLog(new QAction(window))
{
    m_healAll->setObjectName(QStringLiteral("healAll"));
    m_auditLog->setObjectName(QStringLiteral("auditLog"));
    if (auto* bar = window->findChild<QToolBar*>())
        bar->addActions({m_healAll, m_auditLog});
    connect(m_healAll, &QAction::triggered, this, [this] { open({}); });
    connect(m_auditLog, &QAction::triggered, this, &FixLauncher::openAuditLog);
    DiagnosisPage* page = window->page();
    connect(page->fixes(), &FixesWidget::fixRequested, this,
            [this](const QString& id) { open({id}); });
    connect(page->inspector(), &InspectorWidget::fixRequested, this,
            [this](const QString& id) { open({id}); });
    // Hovering a fix's row points at the card or link it acts on.
    connect(page->fixes(), &FixesWidget::fixHovered, this, [page](const QString& appliesTo) {
        if (!appliesTo.isEmpty())
            page->scene()->select(appliesTo);
    });
    connect(window, &MainWindow::diagnosisFinished, this, &FixLauncher::update);
    window->installEventFilter(this);
    retranslate();
    update();
}

void FixLauncher::update()
{
    const bool live = m_window->lastRequest().fromPath.isEmpty();
    const QString whyNot =
        live ? QString()
             : tr("Fixes need a live connection: a capture bundle or pasted text can only be "
                  "read.");
    m_window->page()->fixes()->setFixingEnabled(live, whyNot);
    m_window->page()->inspector()->setFixingEnabled(live, whyNot);
    m_healAll->setEnabled(live && !m_window->lastResult().fixes.isEmpty() && !m_wizard);
    m_healAll->setToolTip(live ? tr("Apply the recommended fixes root first, verifying after "
                                    "each, through the guided wizard")
                               : whyNot);
}

FixWizard* FixLauncher::wizard() const
{
    return m_wizard;
}

FixWizard* FixLauncher::open(const QStringList& fixIds)
{
    if (m_wizard) { // one fix at a time: two wizards could race on the same objects
        m_wizard->raise();
        m_wizard->activateWindow();
        return m_wizard;
    }
    FixWizard::Setup setup{m_window->lastRequest(), m_window->lastResult(), fixIds, m_options};
    m_wizard = new FixWizard(setup, m_window);
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_wizard, &FixWizard::diagnosisUpdated, m_window, &MainWindow::showDiagnosisFromFix);
    // Exported reports gain a "Fix applied" section for what this wizard changed.
    connect(m_wizard, &FixWizard::applyFinished, m_window, [this, wizard = m_wizard] {
        m_window->addFixRun(wizard->outcome(), wizard->auditLogPath());
    });
    connect(m_wizard, &QObject::destroyed, this, &FixLauncher::update);
    fitToScreen(m_wizard, m_wizard->sizeHint().expandedTo(QSize(900, 680)));
    m_wizard->show();
    update();
    Q_EMIT wizardOpened(m_wizard);
    return m_wizard;
}

AuditLogDialog* FixLauncher::openAuditLog()
{
    const QString path =
        m_options.auditLogPath.isEmpty() ? AuditLog::defaultPath() : m_options.auditLogPath;
    auto* dialog = new AuditLogDialog(path, m_window->lastRequest(), m_options, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // After an undo the window shows what it restored.
    connect(dialog, &AuditLogDialog::undone, m_window,
            [this] { m_window->diagnose(m_window->lastRequest()); });
    fitToScreen(dialog, dialog->size());
    dialog->show();
    return dialog;
}

void FixLauncher::retranslate()
{
    m_healAll->setText(tr("Heal all…"));
    m_auditLog->setText(tr("Audit log…"));
    m_auditLog->setToolTip(tr("Every fix applied from this computer: when, what, the change, and "
                              "Undo"));
}

bool FixLauncher::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_window && event->type() == QEvent::LanguageChange) {
        retranslate();
        update();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace unstuck::ui
