// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/kube/KubeClient.h"
#include "models/kube/KubeError.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace unstuck {

// What discovery learnt about one group/version ("v1", "apps/v1", "metrics.k8s.io/v1beta1").
struct DiscoveryGroupVersion
{
    QString groupVersion;
    bool ok = false;
    bool stale = false; // aggregated discovery said freshness: Stale
    int httpStatus = 0; // of the per-group-version GET (0 with aggregated discovery)
    QString reason;     // Status reason, e.g. "ServiceUnavailable"
    QString message;    // the error as client-go prints it after "<gv>: "
    KubeError error;
    QJsonArray resources; // APIResource objects (name, namespaced, kind, verbs)
};

// The same partial result the namespace controller sees.
struct DiscoveryResult
{
    bool aggregated = false; // answered by aggregated discovery (apidiscovery.k8s.io)
    KubeError error;         // discovery failed as a whole (/api or /apis unusable)
    QList<DiscoveryGroupVersion> groupVersions; // sorted by groupVersion
    QList<KubeRequestRecord> requests;          // every request made, for evidence
    qint64 elapsedMs = 0;

    bool complete() const { return error.ok() && failed().isEmpty(); }
    QList<DiscoveryGroupVersion> failed() const;
    // client-go's ErrGroupDiscoveryFailed text: "unable to retrieve the complete list of server
    // APIs: <gv>: <err>, ..." (entries sorted); empty when nothing failed.
    QString aggregateMessage() const;
};

// Lists every API group/version like client-go's ServerGroupsAndResources: aggregated discovery
// (one request) where the server has it, else /api + /apis + one GET per group/version, in
// parallel, each with a short timeout so a dead APIService costs seconds, not kubectl's 30.
class KubeDiscovery : public QObject
{
    Q_OBJECT
public:
    explicit KubeDiscovery(KubeClient* client, QObject* parent = nullptr);

    void setGroupVersionTimeoutMs(int ms) { m_gvTimeoutMs = ms; }
    void setUseAggregated(bool use) { m_useAggregated = use; }
    bool isRunning() const { return m_running; }

    // Starts discovery; emits finished() once. Ignored while running.
    void run();

    static QByteArray aggregatedAccept();
    // The group versions an aggregated discovery answer (APIGroupDiscoveryList) lists, stale
    // ones failed as client-go reports them.
    static QList<DiscoveryGroupVersion> aggregatedGroupVersions(const QJsonObject& list);

Q_SIGNALS:
    void finished(const unstuck::DiscoveryResult& result);

private:
    void fetchRoot(const QString& path, KubeResponse* slot);
    void onRootsAnswered();
    void readRoot(const QJsonObject& json, bool core);
    void fetchGroupVersion(const QString& gv);
    void onGroupVersion(const QString& gv, const KubeResponse& response);
    void finishIfIdle();
    void addRecord(const QByteArray& accept, const QString& path, const KubeResponse& response);

    QPointer<KubeClient> m_client;
    int m_gvTimeoutMs = 3000;
    bool m_useAggregated = true;
    bool m_running = false;
    int m_pending = 0;
    KubeResponse m_api, m_apis;
    int m_rootsAnswered = 0;
    DiscoveryResult m_result;
    QElapsedTimer m_timer;
    quint64 m_generation = 0; // a run() while running is ignored; this guards stale answers
};

} // namespace unstuck
