// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace unstuck::ui {

// A GUI-thread heartbeat: a short timer whose ticks should arrive every interval. Any extra
// gap between two ticks is time the event loop was blocked (the window was frozen).
class StallMonitor : public QObject
{
    Q_OBJECT
public:
    explicit StallMonitor(int intervalMs = 10, QObject* parent = nullptr);

    void start();
    void stop();
    void reset();
    // Longest gap between two ticks beyond the interval, in milliseconds (wall clock: includes
    // time the OS gave the CPU to other processes).
    qint64 longestStallMs() const { return m_longest; }
    // Longest time the GUI thread itself was busy between two ticks (thread CPU time where the
    // platform has it, else the wall-clock figure): what our own code blocked, even on a loaded
    // machine.
    qint64 longestBusyMs() const { return m_longestBusy; }
    int intervalMs() const { return m_timer.interval(); }

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = -1;
    qint64 m_longest = 0;
    qint64 m_lastCpuUs = -1;
    qint64 m_longestBusy = 0;
};

} // namespace unstuck::ui
