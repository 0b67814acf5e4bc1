// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/fixes/FixPreparer.h"

#include "models/fixes/KubeObjectRecipe.h"
#include "models/fixes/RamPolicyRecipe.h"
#include "models/fixes/RouteEntryRecipe.h"
#include "models/fixes/StateReader.h"

#include <QTimer>
#include <QUuid>

namespace unstuck {

using namespace Qt::StringLiterals;

PreparedFix FixPreparer::base(const FixPlan& plan)
{
    PreparedFix fix;
    fix.fixId = plan.id;
    fix.planId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    fix.appliesTo = plan.appliesTo;
    fix.title = plan.titleText();
    fix.why = plan.whyText();
    fix.risk = plan.riskText();
    fix.verify = plan.verifyText();
    fix.destructive = plan.destructive;
    fix.confirmNames = plan.confirmNames;
    return fix;
}

PreparedFix FixPreparer::failed(PreparedFix fix, const QString& reason)
{
    fix.error = reason;
    fix.writes.clear();
    fix.undo.clear();
    return fix;
}

void FixPreparer::addUndo(PreparedFix& fix, const FixWrite& write, const Bilingual& description,
                          const FixRequest& request, const QJsonValue& after,
                          const QString& idSuffix)
{
    FixWrite undo;
    undo.id = u"undo-"_s + write.id + idSuffix;
    undo.reverses = write.id;
    undo.description = description;
    undo.request = request;
    if (request.isKube())
        undo.access = KubeObjectRecipe::accessFor(request.method, request.path);
    undo.before = write.after;
    undo.after = after;
    fix.undo.prepend(undo);
}

QString FixPreparer::clientToken(const QString& fixId, const QMap<QString, QString>& params,
                                 const QString& planId)
{
    // A fixed namespace for Unstuck's tokens (UUIDv5 of "unstuck.io/client-token").
    static const QUuid ns = QUuid::createUuidV5(QUuid(), QStringLiteral("unstuck.io/client-token"));
    QStringList canonical{fixId};
    for (auto it = params.cbegin(); it != params.cend(); ++it)
        if (it.key() != u"ClientToken"_s && it.key() != u"DryRun"_s)
            canonical << it.key() + u'=' + it.value();
    canonical << planId;
    return QUuid::createUuidV5(ns, canonical.join(u'\n')).toString(QUuid::WithoutBraces);
}

void FixPreparer::recordFact(PreparedFix& fix, StateFact fact, const FixResponse& answer)
{
    const auto value = StateReader::valueOf(fact, answer);
    if (!value) {
        if (fix.error.isEmpty())
            fix.error = u"%1 could not be read: %2"_s.arg(fact.key, answer.summary());
        return;
    }
    fact.value = *value;
    if (!fact.seen.isEmpty())
        fix.checks.append(StateReader::compare(fix.fixId, fact, fact.value, fact.seen, {},
                                               StateReader::Since::Diagnosis));
    fix.state.append(fact);
}

void FixPreparer::prepare(const FixPlan& plan, FixTransport& transport,
                          const PrepareOptions& options, QObject* receiver, Done done)
{
    if (plan.id == u"ram-policy-allow"_s)
        return RamPolicyRecipe::prepare(plan, transport, options, receiver, done);
    if (plan.id == u"vpc-route-create"_s)
        return RouteEntryRecipe::prepare(plan, transport, receiver, done);
    if (KubeObjectRecipe::handles(plan.id))
        return KubeObjectRecipe::prepare(plan, transport, options, receiver, done);
    // Guidance only (e.g. ram-policy-check): shown, never sent.
    PreparedFix fix = base(plan);
    fix.manual = true;
    fix.noUndo = Bilingual(u"nothing to undo: it changes nothing"_s, u"无需回滚：它不做任何更改"_s);
    QTimer::singleShot(0, receiver, [fix, done] { done(fix); });
}

} // namespace unstuck
