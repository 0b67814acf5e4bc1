// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/engine/DiagnosisEngine.h"
#include "models/sim/SimServer.h"
#include "models/sim/SimWorld.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtGlobal>
#include <optional>

namespace unstuck::test {

// Starts a simulator scenario in-process, lets its controllers settle, and diagnoses it with the
// real engine through the profile.json the simulator wrote (kubeconfig, TLS, signed cloud calls).
// nullopt when the simulator did not start or the engine did not answer in time.
inline std::optional<DiagnosisResult> diagnoseScenario(const QString& scenario,
                                                       bool noCloud = false)
{
    QTemporaryDir dir;
    sim::SimOptions options;
    options.scenario = scenario;
    options.stateDir = dir.path();
    options.reconcileIntervalMs = 100;
    sim::SimServer server(options);
    QString error;
    if (!server.start(&error)) {
        qWarning("sim did not start: %s", qPrintable(error));
        return std::nullopt;
    }
    QSignalSpy reconciled(&server.world(), &sim::SimWorld::reconciled);
    while (reconciled.size() < 4)
        if (!reconciled.wait(5000))
            return std::nullopt;
    DiagnosisEngine engine;
    QSignalSpy finished(&engine, &DiagnosisEngine::finished);
    DiagnosisRequest request;
    request.profileFile = server.profilePath();
    request.noCloud = noCloud;
    request.requestTimeoutMs = 3000;
    engine.start(request);
    if (!finished.wait(30000))
        return std::nullopt;
    return finished.first().first().value<DiagnosisResult>();
}

} // namespace unstuck::test
