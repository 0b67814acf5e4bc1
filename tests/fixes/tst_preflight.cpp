// SPDX-License-Identifier: GPL-3.0-or-later
// Preflight decisions: which answers pass, which block, which only say "unverified" or "could
// not be checked" (reference/fixes.md §1, §7.2), for RBAC, the Kubernetes and cloud dry runs,
// the caller's own RAM permission and a read-only profile.
#include "FixTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>

Q_DECLARE_METATYPE(unstuck::FixResponse)

using namespace unstuck;
using namespace unstuck::test;
using namespace Qt::StringLiterals;
using Outcome = PreflightCheck::Outcome;

namespace {

PreparedFix kubeDelete()
{
    PreparedFix fix;
    fix.fixId = u"apiservice-delete"_s;
    fix.planId = u"p"_s;
    FixWrite w;
    w.id = u"1"_s;
    w.request = FixRequest::kube("DELETE", u"/apis/apiregistration.k8s.io/v1/apiservices/x"_s,
                                 R"({"kind":"DeleteOptions","preconditions":{"uid":"u1"}})");
    w.access =
        AccessReview{u"delete"_s, u"apiregistration.k8s.io"_s, u"apiservices"_s, {}, {}, u"x"_s};
    fix.writes << w;
    return fix;
}

PreparedFix cloudWrite(const QString& product, const QString& action, bool dryRun)
{
    PreparedFix fix;
    fix.fixId = u"cloud-fix"_s;
    fix.planId = u"p"_s;
    FixWrite w;
    w.id = u"1"_s;
    w.request = FixRequest::cloud(product, action, {{u"PolicyName"_s, u"pol"_s}});
    w.cloudDryRun = dryRun;
    fix.writes << w;
    return fix;
}

QJsonObject review(bool allowed, const QString& reason = {})
{
    return {{u"status"_s, QJsonObject{{u"allowed"_s, allowed}, {u"reason"_s, reason}}}};
}

std::optional<PreparedFix> run(FakeTransport& t, const PreparedFix& fix, bool readOnly = false)
{
    FixPreflight preflight(t);
    std::optional<PreparedFix> out;
    preflight.run(fix, readOnly, [&](const PreparedFix& f) { out = f; });
    (void)QTest::qWaitFor([&] { return out.has_value(); }, 5000);
    return out;
}

const PreflightCheck* find(const PreparedFix& fix, const QString& kind)
{
    for (const PreflightCheck& c : fix.checks)
        if (c.kind == kind)
            return &c;
    return nullptr;
}

void allowUser(FakeTransport& t, const QString& effect)
{
    t.on(u"sts:GetCallerIdentity"_s, okJson({{u"Arn"_s, u"acs:ram::123:user/ops"_s},
                                             {u"AccountId"_s, u"123"_s},
                                             {u"IdentityType"_s, u"RAMUser"_s}}));
    t.on(u"ram:ListPoliciesForUser"_s,
         okJson({{u"Policies"_s,
                  QJsonObject{
                      {u"Policy"_s, QJsonArray{QJsonObject{{u"PolicyName"_s, u"ops"_s},
                                                           {u"PolicyType"_s, u"Custom"_s}}}}}}}));
    const QJsonObject doc{
        {u"Version"_s, u"1"_s},
        {u"Statement"_s, QJsonArray{QJsonObject{{u"Effect"_s, effect},
                                                {u"Action"_s, QJsonArray{u"ram:*"_s}},
                                                {u"Resource"_s, u"*"_s}}}}};
    t.on(u"ram:GetPolicy"_s,
         okJson({{u"DefaultPolicyVersion"_s,
                  QJsonObject{{u"VersionId"_s, u"v1"_s},
                              {u"PolicyDocument"_s, QString::fromUtf8(QJsonDocument(doc).toJson(
                                                        QJsonDocument::Compact))}}}}));
}

} // namespace

