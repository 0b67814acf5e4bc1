// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;

namespace unstuck::ui {

// The audit log's records of one fix run (one before and one after every write), as written,
// with whether the log's hash chain is intact: what `unstuck audit` shows, for one run.
class AuditRecordDialog : public QDialog
{
    Q_OBJECT
public:
    AuditRecordDialog(const QString& logPath, const QString& auditId, QWidget* parent = nullptr);
    int recordCount() const { return m_count; }
    QString text() const;
    QString summary() const;

private:
    QLabel* m_summary;
    QPlainTextEdit* m_text;
    int m_count = 0;
};

} // namespace unstuck::ui
