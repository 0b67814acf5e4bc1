// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/writers/FixAppliedSection.h"

#include "models/common/Redactor.h"
#include "models/writers/ReportWords.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace unstuck {

using namespace Qt::StringLiterals;

namespace {

using Words = ReportWords;

// One write as the audit log recorded it after it ran.
struct WriteFacts
{
    QString description, target, outcome;
    QStringList diff;
};

// One run, read once from the outcome and the records; both renderings print these.
struct RunFacts
{
    QString auditId, from, to, who, where;
    QStringList fixes;
    QList<WriteFacts> writes;
    QString verification;
    QStringList verifyLog;
};

QString str(const QJsonObject& o, const QString& key)
{
    return o.value(key).toString();
}

QString joined(const QStringList& parts, const QString& separator)
{
    QStringList kept;
    for (const QString& p : parts)
        if (!p.trimmed().isEmpty())
            kept << p;
    return kept.join(separator);
}

const PreparedFix* preparedFix(const FixOutcome& outcome, const QString& fixId)
{
    for (const PreparedFix& f : outcome.fixes)
        if (f.fixId == fixId)
            return &f;
    return nullptr;
}

QString who(const QJsonObject& record)
{
    const QJsonObject id = record.value(u"identity"_s).toObject();
    const QString local = str(id, u"host"_s).isEmpty()
                              ? str(id, u"osUser"_s)
                              : str(id, u"osUser"_s) + u"@"_s + str(id, u"host"_s);
    return joined(
        {local,
         str(id, u"kubeUser"_s).isEmpty() ? QString() : u"Kubernetes: "_s + str(id, u"kubeUser"_s),
         str(id, u"cloudPrincipal"_s).isEmpty() ? QString()
                                                : u"cloud: "_s + str(id, u"cloudPrincipal"_s)},
        u", "_s);
}

QString where(const QJsonObject& record)
{
    const QJsonObject cluster = record.value(u"cluster"_s).toObject();
    const QJsonObject cloud = record.value(u"cloud"_s).toObject();
    return joined({str(cluster, u"context"_s),
                   str(cluster, u"server"_s).isEmpty()
                       ? QString()
                       : u"("_s + str(cluster, u"server"_s) + u")"_s,
                   joined({str(cloud, u"accountId"_s), str(cloud, u"region"_s)}, u" / "_s)},
                  u" "_s);
}

QString target(const QJsonObject& request)
{
    if (str(request, u"api"_s) == u"cloud"_s)
        return str(request, u"product"_s) + u":"_s + str(request, u"action"_s);
    return joined({str(request, u"method"_s), str(request, u"path"_s)}, u" "_s);
}

QStringList diffLines(const QJsonValue& diff)
{
    QStringList lines;
    for (const QJsonValue& v : diff.toArray()) {
        const QJsonObject op = v.toObject();
        // The value as JSON ("Allow" quoted, objects compact): a scalar has no document of its
        // own, so it is written inside an array and the brackets are cut off.
        QString value;
        if (op.contains(u"value"_s))
            value =
                QString::fromUtf8(
                    QJsonDocument(QJsonArray{op.value(u"value"_s)}).toJson(QJsonDocument::Compact))
                    .mid(1)
                    .chopped(1);
        lines << Redactor::redact(joined({str(op, u"op"_s), str(op, u"path"_s), value}, u" "_s));
    }
    return lines;
}

WriteFacts writeFacts(const AppliedFixRun& run, const QJsonObject& record, const Words& w)
{
    WriteFacts facts;
    facts.description = str(record, u"description"_s);
    if (const PreparedFix* fix = preparedFix(run.outcome, str(record, u"fixId"_s)))
        for (const FixWrite& write : fix->writes)
            if (write.id == str(record, u"stepId"_s))
                facts.description = write.description.in(w.language);
    facts.target = Redactor::redact(target(record.value(u"request"_s).toObject()));
    const QJsonObject response = record.value(u"response"_s).toObject();
    const bool failed = str(record, u"stage"_s).endsWith(u"Failed"_s);
    facts.outcome = joined({failed ? w(u"failed"_s, u"失败"_s) : w(u"done"_s, u"已完成"_s),
                            response.value(u"status"_s).toVariant().toString(),
                            Redactor::redact(str(response, u"message"_s))},
                           u" "_s);
    facts.diff = diffLines(record.value(u"diff"_s));
    return facts;
}

QString fixLine(const AppliedFixRun& run, const FixResult& result, const Words& w)
{
    const PreparedFix* fix = preparedFix(run.outcome, result.fixId);
    const QString title = fix ? fix->title.in(w.language) : result.fixId;
    static const QHash<QString, Bilingual> words = {{u"applied"_s, {u"applied"_s, u"已应用"_s}},
                                                    {u"skipped"_s, {u"skipped"_s, u"已跳过"_s}},
                                                    {u"failed"_s, {u"failed"_s, u"失败"_s}},
                                                    {u"refused"_s, {u"refused"_s, u"被拒绝"_s}}};
    const QString word = words.value(result.result, Bilingual::same(result.result)).in(w.language);
    const QString reason = result.reason.in(w.language);
    return reason.isEmpty() ? u"%1 (`%2`): %3"_s.arg(title, result.fixId, word)
                            : u"%1 (`%2`): %3 — %4"_s.arg(title, result.fixId, word, reason);
}

QString verification(const FixOutcome& outcome, const Words& w)
{
    if (outcome.verified)
        return w(u"healed: verify diagnosed again and found no root cause; the stuck namespaces "
                 "are gone"_s,
                 u"已修复：验证时重新诊断，没有发现根因，卡住的命名空间已消失"_s);
    if (!outcome.stillRed.isEmpty())
        return w(u"not healed within the deadline; still red: %1"_s,
                 u"在期限内未修复；仍为红色：%1"_s)
            .arg(Redactor::redact(outcome.stillRed.join(u"; "_s)));
    if (!outcome.error.isEmpty())
        return w(u"not verified: %1"_s, u"未验证：%1"_s).arg(Redactor::redact(outcome.error));
    return w(u"not verified"_s, u"未验证"_s);
}

RunFacts runFacts(const AppliedFixRun& run, const Words& w)
{
    RunFacts facts;
    facts.auditId = run.outcome.auditId;
    if (!run.records.isEmpty()) {
        facts.from = str(run.records.first(), u"time"_s);
        facts.to = str(run.records.last(), u"time"_s);
        facts.who = Redactor::redact(who(run.records.first()));
        facts.where = Redactor::redact(where(run.records.first()));
    }
    for (const FixResult& result : run.outcome.results)
        facts.fixes << fixLine(run, result, w);
    for (const QJsonObject& record : run.records)
        if (record.contains(u"response"_s) || str(record, u"stage"_s).endsWith(u"Failed"_s))
            facts.writes << writeFacts(run, record, w);
    facts.verification = verification(run.outcome, w);
    for (const Bilingual& line : run.outcome.verifyLog)
        facts.verifyLog << Redactor::redact(line.in(w.language));
    return facts;
}

QString when(const RunFacts& f)
{
    return f.from == f.to || f.to.isEmpty() ? f.from : f.from + u" – "_s + f.to;
}

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

} // namespace

