// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/JsonPatch.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

namespace unstuck::sim {

namespace {

QStringList pointerTokens(const QString& pointer)
{
    QStringList tokens = pointer.split(QLatin1Char('/'));
    tokens.removeFirst(); // leading empty token
    for (QString& t : tokens)
        t = t.replace(QLatin1String("~1"), QLatin1String("/"))
                .replace(QLatin1String("~0"), QLatin1String("~"));
    return tokens;
}

std::optional<QJsonValue> getAt(const QJsonValue& root, const QStringList& tokens, int from = 0)
{
    if (from == tokens.size())
        return root;
    const QString& t = tokens[from];
    if (root.isObject()) {
        const QJsonObject o = root.toObject();
        if (!o.contains(t))
            return std::nullopt;
        return getAt(o.value(t), tokens, from + 1);
    }
    if (root.isArray()) {
        bool ok = false;
        const int index = t.toInt(&ok);
        const QJsonArray a = root.toArray();
        if (!ok || index < 0 || index >= a.size())
            return std::nullopt;
        return getAt(a.at(index), tokens, from + 1);
    }
    return std::nullopt;
}

enum class Op { Add, Remove, Replace };

// Returns the modified tree, or nullopt when the path does not exist.
std::optional<QJsonValue> modify(const QJsonValue& root, const QStringList& tokens, int from, Op op,
                                 const QJsonValue& value)
{
    const QString& t = tokens[from];
    const bool last = from == tokens.size() - 1;
    if (root.isObject()) {
        QJsonObject o = root.toObject();
        if (last) {
            if (op != Op::Add && !o.contains(t))
                return std::nullopt;
            if (op == Op::Remove)
                o.remove(t);
            else
                o.insert(t, value);
            return QJsonValue(o);
        }
        if (!o.contains(t))
            return std::nullopt;
        auto child = modify(o.value(t), tokens, from + 1, op, value);
        if (!child)
            return std::nullopt;
        o.insert(t, *child);
        return QJsonValue(o);
    }
    if (root.isArray()) {
        QJsonArray a = root.toArray();
        int index = -1;
        if (t == QLatin1String("-")) {
            index = a.size();
        } else {
            bool ok = false;
            index = t.toInt(&ok);
            if (!ok)
                return std::nullopt;
        }
        if (last) {
            if (op == Op::Add) {
                if (index < 0 || index > a.size())
                    return std::nullopt;
                a.insert(index, value);
            } else {
                if (index < 0 || index >= a.size())
                    return std::nullopt;
                if (op == Op::Remove)
                    a.removeAt(index);
                else
                    a.replace(index, value);
            }
            return QJsonValue(a);
        }
        if (index < 0 || index >= a.size())
            return std::nullopt;
        auto child = modify(a.at(index), tokens, from + 1, op, value);
        if (!child)
            return std::nullopt;
        a.replace(index, *child);
        return QJsonValue(a);
    }
    return std::nullopt;
}

std::optional<QJsonObject> applyJsonPatch(const QJsonObject& target, const QJsonArray& ops,
                                          QString* error)
{
    QJsonValue doc(target);
    for (const QJsonValue& v : ops) {
        const QJsonObject op = v.toObject();
        const QString name = op.value(QLatin1String("op")).toString();
        const QString path = op.value(QLatin1String("path")).toString();
        const QStringList tokens = pointerTokens(path);
        const QJsonValue value = op.value(QLatin1String("value"));
        std::optional<QJsonValue> next;
        if (tokens.isEmpty()) {
            *error = QStringLiteral("the whole document cannot be patched");
            return std::nullopt;
        }
        if (name == QLatin1String("add")) {
            next = modify(doc, tokens, 0, Op::Add, value);
        } else if (name == QLatin1String("remove")) {
            next = modify(doc, tokens, 0, Op::Remove, {});
        } else if (name == QLatin1String("replace")) {
            next = modify(doc, tokens, 0, Op::Replace, value);
        } else if (name == QLatin1String("test")) {
            const auto current = getAt(doc, tokens);
            if (!current || *current != value) {
                *error = QStringLiteral("testing value %1 failed").arg(path);
                return std::nullopt;
            }
            next = doc;
        } else if (name == QLatin1String("move") || name == QLatin1String("copy")) {
            const QStringList fromTokens =
                pointerTokens(op.value(QLatin1String("from")).toString());
            const auto moved = getAt(doc, fromTokens);
            if (!moved || fromTokens.isEmpty()) {
                *error = QStringLiteral("missing value at %1")
                             .arg(op.value(QLatin1String("from")).toString());
                return std::nullopt;
            }
            QJsonValue base = doc;
            if (name == QLatin1String("move")) {
                const auto removed = modify(doc, fromTokens, 0, Op::Remove, {});
                if (!removed) {
                    *error = QStringLiteral("cannot move from %1").arg(path);
                    return std::nullopt;
                }
                base = *removed;
            }
            next = modify(base, tokens, 0, Op::Add, *moved);
        } else {
            *error = QStringLiteral("Unexpected kind: %1").arg(name);
            return std::nullopt;
        }
        if (!next) {
            *error = QStringLiteral("the server rejected our request due to an error in our "
                                    "request: %1 operation does not apply: doc is missing path: "
                                    "\"%2\"")
                         .arg(name, path);
            return std::nullopt;
        }
        doc = *next;
    }
    return doc.toObject();
}

} // namespace

QJsonValue JsonPatch::mergePatch(const QJsonValue& target, const QJsonValue& patch)
{
    if (!patch.isObject())
        return patch;
    QJsonObject result = target.isObject() ? target.toObject() : QJsonObject();
    const QJsonObject p = patch.toObject();
    for (auto it = p.begin(); it != p.end(); ++it) {
        if (it.key() == QLatin1String("$patch") ||
            it.key().startsWith(QLatin1String("$setElementOrder")))
            continue; // strategic-merge directives
        if (it.value().isNull())
            result.remove(it.key());
        else
            result.insert(it.key(), mergePatch(result.value(it.key()), it.value()));
    }
    return result;
}

std::optional<QJsonObject> JsonPatch::apply(const QJsonObject& target, const QByteArray& patch,
                                            const QByteArray& contentType, QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(patch, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("invalid JSON in patch: %1").arg(parseError.errorString());
        return std::nullopt;
    }
    if (contentType.startsWith("application/json-patch+json")) {
        if (!doc.isArray()) {
            *error = QStringLiteral(
                "json: cannot unmarshal object into Go value of type jsonpatch.Patch");
            return std::nullopt;
        }
        return applyJsonPatch(target, doc.array(), error);
    }
    if (contentType.startsWith("application/merge-patch+json") ||
        contentType.startsWith("application/strategic-merge-patch+json") ||
        contentType.startsWith("application/apply-patch")) {
        if (!doc.isObject()) {
            *error = QStringLiteral("patch must be a JSON object");
            return std::nullopt;
        }
        return mergePatch(target, doc.object()).toObject();
    }
    *error = QStringLiteral("the body of the request was in an unknown format - accepted media "
                            "types include: application/json-patch+json, "
                            "application/merge-patch+json, application/apply-patch+yaml");
    return std::nullopt;
}

} // namespace unstuck::sim
