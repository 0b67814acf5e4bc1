// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/cloud/RamPolicy.h"
#include "models/probes/Findings.h"
#include "models/verdict/DiagnosisResult.h"
#include "models/verdict/RouteAnalysis.h"

#include <QHash>

namespace unstuck {

// How an APIService's Available=False reads (kubernetes.md §0.4, §2.2).
enum class ApiServiceFailure {
    None,
    Timeout,
    NoRoute,
    Refused,
    Tls,
    Auth,
    NoEndpoints,
    NoService,
    Other
};
ApiServiceFailure classifyApiServiceFailure(const QString& reason, const QString& message);
QString describeApiServiceFailure(ApiServiceFailure failure);
Bilingual describeApiServiceFailureText(ApiServiceFailure failure);

// Turns what the probes found into a verdict per component and per link (DESIGN.md §3).
class VerdictBuilder
{
public:
    VerdictBuilder(const Findings& findings, QString sourceKind);
    // Fills namespaces, components and links of `result`.
    void build(DiagnosisResult& result);

    // The route controller's cloud actions (alibaba-cloud.md §4.2).
    static QStringList requiredRouteActions();
    // The default version of a policy from a ram:GetPolicy answer, parsed.
    static std::optional<RamAttachedPolicy> attachedPolicy(const Observation& observation);

private:
    Evidence evidence(const Observation& observation, const Bilingual& title,
                      const QString& field = {}, const QString& value = {},
                      const QString& command = {}) const;
    void buildNamespaces(DiagnosisResult& result);
    void buildDiscovery(DiagnosisResult& result);
    void buildApiServer(DiagnosisResult& result);
    void buildBackend(DiagnosisResult& result);
    void buildBackendRoute(DiagnosisResult& result);
    void buildRouteController(DiagnosisResult& result);
    void buildRouteTable(DiagnosisResult& result);
    void buildRam(DiagnosisResult& result);
    void buildFinalizers(DiagnosisResult& result);
    void buildWebhook(DiagnosisResult& result);

    // Why the cloud side cannot be judged, or empty when it can.
    Bilingual cloudUnknownReason(const std::optional<Observation>& observation,
                                 const QString& action) const;
    const QList<QJsonObject>& nodes() const;
    QJsonObject node(const QString& name) const;
    bool onAlibaba() const;

    const Findings& m_f;
    QList<QJsonObject> m_nodes;
    QHash<QString, int> m_nodeIndex;
    bool m_onAlibaba = false;
    QString m_source;
    const AggregatedBackend* m_backend = nullptr;
    QStringList m_failingGroupVersions;
    std::optional<RouteAnalysis> m_routes;
    Bilingual m_routesUnknown; // reason when m_routes is empty
    QList<Evidence> m_routeErrorEvidence;
    bool m_routeControllerErrors = false;
};

} // namespace unstuck
