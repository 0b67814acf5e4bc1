// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/writers/FixText.h"

#include "models/common/Redactor.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace unstuck {

using namespace Qt::StringLiterals;

namespace {

QString json(const QJsonValue& v)
{
    if (v.isString())
        return u'"' + v.toString() + u'"';
    if (v.isUndefined() || v.isNull())
        return u"null"_s;
    if (v.isDouble() || v.isBool())
        return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact))
            .mid(1)
            .chopped(1);
    return QString::fromUtf8(v.isArray()
                                 ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                 : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

QJsonValue pointer(const QJsonValue& root, const QString& path)
{
    QJsonValue v = root;
    for (QString token : path.split(u'/', Qt::SkipEmptyParts)) {
        token.replace(u"~1"_s, u"/"_s).replace(u"~0"_s, u"~"_s);
        bool index = false;
        const int i = token.toInt(&index);
        v = index && v.isArray() ? v.toArray().at(i) : v.toObject().value(token);
    }
    return v;
}

// One JSON Patch operation, with the value it replaces: "replace /Statement/1/Effect: "Deny" →
// "Allow"".
QString operation(const QJsonObject& op, const QJsonValue& before)
{
    const QString name = op.value(u"op"_s).toString(), path = op.value(u"path"_s).toString();
    if (path.isEmpty())
        return op.value(u"value"_s).isNull() ? u"delete the object"_s : u"create the object"_s;
    const QString value = json(op.value(u"value"_s)).left(300);
    if (name == u"replace"_s)
        return u"replace %1: %2 → %3"_s.arg(path, json(pointer(before, path)).left(300), value);
    if (name == u"remove"_s)
        return u"remove %1 (was %2)"_s.arg(path, json(pointer(before, path)).left(300));
    return u"%1 %2: %3"_s.arg(name, path, value);
}

// RAM: each changed statement before and after.
QStringList statements(const FixWrite& w)
{
    QStringList out;
    QList<int> shown;
    for (const QJsonValue& op : w.diff()) {
        const QStringList parts =
            op.toObject().value(u"path"_s).toString().split(u'/', Qt::SkipEmptyParts);
        if (parts.size() < 2 || parts.first() != u"Statement"_s || shown.contains(parts[1].toInt()))
            continue;
        const int i = parts[1].toInt();
        shown << i;
        out << u"statement %1 before: %2"_s.arg(i + 1).arg(
                   json(w.before.toObject().value(u"Statement"_s).toArray().at(i)))
            << u"statement %1 after:  %2"_s.arg(i + 1).arg(
                   json(w.after.toObject().value(u"Statement"_s).toArray().at(i)));
    }
    return out;
}

QString symbol(PreflightCheck::Outcome o)
{
    switch (o) {
    case PreflightCheck::Outcome::Passed:
        return u"✓"_s;
    case PreflightCheck::Outcome::Failed:
        return u"✗"_s;
    case PreflightCheck::Outcome::NotDryRunnable:
        return u"~"_s;
    case PreflightCheck::Outcome::CouldNotCheck:
        return u"?"_s;
    }
    return {};
}

QString writeText(const FixWrite& w, Language l)
{
    QStringList lines{u"  %1. %2"_s.arg(w.id, w.description.in(l))};
    lines << u"     request: "_s + w.request.label();
    if (w.request.isKube() && !w.request.body.isEmpty())
        lines << u"     body:    "_s + QString::fromUtf8(w.request.body).left(600);
    if (!w.request.command.isEmpty())
        lines << u"     command: "_s + w.request.command;
    const QJsonArray diff = w.diff();
    if (!diff.isEmpty()) {
        lines << u"     change (JSON Patch, RFC 6902):"_s;
        for (const QJsonValue& op : diff)
            lines << u"       "_s + operation(op.toObject(), w.before);
    }
    if (w.request.product == u"ram"_s)
        for (const QString& s : statements(w))
            lines << u"     "_s + s;
    return lines.join(u'\n');
}

} // namespace

QString FixText::preflight(const PreparedFix& fix, Language l)
{
    QStringList lines;
    for (const PreflightCheck& c : fix.checks)
        lines << u"    %1 %2 — %3"_s.arg(
            symbol(c.outcome), c.label.isEmpty() ? c.check : c.label.in(l), c.reason.in(l));
    if (!fix.error.isEmpty())
        lines << u"    ✗ "_s + fix.error;
    return lines.join(u'\n');
}

