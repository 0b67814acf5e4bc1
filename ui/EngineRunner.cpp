// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/EngineRunner.h"

namespace unstuck::ui {

EngineRunner::EngineRunner(QObject* parent)
    : DiagnosisRunner(parent), m_engine(new DiagnosisEngine(this))
{
    connect(m_engine, &DiagnosisEngine::probeStarted, this, &DiagnosisRunner::probeStarted);
    connect(m_engine, &DiagnosisEngine::probeFinished, this, &DiagnosisRunner::probeFinished);
    connect(m_engine, &DiagnosisEngine::progress, this, &DiagnosisRunner::progress);
    connect(m_engine, &DiagnosisEngine::finished, this, &DiagnosisRunner::finished);
}

void EngineRunner::start(const DiagnosisRequest& request)
{
    m_engine->start(request);
}

void EngineRunner::cancel()
{
    m_engine->cancel();
}

bool EngineRunner::isRunning() const
{
    return m_engine->isRunning();
}

} // namespace unstuck::ui
