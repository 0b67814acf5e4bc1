// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/cloud/RamPolicy.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace unstuck {

// What is known about a request besides its action and resource, for Condition blocks:
// "acs:SourceIp", "acs:SecureTransport", "acs:CurrentTime", "acs:ResourceTag/<k>", ...
struct RamRequestContext
{
    QMap<QString, QString> keys;
    // The server's rule (a key absent from the request makes the test false) instead of the
    // offline rule (a key we do not know makes the statement undecidable).
    bool absentKeysAreFalse = false;
};

// A statement that took part in the answer.
struct RamStatementRef
{
    QString policyName;
    QString policyType;
    QString versionId;
    int statementIndex = 0;
    QString sid;
    RamStatement::Effect effect = RamStatement::Effect::Allow;
    QStringList undecidedConditions; // "StringEquals acs:SourceVpc" when it could not be decided

    // "statement 2 of policy `k8sMasterRolePolicy-…` version v3"
    QString describe() const;
};

struct RamEvaluation
{
    enum class Decision {
        Allowed,      // an Allow statement matches and no Deny does
        ExplicitDeny, // a Deny statement matches: it beats every Allow
        ImplicitDeny, // nothing allows it
        Undecided,    // the answer depends on a condition that cannot be evaluated offline
    };
    Decision decision = Decision::ImplicitDeny;
    QString action;
    QString resource;
    QList<RamStatementRef> deciding; // the statement(s) that decided (or may decide)
    QList<RamStatementRef> allowing; // every matching Allow (even when a Deny wins)

    bool allowed() const { return decision == Decision::Allowed; }
    // "allowed by statement 1 of policy `p` version v1", "explicitly denied by …",
    // "implicitly denied: no statement allows it", "undecided: … depends on condition …"
    QString explain() const;
    // The same sentence in Simplified Chinese (action, policy and statement names unchanged).
    QString explainZh() const;
    static QString decisionName(Decision decision); // "Allowed" / "ExplicitDeny" / ...
};

// Evaluates RAM identity policies the way RAM does: explicit Deny beats Allow, nothing
// allowed is implicitly denied. Actions match case-insensitively with `*` and `?`; resources
// match ARN patterns with `*` and `?`.
class RamPolicyEvaluator
{
public:
    static RamEvaluation evaluate(const QList<RamAttachedPolicy>& policies, const QString& action,
                                  const QString& resource = QStringLiteral("*"),
                                  const RamRequestContext& context = {});

    // The resource ARN RAM authorizes for an API call, e.g. DescribeRouteTableList →
    // "acs:vpc:<region>:<account>:routetable/<RouteTableId or *>" (the simulator checks calls
    // against the same). Empty region/account become "*". Evaluate with it rather than "*":
    // against resource-scoped statements "*" (unknown) answers Undecided.
    static QString resourceArn(const QString& product, const QString& action,
                               const QString& regionId, const QString& accountId,
                               const QMap<QString, QString>& params);

    static bool wildcardMatch(const QString& pattern, const QString& value, bool caseInsensitive);

    // The actions the Alibaba Cloud CCM route controller calls (reference §4.2), in the order
    // it needs them: v2.x lists tables, then entries, then creates/deletes.
    static QStringList routeControllerActions();
    // Only those the controller cannot work without (v2.x periodic sync).
    static QStringList routeControllerRequiredActions();
};

} // namespace unstuck
