// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/common/Bilingual.h"
#include "models/verdict/Vocabulary.h" // ids::*, the names of components and states

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace unstuck {

// What a probe asked, what came back, and how a person can see the same thing.
struct Evidence
{
    QString title; // "APIService v1beta1.metrics.k8s.io is Available=False"
    // "GET /apis/apiregistration.k8s.io/v1/apiservices/v1beta1.metrics.k8s.io" or
    // "vpc:DescribeRouteEntryList RouteTableId=vtb-…"
    QString request;
    int status = 0; // HTTP status (0 when not an HTTP answer, e.g. a pasted file)
    QString field;  // the decisive field path, e.g. "status.conditions[Available].reason"
    QString value;  // its value / the decisive log line
    QString raw;    // the answer (JSON/YAML/text), redacted, possibly truncated
    QDateTime at;   // when it was observed
    // "kubectl get apiservice v1beta1.metrics.k8s.io -o yaml" /
    // "aliyun vpc DescribeRouteEntryList --RouteTableId vtb-…"
    QString command;
    QString source;  // "live", "bundle:<file>", "paste:<file>"
    QString titleZh; // the title in Simplified Chinese (empty: not translated)
    QString valueZh; // the value in Simplified Chinese when it is a sentence (empty: data)

    Bilingual titleText() const { return {title, titleZh}; }
    Bilingual valueText() const { return {value, valueZh}; }
    void setTitle(const Bilingual& text)
    {
        title = text.en;
        titleZh = text.zh;
    }
};

enum class ComponentState { Healthy, Failing, Unknown, NotApplicable };
enum class LinkState { Ok, Broken, Unknown };

struct ComponentVerdict
{
    QString id;    // one of ids::*: a component, or an extra cause (ids::Finalizers, ...)
    QString label; // "Metrics Server"
    // the concrete object: "kube-system/metrics-server", "vtb-…", "KubernetesMasterRole-…"
    QString object;
    ComponentState state = ComponentState::Unknown;
    QString summary; // one line; for Unknown it says why
    QList<Evidence> evidence;
    QString summaryZh; // the summary in Simplified Chinese

    Bilingual summaryText() const { return {summary, summaryZh}; }
    void setSummary(const Bilingual& text)
    {
        summary = text.en;
        summaryZh = text.zh;
    }
};

struct LinkVerdict
{
    QString from; // component id
    QString to;   // component id
    LinkState state = LinkState::Unknown;
    QString summary;
    QList<Evidence> evidence;
    QString summaryZh; // the summary in Simplified Chinese
    QString id() const { return ids::link(from, to); }

    Bilingual summaryText() const { return {summary, summaryZh}; }
    void setSummary(const Bilingual& text)
    {
        summary = text.en;
        summaryZh = text.zh;
    }
};

struct RootCause
{
    QString component; // set when the root cause is a component
    QString from, to;  // set when the root cause is a link
    QString summary;
    QString summaryZh; // the summary in Simplified Chinese
    // Nothing is stuck (yet), but a failing link will strand the next namespace or node: the
    // red path then starts at the first failing component instead of the namespace controller.
    bool latent = false;

    Bilingual summaryText() const { return {summary, summaryZh}; }
};

// A fix is data before it is action (DESIGN.md §4).
struct FixStep
{
    QString description;
    QString method; // "PUT", "DELETE", "PATCH", "POST" or a cloud action "ram:CreatePolicyVersion"
    QString target; // path or action parameters
    QString body;
    QString command;       // kubectl/aliyun equivalent
    QString descriptionZh; // the description in Simplified Chinese
    // What the fix engine (models/fixes) needs to send it; unused by manual steps. A cloud step's
    // method is "<product>:<Action>" and its parameters are here, unencoded.
    QMap<QString, QString> params;
    QJsonObject observed; // the object as the diagnosis read it (preconditions and diffs)

    Bilingual descriptionText() const { return {description, descriptionZh}; }
};

struct FixPlan
{
    QString id; // "ram-policy-allow", "vpc-route-create", "apiservice-delete", ...
    QString title;
    QString why;
    QString risk;      // "low" | "medium" | "high" (+ what it orphans)
    QString appliesTo; // component or link id
    QList<FixStep> steps;
    QList<FixStep> preflight;
    QList<FixStep> undo;
    QString verify; // what re-probing must show
    // "repair": mends the failing component or link; "check": only reads, to find out what the
    // evidence could not show (cloud credentials missing, RAM unreadable); "workaround": unblocks
    // the stuck namespaces but leaves the fault (an APIService of a live backend deleted, the
    // namespace force-finalized).
    QString kind = QStringLiteral("repair");
    // A destructive last resort: applying it needs each of confirmNames typed (the namespace it
    // gives up on).
    bool destructive = false;
    QStringList confirmNames;
    // The human sentences in Simplified Chinese (ids, commands and bodies are not translated).
    QString titleZh, whyZh, riskZh, verifyZh;

    Bilingual titleText() const { return {title, titleZh}; }
    Bilingual whyText() const { return {why, whyZh}; }
    Bilingual riskText() const { return {risk, riskZh}; }
    Bilingual verifyText() const { return {verify, verifyZh}; }
    void setTitle(const Bilingual& t)
    {
        title = t.en;
        titleZh = t.zh;
    }
    void setWhy(const Bilingual& t)
    {
        why = t.en;
        whyZh = t.zh;
    }
    void setRisk(const Bilingual& t)
    {
        risk = t.en;
        riskZh = t.zh;
    }
    void setVerify(const Bilingual& t)
    {
        verify = t.en;
        verifyZh = t.zh;
    }
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
    // Every answer the verdict waits for is in; only the background sweep (every node's route,
    // for the full picture) may still be running. True whenever complete is.
    bool redPathSettled = false;
    QString error; // why it could not diagnose (exit code 2)
    QList<StuckNamespace> namespaces;
    QList<ComponentVerdict> components;
    QList<LinkVerdict> links;
    std::optional<RootCause> rootCause;
    QStringList redPath;  // component and link ids from the subject to the root cause
    QList<FixPlan> fixes; // recommended, root cause first (FixOrder)
    QString narrativeEn;
    QString narrativeZh;
    // About the connection rather than the cluster (e.g. TLS verification is off).
    QList<Bilingual> warnings;

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
