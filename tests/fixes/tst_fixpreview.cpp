// SPDX-License-Identifier: GPL-3.0-or-later
// Each recommended fix made executable against a simulated cluster and account: the exact writes,
// their preconditions, the diff a person reviews, the undo it stores, and the checks that say the
// state is still what the diagnosis saw (or that it moved).
#include "FixTestSupport.h"

#include "models/fixes/KubePatches.h"
#include "models/fixes/RamPolicyRecipe.h"
#include "models/sim/CloudWorld.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

using namespace unstuck;
using namespace unstuck::test;
using namespace Qt::StringLiterals;

namespace {

QJsonObject body(const FixRequest& r)
{
    return QJsonDocument::fromJson(r.body).object();
}

QJsonArray patch(const FixRequest& r)
{
    return QJsonDocument::fromJson(r.body).array();
}

const PreflightCheck* check(const PreparedFix& fix, const QString& kind)
{
    for (const PreflightCheck& c : fix.checks)
        if (c.kind == kind)
            return &c;
    return nullptr;
}

QJsonObject op(const QString& name, const QString& path, const QJsonValue& value)
{
    return {{u"op"_s, name}, {u"path"_s, path}, {u"value"_s, value}};
}

} // namespace

class TstFixPreview : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ramPolicy_newVersionWithTheDenyTurnedToAllow()
    {
        SimFixture sim;
        QVERIFY(sim.start(u"seed"_s));
        const FixPlan* plan = sim.plan(u"ram-policy-allow"_s);
        QVERIFY(plan);
        QVERIFY(!plan->steps.first().params.value(u"PolicyDocument"_s).isEmpty());
        const auto fix = sim.prepare(u"ram-policy-allow"_s);
        QVERIFY(fix && fix->error.isEmpty());
        QCOMPARE(fix->writes.size(), 1);
        const FixWrite& w = fix->writes.first();
        QCOMPARE(w.request.ramAction(), u"ram:CreatePolicyVersion"_s);
        QCOMPARE(w.request.params.value(u"SetAsDefault"_s), u"true"_s);
        QCOMPARE(w.request.params.value(u"RotateStrategy"_s), u"None"_s);
        // The diff is the statement's Effect, Deny before and Allow after.
        const QJsonArray diff = w.diff();
        QCOMPARE(diff.size(), 1);
        const QString path = diff.first().toObject().value(u"path"_s).toString();
        QVERIFY2(path.startsWith(u"/Statement/"_s) && path.endsWith(u"/Effect"_s),
                 qPrintable(path));
        QCOMPARE(diff.first().toObject().value(u"value"_s).toString(), u"Allow"_s);
        // Undo makes the version in force before the fix the default again, then deletes the
        // version the fix created.
        QCOMPARE(fix->undo.size(), 2);
        QCOMPARE(fix->undo.first().request.ramAction(), u"ram:SetDefaultPolicyVersion"_s);
        QCOMPARE(fix->undo.first().request.params.value(u"VersionId"_s), u"v2"_s);
        QCOMPARE(fix->undo.last().request.ramAction(), u"ram:DeletePolicyVersion"_s);
        QCOMPARE(check(*fix, u"state"_s)->outcome, PreflightCheck::Outcome::Passed);
        QCOMPARE(check(*fix, u"version-limit"_s)->outcome, PreflightCheck::Outcome::Passed);
    }

    void ramPolicy_defaultVersionMoved_isAConflict()
    {
        SimFixture sim;
        QVERIFY(sim.start(u"seed"_s));
        sim::SimPolicy* policy = sim.server->world().cloud().account().policy(
            sim.server->world().cloud().masterPolicyName());
        QVERIFY(policy);
        policy->versions.append(
            {u"v3"_s, policy->version(u"v2"_s)->document, QDateTime::currentDateTimeUtc()});
        policy->defaultVersion = u"v3"_s; // someone else published a version meanwhile
        const auto fix = sim.prepare(u"ram-policy-allow"_s);
        QVERIFY(fix);
        const PreflightCheck* state = check(*fix, u"state"_s);
        QCOMPARE(state->outcome, PreflightCheck::Outcome::Failed);
        QVERIFY(state->conflict);
        QVERIFY2(state->reason.en.contains(u"v2 → v3"_s), qPrintable(state->reason.en));
        QVERIFY(fix->conflict());
    }

    void ramPolicy_fiveVersions_needConsentToRotate()
    {
        SimFixture sim;
        QVERIFY(sim.start(u"seed"_s));
        sim::SimPolicy* policy = sim.server->world().cloud().account().policy(
            sim.server->world().cloud().masterPolicyName());
        while (policy->versions.size() < RamPolicyRecipe::kMaxVersions)
            policy->versions.append({u"v%1"_s.arg(policy->versions.size() + 1),
                                     policy->version(u"v1"_s)->document,
                                     QDateTime::currentDateTimeUtc()});
        const auto refused = sim.prepare(u"ram-policy-allow"_s);
        QCOMPARE(check(*refused, u"version-limit"_s)->outcome, PreflightCheck::Outcome::Failed);
        QVERIFY(!refused->preflightPassed());
        PrepareOptions agreed;
        agreed.rotatePolicyVersions = true;
        const auto rotating = sim.prepare(u"ram-policy-allow"_s, agreed);
        const PreflightCheck* limit = check(*rotating, u"version-limit"_s);
        QCOMPARE(limit->outcome, PreflightCheck::Outcome::Passed);
        QVERIFY2(limit->reason.en.contains(u"v1"_s), qPrintable(limit->reason.en)); // the oldest
        QCOMPARE(rotating->writes.first().request.params.value(u"RotateStrategy"_s),
                 u"DeleteOldestNonDefaultVersionWhenLimitExceeded"_s);
        // The version undo restores (the default, v2) is never the one rotated away.
        QCOMPARE(rotating->undo.first().request.params.value(u"VersionId"_s), u"v2"_s);
    }

    void routes_carryAClientTokenAndADryRun()
    {
        SimFixture sim;
        QVERIFY(sim.start(u"route-missing"_s));
        const auto fix = sim.prepare(u"vpc-route-create"_s);
        QVERIFY(fix && fix->error.isEmpty());
        QVERIFY(!fix->writes.isEmpty());
        const FixWrite& w = fix->writes.first();
        QCOMPARE(w.request.ramAction(), u"vpc:CreateRouteEntry"_s);
        QVERIFY(w.cloudDryRun);
        const QString token = w.request.params.value(u"ClientToken"_s);
        QVERIFY(!QUuid::fromString(token).isNull());
        // Same fix, parameters and plan: same token (a retry never makes a second route).
        QCOMPARE(FixPreparer::clientToken(fix->fixId, w.request.params, fix->planId), token);
        QVERIFY(FixPreparer::clientToken(fix->fixId, w.request.params, u"another plan"_s) != token);
        QCOMPARE(w.diff().first().toObject().value(u"op"_s).toString(), u"replace"_s);
        QCOMPARE(fix->undo.first().request.ramAction(), u"vpc:DeleteRouteEntry"_s);
        QCOMPARE(fix->undo.first().request.params.value(u"RouteEntryId"_s),
                 u"$response:1:RouteEntryId"_s);
        QCOMPARE(check(*fix, u"state"_s)->outcome, PreflightCheck::Outcome::Passed);
    }

    void apiService_deletedWithPreconditions_andSavedForUndo()
    {
        SimFixture sim;
        QVERIFY(sim.start(u"stale-apiservice"_s));
        const auto fix = sim.prepare(u"apiservice-delete"_s);
        QVERIFY(fix && fix->error.isEmpty());
        const FixWrite& w = fix->writes.first();
        QCOMPARE(w.request.method, QByteArray("DELETE"));
        const QJsonObject preconditions = body(w.request).value(u"preconditions"_s).toObject();
        const QJsonObject live = w.before.toObject().value(u"metadata"_s).toObject();
        QCOMPARE(preconditions.value(u"resourceVersion"_s), live.value(u"resourceVersion"_s));
        QCOMPARE(preconditions.value(u"uid"_s), live.value(u"uid"_s));
        QCOMPARE(w.access->verb, u"delete"_s);
        QCOMPARE(w.access->resource, u"apiservices"_s);
        const FixWrite& undo = fix->undo.first();
        QCOMPARE(undo.request.method, QByteArray("POST"));
        QVERIFY(undo.request.path.endsWith(u"/apiservices?fieldManager=unstuck"_s));
        const QJsonObject saved = body(undo.request);
        QVERIFY(!saved.value(u"metadata"_s).toObject().contains(u"resourceVersion"_s));
        QVERIFY(!saved.contains(u"status"_s));
        QCOMPARE(saved.value(u"spec"_s), w.before.toObject().value(u"spec"_s));
    }

    void finalizers_removedByValue_behindTests()
    {
        SimFixture sim;
        QVERIFY(sim.start(u"finalizers-remaining"_s));
        const FixPlan* plan = sim.plan(u"finalizers-remove"_s);
        QVERIFY(plan && plan->destructive);
        QVERIFY(plan->confirmNames.contains(u"tobedeletedb"_s));
        const auto fix = sim.prepare(u"finalizers-remove"_s);
        QVERIFY(fix && fix->error.isEmpty());
        const FixWrite& w = fix->writes.first();
        QCOMPARE(w.request.contentType, QByteArray(KubePatches::kJsonPatch));
        const QJsonArray ops = patch(w.request);
        const QString rv = w.before.toObject()
                               .value(u"metadata"_s)
                               .toObject()
                               .value(u"resourceVersion"_s)
                               .toString();
        QCOMPARE(ops.at(0).toObject(), op(u"test"_s, u"/metadata/resourceVersion"_s, rv));
        QCOMPARE(ops.at(1).toObject(),
                 op(u"test"_s, u"/metadata/finalizers/0"_s, u"example.com/cleanup"_s));
        QCOMPARE(ops.at(2).toObject().value(u"op"_s).toString(), u"remove"_s);
        QVERIFY(w.after.toObject()
                    .value(u"metadata"_s)
                    .toObject()
                    .value(u"finalizers"_s)
                    .toArray()
                    .isEmpty());
        // What the diagnosis shows is the same guarded patch.
        QCOMPARE(QJsonDocument::fromJson(plan->steps.first().body.toUtf8()).array(), ops);
    }

    void namespaceFinalize_putsTheReadObject_andCannotBeUndone()
    {
        SimFixture sim;
        QVERIFY(sim.start(u"seed"_s));
        const auto fix = sim.prepare(u"namespace-finalize"_s);
        QVERIFY(fix && fix->error.isEmpty());
        QVERIFY(fix->destructive);
        const FixWrite& w = fix->writes.first();
        QCOMPARE(w.request.method, QByteArray("PUT"));
        QVERIFY(w.request.path.startsWith(u"/api/v1/namespaces/tobedeletedb/finalize"_s));
        const QJsonObject sent = body(w.request);
        QVERIFY(sent.value(u"spec"_s).toObject().value(u"finalizers"_s).toArray().isEmpty());
        QVERIFY(
            !sent.value(u"metadata"_s).toObject().value(u"resourceVersion"_s).toString().isEmpty());
        QVERIFY(fix->undo.isEmpty());
        QVERIFY(!fix->noUndo.isEmpty());
        QCOMPARE(w.access->subresource, u"finalize"_s);
    }

    void backendDown_scalesToOne_andUndoScalesBack()
    {
        SimFixture sim;
        QVERIFY(sim.start(u"backend-down"_s));
        const auto fix = sim.prepare(u"backend-restart"_s);
        QVERIFY(fix && fix->error.isEmpty());
        const QJsonArray ops = patch(fix->writes.first().request);
        QCOMPARE(ops.at(1).toObject(), op(u"test"_s, u"/spec/replicas"_s, 0));
        QCOMPARE(ops.at(2).toObject(), op(u"replace"_s, u"/spec/replicas"_s, 1));
        const QJsonArray back = patch(fix->undo.first().request);
        QCOMPARE(back.at(0).toObject(), op(u"test"_s, u"/spec/replicas"_s, 1));
        QCOMPARE(back.at(1).toObject(), op(u"replace"_s, u"/spec/replicas"_s, 0));
    }

    void webhook_deletedAndSavedForUndo()
    {
        SimFixture sim;
        QVERIFY(sim.start(u"webhook-blocks-delete"_s));
        const auto fix = sim.prepare(u"webhook-delete"_s);
        QVERIFY(fix && fix->error.isEmpty());
        QVERIFY(fix->writes.first().request.path.contains(
            u"validatingwebhookconfigurations/policy-guard"_s));
        QCOMPARE(fix->undo.first().request.method, QByteArray("POST"));
        QCOMPARE(check(*fix, u"state"_s)->outcome, PreflightCheck::Outcome::Passed);
    }
};

QTEST_GUILESS_MAIN(TstFixPreview)
#include "tst_fixpreview.moc"
