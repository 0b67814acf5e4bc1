// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/HistoryChart.h"

#include "ui/ComponentNames.h"

#include <QCategoryAxis>
#include <QChart>
#include <QEvent>
#include <QGraphicsLayout>
#include <QScatterSeries>
#include <QValueAxis>

namespace unstuck::ui {

namespace {
// Runs kept in the chart; older ones scroll out.
constexpr int kMaxRuns = 60;
} // namespace

HistoryChart::HistoryChart(QWidget* parent) : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    // The chart QChartView made for itself; setChart() would release (not delete) it.
    QChart* c = chart();
    // Legend on the side and no axis titles: the chart lives in a short panel.
    c->legend()->setAlignment(Qt::AlignRight);
    c->setMargins(QMargins(2, 2, 2, 2));
    c->layout()->setContentsMargins(0, 0, 0, 0);
    c->setBackgroundRoundness(0);
    // Deepest component at the bottom, the subject's side at the top.
    m_componentOrder = {
        QString::fromLatin1(ids::RamPolicy),     QString::fromLatin1(ids::RouteController),
        QString::fromLatin1(ids::VpcRouteTable), QString::fromLatin1(ids::MetricsServer),
        QString::fromLatin1(ids::ApiServer),     QString::fromLatin1(ids::NamespaceController)};
    rebuild();
}

void HistoryChart::addRun(const DiagnosisResult& result)
{
    Run run;
    run.at = result.finishedAt.isValid() ? result.finishedAt : QDateTime::currentDateTimeUtc();
    for (const auto& c : result.components) {
        run.states.insert(c.id, c.state);
        if (!m_componentOrder.contains(c.id))
            m_componentOrder.append(c.id);
    }
    m_runs.append(run);
    if (m_runs.size() > kMaxRuns)
        m_runs.removeFirst();
    rebuild();
}

void HistoryChart::clearHistory()
{
    m_runs.clear();
    rebuild();
}

ComponentState HistoryChart::stateAt(int run, const QString& componentId) const
{
    if (run < 0 || run >= m_runs.size())
        return ComponentState::Unknown;
    return m_runs.at(run).states.value(componentId, ComponentState::Unknown);
}

void HistoryChart::rebuild()
{
    QChart* c = chart();
    c->removeAllSeries();
    for (QAbstractAxis* axis : c->axes())
        c->removeAxis(axis), delete axis;

    struct Layer
    {
        ComponentState state;
        QColor color;
    };
    const Layer layers[] = {{ComponentState::Healthy, QColor(0x2e, 0x9e, 0x5b)},
                            {ComponentState::Failing, QColor(0xe5, 0x39, 0x35)},
                            {ComponentState::Unknown, QColor(0x8a, 0x8f, 0x98)},
                            {ComponentState::NotApplicable, QColor(0xc4, 0xc7, 0xcc)}};
    auto* x = new QValueAxis();
    x->setRange(0.5, qMax<qreal>(m_runs.size(), 1) + 0.5);
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickAnchor(1);
    x->setTickInterval(1);
    x->setLabelFormat(QStringLiteral("%d"));
    QFont small;
    small.setPointSizeF(7.5);
    x->setLabelsFont(small);
    auto* y = new QCategoryAxis();
    y->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    for (int i = 0; i < m_componentOrder.size(); ++i)
        y->append(names::component(m_componentOrder.at(i), m_componentOrder.at(i)), i);
    y->setRange(-0.5, m_componentOrder.size() - 0.5);
    y->setLabelsFont(small);
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    for (const Layer& layer : layers) {
        auto* s = new QScatterSeries();
        s->setName(names::state(layer.state));
        s->setColor(layer.color);
        s->setBorderColor(layer.color);
        s->setMarkerSize(9);
        s->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
        for (int r = 0; r < m_runs.size(); ++r)
            for (int i = 0; i < m_componentOrder.size(); ++i) {
                const auto it = m_runs.at(r).states.constFind(m_componentOrder.at(i));
                if (it != m_runs.at(r).states.constEnd() && *it == layer.state)
                    s->append(r + 1, i);
            }
        c->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    }
    c->setTitle(tr("Component states over repeated diagnoses (one column per run)"));
    setAccessibleName(tr("History chart"));
}

void HistoryChart::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QChartView::changeEvent(event);
}

} // namespace unstuck::ui
