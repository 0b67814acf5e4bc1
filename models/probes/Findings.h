// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sources/DiagnosisSource.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace unstuck {

// One question a probe asked and what came back; verdicts quote these as evidence.
struct Observation
{
    SourceQuery query;
    SourceAnswer answer;
    bool ok() const { return answer.ok(); }
    QJsonArray items() const { return answer.json.value(QStringLiteral("items")).toArray(); }
};

// The backend of one aggregated API: its APIService and what stands behind it.
struct AggregatedBackend
{
    QString apiService;   // "v1beta1.metrics.k8s.io"
    QString groupVersion; // "metrics.k8s.io/v1beta1"
    QJsonObject object;   // the APIService
    QString serviceNamespace, serviceName;
    int servicePort = 443;
    bool followed = false; // its Service, EndpointSlices and pods were asked
    std::optional<Observation> service, slices, pods;
};

// Everything the probes found. Filled as answers arrive; read by the verdict builder.
struct Findings
{
    // Kubernetes side.
    std::optional<Observation> namespaces;
    QList<QJsonObject> stuckNamespaces;
    std::optional<Observation> apis;
    QMap<QString, Observation> groupVersions; // "group/version" -> GET /apis/group/version
    std::optional<Observation> apiServices;
    QList<AggregatedBackend> backends; // non-local APIServices (failing first)
    std::optional<Observation> nodes;
    // The red path's nodes (the backend pods' nodes, the route controller's node), asked by name
    // beside the list so the verdict need not wait for a list of thousands; only the answers that
    // came back are kept (a node that could not be read this way is taken from the list).
    QMap<QString, Observation> namedNodes;
    std::optional<Observation> systemPods; // kube-system pods
    std::optional<Observation> routeControllerLog;
    QString routeControllerPod;
    // ECS instances whose RAM role the route controller signs with (the node running it, else
    // the control-plane nodes), known from the nodes' providerIDs even without cloud access.
    QStringList routeControllerInstances;
    QList<Observation> events;
    std::optional<Observation> validatingWebhooks, mutatingWebhooks;
    QList<Observation> remainingContent; // lists of the resources named in the conditions

    // Cloud side.
    bool cloudAvailable = false;
    QString cloudUnavailableReason;
    QString regionId;
    std::optional<Observation> instances; // ecs:DescribeInstances
    QString vpcId;
    std::optional<Observation> routeTables; // vpc:DescribeRouteTableList
    // The full sweep: vpc:DescribeRouteEntryList, every entry, one per table (asked for
    // routeTablesSwept tables, answered when there are as many).
    QList<Observation> routeEntries;
    int routeTablesSwept = 0;
    // The red path's share, asked before the sweep ends: per table and backend node, the
    // entries for the node's pod CIDR and those whose next hop is its instance.
    QList<Observation> backendRouteEntries;
    QStringList backendRouteNodes; // the nodes those entries were asked for
    // The sweep was asked and not every table has answered yet.
    bool routeSweepPending() const { return routeEntries.size() < routeTablesSwept; }
    std::optional<Observation> instanceRamRole; // ecs:DescribeInstanceRamRole
    QString ramRoleName;
    std::optional<Observation> rolePolicies; // ram:ListPoliciesForRole
    QList<Observation> policies;             // ram:GetPolicy, one per attached policy

    bool timedOut = false; // the run's overall deadline fired
};

} // namespace unstuck
