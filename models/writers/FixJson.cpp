// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/writers/FixJson.h"

#include "models/common/Redactor.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace unstuck {

using namespace Qt::StringLiterals;

namespace {

QJsonObject writeJson(const FixWrite& w)
{
    QJsonObject o{{u"id"_s, w.id},
                  {u"description"_s, w.description.en},
                  {u"descriptionZh"_s, w.description.zh},
                  {u"request"_s, w.request.toJson()},
                  {u"diff"_s, w.diff()}};
    if (w.access)
        o.insert(u"access"_s, w.access->toJson());
    return o;
}

QJsonArray writesJson(const QList<FixWrite>& writes)
{
    QJsonArray a;
    for (const FixWrite& w : writes)
        a.append(writeJson(w));
    return a;
}

const FixResult* resultFor(const FixOutcome& o, const QString& id)
{
    for (auto it = o.results.crbegin(); it != o.results.crend(); ++it)
        if (it->fixId == id)
            return &*it;
    return nullptr;
}

// What a fix came to: its run result, or for a plan / dry run what applying would meet.
QJsonObject fixJson(const FixOutcome& o, const PreparedFix& f)
{
    QString result;
    Bilingual reason;
    if (const FixResult* r = resultFor(o, f.fixId)) {
        result = r->result;
        reason = r->reason;
    } else {
        result = f.preflightPassed() ? u"skipped"_s : u"refused"_s;
        reason = f.preflightPassed() ? Bilingual(u"planned only: nothing was written"_s,
                                                 u"仅生成计划：未写入任何内容"_s)
                                     : Bilingual(u"a preflight check failed"_s, u"有预检未通过"_s);
    }
    QJsonObject out{{u"id"_s, f.fixId},
                    {u"title"_s, f.title.en},
                    {u"titleZh"_s, f.title.zh},
                    {u"result"_s, result},
                    {u"reason"_s, Redactor::redact(reason.en)},
                    {u"reasonZh"_s, Redactor::redact(reason.zh)},
                    {u"risk"_s, f.risk.en},
                    {u"destructive"_s, f.destructive},
                    {u"confirmNames"_s, QJsonArray::fromStringList(f.confirmNames)},
                    {u"manual"_s, f.manual},
                    {u"fingerprint"_s, f.fingerprint()},
                    {u"writes"_s, writesJson(f.writes)},
                    {u"undo"_s, writesJson(f.undo)},
                    {u"undoable"_s, !f.undo.isEmpty()},
                    {u"noUndo"_s, f.noUndo.en}};
    if (const FixResult* r = resultFor(o, f.fixId)) {
        out.insert(u"applied"_s, QJsonArray::fromStringList(r->applied));
        out.insert(u"notApplied"_s, QJsonArray::fromStringList(r->notApplied));
    }
    if (!f.error.isEmpty())
        out.insert(u"error"_s, Redactor::redact(f.error));
    return out;
}

} // namespace

QJsonObject FixJson::toJson(const FixOutcome& o)
{
    QJsonArray fixes, preflight, log, red;
    QStringList listed;
    for (const PreparedFix& f : o.fixes) {
        if (listed.contains(f.fixId)) // healing all re-plans a fix: its last preview counts
            for (qsizetype i = 0; i < fixes.size(); ++i)
                if (fixes.at(i).toObject().value(u"id"_s).toString() == f.fixId)
                    fixes.removeAt(i);
        listed << f.fixId;
        fixes.append(fixJson(o, f));
    }
    for (const PreflightCheck& c : o.preflight())
        preflight.append(c.toJson());
    for (const Bilingual& line : o.verifyLog)
        log.append(QJsonObject{{u"en"_s, line.en}, {u"zh"_s, line.zh}});
    for (const QString& r : o.stillRed)
        red.append(Redactor::redact(r));
    return {{u"schemaVersion"_s, kSchemaVersion},
            {u"command"_s, o.command},
            {u"auditId"_s, o.auditId},
            {u"dryRun"_s, o.dryRun},
            {u"healAll"_s, o.healAll},
            {u"exitCode"_s, o.exitCode},
            {u"verified"_s, o.verified},
            {u"stillRed"_s, red},
            {u"fixes"_s, fixes},
            {u"preflight"_s, preflight},
            {u"verifyLog"_s, log},
            {u"requests"_s, o.requests},
            {u"diagnoses"_s, o.diagnoses},
            {u"diagnosisRequests"_s, o.diagnosisRequests},
            {u"elapsedMs"_s, double(o.elapsedMs)},
            {u"error"_s, Redactor::redact(o.error)}};
}

QByteArray FixJson::toText(const FixOutcome& outcome)
{
    return QJsonDocument(toJson(outcome)).toJson(QJsonDocument::Indented);
}

QByteArray FixJson::audit(const QList<QJsonObject>& records, const AuditLog::Verification& chain,
                          int last)
{
    QJsonArray list;
    const qsizetype from = last > 0 ? std::max<qsizetype>(0, records.size() - last) : 0;
    for (qsizetype i = from; i < records.size(); ++i)
        list.append(records.at(i));
    const QJsonObject root{{u"schemaVersion"_s, kSchemaVersion},
                           {u"chain"_s, QJsonObject{{u"ok"_s, chain.ok},
                                                    {u"records"_s, chain.records},
                                                    {u"brokenLine"_s, chain.brokenLine},
                                                    {u"reason"_s, chain.reason}}},
                           {u"records"_s, list}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace unstuck
