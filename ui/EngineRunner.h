// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/DiagnosisRunner.h"

namespace unstuck::ui {

// The real thing: forwards to DiagnosisEngine.
class EngineRunner : public DiagnosisRunner
{
    Q_OBJECT
public:
    explicit EngineRunner(QObject* parent = nullptr);
    void start(const DiagnosisRequest& request) override;
    void cancel() override;
    bool isRunning() const override;

private:
    DiagnosisEngine* m_engine;
};

} // namespace unstuck::ui
