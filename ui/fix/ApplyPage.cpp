// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/fix/ApplyPage.h"

#include "models/engine/FixVerifier.h"
#include "ui/ComponentNames.h"
#include "ui/LanguageManager.h"
#include "ui/fix/FixWizard.h"
#include "ui/fix/WizardText.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace unstuck::ui {

namespace {

enum Column { StepColumn, StatusColumn, StartedColumn, TookColumn };
enum Role { StartRole = Qt::UserRole, RunningRole, ResultRole };
constexpr const char* kWaitingKey = "verify:waiting";

QString seconds(qint64 ms)
{
    return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}

bool isWaitingLine(const FixProgress& p)
{
    // Verify repeats "waiting (N s of M s) for: …": one line that updates, not a new row each time.
    return p.stage == QLatin1String("verify") &&
           p.message.en.startsWith(QLatin1String("waiting ("));
}

// "waiting (3 s of 90 s)" / "等待中（3 秒 / 90 秒）": the line's words before its list.
QString waitingWords(const QString& message)
{
    const qsizetype colon = message.indexOf(QLatin1String(": "));
    const qsizetype wide = message.indexOf(QChar(0xff1a)); // "："
    const qsizetype end = wide >= 0 && (colon < 0 || wide < colon) ? wide : colon;
    return end < 0 ? message : message.left(end);
}

} // namespace

