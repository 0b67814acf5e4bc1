// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/cloud/RamPolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace unstuck {

namespace {

const QStringList& knownOperators()
{
    static const QStringList ops{
        QStringLiteral("StringEquals"),
        QStringLiteral("StringNotEquals"),
        QStringLiteral("StringEqualsIgnoreCase"),
        QStringLiteral("StringNotEqualsIgnoreCase"),
        QStringLiteral("StringLike"),
        QStringLiteral("StringNotLike"),
        QStringLiteral("NumericEquals"),
        QStringLiteral("NumericNotEquals"),
        QStringLiteral("NumericLessThan"),
        QStringLiteral("NumericLessThanEquals"),
        QStringLiteral("NumericGreaterThan"),
        QStringLiteral("NumericGreaterThanEquals"),
        QStringLiteral("DateEquals"),
        QStringLiteral("DateNotEquals"),
        QStringLiteral("DateLessThan"),
        QStringLiteral("DateLessThanEquals"),
        QStringLiteral("DateGreaterThan"),
        QStringLiteral("DateGreaterThanEquals"),
        QStringLiteral("Bool"),
        QStringLiteral("IpAddress"),
        QStringLiteral("NotIpAddress"),
    };
    return ops;
}

QString scalarText(const QJsonValue& value, bool* ok)
{
    *ok = true;
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 17);
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        *ok = false;
        return {};
    }
}

// A field that is a string or a non-empty list of strings.
bool stringOrList(const QJsonValue& value, QStringList* out, QString* problem)
{
    if (value.isString()) {
        *out = {value.toString()};
        return true;
    }
    if (!value.isArray()) {
        *problem = QStringLiteral("must be a string or a list of strings");
        return false;
    }
    const QJsonArray array = value.toArray();
    if (array.isEmpty()) {
        *problem = QStringLiteral("must not be an empty list");
        return false;
    }
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isString()) {
            *problem = QStringLiteral("item %1 is not a string").arg(i + 1);
            return false;
        }
        out->append(array.at(i).toString());
    }
    return true;
}

bool fail(QString* error, const QString& text)
{
    if (error)
        *error = text;
    return false;
}

bool parseActions(const QStringList& actions, const QString& where, const QString& field,
                  QString* error)
{
    // "<service>:<action>" (wildcards allowed) or "*".
    static const QRegularExpression shape(QStringLiteral("^(\\*|[A-Za-z0-9*?-]+:[A-Za-z0-9*?]+)$"));
    for (const QString& action : actions)
        if (!shape.match(action).hasMatch())
            return fail(error, QStringLiteral("%1: \"%2\" value \"%3\" is not of the form "
                                              "\"<service>:<action>\"")
                                   .arg(where, field, action));
    return true;
}

bool parseConditions(const QJsonValue& value, const QString& where, RamStatement* statement,
                     QString* error)
{
    if (!value.isObject())
        return fail(error, QStringLiteral("%1: \"Condition\" must be an object").arg(where));
    const QJsonObject operators = value.toObject();
    for (auto op = operators.constBegin(); op != operators.constEnd(); ++op) {
        if (!knownOperators().contains(op.key()))
            return fail(error, QStringLiteral("%1: Condition operator \"%2\" is not supported")
                                   .arg(where, op.key()));
        if (!op.value().isObject())
            return fail(error, QStringLiteral("%1: Condition \"%2\" must be an object of "
                                              "key: value(s)")
                                   .arg(where, op.key()));
        const QJsonObject keys = op.value().toObject();
        for (auto key = keys.constBegin(); key != keys.constEnd(); ++key) {
            RamCondition condition{op.key(), key.key(), {}};
            const QJsonArray values =
                key.value().isArray() ? key.value().toArray() : QJsonArray{key.value()};
            for (const QJsonValue& v : values) {
                bool ok = false;
                const QString text = scalarText(v, &ok);
                if (!ok)
                    return fail(error, QStringLiteral("%1: Condition \"%2\" key \"%3\" has a "
                                                      "value that is not a string, number or "
                                                      "boolean")
                                           .arg(where, op.key(), key.key()));
                condition.values.append(text);
            }
            if (condition.values.isEmpty())
                return fail(error, QStringLiteral("%1: Condition \"%2\" key \"%3\" has no value")
                                       .arg(where, op.key(), key.key()));
            statement->conditions.append(condition);
        }
    }
    return true;
}

