// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/verdict/DiagnosisResult.h"

#include <QChartView>
#include <QDateTime>
#include <QHash>
#include <QList>

namespace unstuck::ui {

// Component states over repeated diagnoses (one column per run): after a fix, green spreads
// up the chain run by run.
class HistoryChart : public QChartView
{
    Q_OBJECT
public:
    explicit HistoryChart(QWidget* parent = nullptr);

    void addRun(const DiagnosisResult& result);
    void clearHistory();
    int runCount() const { return int(m_runs.size()); }
    // State of a component in a run (for tests and the report).
    ComponentState stateAt(int run, const QString& componentId) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Run
    {
        QDateTime at;
        QHash<QString, ComponentState> states;
    };
    void rebuild();

    QList<Run> m_runs;
    QStringList m_componentOrder;
};

} // namespace unstuck::ui
