// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/WorkloadControllerSim.h"

#include "models/sim/KubeStore.h"
#include "models/sim/ListFilter.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <climits>

namespace unstuck::sim {

namespace {

const QString kPods = QStringLiteral("pods");
const QString kDeployments = QStringLiteral("deployments.apps");
const QString kReplicaSets = QStringLiteral("replicasets.apps");
const QString kServices = QStringLiteral("services");
const QString kEndpoints = QStringLiteral("endpoints");
const QString kSlices = QStringLiteral("endpointslices.discovery.k8s.io");

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

QJsonObject meta(const QJsonObject& o)
{
    return o.value(QLatin1String("metadata")).toObject();
}

QString name(const QJsonObject& o)
{
    return meta(o).value(QLatin1String("name")).toString();
}

QString randomSuffix(int length)
{
    static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    QString out;
    for (int i = 0; i < length; ++i)
        out += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(27)]);
    return out;
}

bool podReady(const QJsonObject& pod)
{
    for (const QJsonValue& c :
         pod.value(QLatin1String("status")).toObject().value(QLatin1String("conditions")).toArray())
        if (c.toObject().value(QLatin1String("type")).toString() == QLatin1String("Ready"))
            return c.toObject().value(QLatin1String("status")).toString() == QLatin1String("True");
    return false;
}

bool isDeleting(const QJsonObject& o)
{
    return !meta(o).value(QLatin1String("deletionTimestamp")).toString().isEmpty();
}

QString ownerName(const QJsonObject& o)
{
    const QJsonArray owners = meta(o).value(QLatin1String("ownerReferences")).toArray();
    return owners.isEmpty() ? QString()
                            : owners.first().toObject().value(QLatin1String("name")).toString();
}

QJsonObject condition(const QString& type, const QString& status, const QString& reason,
                      const QString& message)
{
    QJsonObject c{{QStringLiteral("type"), type},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("lastTransitionTime"), now()}};
    if (!reason.isEmpty())
        c.insert(QStringLiteral("reason"), reason);
    if (!message.isEmpty())
        c.insert(QStringLiteral("message"), message);
    return c;
}

// Keeps lastTransitionTime of conditions whose status did not change.
QJsonArray mergeConditions(const QJsonArray& previous, QJsonArray next)
{
    for (qsizetype i = 0; i < next.size(); ++i) {
        QJsonObject c = next.at(i).toObject();
        for (const QJsonValue& p : previous) {
            const QJsonObject old = p.toObject();
            if (old.value(QLatin1String("type")) == c.value(QLatin1String("type")) &&
                old.value(QLatin1String("status")) == c.value(QLatin1String("status"))) {
                c.insert(QStringLiteral("lastTransitionTime"),
                         old.value(QLatin1String("lastTransitionTime")));
                if (old.contains(QLatin1String("lastUpdateTime")))
                    c.insert(QStringLiteral("lastUpdateTime"),
                             old.value(QLatin1String("lastUpdateTime")));
            }
        }
        next.replace(i, c);
    }
    return next;
}

bool isControlPlane(const QJsonObject& node)
{
    for (const QJsonValue& t :
         node.value(QLatin1String("spec")).toObject().value(QLatin1String("taints")).toArray()) {
        const QString key = t.toObject().value(QLatin1String("key")).toString();
        if ((key == QLatin1String("node-role.kubernetes.io/control-plane") ||
             key == QLatin1String("node-role.kubernetes.io/master")) &&
            t.toObject().value(QLatin1String("effect")).toString() == QLatin1String("NoSchedule"))
            return true;
    }
    return false;
}

int resolvePort(const QJsonObject& servicePort, const QList<QJsonObject>& pods)
{
    const QJsonValue target = servicePort.value(QLatin1String("targetPort"));
    if (target.isDouble())
        return target.toInt();
    if (target.isString()) {
        for (const QJsonObject& pod : pods)
            for (const QJsonValue& c : pod.value(QLatin1String("spec"))
                                           .toObject()
                                           .value(QLatin1String("containers"))
                                           .toArray())
                for (const QJsonValue& p : c.toObject().value(QLatin1String("ports")).toArray())
                    if (p.toObject().value(QLatin1String("name")).toString() == target.toString())
                        return p.toObject().value(QLatin1String("containerPort")).toInt();
    }
    return servicePort.value(QLatin1String("port")).toInt();
}

} // namespace

