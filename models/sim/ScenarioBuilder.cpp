// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/ScenarioBuilder.h"

#include "models/sim/AggregatorSim.h"
#include "models/sim/Klog.h"
#include "models/sim/KubeStore.h"
#include "models/sim/WorkloadControllerSim.h"

#include <QDateTime>
#include <QJsonArray>

namespace unstuck::sim {

namespace {

using J = QJsonObject;
using A = QJsonArray;
#define S QStringLiteral

const QStringList kScenarios{S("seed"),
                             S("healthy"),
                             S("backend-down"),
                             S("stale-apiservice"),
                             S("custom-aggregated-api"),
                             S("route-missing"),
                             S("finalizers-remaining"),
                             S("webhook-blocks-delete"),
                             S("no-cloud-credentials"),
                             S("ram-two-policies")};

QString ago(qint64 seconds)
{
    return QDateTime::currentDateTimeUtc().addSecs(-seconds).toString(Qt::ISODate);
}

constexpr qint64 kDay = 24 * 3600;

struct NodeSpec
{
    QString ip;
    QString instance;
    QString cidr;
    bool controlPlane;
    QString zone;
};

J makeNode(const NodeSpec& n, const QString& created)
{
    const QString name = S("cn-hangzhou.") + n.ip;
    J labels{{S("beta.kubernetes.io/arch"), S("amd64")},
             {S("beta.kubernetes.io/os"), S("linux")},
             {S("kubernetes.io/arch"), S("amd64")},
             {S("kubernetes.io/os"), S("linux")},
             {S("kubernetes.io/hostname"), name},
             {S("node.kubernetes.io/instance-type"), S("ecs.g6.xlarge")},
             {S("topology.kubernetes.io/region"), S("cn-hangzhou")},
             {S("topology.kubernetes.io/zone"), n.zone}};
    J spec{{S("podCIDR"), n.cidr},
           {S("podCIDRs"), A{n.cidr}},
           {S("providerID"), S("cn-hangzhou.") + n.instance}};
    if (n.controlPlane) {
        labels.insert(S("node-role.kubernetes.io/control-plane"), QString());
        labels.insert(S("node-role.kubernetes.io/master"), QString());
        spec.insert(S("taints"), A{J{{S("key"), S("node-role.kubernetes.io/control-plane")},
                                     {S("effect"), S("NoSchedule")}}});
    }
    auto cond = [&](const char* type, const char* status, const char* reason, const char* message) {
        return J{{S("type"), QString::fromLatin1(type)},
                 {S("status"), QString::fromLatin1(status)},
                 {S("lastHeartbeatTime"), ago(20)},
                 {S("lastTransitionTime"), created},
                 {S("reason"), QString::fromLatin1(reason)},
                 {S("message"), QString::fromLatin1(message)}};
    };
    const J capacity{{S("cpu"), S("4")},
                     {S("memory"), S("15950184Ki")},
                     {S("pods"), S("110")},
                     {S("ephemeral-storage"), S("123722704Ki")}};
    return J{{S("apiVersion"), S("v1")},
             {S("kind"), S("Node")},
             {S("metadata"),
              J{{S("name"), name},
                {S("labels"), labels},
                {S("creationTimestamp"), created},
                {S("annotations"),
                 J{{S("node.alpha.kubernetes.io/ttl"), S("0")},
                   {S("volumes.kubernetes.io/controller-managed-attach-detach"), S("true")}}}}},
             {S("spec"), spec},
             {S("status"),
              J{{S("addresses"), A{J{{S("type"), S("InternalIP")}, {S("address"), n.ip}},
                                   J{{S("type"), S("Hostname")}, {S("address"), name}}}},
                {S("capacity"), capacity},
                {S("allocatable"), capacity},
                {S("conditions"),
                 A{cond("NetworkUnavailable", "False", "RouteCreated",
                        "RouteController created a route"),
                   cond("MemoryPressure", "False", "KubeletHasSufficientMemory",
                        "kubelet has sufficient memory available"),
                   cond("DiskPressure", "False", "KubeletHasNoDiskPressure",
                        "kubelet has no disk pressure"),
                   cond("PIDPressure", "False", "KubeletHasSufficientPID",
                        "kubelet has sufficient PID available"),
                   cond("Ready", "True", "KubeletReady", "kubelet is posting ready status")}},
                {S("nodeInfo"),
                 J{{S("architecture"), S("amd64")},
                   {S("containerRuntimeVersion"), S("containerd://1.6.36")},
                   {S("kernelVersion"), S("5.10.134-17.3.al8.x86_64")},
                   {S("kubeProxyVersion"), S("v1.32.2-aliyun.1")},
                   {S("kubeletVersion"), S("v1.32.2-aliyun.1")},
                   {S("operatingSystem"), S("linux")},
                   {S("osImage"), S("Alibaba Cloud Linux 3.2104 U10 (OpenAnolis Edition)")}}}}}};
}

J makeNamespace(const QString& name, const QString& created, const QString& deleting = {})
{
    J m{{S("name"), name},
        {S("creationTimestamp"), created},
        {S("labels"), J{{S("kubernetes.io/metadata.name"), name}}}};
    J status{{S("phase"), S("Active")}};
    if (!deleting.isEmpty()) {
        m.insert(S("deletionTimestamp"), deleting);
        status.insert(S("phase"), S("Terminating"));
    }
    return J{{S("apiVersion"), S("v1")},
             {S("kind"), S("Namespace")},
             {S("metadata"), m},
             {S("spec"), J{{S("finalizers"), A{S("kubernetes")}}}},
             {S("status"), status}};
}

J container(const QString& name, const QString& image, const A& ports = {}, const A& args = {})
{
    J c{{S("name"), name}, {S("image"), image}, {S("imagePullPolicy"), S("IfNotPresent")}};
    if (!ports.isEmpty())
        c.insert(S("ports"), ports);
    if (!args.isEmpty())
        c.insert(S("args"), args);
    return c;
}

J port(const QString& name, int number, const QString& protocol = S("TCP"))
{
    J p{{S("containerPort"), number}, {S("protocol"), protocol}};
    if (!name.isEmpty())
        p.insert(S("name"), name);
    return p;
}

class Builder
{
public:
    explicit Builder(KubeStore& kube) : m_kube(kube) {}

