// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/engine/DiagnosisEngine.h"

#include "models/engine/DiagnosisRun.h"
#include "models/sources/LiveSource.h"
#include "models/sources/OfflineSources.h"
#include "models/sources/RecordingSource.h"

#include <QMetaMethod>
#include <QPointer>
#include <QTimer>

namespace unstuck {

struct DiagnosisEngine::Private
{
    DiagnosisRequest request;
    std::unique_ptr<DiagnosisSource> source;
    std::unique_ptr<DiagnosisRun> run;
    // Children of the engine, so moveToThread takes them along (the GUI runs the engine on a
    // worker thread).
    QTimer* deadline = nullptr;
    QTimer* progressTimer = nullptr;
    QDateTime startedAt;
    int generation = 0; // bumped by dropRun(): late deliveries of a dropped start are ignored
};

DiagnosisEngine::DiagnosisEngine(QObject* parent) : QObject(parent), d(std::make_unique<Private>())
{
    d->deadline = new QTimer(this);
    d->progressTimer = new QTimer(this);
    d->deadline->setSingleShot(true);
    d->progressTimer->setSingleShot(true);
    d->progressTimer->setInterval(250);
    connect(d->progressTimer, &QTimer::timeout, this, [this] {
        // Partial verdicts cost a full evaluation: only build them for someone listening.
        if (d->run && isSignalConnected(QMetaMethod::fromSignal(&DiagnosisEngine::progress)))
            Q_EMIT progress(d->run->result(false));
    });
}

DiagnosisEngine::~DiagnosisEngine()
{
    d->run.reset();
    d->source.reset();
}

std::unique_ptr<DiagnosisSource> DiagnosisEngine::openSource(const DiagnosisRequest& request,
                                                             QString* error)
{
    // A capture bundle or pasted ticket text replays offline; anything else is a live run.
    std::unique_ptr<DiagnosisSource> source = request.fromPath.isEmpty()
                                                  ? LiveSource::open(request, error)
                                                  : OfflineSources::open(request.fromPath, error);
    if (source && !request.recordPath.isEmpty()) {
        auto recorder = std::make_unique<RecordingSource>(std::move(source), request.recordPath);
        recorder->setNamespace(request.namespaceName);
        source = std::move(recorder);
    }
    return source;
}

void DiagnosisEngine::start(const DiagnosisRequest& request)
{
    QString error;
    auto source = openSource(request, &error);
    if (!source) {
        dropRun();
        DiagnosisResult result;
        result.startedAt = result.finishedAt = QDateTime::currentDateTimeUtc();
        result.error = error;
        result.narrativeEn = QStringLiteral("Could not diagnose: ") + error;
        result.narrativeZh = QStringLiteral("无法诊断：") + error;
        // Delivered asynchronously, like every other result, unless a newer start or a cancel
        // came first.
        QTimer::singleShot(0, this, [this, result, generation = d->generation] {
            if (generation == d->generation)
                Q_EMIT finished(result);
        });
        return;
    }
    start(request, std::move(source));
}

void DiagnosisEngine::start(const DiagnosisRequest& request,
                            std::unique_ptr<DiagnosisSource> source)
{
    dropRun(); // a superseded run's callbacks are dropped with it
    d->request = request;
    if (d->request.namespaceName.isEmpty())
        d->request.namespaceName = source ? source->recordedNamespace() : QString();
    d->source = std::move(source);
    d->startedAt = QDateTime::currentDateTimeUtc();
    d->run = std::make_unique<DiagnosisRun>(d->source.get(), d->request);
    DiagnosisRun* run = d->run.get();
    connect(run, &DiagnosisRun::probeStarted, this, &DiagnosisEngine::probeStarted);
    connect(run, &DiagnosisRun::probeFinished, this, &DiagnosisEngine::probeFinished);
    connect(run, &DiagnosisRun::answered, this, [this] {
        if (!d->progressTimer->isActive())
            d->progressTimer->start();
    });
    // The verdict is there before the sweep ends: show it now, not at the next tick.
    connect(run, &DiagnosisRun::redPathSettled, this, [this] {
        if (d->run && !d->run->findings().timedOut &&
            isSignalConnected(QMetaMethod::fromSignal(&DiagnosisEngine::progress)))
            Q_EMIT progress(d->run->result(false));
    });
    connect(run, &DiagnosisRun::done, this, [this] { complete(false); });
    // Every request has its own timeout; this is the backstop so one black hole never stalls
    // the verdict (the longest dependent chain is about five requests).
    d->deadline->disconnect();
    connect(d->deadline, &QTimer::timeout, this, [this] { complete(true); });
    d->deadline->start(std::max(2000, request.requestTimeoutMs * 6));
    run->start();
}

void DiagnosisEngine::complete(bool timedOut)
{
    if (!d->run)
        return;
    d->deadline->stop();
    d->progressTimer->stop();
    d->run->close();
    if (timedOut) {
        d->run->markTimedOut();
        d->source->cancelAll();
    }
    DiagnosisResult result = d->run->result(true);
    result.startedAt = d->startedAt;
    result.finishedAt = QDateTime::currentDateTimeUtc();
    const Findings& f = d->run->findings();
    // Nothing answered from the cluster at all: that is "could not diagnose", not a verdict. A
    // paste never "answers" as a whole: what it holds is diagnosed, what it lacks is unknown
    // with its reason (a paste with nothing recognised is refused when it is opened).
    const bool kubeReached = (f.apis && f.apis->ok()) || (f.namespaces && f.namespaces->ok()) ||
                             d->source->kind() == QLatin1String("paste");
    if (!kubeReached) {
        result.complete = false;
        const Observation* o = f.namespaces ? &*f.namespaces : (f.apis ? &*f.apis : nullptr);
        // An HTTP status means the server answered and refused (401, 403): "did not answer"
        // would send the user looking for a network fault.
        const QString why =
            o ? (o->answer.message.isEmpty() ? o->answer.error : o->answer.message) : QString();
        result.error = !o ? QStringLiteral("the Kubernetes API did not answer in time")
                       : o->answer.status > 0
                           ? QStringLiteral("the Kubernetes API refused the request (HTTP %1): %2")
                                 .arg(o->answer.status)
                                 .arg(why)
                           : QStringLiteral("the Kubernetes API did not answer: %1").arg(why);
        result.rootCause.reset();
        result.redPath.clear();
        result.fixes.clear();
        result.narrativeEn = QStringLiteral("Could not diagnose: ") + result.error;
        result.narrativeZh = QStringLiteral("无法诊断：") + result.error;
    }
    // The one namespace asked for does not exist: nothing to diagnose, say so.
    if (kubeReached && !d->request.namespaceName.isEmpty() && f.namespaces &&
        f.namespaces->answer.status == 404) {
        result.complete = false;
        result.error = QStringLiteral("namespace \"%1\" not found").arg(d->request.namespaceName);
        result.rootCause.reset();
        result.redPath.clear();
        result.fixes.clear();
        result.narrativeEn = QStringLiteral("Could not diagnose: ") + result.error;
        result.narrativeZh = QStringLiteral("无法诊断：") + result.error;
    }
    if (auto* recorder = qobject_cast<RecordingSource*>(d->source.get())) {
        QString error;
        if (!recorder->save(&error) && result.error.isEmpty())
            result.error = QStringLiteral("the capture bundle could not be saved: ") + error;
    }
    // Drop the run after this call stack unwinds: we may be inside one of its callbacks.
    d->run.release()->deleteLater();
    Q_EMIT finished(result);
}

void DiagnosisEngine::dropRun()
{
    ++d->generation;
    d->deadline->stop();
    d->progressTimer->stop();
    if (d->run) {
        d->run->close();
        d->run.release()->deleteLater();
    }
    if (d->source)
        d->source->cancelAll();
}

void DiagnosisEngine::cancel()
{
    const bool wasRunning = isRunning();
    dropRun();
    if (wasRunning) {
        DiagnosisResult result;
        result.startedAt = d->startedAt;
        result.finishedAt = QDateTime::currentDateTimeUtc();
        result.error = QStringLiteral("cancelled");
        Q_EMIT finished(result);
    }
}

bool DiagnosisEngine::isRunning() const
{
    return d->run != nullptr;
}

} // namespace unstuck