WorkloadControllerSim::WorkloadControllerSim(KubeStore& kube) : m_kube(kube) {}

QString WorkloadControllerSim::podTemplateHash(const QString& deploymentName,
                                               const QJsonObject& podTemplate)
{
    static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    const QByteArray digest = QCryptographicHash::hash(
        deploymentName.toUtf8() + QJsonDocument(podTemplate).toJson(QJsonDocument::Compact),
        QCryptographicHash::Sha1);
    QString out;
    for (int i = 0; i < 10; ++i)
        out += QLatin1Char(alphabet[static_cast<unsigned char>(digest.at(i)) % 27]);
    return out;
}

QJsonObject WorkloadControllerSim::runningPod(const QString& ns, const QString& podName,
                                              const QJsonObject& podTemplate,
                                              const QJsonObject& node, const QString& ip)
{
    const QJsonObject templateMeta = podTemplate.value(QLatin1String("metadata")).toObject();
    QJsonObject spec = podTemplate.value(QLatin1String("spec")).toObject();
    const QString nodeName = name(node);
    spec.insert(QStringLiteral("nodeName"), nodeName);
    if (!spec.contains(QLatin1String("restartPolicy")))
        spec.insert(QStringLiteral("restartPolicy"), QStringLiteral("Always"));
    if (!spec.contains(QLatin1String("serviceAccountName")))
        spec.insert(QStringLiteral("serviceAccountName"), QStringLiteral("default"));
    QString hostIp;
    for (const QJsonValue& a :
         node.value(QLatin1String("status")).toObject().value(QLatin1String("addresses")).toArray())
        if (a.toObject().value(QLatin1String("type")).toString() == QLatin1String("InternalIP"))
            hostIp = a.toObject().value(QLatin1String("address")).toString();
    const QString started = now();
    QJsonArray containerStatuses;
    for (const QJsonValue& c : spec.value(QLatin1String("containers")).toArray()) {
        const QJsonObject container = c.toObject();
        const QByteArray id =
            QCryptographicHash::hash(
                (podName + container.value(QLatin1String("name")).toString()).toUtf8(),
                QCryptographicHash::Sha256)
                .toHex();
        containerStatuses.append(
            QJsonObject{{QStringLiteral("name"), container.value(QLatin1String("name"))},
                        {QStringLiteral("image"), container.value(QLatin1String("image"))},
                        {QStringLiteral("imageID"),
                         container.value(QLatin1String("image")).toString() +
                             QStringLiteral("@sha256:") + QString::fromLatin1(id.left(64))},
                        {QStringLiteral("containerID"),
                         QStringLiteral("containerd://") + QString::fromLatin1(id.left(64))},
                        {QStringLiteral("ready"), true},
                        {QStringLiteral("started"), true},
                        {QStringLiteral("restartCount"), 0},
                        {QStringLiteral("state"),
                         QJsonObject{{QStringLiteral("running"),
                                      QJsonObject{{QStringLiteral("startedAt"), started}}}}}});
    }
    const QString podIp = spec.value(QLatin1String("hostNetwork")).toBool() ? hostIp : ip;
    QJsonArray conditions;
    for (const char* type :
         {"PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"})
        conditions.append(QJsonObject{{QStringLiteral("type"), QString::fromLatin1(type)},
                                      {QStringLiteral("status"), QStringLiteral("True")},
                                      {QStringLiteral("lastProbeTime"), QJsonValue::Null},
                                      {QStringLiteral("lastTransitionTime"), started}});
    QJsonObject m{{QStringLiteral("name"), podName}, {QStringLiteral("namespace"), ns}};
    if (templateMeta.contains(QLatin1String("labels")))
        m.insert(QStringLiteral("labels"), templateMeta.value(QLatin1String("labels")));
    if (templateMeta.contains(QLatin1String("annotations")))
        m.insert(QStringLiteral("annotations"), templateMeta.value(QLatin1String("annotations")));
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Pod")},
        {QStringLiteral("metadata"), m},
        {QStringLiteral("spec"), spec},
        {QStringLiteral("status"),
         QJsonObject{
             {QStringLiteral("phase"), QStringLiteral("Running")},
             {QStringLiteral("conditions"), conditions},
             {QStringLiteral("hostIP"), hostIp},
             {QStringLiteral("hostIPs"), QJsonArray{QJsonObject{{QStringLiteral("ip"), hostIp}}}},
             {QStringLiteral("podIP"), podIp},
             {QStringLiteral("podIPs"), QJsonArray{QJsonObject{{QStringLiteral("ip"), podIp}}}},
             {QStringLiteral("startTime"), started},
             {QStringLiteral("qosClass"), QStringLiteral("Burstable")},
             {QStringLiteral("containerStatuses"), containerStatuses}}}};
}

