// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/engine/FixSession.h"

#include <QDialog>
#include <QJsonObject>
#include <functional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace unstuck::ui {

class DiffView;

// The audit log as a table, one row per fix run (time, fix, result, target), the selected run's
// change as a diff (before → after of its first write), and Undo for a run that can be reversed:
// the engine's stored inverse is previewed and preflighted, then applied after a confirmation.
class AuditLogDialog : public QDialog
{
    Q_OBJECT
public:
    AuditLogDialog(const QString& logPath, const DiagnosisRequest& request,
                   const FixOptions& options, QWidget* parent = nullptr);

    // Asked before the undo writes anything, with the preview (a message box unless replaced:
    // tests answer it themselves).
    void setConfirm(std::function<bool(const QString& preview)> confirm);
    void reload();
    void select(int row);
    int rowCount() const;
    QString cell(int row, int column) const;
    const DiffView* diff() const { return m_diff; }
    QPushButton* undoButton() const { return m_undo; }
    QString status() const;

Q_SIGNALS:
    // An undo ran (ok: every write was reversed); the window diagnoses again.
    void undone(bool ok);

private:
    struct Run
    {
        QString auditId, time, fixes, target, result;
        QList<QJsonObject> records;
        bool undoable = false;
    };
    void showSelected();
    void undoSelected();
    void onPlanned(const FixOutcome& outcome);
    void onFinished(const FixOutcome& outcome);
    static QList<Run> runsOf(const QList<QJsonObject>& records);

    QString m_logPath;
    FixOptions m_options;
    FixSession m_session;
    QList<Run> m_runs;
    QString m_undoing;
    std::function<bool(const QString&)> m_confirm;
    QTableWidget* m_table;
    DiffView* m_diff;
    QLabel* m_status;
    QPushButton* m_undo;
};

} // namespace unstuck::ui
