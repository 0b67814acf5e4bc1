// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/EngineRunner.h"

#include "ui/EngineWorker.h"

namespace unstuck::ui {

EngineRunner::EngineRunner(QObject* parent) : DiagnosisRunner(parent), m_worker(new EngineWorker)
{
    m_thread.setObjectName(QStringLiteral("unstuck-engine"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &EngineWorker::probeStarted, this,
            [this](int run, int id, const Bilingual& label) {
                if (isCurrent(run))
                    Q_EMIT probeStarted(id, label);
            });
    connect(m_worker, &EngineWorker::probeFinished, this,
            [this](int run, int id, bool ok, const QString& summary) {
                if (isCurrent(run))
                    Q_EMIT probeFinished(id, ok, summary);
            });
    connect(m_worker, &EngineWorker::progress, this,
            [this](int run, const DiagnosisResult& partial) {
                if (isCurrent(run))
                    Q_EMIT progress(partial);
            });
    connect(m_worker, &EngineWorker::finished, this,
            [this](int run, const DiagnosisResult& result) {
                if (!isCurrent(run))
                    return;
                m_running = false;
                Q_EMIT finished(result);
            });
    m_thread.start();
}

EngineRunner::~EngineRunner()
{
    QMetaObject::invokeMethod(m_worker, &EngineWorker::cancel, Qt::QueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void EngineRunner::start(const DiagnosisRequest& request)
{
    const int run = ++m_run;
    m_running = true;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, run, request] { worker->start(run, request); },
        Qt::QueuedConnection);
}

void EngineRunner::cancel()
{
    if (!m_running)
        return;
    // The window hears "cancelled" at once, as it did when the engine ran on its thread; the
    // engine's own answer to the cancel arrives later under this run number and is dropped.
    m_running = false;
    QMetaObject::invokeMethod(m_worker, &EngineWorker::cancel, Qt::QueuedConnection);
    DiagnosisResult result;
    result.startedAt = result.finishedAt = QDateTime::currentDateTimeUtc();
    result.error = QStringLiteral("cancelled");
    Q_EMIT finished(result);
}

bool EngineRunner::isRunning() const
{
    return m_running;
}

} // namespace unstuck::ui
