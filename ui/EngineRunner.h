// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/DiagnosisRunner.h"

#include <QThread>

namespace unstuck::ui {

class EngineWorker;

// The real thing: DiagnosisEngine on a worker thread of its own (EngineWorker), so the window
// stays responsive while thousands of objects are parsed and the verdict is assembled. Calls
// and results cross threads as queued events; a cancelled or superseded run's late signals
// are dropped here, so the window sees exactly one `finished` per `start`.
class EngineRunner : public DiagnosisRunner
{
    Q_OBJECT
public:
    explicit EngineRunner(QObject* parent = nullptr);
    ~EngineRunner() override;
    void start(const DiagnosisRequest& request) override;
    void cancel() override;
    bool isRunning() const override;

private:
    bool isCurrent(int run) const { return run == m_run && m_running; }

    QThread m_thread;
    EngineWorker* m_worker;
    int m_run = 0;
    bool m_running = false;
};

} // namespace unstuck::ui