ApplyPage::ApplyPage(FixWizard* wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_headline(new QLabel(this)),
      m_steps(new QTreeWidget(this)), m_details(new QLabel(this)), m_undo(new QPushButton(this)),
      m_audit(new QPushButton(this))
{
    setObjectName(QStringLiteral("applyPage"));
    m_headline->setObjectName(QStringLiteral("applyHeadline"));
    m_headline->setWordWrap(true);
    m_headline->setTextFormat(Qt::RichText);
    m_details->setObjectName(QStringLiteral("applyDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_steps->setObjectName(QStringLiteral("applySteps"));
    m_steps->setColumnCount(4);
    m_steps->setRootIsDecorated(true);
    m_steps->setWordWrap(true);
    m_steps->header()->setStretchLastSection(false);
    m_steps->header()->setSectionResizeMode(StepColumn, QHeaderView::Stretch);
    for (int c : {StatusColumn, StartedColumn, TookColumn})
        m_steps->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_undo->setObjectName(QStringLiteral("undoButton"));
    m_audit->setObjectName(QStringLiteral("auditButton"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_undo);
    buttons->addWidget(m_audit);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    // A long "Still red" list scrolls on its own instead of squeezing the steps away, and the
    // steps keep room for a few rows (a 1080p screen at 200 % is 540 pixels tall).
    m_headlineArea = wizardtext::scrolled(m_headline, this);
    layout->addWidget(m_headlineArea);
    m_steps->setMinimumHeight(fontMetrics().height() * 7);
    layout->addWidget(m_steps, 1);
    layout->addWidget(m_details);
    layout->addLayout(buttons);
    m_ticker.setInterval(250);
    connect(&m_ticker, &QTimer::timeout, this, &ApplyPage::tick);
    connect(m_undo, &QPushButton::clicked, wizard, &FixWizard::undo);
    connect(m_audit, &QPushButton::clicked, wizard, &FixWizard::openAuditRecord);
    connect(wizard, &FixWizard::progressed, this, &ApplyPage::onProgress);
    connect(wizard, &FixWizard::stageChanged, this, [this](FixWizard::Stage stage) {
        if (stage == FixWizard::Stage::Undoing)
            m_ticker.start();
        if (stage == FixWizard::Stage::Done || stage == FixWizard::Stage::Undone) {
            m_ticker.stop();
            // Healed: nothing is waited for any more; not healed: the list is what stayed red.
            if (QTreeWidgetItem* waiting = m_rows.value(QString::fromLatin1(kWaitingKey))) {
                if (m_wizard->healed())
                    delete m_rows.take(QString::fromLatin1(kWaitingKey));
                else
                    finishRow(waiting, QStringLiteral("failed"), {});
            }
            for (QTreeWidgetItem* item : std::as_const(m_rows))
                if (item->data(StatusColumn, RunningRole).toBool())
                    finishRow(item, m_wizard->healed() ? QStringLiteral("ok") : QString(), {});
        }
        render();
        Q_EMIT completeChanged();
    });
    render();
}

void ApplyPage::initializePage()
{
    m_steps->clear();
    m_rows.clear();
    m_ticker.start();
    render();
}

bool ApplyPage::isComplete() const
{
    const FixWizard::Stage s = m_wizard->stage();
    return s == FixWizard::Stage::Done || s == FixWizard::Stage::Undone;
}

QString ApplyPage::headline() const
{
    return m_headline->text();
}

QStringList ApplyPage::stepTexts() const
{
    QStringList out;
    for (QTreeWidgetItemIterator it(m_steps); *it; ++it)
        out << (*it)->text(StepColumn) + QStringLiteral(" | ") + (*it)->text(StatusColumn);
    return out;
}

QString ApplyPage::waitingFor() const
{
    const QTreeWidgetItem* item = m_rows.value(QString::fromLatin1(kWaitingKey));
    return item && !m_wizard->healed() ? item->text(StepColumn) : QString();
}

QString ApplyPage::statusWord(const QString& result) const
{
    if (result == QLatin1String("running"))
        return tr("running");
    if (result == QLatin1String("ok"))
        return tr("done");
    if (result == QLatin1String("failed"))
        return tr("failed");
    if (result == QLatin1String("waiting"))
        return tr("seen");
    if (result == QLatin1String("skipped"))
        return tr("skipped");
    if (result == QLatin1String("conflict"))
        return tr("stopped: conflict");
    if (result == QLatin1String("refused"))
        return tr("refused");
    return tr("stopped");
}

QTreeWidgetItem* ApplyPage::row(const QString& key, const QString& text)
{
    if (QTreeWidgetItem* item = m_rows.value(key))
        return item;
    QTreeWidgetItem* parent = nullptr;
    if (key.startsWith(QLatin1String("verify:")) && key != QLatin1String("verify:"))
        parent = m_rows.value(QStringLiteral("verify:"));
    auto* item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_steps);
    item->setText(StepColumn, text);
    item->setToolTip(StepColumn, text);
    item->setData(StatusColumn, StartRole, m_wizard->elapsedMs());
    item->setText(StartedColumn, QStringLiteral("+") + seconds(m_wizard->elapsedMs()));
    if (parent)
        parent->setExpanded(true);
    m_rows.insert(key, item);
    m_steps->scrollToItem(item);
    return item;
}

void ApplyPage::finishRow(QTreeWidgetItem* item, const QString& result, const QString& detail)
{
    item->setData(StatusColumn, RunningRole, false);
    item->setData(StatusColumn, ResultRole, result);
    item->setText(StatusColumn, statusWord(result));
    const QColor colour = result == QLatin1String("ok") || result == QLatin1String("waiting")
                              ? QColor(0x2e, 0x7d, 0x32)
                          : result.isEmpty() || result == QLatin1String("skipped")
                              ? QColor(0x75, 0x75, 0x75)
                              : QColor(0xe5, 0x39, 0x35);
    item->setForeground(StatusColumn, colour);
    item->setText(TookColumn, seconds(m_wizard->elapsedMs() -
                                      item->data(StatusColumn, StartRole).toLongLong()));
    // The answer on a line of its own, across the columns: appended to the step it would be
    // elided away at large scales.
    if (!detail.isEmpty() && detail != item->text(StepColumn)) {
        auto* answer = new QTreeWidgetItem(item);
        answer->setText(StepColumn, detail);
        answer->setToolTip(StepColumn, detail);
        answer->setFirstColumnSpanned(true);
        answer->setForeground(StepColumn, colour);
        item->setExpanded(true);
    }
}

void ApplyPage::onProgress(const FixProgress& p)
{
    if (!m_wizard->isApplying() || p.stage == QLatin1String("diagnose"))
        return;
    const QString message = p.message.in(LanguageManager::engineLanguage());
    if (isWaitingLine(p))
        return showWaiting(message);
    const bool verify = p.stage == QLatin1String("verify");
    QString key = p.stage + QLatin1Char(':') + p.fixId + QLatin1Char(':') + p.step;
    if (verify)
        key = p.result == QLatin1String("waiting") ? QStringLiteral("verify:") + message
                                                   : QStringLiteral("verify:");
    const bool fresh = !m_rows.contains(key);
    if (fresh && !verify) // a fix's "reading again…" line is done once its first write starts
        for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it)
            if (it.key().startsWith(p.stage + QLatin1Char(':') + p.fixId + QLatin1Char(':')) &&
                it.key().endsWith(QLatin1Char(':')) &&
                it.value()->data(StatusColumn, RunningRole).toBool())
                finishRow(it.value(), QStringLiteral("ok"), {});
    QTreeWidgetItem* item = row(key, message);
    if (p.result == QLatin1String("running")) {
        item->setData(StatusColumn, RunningRole, true);
        item->setText(StatusColumn, statusWord(p.result));
        return;
    }
    finishRow(item, p.result, fresh ? QString() : message);
}

// What verify still waits for: one row under verify that updates in place.
void ApplyPage::showWaiting(const QString& message)
{
    const QString words = waitingWords(message);
    QString list = message.mid(words.size() + 1).trimmed();
    QTreeWidgetItem* item = row(QString::fromLatin1(kWaitingKey), list);
    item->setText(StepColumn, list);
    item->setToolTip(StepColumn, message);
    item->setText(StatusColumn, words);
    item->setForeground(StatusColumn, QColor(0x75, 0x75, 0x75));
}

void ApplyPage::tick()
{
    for (QTreeWidgetItem* item : std::as_const(m_rows))
        if (item->data(StatusColumn, RunningRole).toBool())
            item->setText(TookColumn, seconds(m_wizard->elapsedMs() -
                                              item->data(StatusColumn, StartRole).toLongLong()));
    if (m_wizard->isApplying())
        render();
}

QString ApplyPage::endState() const
{
    const Language l = LanguageManager::engineLanguage();
    const FixOutcome& o = m_wizard->outcome();
    if (o.verified)
        return QStringLiteral("<h2 style='color:#2e7d32'>✔ %1</h2>%2")
            .arg(tr("Healed").toHtmlEscaped(),
                 tr("The diagnosis finds no root cause and the stuck namespaces are gone.")
                     .toHtmlEscaped());
    bool applied = false;
    QStringList results;
    for (const FixResult& r : o.results) {
        applied |= !r.applied.isEmpty();
        results << QStringLiteral("%1: %2").arg(fixTitle(r.fixId), r.reason.in(l));
    }
    if (!o.error.isEmpty())
        results << o.error;
    const QString title = applied ? tr("Not healed yet") : tr("Nothing was applied");
    QString html = QStringLiteral("<h2 style='color:#e53935'>✘ %1</h2>").arg(title.toHtmlEscaped());
    if (applied && !o.stillRed.isEmpty()) {
        QStringList red;
        for (const Bilingual& item : FixVerifier::redText(m_wizard->latest()).mid(0, 6))
            red << item.in(l);
        html += wizardtext::list(tr("Still red"), red);
    }
    return html + wizardtext::list(tr("What happened"), results);
}

// A fix as the first page named it, in the UI's language.
QString ApplyPage::fixTitle(const QString& fixId) const
{
    for (const PreparedFix& f : m_wizard->plan().fixes)
        if (f.fixId == fixId && !f.title.isEmpty())
            return f.title.in(LanguageManager::engineLanguage());
    return fixId;
}

QString ApplyPage::undoState() const
{
    const FixOutcome& u = m_wizard->undoOutcome();
    if (m_wizard->stage() == FixWizard::Stage::Undoing)
        return QStringLiteral("<h2>%1</h2>").arg(tr("Undoing…").toHtmlEscaped());
    if (!u.error.isEmpty())
        return QStringLiteral("<h2 style='color:#e53935'>✘ %1</h2>%2")
            .arg(tr("Undo did not complete").toHtmlEscaped(), u.error.toHtmlEscaped());
    return QStringLiteral("<h2>↺ %1</h2>%2")
        .arg(tr("Undone").toHtmlEscaped(),
             tr("The changes were reversed; the graph shows the diagnosis made afterwards.")
                 .toHtmlEscaped());
}

void ApplyPage::render()
{
    setTitle(tr("Apply and verify"));
    setSubTitle(tr("Each write is recorded in the audit log before and after it is sent. The "
                   "graph behind this window follows the re-probes."));
    m_steps->setHeaderLabels({tr("Step"), tr("Status"), tr("Started"), tr("Took")});
    m_undo->setText(tr("&Undo"));
    m_audit->setText(tr("Open &audit record"));
    const FixWizard::Stage s = m_wizard->stage();
    const bool done = s == FixWizard::Stage::Done;
    const FixOutcome& u = m_wizard->undoOutcome();
    const bool undoTried = !u.command.isEmpty() || !u.error.isEmpty();
    if (s == FixWizard::Stage::Applying)
        m_headline->setText(QStringLiteral("<h2>%1</h2>")
                                .arg(tr("Applying and verifying… %1")
                                         .arg(seconds(m_wizard->elapsedMs()))
                                         .toHtmlEscaped()));
    else if (s == FixWizard::Stage::Undoing || s == FixWizard::Stage::Undone || undoTried)
        m_headline->setText(undoState());
    else if (done)
        m_headline->setText(endState());
    // The end state in view (up to eight lines of it) before the steps get the rest.
    const int wanted = m_headline->heightForWidth(qMax(300, m_headlineArea->viewport()->width()));
    m_headlineArea->setMinimumHeight(qMin(wanted, fontMetrics().height() * 8));
    const Language l = LanguageManager::engineLanguage();
    QStringList undo;
    for (const PreparedFix& f : m_wizard->plan().fixes)
        for (const FixResult& r : m_wizard->outcome().results)
            if (r.fixId == f.fixId && !r.applied.isEmpty())
                for (const FixWrite& w : f.undo)
                    undo << w.description.in(l);
    const bool canUndo = done && !undo.isEmpty() && !undoTried;
    m_undo->setEnabled(canUndo);
    m_audit->setEnabled((done || s == FixWizard::Stage::Undone) &&
                        !m_wizard->outcome().auditId.isEmpty());
    QString details;
    if (canUndo)
        details += wizardtext::list(tr("Undo would"), undo);
    if (!m_wizard->outcome().auditId.isEmpty())
        details += QStringLiteral("<p>%1</p>")
                       .arg(tr("Audit id: %1 (unstuck fix undo %1)")
                                .arg(m_wizard->outcome().auditId)
                                .toHtmlEscaped());
    m_details->setText(details);
}

void ApplyPage::setCompact(bool compact)
{
    m_steps->setMinimumHeight(fontMetrics().height() * (compact ? 3 : 7));
    updateGeometry();
}

void ApplyPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        render();
    QWizardPage::changeEvent(event);
}

} // namespace unstuck::ui
