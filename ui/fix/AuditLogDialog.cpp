// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/fix/AuditLogDialog.h"

#include "models/fixes/AuditLog.h"
#include "models/writers/FixText.h"
#include "ui/fix/AuditRecordDialog.h"
#include "ui/fix/DiffView.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace unstuck::ui {

namespace {

QString str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

// A run's last stage as people read it.
QString resultText(const QString& stage)
{
    if (stage == QLatin1String("Applied"))
        return AuditLogDialog::tr("Applied");
    if (stage == QLatin1String("ApplyFailed"))
        return AuditLogDialog::tr("Failed");
    if (stage == QLatin1String("Undone"))
        return AuditLogDialog::tr("Undone");
    if (stage == QLatin1String("UndoFailed"))
        return AuditLogDialog::tr("Undo failed");
    if (stage == QLatin1String("UndoneLater"))
        return AuditLogDialog::tr("Undone later");
    // "Applying"/"Undoing" last: the write was on its way when the program stopped.
    return AuditLogDialog::tr("Interrupted (no answer recorded)");
}

} // namespace

AuditLogDialog::AuditLogDialog(const QString& logPath, const DiagnosisRequest& request,
                               const FixOptions& options, QWidget* parent)
    : QDialog(parent), m_logPath(logPath), m_options(options), m_table(new QTableWidget(this)),
      m_diff(new DiffView(this)), m_status(new QLabel(this)), m_undo(new QPushButton(this))
{
    setObjectName(QStringLiteral("auditLogDialog"));
    setWindowTitle(tr("Audit log"));
    resize(900, 600);
    m_session.setRequest(request);
    m_table->setObjectName(QStringLiteral("auditRuns"));
    m_table->setColumnCount(4);
    m_table->setHorizontalHeaderLabels({tr("Time"), tr("Fix"), tr("Result"), tr("Target")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_status->setObjectName(QStringLiteral("auditStatus"));
    m_status->setWordWrap(true);
    m_undo->setObjectName(QStringLiteral("auditUndo"));
    m_undo->setText(tr("Undo…"));
    auto* record = new QPushButton(tr("Open audit record"), this);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_undo, QDialogButtonBox::ActionRole);
    buttons->addButton(record, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &AuditLogDialog::showSelected);
    connect(m_undo, &QPushButton::clicked, this, &AuditLogDialog::undoSelected);
    connect(record, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row < 0 || row >= m_runs.size())
            return;
        auto* dialog = new AuditRecordDialog(m_logPath, m_runs.at(row).auditId, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    connect(&m_session, &FixSession::planned, this, &AuditLogDialog::onPlanned);
    connect(&m_session, &FixSession::finished, this, &AuditLogDialog::onFinished);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 2);
    layout->addWidget(m_diff, 3);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    m_confirm = [this](const QString& preview) {
        return QMessageBox::question(this, tr("Undo this fix?"), preview,
                                     QMessageBox::Yes | QMessageBox::No,
                                     QMessageBox::No) == QMessageBox::Yes;
    };
    reload();
}

void AuditLogDialog::setConfirm(std::function<bool(const QString&)> confirm)
{
    m_confirm = std::move(confirm);
}

// One row per run, oldest first; a run reversed by a later one says so.
QList<AuditLogDialog::Run> AuditLogDialog::runsOf(const QList<QJsonObject>& records)
{
    QList<Run> runs;
    QStringList undone;
    for (const QJsonObject& r : records) {
        const QString id = str(r, "auditId");
        if (runs.isEmpty() || runs.last().auditId != id) {
            runs.append({id, str(r, "time"), {}, {}, {}, {}, false});
            if (!str(r, "undoes").isEmpty() && str(r, "stage") != QLatin1String("UndoFailed"))
                undone << str(r, "undoes");
        }
        Run& run = runs.last();
        run.records << r;
        if (!run.fixes.contains(str(r, "fixId")))
            run.fixes += (run.fixes.isEmpty() ? QString() : QStringLiteral(", ")) + str(r, "fixId");
        if (run.target.isEmpty())
            run.target = str(r, "description");
        run.result = str(r, "stage"); // the last record's stage: Applied, ApplyFailed, Undone, …
        run.undoable =
            run.undoable ||
            (str(r, "stage") == QLatin1String("Applied") &&
             r.value(QLatin1String("undo")).toObject().value(QLatin1String("possible")).toBool());
    }
    for (Run& run : runs)
        if (undone.contains(run.auditId)) {
            run.result = QStringLiteral("UndoneLater");
            run.undoable = false;
        }
    return runs;
}

void AuditLogDialog::reload()
{
    QString error;
    m_runs = runsOf(AuditLog(m_logPath).records(&error));
    m_table->setRowCount(int(m_runs.size()));
    for (int row = 0; row < m_runs.size(); ++row) {
        const Run& run = m_runs.at(row);
        const QStringList cells{run.time, run.fixes, resultText(run.result), run.target};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(cells.at(column));
            m_table->setItem(row, column, item);
        }
    }
    for (int column = 0; column < 3; ++column) // the target takes what is left
        m_table->resizeColumnToContents(column);
    m_status->setText(error.isEmpty()
                          ? tr("%n fix run(s) in %1.", nullptr, int(m_runs.size())).arg(m_logPath)
                          : error);
    showSelected();
}

