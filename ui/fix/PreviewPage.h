// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QLabel;
class QVBoxLayout;

namespace unstuck {
struct FixWrite;
struct PreparedFix;
} // namespace unstuck

namespace unstuck::ui {

class DiffView;
class FixWizard;

// Step 2, preview: what the engine read just now and will send, for each write the exact request,
// the kubectl / aliyun command a person could type instead (with Copy), and the change as a
// coloured diff. Then how the fix is undone, or why it cannot be.
class PreviewPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit PreviewPage(FixWizard* wizard);
    bool isComplete() const override;
    QList<DiffView*> diffs() const;
    QString statusText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();
    void addFix(const PreparedFix& fix);
    void addWrite(const FixWrite& write, QWidget* parent, QVBoxLayout* layout);

    FixWizard* m_wizard;
    QLabel* m_status;
    QWidget* m_box;
    QVBoxLayout* m_boxLayout;
};

} // namespace unstuck::ui
