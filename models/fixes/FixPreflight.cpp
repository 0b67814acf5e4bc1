// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/fixes/FixPreflight.h"

#include <QHash>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimer>
#include <memory>

namespace unstuck {

using namespace Qt::StringLiterals;

namespace {

using Text = Bilingual;
using Outcome = PreflightCheck::Outcome;

PreflightCheck check(const QString& fixId, const QString& kind, const Bilingual& what,
                     Outcome outcome, const Bilingual& reason)
{
    PreflightCheck c;
    c.fixId = fixId;
    c.kind = kind;
    c.label = FixPreflight::label(kind, what);
    c.check = c.label.en;
    c.outcome = outcome;
    c.reason = reason;
    return c;
}

bool cannotDryRun(const FixResponse& r)
{
    const QString m = r.message.toLower();
    return r.error == u"notallowed"_s ||
           (r.error == u"badrequest"_s &&
            (m.contains(u"dry run"_s) || m.contains(u"dryrun"_s) || m.contains(u"sideeffects"_s)));
}

// The kinds of check (PreflightCheck::kind) in Chinese; English keeps the kind as written.
QString kindZh(const QString& kind)
{
    static const QHash<QString, QString> names{{u"rbac"_s, u"RBAC 权限"_s},
                                               {u"dry-run"_s, u"服务端试运行"_s},
                                               {u"cloud-dry-run"_s, u"云端试运行"_s},
                                               {u"ram-permission"_s, u"RAM 权限"_s},
                                               {u"version-limit"_s, u"版本上限"_s},
                                               {u"state"_s, u"状态"_s},
                                               {u"read-only"_s, u"只读"_s},
                                               {u"cloud"_s, u"云连接"_s},
                                               {u"confirm"_s, u"确认"_s}};
    return names.value(kind, kind);
}

} // namespace

Bilingual FixPreflight::label(const QString& kind, const Bilingual& what)
{
    return Text(u"%1: %2"_s, u"%1：%2"_s).arg(Text(kind, kindZh(kind)), what);
}

Bilingual FixPreflight::stateLabel(const QString& key)
{
    // Most specific first; the captured parts are names and stay as they are.
    static const QList<std::pair<QRegularExpression, QString>> patterns{
        {QRegularExpression(u"^RAM policy (\\S+) default version$"_s), u"RAM 策略 %1 的默认版本"_s},
        {QRegularExpression(u"^RAM policy (\\S+) versions$"_s), u"RAM 策略 %1 的版本列表"_s},
        {QRegularExpression(u"^RAM policy (\\S+) version (\\S+)$"_s), u"RAM 策略 %1 的版本 %2"_s},
        {QRegularExpression(u"^route table (\\S+) entries$"_s), u"路由表 %1 的路由条目"_s},
        {QRegularExpression(u"^route entry (.+)$"_s), u"路由条目 %1"_s},
        {QRegularExpression(u"^APIService (\\S+) Available$"_s),
         u"APIService %1 的 Available 状态"_s},
        {QRegularExpression(u"^namespace (\\S+)$"_s), u"命名空间 %1"_s},
        {QRegularExpression(u"^(.+) resourceVersion \\(the object must still exist\\)$"_s),
         u"%1 的 resourceVersion（对象必须仍然存在）"_s},
        {QRegularExpression(u"^(.+) resourceVersion \\(the fix's change must still be there\\)$"_s),
         u"%1 的 resourceVersion（修复所做的更改必须仍在）"_s},
        {QRegularExpression(u"^(.+) resourceVersion$"_s), u"%1 的 resourceVersion"_s},
        {QRegularExpression(u"^(.+) \\(undo creates it again\\)$"_s), u"%1（撤销时会重新创建）"_s}};
    for (const auto& [pattern, zh] : patterns) {
        const QRegularExpressionMatch m = pattern.match(key);
        if (!m.hasMatch())
            continue;
        QString text = zh;
        for (int i = 1; i <= pattern.captureCount(); ++i)
            text = text.arg(m.captured(i));
        return {key, text};
    }
    return Bilingual::same(key);
}

FixPreflight::FixPreflight(FixTransport& transport, QObject* parent)
    : QObject(parent), m_transport(transport), m_caller(transport, this)
{}

void FixPreflight::run(const PreparedFix& fix, bool readOnlyProfile, Done done)
{
    struct State
    {
        PreparedFix fix;
        QList<std::optional<PreflightCheck>> answers;
        int pending = 0;
        Done done;
    };
    auto state = std::make_shared<State>();
    state->fix = fix;
    state->done = std::move(done);
    if (!fix.writes.isEmpty() && readOnlyProfile)
        state->fix.checks.append(
            check(fix.fixId, u"read-only"_s, Text(u"connection profile"_s, u"连接配置文件"_s),
                  Outcome::Failed,
                  Text(u"the connection profile says \"readOnly\": true; no option overrides it"_s,
                       u"连接配置文件设置了 \"readOnly\": true；任何选项都无法覆盖"_s)));
    const Report report = [this, state](int slot, const PreflightCheck& c) {
        state->answers[slot] = c;
        Q_EMIT answered(c);
        if (--state->pending > 0)
            return;
        for (const auto& s : std::as_const(state->answers))
            if (s)
                state->fix.checks.append(*s);
        state->done(state->fix);
    };
    int total = 0;
    for (const FixWrite& write : fix.writes)
        total += checksFor(fix, write, total, {}); // count first: answers may come at once
    state->answers.resize(total);
    state->pending = total;
    if (total == 0 || !fix.error.isEmpty()) {
        QTimer::singleShot(0, this, [state] { state->done(state->fix); });
        return;
    }
    int slot = 0;
    for (const FixWrite& write : fix.writes)
        slot += checksFor(fix, write, slot, report);
}

// With an empty `report` only counts the checks.
int FixPreflight::checksFor(const PreparedFix& fix, const FixWrite& write, int slot,
                            const Report& report)
{
    const bool count = !report;
    if (write.request.isKube()) {
        if (!count) {
            if (write.access)
                accessReview(fix.fixId, *write.access, slot, report);
            kubeDryRun(fix.fixId, write, slot + (write.access ? 1 : 0), report);
        }
        return write.access ? 2 : 1;
    }
    const bool ram = write.request.product == u"ram"_s;
    if (!count) {
        cloudDryRun(fix.fixId, write, slot, report);
        if (ram)
            ramPermission(fix.fixId, write, slot + 1, report);
    }
    return ram ? 2 : 1;
}

void FixPreflight::accessReview(const QString& fixId, const AccessReview& access, int slot,
                                const Report& report)
{
    FixRequest ask = FixRequest::kube("POST",
                                      u"/apis/authorization.k8s.io/v1/"
                                      u"selfsubjectaccessreviews"_s,
                                      QJsonDocument(access.body()).toJson(QJsonDocument::Compact));
    m_transport.send(ask, fixId, this, [fixId, access, slot, report](const FixResponse& r) {
        const Bilingual what = Bilingual::same(access.describe());
        if (!r.ok())
            return report(
                slot,
                check(fixId, u"rbac"_s, what, Outcome::CouldNotCheck,
                      Text(u"could not be checked: %1"_s, u"无法检查：%1"_s).arg(r.summary())));
        const QJsonObject status = r.json.value(u"status"_s).toObject();
        const QString why = status.value(u"reason"_s).toString();
        if (status.value(u"allowed"_s).toBool())
            return report(slot, check(fixId, u"rbac"_s, what, Outcome::Passed,
                                      Text(u"allowed%1"_s, u"允许%1"_s)
                                          .arg(why.isEmpty() ? QString() : u" ("_s + why + u')')));
        report(slot, check(fixId, u"rbac"_s, what, Outcome::Failed,
                           Text(u"RBAC does not allow you to %1%2"_s, u"RBAC 不允许你执行 %1%2"_s)
                               .arg(what.en, why.isEmpty() ? QString() : u": "_s + why)));
    });
}

void FixPreflight::kubeDryRun(const QString& fixId, const FixWrite& write, int slot,
                              const Report& report)
{
    const Bilingual what = Bilingual::same(write.request.label());
    m_transport.send(
        write.request.asDryRun(), fixId, this, [fixId, what, slot, report](const FixResponse& r) {
            if (r.ok())
                return report(
                    slot, check(fixId, u"dry-run"_s, what, Outcome::Passed,
                                Text(u"dry run passed: the API server and its admission "
                                     "chain accepted it; nothing was stored"_s,
                                     u"试运行通过：API Server 及其准入链接受了该请求；未保存任何"
                                     "内容"_s)));
            if (cannotDryRun(r))
                return report(slot, check(fixId, u"dry-run"_s, what, Outcome::NotDryRunnable,
                                          Text(u"not dry-runnable (%1): unverified"_s,
                                               u"无法试运行（%1）：未经验证"_s)
                                              .arg(r.summary())));
            PreflightCheck c = check(fixId, u"dry-run"_s, what, Outcome::Failed,
                                     Text(u"rejected: %1"_s, u"被拒绝：%1"_s).arg(r.summary()));
            c.conflict = r.isConflict();
            report(slot, c);
        });
}

// A check known without asking, answered like the others: after this call returns.
void FixPreflight::later(int slot, const Report& report, const PreflightCheck& check)
{
    QTimer::singleShot(0, this, [slot, report, check] { report(slot, check); });
}

void FixPreflight::cloudDryRun(const QString& fixId, const FixWrite& write, int slot,
                               const Report& report)
{
    const Bilingual what = Bilingual::same(write.request.label());
    if (!m_transport.hasCloud())
        return later(slot, report,
                     check(fixId, u"cloud"_s, what, Outcome::Failed,
                           Text(u"no cloud connection: %1"_s, u"没有云连接：%1"_s)
                               .arg(m_transport.cloudUnavailableReason())));
    if (!write.cloudDryRun)
        return later(slot, report,
                     check(fixId, u"cloud-dry-run"_s, what, Outcome::NotDryRunnable,
                           Text(u"%1 has no DryRun: unverified by the cloud (your own "
                                "permission is evaluated below)"_s,
                                u"%1 不支持 DryRun：云端未验证（下面评估你自己的权限）"_s)
                               .arg(write.request.ramAction())));
    m_transport.send(
        write.request.asDryRun(), fixId, this, [fixId, what, slot, report](const FixResponse& r) {
            if (r.dryRunPassed())
                return report(
                    slot, check(fixId, u"cloud-dry-run"_s, what, Outcome::Passed,
                                Text(u"DryRunOperation: the parameters and your permission "
                                     "passed; nothing was created"_s,
                                     u"DryRunOperation：参数和权限检查通过；未创建任何资源"_s)));
            const Bilingual why =
                r.ok() ? Text(u"the cloud ignored DryRun=true and ran the request (RequestId %1)"_s,
                              u"云端忽略了 DryRun=true 并执行了请求（RequestId %1）"_s)
                             .arg(r.requestId)
                : r.error == u"forbidden"_s
                    ? Text(u"denied: %1"_s, u"无权限：%1"_s).arg(r.summary())
                    : Text(u"rejected: %1"_s, u"被拒绝：%1"_s).arg(r.summary());
            report(slot, check(fixId, u"cloud-dry-run"_s, what, Outcome::Failed, why));
        });
}

void FixPreflight::ramPermission(const QString& fixId, const FixWrite& write, int slot,
                                 const Report& report)
{
    const QString action = write.request.ramAction();
    m_caller.whenReady([this, fixId, write, action, slot, report] {
        const Bilingual you = m_caller.arn().isEmpty() ? Text(u"unknown"_s, u"未知"_s)
                                                       : Bilingual::same(m_caller.arn());
        const Bilingual what = Text(u"%1 (you: %2)"_s, u"%1（你：%2）"_s).arg(action, you);
        const QString resource =
            RamPolicyEvaluator::resourceArn(write.request.product, write.request.action, {},
                                            m_caller.accountId(), write.request.params);
        const auto e = m_caller.evaluate(action, resource);
        if (!e)
            return report(slot, check(fixId, u"ram-permission"_s, what, Outcome::CouldNotCheck,
                                      Text(u"could not be checked: %1"_s, u"无法检查：%1"_s)
                                          .arg(m_caller.problem())));
        if (m_caller.isRoot())
            return report(slot, check(fixId, u"ram-permission"_s, what, Outcome::Passed,
                                      Text(u"the account's own identity: RAM policies do not "
                                           "restrict it"_s,
                                           u"主账号身份：不受 RAM 策略限制"_s)));
        const Outcome outcome = e->allowed() ? Outcome::Passed
                                : e->decision == RamEvaluation::Decision::Undecided
                                    ? Outcome::CouldNotCheck
                                    : Outcome::Failed;
        report(slot, check(fixId, u"ram-permission"_s, what, outcome,
                           Text(e->explain(), e->explainZh())));
    });
}

} // namespace unstuck
