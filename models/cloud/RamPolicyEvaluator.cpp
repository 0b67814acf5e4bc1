// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/cloud/RamPolicyEvaluator.h"

#include <QDateTime>
#include <QHostAddress>

namespace unstuck {

namespace {

enum class Tri { False, True, Unknown };

bool wildcardMatchAt(const QString& pattern, qsizetype p, const QString& value, qsizetype v,
                     Qt::CaseSensitivity cs)
{
    // Iterative glob with single-star backtracking: linear enough for policy patterns.
    qsizetype starP = -1, starV = 0;
    while (v < value.size()) {
        if (p < pattern.size() &&
            (pattern.at(p) == QLatin1Char('?') ||
             QString::compare(QString(pattern.at(p)), QString(value.at(v)), cs) == 0) &&
            pattern.at(p) != QLatin1Char('*')) {
            ++p;
            ++v;
        } else if (p < pattern.size() && pattern.at(p) == QLatin1Char('*')) {
            starP = p++;
            starV = v;
        } else if (starP >= 0) {
            p = starP + 1;
            v = ++starV;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern.at(p) == QLatin1Char('*'))
        ++p;
    return p == pattern.size();
}

bool matchesAny(const QStringList& patterns, const QString& value, bool caseInsensitive)
{
    for (const QString& pattern : patterns)
        if (RamPolicyEvaluator::wildcardMatch(pattern, value, caseInsensitive))
            return true;
    return false;
}

bool compareNumbers(const QString& op, double a, double b)
{
    if (op.endsWith(QLatin1String("NotEquals")))
        return a != b;
    if (op.endsWith(QLatin1String("LessThanEquals")))
        return a <= b;
    if (op.endsWith(QLatin1String("LessThan")))
        return a < b;
    if (op.endsWith(QLatin1String("GreaterThanEquals")))
        return a >= b;
    if (op.endsWith(QLatin1String("GreaterThan")))
        return a > b;
    return a == b;
}

bool ipInCidr(const QString& ip, const QString& cidr)
{
    const QHostAddress address(ip);
    if (cidr.contains(QLatin1Char('/'))) {
        const auto subnet = QHostAddress::parseSubnet(cidr);
        return !address.isNull() && address.isInSubnet(subnet);
    }
    return address == QHostAddress(cidr);
}

// One value of the request against one value of the policy (positive form of the operator).
bool testOne(const QString& op, const QString& actual, const QString& expected)
{
    if (op.startsWith(QLatin1String("String"))) {
        if (op.contains(QLatin1String("Like")))
            return RamPolicyEvaluator::wildcardMatch(expected, actual, false);
        const bool ignoreCase = op.contains(QLatin1String("IgnoreCase"));
        return QString::compare(actual, expected,
                                ignoreCase ? Qt::CaseInsensitive : Qt::CaseSensitive) == 0;
    }
    if (op.startsWith(QLatin1String("Numeric")))
        return compareNumbers(op, actual.toDouble(), expected.toDouble());
    if (op.startsWith(QLatin1String("Date"))) {
        const auto a = QDateTime::fromString(actual, Qt::ISODate).toMSecsSinceEpoch();
        const auto b = QDateTime::fromString(expected, Qt::ISODate).toMSecsSinceEpoch();
        return compareNumbers(op, double(a), double(b));
    }
    if (op == QLatin1String("Bool"))
        return actual.compare(expected, Qt::CaseInsensitive) == 0;
    return ipInCidr(actual, expected); // IpAddress / NotIpAddress
}

bool isNegated(const QString& op)
{
    // Numeric/Date NotEquals compare directly in compareNumbers (one value must differ from
    // all listed values, handled below like the string negations).
    return op.contains(QLatin1String("Not"));
}

Tri evaluateCondition(const RamCondition& condition, const RamRequestContext& context)
{
    const auto it = context.keys.constFind(condition.key);
    if (it == context.keys.constEnd())
        return context.absentKeysAreFalse ? Tri::False : Tri::Unknown;
    // Values of one key are OR-ed; a negated operator is true when no value matches.
    const bool negated = isNegated(condition.op);
    QString positive = condition.op;
    positive.remove(QLatin1String("Not"));
    bool any = false;
    for (const QString& expected : condition.values)
        any = any || testOne(positive, it.value(), expected);
    return (negated ? !any : any) ? Tri::True : Tri::False;
}

RamStatementRef refFor(const RamAttachedPolicy& policy, const RamStatement& statement)
{
    return RamStatementRef{policy.policyName,
                           policy.policyType,
                           policy.versionId,
                           statement.index,
                           statement.sid,
                           statement.effect,
                           {}};
}

} // namespace

QString RamStatementRef::describe() const
{
    QString text = QStringLiteral("statement %1").arg(statementIndex);
    if (!sid.isEmpty())
        text += QStringLiteral(" (Sid \"%1\")").arg(sid);
    text += QStringLiteral(" of policy `%1`").arg(policyName);
    if (!versionId.isEmpty())
        text += QStringLiteral(" version %1").arg(versionId);
    return text;
}

QString RamEvaluation::decisionName(Decision decision)
{
    switch (decision) {
    case Decision::Allowed:
        return QStringLiteral("Allowed");
    case Decision::ExplicitDeny:
        return QStringLiteral("ExplicitDeny");
    case Decision::ImplicitDeny:
        return QStringLiteral("ImplicitDeny");
    case Decision::Undecided:
        return QStringLiteral("Undecided");
    }
    return {};
}

QString RamEvaluation::explain() const
{
    const QString subject = QStringLiteral("`%1`").arg(action);
    switch (decision) {
    case Decision::Allowed:
        return QStringLiteral("%1 is allowed by %2").arg(subject, deciding.value(0).describe());
    case Decision::ExplicitDeny:
        return QStringLiteral("%1 is explicitly denied by %2")
            .arg(subject, deciding.value(0).describe());
    case Decision::ImplicitDeny:
        return QStringLiteral("%1 is implicitly denied: no statement allows it").arg(subject);
    case Decision::Undecided: {
        QStringList parts;
        for (const RamStatementRef& ref : deciding)
            parts.append(QStringLiteral("%1 (%2, whose %3 cannot be evaluated offline)")
                             .arg(ref.describe(),
                                  ref.effect == RamStatement::Effect::Deny
                                      ? QStringLiteral("Deny")
                                      : QStringLiteral("Allow"),
                                  ref.undecidedConditions.join(QStringLiteral(", "))));
        return QStringLiteral("%1 is undecided: it depends on %2")
            .arg(subject, parts.join(QStringLiteral("; ")));
    }
    }
    return {};
}

QString RamEvaluation::explainZh() const
{
    const QString subject = QStringLiteral("`%1`").arg(action);
    auto where = [](const RamStatementRef& ref) {
        QString text = QStringLiteral("策略 `%1`").arg(ref.policyName);
        if (!ref.versionId.isEmpty())
            text += QStringLiteral(" 版本 %1").arg(ref.versionId);
        text += QStringLiteral(" 的第 %1 条语句").arg(ref.statementIndex);
        if (!ref.sid.isEmpty())
            text += QStringLiteral("（Sid \"%1\"）").arg(ref.sid);
        return text;
    };
    switch (decision) {
    case Decision::Allowed:
        return QStringLiteral("%1 被%2允许").arg(subject, where(deciding.value(0)));
    case Decision::ExplicitDeny:
        return QStringLiteral("%1 被%2显式拒绝").arg(subject, where(deciding.value(0)));
    case Decision::ImplicitDeny:
        return QStringLiteral("%1 被隐式拒绝：没有任何语句允许它").arg(subject);
    case Decision::Undecided: {
        QStringList parts;
        for (const RamStatementRef& ref : deciding)
            parts.append(QStringLiteral("%1（%2，其条件 %3 无法离线判定）")
                             .arg(where(ref),
                                  ref.effect == RamStatement::Effect::Deny
                                      ? QStringLiteral("Deny")
                                      : QStringLiteral("Allow"),
                                  ref.undecidedConditions.join(QStringLiteral("、"))));
        return QStringLiteral("%1 无法判定：取决于%2")
            .arg(subject, parts.join(QStringLiteral("；")));
    }
    }
    return {};
}

bool RamPolicyEvaluator::wildcardMatch(const QString& pattern, const QString& value,
                                       bool caseInsensitive)
{
    return wildcardMatchAt(pattern, 0, value, 0,
                           caseInsensitive ? Qt::CaseInsensitive : Qt::CaseSensitive);
}

RamEvaluation RamPolicyEvaluator::evaluate(const QList<RamAttachedPolicy>& policies,
                                           const QString& action, const QString& resource,
                                           const RamRequestContext& context)
{
    RamEvaluation out;
    out.action = action;
    out.resource = resource;
    QList<RamStatementRef> denies, maybeDenies, allows, maybeAllows;
    for (const RamAttachedPolicy& policy : policies) {
        for (const RamStatement& statement : policy.document.statements) {
            const bool actionHit =
                matchesAny(statement.actions, action, true) != statement.notAction;
            if (!actionHit)
                continue;
            // No Resource at all (trust policies) applies to everything. An unknown request
            // resource ("*") against resource-scoped patterns cannot be decided offline.
            Tri resourceHit = Tri::True;
            if (!statement.resources.isEmpty()) {
                const bool patternsCoverAll = statement.resources.contains(QStringLiteral("*"));
                if (resource == QLatin1String("*"))
                    resourceHit = patternsCoverAll
                                      ? (statement.notResource ? Tri::False : Tri::True)
                                      : Tri::Unknown;
                else
                    resourceHit =
                        matchesAny(statement.resources, resource, false) != statement.notResource
                            ? Tri::True
                            : Tri::False;
            }
            if (resourceHit == Tri::False)
                continue;
            RamStatementRef ref = refFor(policy, statement);
            Tri all = resourceHit;
            if (resourceHit == Tri::Unknown)
                ref.undecidedConditions.append((statement.notResource
                                                    ? QStringLiteral("NotResource ")
                                                    : QStringLiteral("Resource ")) +
                                               statement.resources.join(QStringLiteral(", ")));
            for (const RamCondition& condition : statement.conditions) {
                const Tri t = evaluateCondition(condition, context);
                if (t == Tri::False) {
                    all = Tri::False;
                    break;
                }
                if (t == Tri::Unknown) {
                    all = Tri::Unknown;
                    ref.undecidedConditions.append(condition.op + QLatin1Char(' ') + condition.key);
                }
            }
            if (all == Tri::False)
                continue;
            const bool deny = statement.effect == RamStatement::Effect::Deny;
            if (all == Tri::True)
                (deny ? denies : allows).append(ref);
            else
                (deny ? maybeDenies : maybeAllows).append(ref);
        }
    }
    out.allowing = allows;
    if (!denies.isEmpty()) {
        out.decision = RamEvaluation::Decision::ExplicitDeny;
        out.deciding = denies;
    } else if (!maybeDenies.isEmpty()) {
        out.decision = RamEvaluation::Decision::Undecided;
        out.deciding = maybeDenies;
    } else if (!allows.isEmpty()) {
        out.decision = RamEvaluation::Decision::Allowed;
        out.deciding = allows;
    } else if (!maybeAllows.isEmpty()) {
        out.decision = RamEvaluation::Decision::Undecided;
        out.deciding = maybeAllows;
    } else {
        out.decision = RamEvaluation::Decision::ImplicitDeny;
    }
    return out;
}

QString RamPolicyEvaluator::resourceArn(const QString& product, const QString& action,
                                        const QString& regionId, const QString& accountId,
                                        const QMap<QString, QString>& params)
{
    const QString region = regionId.isEmpty() ? QStringLiteral("*") : regionId;
    const QString account = accountId.isEmpty() ? QStringLiteral("*") : accountId;
    const auto param = [&](const char* name) {
        return params.value(QLatin1String(name));
    };
    if (product == QLatin1String("vpc")) {
        if (action.contains(QLatin1String("Route"))) {
            const QString table = param("RouteTableId");
            return QStringLiteral("acs:vpc:%1:%2:routetable/%3")
                .arg(region, account, table.isEmpty() ? QStringLiteral("*") : table);
        }
        const QString vpc = param("VpcId");
        return QStringLiteral("acs:vpc:%1:%2:vpc/%3")
            .arg(region, account,
                 vpc.isEmpty() || vpc.contains(QLatin1Char(',')) ? QStringLiteral("*") : vpc);
    }
    if (product == QLatin1String("ecs"))
        return QStringLiteral("acs:ecs:%1:%2:instance/*").arg(region, account);
    if (product == QLatin1String("ram")) {
        if (!param("RoleName").isEmpty())
            return QStringLiteral("acs:ram:*:%1:role/%2").arg(account, param("RoleName").toLower());
        if (!param("PolicyName").isEmpty())
            return QStringLiteral("acs:ram:*:%1:policy/%2").arg(account, param("PolicyName"));
        return QStringLiteral("*");
    }
    if (product == QLatin1String("sts") && action == QLatin1String("AssumeRole"))
        return param("RoleArn");
    return QStringLiteral("*");
}

QStringList RamPolicyEvaluator::routeControllerActions()
{
    return {QStringLiteral("vpc:DescribeRouteTableList"),
            QStringLiteral("vpc:DescribeRouteEntryList"),
            QStringLiteral("vpc:CreateRouteEntry"),
            QStringLiteral("vpc:DeleteRouteEntry"),
            QStringLiteral("vpc:CreateRouteEntries"),
            QStringLiteral("vpc:DeleteRouteEntries"),
            QStringLiteral("vpc:DescribeVpcs")};
}

QStringList RamPolicyEvaluator::routeControllerRequiredActions()
{
    return {QStringLiteral("vpc:DescribeRouteTableList"),
            QStringLiteral("vpc:DescribeRouteEntryList"), QStringLiteral("vpc:CreateRouteEntry"),
            QStringLiteral("vpc:DeleteRouteEntry")};
}

} // namespace unstuck
