// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/engine/FixRun.h"

#include <QObject>
#include <QPointer>

class QAction;

namespace unstuck::ui {

class AuditLogDialog;
class FixWizard;
class MainWindow;

// Where the fix wizard is opened from: each row of the Fixes tab, the inspector of the root
// cause or a red link, and Heal all in the toolbar (the root-first plan). It opens one wizard at
// a time over the window and lets the graph behind it follow the wizard's diagnoses.
class FixLauncher : public QObject
{
    Q_OBJECT
public:
    explicit FixLauncher(MainWindow* window);

    // Tests and the presenter's autoplay: an audit log of their own, a faster verify.
    void setOptions(const FixOptions& options) { m_options = options; }
    // Empty fixIds = heal all.
    FixWizard* open(const QStringList& fixIds);
    FixWizard* wizard() const;
    QAction* healAllAction() const { return m_healAll; }
    QAction* auditLogAction() const { return m_auditLog; }
    // The audit log's runs, their diffs and Undo (the same engine as the wizard's Undo).
    AuditLogDialog* openAuditLog();

Q_SIGNALS:
    void wizardOpened(unstuck::ui::FixWizard* wizard);

private:
    void update();
    void retranslate();
    bool eventFilter(QObject* watched, QEvent* event) override;

    MainWindow* m_window;
    QAction* m_healAll;
    QAction* m_auditLog;
    FixOptions m_options;
    QPointer<FixWizard> m_wizard;
};

} // namespace unstuck::ui