class TstPreflight : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void kubeChecks_data()
    {
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<FixResponse>("dryRun");
        QTest::addColumn<int>("rbac");
        QTest::addColumn<int>("dry");
        QTest::addColumn<bool>("conflict");
        QTest::addColumn<bool>("passes");
        QTest::newRow("allowed, dry run passed")
            << true << okJson({}) << int(Outcome::Passed) << int(Outcome::Passed) << false << true;
        QTest::newRow("RBAC denies") << false << okJson({}) << int(Outcome::Failed)
                                     << int(Outcome::Passed) << false << false;
        QTest::newRow("a webhook without sideEffects cannot dry-run")
            << true
            << failure(400, u"badrequest"_s, u"BadRequest"_s,
                       u"admission webhook \"v.example.com\" does not support dry run"_s)
            << int(Outcome::Passed) << int(Outcome::NotDryRunnable) << false << true;
        QTest::newRow("admission rejects")
            << true
            << failure(500, u"server"_s, u"InternalError"_s,
                       u"Internal error occurred: failed calling webhook"_s)
            << int(Outcome::Passed) << int(Outcome::Failed) << false << false;
        QTest::newRow("someone changed it (409)")
            << true << failure(409, u"conflict"_s, u"Conflict"_s, u"the object has been modified"_s)
            << int(Outcome::Passed) << int(Outcome::Failed) << true << false;
        QTest::newRow("forbidden")
            << true << failure(403, u"forbidden"_s, u"Forbidden"_s, u"apiservices is forbidden"_s)
            << int(Outcome::Passed) << int(Outcome::Failed) << false << false;
    }
    void kubeChecks()
    {
        QFETCH(bool, allowed);
        QFETCH(FixResponse, dryRun);
        QFETCH(int, rbac);
        QFETCH(int, dry);
        QFETCH(bool, conflict);
        QFETCH(bool, passes);
        FakeTransport t;
        t.on(u"POST /apis/authorization.k8s.io/v1/selfsubjectaccessreviews"_s,
             okJson(review(allowed, u"RBAC: bound by ClusterRole admin"_s), 201));
        t.on(u"DELETE /apis/apiregistration.k8s.io/v1/apiservices/x?dryRun=All"_s, dryRun);
        const auto fix = run(t, kubeDelete());
        QVERIFY(fix);
        QCOMPARE(int(find(*fix, u"rbac"_s)->outcome), rbac);
        QCOMPARE(int(find(*fix, u"dry-run"_s)->outcome), dry);
        QCOMPARE(fix->preflightPassed(), passes);
        QCOMPARE(fix->conflict(), conflict);
        // The review asked exactly the write's verb, resource and name.
        const QJsonObject asked = QJsonDocument::fromJson(t.sent.first().body).object();
        QCOMPARE(asked.value(u"spec"_s)
                     .toObject()
                     .value(u"resourceAttributes"_s)
                     .toObject()
                     .value(u"verb"_s),
                 u"delete"_s);
        // Nothing but the dry run reached the write's path, in the query and in the body (the API
        // server reads a DELETE's options from its body alone when it has one).
        for (const FixRequest& r : t.sent)
            if (r.path.startsWith(u"/apis/apiregistration"_s)) {
                QVERIFY(r.path.contains(u"dryRun=All"_s));
                QCOMPARE(QJsonDocument::fromJson(r.body).object().value(u"dryRun"_s),
                         QJsonArray{u"All"_s});
            }
    }

    void unanswerableReview_couldNotBeChecked_andDoesNotBlock()
    {
        FakeTransport t;
        t.on(u"POST /apis/authorization.k8s.io"_s,
             failure(404, u"notfound"_s, u"NotFound"_s, u"the server could not find it"_s));
        t.on(u"DELETE "_s, okJson({}));
        const auto fix = run(t, kubeDelete());
        QCOMPARE(find(*fix, u"rbac"_s)->outcome, Outcome::CouldNotCheck);
        QVERIFY(fix->preflightPassed());
    }

    void cloudDryRun_data()
    {
        QTest::addColumn<FixResponse>("answer");
        QTest::addColumn<int>("outcome");
        FixResponse passed;
        passed.code = u"DryRunOperation"_s;
        passed.status = 400;
        QTest::newRow("DryRunOperation") << passed << int(Outcome::Passed);
        QTest::newRow("Forbidden.RAM")
            << failure(403, u"forbidden"_s, u"Forbidden.RAM"_s, u"User not authorized"_s)
            << int(Outcome::Failed);
        QTest::newRow("bad parameter")
            << failure(400, u"api"_s, u"InvalidInstanceId.NotFound"_s, u"no such instance"_s)
            << int(Outcome::Failed);
        QTest::newRow("the cloud ignored DryRun")
            << okJson({{u"RouteEntryId"_s, u"rte-1"_s}}) << int(Outcome::Failed);
    }
    void cloudDryRun()
    {
        QFETCH(FixResponse, answer);
        QFETCH(int, outcome);
        FakeTransport t;
        t.on(u"vpc:CreateRouteEntry"_s, answer);
        const auto fix = run(t, cloudWrite(u"vpc"_s, u"CreateRouteEntry"_s, true));
        QCOMPARE(int(find(*fix, u"cloud-dry-run"_s)->outcome), outcome);
        QCOMPARE(t.sent.first().params.value(u"DryRun"_s), u"true"_s);
    }

    void ramWrite_isNotDryRunnable_andAsksTheEvaluator_data()
    {
        QTest::addColumn<QString>("effect");
        QTest::addColumn<bool>("listable");
        QTest::addColumn<int>("permission");
        QTest::addColumn<bool>("passes");
        QTest::newRow("allowed") << u"Allow"_s << true << int(Outcome::Passed) << true;
        QTest::newRow("explicit deny blocks") << u"Deny"_s << true << int(Outcome::Failed) << false;
        QTest::newRow("own policies unreadable: not blocking")
            << u"Allow"_s << false << int(Outcome::CouldNotCheck) << true;
    }
    void ramWrite_isNotDryRunnable_andAsksTheEvaluator()
    {
        QFETCH(QString, effect);
        QFETCH(bool, listable);
        QFETCH(int, permission);
        QFETCH(bool, passes);
        FakeTransport t;
        allowUser(t, effect);
        if (!listable)
            t.on(u"ram:ListPoliciesForUser"_s,
                 failure(403, u"forbidden"_s, u"NoPermission"_s, u"not authorized"_s));
        const auto fix = run(t, cloudWrite(u"ram"_s, u"CreatePolicyVersion"_s, false));
        QCOMPARE(find(*fix, u"cloud-dry-run"_s)->outcome, Outcome::NotDryRunnable);
        const PreflightCheck* p = find(*fix, u"ram-permission"_s);
        QCOMPARE(int(p->outcome), permission);
        QVERIFY2(p->check.contains(u"acs:ram::123:user/ops"_s), qPrintable(p->check));
        if (!listable)
            QVERIFY2(p->reason.en.startsWith(u"could not be checked"_s), qPrintable(p->reason.en));
        QCOMPARE(fix->preflightPassed(), passes);
        for (const FixRequest& r : t.sent)
            QVERIFY(r.action != u"CreatePolicyVersion"_s); // no RAM write is ever sent to check
    }

    void readOnlyProfile_blocksEveryWrite()
    {
        FakeTransport t;
        t.on(u"POST /apis/authorization"_s, okJson(review(true), 201));
        t.on(u"DELETE "_s, okJson({}));
        const auto fix = run(t, kubeDelete(), true);
        const PreflightCheck* c = find(*fix, u"read-only"_s);
        QVERIFY(c);
        QCOMPARE(c->outcome, Outcome::Failed);
        QVERIFY(!fix->preflightPassed());
    }

    void noCloudConnection_blocksCloudWrites()
    {
        FakeTransport t;
        t.cloud = false;
        const auto fix = run(t, cloudWrite(u"vpc"_s, u"CreateRouteEntry"_s, true));
        QCOMPARE(find(*fix, u"cloud"_s)->outcome, Outcome::Failed);
        QVERIFY(t.sent.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstPreflight)
#include "tst_preflight.moc"
