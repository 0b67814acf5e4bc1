// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/verdict/rules/VerdictRule.h"

namespace unstuck {

// The link aggregated API backend → VPC route table: the API server (host network) reaches a
// backend pod only when a route covers the pod CIDR of the node the pod runs on.
class BackendRouteRule : public VerdictRule
{
public:
    using VerdictRule::VerdictRule;
    void apply(DiagnosisResult& result);

private:
    // The nodes the backend pods run on, each with the IP of its first backend pod.
    QStringList backendNodes(QStringList& podIps) const;
    // Why the routes are unknown, with the kube side's hint when a node reports it.
    Bilingual unknownSummary(const QStringList& backendNodes) const;
    void judgeRoutes(LinkVerdict& link, const QStringList& backendNodes,
                     const QStringList& podIps) const;
    void addRouteEvidence(LinkVerdict& link, const QString& nodeName) const;
};

} // namespace unstuck