void WorkloadControllerSim::recordPodStart(const QJsonObject& pod, const QString& replicaSet)
{
    // The events a real rollout leaves behind (kubectl describe pod / rs).
    const QString ns = meta(pod).value(QLatin1String("namespace")).toString();
    const QString podName = name(pod);
    const QString nodeName =
        pod.value(QLatin1String("spec")).toObject().value(QLatin1String("nodeName")).toString();
    const QJsonObject podRef{{QStringLiteral("kind"), QStringLiteral("Pod")},
                             {QStringLiteral("namespace"), ns},
                             {QStringLiteral("name"), podName},
                             {QStringLiteral("uid"), meta(pod).value(QLatin1String("uid"))},
                             {QStringLiteral("apiVersion"), QStringLiteral("v1")}};
    const QJsonObject rsRef{{QStringLiteral("kind"), QStringLiteral("ReplicaSet")},
                            {QStringLiteral("namespace"), ns},
                            {QStringLiteral("name"), replicaSet},
                            {QStringLiteral("apiVersion"), QStringLiteral("apps/v1")}};
    m_kube.recordEvent(ns, rsRef, QStringLiteral("Normal"), QStringLiteral("SuccessfulCreate"),
                       QStringLiteral("Created pod: %1").arg(podName),
                       QStringLiteral("replicaset-controller"));
    m_kube.recordEvent(
        ns, podRef, QStringLiteral("Normal"), QStringLiteral("Scheduled"),
        QStringLiteral("Successfully assigned %1/%2 to %3").arg(ns, podName, nodeName),
        QStringLiteral("default-scheduler"));
    for (const QJsonValue& c :
         pod.value(QLatin1String("spec")).toObject().value(QLatin1String("containers")).toArray()) {
        const QString container = c.toObject().value(QLatin1String("name")).toString();
        const QString image = c.toObject().value(QLatin1String("image")).toString();
        m_kube.recordEvent(
            ns, podRef, QStringLiteral("Normal"), QStringLiteral("Pulled"),
            QStringLiteral("Container image \"%1\" already present on machine").arg(image),
            QStringLiteral("kubelet"));
        m_kube.recordEvent(ns, podRef, QStringLiteral("Normal"), QStringLiteral("Created"),
                           QStringLiteral("Created container: %1").arg(container),
                           QStringLiteral("kubelet"));
        m_kube.recordEvent(ns, podRef, QStringLiteral("Normal"), QStringLiteral("Started"),
                           QStringLiteral("Started container %1").arg(container),
                           QStringLiteral("kubelet"));
    }
}

void WorkloadControllerSim::reconcile()
{
    collectGarbage();
    for (const QJsonObject& d : m_kube.list(kDeployments))
        reconcileDeployment(d);
    for (const QJsonObject& s : m_kube.list(kServices))
        reconcileService(s);
}

void WorkloadControllerSim::collectGarbage()
{
    // The garbage collector: dependents whose controlling owner is gone are deleted
    // (background propagation), so deleting a Deployment takes its ReplicaSet and pods along.
    struct Owned
    {
        QString dependent;
        QString ownerKind;
        QString owner;
    };
    const QList<Owned> kinds{{kReplicaSets, QStringLiteral("Deployment"), kDeployments},
                             {kPods, QStringLiteral("ReplicaSet"), kReplicaSets},
                             {kSlices, QStringLiteral("Service"), kServices}};
    for (const Owned& k : kinds) {
        for (const QJsonObject& o : m_kube.list(k.dependent)) {
            const QJsonArray owners = meta(o).value(QLatin1String("ownerReferences")).toArray();
            if (owners.isEmpty())
                continue;
            const QJsonObject ref = owners.first().toObject();
            if (ref.value(QLatin1String("kind")).toString() != k.ownerKind)
                continue;
            const QString ns = meta(o).value(QLatin1String("namespace")).toString();
            const auto owner = m_kube.get(k.owner, ns, ref.value(QLatin1String("name")).toString());
            if (!owner ||
                meta(*owner).value(QLatin1String("uid")) != ref.value(QLatin1String("uid")))
                m_kube.remove(k.dependent, ns, name(o));
        }
    }
    // Endpoints share their Service's name.
    for (const QJsonObject& ep : m_kube.list(kEndpoints)) {
        const QString ns = meta(ep).value(QLatin1String("namespace")).toString();
        if (!m_kube.get(kServices, ns, name(ep)))
            m_kube.remove(kEndpoints, ns, name(ep));
    }
}

