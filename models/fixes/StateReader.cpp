// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/fixes/StateReader.h"

#include "models/fixes/FixPreflight.h"

namespace unstuck {

using namespace Qt::StringLiterals;

std::optional<QString> StateReader::valueOf(const StateFact& fact, const FixResponse& response)
{
    if (response.error == u"notfound"_s)
        return QString::fromLatin1(StateFact::kAbsent);
    if (!response.ok())
        return std::nullopt;
    return fact.extract(response.json);
}

void StateReader::read(const QList<StateFact>& facts, FixTransport& transport, const QString& fixId,
                       QObject* receiver, Done done)
{
    QList<FixRequest> reads;
    for (const StateFact& f : facts)
        reads.append(f.read);
    transport.sendAll(reads, fixId, receiver, [facts, done](const QList<FixResponse>& answers) {
        Reading reading;
        for (qsizetype i = 0; i < facts.size(); ++i) {
            const auto value = valueOf(facts.at(i), answers.at(i));
            reading.values << value.value_or(QString());
            reading.errors << (value ? QString() : answers.at(i).summary());
        }
        done(reading);
    });
}

PreflightCheck StateReader::compare(const QString& fixId, const StateFact& fact, const QString& now,
                                    const QString& expected, const QString& error, Since since)
{
    PreflightCheck c;
    c.fixId = fixId;
    c.kind = u"state"_s;
    c.label = FixPreflight::label(c.kind, FixPreflight::stateLabel(fact.key));
    c.check = c.label.en;
    if (!error.isEmpty()) {
        c.outcome = PreflightCheck::Outcome::Failed;
        c.reason = Bilingual(u"could not be read again: %1"_s, u"无法重新读取：%1"_s).arg(error);
        return c;
    }
    if (now == expected) {
        c.reason = since == Since::Diagnosis
                       ? Bilingual(u"as the diagnosis saw it (%1)"_s, u"与诊断时一致（%1）"_s)
                   : since == Since::Preview
                       ? Bilingual(u"unchanged since the preview (%1)"_s, u"自预览以来未变（%1）"_s)
                       : Bilingual(u"as the fix left it (%1)"_s, u"与修复后的状态一致（%1）"_s);
        c.reason = c.reason.arg(now.left(200));
        return c;
    }
    c.outcome = PreflightCheck::Outcome::Failed;
    c.conflict = true;
    c.reason = (since == Since::Diagnosis
                    ? Bilingual(u"changed since the diagnosis: %1 → %2; diagnose again"_s,
                                u"自诊断以来已改变：%1 → %2；请重新诊断"_s)
                : since == Since::Preview
                    ? Bilingual(u"changed since the preview: %1 → %2; plan again"_s,
                                u"自预览以来已改变：%1 → %2；请重新生成计划"_s)
                    : Bilingual(u"changed since the fix: %1 → %2; undoing now would overwrite "
                                "that change"_s,
                                u"自修复以来已改变：%1 → %2；现在回滚会覆盖这一更改"_s))
                   .arg(expected.left(200), now.left(200));
    return c;
}

QStringList StateReader::moved(const QList<PreflightCheck>& checks)
{
    QStringList out;
    for (const PreflightCheck& c : checks)
        if (c.kind == u"state"_s && !c.ok())
            out << c.check.mid(7) + u": "_s + c.reason.en;
    return out;
}

} // namespace unstuck

namespace unstuck {

void StateReader::check(PreparedFix fix, const QList<StateFact>& facts, Since since,
                        FixTransport& transport, QObject* receiver,
                        std::function<void(const PreparedFix&)> done)
{
    read(facts, transport, fix.fixId, receiver,
         [fix, facts, since, done](const Reading& reading) mutable {
             for (qsizetype i = 0; i < facts.size(); ++i)
                 fix.checks.append(compare(fix.fixId, facts.at(i), reading.values.at(i),
                                           facts.at(i).value, reading.errors.at(i), since));
             done(fix);
         });
}

} // namespace unstuck
