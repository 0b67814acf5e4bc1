// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace unstuck::sim {

class KubeStore;
class CloudWorld;

// Plays kube-aggregator's availability controller: for every APIService computes Available
// from the world in the real order of checks (Service, port, endpoints, then the discovery
// call from the control-plane host network to the backend pod, which needs a VPC route to
// the pod's node) and writes the real reasons and messages (Kubernetes 1.32 formats).
class AggregatorSim
{
public:
    // Pods with this annotation set to "true" accept no connections (connection refused).
    static constexpr const char* kNotListeningAnnotation = "unstuck.dev/not-listening";

    AggregatorSim(KubeStore& kube, const CloudWorld& cloud);
    void reconcile();

    struct Verdict
    {
        QString status; // True / False / Unknown
        QString reason;
        QString message;
    };
    Verdict evaluate(const QJsonObject& apiService) const;

private:
    bool reachable(const QString& podIp, const QString& nodeName, bool hostNetwork) const;

    KubeStore& m_kube;
    const CloudWorld& m_cloud;
    QHash<QString, qint64> m_lastLogged; // APIService -> ms of the last apiserver log line
};

} // namespace unstuck::sim
