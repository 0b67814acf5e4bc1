// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/FixesWidget.h"

#include "ui/CommandRow.h"
#include "ui/ComponentNames.h"
#include "ui/LanguageManager.h"

#include "ui/WrappingLabel.h"

#include <QEvent>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace unstuck::ui {

FixesWidget::FixesWidget(QWidget* parent)
    : QWidget(parent), m_intro(new QLabel(this)), m_box(new QWidget(this)),
      m_boxLayout(new QVBoxLayout(m_box))
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // Long identifiers and requests wrap (names::breakable) instead of widening the panel.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    outer->addWidget(scroll);
    auto* content = new QWidget(scroll);
    auto* layout = new QVBoxLayout(content);
    m_intro->setWordWrap(true);
    m_boxLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_intro);
    layout->addWidget(m_box);
    layout->addStretch(1);
    scroll->setWidget(content);
    rebuild();
}

namespace {

// What a plan's row shows besides its number (planWidget, addSteps).
bool sameSteps(const QList<FixStep>& a, const QList<FixStep>& b)
{
    return std::equal(
        a.cbegin(), a.cend(), b.cbegin(), b.cend(), [](const FixStep& x, const FixStep& y) {
            return x.description == y.description && x.descriptionZh == y.descriptionZh &&
                   x.method == y.method && x.target == y.target && x.command == y.command;
        });
}

bool sameRow(const FixPlan& a, const FixPlan& b)
{
    return a.id == b.id && a.appliesTo == b.appliesTo && a.title == b.title &&
           a.titleZh == b.titleZh && a.why == b.why && a.whyZh == b.whyZh && a.risk == b.risk &&
           a.riskZh == b.riskZh && a.verify == b.verify && a.verifyZh == b.verifyZh &&
           a.kind == b.kind && sameSteps(a.preflight, b.preflight) && sameSteps(a.steps, b.steps) &&
           sameSteps(a.undo, b.undo);
}

} // namespace

// A tab behind the Inspector is not seen: its rows (rich text, a dozen milliseconds of GUI
// thread for a large cluster's plans) are built when it is first shown, not for every partial.
bool FixesWidget::isHiddenTab() const
{
    return !isWindow() && isHidden() && testAttribute(Qt::WA_WState_ExplicitShowHide);
}

void FixesWidget::setFixes(const QList<FixPlan>& fixes)
{
    m_wanted = fixes;
    if (isHiddenTab()) {
        m_rowsBehind = true;
        updateIntro();
        return;
    }
    showFixes(fixes);
}

// ShowToParent, not showEvent: the tab may be picked while the window itself is not shown yet.
bool FixesWidget::event(QEvent* event)
{
    if (event->type() == QEvent::ShowToParent) {
        if (m_rowsOutdated) {
            m_fixes = m_wanted;
            rebuild();
        } else if (m_rowsBehind) {
            showFixes(m_wanted);
        }
    }
    return QWidget::event(event);
}

// Partial results arrive every 250 ms and mostly repeat the plans already shown: building a
// plan's rich-text row costs several milliseconds of GUI thread, so a row whose content is
// unchanged is kept (renumbered if a plan was inserted above it) and only new plans are built.
void FixesWidget::showFixes(const QList<FixPlan>& fixes)
{
    m_rowsBehind = false;
    QList<QGroupBox*> rows(fixes.size(), nullptr);
    QList<bool> reused(m_rows.size(), false);
    for (int i = 0; i < fixes.size(); ++i)
        for (int j = 0; j < m_rows.size() && j < m_fixes.size(); ++j)
            if (!reused.at(j) && sameRow(m_fixes.at(j), fixes.at(i))) {
                reused[j] = true;
                rows[i] = m_rows.at(j);
                break;
            }
    for (int j = 0; j < m_rows.size(); ++j)
        if (!reused.at(j))
            delete m_rows.at(j);
    m_fixes = fixes;
    m_rows.clear();
    for (int i = 0; i < m_fixes.size(); ++i) {
        QGroupBox* row = rows.at(i) ? rows.at(i) : planWidget(m_fixes.at(i));
        m_boxLayout->removeWidget(row);
        m_boxLayout->insertWidget(i, row);
        setHeading(row, m_fixes.at(i), i + 1);
        m_rows << row;
    }
    updateIntro();
}

void FixesWidget::rebuild()
{
    if (isHiddenTab()) {
        m_rowsOutdated = true;
        updateIntro();
        return;
    }
    m_rowsOutdated = m_rowsBehind = false;
    qDeleteAll(std::exchange(m_rows, {}));
    for (int i = 0; i < m_fixes.size(); ++i) {
        QGroupBox* row = planWidget(m_fixes.at(i));
        m_boxLayout->addWidget(row);
        setHeading(row, m_fixes.at(i), i + 1);
        m_rows << row;
    }
    updateIntro();
}

void FixesWidget::updateIntro()
{
    m_intro->setText(m_wanted.isEmpty()
                         ? tr("No fix is recommended for this diagnosis.")
                         : tr("Recommended fixes, root cause first. Fix… opens a guided "
                              "wizard: nothing is sent to the cluster or the cloud account "
                              "before its preview, preflight and your confirmation."));
}

