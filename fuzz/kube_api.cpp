// SPDX-License-Identifier: GPL-3.0-or-later
// What a half-broken cluster may answer: the bytes are the body of every Kubernetes answer.
// Read as an error Status (KubeClient), as aggregated discovery (KubeDiscovery), and as the
// answer to every probe's question (namespaces, Lists, APIServices, discovery documents,
// pods, events, logs) through a whole diagnosis: probes → findings → verdicts.
#include "fuzz/FuzzSupport.h"
#include "models/engine/DiagnosisEngine.h"
#include "models/kube/Discovery.h"
#include "models/kube/KubeClient.h"

#include <QJsonDocument>
#include <QTimer>

using namespace unstuck;

namespace {

// Answers every Kubernetes question with the same body, asynchronously like a real source.
class FuzzedApiSource : public DiagnosisSource
{
public:
    explicit FuzzedApiSource(const QByteArray& body)
    {
        m_answer.status = 200;
        m_answer.body = body;
        m_answer.contentType = "application/json";
        m_answer.json = QJsonDocument::fromJson(body).object();
    }
    void fetch(const SourceQuery&, QObject* receiver, Callback callback) override
    {
        // A discovery answer naming its own group version again must not loop for ever.
        if (++m_asked > 2000) {
            SourceAnswer missing;
            missing.error = QStringLiteral("missing");
            QTimer::singleShot(0, receiver, [callback, missing] { callback(missing); });
            return;
        }
        const SourceAnswer answer = m_answer;
        QTimer::singleShot(0, receiver, [callback, answer] { callback(answer); });
    }
    QString kind() const override { return QStringLiteral("bundle"); }
    QString contextName() const override { return QStringLiteral("fuzz"); }
    bool hasCloud() const override { return false; }

private:
    SourceAnswer m_answer;
    int m_asked = 0;
};

void diagnose(const QByteArray& body)
{
    DiagnosisEngine engine;
    bool done = false;
    QObject::connect(&engine, &DiagnosisEngine::finished, [&done] { done = true; });
    engine.start(DiagnosisRequest{}, std::make_unique<FuzzedApiSource>(body));
    while (!done)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray body = fuzz::bytes(data, size);
    for (const int status : {403, 404, 503})
        KubeClient::errorFromResponse(status, body, "application/json");
    KubeClient::errorFromResponse(503, body, "text/plain");
    KubeDiscovery::aggregatedGroupVersions(QJsonDocument::fromJson(body).object());
    diagnose(body);
    return 0;
}
