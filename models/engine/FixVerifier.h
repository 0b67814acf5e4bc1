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

// Re-probes after a fix until the chain is healthy or the deadline passes: runs the same
// diagnosis again and reads what should change on the way (a route entry's status, an
// APIService's Available condition, each stuck namespace), naming every change it sees. Healed
// means what `unstuck diagnose` would call healthy: no root cause, and the stuck namespaces gone.
class FixVerifier : public QObject
{
    Q_OBJECT
public:
    FixVerifier(DiagnosisRequest request, FixTransport& transport, QObject* parent = nullptr);
    ~FixVerifier() override;

    void start(const DiagnosisResult& before, int timeoutMs, int intervalMs);
    void cancel();
    bool isRunning() const { return m_running; }
    int diagnoses() const { return m_diagnoses; }
    int diagnosisRequests() const { return m_probes; }

    // What to read each round, from the diagnosis the fixes were planned from.
    static QList<StateFact> watchFacts(const DiagnosisResult& before);
    static bool healed(const DiagnosisResult& before, const DiagnosisResult& now);
    // "ram-policy: explicit Deny …", "namespace tobedeletedb: Terminating".
    static QStringList red(const DiagnosisResult& result);
    // The same list as a person reads it, the root cause first, components and links named as
    // the graph's cards name them: "RAM policy: Role …: an explicit Deny …" / "RAM 权限策略：…".
    static QList<Bilingual> redText(const DiagnosisResult& result);

Q_SIGNALS:
    void progress(const unstuck::Bilingual& message, const QString& waitingFor);
    // Each round's complete diagnosis, so a graph can follow the chain turning green.
    void rediagnosed(const unstuck::DiagnosisResult& result);
    void finished(bool healed, const unstuck::DiagnosisResult& last, const QStringList& stillRed);

private:
    void round();
    void roundDone();
    void report(const DiagnosisResult& now);

    DiagnosisRequest m_request;
    FixTransport& m_transport;
    std::unique_ptr<DiagnosisEngine> m_engine;
    DiagnosisResult m_before, m_last;
    QList<StateFact> m_watch;
    QStringList m_watchValues;
    QTimer m_next;
    QElapsedTimer m_clock;
    int m_timeoutMs = 180000, m_intervalMs = 1000;
    int m_pending = 0, m_diagnoses = 0, m_probes = 0;
    bool m_running = false;
    QString m_lastWaiting;
    qint64 m_lastWaitingAt = 0;
    std::optional<DiagnosisResult> m_roundResult;
};

} // namespace unstuck