QList<QJsonObject> AppliedFixRun::recordsOf(const QList<QJsonObject>& all, const QString& auditId)
{
    QList<QJsonObject> records;
    for (const QJsonObject& r : all)
        if (!auditId.isEmpty() && r.value(u"auditId"_s).toString() == auditId)
            records << r;
    return records;
}

bool AppliedFixRun::wroteSomething() const
{
    for (const QJsonObject& r : records)
        if (r.contains(u"response"_s) || r.value(u"stage"_s).toString().endsWith(u"Failed"_s))
            return true;
    return false;
}

QStringList FixAppliedSection::markdown(const QList<AppliedFixRun>& runs, Language language)
{
    const Words w{language};
    QStringList out;
    for (const AppliedFixRun& run : runs) {
        if (!run.wroteSomething())
            continue;
        const RunFacts f = runFacts(run, w);
        out << w(u"## Fix applied"_s, u"## 已应用的修复"_s) << QString();
        for (const QString& fix : f.fixes)
            out << u"- "_s + fix;
        out << QString() << w(u"- **When:** %1"_s, u"- **时间：** %1"_s).arg(when(f))
            << w(u"- **By:** %1"_s, u"- **操作人：** %1"_s).arg(f.who)
            << w(u"- **Where:** %1"_s, u"- **位置：** %1"_s).arg(f.where)
            << w(u"- **Audit id:** `%1` (undo: `unstuck fix undo %1`)"_s,
                 u"- **审计 ID：** `%1`（撤销：`unstuck fix undo %1`）"_s)
                   .arg(f.auditId)
            << w(u"- **Verification:** %1"_s, u"- **验证结果：** %1"_s).arg(f.verification)
            << QString() << w(u"### What changed"_s, u"### 变更内容"_s) << QString();
        for (const WriteFacts& write : f.writes) {
            out << u"- %1 — `%2` (%3)"_s.arg(write.description, write.target, write.outcome);
            if (!write.diff.isEmpty())
                out << QString() << u"  ```diff"_s << u"  "_s + write.diff.join(u"\n  "_s)
                    << u"  ```"_s;
        }
        if (!f.verifyLog.isEmpty()) {
            out << QString() << w(u"### Verification log"_s, u"### 验证日志"_s) << QString();
            for (const QString& line : f.verifyLog)
                out << u"- "_s + line;
        }
        out << QString();
    }
    return out;
}

