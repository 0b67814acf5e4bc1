// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/StallMonitor.h"

#ifdef Q_OS_UNIX
#include <time.h>
#endif

namespace unstuck::ui {

namespace {
// CPU time of the calling thread in microseconds, -1 where unavailable.
qint64 threadCpuUs()
{
#if defined(Q_OS_UNIX) && defined(CLOCK_THREAD_CPUTIME_ID)
    timespec ts{};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) == 0)
        return qint64(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
#endif
    return -1;
}
} // namespace

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
    m_lastCpuUs = -1;
    m_longestBusy = 0;
}

void StallMonitor::tick()
{
    const qint64 now = m_clock.elapsed();
    const qint64 cpu = threadCpuUs();
    if (m_last >= 0) {
        const qint64 gap = now - m_last - m_timer.interval();
        m_longest = qMax(m_longest, gap);
        const qint64 busy = (cpu >= 0 && m_lastCpuUs >= 0) ? (cpu - m_lastCpuUs) / 1000 : gap;
        m_longestBusy = qMax(m_longestBusy, qMin(busy, gap + m_timer.interval()));
    }
    m_last = now;
    m_lastCpuUs = cpu;
}

} // namespace unstuck::ui
