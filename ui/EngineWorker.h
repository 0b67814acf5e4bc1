// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/engine/DiagnosisEngine.h"

#include <QObject>

namespace unstuck::ui {

// Lives on EngineRunner's worker thread with the engine it owns, so parsing thousands of
// objects and assembling the verdict never run on the GUI thread. Every signal carries the
// number of the run it belongs to: a run superseded by a newer one is recognised and dropped
// on the GUI side, even when its last signals were already queued.
class EngineWorker : public QObject
{
    Q_OBJECT
public:
    EngineWorker();

    // Called on the worker thread (queued from EngineRunner).
    void start(int run, const unstuck::DiagnosisRequest& request);
    void cancel();

Q_SIGNALS:
    void probeStarted(int run, int probeId, const unstuck::Bilingual& label);
    void probeFinished(int run, int probeId, bool ok, const QString& summary);
    void progress(int run, const unstuck::DiagnosisResult& partial);
    void finished(int run, const unstuck::DiagnosisResult& result);

private:
    DiagnosisEngine* m_engine;
    int m_run = 0;
};

} // namespace unstuck::ui
