// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/fixes/PreparedFix.h"

#include <QWizardPage>

class QLabel;
class QVBoxLayout;

namespace unstuck::ui {

class FixWizard;

// Step 3, preflight: a checklist that fills in as the engine's checks answer (RBAC, the API
// server's dry run, the cloud's DryRun, the caller's own RAM permission, the state the fix relies
// on, a read-only profile), each ✔/✘ with its reason. A failed check blocks Next and says what
// to do about it.
class PreflightPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit PreflightPage(FixWizard* wizard);
    bool isComplete() const override;
    QString statusText() const;
    // The rows as shown: "✔ rbac: … — allowed", one per check.
    QStringList rows() const;
    // What a person can do about a failed check (shown under it).
    static QString advice(const PreflightCheck& check, const PreparedFix* fix);

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();
    void addRow(const PreflightCheck& check, const PreparedFix* fix);
    bool blocked() const;

    FixWizard* m_wizard;
    QLabel* m_status;
    QWidget* m_box;
    QVBoxLayout* m_boxLayout;
};

} // namespace unstuck::ui
