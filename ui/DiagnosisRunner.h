// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/engine/DiagnosisEngine.h"

#include <QObject>

namespace unstuck::ui {

// What the window needs from the engine: commands in, results out. The production runner
// wraps DiagnosisEngine (EngineRunner); view tests drive the window with results they build.
class DiagnosisRunner : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void start(const DiagnosisRequest& request) = 0;
    virtual void cancel() = 0;
    virtual bool isRunning() const = 0;

Q_SIGNALS:
    void probeStarted(int probeId, const unstuck::Bilingual& label);
    void probeFinished(int probeId, bool ok, const QString& summary);
    void progress(const unstuck::DiagnosisResult& partial);
    void finished(const unstuck::DiagnosisResult& result);
};

} // namespace unstuck::ui
