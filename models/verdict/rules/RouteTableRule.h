// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/verdict/rules/VerdictRule.h"

namespace unstuck {

// The VPC route table: on a VPC-routed cluster every node's pod CIDR needs a route to its ECS
// instance. Hands the per-node analysis (or why it is unknown) to the rules after it.
class RouteTableRule : public VerdictRule
{
public:
    using VerdictRule::VerdictRule;
    void apply(DiagnosisResult& result);

private:
    void applyBackendNodesFirst(DiagnosisResult& result, ComponentVerdict& c);
    static QString queryFilterKey(const Observation& o);
    static QString queryFilter(const Observation& o);
    // Collects the route tables and their entries; returns why they cannot be judged, or empty.
    Bilingual readEntries(QStringList& tables, QJsonArray& entries) const;
    Bilingual problemsSummary(const QList<RouteAnalysis::NodeRoute>& problems) const;
    void addEvidence(ComponentVerdict& c, const QString& command) const;
};

} // namespace unstuck
