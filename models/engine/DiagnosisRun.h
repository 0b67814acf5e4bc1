// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/engine/DiagnosisEngine.h"
#include "models/probes/Findings.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <memory>

namespace unstuck {

class ProbeRunner;
class NamespaceProbe;
class DiscoveryProbe;
class AggregationProbe;
class RouteControllerProbe;
class ContentProbe;
class CloudRouteProbe;
class RamProbe;
class NamedNodeProbe;

// One diagnosis: starts the independent probes at once and each dependent probe the moment
// its input arrives. The red path comes first: redPathSettled() says when every answer a
// verdict waits for is in, while the sweep (every node's route) may still run; done() says
// when nothing is in flight (or the deadline passed).
class DiagnosisRun : public QObject
{
    Q_OBJECT
public:
    DiagnosisRun(DiagnosisSource* source, const DiagnosisRequest& request,
                 QObject* parent = nullptr);
    ~DiagnosisRun() override;

    void start();
    void markTimedOut() { m_findings.timedOut = true; }
    void close();
    const Findings& findings() const { return m_findings; }
    // Verdicts from what is known so far (final = all answers are in).
    DiagnosisResult result(bool final) const;

Q_SIGNALS:
    void probeStarted(int probeId, const unstuck::Bilingual& label);
    void probeFinished(int probeId, bool ok, const QString& summary);
    void answered();
    void redPathSettled();
    void done();

private:
    void onNodes(const Observation& observation);
    QList<QJsonObject> knownNodes() const;
    QSet<QString> backendNodeNames() const;
    bool backendNodesSettled() const;
    QString controllerNodeName() const;
    void askNamedNodes();
    void maybeUseNamedNodes();
    void startCloudRoutes(const QList<QJsonObject>& nodes);
    void maybeStartRam();
    void maybeListContent();
    void maybeCheckBackendRoutes();
    void checkRedPath();
    void checkDone();

    DiagnosisSource* m_source;
    DiagnosisRequest m_request;
    Findings m_findings;
    std::unique_ptr<ProbeRunner> m_runner;
    std::unique_ptr<NamespaceProbe> m_namespaces;
    std::unique_ptr<DiscoveryProbe> m_discovery;
    std::unique_ptr<AggregationProbe> m_aggregation;
    std::unique_ptr<RouteControllerProbe> m_routeController;
    std::unique_ptr<ContentProbe> m_content;
    std::unique_ptr<CloudRouteProbe> m_cloudRoutes;
    std::unique_ptr<RamProbe> m_ram;
    std::unique_ptr<NamedNodeProbe> m_namedNodes;
    int m_nodeListProbe = 0;
    bool m_namespacesKnown = false, m_groupsKnown = false, m_podsKnown = false,
         m_routeTablesKnown = false;
    // Started from the nodes asked by name, before the list: when the list comes, it only
    // completes the record.
    bool m_usedNamedNodes = false, m_cloudRoutesStarted = false, m_ramStarted = false;
    bool m_started = false, m_redPathSettled = false, m_done = false;
};

} // namespace unstuck
