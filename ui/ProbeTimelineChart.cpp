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

namespace unstuck::ui {

namespace {
// Beyond this many probes the chart shows the most recent ones (a large cluster can need
// hundreds; the chart is for watching progress, the report lists them all).
constexpr int kMaxShown = 150;

QFont smallFont()
{
    QFont f;
    f.setPointSizeF(7.5);
    return f;
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
    connect(&m_refresh, &QTimer::timeout, this, &ProbeTimelineChart::rebuild);
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

int ProbeTimelineChart::failedCount() const
{
    int n = 0;
    for (const Probe& p : m_probes)
        n += (p.endMs >= 0 && !p.ok) ? 1 : 0;
    return n;
}

void ProbeTimelineChart::rebuild()
{
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
    for (int i = first; i < m_probes.size(); ++i) {
        const Probe& p = m_probes.at(i);
        const qint64 end = p.endMs >= 0 ? p.endMs : now;
        const qreal duration = qMax<qreal>(1, end - p.startMs);
        *offset << p.startMs;
        *ok << (p.endMs >= 0 && p.ok ? duration : 0);
        *failed << (p.endMs >= 0 && !p.ok ? duration : 0);
        *running << (p.endMs < 0 ? duration : 0);
        // Category names must be unique; the probe id keeps them so.
        categories << QStringLiteral("%1 #%2")
                          .arg(p.label.in(LanguageManager::engineLanguage()).left(40))
                          .arg(p.id);
        maxMs = qMax(maxMs, end);
    }
    series->append({offset, ok, failed, running});
    series->setBarWidth(0.8);
    c->addSeries(series);
    c->legend()->markers(series).first()->setVisible(false);

    auto* y = new QBarCategoryAxis();
    y->append(categories);
    y->setLabelsVisible(categories.size() <= 14);
    y->setGridLineVisible(false);
    auto* x = new QValueAxis();
    x->setRange(0, double(maxMs) * 1.05);
    x->setLabelFormat(QStringLiteral("%d"));
    x->setLabelsFont(smallFont());
    y->setLabelsFont(smallFont());
    c->addAxis(y, Qt::AlignLeft);
    c->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);
    c->setTitle(m_probes.isEmpty() ? tr("Probe timeline: no diagnosis yet")
                                   : tr("Probe timeline: %1 probes, %2 failed (ms since start)")
                                         .arg(m_probes.size())
                                         .arg(failedCount()));
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
