// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace unstuck::sim {

class KubeStore;

// Builds the Kubernetes side of each scenario (the cloud side is CloudWorld::populate()).
//
// Every scenario starts from the seed cluster of DESIGN.md §1: three ACK nodes
// (cn-hangzhou.192.168.0.193 control plane, .194, .195; pod CIDRs 172.16.{0,1,2}.0/24),
// static control-plane pods on the host network, metrics-server (pod IP 172.16.1.12:4443 on
// node 2) behind APIService v1beta1.metrics.k8s.io, coredns, and namespace tobedeletedb in
// Terminating. Scenarios then break (or heal) one thing.
class ScenarioBuilder
{
public:
    static QStringList names();
    static bool build(const QString& scenario, KubeStore& kube, QString* error);
    // Benchmark size: `nodes` more nodes (one pod each) and `namespaces` more namespaces
    // (every tenth Terminating).
    static void addLargeCluster(KubeStore& kube, int nodes, int namespaces);

    // Names other parts of the simulator and the tests rely on.
    static constexpr const char* kControlPlaneNode = "cn-hangzhou.192.168.0.193";
    static constexpr const char* kWorkerNode1 = "cn-hangzhou.192.168.0.194";
    static constexpr const char* kWorkerNode2 = "cn-hangzhou.192.168.0.195";
    static constexpr const char* kStuckNamespace = "tobedeletedb";
    static constexpr const char* kMetricsApiService = "v1beta1.metrics.k8s.io";
    static constexpr const char* kMetricsPodIp = "172.16.1.12";
    static constexpr const char* kCcmPod = "cloud-controller-manager-8xq2v";
    static constexpr const char* kKcmPod = "kube-controller-manager-cn-hangzhou.192.168.0.193";
    static constexpr const char* kApiServerPod = "kube-apiserver-cn-hangzhou.192.168.0.193";
};

} // namespace unstuck::sim
