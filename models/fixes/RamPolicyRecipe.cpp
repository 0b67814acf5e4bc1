// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/fixes/RamPolicyRecipe.h"

#include "models/fixes/FixPreflight.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

namespace unstuck {

using namespace Qt::StringLiterals;

namespace {

using Text = Bilingual;

QJsonValue parsedDocument(const QJsonValue& document)
{
    if (document.isObject())
        return document;
    return QJsonDocument::fromJson(document.toString().toUtf8()).object();
}

QJsonArray versionsOf(const QJsonObject& list)
{
    return list.value(u"PolicyVersions"_s).toObject().value(u"PolicyVersion"_s).toArray();
}

FixRequest getPolicy(const QString& name, const QString& type)
{
    FixRequest r = FixRequest::cloud(u"ram"_s, u"GetPolicy"_s,
                                     {{u"PolicyName"_s, name}, {u"PolicyType"_s, type}});
    r.command = u"aliyun ram GetPolicy --PolicyName %1 --PolicyType %2"_s.arg(name, type);
    return r;
}

StateFact defaultVersionFact(const QString& name, const QString& type, const QString& value)
{
    StateFact f;
    f.key = u"RAM policy %1 default version"_s.arg(name);
    f.read = getPolicy(name, type);
    f.field = u"DefaultPolicyVersion.VersionId"_s;
    f.value = value;
    return f;
}

// The 5-version limit: room, a rotation the person agreed to, or a refusal saying what to do.
PreflightCheck versionLimit(const PreparedFix& fix, const QJsonObject& versions, bool rotate,
                            FixWrite* write)
{
    PreflightCheck c;
    c.fixId = fix.fixId;
    c.kind = u"version-limit"_s;
    const int count = int(versionsOf(versions).size());
    c.label = FixPreflight::label(c.kind, Text(u"%1 of %2 versions"_s, u"%1/%2 个版本"_s)
                                              .arg(count)
                                              .arg(RamPolicyRecipe::kMaxVersions));
    c.check = c.label.en;
    if (count < RamPolicyRecipe::kMaxVersions) {
        c.reason = Text(u"room for one more version (%1 of %2)"_s, u"还可以再建一个版本（%1/%2）"_s)
                       .arg(count)
                       .arg(RamPolicyRecipe::kMaxVersions);
        return c;
    }
    const QString oldest = RamPolicyRecipe::oldestNonDefault(versions);
    if (!rotate) {
        c.outcome = PreflightCheck::Outcome::Failed;
        c.reason = Text(u"the policy already has %1 versions, the most RAM keeps: agree to delete "
                        "the oldest non-default version %2 (--rotate-policy-versions) or delete "
                        "one yourself"_s,
                        u"该策略已有 %1 个版本（RAM 的上限）：请同意删除最旧的非默认版本 %2"
                        "（--rotate-policy-versions），或自行删除一个版本"_s)
                       .arg(count)
                       .arg(oldest);
        return c;
    }
    write->request.params.insert(u"RotateStrategy"_s,
                                 u"DeleteOldestNonDefaultVersionWhenLimitExceeded"_s);
    c.reason = Text(u"RAM will delete version %1 (the oldest non-default one; the version undo "
                    "needs stays), as you agreed"_s,
                    u"按你的同意，RAM 将删除版本 %1（最旧的非默认版本；回滚所需的版本会保留）"_s)
                   .arg(oldest);
    return c;
}

} // namespace

QString RamPolicyRecipe::oldestNonDefault(const QJsonObject& listPolicyVersions)
{
    QString oldest;
    int lowest = INT_MAX;
    for (const QJsonValue& v : versionsOf(listPolicyVersions)) {
        const QJsonObject o = v.toObject();
        const int number = o.value(u"VersionId"_s).toString().mid(1).toInt();
        if (!o.value(u"IsDefaultVersion"_s).toBool() && number < lowest) {
            lowest = number;
            oldest = o.value(u"VersionId"_s).toString();
        }
    }
    return oldest;
}

namespace {

void addUndo(PreparedFix& fix, const FixWrite& write, const QString& name, const QString& type,
             const QString& previous)
{
    const QString created =
        QLatin1String(FixWrite::kFromResponse) + write.id + u":PolicyVersion.VersionId"_s;
    // Once it is no longer the default, the version the fix made goes too: the policy's versions
    // read as before, and a fix applied and undone again and again does not fill the 5 RAM keeps.
    FixRequest remove = FixRequest::cloud(u"ram"_s, u"DeletePolicyVersion"_s,
                                          {{u"PolicyName"_s, name}, {u"VersionId"_s, created}});
    remove.command =
        u"aliyun ram DeletePolicyVersion --PolicyName %1 --VersionId <the version created>"_s.arg(
            name);
    FixPreparer::addUndo(
        fix, write,
        Text(u"Delete the version of %1 the fix created"_s, u"删除修复为 %1 创建的版本"_s)
            .arg(name),
        remove, QJsonValue(), u"-version"_s);
    FixRequest setDefault =
        FixRequest::cloud(u"ram"_s, u"SetDefaultPolicyVersion"_s,
                          {{u"PolicyName"_s, name}, {u"VersionId"_s, previous}});
    setDefault.command =
        u"aliyun ram SetDefaultPolicyVersion --PolicyName %1 --VersionId %2"_s.arg(name, previous);
    FixPreparer::addUndo(
        fix, write,
        Text(u"Make %1 the default version of %2 again"_s, u"将 %1 重新设为 %2 的默认版本"_s)
            .arg(previous, name),
        setDefault, write.before);
    // Undo only while nobody changed the default since, and while the version it restores exists.
    fix.undoState.append(defaultVersionFact(name, type,
                                            QLatin1String(FixWrite::kFromResponse) + write.id +
                                                u":PolicyVersion.VersionId"_s));
    StateFact kept;
    kept.key = u"RAM policy %1 version %2"_s.arg(name, previous);
    kept.read = FixRequest::cloud(
        u"ram"_s, u"GetPolicyVersion"_s,
        {{u"PolicyName"_s, name}, {u"PolicyType"_s, type}, {u"VersionId"_s, previous}});
    kept.field = u"PolicyVersion.VersionId"_s;
    kept.value = previous;
    fix.undoState.append(kept);
}

void addCreate(PreparedFix& fix, const FixStep& step, const QString& type,
               const FixResponse& policy, const FixResponse& versions,
               const PrepareOptions& options)
{
    const QString name = step.params.value(u"PolicyName"_s);
    StateFact fact = defaultVersionFact(name, type, {});
    if (!step.observed.isEmpty()) {
        fact.seen = fact.extract(step.observed);
        if (fact.seen == u"<none>"_s) // an answer with Policy.DefaultVersion only
            fact.seen =
                step.observed.value(u"Policy"_s).toObject().value(u"DefaultVersion"_s).toString();
    }
    FixPreparer::recordFact(fix, fact, policy);
    if (!versions.ok() && fix.error.isEmpty())
        fix.error =
            u"the versions of RAM policy %1 could not be read: %2"_s.arg(name, versions.summary());
    if (!fix.error.isEmpty())
        return;
    const QJsonObject inForce = policy.json.value(u"DefaultPolicyVersion"_s).toObject();
    FixWrite write;
    write.id = QString::number(fix.writes.size() + 1);
    write.description = step.descriptionText();
    QMap<QString, QString> params = step.params;
    params.insert(u"RotateStrategy"_s, u"None"_s);
    write.request = FixRequest::cloud(u"ram"_s, u"CreatePolicyVersion"_s, params);
    write.before = parsedDocument(inForce.value(u"PolicyDocument"_s));
    write.after = parsedDocument(step.params.value(u"PolicyDocument"_s));
    fix.checks.append(versionLimit(fix, versions.json, options.rotatePolicyVersions, &write));
    write.request.command = u"aliyun ram CreatePolicyVersion --PolicyName %1 --PolicyDocument "
                            u"'<document below>' --SetAsDefault true --RotateStrategy %2"_s.arg(
                                name, write.request.params.value(u"RotateStrategy"_s));
    // The versions, rotated or not: a rollback reads them back as before, and a write whose
    // answer was lost is told applied by the version it added.
    StateFact list;
    list.key = u"RAM policy %1 versions"_s.arg(name);
    list.read = FixRequest::cloud(u"ram"_s, u"ListPolicyVersions"_s,
                                  {{u"PolicyName"_s, name}, {u"PolicyType"_s, type}});
    list.field = u"PolicyVersions.PolicyVersion"_s;
    list.keys = {u"VersionId"_s};
    FixPreparer::recordFact(fix, list, versions);
    fix.writes.append(write);
    addUndo(fix, write, name, type, inForce.value(u"VersionId"_s).toString());
}

} // namespace

void RamPolicyRecipe::prepare(const FixPlan& plan, FixTransport& transport,
                              const PrepareOptions& options, QObject* receiver,
                              FixPreparer::Done done)
{
    PreparedFix fix = FixPreparer::base(plan);
    QList<FixStep> creates;
    QStringList types;
    QList<FixRequest> reads;
    for (const FixStep& s : plan.steps) {
        const QString name = s.params.value(u"PolicyName"_s);
        if (s.method != u"ram:CreatePolicyVersion"_s || name.isEmpty())
            continue;
        const QString type =
            s.observed.value(u"Policy"_s).toObject().value(u"PolicyType"_s).toString(u"Custom"_s);
        creates << s;
        types << type;
        reads << getPolicy(name, type)
              << FixRequest::cloud(u"ram"_s, u"ListPolicyVersions"_s,
                                   {{u"PolicyName"_s, name}, {u"PolicyType"_s, type}});
    }
    if (creates.isEmpty()) { // e.g. "attach a policy that allows …": a person's decision
        fix.manual = true;
        QTimer::singleShot(0, receiver, [fix, done] { done(fix); });
        return;
    }
    transport.sendAll(
        reads, fix.fixId, receiver,
        [fix, creates, types, options, done](const QList<FixResponse>& answers) mutable {
            for (qsizetype i = 0; i < creates.size() && fix.error.isEmpty(); ++i)
                addCreate(fix, creates.at(i), types.at(i), answers.at(2 * i), answers.at(2 * i + 1),
                          options);
            done(fix.error.isEmpty() ? fix : FixPreparer::failed(fix, fix.error));
        });
}

} // namespace unstuck
