// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/fixes/PreparedFix.h"

#include "models/common/Redactor.h"
#include "models/fixes/JsonDiff.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRegularExpression>
#include <algorithm>

namespace unstuck {

using namespace Qt::StringLiterals;

namespace {

// The element of a list whose `field` equals `value` ("conditions[type=Available]").
QJsonValue select(const QJsonValue& list, const QString& field, const QString& value)
{
    for (const QJsonValue& item : list.toArray())
        if (item.toObject().value(field).toString() == value)
            return item;
    return QJsonValue(QJsonValue::Undefined);
}

// "a.b.0.c" and "status.conditions[type=Available].status".
QJsonValue valueAt(const QJsonValue& root, const QString& path)
{
    static const QRegularExpression selector(u"^([^\\[]+)\\[([^=]+)=([^\\]]*)\\]$"_s);
    QJsonValue v = root;
    for (const QString& key : path.split(u'.', Qt::SkipEmptyParts)) {
        const auto m = selector.match(key);
        bool index = false;
        const int i = key.toInt(&index);
        if (m.hasMatch())
            v = select(v.toObject().value(m.captured(1)), m.captured(2), m.captured(3));
        else
            v = index && v.isArray() ? v.toArray().at(i) : v.toObject().value(key);
    }
    return v;
}

QString text(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Double:
        return QString::number(v.toDouble());
    case QJsonValue::Bool:
        return v.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Undefined:
    case QJsonValue::Null:
        return u"<none>"_s;
    default:
        return QString::fromUtf8(
            QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).mid(1).chopped(1));
    }
}

QJsonArray bilingual(const Bilingual& b)
{
    return QJsonArray{b.en, b.zh};
}

Bilingual bilingual(const QJsonValue& v)
{
    const QJsonArray a = v.toArray();
    return {a.at(0).toString(), a.at(1).toString()};
}

QStringList strings(const QJsonValue& v)
{
    QStringList out;
    for (const QJsonValue& s : v.toArray())
        out << s.toString();
    return out;
}

} // namespace

QString StateFact::extract(const QJsonObject& answer) const
{
    const QJsonValue v = valueAt(answer, field);
    if (keys.isEmpty() || !v.isArray())
        return field.isEmpty() ? u"<present>"_s : text(v);
    QStringList entries;
    for (const QJsonValue& entry : v.toArray()) {
        QStringList parts;
        for (const QString& key : keys)
            parts << text(valueAt(entry, key));
        entries << parts.join(u' ');
    }
    std::sort(entries.begin(), entries.end());
    return entries.join(u"; "_s);
}

QJsonObject StateFact::toJson() const
{
    return {{u"key"_s, key},     {u"read"_s, read.toJson(false)},
            {u"field"_s, field}, {u"keys"_s, QJsonArray::fromStringList(keys)},
            {u"value"_s, value}, {u"seen"_s, seen}};
}

StateFact StateFact::fromJson(const QJsonObject& o)
{
    StateFact f;
    f.key = o.value(u"key"_s).toString();
    f.read = FixRequest::fromJson(o.value(u"read"_s).toObject());
    f.field = o.value(u"field"_s).toString();
    f.keys = strings(o.value(u"keys"_s));
    f.value = o.value(u"value"_s).toString();
    f.seen = o.value(u"seen"_s).toString();
    return f;
}

QJsonObject AccessReview::body() const
{
    QJsonObject attributes{{u"verb"_s, verb}, {u"group"_s, group}, {u"resource"_s, resource}};
    if (!subresource.isEmpty())
        attributes.insert(u"subresource"_s, subresource);
    if (!ns.isEmpty())
        attributes.insert(u"namespace"_s, ns);
    if (!name.isEmpty())
        attributes.insert(u"name"_s, name);
    return {{u"apiVersion"_s, u"authorization.k8s.io/v1"_s},
            {u"kind"_s, u"SelfSubjectAccessReview"_s},
            {u"spec"_s, QJsonObject{{u"resourceAttributes"_s, attributes}}}};
}

QString AccessReview::describe() const
{
    QString what = resource + (subresource.isEmpty() ? QString() : u'/' + subresource) +
                   (group.isEmpty() ? QString() : u'.' + group);
    if (!name.isEmpty())
        what += u' ' + (ns.isEmpty() ? name : ns + u'/' + name);
    return verb + u' ' + what;
}

QJsonObject AccessReview::toJson() const
{
    return body().value(u"spec"_s).toObject().value(u"resourceAttributes"_s).toObject();
}

std::optional<AccessReview> AccessReview::fromJson(const QJsonValue& value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject o = value.toObject();
    return AccessReview{o.value(u"verb"_s).toString(),      o.value(u"group"_s).toString(),
                        o.value(u"resource"_s).toString(),  o.value(u"subresource"_s).toString(),
                        o.value(u"namespace"_s).toString(), o.value(u"name"_s).toString()};
}

QJsonArray FixWrite::diff() const
{
    return JsonDiff::diff(before, after);
}

QJsonObject FixWrite::toJson(bool redacted) const
{
    QJsonObject o{{u"id"_s, id},
                  {u"description"_s, bilingual(description)},
                  {u"request"_s, request.toJson(redacted)},
                  {u"cloudDryRun"_s, cloudDryRun},
                  {u"before"_s, before.isUndefined() ? QJsonValue() : before},
                  {u"after"_s, after.isUndefined() ? QJsonValue() : after}};
    if (access)
        o.insert(u"access"_s, access->toJson());
    if (!reverses.isEmpty())
        o.insert(u"reverses"_s, reverses);
    if (!redacted)
        return o;
    return QJsonDocument::fromJson(
               Redactor::redact(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)))
                   .toUtf8())
        .object();
}

