// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/EngineWorker.h"

#include "ui/HeapRelease.h"

namespace unstuck::ui {

EngineWorker::EngineWorker() : m_engine(new DiagnosisEngine(this))
{
    // Direct connections on the worker thread: m_run is the run the engine works on when it
    // emits (engine->start drops a superseded run's callbacks before m_run changes hands).
    connect(m_engine, &DiagnosisEngine::probeStarted, this,
            [this](int id, const Bilingual& label) { Q_EMIT probeStarted(m_run, id, label); });
    connect(m_engine, &DiagnosisEngine::probeFinished, this,
            [this](int id, bool ok, const QString& summary) {
                Q_EMIT probeFinished(m_run, id, ok, summary);
            });
    connect(m_engine, &DiagnosisEngine::progress, this,
            [this](const DiagnosisResult& partial) { Q_EMIT progress(m_run, partial); });
    // The engine drops the finished run (its answers) with deleteLater(): the result goes out
    // once that has happened and the freed memory went back to the system, so a window that
    // diagnosed a large cluster does not stay that large.
    connect(m_engine, &DiagnosisEngine::finished, this, [this](const DiagnosisResult& result) {
        QMetaObject::invokeMethod(
            this,
            [this, run = m_run, result] {
                heap::returnFreedMemory();
                Q_EMIT finished(run, result);
            },
            Qt::QueuedConnection);
    });
}

void EngineWorker::start(int run, const DiagnosisRequest& request)
{
    m_engine->cancel(); // reported under the old run number, which the GUI has moved past
    m_run = run;
    m_engine->start(request);
}

void EngineWorker::cancel()
{
    m_engine->cancel();
}

} // namespace unstuck::ui
