// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/fixes/FixRollback.h"

#include "models/fixes/FixUndo.h"
#include "models/fixes/StateReader.h"

#include <QJsonArray>
#include <QTimer>

namespace unstuck {

using namespace Qt::StringLiterals;

namespace {

using Text = Bilingual;

// "write 1 (Delete apiservice v1.subresources.kubevirt.io)", in both languages.
Bilingual describeWrites(const PreparedFix& fix, const QStringList& ids)
{
    QStringList en, zh;
    for (const FixWrite& w : fix.writes)
        if (ids.contains(w.id)) {
            en << u"write %1 (%2)"_s.arg(w.id, w.description.en);
            zh << u"写入 %1（%2）"_s.arg(w.id, w.description.zh);
        }
    return Text(en.join(u", "_s), zh.join(u"，"_s));
}

} // namespace

struct FixRollback::Run
{
    PreparedFix fix;
    ApplyResult applied;
    AuditContext context;
    Done done;
    RollbackResult result;
    QString undoFailure; // why the undo stopped ("" = every undo write was accepted)
    bool undoUncertain = false;
};

FixRollback::FixRollback(FixTransport& transport, AuditLog& log, QObject* parent)
    : QObject(parent), m_transport(transport), m_log(log), m_applier(transport, log)
{
    connect(&m_applier, &FixApplier::progress, this, &FixRollback::progress);
}

bool FixRollback::restored(const StateFact& fact, const QString& now)
{
    if (now == fact.value)
        return true;
    const QString absent = QLatin1String(StateFact::kAbsent);
    const bool identity =
        fact.field.endsWith(u"resourceVersion"_s) || fact.field.endsWith(u"uid"_s);
    return identity && !now.isEmpty() && now != absent && fact.value != absent;
}

void FixRollback::start(const PreparedFix& fix, const ApplyResult& applied,
                        const AuditContext& context, Done done)
{
    auto run = std::make_shared<Run>();
    run->fix = fix;
    run->applied = applied;
    run->context = context;
    run->done = std::move(done);
    run->result.left = applied.applied;
    QString error;
    const QList<QJsonObject> records = m_log.records(&error);
    QList<PreparedFix> undo;
    if (error.isEmpty())
        undo = FixUndo::fromAudit(records, context.auditId, fix.fixId, &error);
    if (undo.isEmpty() || undo.first().writes.isEmpty()) {
        run->undoFailure = !error.isEmpty()                ? error
                           : undo.isEmpty()                ? u"nothing to undo"_s
                           : undo.first().noUndo.isEmpty() ? u"no stored undo"_s
                                                           : undo.first().noUndo.en;
        QTimer::singleShot(0, this, [this, run] { readBack(run); });
        return;
    }
    Q_EMIT progress(fix.fixId, {},
                    Text(u"Undoing %1, last first, so nothing is left half changed"_s,
                         u"按从后到前的顺序回滚%1，以免留下半途的更改"_s)
                        .arg(describeWrites(fix, applied.applied)),
                    u"running"_s);
    AuditContext undoContext = context;
    undoContext.undoes = context.auditId;
    m_applier.apply(undo.first(), undoContext, true, u"Undo"_s,
                    [this, run](const ApplyResult& r) { undone(run, r); });
}

void FixRollback::undone(std::shared_ptr<Run> run, const ApplyResult& undo)
{
    // An undo write names the write it reverses; every one of a write's undo writes must be
    // accepted before that write counts as undone.
    QMap<QString, bool> all;
    for (const QString& id : run->applied.applied)
        all.insert(id, false);
    for (const QString& id : undo.applied) {
        const QString reverses = id.startsWith(u"undo-"_s) ? id.mid(5) : id;
        if (all.contains(reverses))
            all[reverses] = true;
    }
    for (const QString& id : undo.notApplied) {
        const QString reverses = id.startsWith(u"undo-"_s) ? id.mid(5) : id;
        all.remove(reverses);
    }
    run->result.left.clear();
    for (const QString& id : run->applied.applied)
        (all.value(id) ? run->result.undone : run->result.left) << id;
    if (!undo.ok())
        run->undoFailure = undo.failedWrite.isEmpty()
                               ? undo.failure
                               : u"%1: %2"_s.arg(undo.failedWrite, undo.failure);
    run->undoUncertain = !undo.uncertainWrite.isEmpty();
    readBack(run);
}

// Only what reading back shows may be called unchanged: the facts the fix relied on, read again.
void FixRollback::readBack(std::shared_ptr<Run> run)
{
    StateReader::read(run->fix.state, m_transport, run->fix.fixId, this,
                      [this, run](const StateReader::Reading& reading) {
                          for (qsizetype i = 0; i < run->fix.state.size(); ++i) {
                              const StateFact& f = run->fix.state.at(i);
                              if (!reading.errors.at(i).isEmpty())
                                  run->result.moved << u"%1: could not be read: %2"_s.arg(
                                      f.key, reading.errors.at(i));
                              else if (!restored(f, reading.values.at(i)))
                                  run->result.moved << u"%1: %2 → %3"_s.arg(
                                      f.key, f.value.left(200), reading.values.at(i).left(200));
                          }
                          finish(run);
                      });
}

void FixRollback::finish(std::shared_ptr<Run> run)
{
    RollbackResult& r = run->result;
    const bool uncertain = run->undoUncertain || !run->applied.uncertainWrite.isEmpty();
    r.result = r.left.isEmpty() && r.moved.isEmpty() && run->undoFailure.isEmpty() && !uncertain
                   ? u"unchanged"_s
                   : u"changed"_s;
    if (r.unchanged()) {
        r.summary = Text(u"rolled back: unchanged (undid %1; read back as before)"_s,
                         u"已回滚：未更改（已撤销%1；回读与之前一致）"_s)
                        .arg(describeWrites(run->fix, r.undone));
    } else {
        Bilingual left = r.left.isEmpty() ? Text(u"none of the fix's writes"_s, u"无"_s)
                                          : describeWrites(run->fix, r.left);
        if (!run->applied.uncertainWrite.isEmpty())
            left = Text(u"%1; write %2 may have taken effect"_s, u"%1；写入 %2 可能已生效"_s)
                       .arg(left, Bilingual::same(run->applied.uncertainWrite));
        r.summary =
            Text(u"rollback failed%1; left changed: %2%3"_s, u"回滚失败%1；仍处于更改状态：%2%3"_s)
                .arg(Bilingual::same(run->undoFailure.isEmpty() ? QString()
                                                                : u" (%1)"_s.arg(run->undoFailure)),
                     left,
                     Bilingual::same(r.moved.isEmpty() ? QString()
                                                       : u"; read back not as before: "_s +
                                                             r.moved.join(u"; "_s)));
    }
    QJsonObject record = run->context.toJson();
    record.insert(u"auditId"_s, run->context.auditId);
    record.insert(u"undoes"_s, run->context.auditId);
    record.insert(u"fixId"_s, run->fix.fixId);
    record.insert(u"planId"_s, run->fix.planId);
    record.insert(u"stage"_s, r.unchanged() ? u"RolledBack"_s : u"RollbackFailed"_s);
    record.insert(u"title"_s, run->fix.title.en);
    record.insert(u"titleZh"_s, run->fix.title.zh);
    record.insert(u"description"_s, r.summary.en);
    record.insert(u"fingerprint"_s, run->fix.fingerprint());
    record.insert(u"rollback"_s, QJsonObject{{u"result"_s, r.result},
                                             {u"undone"_s, QJsonArray::fromStringList(r.undone)},
                                             {u"left"_s, QJsonArray::fromStringList(r.left)},
                                             {u"moved"_s, QJsonArray::fromStringList(r.moved)},
                                             {u"reason"_s, run->undoFailure}});
    QString error;
    if (!m_log.append(record, &error))
        r.summary =
            Text(u"%1; the audit log could not be written: %2"_s, u"%1；无法写入审计日志：%2"_s)
                .arg(r.summary, Bilingual::same(error));
    Q_EMIT progress(run->fix.fixId, {}, r.summary, r.unchanged() ? u"ok"_s : u"failed"_s);
    run->done(r);
}

} // namespace unstuck
