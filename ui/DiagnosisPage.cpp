// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/DiagnosisPage.h"

#include "ui/ComponentNames.h"
#include "ui/FixesWidget.h"
#include "ui/GraphScene.h"
#include "ui/GraphView.h"
#include "ui/HistoryChart.h"
#include "ui/InspectorWidget.h"
#include "ui/LanguageManager.h"
#include "ui/ProbeTimelineChart.h"

#include "ui/WrappingLabel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace unstuck::ui {

DiagnosisPage::DiagnosisPage(QWidget* parent)
    : QWidget(parent), m_scene(new GraphScene(this)), m_view(new GraphView(m_scene, this)),
      m_inspector(new InspectorWidget(this)), m_fixes(new FixesWidget(this)),
      m_timeline(new ProbeTimelineChart(this)), m_history(new HistoryChart(this)),
      m_namespaces(new QListWidget(this)), m_namespacesTitle(new QLabel(this)),
      m_left(new QWidget(this)), m_root(new WrappingLabel(this)), m_banner(new QLabel(this)),
      m_warning(new QLabel(this)), m_back(new QPushButton(this)),
      m_narrative(new QTextBrowser(this)), m_sideTabs(new QTabWidget(this)),
      m_bottomTabs(new QTabWidget(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* bannerRow = new QHBoxLayout();
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral("QLabel{color:#e53935;border:1px solid #e53935;"
                                           "border-radius:4px;padding:6px;}"));
    bannerRow->addWidget(m_banner, 1);
    bannerRow->addWidget(m_back);
    layout->addLayout(bannerRow);
    m_banner->hide();
    m_warning->setObjectName(QStringLiteral("connectionWarning"));
    m_warning->setWordWrap(true);
    m_warning->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warning->setStyleSheet(QStringLiteral("QLabel{color:#7a4d00;background:#fff8c5;"
                                            "border:1px solid #d4a72c;border-radius:4px;"
                                            "padding:6px;}"));
    layout->addWidget(m_warning);
    m_warning->hide();
    m_back->hide();
    connect(m_back, &QPushButton::clicked, this, &DiagnosisPage::backRequested);

    auto* leftLayout = new QVBoxLayout(m_left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    QFont bold = m_namespacesTitle->font();
    bold.setBold(true);
    m_namespacesTitle->setFont(bold);
    m_namespaces->setObjectName(QStringLiteral("namespaces"));
    m_left->setMaximumWidth(220);
    leftLayout->addWidget(m_namespacesTitle);
    leftLayout->addWidget(m_namespaces, 1);

    // The answer sits where the eye already is: one large sentence right above the graph.
    m_root->setObjectName(QStringLiteral("rootCauseSummary"));
    m_root->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_root->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_root->setContentsMargins(8, 4, 8, 4);
    applyHeadlineFont();
    auto* graphPane = new QWidget(this);
    auto* graphLayout = new QVBoxLayout(graphPane);
    graphLayout->setContentsMargins(0, 0, 0, 0);
    graphLayout->setSpacing(2);
    graphLayout->addWidget(m_root);
    graphLayout->addWidget(m_view, 1);

    m_narrative->setObjectName(QStringLiteral("narrative"));
    m_bottomTabs->addTab(m_narrative, QString());
    // One readable row per probe: the chart grows with the probes and the tab scrolls.
    auto* timelineScroll = new QScrollArea(this);
    timelineScroll->setWidgetResizable(true);
    timelineScroll->setFrameShape(QFrame::NoFrame);
    timelineScroll->setWidget(m_timeline);
    m_bottomTabs->addTab(timelineScroll, QString());
    m_bottomTabs->addTab(m_history, QString());
    auto* center = new QSplitter(Qt::Vertical, this);
    center->addWidget(graphPane);
    center->addWidget(m_bottomTabs);
    center->setStretchFactor(0, 3);
    center->setStretchFactor(1, 1);
    center->setSizes({600, 220});

    m_sideTabs->addTab(m_inspector, QString());
    m_sideTabs->addTab(m_fixes, QString());

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_left);
    split->addWidget(center);
    split->addWidget(m_sideTabs);
    split->setStretchFactor(1, 1);
    m_sideTabs->setMinimumWidth(300);
    split->setSizes({150, 920, 350});
    layout->addWidget(split, 1);

    connect(m_scene, &GraphScene::inspectRequested, this, &DiagnosisPage::inspect);
    connect(m_namespaces, &QListWidget::currentRowChanged, this,
            &DiagnosisPage::onNamespaceSelected);
    applyPalette();
    retranslate();
}

