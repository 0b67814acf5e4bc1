// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sim/CloudAccount.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <memory>

namespace unstuck::sim {

class KubeStore;
class CloudWorld;
class CloudApi;

// Plays the Alibaba Cloud CCM route controller: calls the cloud API as the control-plane RAM
// role, re-creates missing routes when allowed, and otherwise logs/files events/sets node
// conditions exactly as the real one does.
class RouteControllerSim
{
public:
    RouteControllerSim(KubeStore& kube, CloudWorld& cloud);
    ~RouteControllerSim();
    // Called every simulator tick; runs a full route sync when its own period is due
    // (CloudWorld::routeReconcilePeriodMs, first after routeFirstSyncDelayMs).
    void reconcile();
    // One full sync now, whatever the period (tests, "restart the CCM" fixes).
    void syncNow();
    int syncCount() const { return m_syncs; }

private:
    struct CallResult
    {
        QJsonObject json;
        QString error; // the Go SDK's error text ("SDK.ServerError\nErrorCode: …"), "" on success
    };
    CallResult call(const QString& action, const QMap<QString, QString>& params);
    void failAll(const QString& logLine, const QString& fileLine, const QString& eventMessage,
                 const QString& nodeError);
    void log(QChar severity, const QString& fileLine, const QString& message);
    void setNodeCondition(const QString& nodeName, bool routeCreated);
    void nodeEvent(const QString& nodeName, const QString& type, const QString& reason,
                   const QString& message);
    void fileEvent(const QJsonObject& involved, const QString& type, const QString& reason,
                   const QString& message);
    QString ccmPod() const;
    bool skipNode(const QJsonObject& node) const;

    KubeStore& m_kube;
    CloudWorld& m_cloud;
    std::unique_ptr<CloudApi> m_api;
    SimAccessKey m_session;
    QElapsedTimer m_clock;
    qint64 m_nextDueMs = -1;
    int m_generation = 0; // the world generation the schedule belongs to
    int m_syncs = 0;
    QHash<QString, int> m_similarEvents; // "object/reason" -> events filed
};

} // namespace unstuck::sim