void AuditLogDialog::select(int row)
{
    m_table->selectRow(row);
}

int AuditLogDialog::rowCount() const
{
    return m_table->rowCount();
}

QString AuditLogDialog::cell(int row, int column) const
{
    const QTableWidgetItem* item = m_table->item(row, column);
    return item ? item->text() : QString();
}

QString AuditLogDialog::status() const
{
    return m_status->text();
}

// The selected run's first write, before → after.
void AuditLogDialog::showSelected()
{
    const int row = m_table->currentRow();
    const bool valid = row >= 0 && row < m_runs.size();
    m_undo->setEnabled(valid && m_runs.at(row).undoable && m_undoing.isEmpty());
    m_diff->setChange({}, {});
    if (!valid)
        return;
    for (const QJsonObject& r : m_runs.at(row).records)
        if (r.contains(QLatin1String("after")) || r.contains(QLatin1String("before"))) {
            m_diff->setChange(r.value(QLatin1String("before")), r.value(QLatin1String("after")));
            return;
        }
}

void AuditLogDialog::undoSelected()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_runs.size() || !m_undoing.isEmpty())
        return;
    m_undoing = m_runs.at(row).auditId;
    m_undo->setEnabled(false);
    m_status->setText(tr("Reading the state and checking the undo of %1…").arg(m_undoing));
    FixOptions options = m_options; // the preview and preflight write nothing
    m_session.setOptions(options);
    m_session.planUndo(m_undoing);
}

void AuditLogDialog::onPlanned(const FixOutcome& outcome)
{
    if (m_undoing.isEmpty())
        return;
    const Language language =
        QLocale().language() == QLocale::Chinese ? Language::Chinese : Language::English;
    QStringList preview;
    for (const PreparedFix& fix : outcome.fixes)
        preview << FixText::preview(fix, language);
    if (!outcome.error.isEmpty() || !outcome.preflightPassed()) {
        m_status->setText(tr("The undo of %1 was not started: %2")
                              .arg(m_undoing, outcome.error.isEmpty()
                                                  ? tr("a check failed; nothing was written")
                                                  : outcome.error));
        m_undoing.clear();
        showSelected();
        return;
    }
    if (!m_confirm(preview.join(QLatin1Char('\n')))) {
        m_status->setText(tr("Not undone: nothing was written."));
        m_undoing.clear();
        showSelected();
        return;
    }
    FixOptions options = m_options;
    options.writesEnabled = true; // the person confirmed
    m_session.setOptions(options);
    m_status->setText(tr("Undoing %1…").arg(m_undoing));
    m_session.applyUndo(outcome.fixes, m_undoing);
}

void AuditLogDialog::onFinished(const FixOutcome& outcome)
{
    if (m_undoing.isEmpty())
        return;
    const bool ok = outcome.error.isEmpty() && outcome.exitCode == FixOutcome::Healed;
    const QString undoneId = m_undoing;
    m_undoing.clear();
    reload();
    m_status->setText(
        ok ? tr("Undone: %1 (audit id %2).").arg(undoneId, outcome.auditId)
           : tr("The undo of %1 did not complete: %2")
                 .arg(undoneId, outcome.error.isEmpty()
                                    ? FixText::exitMeaning(outcome.exitCode, outcome.command)
                                    : outcome.error));
    Q_EMIT undone(ok);
}

} // namespace unstuck::ui