void DiagnosisPage::applyPalette()
{
    m_scene->setTheme(Theme::fromPalette(palette()));
}

void DiagnosisPage::setPresenterMode(bool on)
{
    m_presenter = on;
    // Only the sentence and the graph: the graph refits to the freed space, so the cards' text
    // grows with it (readable from the back of a room on a 1080p projector).
    for (QWidget* panel :
         {m_left, static_cast<QWidget*>(m_sideTabs), static_cast<QWidget*>(m_bottomTabs)})
        panel->setVisible(!on);
    applyHeadlineFont();
}

void DiagnosisPage::applyHeadlineFont()
{
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * (m_presenter ? 2.0 : 1.35));
    m_root->setFont(big);
}

void DiagnosisPage::begin()
{
    m_timeline->reset();
    clearBanner();
    m_running = true;
    m_scene->setRunning(true);
    retranslate();
}

void DiagnosisPage::showPartial(const DiagnosisResult& partial)
{
    m_result = partial;
    render(true);
}

void DiagnosisPage::showFinal(const DiagnosisResult& result)
{
    m_result = result;
    m_timeline->finish();
    if (result.complete)
        m_history->addRun(result);
    render(false);
}

void DiagnosisPage::render(bool running)
{
    m_running = running;
    m_scene->setResult(m_result, running);
    m_inspector->setResult(m_result);
    m_fixes->setFixes(m_result.fixes);
    fillNamespaces();
    fillNarrative();
    fillWarnings();
    // First time a root cause is known, show it in the inspector: the answer, one glance away.
    // One event-loop turn later: the graph paints first, then the evidence is built (rich text,
    // a dozen milliseconds), instead of one long freeze for both.
    const quint64 rendered = ++m_renders;
    if (!running && m_inspector->subjectId().isEmpty() && m_result.rootCause) {
        const auto& rc = *m_result.rootCause;
        const QString id =
            rc.component.isEmpty() ? rc.from + QStringLiteral("→") + rc.to : rc.component;
        QTimer::singleShot(0, this, [this, id, rendered] {
            // Not if a newer result came meanwhile, or the person already picked something.
            if (rendered == m_renders && m_inspector->subjectId().isEmpty())
                m_scene->select(id);
        });
    }
    retranslate();
}

void DiagnosisPage::fillNamespaces()
{
    // The list is rebuilt only when a namespace came, went or changed phase (a large cluster
    // lists dozens, each with an SVG icon).
    QStringList shown;
    for (const auto& ns : m_result.namespaces)
        shown << ns.name + QLatin1Char('\n') + ns.phase + QLatin1Char('\n') +
                     ns.deletionTimestamp.toString(Qt::ISODateWithMs);
    if (shown == m_namespacesShown && m_namespaces->count() == shown.size())
        return;
    m_namespacesShown = shown;
    const QString current =
        m_namespaces->currentItem() ? m_namespaces->currentItem()->text() : QString();
    QSignalBlocker block(m_namespaces);
    m_namespaces->clear();
    for (const auto& ns : m_result.namespaces) {
        auto* item = new QListWidgetItem(QIcon(QStringLiteral(":/icons/namespace.svg")), ns.name,
                                         m_namespaces);
        item->setToolTip(tr("%1 since %2")
                             .arg(ns.phase, QLocale().toString(ns.deletionTimestamp.toLocalTime(),
                                                               QLocale::ShortFormat)));
        if (ns.name == current)
            m_namespaces->setCurrentItem(item);
    }
}

