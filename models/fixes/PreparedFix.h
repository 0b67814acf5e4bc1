// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/common/Bilingual.h"
#include "models/fixes/FixRequest.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace unstuck {

// A fact a fix depends on and how to read it again: an object's resourceVersion, a policy's
// default version, a route table's entries. Read at preview, compared with what the diagnosis
// saw, and read again right before the first write: if it moved, nothing is written.
struct StateFact
{
    QString key;     // "apiservice v1beta1.metrics.k8s.io resourceVersion"
    FixRequest read; // how to read it
    QString field;   // dotted path in the answer ("a.b.0.c"); "" = the answer exists
    // For a list at `field`: the fields that identify an entry ("DestinationCidrBlock", …); the
    // value is then the sorted entries, "172.16.0.0/24 i-bp1…; …".
    QStringList keys;
    QString value; // at preview ("<absent>" when the object does not exist)
    QString seen;  // what the diagnosis saw ("" = the diagnosis did not read it)

    static constexpr const char* kAbsent = "<absent>";
    // The fact's value in an answer (a live read or the diagnosis's observation).
    QString extract(const QJsonObject& answer) const;
    QJsonObject toJson() const;
    static StateFact fromJson(const QJsonObject& object);
};

// The RBAC question one Kubernetes request needs answered (SelfSubjectAccessReview).
struct AccessReview
{
    QString verb, group, resource, subresource, ns, name;
    QJsonObject body() const;
    // "delete apiservices.apiregistration.k8s.io/v1beta1.metrics.k8s.io"
    QString describe() const;
    QJsonObject toJson() const;
    static std::optional<AccessReview> fromJson(const QJsonValue& value);
};

// One write of a fix, with what it needs to be checked, shown, applied and reversed.
struct FixWrite
{
    QString id; // "1", "2", … in apply order (undo writes: "undo-1", …)
    Bilingual description;
    FixRequest request;
    std::optional<AccessReview> access; // Kubernetes: the SelfSubjectAccessReview to ask
    bool cloudDryRun = false;           // the cloud action takes DryRun=true
    // The object (or RAM policy document) as read and as it will be; undefined/null = absent.
    QJsonValue before, after;
    // Undo writes only: the write they reverse (run only if it was applied). Their parameters may
    // name the answer of that write: "$response:PolicyVersion.VersionId".
    QString reverses;

    static constexpr const char* kFromResponse = "$response:";
    // The change as a JSON Patch (RFC 6902) from `before` to `after`.
    QJsonArray diff() const;
    QJsonObject toJson(bool redacted = true) const;
    static FixWrite fromJson(const QJsonObject& object);
};

// One preflight answer. Only Failed blocks; a check that is not a dry run, or could not be
// made, is shown as such and never painted green.
struct PreflightCheck
{
    enum class Outcome { Passed, Failed, NotDryRunnable, CouldNotCheck };
    QString fixId;
    QString kind;  // "rbac" | "dry-run" | "cloud-dry-run" | "ram-permission" | "version-limit" |
                   // "state" | "read-only" | "cloud" | "confirm"
    QString check; // what was asked, e.g. "rbac: delete apiservices…/v1beta1.metrics.k8s.io"
    Outcome outcome = Outcome::Passed;
    Bilingual reason;
    // A failed state check: the world moved since it was read (exit 5, not 3).
    bool conflict = false;
    // `check` as a person reads it, in both languages ("RBAC 权限：delete …").
    Bilingual label;

    bool ok() const { return outcome != Outcome::Failed; }
    static QString outcomeName(Outcome outcome); // "passed" | "failed" | "not-dry-runnable" | …
    QJsonObject toJson() const;
};

// A fix made executable against the state read just now: the exact writes, the facts they rely
// on, how to reverse them, and the preflight answers. What `fix plan` shows and saves, and what
// `fix apply` sends.
struct PreparedFix
{
    QString fixId;
    QString planId; // unique per preparation (ClientTokens derive from it)
    QString appliesTo;
    Bilingual title, why, risk, verify;
    bool destructive = false;
    QStringList confirmNames;
    bool manual = false; // only steps a person takes: nothing to send
    QList<FixWrite> writes;
    QList<FixWrite> undo;       // in the order to run them (last write's undo first)
    QList<StateFact> state;     // must not move between preview and apply
    QList<StateFact> undoState; // must hold before undo (values may name "$response:…")
    Bilingual noUndo;           // why this fix cannot be undone (empty: it can)
    QList<PreflightCheck> checks;
    QString error; // preparation failed (a read failed): nothing can be applied

    bool preflightPassed() const;
    bool conflict() const; // a state check failed
    // sha256 of the exact writes and the state they rely on.
    QString fingerprint() const;
    QJsonObject toJson(bool redacted = true) const;
    static std::optional<PreparedFix> fromJson(const QJsonObject& object, QString* error);
};

} // namespace unstuck
