// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QLabel;

namespace unstuck::ui {

class FixWizard;

// Step 1, what and why: for each fix its title, why it fixes the red link, the risk, what it
// changes and what it leaves alone, how it is undone and what verify waits for. Read from the
// diagnosis, so it shows at once while the engine prepares the preview.
class WhatPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit WhatPage(FixWizard* wizard);
    QString text() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();

    FixWizard* m_wizard;
    QLabel* m_body;
};

} // namespace unstuck::ui
