// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/fixes/FixUndo.h"

#include "models/sources/ConnectionRecord.h"

#include <QJsonArray>
#include <QUuid>

namespace unstuck {

using namespace Qt::StringLiterals;

namespace {

// Whether applied write `stepId` of `fixId` in run `auditId` was undone already: by `fix undo`,
// or by the rollback of a fix that failed part way (which may have undone only some writes).
bool undone(const QList<QJsonObject>& records, const QString& auditId, const QString& fixId,
            const QString& stepId)
{
    for (const QJsonObject& r : records)
        if (r.value(u"undoes"_s).toString() == auditId && r.value(u"fixId"_s).toString() == fixId &&
            r.value(u"stage"_s).toString() == u"Undone"_s &&
            r.value(u"stepId"_s).toString() == u"undo-"_s + stepId)
            return true;
    return false;
}

PreparedFix undoOf(const QString& fixId, const QList<QJsonObject>& applied)
{
    PreparedFix fix;
    fix.fixId = fixId;
    fix.planId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QJsonObject first = applied.first();
    fix.title = Bilingual(u"Undo: %1"_s, u"回滚：%1"_s)
                    .arg(Bilingual(first.value(u"title"_s).toString(),
                                   first.value(u"titleZh"_s).toString()));
    fix.risk = Bilingual(u"restores what the fix changed, as the audit log recorded it"_s,
                         u"按审计日志的记录恢复该修复所做的更改"_s);
    QStringList keys;
    // The last write first: its undo may depend on the earlier ones still being in place.
    for (auto it = applied.crbegin(); it != applied.crend(); ++it) {
        const QJsonObject undo = it->value(u"undo"_s).toObject();
        for (const QJsonValue& w : undo.value(u"writes"_s).toArray())
            fix.writes.append(FixWrite::fromJson(w.toObject()));
        for (const QJsonValue& s : undo.value(u"state"_s).toArray()) {
            const StateFact f = StateFact::fromJson(s.toObject());
            if (keys.contains(f.key + f.value))
                continue;
            keys << f.key + f.value;
            fix.state.append(f);
        }
        if (!undo.value(u"possible"_s).toBool() && fix.noUndo.isEmpty())
            fix.noUndo = Bilingual::same(undo.value(u"reason"_s).toString());
    }
    return fix;
}

} // namespace

QList<PreparedFix> FixUndo::fromAudit(const QList<QJsonObject>& records, const QString& auditId,
                                      const QString& onlyFix, QString* error)
{
    QStringList order;
    QMap<QString, QList<QJsonObject>> applied;
    for (const QJsonObject& r : records) {
        if (r.value(u"auditId"_s).toString() != auditId ||
            r.value(u"stage"_s).toString() != u"Applied"_s)
            continue;
        const QString fixId = r.value(u"fixId"_s).toString();
        if (!onlyFix.isEmpty() && fixId != onlyFix)
            continue;
        if (!order.contains(fixId))
            order << fixId;
        if (!undone(records, auditId, fixId, r.value(u"stepId"_s).toString()))
            applied[fixId].append(r);
    }
    QList<PreparedFix> out;
    for (auto it = order.crbegin(); it != order.crend(); ++it) {
        if (applied.value(*it).isEmpty())
            continue;
        out.append(undoOf(*it, applied.value(*it)));
    }
    if (out.isEmpty())
        *error = order.isEmpty()
                     ? u"the audit log has no applied write for %1%2"_s.arg(
                           auditId, onlyFix.isEmpty() ? QString() : u" (fix "_s + onlyFix + u')')
                     : u"%1 was undone already"_s.arg(auditId);
    return out;
}

std::optional<DiagnosisRequest> FixUndo::connectionOf(const QList<QJsonObject>& records,
                                                      const QString& auditId)
{
    for (const QJsonObject& r : records)
        if (r.value(u"auditId"_s).toString() == auditId && r.contains(u"connection"_s))
            return ConnectionRecord::fromJson(r.value(u"connection"_s).toObject());
    return std::nullopt;
}

} // namespace unstuck