void DiagnosisPage::fillNarrative()
{
    // An error is shown once, where the window put it (banner or connect view), not here too.
    const bool zh = LanguageManager::isChinese() && !m_result.narrativeZh.isEmpty();
    const QString text = zh ? m_result.narrativeZh : m_result.narrativeEn;
    const QString html =
        QStringLiteral("<p>%1</p>")
            .arg(text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br/>")));
    // Partial results mostly repeat the story: parsing and laying it out again costs
    // milliseconds of GUI thread each time (and would reset the reader's scroll position).
    if (html == m_narrativeHtml)
        return;
    m_narrativeHtml = html;
    m_narrative->setHtml(html);
}

void DiagnosisPage::inspect(const QString& id, bool isLink)
{
    m_inspector->inspect(id, isLink);
    m_sideTabs->setCurrentWidget(m_inspector);
}

void DiagnosisPage::onNamespaceSelected()
{
    const int row = m_namespaces->currentRow();
    if (row < 0 || row >= m_result.namespaces.size())
        return;
    // A namespace is shown like a component: its conditions are the evidence.
    const StuckNamespace& ns = m_result.namespaces.at(row);
    ComponentVerdict v;
    v.id = QStringLiteral("namespace/") + ns.name;
    v.label = ns.name;
    v.object = ns.name;
    v.state = ComponentState::Failing;
    v.summary =
        tr("%1 since %2; finalizers: %3")
            .arg(ns.phase,
                 QLocale().toString(ns.deletionTimestamp.toLocalTime(), QLocale::ShortFormat),
                 ns.finalizers.isEmpty() ? tr("none") : ns.finalizers.join(QStringLiteral(", ")));
    for (const QJsonObject& c : ns.conditions) {
        Evidence e;
        e.title = c.value(QLatin1String("type")).toString() + QStringLiteral(" = ") +
                  c.value(QLatin1String("status")).toString();
        e.request = QStringLiteral("GET /api/v1/namespaces/") + ns.name;
        e.field = QStringLiteral("status.conditions[%1].message")
                      .arg(c.value(QLatin1String("type")).toString());
        e.value = c.value(QLatin1String("message")).toString();
        e.raw = QString::fromUtf8(QJsonDocument(c).toJson(QJsonDocument::Indented));
        e.command = QStringLiteral("kubectl get namespace %1 -o yaml").arg(ns.name);
        v.evidence.append(e);
    }
    DiagnosisResult shown = m_result;
    shown.components.append(v);
    m_inspector->setResult(shown);
    m_inspector->inspect(v.id, false);
    m_sideTabs->setCurrentWidget(m_inspector);
}

void DiagnosisPage::showBanner(const QString& message)
{
    m_banner->setText(message);
    m_banner->show();
    m_back->show();
}

void DiagnosisPage::clearBanner()
{
    m_banner->clear();
    m_banner->hide();
    m_back->hide();
}

// The connection's warnings (e.g. TLS verification is off), in the window's language.
void DiagnosisPage::fillWarnings()
{
    QStringList lines;
    for (const Bilingual& warning : m_result.warnings)
        lines << warning.in(LanguageManager::engineLanguage());
    m_warning->setText(lines.join(QLatin1Char('\n')));
    m_warning->setVisible(!lines.isEmpty());
}

QString DiagnosisPage::warningText() const
{
    return m_warning->isHidden() ? QString() : m_warning->text();
}

QString DiagnosisPage::bannerText() const
{
    return m_banner->isVisible() ? m_banner->text() : QString();
}

void DiagnosisPage::retranslate()
{
    m_namespacesTitle->setText(tr("Stuck namespaces (%1)").arg(m_result.namespaces.size()));
    m_namespaces->setAccessibleName(tr("Stuck namespaces"));
    showRootCause();
    m_back->setText(tr("Back to connect"));
    m_bottomTabs->setTabText(0, tr("Story"));
    m_bottomTabs->setTabText(1, tr("Probe timeline"));
    m_bottomTabs->setTabText(2, tr("History"));
    m_sideTabs->setTabText(0, tr("Inspector"));
    m_sideTabs->setTabText(
        1, m_result.fixes.isEmpty() ? tr("Fixes") : tr("Fixes (%1)").arg(m_result.fixes.size()));
}

void DiagnosisPage::showRootCause()
{
    if (m_result.rootCause) {
        const auto& rc = *m_result.rootCause;
        const QString where = rc.component.isEmpty()
                                  ? names::component(m_result, rc.from) + QStringLiteral(" → ") +
                                        names::component(m_result, rc.to)
                                  : names::component(m_result, rc.component);
        m_root->setText(
            QStringLiteral("<b style='color:#e53935'>%1</b> — %2")
                .arg(tr("Root cause: %1").arg(where).toHtmlEscaped(),
                     names::breakable(rc.summaryText().in(LanguageManager::engineLanguage()))
                         .toHtmlEscaped()));
    } else if (m_running) {
        m_root->setText(tr("Diagnosing…"));
    } else if (!m_result.complete && !m_result.error.isEmpty()) {
        m_root->setText(tr("Could not diagnose."));
    } else if (m_result.complete && m_result.namespaces.isEmpty()) {
        m_root->setText(tr("Nothing is stuck: no namespace is Terminating."));
    } else if (m_result.complete) {
        m_root->setText(tr("No root cause found."));
    } else {
        m_root->setText(tr("No diagnosis yet."));
    }
}

void DiagnosisPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        fillNarrative();
        fillWarnings();
        m_scene->retranslate();
    } else if (event->type() == QEvent::PaletteChange) {
        applyPalette();
    } else if (event->type() == QEvent::FontChange) {
        applyHeadlineFont();
    }
    QWidget::changeEvent(event);
}

} // namespace unstuck::ui
