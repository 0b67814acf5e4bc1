// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QVBoxLayout;

namespace unstuck::ui {

class FixWizard;

// Step 4, confirm: the writes that will be sent, in order. A destructive fix needs its object's
// name typed (Terraform's rule for what cannot be taken back). Apply here is the only place the
// wizard turns writes on; a read-only profile never gets this far (preflight blocks).
class ConfirmPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ConfirmPage(FixWizard* wizard);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    QString summaryText() const;
    // The fields for destructive fixes, one per name to type.
    QList<QLineEdit*> nameFields() const { return m_names; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();
    QStringList typedNames() const;

    FixWizard* m_wizard;
    QLabel* m_summary;
    QWidget* m_namesBox;
    QVBoxLayout* m_namesLayout;
    QList<QLineEdit*> m_names;
    QStringList m_expected;
    QStringList m_required; // names a single destructive fix cannot go without
};

} // namespace unstuck::ui
