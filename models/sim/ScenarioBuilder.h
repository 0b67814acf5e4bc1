// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace unstuck::sim {

class KubeStore;

// Builds the Kubernetes side of each scenario (the cloud side is CloudWorld::populate()).
//
// Every scenario starts from the seed cluster of DESIGN.md §1 (Kubernetes v1.32.2, ACK-style):
//  - nodes cn-hangzhou.192.168.0.193 (control plane, tainted; label
//    node-role.kubernetes.io/control-plane + master; pod CIDR 172.16.0.0/24),
//    cn-hangzhou.192.168.0.194 (172.16.1.0/24) and cn-hangzhou.192.168.0.195 (172.16.2.0/24);
//    providerID "cn-hangzhou.<instance>" (instances i-bp13ac0b4xmxo5vd2mua,
//    i-bp1f1hjqxz4l5t9s8w6e, i-bp1gq8vjy2mk7r0n3d5c), InternalIP = the node IP;
//  - kube-system static pods on the control plane's host network: kube-apiserver-<cp>,
//    kube-controller-manager-<cp> (label component=…; its log gets the namespace controller's
//    failures), kube-scheduler-<cp>, and cloud-controller-manager-8xq2v
//    (label app=cloud-controller-manager; the route controller sim logs there);
//  - metrics-server Deployment (k8s-app=metrics-server), pod IP 172.16.1.12 port 4443 (named
//    "https") on node .194, Service metrics-server 172.21.5.87:443 -> https, and APIService
//    v1beta1.metrics.k8s.io (service kube-system/metrics-server:443); coredns (2 pods) behind
//    kube-dns; namespace shop with Deployment/Service web; Local APIServices for built-ins;
//  - namespace tobedeletedb, Terminating for 3 hours (all scenarios except healthy).
// Scenarios:
//  seed, route-missing, no-cloud-credentials, ram-two-policies  the kube side above (the cloud
//                         side breaks the route to 172.16.1.0/24 -> FailedDiscoveryCheck i/o
//                         timeout; in ram-two-policies a second custom policy, a change freeze
//                         on the master role and the operator user, denies route writes too, so
//                         the RAM fix makes two writes and the route fix waits for it)
//  healthy                no Terminating namespace, everything available
//  backend-down           metrics-server scaled to 0 -> MissingEndpoints
//  stale-apiservice       metrics-server Deployment and Service gone -> ServiceNotFound
//  custom-aggregated-api  namespace kubevirt, Deployment/Service virt-api (pod 172.16.2.21:8443
//                         on .195, annotated unstuck.dev/not-listening) behind APIServices
//                         v1.subresources.kubevirt.io and v1alpha3.subresources.kubevirt.io
//                         -> FailedDiscoveryCheck "connect: connection refused"; metrics fine
//  finalizers-remaining   CRD backups.example.com, Backup tobedeletedb/nightly with finalizer
//                         example.com/cleanup -> SomeResourcesRemain / SomeFinalizersRemain
//  webhook-blocks-delete  ValidatingWebhookConfiguration policy-guard (webhook
//                         validate.policy-guard.example.com, DELETE configmaps, Service
//                         policy-guard/policy-guard-webhook missing) and ConfigMap
//                         tobedeletedb/app-config -> NamespaceDeletionContentFailure
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
