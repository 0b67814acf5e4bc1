// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace unstuck {

// What a probe asked, what came back, and how a person can see the same thing.
struct Evidence
{
    QString title;         // "APIService v1beta1.metrics.k8s.io is Available=False"
    QString request;       // "GET /apis/apiregistration.k8s.io/v1/apiservices/v1beta1.metrics.k8s.io" or "vpc:DescribeRouteEntryList RouteTableId=vtb-…"
    int status = 0;        // HTTP status (0 when not an HTTP answer, e.g. a pasted file)
    QString field;         // the decisive field path, e.g. "status.conditions[Available].reason"
    QString value;         // its value / the decisive log line
    QString raw;           // the answer (JSON/YAML/text), redacted, possibly truncated
    QDateTime at;          // when it was observed
    QString command;       // "kubectl get apiservice v1beta1.metrics.k8s.io -o yaml" / "aliyun vpc DescribeRouteEntryList --RouteTableId vtb-…"
    QString source;        // "live", "bundle:<file>", "paste:<file>"
};

enum class ComponentState { Healthy, Failing, Unknown, NotApplicable };
enum class LinkState { Ok, Broken, Unknown };

// Stable ids (CLI, GUI and tests use these).
namespace ids {
inline constexpr const char* ApiServer = "apiserver";
inline constexpr const char* MetricsServer = "metrics-server";
inline constexpr const char* NamespaceController = "namespace-controller";
inline constexpr const char* RouteController = "route-controller";
inline constexpr const char* VpcRouteTable = "vpc-route-table";
inline constexpr const char* RamPolicy = "ram-policy";
} // namespace ids

struct ComponentVerdict
{
    QString id;            // one of ids::*, or an extra cause id such as "finalizers" / "webhook"
    QString label;         // "Metrics Server"
    QString object;        // the concrete object: "kube-system/metrics-server", "vtb-…", "KubernetesMasterRole-…"
    ComponentState state = ComponentState::Unknown;
    QString summary;       // one line; for Unknown it says why
    QList<Evidence> evidence;
};

struct LinkVerdict
{
    QString from;          // component id
    QString to;            // component id
    LinkState state = LinkState::Unknown;
    QString summary;
    QList<Evidence> evidence;
    QString id() const { return from + QStringLiteral("→") + to; }
};

struct RootCause
{
    QString component;     // set when the root cause is a component
    QString from, to;      // set when the root cause is a link
    QString summary;
};

// A fix is data before it is action (DESIGN.md §4).
struct FixStep
{
    QString description;
    QString method;        // "PUT", "DELETE", "PATCH", "POST" or a cloud action "ram:CreatePolicyVersion"
    QString target;        // path or action parameters
    QString body;
    QString command;       // kubectl/aliyun equivalent
};

struct FixPlan
{
    QString id;            // "ram-policy-allow", "vpc-route-create", "apiservice-delete", ...
    QString title;
    QString why;
    QString risk;          // "low" | "medium" | "high" (+ what it orphans)
    QString appliesTo;     // component or link id
    QList<FixStep> steps;
    QList<FixStep> preflight;
    QList<FixStep> undo;
    QString verify;        // what re-probing must show
};

struct StuckNamespace
{
    QString name;
    QString phase;
    QDateTime deletionTimestamp;
    QStringList finalizers;
    QList<QJsonObject> conditions; // the five deletion conditions as the API returned them
};

struct DiagnosisResult
{
    static constexpr int kSchemaVersion = 1;
    QDateTime startedAt, finishedAt;
    QString context;       // kube context or bundle name
    QString source;        // "live" | "bundle" | "paste"
    bool complete = false; // false when cancelled or could not diagnose
    QString error;         // why it could not diagnose (exit code 2)
    QList<StuckNamespace> namespaces;
    QList<ComponentVerdict> components;
    QList<LinkVerdict> links;
    std::optional<RootCause> rootCause;
    QStringList redPath;   // component and link ids from the subject to the root cause
    QList<FixPlan> fixes;  // recommended, deepest first
    QString narrativeEn;
    QString narrativeZh;

    const ComponentVerdict* component(const QString& id) const
    {
        for (const auto& c : components)
            if (c.id == id)
                return &c;
        return nullptr;
    }
    const LinkVerdict* link(const QString& from, const QString& to) const
    {
        for (const auto& l : links)
            if (l.from == from && l.to == to)
                return &l;
        return nullptr;
    }
};

} // namespace unstuck
