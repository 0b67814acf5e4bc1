// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ProbeTimelineChart.h"

#include "ui/LanguageManager.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QEvent>
#include <QGraphicsLayout>
#include <QHorizontalStackedBarSeries>
#include <QLegendMarker>
#include <QValueAxis>
#include <cmath>

namespace unstuck::ui {

namespace {
// Beyond this many probes the chart shows the most recent ones (a large cluster can need
// hundreds; the chart is for watching progress, the report lists them all).
constexpr int kMaxShown = 150;

constexpr int kRowHeight = 18;   // one probe per row, its name readable on the axis
constexpr int kChartChrome = 80; // title, time axis and margins

QFont smallFont()
{
    QFont f;
    f.setPointSizeF(8);
    return f;
}

// A tick step a person reads at a glance: 1, 2 or 5 times a power of ten, about `ticks` of them.
qreal roundStep(qreal span, int ticks)
{
    const qreal raw = qMax<qreal>(1, span / ticks);
    const qreal magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const qreal factor : {1.0, 2.0, 5.0})
        if (factor * magnitude >= raw)
            return factor * magnitude;
    return 10 * magnitude;
}
} // namespace

ProbeTimelineChart::ProbeTimelineChart(QWidget* parent) : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    // The chart QChartView made for itself; setChart() would release (not delete) it.
    QChart* c = chart();
    // Legend on the side and no axis titles: the chart lives in a short panel.
    c->legend()->setAlignment(Qt::AlignRight);
    c->setMargins(QMargins(2, 2, 2, 2));
    c->layout()->setContentsMargins(0, 0, 0, 0);
    c->setBackgroundRoundness(0);
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(120);
    connect(&m_refresh, &QTimer::timeout, this, &ProbeTimelineChart::refresh);
    retranslate();
    rebuild();
}

void ProbeTimelineChart::reset()
{
    m_probes.clear();
    m_index.clear();
    m_clock.start();
    rebuild();
}

void ProbeTimelineChart::probeStarted(int probeId, const Bilingual& label)
{
    if (!m_clock.isValid())
        m_clock.start();
    Probe p;
    p.id = probeId;
    p.label = label;
    p.startMs = m_clock.elapsed();
    m_index.insert(probeId, int(m_probes.size()));
    m_probes.append(p);
    if (!m_refresh.isActive())
        m_refresh.start();
}

void ProbeTimelineChart::probeFinished(int probeId, bool ok, const QString& summary)
{
    const auto it = m_index.constFind(probeId);
    if (it == m_index.constEnd())
        return;
    Probe& p = m_probes[*it];
    p.endMs = m_clock.elapsed();
    p.ok = ok;
    p.summary = summary;
    if (!m_refresh.isActive())
        m_refresh.start();
}

void ProbeTimelineChart::finish()
{
    m_refresh.stop();
    rebuild();
}

// Rebuilding the chart's series and axes costs the GUI thread 5–15 ms: while its tab is not
// shown (the story is, by default), the rows wait until it is.
void ProbeTimelineChart::refresh()
{
    if (isVisible())
        rebuild();
    else
        m_stale = true;
}

void ProbeTimelineChart::showEvent(QShowEvent* event)
{
    if (m_stale)
        rebuild();
    QChartView::showEvent(event);
}

int ProbeTimelineChart::failedCount() const
{
    int n = 0;
    for (const Probe& p : m_probes)
        n += (p.endMs >= 0 && !p.ok) ? 1 : 0;
    return n;
}

QString ProbeTimelineChart::categoryLabel(const Probe& probe, const QStringList& taken) const
{
    QString name = probe.label.in(LanguageManager::engineLanguage());
    if (name.size() > 60)
        name = name.left(59) + QChar(0x2026);
    // The failed probe is marked in its name too, not only by the bar's colour.
    if (probe.endMs >= 0 && !probe.ok)
        name = QStringLiteral("✗ ") + name;
    // Category names must be unique: a repeated probe gets its ordinal.
    QString label = name;
    for (int n = 2; taken.contains(label); ++n)
        label = QStringLiteral("%1 (%2)").arg(name).arg(n);
    return label;
}

void ProbeTimelineChart::rebuild()
{
    m_stale = false;
    QChart* c = chart();
    c->removeAllSeries();
    for (QAbstractAxis* axis : c->axes())
        c->removeAxis(axis), delete axis;

    auto* series = new QHorizontalStackedBarSeries();
    auto* offset = new QBarSet(QString());
    offset->setColor(Qt::transparent);
    offset->setBorderColor(Qt::transparent);
    auto* ok = new QBarSet(tr("succeeded"));
    ok->setColor(QColor(0x2e, 0x9e, 0x5b));
    auto* failed = new QBarSet(tr("failed"));
    failed->setColor(QColor(0xe5, 0x39, 0x35));
    auto* running = new QBarSet(tr("running"));
    running->setColor(QColor(0x9a, 0xa0, 0xa6));
    QStringList categories;
    const qint64 now = m_clock.isValid() ? m_clock.elapsed() : 0;
    qint64 maxMs = 100;
    const int first = qMax(0, int(m_probes.size()) - kMaxShown);
    // Top to bottom in start order (a horizontal bar axis counts from the bottom).
    for (int i = int(m_probes.size()) - 1; i >= first; --i) {
        const Probe& p = m_probes.at(i);
        const qint64 end = p.endMs >= 0 ? p.endMs : now;
        const qreal duration = qMax<qreal>(1, end - p.startMs);
        *offset << p.startMs;
        *ok << (p.endMs >= 0 && p.ok ? duration : 0);
        *failed << (p.endMs >= 0 && !p.ok ? duration : 0);
        *running << (p.endMs < 0 ? duration : 0);
        categories << categoryLabel(p, categories);
        maxMs = qMax(maxMs, end);
    }
    series->append({offset, ok, failed, running});
    series->setBarWidth(0.8);
    c->addSeries(series);
    c->legend()->markers(series).first()->setVisible(false);
    setMinimumHeight(int(categories.size()) * kRowHeight + kChartChrome);

    auto* y = new QBarCategoryAxis();
    y->append(categories);
    y->setGridLineVisible(false);
    y->setLabelsVisible(true);
    y->setLabelsFont(smallFont());
    c->addAxis(y, Qt::AlignLeft);
    c->addAxis(timeAxis(maxMs), Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(c->axes(Qt::Horizontal).first());
    c->setTitle(m_probes.isEmpty() ? tr("Probe timeline: no diagnosis yet")
                                   : tr("Probe timeline: %1 probes, %2 failed (ms since start)")
                                         .arg(m_probes.size())
                                         .arg(failedCount()));
}

QValueAxis* ProbeTimelineChart::timeAxis(qint64 maxMs) const
{
    auto* x = new QValueAxis();
    const qreal step = roundStep(qreal(maxMs), 6);
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickAnchor(0);
    x->setTickInterval(step);
    x->setRange(0, std::ceil(qreal(maxMs) / step) * step);
    x->setLabelFormat(QStringLiteral("%d"));
    x->setLabelsFont(smallFont());
    return x;
}

void ProbeTimelineChart::retranslate()
{
    setAccessibleName(tr("Probe timeline"));
}

void ProbeTimelineChart::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        rebuild();
    }
    QChartView::changeEvent(event);
}

} // namespace unstuck::ui
