// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/engine/DiagnosisRun.h"

#include "models/fixes/FixPlanner.h"
#include "models/probes/AggregationProbe.h"
#include "models/probes/CloudRouteProbe.h"
#include "models/probes/ContentProbe.h"
#include "models/probes/DiscoveryProbe.h"
#include "models/probes/KubeFacts.h"
#include "models/probes/NamedNodeProbe.h"
#include "models/probes/NamespaceProbe.h"
#include "models/probes/RamProbe.h"
#include "models/probes/RouteControllerProbe.h"
#include "models/verdict/Narrative.h"
#include "models/verdict/RootCauseFinder.h"
#include "models/verdict/VerdictBuilder.h"

#include <QSet>
#include <QTimer>

namespace unstuck {

DiagnosisRun::DiagnosisRun(DiagnosisSource* source, const DiagnosisRequest& request,
                           QObject* parent)
    : QObject(parent), m_source(source), m_request(request)
{
    m_findings.cloudAvailable = !request.noCloud && source->hasCloud();
    m_findings.cloudUnavailableReason = request.noCloud
                                            ? QStringLiteral("cloud checks turned off (--no-cloud)")
                                            : source->cloudUnavailableReason();
    if (!m_findings.cloudAvailable && m_findings.cloudUnavailableReason.isEmpty())
        m_findings.cloudUnavailableReason = QStringLiteral("no cloud credentials");
    m_runner = std::make_unique<ProbeRunner>(source, m_findings);
    connect(m_runner.get(), &ProbeRunner::probeStarted, this, &DiagnosisRun::probeStarted);
    connect(m_runner.get(), &ProbeRunner::probeFinished, this, &DiagnosisRun::probeFinished);
    connect(m_runner.get(), &ProbeRunner::answered, this, &DiagnosisRun::answered);
    // Queued: a source that answers synchronously must not end the run before it started.
    connect(m_runner.get(), &ProbeRunner::redPathDrained, this, &DiagnosisRun::checkRedPath,
            Qt::QueuedConnection);
    connect(m_runner.get(), &ProbeRunner::drained, this, &DiagnosisRun::checkDone,
            Qt::QueuedConnection);
    m_namespaces = std::make_unique<NamespaceProbe>(*m_runner, request.namespaceName);
    m_discovery = std::make_unique<DiscoveryProbe>(*m_runner);
    m_aggregation = std::make_unique<AggregationProbe>(*m_runner);
    m_routeController = std::make_unique<RouteControllerProbe>(*m_runner);
    m_content = std::make_unique<ContentProbe>(*m_runner);
    m_cloudRoutes = std::make_unique<CloudRouteProbe>(*m_runner);
    m_ram = std::make_unique<RamProbe>(*m_runner);
    m_namedNodes = std::make_unique<NamedNodeProbe>(*m_runner);
}

DiagnosisRun::~DiagnosisRun() = default;

void DiagnosisRun::start()
{
    m_namespaces->start([this] {
        m_namespacesKnown = true;
        maybeListContent();
    });
    m_discovery->start([this] {
        m_groupsKnown = true;
        maybeListContent();
    });
    m_aggregation->start([this] {
        askNamedNodes();
        maybeCheckBackendRoutes();
    });
    m_nodeListProbe =
        m_runner->ask(ProbeRunner::kubeFromCache(QStringLiteral("/api/v1/nodes")),
                      Bilingual(QStringLiteral("Nodes"), QStringLiteral("节点")),
                      [this](const Observation& observation) { onNodes(observation); });
    m_routeController->start([this] {
        m_podsKnown = true;
        askNamedNodes();
        maybeStartRam();
    });
    m_content->startWebhooks();
    m_started = true;
    QTimer::singleShot(0, this, &DiagnosisRun::checkRedPath);
    QTimer::singleShot(0, this, &DiagnosisRun::checkDone);
}

void DiagnosisRun::close()
{
    m_runner->close();
}

void DiagnosisRun::maybeListContent()
{
    if (m_namespacesKnown && m_groupsKnown)
        m_content->listRemaining();
}

static QString regionOf(const QList<QJsonObject>& nodes)
{
    for (const QJsonObject& n : nodes)
        if (const auto id =
                facts::alibabaProviderId(facts::str(n, QStringLiteral("spec.providerID"))))
            return id->region;
    return {};
}

static QStringList instanceIds(const QList<QJsonObject>& nodes)
{
    QStringList ids;
    for (const QJsonObject& n : nodes)
        if (const auto id =
                facts::alibabaProviderId(facts::str(n, QStringLiteral("spec.providerID"))))
            ids << id->instanceId;
    return ids;
}

// The whole list once it is in; before that, the nodes asked by name.
QList<QJsonObject> DiagnosisRun::knownNodes() const
{
    QList<QJsonObject> nodes;
    if (m_findings.nodes) {
        for (const QJsonValue& n : m_findings.nodes->items())
            nodes.append(n.toObject());
    } else {
        for (const Observation& n : std::as_const(m_findings.namedNodes))
            nodes.append(n.answer.json);
    }
    return nodes;
}

void DiagnosisRun::onNodes(const Observation& observation)
{
    m_findings.nodes = observation;
    m_namedNodes->leaveRedPath(); // the list answers for them now
    const QList<QJsonObject> nodes = knownNodes();
    m_findings.regionId = regionOf(nodes);
    if (!m_cloudRoutesStarted)
        startCloudRoutes(nodes);
    else if (m_findings.cloudAvailable && !instanceIds(nodes).isEmpty())
        m_cloudRoutes->describeInstancesAgain(instanceIds(nodes));
    maybeStartRam();
    maybeCheckBackendRoutes();
}

void DiagnosisRun::startCloudRoutes(const QList<QJsonObject>& nodes)
{
    const QStringList instances = instanceIds(nodes);
    if (!m_findings.cloudAvailable || instances.isEmpty())
        return;
    m_cloudRoutesStarted = true;
    m_cloudRoutes->start(instances, m_findings.regionId, [this] {
        m_routeTablesKnown = true;
        maybeCheckBackendRoutes();
    });
}

// The nodes the backend pods run on: the EndpointSlices name them a round before the pods do.
QSet<QString> DiagnosisRun::backendNodeNames() const
{
    QSet<QString> wanted;
    for (const AggregatedBackend& backend : std::as_const(m_findings.backends)) {
        if (backend.pods && backend.pods->ok())
            for (const QJsonValue& pod : backend.pods->items())
                wanted.insert(facts::str(pod.toObject(), QStringLiteral("spec.nodeName")));
        if (backend.slices && backend.slices->ok())
            for (const QJsonValue& slice : backend.slices->items())
                for (const QJsonValue& endpoint :
                     slice.toObject().value(QStringLiteral("endpoints")).toArray())
                    wanted.insert(endpoint.toObject().value(QStringLiteral("nodeName")).toString());
    }
    wanted.remove(QString());
    return wanted;
}

// Every backend followed has said which nodes it runs on (or that it cannot say).
bool DiagnosisRun::backendNodesSettled() const
{
    if (!m_findings.apiServices)
        return false;
    for (const AggregatedBackend& b : std::as_const(m_findings.backends)) {
        if (!b.followed)
            continue;
        if (!b.service || !b.slices)
            return false;
        const bool podsAsked =
            b.service->ok() && !facts::at(b.service->answer.json, QStringLiteral("spec.selector"))
                                    .toObject()
                                    .isEmpty();
        if (podsAsked && !b.pods)
            return false;
    }
    return true;
}

QString DiagnosisRun::controllerNodeName() const
{
    if (m_findings.systemPods)
        for (const QJsonValue& p : m_findings.systemPods->items())
            if (facts::name(p.toObject()) == m_findings.routeControllerPod)
                return facts::str(p.toObject(), QStringLiteral("spec.nodeName"));
    return {};
}

// The red path needs a handful of nodes: ask them by name as soon as they are named, beside the
// list. Only live: a bundle or a paste answers the list at once (and an older bundle holds no
// such question).
void DiagnosisRun::askNamedNodes()
{
    if (m_findings.nodes || m_source->kind() != QLatin1String("live"))
        return;
    QSet<QString> names = backendNodeNames();
    if (!m_findings.routeControllerPod.isEmpty())
        names.insert(controllerNodeName());
    m_namedNodes->ask(names, [this] { maybeUseNamedNodes(); });
    maybeUseNamedNodes();
}

// Once every node the red path needs came back by name, the route and RAM chains start from
// them and the verdict stops waiting for the list (it still completes the sweep). Without a
// route controller pod the controller's nodes are the control plane, which only the list tells.
void DiagnosisRun::maybeUseNamedNodes()
{
    if (m_usedNamedNodes || m_findings.nodes || !m_podsKnown || !backendNodesSettled())
        return;
    const QString controllerNode = controllerNodeName();
    QSet<QString> needed = backendNodeNames();
    if (controllerNode.isEmpty() || needed.isEmpty())
        return;
    needed.insert(controllerNode);
    if (!m_namedNodes->have(needed))
        return;
    const QList<QJsonObject> nodes = knownNodes();
    if (m_findings.cloudAvailable && instanceIds(nodes).isEmpty())
        return;
    m_usedNamedNodes = true;
    m_findings.regionId = regionOf(nodes);
    startCloudRoutes(nodes);
    maybeStartRam();
    m_runner->moveToSweep(m_nodeListProbe);
}

// The red path's route question: only the backend's nodes, filtered by the cloud API, so a
// verdict never waits for thousands of route entries to be paged in. The EndpointSlices name
// those nodes a round before the pods do (both are asked; each node is asked once). Replays
// (bundles, pastes) answer at once, so they skip it and use the sweep's answer.
void DiagnosisRun::maybeCheckBackendRoutes()
{
    if (!m_routeTablesKnown || m_source->kind() != QLatin1String("live"))
        return;
    if (!m_findings.nodes && !m_usedNamedNodes)
        return;
    const QSet<QString> wanted = backendNodeNames();
    QList<CloudRouteProbe::NodeTarget> targets;
    for (const QJsonObject& n : knownNodes()) {
        if (!wanted.contains(facts::name(n)))
            continue;
        const auto id = facts::alibabaProviderId(facts::str(n, QStringLiteral("spec.providerID")));
        const QString cidr = facts::podCidr(n);
        if (id && !cidr.isEmpty())
            targets.append({facts::name(n), cidr, id->instanceId});
    }
    m_cloudRoutes->checkNodes(targets);
}

void DiagnosisRun::maybeStartRam()
{
    if (m_ramStarted || !m_podsKnown || (!m_findings.nodes && !m_usedNamedNodes))
        return;
    // The route controller signs with the role of the instance it runs on: the control-plane
    // nodes', else the node hosting the controller pod.
    QStringList controlPlane, controllerNode;
    const QString ccmNode = controllerNodeName();
    for (const QJsonObject& n : knownNodes()) {
        const auto id = facts::alibabaProviderId(facts::str(n, QStringLiteral("spec.providerID")));
        if (!id)
            continue;
        if (facts::isControlPlane(n))
            controlPlane << id->instanceId;
        if (facts::name(n) == ccmNode)
            controllerNode << id->instanceId;
    }
    m_findings.routeControllerInstances = !controllerNode.isEmpty() ? controllerNode : controlPlane;
    if (m_findings.cloudAvailable && !m_findings.routeControllerInstances.isEmpty()) {
        m_ramStarted = true;
        m_ram->start(m_findings.routeControllerInstances, m_findings.regionId);
    }
}

void DiagnosisRun::checkRedPath()
{
    if (m_redPathSettled || !m_started || m_runner->pendingOnRedPath() > 0)
        return;
    m_redPathSettled = true;
    Q_EMIT redPathSettled();
}

void DiagnosisRun::checkDone()
{
    if (m_done || !m_started || m_runner->pending() > 0)
        return;
    m_done = true;
    Q_EMIT done();
}

DiagnosisResult DiagnosisRun::result(bool final) const
{
    DiagnosisResult result;
    result.context = m_source->contextName();
    result.source = m_source->kind();
    result.warnings = m_source->warnings();
    result.complete = final;
    result.redPathSettled = final || m_redPathSettled;
    VerdictBuilder(m_findings, m_source->kind()).build(result);
    RootCauseFinder::find(result);
    result.fixes = FixPlanner(m_findings, result).plan();
    Narrative::write(result);
    return result;
}

} // namespace unstuck
