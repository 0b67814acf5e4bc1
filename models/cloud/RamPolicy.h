// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace unstuck {

// One Condition test: {"<Operator>": {"<key>": <value or [values]>}}.
struct RamCondition
{
    QString op;  // "StringEquals", "IpAddress", "Bool", ...
    QString key; // "acs:SourceIp", "acs:SecureTransport", ...
    QStringList values;
};

struct RamStatement
{
    enum class Effect { Allow, Deny };
    int index = 0; // 1-based position in the document's Statement list (what people count)
    QString sid;
    Effect effect = Effect::Allow;
    bool notAction = false;   // the patterns below come from NotAction
    QStringList actions;      // "vpc:Describe*", "*", ...
    bool notResource = false; // the patterns below come from NotResource
    QStringList resources;    // "acs:vpc:*:*:routetable/*", "*", ...
    QList<RamCondition> conditions;

    QString effectName() const
    {
        return effect == Effect::Allow ? QStringLiteral("Allow") : QStringLiteral("Deny");
    }
};

// A RAM policy document (Version "1"), parsed strictly: a malformed document gives an error
// naming the statement and the field, e.g. "Statement 2: \"Effect\" must be \"Allow\" or
// \"Deny\", not \"Alow\"".
class RamPolicyDocument
{
public:
    // RAM itself stores at most 6,144 characters per document; anything past this is not a
    // policy and is refused before parsing.
    static constexpr qsizetype kMaxDocumentBytes = 1024 * 1024;

    static std::optional<RamPolicyDocument> parse(const QByteArray& json, QString* error);

    QString version;
    QList<RamStatement> statements;
};

// One policy version attached to a principal, as the evaluator sees it.
struct RamAttachedPolicy
{
    QString policyName;
    QString policyType = QStringLiteral("Custom"); // "System" | "Custom"
    QString versionId;                             // "v3": the default version in force
    RamPolicyDocument document;

    // From a RAM API answer: GetPolicy (uses DefaultPolicyVersion), GetPolicyVersion
    // (PolicyVersion) or a bare PolicyVersion object. PolicyDocument may be a JSON string (as
    // RAM sends it) or an object. On a malformed document, nullopt and a precise *error.
    static std::optional<RamAttachedPolicy> fromApi(const QString& policyName,
                                                    const QString& policyType,
                                                    const QJsonObject& answer, QString* error);
};

} // namespace unstuck