    J node(const QString& name) const { return *m_kube.get(S("nodes"), {}, name); }

    void put(const QString& resource, const J& o) { m_kube.put(resource, o); }

    void rootCa(const QString& ns, const QString& created)
    {
        put(S("configmaps"),
            J{{S("apiVersion"), S("v1")},
              {S("kind"), S("ConfigMap")},
              {S("metadata"),
               J{{S("name"), S("kube-root-ca.crt")},
                 {S("namespace"), ns},
                 {S("creationTimestamp"), created},
                 {S("annotations"), J{{S("kubernetes.io/description"),
                                       S("Contains a CA bundle that can be used to verify the "
                                         "kube-apiserver when using internal endpoints such as the "
                                         "internal service IP or kubernetes.default.svc. No other "
                                         "usage is guaranteed across distributions of Kubernetes "
                                         "clusters.")}}}}},
              {S("data"),
               J{{S("ca.crt"),
                  S("-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----\n")}}}});
    }

    void ns(const QString& name, qint64 ageSeconds, qint64 deletingSeconds = -1)
    {
        put(S("namespaces"),
            makeNamespace(name, ago(ageSeconds),
                          deletingSeconds >= 0 ? ago(deletingSeconds) : QString()));
        rootCa(name, ago(ageSeconds));
    }