QJsonObject WorkloadControllerSim::scheduleNode(const QJsonObject& podSpec) const
{
    const QJsonObject selector = podSpec.value(QLatin1String("nodeSelector")).toObject();
    QHash<QString, int> load;
    for (const QJsonObject& pod : m_kube.list(kPods))
        if (!pod.value(QLatin1String("spec"))
                 .toObject()
                 .value(QLatin1String("hostNetwork"))
                 .toBool())
            ++load[pod.value(QLatin1String("spec"))
                       .toObject()
                       .value(QLatin1String("nodeName"))
                       .toString()];
    QJsonObject best;
    int bestLoad = INT_MAX;
    for (const QJsonObject& node : m_kube.list(QStringLiteral("nodes"))) {
        if (isControlPlane(node) ||
            !ListFilter::labelsMatch(meta(node).value(QLatin1String("labels")).toObject(),
                                     selector))
            continue;
        const int l = load.value(name(node));
        if (l < bestLoad) {
            best = node;
            bestLoad = l;
        }
    }
    return best;
}

QString WorkloadControllerSim::allocateIp(const QJsonObject& node) const
{
    const auto subnet = QHostAddress::parseSubnet(
        node.value(QLatin1String("spec")).toObject().value(QLatin1String("podCIDR")).toString());
    if (subnet.first.isNull() || subnet.first.protocol() != QAbstractSocket::IPv4Protocol)
        return {};
    QSet<QString> used;
    for (const QJsonObject& pod : m_kube.list(kPods))
        used.insert(
            pod.value(QLatin1String("status")).toObject().value(QLatin1String("podIP")).toString());
    const quint32 base = subnet.first.toIPv4Address();
    const quint32 size = subnet.second >= 32 ? 1 : (1u << (32 - subnet.second));
    for (quint32 offset = 2; offset + 1 < size; ++offset) {
        const QString ip = QHostAddress(base + offset).toString();
        if (!used.contains(ip))
            return ip;
    }
    return {};
}

