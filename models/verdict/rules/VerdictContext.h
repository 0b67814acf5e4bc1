// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/probes/Findings.h"
#include "models/verdict/ApiServiceFailure.h"
#include "models/verdict/DiagnosisResult.h"
#include "models/verdict/RouteAnalysis.h"

#include <QHash>

namespace unstuck {

// What every verdict rule reads, built once per diagnosis: the findings, the nodes indexed by
// name, the evidence helper, and the values one rule works out for the rules after it.
class VerdictContext
{
public:
    VerdictContext(const Findings& findings, QString sourceKind);

    const Findings& findings() const { return m_f; }
    const QList<QJsonObject>& nodes() const { return m_nodes; }
    QJsonObject node(const QString& name) const;
    // What told about node `name`: the list, or before it the node asked by name (or none).
    const Observation* nodeObservation(const QString& name) const;
    // Whether any node is an Alibaba Cloud ECS instance (its providerID says so).
    bool onAlibaba() const { return m_onAlibaba; }

    // Quotes `observation` as evidence: what was asked, what came back (redacted), the field
    // that decided and how a person can see the same thing.
    Evidence evidence(const Observation& observation, const Bilingual& title,
                      const QString& field = {}, const QString& value = {},
                      const QString& command = {}) const;
    // Why the cloud side cannot be judged, or empty when it can.
    Bilingual cloudUnknownReason(const std::optional<Observation>& observation,
                                 const QString& action) const;

    // Values a rule works out and a later rule reads; VerdictBuilder::build runs them in order.
    struct Handoff
    {
        // ApiServiceRule → BackendRule, BackendRouteRule: the backend to follow and how its
        // APIService reads; apiServicesUnknown says why nothing could be read.
        const AggregatedBackend* backend = nullptr;
        ApiServiceFailure backendFailure = ApiServiceFailure::None;
        Evidence apiServiceEvidence;
        Bilingual apiServicesUnknown;
        // DiscoveryRule: the group/versions discovery cannot list.
        QStringList failingGroupVersions;
        // RouteTableRule → BackendRouteRule, RouteControllerRule: the routes per node, or why
        // they are not known.
        std::optional<RouteAnalysis> routes;
        Bilingual routesUnknown;
        // RouteControllerRule → RamRule: what the route controller's failures look like.
        QList<Evidence> routeErrorEvidence;
        bool routeControllerErrors = false;
    };
    Handoff handoff;

private:
    void addNode(const QJsonObject& n);
    const Findings& m_f;
    QList<QJsonObject> m_nodes;
    QHash<QString, int> m_nodeIndex;
    bool m_onAlibaba = false;
    QString m_source;
};

} // namespace unstuck
