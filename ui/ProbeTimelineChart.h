// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/common/Bilingual.h"

#include <QChartView>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QTimer>
#include <QValueAxis>

namespace unstuck::ui {

// A live Gantt chart of the probes of the current run: one named row per probe (the failed ones
// marked ✗ and red, running ones grey), on a time axis with round steps. Its height grows with
// the probes so every name stays readable (the panel scrolls). Redraws are coalesced so a burst
// of probes costs one repaint, and wait while the chart is hidden.
class ProbeTimelineChart : public QChartView
{
    Q_OBJECT
public:
    explicit ProbeTimelineChart(QWidget* parent = nullptr);

    void reset();
    void probeStarted(int probeId, const unstuck::Bilingual& label);
    void probeFinished(int probeId, bool ok, const QString& summary);
    void finish();

    int probeCount() const { return int(m_probes.size()); }
    int failedCount() const;

    struct Probe
    {
        int id = 0;
        Bilingual label; // shown in the UI language, rebuilt when it changes
        qint64 startMs = 0;
        qint64 endMs = -1; // -1 while running
        bool ok = true;
        QString summary;
    };
    const QList<Probe>& probes() const { return m_probes; }

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void refresh();
    void rebuild();
    void retranslate();
    QString categoryLabel(const Probe& probe, const QStringList& taken) const;
    QValueAxis* timeAxis(qint64 maxMs) const;

    QList<Probe> m_probes;
    QHash<int, int> m_index;
    QElapsedTimer m_clock;
    QTimer m_refresh;
    bool m_stale = false; // probes changed while the chart was hidden
};

} // namespace unstuck::ui
