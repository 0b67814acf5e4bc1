// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The questions the probes ask a source first (models/probes), so the offline sources answer
// what a diagnosis would ask of them.

#include "models/probes/ProbeRunner.h"

#include <QList>

namespace unstuck::fuzz {

inline QList<SourceQuery> buildProbeQueries()
{
    const auto kube = [](const char* path, bool allPages = false) {
        return ProbeRunner::kube(QString::fromLatin1(path), allPages);
    };
    const auto cloud = [](const char* product, const char* action, const char* listPath = "") {
        return ProbeRunner::cloud(QString::fromLatin1(product), QString::fromLatin1(action),
                                  {{QStringLiteral("RegionId"), QStringLiteral("cn-hangzhou")}},
                                  QString::fromLatin1(listPath));
    };
    SourceQuery aggregated = kube("/apis");
    aggregated.accept = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
    return {kube("/api/v1/namespaces?fieldSelector=status.phase%3DTerminating", true),
            kube("/api/v1/namespaces/tobedeletedb"),
            kube("/apis"),
            aggregated,
            kube("/apis/metrics.k8s.io/v1beta1"),
            kube("/apis/apiregistration.k8s.io/v1/apiservices", true),
            kube("/api/v1/namespaces/kube-system/services/metrics-server"),
            kube("/api/v1/namespaces/kube-system/pods?labelSelector=k8s-app%3Dmetrics-server"),
            kube("/api/v1/namespaces/kube-system/pods", true),
            kube("/api/v1/namespaces/kube-system/pods/cloud-controller-manager/log"),
            kube("/api/v1/namespaces/tobedeletedb/events", true),
            kube("/api/v1/nodes", true),
            kube("/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations", true),
            kube("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", true),
            cloud("ecs", "DescribeInstances", "Instances.Instance"),
            cloud("vpc", "DescribeRouteTableList", "RouterTableList.RouterTableListType"),
            cloud("vpc", "DescribeRouteEntryList", "RouteEntrys.RouteEntry"),
            cloud("ram", "ListPoliciesForRole"),
            cloud("ram", "GetPolicy")};
}

// Built once per process: the list is the same for every input.
inline const QList<SourceQuery>& probeQueries()
{
    static const QList<SourceQuery> queries = buildProbeQueries();
    return queries;
}

} // namespace unstuck::fuzz
