// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/fix/AuditRecordDialog.h"

#include "models/fixes/AuditLog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace unstuck::ui {

AuditRecordDialog::AuditRecordDialog(const QString& logPath, const QString& auditId,
                                     QWidget* parent)
    : QDialog(parent), m_summary(new QLabel(this)), m_text(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("auditRecordDialog"));
    setWindowTitle(tr("Audit record %1").arg(auditId));
    resize(720, 520);
    const AuditLog log(logPath);
    QString error;
    QStringList blocks;
    for (const QJsonObject& r : log.records(&error)) {
        if (r.value(QLatin1String("auditId")).toString() != auditId)
            continue;
        ++m_count;
        blocks << QString::fromUtf8(QJsonDocument(r).toJson(QJsonDocument::Indented));
    }
    const AuditLog::Verification chain = log.verify();
    QString summary = tr("%n record(s) of run %1 in %2.", nullptr, m_count).arg(auditId, logPath);
    summary += QLatin1Char(' ');
    summary +=
        chain.ok
            ? tr("The hash chain is intact: no line was edited, removed or reordered.")
            : tr("The hash chain breaks at line %1: %2").arg(chain.brokenLine).arg(chain.reason);
    if (!error.isEmpty())
        summary += QLatin1Char(' ') + error;
    m_summary->setObjectName(QStringLiteral("auditSummary"));
    m_summary->setWordWrap(true);
    m_summary->setText(summary);
    m_text->setObjectName(QStringLiteral("auditText"));
    m_text->setReadOnly(true);
    m_text->setTabChangesFocus(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setPlainText(blocks.join(QLatin1Char('\n')));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_text, 1);
    layout->addWidget(buttons);
}

QString AuditRecordDialog::text() const
{
    return m_text->toPlainText();
}

QString AuditRecordDialog::summary() const
{
    return m_summary->text();
}

} // namespace unstuck::ui
