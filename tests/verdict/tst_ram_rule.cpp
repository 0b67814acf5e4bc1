// SPDX-License-Identifier: GPL-3.0-or-later
// RamRule: the RAM policy and the Route Controller's link to it. An explicit Deny (or no Allow)
// for a route action is the root cause of the seed incident; a user RAM will not answer gets a
// grey "unknown, because …", with the controller's own Forbidden.RAM as a hint, never a verdict.
#include "models/verdict/rules/RamRule.h"
#include "models/verdict/rules/RouteControllerRule.h"
#include "verdict/VerdictTestData.h"

#include <QTest>

using namespace unstuck;
using namespace unstuck::test;
using namespace Qt::StringLiterals;

namespace {

DiagnosisResult run(const Findings& f)
{
    return runRules<RouteControllerRule, RamRule>(f);
}

const QMap<QString, QString> kPolicyParams{{u"PolicyName"_s, u"k8sMasterRolePolicy-1"_s},
                                           {u"PolicyType"_s, u"Custom"_s}};

} // namespace

class TestRamRule : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void explicitDeny_failsAndQuotesTheDecidingStatement()
    {
        const DiagnosisResult r = run(seedFindings());
        const ComponentVerdict c = componentOf(r, ids::RamPolicy);
        QCOMPARE(c.state, ComponentState::Failing);
        QCOMPARE(c.object, QStringLiteral("KubernetesMasterRole-1"));
        QCOMPARE(c.summary, QStringLiteral("Role KubernetesMasterRole-1: an explicit Deny blocks "
                                           "vpc:DescribeRouteTableList, vpc:DescribeRouteEntryList,"
                                           " vpc:CreateRouteEntry, vpc:DeleteRouteEntry (the route "
                                           "controller cannot read or write routes)"));
        // The Chinese sentence names the policy too: that is what the fix edits.
        QVERIFY2(c.summaryZh.startsWith(QStringLiteral("角色 KubernetesMasterRole-1：RAM 策略 "
                                                       "k8sMasterRolePolicy-1 中的显式 Deny")),
                 qPrintable(c.summaryZh));
        // The decisive evidence comes first.
        const Evidence& decisive = c.evidence.first();
        QCOMPARE(decisive.title,
                 QStringLiteral("Policy k8sMasterRolePolicy-1 denies vpc:DescribeRouteTableList"));
        QCOMPARE(decisive.field, QStringLiteral("DefaultPolicyVersion.PolicyDocument.Statement"));
        QVERIFY2(decisive.value.startsWith(u"`vpc:DescribeRouteTableList` is explicitly denied by "
                                           "statement"_s),
                 qPrintable(decisive.value));
        QVERIFY2(decisive.value.endsWith(u"of policy `k8sMasterRolePolicy-1` version v2"_s),
                 qPrintable(decisive.value));
        QVERIFY(!decisive.valueZh.isEmpty());
        QCOMPARE(decisive.command, QStringLiteral("aliyun ram GetPolicy --PolicyName "
                                                  "k8sMasterRolePolicy-1 --PolicyType Custom"));
        QCOMPARE(evidenceWith(c.evidence, QStringLiteral("Policies.Policy[].PolicyName")).value,
                 QStringLiteral("k8sMasterRolePolicy-1"));
        const LinkVerdict link = linkOf(r, ids::RouteController, ids::RamPolicy);
        QCOMPARE(link.state, LinkState::Broken);
        QCOMPARE(link.summary, c.summary);
        QCOMPARE(link.evidence.size(), c.evidence.size());
    }

    void noAllow_fails()
    {
        Findings f = seedFindings();
        QJsonObject answer = fixture(u"ram-get-policy-allow.json"_s);
        QJsonObject version = answer[u"DefaultPolicyVersion"_s].toObject();
        version[u"PolicyDocument"_s] =
            uR"({"Version":"1","Statement":[{"Action":["ecs:Describe*"],"Resource":["*"],"Effect":"Allow"}]})"_s;
        answer[u"DefaultPolicyVersion"_s] = version;
        f.policies = {cloud(u"ram"_s, u"GetPolicy"_s, kPolicyParams, answer)};
        const ComponentVerdict c = componentOf(run(f), ids::RamPolicy);
        QCOMPARE(c.state, ComponentState::Failing);
        QCOMPARE(c.summary, QStringLiteral("Role KubernetesMasterRole-1: no policy allows "
                                           "vpc:DescribeRouteTableList, vpc:DescribeRouteEntryList,"
                                           " vpc:CreateRouteEntry, vpc:DeleteRouteEntry"));
    }

    void allow_isHealthy()
    {
        Findings f = seedFindings();
        f.policies = {getPolicy(u"ram-get-policy-allow.json"_s)};
        const DiagnosisResult r = run(f);
        const ComponentVerdict c = componentOf(r, ids::RamPolicy);
        QCOMPARE(c.state, ComponentState::Healthy);
        QCOMPARE(c.summary, QStringLiteral("Role KubernetesMasterRole-1 allows every route action "
                                           "the controller needs"));
        QCOMPARE(c.summaryZh, QStringLiteral("角色 KubernetesMasterRole-1 允许路由控制器所需的全部"
                                             "路由操作"));
        QCOMPARE(linkOf(r, ids::RouteController, ids::RamPolicy).state, LinkState::Ok);
    }

    void notOnAlibaba_isNotApplicable()
    {
        Findings f;
        f.nodes = kube(u"/api/v1/nodes"_s, fixture(u"nodes-eks.json"_s));
        const DiagnosisResult r = run(f);
        const ComponentVerdict c = componentOf(r, ids::RamPolicy);
        QCOMPARE(c.state, ComponentState::NotApplicable);
        QCOMPARE(c.summary, QStringLiteral("Not an Alibaba Cloud cluster"));
        QCOMPARE(linkOf(r, ids::RouteController, ids::RamPolicy).state, LinkState::Ok);
    }

    void ramUnreadable_isUnknownWithTheReason_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("summary");
        QTest::newRow("GetPolicy 403") << "forbidden"
                                       << "Unknown: 403 from RAM: ram:GetPolicy not allowed";
        QTest::newRow("no credentials") << "no-cloud"
                                        << "Unknown: no cloud credentials";
        QTest::newRow("no role")
            << "no-role"
            << "Unknown: the control-plane instances have no RAM role (the controller may use an "
               "AccessKey from cloud-config)";
        QTest::newRow("unparsable policy")
            << "garbled"
            << "Unknown: policy k8sMasterRolePolicy-1 could not be read";
    }
    void ramUnreadable_isUnknownWithTheReason()
    {
        QFETCH(QString, change);
        QFETCH(QString, summary);
        Findings f = seedFindings();
        f.routeControllerLog.reset(); // no hint from the kube side here
        if (change == u"forbidden"_s) {
            f.policies = {cloudFailed(u"ram"_s, u"GetPolicy"_s, kPolicyParams, 403,
                                      u"NoPermission"_s,
                                      u"You are not authorized to do this action."_s)};
        } else if (change == u"no-cloud"_s) {
            f.cloudAvailable = false;
        } else if (change == u"no-role"_s) {
            f.instanceRamRole = cloud(u"ecs"_s, u"DescribeInstanceRamRole"_s, {},
                                      json(R"({"TotalCount":0,"InstanceRamRoleSets":{
                                               "InstanceRamRoleSet":[]}})"));
            f.ramRoleName.clear();
            f.rolePolicies.reset();
            f.policies.clear();
        } else if (change == u"garbled"_s) {
            QJsonObject answer = fixture(u"ram-get-policy-deny.json"_s);
            QJsonObject version = answer[u"DefaultPolicyVersion"_s].toObject();
            version[u"PolicyDocument"_s] = u"{\"Version\":\"1\",\"Statement\":"_s;
            answer[u"DefaultPolicyVersion"_s] = version;
            f.policies = {cloud(u"ram"_s, u"GetPolicy"_s, kPolicyParams, answer)};
        }
        const DiagnosisResult r = run(f);
        const ComponentVerdict c = componentOf(r, ids::RamPolicy);
        QCOMPARE(c.state, ComponentState::Unknown);
        QCOMPARE(c.summary, summary);
        const LinkVerdict link = linkOf(r, ids::RouteController, ids::RamPolicy);
        QCOMPARE(link.state, LinkState::Unknown);
        QCOMPARE(link.summary, summary);
    }

    void unknown_withForbiddenRamInTheControllerLog_saysSoOnTheLink()
    {
        Findings f = seedFindings(); // its log ends in ErrorCode: Forbidden.RAM
        f.policies = {cloudFailed(u"ram"_s, u"GetPolicy"_s, kPolicyParams, 403, u"NoPermission"_s,
                                  u"You are not authorized to do this action."_s)};
        const DiagnosisResult r = run(f);
        const ComponentVerdict c = componentOf(r, ids::RamPolicy);
        QCOMPARE(c.state, ComponentState::Unknown); // a hint, never a verdict
        QCOMPARE(evidenceWith(c.evidence, QStringLiteral("log line")).value,
                 QStringLiteral("ErrorCode: Forbidden.RAM"));
        const LinkVerdict link = linkOf(r, ids::RouteController, ids::RamPolicy);
        QCOMPARE(link.state, LinkState::Unknown);
        QCOMPARE(link.summary, QStringLiteral("Unknown: 403 from RAM: ram:GetPolicy not allowed "
                                              "(the route controller's own errors mention "
                                              "Forbidden.RAM)"));
        QCOMPARE(link.summaryZh, QStringLiteral("未知：RAM 返回 403：无权调用 ram:GetPolicy（路由"
                                                "控制器自身的错误中提到了 Forbidden.RAM）"));
    }

    void attachedPolicy_readsTheDefaultVersion()
    {
        const auto policy = RamRule::attachedPolicy(getPolicy(u"ram-get-policy-deny.json"_s));
        QVERIFY(policy);
        QCOMPARE(policy->policyName, QStringLiteral("k8sMasterRolePolicy-1"));
        QCOMPARE(policy->policyType, QStringLiteral("Custom"));
        QCOMPARE(policy->versionId, QStringLiteral("v2"));
        QCOMPARE(policy->document.statements.size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestRamRule)
#include "tst_ram_rule.moc"