QString FixText::preview(const PreparedFix& fix, Language l)
{
    QStringList lines{u"%1 — %2"_s.arg(fix.fixId, fix.title.in(l))};
    if (!fix.why.isEmpty())
        lines << u"  why:  "_s + fix.why.in(l);
    if (!fix.risk.isEmpty())
        lines << u"  risk: "_s + fix.risk.in(l);
    if (fix.destructive)
        lines << (l == Language::Chinese ? u"  破坏性操作：需输入名称确认：%1"_s
                                         : u"  DESTRUCTIVE: type the name to confirm: %1"_s)
                     .arg(fix.confirmNames.join(u", "_s));
    if (fix.manual)
        lines << (l == Language::Chinese ? u"  （仅供人工执行的步骤；不会发送任何请求）"_s
                                         : u"  (steps for a person: nothing is sent)"_s);
    for (const FixWrite& w : fix.writes)
        lines << writeText(w, l);
    if (!fix.undo.isEmpty()) {
        lines << (l == Language::Chinese ? u"  回滚："_s : u"  undo:"_s);
        for (const FixWrite& u : fix.undo)
            lines << u"    - %1 (%2)"_s.arg(u.description.in(l), u.request.label());
    } else if (!fix.noUndo.isEmpty()) {
        lines << (l == Language::Chinese ? u"  回滚："_s : u"  undo: "_s) + fix.noUndo.in(l);
    }
    lines << (l == Language::Chinese ? u"  预检："_s : u"  preflight:"_s) << preflight(fix, l);
    return Redactor::redact(lines.join(u'\n')) + u'\n';
}

QString FixText::exitMeaning(int exitCode, const QString& command)
{
    switch (exitCode) {
    case FixOutcome::Healed:
        if (command == u"undo"_s)
            return u"0: undone (the stored inverse was applied; diagnose again to see the state it "
                   u"restored)"_s;
        return u"0: done (applied and verified healthy; for a plan or a dry run: every check "
               u"passed)"_s;
    case FixOutcome::NotVerified:
        return u"1: applied, but not verified healthy within the deadline"_s;
    case FixOutcome::CouldNotRun:
        return u"2: could not run"_s;
    case FixOutcome::Refused:
        return u"3: refused by a preflight check"_s;
    case FixOutcome::NotConfirmed:
        return u"4: not confirmed"_s;
    case FixOutcome::Conflict:
        return u"5: aborted by a conflict (nothing, or only the listed writes, changed)"_s;
    }
    return QString::number(exitCode);
}

QString FixText::outcome(const FixOutcome& o, Language l)
{
    QStringList lines;
    if (!o.error.isEmpty())
        lines << u"error: "_s + o.error;
    if (!o.auditId.isEmpty())
        lines << u"audit id: %1 (unstuck fix undo %1)"_s.arg(o.auditId);
    for (const FixResult& r : o.results)
        lines << u"  %1: %2 — %3"_s.arg(r.fixId, r.result, r.reason.in(l));
    if (o.command != u"plan"_s && o.command != u"undo"_s && !o.results.isEmpty()) {
        if (o.verified)
            lines << u"verify: healed — the diagnosis finds no root cause and the stuck "
                     u"namespaces are gone"_s;
        else if (!o.stillRed.isEmpty())
            lines << u"verify: not healed yet; still red:"_s
                  << u"    "_s + o.stillRed.join(u"\n    "_s);
    }
    lines << u"exit "_s + exitMeaning(o.exitCode, o.command);
    return Redactor::redact(lines.join(u'\n')) + u'\n';
}

QString FixText::audit(const QList<QJsonObject>& records, const AuditLog::Verification& chain,
                       const QString& path, int last)
{
    QStringList lines{chain.ok
                          ? u"%1: %2 record(s), hash chain intact"_s.arg(path).arg(chain.records)
                          : u"%1: hash chain BROKEN at line %2: %3"_s.arg(path)
                                .arg(chain.brokenLine)
                                .arg(chain.reason)};
    const qsizetype from = last > 0 ? std::max<qsizetype>(0, records.size() - last) : 0;
    for (qsizetype i = from; i < records.size(); ++i) {
        const QJsonObject r = records.at(i);
        const QJsonObject response = r.value(u"response"_s).toObject();
        QString answer;
        if (!response.isEmpty()) {
            const QString id = response.value(u"requestId"_s).toString().isEmpty()
                                   ? response.value(u"k8sAuditId"_s).toString()
                                   : response.value(u"requestId"_s).toString();
            answer = u" → %1 %2%3"_s.arg(response.value(u"status"_s).toInt())
                         .arg(response.value(u"code"_s).toString(),
                              id.isEmpty() ? QString() : u" id "_s + id);
        }
        lines << u"%1  %2  %3 #%4  %5  %6%7"_s.arg(
            r.value(u"time"_s).toString(), r.value(u"auditId"_s).toString(),
            r.value(u"fixId"_s).toString(), r.value(u"stepId"_s).toString(),
            r.value(u"stage"_s).toString(),
            FixRequest::fromJson(r.value(u"request"_s).toObject()).label().left(120), answer);
    }
    return Redactor::redact(lines.join(u'\n')) + u'\n';
}

} // namespace unstuck
