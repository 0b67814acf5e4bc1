// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/engine/DiagnosisEngine.h"
#include "models/fixes/FixPreflight.h"
#include "models/fixes/FixPreparer.h"
#include "models/fixes/LiveFixTransport.h"
#include "models/sim/SimServer.h"
#include "models/sim/SimWorld.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <memory>
#include <optional>

namespace unstuck::test {

// Answers fix requests from a script: the first rule whose label prefix matches. Records what
// was sent, so a test can say what a check asked.
class FakeTransport : public FixTransport
{
public:
    using FixTransport::FixTransport;
    struct Rule
    {
        QString prefix; // FixRequest::label() starts with it
        FixResponse response;
    };
    QList<Rule> rules;
    QList<FixRequest> sent;
    bool cloud = true;

    void on(const QString& prefix, const FixResponse& response)
    {
        rules.prepend({prefix, response});
    }
    void send(const FixRequest& request, const QString&, QObject* receiver,
              Callback callback) override
    {
        sent.append(request);
        FixResponse answer;
        answer.error = QStringLiteral("notfound");
        answer.status = 404;
        for (const Rule& r : std::as_const(rules))
            if (request.label().startsWith(r.prefix)) {
                answer = r.response;
                break;
            }
        QMetaObject::invokeMethod(
            receiver, [callback, answer] { callback(answer); }, Qt::QueuedConnection);
    }
    bool hasCloud() const override { return cloud; }
    int requestsSent() const override { return int(sent.size()); }
};

inline FixResponse okJson(const QJsonObject& json, int status = 200)
{
    FixResponse r;
    r.status = status;
    r.json = json;
    return r;
}

inline FixResponse failure(int status, const QString& error, const QString& code,
                           const QString& message)
{
    FixResponse r;
    r.status = status;
    r.error = error;
    r.code = code;
    r.message = message;
    return r;
}

// A simulator scenario in-process, diagnosed through its profile, with a live fix transport on
// the same connection.
struct SimFixture
{
    QTemporaryDir dir;
    std::unique_ptr<sim::SimServer> server;
    std::unique_ptr<LiveFixTransport> transport;
    DiagnosisResult diagnosis;
    DiagnosisRequest request;

    bool start(const QString& scenario)
    {
        sim::SimOptions options;
        options.scenario = scenario;
        options.stateDir = dir.path();
        options.reconcileIntervalMs = 100;
        server = std::make_unique<sim::SimServer>(options);
        QString error;
        if (!server->start(&error)) {
            qWarning("sim did not start: %s", qPrintable(error));
            return false;
        }
        QSignalSpy reconciled(&server->world(), &sim::SimWorld::reconciled);
        while (reconciled.size() < 4)
            if (!reconciled.wait(5000))
                return false;
        request.profileFile = server->profilePath();
        request.requestTimeoutMs = 3000;
        const auto connection = LiveSource::resolve(request, &error);
        if (!connection)
            return false;
        transport = std::make_unique<LiveFixTransport>(*connection, 5000);
        return diagnose();
    }

    bool diagnose()
    {
        DiagnosisEngine engine;
        QSignalSpy finished(&engine, &DiagnosisEngine::finished);
        engine.start(request);
        if (!finished.wait(30000))
            return false;
        diagnosis = finished.first().first().value<DiagnosisResult>();
        return diagnosis.complete;
    }

    const FixPlan* plan(const QString& id) const
    {
        for (const FixPlan& p : diagnosis.fixes)
            if (p.id == id)
                return &p;
        return nullptr;
    }

    std::optional<PreparedFix> prepare(const QString& id, const PrepareOptions& options = {})
    {
        const FixPlan* p = plan(id);
        if (!p)
            return std::nullopt;
        std::optional<PreparedFix> out;
        QObject receiver;
        FixPreparer::prepare(*p, *transport, options, &receiver,
                             [&](const PreparedFix& fix) { out = fix; });
        (void)QTest::qWaitFor([&] { return out.has_value(); }, 15000);
        return out;
    }
};

} // namespace unstuck::test