FixWrite FixWrite::fromJson(const QJsonObject& o)
{
    FixWrite w;
    w.id = o.value(u"id"_s).toString();
    w.description = bilingual(o.value(u"description"_s));
    w.request = FixRequest::fromJson(o.value(u"request"_s).toObject());
    w.access = AccessReview::fromJson(o.value(u"access"_s));
    w.cloudDryRun = o.value(u"cloudDryRun"_s).toBool();
    w.before = o.value(u"before"_s);
    w.after = o.value(u"after"_s);
    w.reverses = o.value(u"reverses"_s).toString();
    return w;
}

QString PreflightCheck::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Passed:
        return u"passed"_s;
    case Outcome::Failed:
        return u"failed"_s;
    case Outcome::NotDryRunnable:
        return u"not-dry-runnable"_s;
    case Outcome::CouldNotCheck:
        return u"could-not-check"_s;
    }
    return {};
}

QJsonObject PreflightCheck::toJson() const
{
    return {{u"fixId"_s, fixId},
            {u"kind"_s, kind},
            {u"check"_s, Redactor::redact(check)},
            {u"label"_s, Redactor::redact(label.isEmpty() ? check : label.en)},
            {u"labelZh"_s, Redactor::redact(label.isEmpty() ? check : label.zh)},
            {u"ok"_s, ok()},
            {u"outcome"_s, outcomeName(outcome)},
            {u"conflict"_s, conflict},
            {u"reason"_s, Redactor::redact(reason.en)},
            {u"reasonZh"_s, Redactor::redact(reason.zh)}};
}

bool PreparedFix::preflightPassed() const
{
    return error.isEmpty() &&
           std::all_of(checks.begin(), checks.end(), [](const auto& c) { return c.ok(); });
}

bool PreparedFix::conflict() const
{
    return std::any_of(checks.begin(), checks.end(),
                       [](const auto& c) { return !c.ok() && c.conflict; });
}

QString PreparedFix::fingerprint() const
{
    QJsonArray parts;
    for (const FixWrite& w : writes)
        parts.append(w.request.canonical());
    for (const StateFact& f : state)
        parts.append(f.key + u'=' + f.value);
    const QByteArray digest = QCryptographicHash::hash(
        QJsonDocument(parts).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256);
    return u"sha256:"_s + QString::fromLatin1(digest.toHex());
}

QJsonObject PreparedFix::toJson(bool redacted) const
{
    auto writesJson = [redacted](const QList<FixWrite>& list) {
        QJsonArray a;
        for (const FixWrite& w : list)
            a.append(w.toJson(redacted));
        return a;
    };
    auto factsJson = [](const QList<StateFact>& list) {
        QJsonArray a;
        for (const StateFact& f : list)
            a.append(f.toJson());
        return a;
    };
    QJsonArray checksJson;
    for (const PreflightCheck& c : checks)
        checksJson.append(c.toJson());
    return {{u"id"_s, fixId},
            {u"planId"_s, planId},
            {u"appliesTo"_s, appliesTo},
            {u"title"_s, bilingual(title)},
            {u"why"_s, bilingual(why)},
            {u"risk"_s, bilingual(risk)},
            {u"verify"_s, bilingual(verify)},
            {u"destructive"_s, destructive},
            {u"confirmNames"_s, QJsonArray::fromStringList(confirmNames)},
            {u"manual"_s, manual},
            {u"writes"_s, writesJson(writes)},
            {u"undo"_s, writesJson(undo)},
            {u"state"_s, factsJson(state)},
            {u"undoState"_s, factsJson(undoState)},
            {u"noUndo"_s, bilingual(noUndo)},
            {u"preflight"_s, checksJson},
            {u"fingerprint"_s, fingerprint()},
            {u"error"_s, Redactor::redact(error)}};
}

std::optional<PreparedFix> PreparedFix::fromJson(const QJsonObject& o, QString* error)
{
    PreparedFix f;
    f.fixId = o.value(u"id"_s).toString();
    f.planId = o.value(u"planId"_s).toString();
    if (f.fixId.isEmpty() || f.planId.isEmpty()) {
        *error = u"a planned fix without \"id\" or \"planId\""_s;
        return std::nullopt;
    }
    f.appliesTo = o.value(u"appliesTo"_s).toString();
    f.title = bilingual(o.value(u"title"_s));
    f.why = bilingual(o.value(u"why"_s));
    f.risk = bilingual(o.value(u"risk"_s));
    f.verify = bilingual(o.value(u"verify"_s));
    f.destructive = o.value(u"destructive"_s).toBool();
    f.confirmNames = strings(o.value(u"confirmNames"_s));
    f.manual = o.value(u"manual"_s).toBool();
    for (const QJsonValue& w : o.value(u"writes"_s).toArray())
        f.writes.append(FixWrite::fromJson(w.toObject()));
    for (const QJsonValue& w : o.value(u"undo"_s).toArray())
        f.undo.append(FixWrite::fromJson(w.toObject()));
    for (const QJsonValue& s : o.value(u"state"_s).toArray())
        f.state.append(StateFact::fromJson(s.toObject()));
    for (const QJsonValue& s : o.value(u"undoState"_s).toArray())
        f.undoState.append(StateFact::fromJson(s.toObject()));
    f.noUndo = bilingual(o.value(u"noUndo"_s));
    f.error = o.value(u"error"_s).toString();
    if (o.value(u"fingerprint"_s).toString() != f.fingerprint()) {
        *error = u"the plan for %1 was edited after it was saved (its fingerprint does not match "
                 u"its requests)"_s.arg(f.fixId);
        return std::nullopt;
    }
    return f;
}

} // namespace unstuck