QString FixAppliedSection::html(const QList<AppliedFixRun>& runs, Language language)
{
    const Words w{language};
    QString out;
    for (const AppliedFixRun& run : runs) {
        if (!run.wroteSomething())
            continue;
        const RunFacts f = runFacts(run, w);
        out += u"<section class=\"fix-applied\"><h2>%1</h2><ul>"_s.arg(
            w(u"Fix applied"_s, u"已应用的修复"_s));
        for (const QString& fix : f.fixes)
            out += u"<li>%1</li>"_s.arg(esc(QString(fix).remove(QLatin1Char('`'))));
        out += u"</ul><table>"_s;
        const QList<QPair<QString, QString>> rows = {
            {w(u"When"_s, u"时间"_s), when(f)},
            {w(u"By"_s, u"操作人"_s), f.who},
            {w(u"Where"_s, u"位置"_s), f.where},
            {w(u"Audit id"_s, u"审计 ID"_s), f.auditId},
            {w(u"Verification"_s, u"验证结果"_s), f.verification}};
        for (const auto& [name, value] : rows)
            out += u"<tr><th>%1</th><td>%2</td></tr>"_s.arg(esc(name), esc(value));
        out += u"</table><h3>%1</h3><ul>"_s.arg(w(u"What changed"_s, u"变更内容"_s));
        for (const WriteFacts& write : f.writes) {
            out += u"<li>%1 — <code>%2</code> (%3)"_s.arg(esc(write.description), esc(write.target),
                                                          esc(write.outcome));
            if (!write.diff.isEmpty())
                out += u"<pre class=\"diff\">%1</pre>"_s.arg(esc(write.diff.join(u"\n"_s)));
            out += u"</li>"_s;
        }
        out += u"</ul>"_s;
        if (!f.verifyLog.isEmpty()) {
            out += u"<h3>%1</h3><ul>"_s.arg(w(u"Verification log"_s, u"验证日志"_s));
            for (const QString& line : f.verifyLog)
                out += u"<li>%1</li>"_s.arg(esc(line));
            out += u"</ul>"_s;
        }
        out += u"</section>"_s;
    }
    return out;
}

} // namespace unstuck