// The title is a wrapping label, not the group box title: a box title never wraps and its
// width would push the panel wider than the window, cutting every line on the right.
void FixesWidget::setHeading(QGroupBox* box, const FixPlan& plan, int index)
{
    const QString title = QStringLiteral("%1. %2").arg(index).arg(
        plan.titleText().in(LanguageManager::engineLanguage()));
    box->setAccessibleName(title);
    if (auto* heading = box->findChild<QLabel*>(QStringLiteral("fixTitle")))
        heading->setText(QStringLiteral("<b>%1</b>").arg(names::breakable(title).toHtmlEscaped()));
}

QGroupBox* FixesWidget::planWidget(const FixPlan& plan)
{
    const Language language = LanguageManager::engineLanguage();
    auto* box = new QGroupBox(m_box);
    box->setObjectName(QStringLiteral("fixPlan"));
    auto* layout = new QVBoxLayout(box);
    QLabel* heading = wrappingLabel(QString(), box);
    heading->setObjectName(QStringLiteral("fixTitle"));
    layout->addWidget(heading);
    box->setProperty("appliesTo", plan.appliesTo);
    box->installEventFilter(this);
    auto* fix = new QPushButton(tr("Fix…"), box);
    fix->setObjectName(QStringLiteral("fixButton-") + plan.id);
    fix->setAccessibleName(tr("Fix: %1").arg(plan.titleText().in(language)));
    fix->setEnabled(m_fixing);
    fix->setToolTip(m_fixing ? tr("Preview, preflight, confirm, apply and verify this fix")
                             : m_whyNot);
    connect(fix, &QPushButton::clicked, this, [this, id = plan.id] { Q_EMIT fixRequested(id); });
    layout->addWidget(fix, 0, Qt::AlignLeft);
    // The level is read from the English text, which always starts with it.
    const bool high = plan.risk.startsWith(QLatin1String("high"));
    layout->addWidget(
        wrappingLabel(QStringLiteral("%1<br/><b>%2</b> <span style='color:%3'>%4</span>")
                          .arg(names::breakable(plan.whyText().in(language)).toHtmlEscaped(),
                               tr("Risk:").toHtmlEscaped(),
                               high ? QStringLiteral("#e53935") : QStringLiteral("inherit"),
                               names::breakable(plan.riskText().in(language)).toHtmlEscaped()),
                      box));
    addSteps(layout, tr("Preflight"), plan.preflight, box);
    addSteps(layout, tr("Steps"), plan.steps, box);
    addSteps(layout, tr("Undo"), plan.undo, box);
    if (!plan.verify.isEmpty())
        layout->addWidget(wrappingLabel(
            QStringLiteral("<b>%1</b> %2")
                .arg(tr("Verify:").toHtmlEscaped(),
                     names::breakable(plan.verifyText().in(language)).toHtmlEscaped()),
            box));
    return box;
}

// Takes the panel's width and wraps; long identifiers and requests never widen the panel.
QLabel* FixesWidget::wrappingLabel(const QString& html, QWidget* parent)
{
    auto* label = new WrappingLabel(html, parent);
    label->setTextFormat(Qt::RichText);
    return label;
}

void FixesWidget::addSteps(QVBoxLayout* layout, const QString& heading, const QList<FixStep>& steps,
                           QWidget* parent)
{
    if (steps.isEmpty())
        return;
    auto* title = new QLabel(QStringLiteral("<b>%1</b>").arg(heading.toHtmlEscaped()), parent);
    layout->addWidget(title);
    auto* list = new QWidget(parent);
    auto* listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(list);
    addStepRows(list, steps, 0);
}

// A plan can hold a step per stuck namespace (31 on the large simulated cluster, 124 widgets,
// 17 ms in one go): its rows are built a few at a time, one event-loop turn each, so the window
// keeps painting while they appear. A row deleted meanwhile takes the rest with it.
void FixesWidget::addStepRows(QWidget* list, const QList<FixStep>& steps, int from)
{
    constexpr int kStepsPerTurn = 6;
    auto* layout = static_cast<QVBoxLayout*>(list->layout());
    const int end = std::min(int(steps.size()), from + kStepsPerTurn);
    for (int i = from; i < end; ++i) {
        const FixStep& step = steps.at(i);
        QString text =
            names::breakable(step.descriptionText().in(LanguageManager::engineLanguage()))
                .toHtmlEscaped();
        if (!step.method.isEmpty())
            text += QStringLiteral("<br/><code>%1 %2</code>")
                        .arg(step.method.toHtmlEscaped(),
                             names::breakable(step.target).toHtmlEscaped());
        QLabel* label = wrappingLabel(QStringLiteral("• ") + text, list);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(label);
        if (!step.command.isEmpty())
            layout->addWidget(new CommandRow(step.command, list));
    }
    if (end < steps.size())
        QTimer::singleShot(0, list, [this, list, steps, end] { addStepRows(list, steps, end); });
}

void FixesWidget::setFixingEnabled(bool enabled, const QString& whyNot)
{
    if (m_fixing == enabled && m_whyNot == whyNot)
        return;
    m_fixing = enabled;
    m_whyNot = whyNot;
    rebuild();
}

bool FixesWidget::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Enter)
        Q_EMIT fixHovered(watched->property("appliesTo").toString());
    else if (event->type() == QEvent::Leave)
        Q_EMIT fixHovered({});
    return QWidget::eventFilter(watched, event);
}

void FixesWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QWidget::changeEvent(event);
}

} // namespace unstuck::ui