    // A static (mirror) pod on the host network of a node, owned by the Node.
    void staticPod(const QString& component, const QString& nodeName, const QString& image,
                   const A& args, const QStringList& logLines, const QString& podName = {})
    {
        const J n = node(nodeName);
        const J podTemplate{
            {S("metadata"),
             J{{S("labels"), J{{S("component"), component}, {S("tier"), S("control-plane")}}}}},
            {S("spec"), J{{S("hostNetwork"), true},
                          {S("priorityClassName"), S("system-node-critical")},
                          {S("containers"), A{container(component, image, {}, args)}}}}};
        const QString name = podName.isEmpty() ? component + QLatin1Char('-') + nodeName : podName;
        J pod = WorkloadControllerSim::runningPod(S("kube-system"), name, podTemplate, n, {});
        J m = pod.value(S("metadata")).toObject();
        m.insert(S("creationTimestamp"), ago(40 * kDay));
        m.insert(S("ownerReferences"),
                 A{J{{S("apiVersion"), S("v1")},
                     {S("kind"), S("Node")},
                     {S("name"), nodeName},
                     {S("uid"), n.value(S("metadata")).toObject().value(S("uid"))},
                     {S("controller"), true}}});
        m.insert(S("annotations"),
                 J{{S("kubernetes.io/config.source"), S("file")},
                   {S("kubernetes.io/config.mirror"), S("5c3bd1c0a7e1f3c4b2d6e8f9a0b1c2d3")}});
        pod.insert(S("metadata"), m);
        put(S("pods"), pod);
        for (const QString& line : logLines)
            m_kube.appendPodLog(S("kube-system"), name, line);
    }

    // A Deployment with its pods already placed (node, IP); the workload controller keeps it.
    void deployment(const QString& ns, const QString& name, const J& labels, int replicas,
                    const A& containers, const QList<std::pair<QString, QString>>& placements,
                    const J& podAnnotations = {})
    {
        J templateMeta{{S("labels"), labels}};
        if (!podAnnotations.isEmpty())
            templateMeta.insert(S("annotations"), podAnnotations);
        const J podTemplate{{S("metadata"), templateMeta},
                            {S("spec"), J{{S("containers"), containers}}}};
        const QString created = ago(40 * kDay);
        const J d = m_kube.put(S("deployments.apps"),
                               J{{S("apiVersion"), S("apps/v1")},
                                 {S("kind"), S("Deployment")},
                                 {S("metadata"), J{{S("name"), name},
                                                   {S("namespace"), ns},
                                                   {S("labels"), labels},
                                                   {S("creationTimestamp"), created},
                                                   {S("generation"), 1}}},
                                 {S("spec"), J{{S("replicas"), replicas},
                                               {S("selector"), J{{S("matchLabels"), labels}}},
                                               {S("strategy"), J{{S("type"), S("RollingUpdate")}}},
                                               {S("template"), podTemplate}}}});
        const QString hash = WorkloadControllerSim::podTemplateHash(name, podTemplate);
        const QString rsName = name + QLatin1Char('-') + hash;
        J selector = labels;
        selector.insert(S("pod-template-hash"), hash);
        J rsTemplate = podTemplate;
        rsTemplate.insert(S("metadata"),
                          J{{S("labels"), selector}, {S("annotations"), podAnnotations}});
        const J rs = m_kube.put(
            S("replicasets.apps"),
            J{{S("apiVersion"), S("apps/v1")},
              {S("kind"), S("ReplicaSet")},
              {S("metadata"), J{{S("name"), rsName},
                                {S("namespace"), ns},
                                {S("labels"), selector},
                                {S("creationTimestamp"), created},
                                {S("ownerReferences"),
                                 A{J{{S("apiVersion"), S("apps/v1")},
                                     {S("kind"), S("Deployment")},
                                     {S("name"), name},
                                     {S("uid"), d.value(S("metadata")).toObject().value(S("uid"))},
                                     {S("controller"), true},
                                     {S("blockOwnerDeletion"), true}}}}}},
              {S("spec"), J{{S("replicas"), replicas},
                            {S("selector"), J{{S("matchLabels"), selector}}},
                            {S("template"), rsTemplate}}}});
        static const char* suffixes[] = {"k8v2x", "q7m4d", "z5n9w", "h2c6p"};
        int i = 0;
        for (const auto& [nodeName, ip] : placements) {
            if (i >= replicas)
                break;
            J pod = WorkloadControllerSim::runningPod(
                ns, rsName + QLatin1Char('-') + QLatin1String(suffixes[i % 4]), rsTemplate,
                node(nodeName), ip);
            J m = pod.value(S("metadata")).toObject();
            m.insert(S("creationTimestamp"), ago(9 * kDay));
            m.insert(S("generateName"), rsName + QLatin1Char('-'));
            m.insert(S("ownerReferences"),
                     A{J{{S("apiVersion"), S("apps/v1")},
                         {S("kind"), S("ReplicaSet")},
                         {S("name"), rsName},
                         {S("uid"), rs.value(S("metadata")).toObject().value(S("uid"))},
                         {S("controller"), true},
                         {S("blockOwnerDeletion"), true}}});
            pod.insert(S("metadata"), m);
            put(S("pods"), pod);
            ++i;
        }
    }