bool parseStatement(const QJsonValue& value, int index, RamStatement* statement, QString* error)
{
    const QString where = QStringLiteral("Statement %1").arg(index);
    if (!value.isObject())
        return fail(error, QStringLiteral("%1: must be an object").arg(where));
    const QJsonObject object = value.toObject();
    static const QStringList allowedFields{
        QStringLiteral("Sid"),       QStringLiteral("Effect"),   QStringLiteral("Action"),
        QStringLiteral("NotAction"), QStringLiteral("Resource"), QStringLiteral("NotResource"),
        QStringLiteral("Condition"), QStringLiteral("Principal")};
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        if (!allowedFields.contains(it.key()))
            return fail(error, QStringLiteral("%1: unknown field \"%2\"").arg(where, it.key()));
    statement->index = index;
    statement->sid = object.value(QLatin1String("Sid")).toString();

    const QJsonValue effect = object.value(QLatin1String("Effect"));
    if (effect.isUndefined())
        return fail(error, QStringLiteral("%1: \"Effect\" is missing").arg(where));
    if (effect.toString() == QLatin1String("Allow"))
        statement->effect = RamStatement::Effect::Allow;
    else if (effect.toString() == QLatin1String("Deny"))
        statement->effect = RamStatement::Effect::Deny;
    else
        return fail(error, QStringLiteral("%1: \"Effect\" must be \"Allow\" or \"Deny\", not %2")
                               .arg(where, QString::fromUtf8(QJsonDocument(QJsonArray{effect})
                                                                 .toJson(QJsonDocument::Compact)
                                                                 .mid(1)
                                                                 .chopped(1))));

    const bool hasAction = object.contains(QLatin1String("Action"));
    const bool hasNotAction = object.contains(QLatin1String("NotAction"));
    if (hasAction == hasNotAction)
        return fail(error,
                    hasAction
                        ? QStringLiteral("%1: has both \"Action\" and \"NotAction\"").arg(where)
                        : QStringLiteral("%1: \"Action\" is missing").arg(where));
    const QString actionField = hasAction ? QStringLiteral("Action") : QStringLiteral("NotAction");
    QString problem;
    if (!stringOrList(object.value(actionField), &statement->actions, &problem))
        return fail(error, QStringLiteral("%1: \"%2\" %3").arg(where, actionField, problem));
    if (!parseActions(statement->actions, where, actionField, error))
        return false;
    statement->notAction = hasNotAction;

    const bool hasResource = object.contains(QLatin1String("Resource"));
    const bool hasNotResource = object.contains(QLatin1String("NotResource"));
    if (hasResource && hasNotResource)
        return fail(error,
                    QStringLiteral("%1: has both \"Resource\" and \"NotResource\"").arg(where));
    if (hasResource || hasNotResource) {
        const QString field =
            hasResource ? QStringLiteral("Resource") : QStringLiteral("NotResource");
        if (!stringOrList(object.value(field), &statement->resources, &problem))
            return fail(error, QStringLiteral("%1: \"%2\" %3").arg(where, field, problem));
        for (const QString& resource : std::as_const(statement->resources))
            if (resource != QLatin1String("*") && !resource.startsWith(QLatin1String("acs:")))
                return fail(error, QStringLiteral("%1: \"%2\" value \"%3\" is neither \"*\" nor "
                                                  "an ARN (acs:<service>:<region>:<account>:"
                                                  "<resource>)")
                                       .arg(where, field, resource));
        statement->notResource = hasNotResource;
    } else if (!object.contains(QLatin1String("Principal"))) {
        return fail(error, QStringLiteral("%1: \"Resource\" is missing").arg(where));
    }

    if (object.contains(QLatin1String("Condition")))
        return parseConditions(object.value(QLatin1String("Condition")), where, statement, error);
    return true;
}

} // namespace

std::optional<RamPolicyDocument> RamPolicyDocument::parse(const QByteArray& json, QString* error)
{
    if (json.size() > kMaxDocumentBytes) {
        fail(error, QStringLiteral("the document is %1 bytes; RAM allows 6,144 characters and "
                                   "Unstuck reads at most %2 KiB")
                        .arg(json.size())
                        .arg(kMaxDocumentBytes / 1024));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        fail(error, QStringLiteral("not valid JSON at offset %1: %2")
                        .arg(parseError.offset)
                        .arg(parseError.errorString()));
        return std::nullopt;
    }
    if (!doc.isObject()) {
        fail(error, QStringLiteral("the document must be a JSON object"));
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    RamPolicyDocument out;
    const QJsonValue version = root.value(QLatin1String("Version"));
    if (version.isUndefined()) {
        fail(error, QStringLiteral("\"Version\" is missing (must be \"1\")"));
        return std::nullopt;
    }
    if (version.toString() != QLatin1String("1")) {
        fail(error, QStringLiteral("\"Version\" must be \"1\""));
        return std::nullopt;
    }
    out.version = version.toString();
    const QJsonValue statements = root.value(QLatin1String("Statement"));
    if (statements.isUndefined()) {
        fail(error, QStringLiteral("\"Statement\" is missing"));
        return std::nullopt;
    }
    const QJsonArray list = statements.isArray() ? statements.toArray() : QJsonArray{statements};
    for (qsizetype i = 0; i < list.size(); ++i) {
        RamStatement statement;
        if (!parseStatement(list.at(i), int(i + 1), &statement, error))
            return std::nullopt;
        out.statements.append(statement);
    }
    return out;
}

std::optional<RamAttachedPolicy> RamAttachedPolicy::fromApi(const QString& policyName,
                                                            const QString& policyType,
                                                            const QJsonObject& answer,
                                                            QString* error)
{
    QJsonObject version = answer;
    if (answer.contains(QLatin1String("DefaultPolicyVersion")))
        version = answer.value(QLatin1String("DefaultPolicyVersion")).toObject();
    else if (answer.contains(QLatin1String("PolicyVersion")))
        version = answer.value(QLatin1String("PolicyVersion")).toObject();
    const QJsonValue document = version.value(QLatin1String("PolicyDocument"));
    const QByteArray text = document.isObject()
                                ? QJsonDocument(document.toObject()).toJson(QJsonDocument::Compact)
                                : document.toString().toUtf8();
    if (text.isEmpty()) {
        fail(error,
             QStringLiteral("policy %1: the answer holds no PolicyDocument").arg(policyName));
        return std::nullopt;
    }
    QString parseError;
    auto parsed = RamPolicyDocument::parse(text, &parseError);
    const QString versionId = version.value(QLatin1String("VersionId")).toString();
    if (!parsed) {
        fail(error,
             QStringLiteral("policy %1 version %2: %3").arg(policyName, versionId, parseError));
        return std::nullopt;
    }
    return RamAttachedPolicy{policyName,
                             policyType.isEmpty() ? QStringLiteral("Custom") : policyType,
                             versionId, *parsed};
}

} // namespace unstuck
