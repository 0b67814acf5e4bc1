// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/fixes/FixTransport.h"
#include "models/fixes/PreparedFix.h"
#include "models/sources/DiagnosisRequest.h"
#include "models/verdict/DiagnosisResult.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <memory>

namespace unstuck {

class DiagnosisEngine;

// Re-probes after a fix until the chain is healthy or the deadline passes. Each round reads only
// what the fixes can change on the way (a route entry's status, an APIService's Available
// condition, each stuck namespace), naming every change it sees; a whole diagnosis runs only
// when those facts say the chain should be healed, when one cannot be read, every few rounds as
// a safety net, and once more at the deadline. Healed is only ever said by a diagnosis, and
// means what `unstuck diagnose` would call healthy: no root cause, and the stuck namespaces gone.
class FixVerifier : public QObject
{
    Q_OBJECT
public:
    // A fact verify watches, and the values it has once the chain is healed.
    struct WatchedFact
    {
        StateFact fact;
        QStringList healed; // "Available"; "True" or StateFact::kAbsent; …
        bool isNamespace = false;
    };
    // Cheap rounds between two diagnoses at most: the safety net against a change no watched
    // fact shows (a latent root cause, a fact whose healed value differs from the one expected).
    static constexpr int kReadsPerDiagnosis = 10;

    FixVerifier(DiagnosisRequest request, FixTransport& transport, QObject* parent = nullptr);
    ~FixVerifier() override;

    // Diagnose whenever a watched fact moves too (a graph that follows the chain turning green).
    void setFollowsChain(bool follows) { m_followsChain = follows; }
    void start(const DiagnosisResult& before, int timeoutMs, int intervalMs);
    void cancel();
    bool isRunning() const { return m_running; }
    int diagnoses() const { return m_diagnoses; }
    int diagnosisRequests() const { return m_probes; }
    int rounds() const { return m_rounds; } // fact readings, with or without a diagnosis

    // What to read each round, from the diagnosis the fixes were planned from.
    static QList<WatchedFact> watchFacts(const DiagnosisResult& before);
    // Whether the facts read say the chain should be healed (a diagnosis then confirms it):
    // every stuck namespace gone or, with none to watch, every fact at a healed value.
    static bool looksHealed(const QList<WatchedFact>& watch, const QStringList& values);
    static bool healed(const DiagnosisResult& before, const DiagnosisResult& now);
    // "ram-policy: explicit Deny …", "namespace tobedeletedb: Terminating".
    static QStringList red(const DiagnosisResult& result);
    // The same list as a person reads it, the root cause first, components and links named as
    // the graph's cards name them: "RAM policy: Role …: an explicit Deny …" / "RAM 权限策略：…".
    static QList<Bilingual> redText(const DiagnosisResult& result);

Q_SIGNALS:
    void progress(const unstuck::Bilingual& message, const QString& waitingFor);
    // Each complete diagnosis verify runs, so a graph can follow the chain turning green.
    void rediagnosed(const unstuck::DiagnosisResult& result);
    void finished(bool healed, const unstuck::DiagnosisResult& last, const QStringList& stillRed);

private:
    void round();
    void factsRead(const QStringList& values);
    bool needsDiagnosis(const QStringList& values);
    void diagnose(const QStringList& values);
    void diagnosed(const DiagnosisResult& now);
    void report(const DiagnosisResult& now);
    void reportFacts(const QStringList& values);
    void waitFor(const QStringList& stillRed, const QList<Bilingual>& text, int pauseMs);

    DiagnosisRequest m_request;
    FixTransport& m_transport;
    std::unique_ptr<DiagnosisEngine> m_engine;
    DiagnosisResult m_before, m_last;
    QList<WatchedFact> m_watch;
    QStringList m_watchValues;     // as last read, for naming what changed
    QStringList m_valuesDiagnosed; // as read before the last complete diagnosis
    QTimer m_next;
    QElapsedTimer m_clock;
    int m_timeoutMs = 180000, m_intervalMs = 1000;
    int m_diagnoses = 0, m_probes = 0, m_rounds = 0, m_readsSinceDiagnosis = 0;
    bool m_running = false, m_followsChain = false;
    QString m_lastWaiting;
    qint64 m_lastWaitingAt = 0;
};

} // namespace unstuck
