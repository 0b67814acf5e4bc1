// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/engine/FixRun.h"

#include "models/engine/FixVerifier.h"

#include <QTimer>
#include <algorithm>

namespace unstuck {

using namespace Qt::StringLiterals;

namespace {

using Text = Bilingual;

bool confirmed(const PreparedFix& fix, const QStringList& typed)
{
    for (const QString& name : fix.confirmNames)
        if (!typed.contains(name))
            return false;
    return true;
}

QString failedChecks(const PreparedFix& fix)
{
    QStringList out;
    for (const PreflightCheck& c : fix.checks)
        if (!c.ok())
            out << c.check + u" — "_s + c.reason.en;
    if (!fix.error.isEmpty())
        out << fix.error;
    return out.join(u"; "_s);
}

// "changed: write(s) 1, 2": what a failed fix left, when there was nothing to roll back.
Bilingual changedText(const Bilingual& changed)
{
    return Text(u"changed: %1"_s, u"已更改：%1"_s).arg(changed);
}

} // namespace

FixRun::FixRun(FixTransport& transport, FixPreflight& preflight, AuditLog& log,
               DiagnosisRequest request, FixOptions options, bool readOnlyProfile, QObject* parent)
    : QObject(parent), m_transport(transport), m_preflight(preflight), m_log(log),
      m_request(std::move(request)), m_options(std::move(options)), m_readOnly(readOnlyProfile),
      m_applier(std::make_unique<FixApplier>(transport, log))
{
    connect(m_applier.get(), &FixApplier::progress, this,
            [this](const QString& fixId, const QString& step, const Bilingual& message,
                   const QString& result) {
                say(m_mode == Mode::Undo ? u"undo"_s : u"apply"_s, fixId, message, result, step);
            });
}

FixRun::~FixRun() = default;

void FixRun::say(const QString& stage, const QString& fixId, const Bilingual& message,
                 const QString& result, const QString& step)
{
    Q_EMIT progress(FixProgress{stage, fixId, step, message, result});
}

void FixRun::start(Mode mode, const DiagnosisResult& before, const QList<PreparedFix>& reviewed,
                   const AuditContext& context)
{
    m_mode = mode;
    m_before = before;
    m_queue = reviewed;
    m_context = context;
    for (const PreparedFix& f : reviewed)
        m_reviewedIds << f.fixId;
    m_outcome.command = mode == Mode::Undo ? u"undo"_s : u"apply"_s;
    m_outcome.auditId = context.auditId;
    m_outcome.healAll = mode == Mode::HealAll;
    m_outcome.fixes = reviewed;
    m_clock.start();
    QTimer::singleShot(0, this, &FixRun::next);
}

void FixRun::cancel()
{
    m_cancelled = true;
    m_applier->cancel();
    if (m_verifier)
        m_verifier->cancel();
    if (!m_done)
        QTimer::singleShot(0, this, [this] {
            if (!m_done)
                finish(m_anyApplied ? FixOutcome::NotVerified : FixOutcome::NotConfirmed);
        });
}

void FixRun::skip(const PreparedFix& fix, const QString& result, const Bilingual& reason)
{
    m_outcome.results.append(FixResult{fix.fixId, result, reason, {}, {}});
    say(m_mode == Mode::Undo ? u"undo"_s : u"apply"_s, fix.fixId, reason, result);
}

void FixRun::next()
{
    if (m_done)
        return;
    if (m_queue.isEmpty()) {
        if (m_mode == Mode::HealAll && !m_candidates.isEmpty())
            return prepareNext();
        if (!m_anyApplied) {
            refuseDeferred();
            return finish(m_unconfirmed ? FixOutcome::NotConfirmed : FixOutcome::Refused);
        }
        if (m_mode == Mode::Apply)
            return verify();
        return finish(m_mode == Mode::Undo ? FixOutcome::Healed : FixOutcome::NotVerified);
    }
    const PreparedFix fix = m_queue.takeFirst();
    m_tried << fix.fixId;
    if (!gate(fix))
        return;
    m_applier->apply(fix, m_context, m_options.writesEnabled,
                     m_mode == Mode::Undo ? u"Undo"_s : u"Apply"_s,
                     [this, fix](const ApplyResult& result) { applied(fix, result); });
}

// Whether `fix` may be applied now; if not, records why and moves on (or stops).
bool FixRun::gate(const PreparedFix& fix)
{
    if (!fix.error.isEmpty()) {
        skip(fix, u"failed"_s,
             Text(u"could not be prepared: %1"_s, u"无法准备：%1"_s).arg(fix.error));
        finish(FixOutcome::CouldNotRun);
        return false;
    }
    if (fix.manual || fix.writes.isEmpty()) {
        skip(fix, u"skipped"_s,
             fix.manual ? Text(u"nothing to apply: its steps are for a person"_s,
                               u"无可执行的操作：这些步骤需要人工完成"_s)
                        : Text(u"nothing to change"_s, u"无需更改"_s));
        next();
        return false;
    }
    if (fix.destructive && !confirmed(fix, m_options.confirmNames)) {
        const Bilingual why = Text(u"destructive: type the name to confirm (--confirm-name %1)"_s,
                                   u"破坏性操作：需输入名称确认（--confirm-name %1）"_s)
                                  .arg(fix.confirmNames.join(u", "_s));
        m_unconfirmed = true;
        // Left out, as the prompt says ("anything else skips it"); the others still run.
        skip(fix, m_mode == Mode::HealAll ? u"skipped"_s : u"refused"_s, why);
        if (m_mode == Mode::Undo) {
            finish(FixOutcome::NotConfirmed);
            return false;
        }
        next();
        return false;
    }
    if (!m_options.writesEnabled) {
        skip(fix, u"refused"_s,
             Text(u"writes are not enabled for this run (confirm, or pass --yes)"_s,
                  u"本次运行未启用写入（请确认，或使用 --yes）"_s));
        finish(FixOutcome::NotConfirmed);
        return false;
    }
    if (!fix.preflightPassed() && defer(fix)) {
        next();
        return false;
    }
    if (!fix.preflightPassed()) {
        skip(fix, u"refused"_s,
             Text(u"preflight failed: %1"_s, u"预检未通过：%1"_s).arg(failedChecks(fix)));
        finish(fix.conflict() ? FixOutcome::Conflict : FixOutcome::Refused);
        return false;
    }
    return true;
}

// Healing all, a fix refused by a preflight made before this run wrote anything waits: the fixes
// after it still run, and once one of them was applied and the chain is still red, the next
// diagnosis recommends it again and it is prepared and checked against the world as it is then.
bool FixRun::defer(const PreparedFix& fix)
{
    if (m_mode != Mode::HealAll || m_anyApplied || fix.conflict())
        return false;
    m_tried.removeAll(fix.fixId);
    m_deferred.append(fix);
    say(u"apply"_s, fix.fixId,
        Text(u"preflight failed: %1; checked again after the fixes before it"_s,
             u"预检未通过：%1；在其前面的修复执行后再次检查"_s)
            .arg(failedChecks(fix)),
        u"waiting"_s);
    return true;
}

void FixRun::applied(const PreparedFix& fix, const ApplyResult& r)
{
    // Stopped part way: neither unchanged nor fully changed. Undo what was written.
    if (!r.ok() && !r.applied.isEmpty() && m_mode != Mode::Undo && !m_cancelled)
        return rollBack(fix, r);
    concluded(fix, r, nullptr);
}

void FixRun::rollBack(const PreparedFix& fix, const ApplyResult& r)
{
    m_rollback = std::make_unique<FixRollback>(m_transport, m_log);
    connect(m_rollback.get(), &FixRollback::progress, this,
            [this](const QString& fixId, const QString& step, const Bilingual& message,
                   const QString& result) { say(u"undo"_s, fixId, message, result, step); });
    m_rollback->start(fix, r, m_context, [this, fix, r](const RollbackResult& rollback) {
        concluded(fix, r, &rollback);
    });
}

// What the fix did, in its result: with a rollback, the writes still in effect are the ones it
// left, and the reason says whether it read the world back as before.
void FixRun::concluded(const PreparedFix& fix, const ApplyResult& r, const RollbackResult* rollback)
{
    const QStringList applied = rollback ? rollback->left : r.applied;
    QStringList notApplied;
    for (const FixWrite& w : fix.writes)
        if (!applied.contains(w.id))
            notApplied << w.id;
    FixResult result{fix.fixId,
                     r.ok() ? u"applied"_s : u"failed"_s,
                     {},
                     applied,
                     rollback ? notApplied : r.notApplied};
    Bilingual changed = r.applied.isEmpty()
                            ? Text(u"nothing"_s, u"无"_s)
                            : Text(u"write(s) %1"_s, u"写入 %1"_s).arg(r.applied.join(u", "_s));
    if (!r.uncertainWrite.isEmpty()) // its answer was lost and reading back could not tell
        changed = Text(u"%1; write %2 may have taken effect: its answer was lost or unclear and "
                       "reading back could not tell"_s,
                       u"%1；写入 %2 可能已生效：其应答丢失或不明确，回读也无法确认"_s)
                      .arg(changed, Bilingual::same(r.uncertainWrite));
    if (r.ok())
        result.reason = Text(u"applied %1 write(s)"_s, u"已执行 %1 个写入"_s).arg(r.applied.size());
    else if (r.unreadable && !r.conflict)
        result.reason = Text(u"stopped before any write: %1; changed: nothing"_s,
                             u"在任何写入之前停止：%1；已更改：无"_s)
                            .arg(r.failure);
    else if (r.conflict)
        result.reason = Text(u"aborted by a conflict: %1; %2"_s, u"因冲突而中止：%1；%2"_s)
                            .arg(r.failure, rollback ? rollback->summary : changedText(changed));
    else
        result.reason =
            Text(u"failed at write %1: %2; %3"_s, u"在写入 %1 处失败：%2；%3"_s)
                .arg(r.failedWrite, r.failure, rollback ? rollback->summary : changedText(changed));
    m_outcome.results.append(result);
    // A rollback that could not read the world back as before left it changed, whatever it undid.
    m_leftChanged = m_leftChanged || (rollback && !rollback->unchanged());
    if (!r.ok())
        return finish(r.conflict    ? FixOutcome::Conflict
                      : r.forbidden ? FixOutcome::Refused
                                    : FixOutcome::CouldNotRun);
    m_anyApplied = true;
    if (m_mode == Mode::HealAll)
        return verify();
    next();
}

void FixRun::verify()
{
    say(u"verify"_s, {},
        Text(u"re-probing until the chain is healthy (at most %1 s)"_s,
             u"重新探测，直到整条链路恢复正常（最多 %1 秒）"_s)
            .arg(m_options.verifyTimeoutMs / 1000),
        u"running"_s);
    m_verifier = std::make_unique<FixVerifier>(m_request, m_transport);
    m_verifier->setFollowsChain(m_options.verifyFollowsChain);
    connect(m_verifier.get(), &FixVerifier::progress, this,
            [this](const Bilingual& message, const QString& waitingFor) {
                m_outcome.verifyLog.append(message);
                say(u"verify"_s, {}, message, u"waiting"_s, waitingFor);
            });
    connect(m_verifier.get(), &FixVerifier::rediagnosed, this, &FixRun::rediagnosed);
    connect(m_verifier.get(), &FixVerifier::finished, this, &FixRun::verified);
    m_verifier->start(m_before, m_options.verifyTimeoutMs, m_options.verifyIntervalMs);
}

void FixRun::verified(bool healed, const DiagnosisResult& last, const QStringList& stillRed)
{
    m_outcome.diagnoses += m_verifier->diagnoses();
    m_outcome.diagnosisRequests += m_verifier->diagnosisRequests();
    m_outcome.verified = healed;
    m_outcome.stillRed = stillRed;
    if (healed)
        return finish(FixOutcome::Healed);
    const Bilingual red = Bilingual::join(FixVerifier::redText(last), u"; "_s, u"；"_s);
    say(u"verify"_s, {},
        Text(u"not healed within %1 s; still red: %2"_s, u"%1 秒内未恢复；仍然异常：%2"_s)
            .arg(QString::number(m_options.verifyTimeoutMs / 1000),
                 Text(red.en.left(400), red.zh.left(400))),
        u"failed"_s);
    if (m_mode != Mode::HealAll)
        return finish(FixOutcome::NotVerified);
    // Still red after the previous fix had its time: the next recommended fix, planned afresh.
    m_queue.clear();
    m_candidates.clear();
    for (const FixPlan& plan : last.fixes)
        if (m_reviewedIds.contains(plan.id) && !m_tried.contains(plan.id))
            m_candidates.append(plan);
    next();
}

void FixRun::prepareNext()
{
    const FixPlan plan = m_candidates.takeFirst();
    say(u"preview"_s, plan.id,
        Text(u"still red: planning %1 against the current state"_s,
             u"仍然异常：基于当前状态规划 %1"_s)
            .arg(plan.titleText()),
        u"running"_s);
    PrepareOptions options;
    options.rotatePolicyVersions = m_options.rotatePolicyVersions;
    FixPreparer::prepare(plan, m_transport, options, this, [this](const PreparedFix& prepared) {
        m_preflight.run(prepared, m_readOnly, [this](const PreparedFix& checked) {
            m_outcome.fixes.append(checked);
            m_queue.append(checked);
            next();
        });
    });
}

// No fix could run before them: their preflight stands.
void FixRun::refuseDeferred()
{
    for (const PreparedFix& fix : std::as_const(m_deferred))
        skip(fix, u"refused"_s,
             Text(u"preflight failed: %1"_s, u"预检未通过：%1"_s).arg(failedChecks(fix)));
    m_deferred.clear();
}

bool FixRun::wroteAnything() const
{
    if (m_anyApplied || m_leftChanged)
        return true;
    for (const FixResult& r : m_outcome.results)
        if (!r.applied.isEmpty())
            return true;
    return false;
}

void FixRun::finish(int exitCode)
{
    if (m_done)
        return;
    m_done = true;
    // Once something was written, a run that is not verified healthy ends with 1 whatever
    // stopped it (a later fix refused by its preflight, left unconfirmed or failing): 2, 3 and 4
    // promise that nothing was written. A conflict keeps 5, which lists the writes it made.
    const bool promisesNothingWritten = exitCode == FixOutcome::CouldNotRun ||
                                        exitCode == FixOutcome::Refused ||
                                        exitCode == FixOutcome::NotConfirmed;
    if (m_mode != Mode::Undo && promisesNothingWritten && wroteAnything())
        exitCode = FixOutcome::NotVerified;
    QStringList left;
    for (const PreparedFix& f : std::as_const(m_queue))
        left << f.fixId;
    for (const FixPlan& p : std::as_const(m_candidates))
        left << p.id;
    for (const PreparedFix& f : std::as_const(m_deferred))
        if (!left.contains(f.fixId) &&
            std::none_of(m_outcome.results.cbegin(), m_outcome.results.cend(),
                         [&f](const FixResult& r) { return r.fixId == f.fixId; }))
            left << f.fixId;
    for (const QString& id : std::as_const(left))
        m_outcome.results.append(FixResult{
            id,
            u"skipped"_s,
            exitCode == FixOutcome::Healed
                ? Text(u"not needed: the chain is healthy"_s, u"无需执行：链路已恢复正常"_s)
                : Text(u"not reached"_s, u"未执行到"_s),
            {},
            {}});
    m_outcome.exitCode = exitCode;
    m_outcome.elapsedMs = m_clock.elapsed();
    m_outcome.requests = m_transport.requestsSent();
    Q_EMIT finished(m_outcome);
}

} // namespace unstuck
