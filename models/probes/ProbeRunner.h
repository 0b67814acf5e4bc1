// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/common/Bilingual.h"
#include "models/probes/Findings.h"
#include "models/sources/DiagnosisSource.h"

#include <QMap>
#include <QObject>
#include <QSet>
#include <functional>

namespace unstuck {

// Sends the probes' questions to the source, numbers them, and tells when none is in flight.
// A question is asked for the red path (the verdict waits for it) or for the sweep (it only
// completes the picture, e.g. every node's route); redPathDrained() says when the first kind is
// all in. A question asked for the red path can leave it later (moveToSweep) when another answer
// made it unnecessary for the verdict. Destroying the runner drops every answer still on its way
// (a superseded or cancelled run).
class ProbeRunner : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<void(const Observation&)>;
    enum class Stage { RedPath, Sweep };

    ProbeRunner(DiagnosisSource* source, Findings& findings, QObject* parent = nullptr);

    // Returns the question's id (0 when the runner is closed).
    int ask(const SourceQuery& query, const Bilingual& label, Handler handler,
            Stage stage = Stage::RedPath);
    // The verdict no longer waits for question `id` (still in flight); its answer is handled as
    // before. Nothing happens when it already answered or was never on the red path.
    void moveToSweep(int id);
    int pending() const { return m_pending; }
    int pendingOnRedPath() const { return m_pendingRedPath; }
    // Ignores every later answer and question (the run was dropped or timed out).
    void close() { m_closed = true; }
    Findings& findings() { return m_findings; }
    DiagnosisSource* source() const { return m_source; }

    static SourceQuery kube(const QString& path, bool allPages = false);
    // A whole list in one answer from the API server's watch cache (resourceVersion=0, no
    // limit): one round trip at any cluster size instead of one per 500 items, at the price of
    // a cache that may lag etcd by a moment.
    static SourceQuery kubeFromCache(const QString& path);
    static SourceQuery cloud(const QString& product, const QString& action,
                             const QMap<QString, QString>& params, const QString& listPath = {});

Q_SIGNALS:
    void probeStarted(int probeId, const unstuck::Bilingual& label);
    void probeFinished(int probeId, bool ok, const QString& summary);
    void answered();
    void redPathDrained();
    void drained();

private:
    DiagnosisSource* m_source;
    Findings& m_findings;
    int m_nextId = 0;
    int m_pending = 0;
    int m_pendingRedPath = 0;
    QSet<int> m_redPathIds; // red-path questions still in flight
    bool m_closed = false;
};

} // namespace unstuck