    void service(const QString& ns, const QString& name, const QString& clusterIp, const A& ports,
                 const J& selector, const J& labels = {})
    {
        J m{{S("name"), name}, {S("namespace"), ns}, {S("creationTimestamp"), ago(40 * kDay)}};
        if (!labels.isEmpty())
            m.insert(S("labels"), labels);
        J spec{{S("type"), S("ClusterIP")},
               {S("clusterIP"), clusterIp},
               {S("clusterIPs"), A{clusterIp}},
               {S("ports"), ports},
               {S("sessionAffinity"), S("None")},
               {S("ipFamilies"), A{S("IPv4")}},
               {S("ipFamilyPolicy"), S("SingleStack")},
               {S("internalTrafficPolicy"), S("Cluster")}};
        if (!selector.isEmpty())
            spec.insert(S("selector"), selector);
        put(S("services"), J{{S("apiVersion"), S("v1")},
                             {S("kind"), S("Service")},
                             {S("metadata"), m},
                             {S("spec"), spec}});
    }

    void apiService(const QString& group, const QString& version, const J& service = {},
                    const J& labels = {})
    {
        const QString name = version + QLatin1Char('.') + group;
        J spec{{S("group"), group},
               {S("version"), version},
               {S("groupPriorityMinimum"), service.isEmpty() ? 18000 : 100},
               {S("versionPriority"), service.isEmpty() ? 15 : 100}};
        if (!service.isEmpty()) {
            spec.insert(S("service"), service);
            spec.insert(S("insecureSkipTLSVerify"), true);
        }
        J m{{S("name"), name}, {S("creationTimestamp"), ago(40 * kDay)}};
        J l = labels;
        if (service.isEmpty())
            l.insert(S("kube-aggregator.kubernetes.io/automanaged"), S("onstart"));
        if (!l.isEmpty())
            m.insert(S("labels"), l);
        put(S("apiservices.apiregistration.k8s.io"),
            J{{S("apiVersion"), S("apiregistration.k8s.io/v1")},
              {S("kind"), S("APIService")},
              {S("metadata"), m},
              {S("spec"), spec}});
    }

private:
    KubeStore& m_kube;
};

void buildCluster(Builder& b, KubeStore& kube)
{
    const QList<NodeSpec> nodes{{S("192.168.0.193"), S("i-bp13ac0b4xmxo5vd2mua"),
                                 S("172.16.0.0/24"), true, S("cn-hangzhou-h")},
                                {S("192.168.0.194"), S("i-bp1f1hjqxz4l5t9s8w6e"),
                                 S("172.16.1.0/24"), false, S("cn-hangzhou-h")},
                                {S("192.168.0.195"), S("i-bp1gq8vjy2mk7r0n3d5c"),
                                 S("172.16.2.0/24"), false, S("cn-hangzhou-i")}};
    for (const NodeSpec& n : nodes)
        kube.put(S("nodes"), makeNode(n, ago(40 * kDay)));
    for (const char* name : {"default", "kube-system", "kube-public", "kube-node-lease"})
        b.ns(QString::fromLatin1(name), 40 * kDay);

    const QString cp = QString::fromLatin1(ScenarioBuilder::kControlPlaneNode);
    const QString w1 = QString::fromLatin1(ScenarioBuilder::kWorkerNode1);
    const QString w2 = QString::fromLatin1(ScenarioBuilder::kWorkerNode2);

    // The API server's own Service, with hand-managed endpoints (host network, :6443).
    b.service(S("default"), S("kubernetes"), S("172.21.0.1"),
              A{J{{S("name"), S("https")},
                  {S("port"), 443},
                  {S("protocol"), S("TCP")},
                  {S("targetPort"), 6443}}},
              {}, J{{S("component"), S("apiserver")}, {S("provider"), S("kubernetes")}});
    b.put(S("endpoints"),
          J{{S("apiVersion"), S("v1")},
            {S("kind"), S("Endpoints")},
            {S("metadata"),
             J{{S("name"), S("kubernetes")},
               {S("namespace"), S("default")},
               {S("labels"), J{{S("endpointslice.kubernetes.io/skip-mirror"), S("true")}}}}},
            {S("subsets"),
             A{J{{S("addresses"), A{J{{S("ip"), S("192.168.0.193")}}}},
                 {S("ports"),
                  A{J{{S("name"), S("https")}, {S("port"), 6443}, {S("protocol"), S("TCP")}}}}}}}});

    const QString boot = Klog::line(QLatin1Char('I'), S("server.go:211"),
                                    S("\"Starting\" version=\"v1.32.2-aliyun.1\""));
    b.staticPod(S("kube-apiserver"), cp,
                S("registry-cn-hangzhou-vpc.ack.aliyuncs.com/acs/kube-apiserver:v1.32.2-aliyun.1"),
                A{S("kube-apiserver"), S("--advertise-address=192.168.0.193"),
                  S("--secure-port=6443"), S("--enable-aggregator-routing=true"),
                  S("--service-cluster-ip-range=172.21.0.0/20")},
                {Klog::line(QLatin1Char('I'), S("options.go:228"),
                            S("external host was not specified, using 192.168.0.193")),
                 Klog::line(QLatin1Char('I'), S("server.go:144"), S("Version: v1.32.2-aliyun.1")),
                 Klog::line(QLatin1Char('I'), S("secure_serving.go:213"),
                            S("Serving securely on [::]:6443"))});
    b.staticPod(
        S("kube-controller-manager"), cp,
        S("registry-cn-hangzhou-vpc.ack.aliyuncs.com/acs/kube-controller-manager:v1.32.2-aliyun.1"),
        A{S("kube-controller-manager"), S("--allocate-node-cidrs=true"),
          S("--cluster-cidr=172.16.0.0/16"), S("--node-cidr-mask-size=24"),
          S("--configure-cloud-routes=false")},
        {Klog::line(QLatin1Char('I'), S("serving.go:386"),
                    S("Generated self-signed cert in-memory")),
         Klog::line(QLatin1Char('I'), S("controllermanager.go:185"),
                    S("\"Starting\" version=\"v1.32.2-aliyun.1\"")),
         Klog::line(QLatin1Char('I'), S("controllermanager.go:765"),
                    S("\"Started controller\" controller=\"namespace-controller\"")),
         Klog::line(QLatin1Char('I'), S("namespace_controller.go:202"),
                    S("\"Starting namespace controller\" logger=\"namespace-controller\""))});
    b.staticPod(S("kube-scheduler"), cp,
                S("registry-cn-hangzhou-vpc.ack.aliyuncs.com/acs/kube-scheduler:v1.32.2-aliyun.1"),
                A{S("kube-scheduler")}, {boot});
    // ACK runs the cloud controller manager on the control plane's host network.
    b.staticPod(S("cloud-controller-manager"), cp,
                S("registry-cn-hangzhou-vpc.ack.aliyuncs.com/acs/cloud-controller-manager:v2.10.0"),
                A{S("/cloud-controller-manager"), S("--cloud-provider=alicloud"),
                  S("--configure-cloud-routes=true"), S("--route-reconciliation-period=1m"),
                  S("--cluster-cidr=172.16.0.0/16")},
                {Klog::line(QLatin1Char('I'), S("main.go:32"),
                            S("Starting cloud-controller-manager, version v2.10.0"))},
                QString::fromLatin1(ScenarioBuilder::kCcmPod));
    {
        // Identify it as the CCM (not a control-plane static pod): app label, no config.mirror.
        J pod =
            *kube.get(S("pods"), S("kube-system"), QString::fromLatin1(ScenarioBuilder::kCcmPod));
        J m = pod.value(S("metadata")).toObject();
        m.insert(S("labels"), J{{S("app"), S("cloud-controller-manager")},
                                {S("component"), S("cloud-controller-manager")}});
        m.remove(S("annotations"));
        m.remove(S("ownerReferences"));
        pod.insert(S("metadata"), m);
        kube.put(S("pods"), pod);
    }

    b.deployment(
        S("kube-system"), S("coredns"), J{{S("k8s-app"), S("kube-dns")}}, 2,
        A{container(
            S("coredns"),
            S("registry-cn-hangzhou-vpc.ack.aliyuncs.com/acs/coredns:v1.11.3.2-f57ea7ed6-aliyun"),
            A{port(S("dns"), 53, S("UDP")), port(S("dns-tcp"), 53), port(S("metrics"), 9153)})},
        {{w1, S("172.16.1.3")}, {w2, S("172.16.2.4")}});
    b.service(S("kube-system"), S("kube-dns"), S("172.21.0.10"),
              A{J{{
                      S("name"),
                      S("dns"),
                  },
                  {S("port"), 53},
                  {S("protocol"), S("UDP")},
                  {S("targetPort"), 53}},
                J{{S("name"), S("dns-tcp")},
                  {S("port"), 53},
                  {S("protocol"), S("TCP")},
                  {S("targetPort"), 53}},
                J{{S("name"), S("metrics")},
                  {S("port"), 9153},
                  {S("protocol"), S("TCP")},
                  {S("targetPort"), 9153}}},
              J{{S("k8s-app"), S("kube-dns")}}, J{{S("k8s-app"), S("kube-dns")}});

    for (const char* group :
         {"", "admissionregistration.k8s.io", "apiextensions.k8s.io", "apiregistration.k8s.io",
          "apps", "authorization.k8s.io", "discovery.k8s.io"})
        b.apiService(QString::fromLatin1(group), S("v1"));
}

void addMetricsServer(Builder& b, int replicas, bool withService)
{
    const J labels{{S("k8s-app"), S("metrics-server")}};
    b.deployment(
        S("kube-system"), S("metrics-server"), labels, replicas,
        A{container(S("metrics-server"),
                    S("registry-cn-hangzhou-vpc.ack.aliyuncs.com/acs/metrics-server:v0.7.2"),
                    A{port(S("https"), 4443)},
                    A{S("--cert-dir=/tmp"), S("--secure-port=4443"),
                      S("--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname"),
                      S("--kubelet-use-node-status-port"), S("--metric-resolution=15s")})},
        {{QString::fromLatin1(ScenarioBuilder::kWorkerNode1),
          QString::fromLatin1(ScenarioBuilder::kMetricsPodIp)}});
    if (withService)
        b.service(S("kube-system"), S("metrics-server"), S("172.21.5.87"),
                  A{J{{S("name"), S("https")},
                      {S("port"), 443},
                      {S("protocol"), S("TCP")},
                      {S("targetPort"), S("https")}}},
                  labels, labels);
    b.apiService(
        S("metrics.k8s.io"), S("v1beta1"),
        J{{S("namespace"), S("kube-system")}, {S("name"), S("metrics-server")}, {S("port"), 443}},
        labels);
}

void addStuckNamespace(Builder& b)
{
    const QString ns = QString::fromLatin1(ScenarioBuilder::kStuckNamespace);
    b.ns(ns, 12 * kDay, 3 * 3600);
}

void addKubevirt(Builder& b)
{
    b.ns(S("kubevirt"), 30 * kDay);
    const J labels{{S("kubevirt.io"), S("virt-api")}};
    b.deployment(S("kubevirt"), S("virt-api"), labels, 1,
                 A{container(S("virt-api"), S("quay.io/kubevirt/virt-api:v1.4.0"),
                             A{port(S("virt-api"), 8443)})},
                 {{QString::fromLatin1(ScenarioBuilder::kWorkerNode2), S("172.16.2.21")}},
                 J{{QString::fromLatin1(AggregatorSim::kNotListeningAnnotation), S("true")}});
    b.service(S("kubevirt"), S("virt-api"), S("172.21.9.14"),
              A{J{{S("port"), 443}, {S("protocol"), S("TCP")}, {S("targetPort"), 8443}}}, labels,
              labels);
    for (const char* version : {"v1", "v1alpha3"})
        b.apiService(
            S("subresources.kubevirt.io"), QString::fromLatin1(version),
            J{{S("namespace"), S("kubevirt")}, {S("name"), S("virt-api")}, {S("port"), 443}},
            J{{S("app.kubernetes.io/managed-by"), S("virt-operator")}});
}

void addFinalizerContent(Builder& b, KubeStore& kube)
{
    kube.put(
        S("customresourcedefinitions.apiextensions.k8s.io"),
        J{{S("apiVersion"), S("apiextensions.k8s.io/v1")},
          {S("kind"), S("CustomResourceDefinition")},
          {S("metadata"),
           J{{S("name"), S("backups.example.com")}, {S("creationTimestamp"), ago(20 * kDay)}}},
          {S("spec"),
           J{{S("group"), S("example.com")},
             {S("scope"), S("Namespaced")},
             {S("names"), J{{S("plural"), S("backups")},
                            {S("singular"), S("backup")},
                            {S("kind"), S("Backup")},
                            {S("listKind"), S("BackupList")}}},
             {S("versions"),
              A{J{{S("name"), S("v1")},
                  {S("served"), true},
                  {S("storage"), true},
                  {S("schema"), J{{S("openAPIV3Schema"),
                                   J{{S("type"), S("object")},
                                     {S("x-kubernetes-preserve-unknown-fields"), true}}}}}}}}}},
          {S("status"),
           J{{S("acceptedNames"), J{{S("plural"), S("backups")}, {S("kind"), S("Backup")}}},
             {S("storedVersions"), A{S("v1")}},
             {S("conditions"), A{J{{S("type"), S("Established")},
                                   {S("status"), S("True")},
                                   {S("reason"), S("InitialNamesAccepted")},
                                   {S("message"), S("the initial names have been accepted")},
                                   {S("lastTransitionTime"), ago(20 * kDay)}}}}}}});
    b.apiService(S("example.com"), S("v1"));
    kube.put(
        S("backups.example.com"),
        J{{S("apiVersion"), S("example.com/v1")},
          {S("kind"), S("Backup")},
          {S("metadata"), J{{S("name"), S("nightly")},
                            {S("namespace"), QString::fromLatin1(ScenarioBuilder::kStuckNamespace)},
                            {S("creationTimestamp"), ago(11 * kDay)},
                            {S("finalizers"), A{S("example.com/cleanup")}}}},
          {S("spec"),
           J{{S("schedule"), S("0 2 * * *")}, {S("target"), S("s3://backups/tobedeletedb")}}}});
}

void addBlockingWebhook(Builder& b, KubeStore& kube)
{
    kube.put(S("validatingwebhookconfigurations.admissionregistration.k8s.io"),
             J{{S("apiVersion"), S("admissionregistration.k8s.io/v1")},
               {S("kind"), S("ValidatingWebhookConfiguration")},
               {S("metadata"),
                J{{S("name"), S("policy-guard")}, {S("creationTimestamp"), ago(25 * kDay)}}},
               {S("webhooks"),
                A{J{{S("name"), S("validate.policy-guard.example.com")},
                    {S("admissionReviewVersions"), A{S("v1")}},
                    {S("sideEffects"), S("None")},
                    {S("failurePolicy"), S("Fail")},
                    {S("timeoutSeconds"), 10},
                    {S("clientConfig"), J{{S("service"), J{{S("namespace"), S("policy-guard")},
                                                           {S("name"), S("policy-guard-webhook")},
                                                           {S("path"), S("/validate")},
                                                           {S("port"), 443}}}}},
                    {S("rules"), A{J{{S("operations"), A{S("DELETE")}},
                                     {S("apiGroups"), A{QString()}},
                                     {S("apiVersions"), A{S("v1")}},
                                     {S("resources"), A{S("configmaps")}},
                                     {S("scope"), S("*")}}}}}}}});
    b.put(
        S("configmaps"),
        J{{S("apiVersion"), S("v1")},
          {S("kind"), S("ConfigMap")},
          {S("metadata"), J{{S("name"), S("app-config")},
                            {S("namespace"), QString::fromLatin1(ScenarioBuilder::kStuckNamespace)},
                            {S("creationTimestamp"), ago(11 * kDay)}}},
          {S("data"), J{{S("DATABASE_URL"), S("postgres://db.tobedeletedb.svc:5432/app")}}}});
}

void addAppNamespace(Builder& b)
{
    b.ns(S("shop"), 20 * kDay);
    b.deployment(S("shop"), S("web"), J{{S("app"), S("web")}}, 2,
                 A{container(S("web"), S("nginx:1.27"), A{port(S("http"), 80)})},
                 {{QString::fromLatin1(ScenarioBuilder::kWorkerNode2), S("172.16.2.30")},
                  {QString::fromLatin1(ScenarioBuilder::kWorkerNode1), S("172.16.1.30")}});
    b.service(S("shop"), S("web"), S("172.21.7.3"),
              A{J{{S("name"), S("http")},
                  {S("port"), 80},
                  {S("protocol"), S("TCP")},
                  {S("targetPort"), S("http")}}},
              J{{S("app"), S("web")}});
}

} // namespace

QStringList ScenarioBuilder::names()
{
    return kScenarios;
}

bool ScenarioBuilder::build(const QString& scenario, KubeStore& kube, QString* error)
{
    if (!kScenarios.contains(scenario)) {
        if (error)
            *error = S("unknown scenario \"%1\"; valid scenarios: %2")
                         .arg(scenario, kScenarios.join(S(", ")));
        return false;
    }
    Builder b(kube);
    buildCluster(b, kube);
    addAppNamespace(b);
    const bool backendDown = scenario == QLatin1String("backend-down");
    const bool stale = scenario == QLatin1String("stale-apiservice");
    addMetricsServer(b, backendDown || stale ? 0 : 1, !stale);
    if (stale) {
        // The add-on was uninstalled: only its APIService is left behind.
        kube.remove(S("deployments.apps"), S("kube-system"), S("metrics-server"));
        for (const QJsonObject& rs : kube.list(S("replicasets.apps"), S("kube-system")))
            if (rs.value(S("metadata"))
                    .toObject()
                    .value(S("name"))
                    .toString()
                    .startsWith(QLatin1String("metrics-server-")))
                kube.remove(S("replicasets.apps"), S("kube-system"),
                            rs.value(S("metadata")).toObject().value(S("name")).toString());
    }
    if (scenario == QLatin1String("custom-aggregated-api"))
        addKubevirt(b);
    if (scenario != QLatin1String("healthy"))
        addStuckNamespace(b);
    if (scenario == QLatin1String("finalizers-remaining"))
        addFinalizerContent(b, kube);
    if (scenario == QLatin1String("webhook-blocks-delete"))
        addBlockingWebhook(b, kube);
    return true;
}

void ScenarioBuilder::addLargeCluster(KubeStore& kube, int nodes, int namespaces)
{
    Builder b(kube);
    static const char alphabet[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    const QString created = ago(30 * kDay);
    for (int i = 0; i < nodes; ++i) {
        const int index = i + 3; // the seed owns 172.16.0-2.0/24
        QString instance = S("i-bp1");
        quint32 seed = static_cast<quint32>(index) * 2654435761u;
        for (int c = 0; c < 17; ++c) {
            instance += QLatin1Char(alphabet[seed % 36]);
            seed = seed * 1103515245u + 12345u;
        }
        const NodeSpec n{S("192.168.%1.%2").arg(1 + index / 250).arg(2 + index % 250), instance,
                         S("172.%1.%2.0/24").arg(16 + index / 256).arg(index % 256), false,
                         S("cn-hangzhou-i")};
        const J node = kube.put(S("nodes"), makeNode(n, created));
        const QString nodeName = node.value(S("metadata")).toObject().value(S("name")).toString();
        const QString podIp = S("172.%1.%2.2").arg(16 + index / 256).arg(index % 256);
        const J podTemplate{
            {S("metadata"), J{{S("labels"), J{{S("app"), S("node-exporter")}}}}},
            {S("spec"),
             J{{S("containers"), A{container(S("node-exporter"), S("prom/node-exporter:v1.8.2"),
                                             A{port(S("metrics"), 9100)})}}}}};
        kube.put(S("pods"), WorkloadControllerSim::runningPod(
                                S("default"), S("node-exporter-") + QString::number(index),
                                podTemplate, node, podIp));
    }
    for (int i = 0; i < namespaces; ++i) {
        const QString name = S("team-%1").arg(i, 4, 10, QLatin1Char('0'));
        if (i % 10 == 9)
            b.ns(name, 20 * kDay, 3600);
        else
            b.ns(name, 20 * kDay);
    }
}

} // namespace unstuck::sim
