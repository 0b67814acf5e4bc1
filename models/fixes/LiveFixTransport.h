// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/cloud/CloudClient.h"
#include "models/fixes/FixTransport.h"
#include "models/kube/KubeClient.h"
#include "models/sources/LiveSource.h"

#include <memory>

namespace unstuck {

// The fix engine's connection to the real cluster and account: its own KubeClient and
// CloudClient on the connection the diagnosis used (LiveSource::resolve), so a fix writes with
// exactly the credentials it was previewed and preflighted with.
class LiveFixTransport : public FixTransport
{
    Q_OBJECT
public:
    LiveFixTransport(LiveConnection connection, int timeoutMs, QObject* parent = nullptr);
    ~LiveFixTransport() override;

    void send(const FixRequest& request, const QString& fixId, QObject* receiver,
              Callback callback) override;
    bool hasCloud() const override { return m_cloud != nullptr; }
    QString cloudUnavailableReason() const override { return m_connection.cloudReason; }
    int requestsSent() const override { return m_sent; }

    const LiveConnection& connection() const { return m_connection; }

    static FixResponse fromKube(const KubeResponse& response);
    static FixResponse fromCloud(const CloudResponse& response);

private:
    LiveConnection m_connection;
    std::unique_ptr<KubeClient> m_kube;
    std::unique_ptr<CloudClient> m_cloud;
    int m_sent = 0;
};

} // namespace unstuck