void WorkloadControllerSim::reconcileDeployment(QJsonObject deployment)
{
    const QJsonObject dm = meta(deployment);
    const QString ns = dm.value(QLatin1String("namespace")).toString();
    const QString deployName = dm.value(QLatin1String("name")).toString();
    if (isDeleting(deployment))
        return;
    const QJsonObject spec = deployment.value(QLatin1String("spec")).toObject();
    const int replicas = spec.value(QLatin1String("replicas")).toInt(1);
    const QString hash =
        podTemplateHash(deployName, spec.value(QLatin1String("template")).toObject());
    const QString rsName = deployName + QLatin1Char('-') + hash;
    QJsonObject podTemplate = spec.value(QLatin1String("template")).toObject();
    QJsonObject templateMeta = podTemplate.value(QLatin1String("metadata")).toObject();
    QJsonObject labels = templateMeta.value(QLatin1String("labels")).toObject();
    labels.insert(QStringLiteral("pod-template-hash"), hash);
    templateMeta.insert(QStringLiteral("labels"), labels);
    podTemplate.insert(QStringLiteral("metadata"), templateMeta);

    // The ReplicaSet between them, as `kubectl get rs` shows it.
    auto rs = m_kube.get(kReplicaSets, ns, rsName);
    if (!rs) {
        QJsonObject selector = spec.value(QLatin1String("selector")).toObject();
        QJsonObject matchLabels = selector.value(QLatin1String("matchLabels")).toObject();
        matchLabels.insert(QStringLiteral("pod-template-hash"), hash);
        selector.insert(QStringLiteral("matchLabels"), matchLabels);
        rs = m_kube.put(
            kReplicaSets,
            QJsonObject{
                {QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                {QStringLiteral("kind"), QStringLiteral("ReplicaSet")},
                {QStringLiteral("metadata"),
                 QJsonObject{{QStringLiteral("name"), rsName},
                             {QStringLiteral("namespace"), ns},
                             {QStringLiteral("creationTimestamp"),
                              dm.value(QLatin1String("creationTimestamp"))},
                             {QStringLiteral("labels"), labels},
                             {QStringLiteral("ownerReferences"),
                              QJsonArray{QJsonObject{
                                  {QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                                  {QStringLiteral("kind"), QStringLiteral("Deployment")},
                                  {QStringLiteral("name"), deployName},
                                  {QStringLiteral("uid"), dm.value(QLatin1String("uid"))},
                                  {QStringLiteral("controller"), true},
                                  {QStringLiteral("blockOwnerDeletion"), true}}}}}},
                {QStringLiteral("spec"), QJsonObject{{QStringLiteral("replicas"), replicas},
                                                     {QStringLiteral("selector"), selector},
                                                     {QStringLiteral("template"), podTemplate}}}});
    }
    QList<QJsonObject> pods;
    for (const QJsonObject& pod : m_kube.list(kPods, ns)) {
        const QString owner = ownerName(pod);
        if (owner == rsName) {
            if (!isDeleting(pod))
                pods << pod;
            continue;
        }
        // Pods of an older template (rollout restart) are replaced at once.
        const auto oldRs = owner.isEmpty() ? std::nullopt : m_kube.get(kReplicaSets, ns, owner);
        if (oldRs && ownerName(*oldRs) == deployName) {
            m_kube.remove(kPods, ns, name(pod));
            QJsonObject scaled = *oldRs;
            QJsonObject oldSpec = scaled.value(QLatin1String("spec")).toObject();
            if (oldSpec.value(QLatin1String("replicas")).toInt() != 0) {
                oldSpec.insert(QStringLiteral("replicas"), 0);
                scaled.insert(QStringLiteral("spec"), oldSpec);
                scaled.insert(QStringLiteral("status"),
                              QJsonObject{{QStringLiteral("replicas"), 0}});
                m_kube.put(kReplicaSets, scaled);
            }
        }
    }
    while (pods.size() > replicas) {
        const QJsonObject victim = pods.takeLast();
        m_kube.remove(kPods, ns, name(victim));
    }
    const QJsonObject rsMeta = meta(*rs);
    while (pods.size() < replicas) {
        const QJsonObject node = scheduleNode(podTemplate.value(QLatin1String("spec")).toObject());
        if (node.isEmpty())
            break;
        const QString ip = allocateIp(node);
        QJsonObject pod =
            runningPod(ns, rsName + QLatin1Char('-') + randomSuffix(5), podTemplate, node, ip);
        QJsonObject pm = meta(pod);
        pm.insert(QStringLiteral("generateName"), rsName + QLatin1Char('-'));
        pm.insert(
            QStringLiteral("ownerReferences"),
            QJsonArray{QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                                   {QStringLiteral("kind"), QStringLiteral("ReplicaSet")},
                                   {QStringLiteral("name"), rsName},
                                   {QStringLiteral("uid"), rsMeta.value(QLatin1String("uid"))},
                                   {QStringLiteral("controller"), true},
                                   {QStringLiteral("blockOwnerDeletion"), true}}});
        pod.insert(QStringLiteral("metadata"), pm);
        const QJsonObject stored = m_kube.put(kPods, pod);
        pods << stored;
        recordPodStart(stored, rsName);
    }
    int ready = 0;
    for (const QJsonObject& pod : pods)
        ready += podReady(pod) ? 1 : 0;

    const QJsonObject oldStatus = deployment.value(QLatin1String("status")).toObject();
    QJsonObject status{
        {QStringLiteral("observedGeneration"), dm.value(QLatin1String("generation")).toInt(1)},
        {QStringLiteral("replicas"), static_cast<int>(pods.size())},
        {QStringLiteral("updatedReplicas"), static_cast<int>(pods.size())},
        {QStringLiteral("readyReplicas"), ready},
        {QStringLiteral("availableReplicas"), ready}};
    if (pods.size() - ready > 0)
        status.insert(QStringLiteral("unavailableReplicas"), static_cast<int>(pods.size()) - ready);
    if (ready == 0) {
        status.remove(QStringLiteral("readyReplicas"));
        status.remove(QStringLiteral("availableReplicas"));
    }
    if (pods.isEmpty()) {
        status.remove(QStringLiteral("replicas"));
        status.remove(QStringLiteral("updatedReplicas"));
    }
    const bool available = ready >= replicas;
    QJsonArray conditions{
        condition(QStringLiteral("Available"),
                  available ? QStringLiteral("True") : QStringLiteral("False"),
                  available ? QStringLiteral("MinimumReplicasAvailable")
                            : QStringLiteral("MinimumReplicasUnavailable"),
                  available ? QStringLiteral("Deployment has minimum availability.")
                            : QStringLiteral("Deployment does not have minimum availability.")),
        condition(QStringLiteral("Progressing"), QStringLiteral("True"),
                  QStringLiteral("NewReplicaSetAvailable"),
                  QStringLiteral("ReplicaSet \"%1\" has successfully progressed.").arg(rsName))};
    for (qsizetype i = 0; i < conditions.size(); ++i) {
        QJsonObject c = conditions.at(i).toObject();
        c.insert(QStringLiteral("lastUpdateTime"), c.value(QLatin1String("lastTransitionTime")));
        conditions.replace(i, c);
    }
    status.insert(
        QStringLiteral("conditions"),
        mergeConditions(oldStatus.value(QLatin1String("conditions")).toArray(), conditions));
    if (status != oldStatus) {
        deployment.insert(QStringLiteral("status"), status);
        m_kube.put(kDeployments, deployment);
    }
    QJsonObject rsObject = *rs;
    QJsonObject rsSpec = rsObject.value(QLatin1String("spec")).toObject();
    QJsonObject rsStatus{{QStringLiteral("replicas"), static_cast<int>(pods.size())},
                         {QStringLiteral("fullyLabeledReplicas"), static_cast<int>(pods.size())},
                         {QStringLiteral("readyReplicas"), ready},
                         {QStringLiteral("availableReplicas"), ready},
                         {QStringLiteral("observedGeneration"), 1}};
    if (rsSpec.value(QLatin1String("replicas")).toInt() != replicas ||
        rsObject.value(QLatin1String("status")).toObject() != rsStatus) {
        rsSpec.insert(QStringLiteral("replicas"), replicas);
        rsObject.insert(QStringLiteral("spec"), rsSpec);
        rsObject.insert(QStringLiteral("status"), rsStatus);
        m_kube.put(kReplicaSets, rsObject);
    }
}

void WorkloadControllerSim::reconcileService(const QJsonObject& service)
{
    const QJsonObject spec = service.value(QLatin1String("spec")).toObject();
    const QJsonObject selector = spec.value(QLatin1String("selector")).toObject();
    if (selector.isEmpty())
        return; // endpoints of selector-less services are managed by hand
    const QString ns = meta(service).value(QLatin1String("namespace")).toString();
    const QString svcName = name(service);
    QList<QJsonObject> pods;
    for (const QJsonObject& pod : m_kube.list(kPods, ns)) {
        if (isDeleting(pod) || pod.value(QLatin1String("status"))
                                   .toObject()
                                   .value(QLatin1String("podIP"))
                                   .toString()
                                   .isEmpty())
            continue;
        if (ListFilter::labelsMatch(meta(pod).value(QLatin1String("labels")).toObject(), selector))
            pods << pod;
    }
    QJsonArray ready;
    QJsonArray notReady;
    QJsonArray sliceEndpoints;
    for (const QJsonObject& pod : pods) {
        const QString ip =
            pod.value(QLatin1String("status")).toObject().value(QLatin1String("podIP")).toString();
        const QString nodeName =
            pod.value(QLatin1String("spec")).toObject().value(QLatin1String("nodeName")).toString();
        const QJsonObject targetRef{{QStringLiteral("kind"), QStringLiteral("Pod")},
                                    {QStringLiteral("namespace"), ns},
                                    {QStringLiteral("name"), name(pod)},
                                    {QStringLiteral("uid"), meta(pod).value(QLatin1String("uid"))}};
        const QJsonObject address{{QStringLiteral("ip"), ip},
                                  {QStringLiteral("nodeName"), nodeName},
                                  {QStringLiteral("targetRef"), targetRef}};
        const bool isReady = podReady(pod);
        (isReady ? ready : notReady).append(address);
        sliceEndpoints.append(QJsonObject{
            {QStringLiteral("addresses"), QJsonArray{ip}},
            {QStringLiteral("conditions"), QJsonObject{{QStringLiteral("ready"), isReady},
                                                       {QStringLiteral("serving"), isReady},
                                                       {QStringLiteral("terminating"), false}}},
            {QStringLiteral("targetRef"), targetRef},
            {QStringLiteral("nodeName"), nodeName}});
    }
    QJsonArray ports;
    QJsonArray slicePorts;
    for (const QJsonValue& p : spec.value(QLatin1String("ports")).toArray()) {
        const QJsonObject port = p.toObject();
        QJsonObject ep{{QStringLiteral("port"), resolvePort(port, pods)},
                       {QStringLiteral("protocol"),
                        port.value(QLatin1String("protocol")).toString(QStringLiteral("TCP"))}};
        if (port.contains(QLatin1String("name")))
            ep.insert(QStringLiteral("name"), port.value(QLatin1String("name")));
        ports.append(ep);
        if (!ep.contains(QLatin1String("name")))
            ep.insert(QStringLiteral("name"), QString());
        slicePorts.append(ep);
    }
    // Endpoints: no subsets at all when no pod backs the service.
    QJsonObject endpoints{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                          {QStringLiteral("kind"), QStringLiteral("Endpoints")}};
    const auto existing = m_kube.get(kEndpoints, ns, svcName);
    QJsonObject em = existing ? meta(*existing)
                              : QJsonObject{{QStringLiteral("name"), svcName},
                                            {QStringLiteral("namespace"), ns}};
    em.insert(QStringLiteral("labels"), meta(service).value(QLatin1String("labels")));
    endpoints.insert(QStringLiteral("metadata"), em);
    if (!pods.isEmpty()) {
        QJsonObject subset{{QStringLiteral("ports"), ports}};
        if (!ready.isEmpty())
            subset.insert(QStringLiteral("addresses"), ready);
        if (!notReady.isEmpty())
            subset.insert(QStringLiteral("notReadyAddresses"), notReady);
        endpoints.insert(QStringLiteral("subsets"), QJsonArray{subset});
    }
    if (!existing ||
        existing->value(QLatin1String("subsets")) != endpoints.value(QLatin1String("subsets")))
        m_kube.put(kEndpoints, endpoints);

    QJsonObject slice;
    for (const QJsonObject& s : m_kube.list(kSlices, ns))
        if (meta(s)
                .value(QLatin1String("labels"))
                .toObject()
                .value(QLatin1String("kubernetes.io/service-name"))
                .toString() == svcName)
            slice = s;
    if (slice.isEmpty()) {
        QJsonObject labels = meta(service).value(QLatin1String("labels")).toObject();
        labels.insert(QStringLiteral("kubernetes.io/service-name"), svcName);
        labels.insert(QStringLiteral("endpointslice.kubernetes.io/managed-by"),
                      QStringLiteral("endpointslice-controller.k8s.io"));
        slice = QJsonObject{
            {QStringLiteral("apiVersion"), QStringLiteral("discovery.k8s.io/v1")},
            {QStringLiteral("kind"), QStringLiteral("EndpointSlice")},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), svcName + QLatin1Char('-') + randomSuffix(5)},
                         {QStringLiteral("generateName"), svcName + QLatin1Char('-')},
                         {QStringLiteral("namespace"), ns},
                         {QStringLiteral("labels"), labels},
                         {QStringLiteral("ownerReferences"),
                          QJsonArray{QJsonObject{
                              {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                              {QStringLiteral("kind"), QStringLiteral("Service")},
                              {QStringLiteral("name"), svcName},
                              {QStringLiteral("uid"), meta(service).value(QLatin1String("uid"))},
                              {QStringLiteral("controller"), true},
                              {QStringLiteral("blockOwnerDeletion"), true}}}}}},
            {QStringLiteral("addressType"), QStringLiteral("IPv4")}};
    }
    const QJsonValue endpointsValue =
        sliceEndpoints.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(sliceEndpoints);
    if (!slice.contains(QLatin1String("endpoints")) ||
        slice.value(QLatin1String("endpoints")) != endpointsValue ||
        slice.value(QLatin1String("ports")) != QJsonValue(slicePorts)) {
        slice.insert(QStringLiteral("endpoints"), endpointsValue);
        slice.insert(QStringLiteral("ports"), slicePorts);
        m_kube.put(kSlices, slice);
    }
}

} // namespace unstuck::sim
