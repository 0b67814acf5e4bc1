// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/StallMonitor.h"

namespace unstuck::ui {

StallMonitor::StallMonitor(int intervalMs, QObject* parent) : QObject(parent)
{
    m_timer.setInterval(intervalMs);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &StallMonitor::tick);
}

void StallMonitor::start()
{
    reset();
    m_timer.start();
}

void StallMonitor::stop()
{
    m_timer.stop();
}

void StallMonitor::reset()
{
    m_clock.start();
    m_last = -1;
    m_longest = 0;
}

void StallMonitor::tick()
{
    const qint64 now = m_clock.elapsed();
    if (m_last >= 0)
        m_longest = qMax(m_longest, now - m_last - m_timer.interval());
    m_last = now;
}

} // namespace unstuck::ui
