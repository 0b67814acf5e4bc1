// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/fixes/FixOutcome.h"

#include <QHash>
#include <QTimer>
#include <QWizardPage>

class QLabel;
class QPushButton;
class QScrollArea;
class QTreeWidget;
class QTreeWidgetItem;

namespace unstuck::ui {

class FixWizard;

// Step 5, apply and verify: one row per write and per verify change, with the time it started
// and how long it took, while the graph behind the wizard follows verify's re-probes. Ends with
// a clear state (healed, or not yet and what is still red), Undo and Open audit record.
class ApplyPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ApplyPage(FixWizard* wizard);
    void initializePage() override;
    bool isComplete() const override;
    QString headline() const;
    QStringList stepTexts() const;
    // What verify still waits for, as its row shows it now (empty when nothing is waited for).
    QString waitingFor() const;
    QPushButton* undoButton() const { return m_undo; }
    QPushButton* auditButton() const { return m_audit; }
    // Compact: the steps keep room for three rows instead of seven, for a wizard that shares the
    // screen with the graph (the presenter's autoplay puts it below the cards).
    void setCompact(bool compact);

protected:
    void changeEvent(QEvent* event) override;

private:
    void onProgress(const FixProgress& progress);
    void showWaiting(const QString& message);
    QTreeWidgetItem* row(const QString& key, const QString& text);
    void finishRow(QTreeWidgetItem* item, const QString& result, const QString& detail);
    void tick();
    void render();
    QString endState() const;
    QString undoState() const;
    QString fixTitle(const QString& fixId) const;
    QString statusWord(const QString& result) const;

    FixWizard* m_wizard;
    QLabel* m_headline;
    QScrollArea* m_headlineArea = nullptr;
    QTreeWidget* m_steps;
    QLabel* m_details;
    QPushButton* m_undo;
    QPushButton* m_audit;
    QHash<QString, QTreeWidgetItem*> m_rows;
    QTimer m_ticker;
};

} // namespace unstuck::ui
