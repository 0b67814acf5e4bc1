// SPDX-License-Identifier: GPL-3.0-or-later
// RAM policy parsing and evaluation: what a user reads in the diagnosis ("denied by statement 2
// of policy X version v2") must be exactly what RAM itself would decide.
#include "models/cloud/RamPolicyEvaluator.h"

#include <QFile>
#include <QJsonObject>
#include <QTest>

using namespace unstuck;
using Decision = RamEvaluation::Decision;

Q_DECLARE_METATYPE(unstuck::RamEvaluation::Decision)

namespace {

RamAttachedPolicy policy(const QString& name, const QString& version, const QByteArray& json)
{
    QString error;
    const auto doc = RamPolicyDocument::parse(json, &error);
    if (!doc)
        qFatal("fixture policy %s does not parse: %s", qPrintable(name), qPrintable(error));
    return RamAttachedPolicy{name, QStringLiteral("Custom"), version, *doc};
}

// Policy JSON written with single quotes (moc misreads raw strings holding "/*").
QByteArray q(const char* json)
{
    return QByteArray(json).replace('\'', '"');
}

QByteArray fixture(const char* name)
{
    QFile file(QStringLiteral(UNSTUCK_FIXTURES "/cloud/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return file.readAll();
}

// The CCM sample master policy (docs/examples/master.policy), vpc statement Allow / Deny.
const QByteArray kMasterAllow = fixture("master-policy-allow.json");
const QByteArray kMasterDeny = fixture("master-policy-deny.json");

} // namespace

class TstRamPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decisions_data()
    {
        QTest::addColumn<QList<QByteArray>>("documents");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("resource");
        QTest::addColumn<Decision>("expected");
        QTest::addColumn<int>("policyIndex"); // which document decided (-1: none)
        QTest::addColumn<int>("statement");

        const QString any = QStringLiteral("*");
        const QString table = QStringLiteral("acs:vpc:cn-hangzhou:123:routetable/vtb-1");
        QTest::newRow("allow by wildcard")
            << QList<QByteArray>{kMasterAllow} << "vpc:DescribeRouteTableList" << any
            << Decision::Allowed << 0 << 2;
        QTest::newRow("action is case-insensitive")
            << QList<QByteArray>{kMasterAllow} << "VPC:describeroutetablelist" << any
            << Decision::Allowed << 0 << 2;
        QTest::newRow("seed: deny statement")
            << QList<QByteArray>{kMasterDeny} << "vpc:DescribeRouteTableList" << any
            << Decision::ExplicitDeny << 0 << 2;
        QTest::newRow("explicit deny beats allow in another policy")
            << QList<QByteArray>{kMasterAllow, kMasterDeny} << "vpc:CreateRouteEntry" << any
            << Decision::ExplicitDeny << 1 << 2;
        QTest::newRow("nothing allows it") << QList<QByteArray>{kMasterAllow} << "vpc:CreateVpc"
                                           << any << Decision::ImplicitDeny << -1 << 0;
        QTest::newRow("question mark matches one character")
            << QList<QByteArray>{q("{'Version':'1','Statement':[{'Effect':'Allow','Action':'ram:"
                                   "Get?olicy','Resource':'*'}]}")}
            << "ram:GetPolicy" << any << Decision::Allowed << 0 << 1;
        QTest::newRow("question mark needs exactly one character")
            << QList<QByteArray>{q("{'Version':'1','Statement':[{'Effect':'Allow','Action':'ram:"
                                   "Get?Policy','Resource':'*'}]}")}
            << "ram:GetPolicy" << any << Decision::ImplicitDeny << -1 << 0;
        QTest::newRow("NotAction allows everything else")
            << QList<QByteArray>{q("{'Version':'1','Statement':[{'Effect':'Allow','NotAction':['"
                                   "ram:*'],'Resource':'*'}]}")}
            << "vpc:DescribeVpcs" << any << Decision::Allowed << 0 << 1;
        QTest::newRow("NotAction excludes the listed actions")
            << QList<QByteArray>{q("{'Version':'1','Statement':[{'Effect':'Allow','NotAction':['"
                                   "ram:*'],'Resource':'*'}]}")}
            << "ram:GetPolicy" << any << Decision::ImplicitDeny << -1 << 0;
        QTest::newRow("resource ARN wildcard")
            << QList<QByteArray>{q(
                   "{'Version':'1','Statement':[{'Effect':'Allow','Action':'vpc:"
                   "DescribeRouteTableList','Resource':'acs:vpc:*:*:routetable/*'}]}")}
            << "vpc:DescribeRouteTableList" << table << Decision::Allowed << 0 << 1;
        QTest::newRow("resource ARN of another type")
            << QList<QByteArray>{q("{'Version':'1','Statement':[{'Effect':'Allow','Action':'vpc:*',"
                                   "'Resource':'acs:vpc:*:*:routetable/*'}]}")}
            << "vpc:DescribeVpcs"
            << "acs:vpc:cn-hangzhou:123:vpc/vpc-1" << Decision::ImplicitDeny << -1 << 0;
        QTest::newRow("resource-scoped allow, resource unknown")
            << QList<QByteArray>{q("{'Version':'1','Statement':[{'Effect':'Allow','Action':'vpc:*',"
                                   "'Resource':'acs:vpc:*:*:routetable/*'}]}")}
            << "vpc:DescribeRouteTableList" << any << Decision::Undecided << 0 << 1;
        QTest::newRow("resource-scoped deny, resource unknown")
            << QList<QByteArray>{kMasterAllow,
                                 q("{'Version':'1','Statement':[{'Effect':'Deny','Action':'vpc:*','"
                                   "Resource':'acs:vpc:*:*:vpc/vpc-other'}]}")}
            << "vpc:DescribeRouteTableList" << any << Decision::Undecided << 1 << 1;
        QTest::newRow("resource-scoped deny on another resource")
            << QList<QByteArray>{kMasterAllow,
                                 q("{'Version':'1','Statement':[{'Effect':'Deny','Action':'vpc:*','"
                                   "Resource':'acs:vpc:*:*:vpc/vpc-other'}]}")}
            << "vpc:DescribeRouteTableList" << table << Decision::Allowed << 0 << 2;
        QTest::newRow("NotResource")
            << QList<QByteArray>{q("{'Version':'1','Statement':[{'Effect':'Deny','Action':'vpc:*','"
                                   "NotResource':'acs:vpc:*:*:routetable/"
                                   "*'},{'Effect':'Allow','Action':'vpc:*','Resource':'*'}]}")}
            << "vpc:DescribeVpcs"
            << "acs:vpc:cn-hangzhou:123:vpc/vpc-1" << Decision::ExplicitDeny << 0 << 1;
        QTest::newRow("NotResource spares the listed resources")
            << QList<QByteArray>{q("{'Version':'1','Statement':[{'Effect':'Deny','Action':'vpc:*','"
                                   "NotResource':'acs:vpc:*:*:routetable/"
                                   "*'},{'Effect':'Allow','Action':'vpc:*','Resource':'*'}]}")}
            << "vpc:CreateRouteEntry" << table << Decision::Allowed << 0 << 2;
        QTest::newRow("deny with undecidable condition")
            << QList<QByteArray>{kMasterAllow,
                                 q("{'Version':'1','Statement':[{'Effect':'Deny','Action':'vpc:*','"
                                   "Resource':'*','Condition':{'NotIpAddress':{'acs:SourceIp':['10."
                                   "0.0.0/8']}}}]}")}
            << "vpc:CreateRouteEntry" << any << Decision::Undecided << 1 << 1;
        QTest::newRow("allow with undecidable condition")
            << QList<QByteArray>{q(
                   "{'Version':'1','Statement':[{'Effect':'Allow','Action':'vpc:*','Resource':'*','"
                   "Condition':{'Bool':{'acs:MFAPresent':true}}}]}")}
            << "vpc:CreateRouteEntry" << any << Decision::Undecided << 0 << 1;
        QTest::newRow("star allows all")
            << QList<QByteArray>{q(
                   "{'Version':'1','Statement':{'Effect':'Allow','Action':'*','Resource':'*'}}")}
            << "ram:CreatePolicyVersion" << any << Decision::Allowed << 0 << 1;
    }

    void decisions()
    {
        QFETCH(QList<QByteArray>, documents);
        QFETCH(QString, action);
        QFETCH(QString, resource);
        QFETCH(Decision, expected);
        QFETCH(int, policyIndex);
        QFETCH(int, statement);
        QList<RamAttachedPolicy> policies;
        for (qsizetype i = 0; i < documents.size(); ++i)
            policies.append(policy(QStringLiteral("policy-%1").arg(i),
                                   QStringLiteral("v%1").arg(i + 1), documents.at(i)));
        const RamEvaluation result = RamPolicyEvaluator::evaluate(policies, action, resource);
        QCOMPARE(RamEvaluation::decisionName(result.decision),
                 RamEvaluation::decisionName(expected));
        if (policyIndex < 0) {
            QVERIFY(result.deciding.isEmpty());
            return;
        }
        QVERIFY(!result.deciding.isEmpty());
        QCOMPARE(result.deciding.first().policyName, QStringLiteral("policy-%1").arg(policyIndex));
        QCOMPARE(result.deciding.first().statementIndex, statement);
    }

    void explanationNamesPolicyVersionAndStatement()
    {
        const QList<RamAttachedPolicy> policies{
            policy(QStringLiteral("k8sMasterRolePolicy-c4b3a"), QStringLiteral("v2"), kMasterDeny)};
        const RamEvaluation result =
            RamPolicyEvaluator::evaluate(policies, QStringLiteral("vpc:DescribeRouteTableList"));
        QCOMPARE(result.explain(),
                 QStringLiteral("`vpc:DescribeRouteTableList` is explicitly denied by statement 2 "
                                "of policy `k8sMasterRolePolicy-c4b3a` version v2"));
        QVERIFY(result.allowing.isEmpty());
    }

    void undecidedNamesTheCondition()
    {
        const QList<RamAttachedPolicy> policies{
            policy(QStringLiteral("p"), QStringLiteral("v1"),
                   q("{'Version':'1','Statement':[{'Effect':'Allow','Action':'vpc:*','Resource':'*'"
                     ",'Condition':{'StringEquals':{'acs:SourceVpc':'vpc-1'}}}]}"))};
        const RamEvaluation offline =
            RamPolicyEvaluator::evaluate(policies, QStringLiteral("vpc:DescribeVpcs"));
        QVERIFY(offline.explain().contains(QStringLiteral("StringEquals acs:SourceVpc")));
        // With the key known, the same statement decides.
        RamRequestContext context;
        context.keys.insert(QStringLiteral("acs:SourceVpc"), QStringLiteral("vpc-1"));
        QVERIFY(RamPolicyEvaluator::evaluate(policies, QStringLiteral("vpc:DescribeVpcs"),
                                             QStringLiteral("*"), context)
                    .allowed());
        context.keys.insert(QStringLiteral("acs:SourceVpc"), QStringLiteral("vpc-2"));
        QCOMPARE(RamPolicyEvaluator::evaluate(policies, QStringLiteral("vpc:DescribeVpcs"),
                                              QStringLiteral("*"), context)
                     .decision,
                 Decision::ImplicitDeny);
        // The server rule: a key the request does not carry makes the test false.
        RamRequestContext server;
        server.absentKeysAreFalse = true;
        QCOMPARE(RamPolicyEvaluator::evaluate(policies, QStringLiteral("vpc:DescribeVpcs"),
                                              QStringLiteral("*"), server)
                     .decision,
                 Decision::ImplicitDeny);
    }

    void conditionOperators()
    {
        RamRequestContext context;
        context.keys = {
            {QStringLiteral("acs:SourceIp"), QStringLiteral("127.0.0.1")},
            {QStringLiteral("acs:SecureTransport"), QStringLiteral("true")},
            {QStringLiteral("acs:CurrentTime"), QStringLiteral("2026-01-01T00:00:00Z")}};
        const auto allowedWith = [&](const QByteArray& condition) {
            const QByteArray json = QByteArray(q("{'Version':'1','Statement':[{'Effect':'Allow','"
                                                 "Action':'vpc:*','Resource':'*','Condition':")) +
                                    condition + "}]}";
            return RamPolicyEvaluator::evaluate(
                       {policy(QStringLiteral("p"), QStringLiteral("v1"), json)},
                       QStringLiteral("vpc:DescribeVpcs"), QStringLiteral("*"), context)
                .allowed();
        };
        QVERIFY(allowedWith(q("{'IpAddress':{'acs:SourceIp':['127.0.0.0/8']}}")));
        QVERIFY(!allowedWith(q("{'IpAddress':{'acs:SourceIp':'10.0.0.0/8'}}")));
        QVERIFY(allowedWith(q("{'NotIpAddress':{'acs:SourceIp':'10.0.0.0/8'}}")));
        QVERIFY(allowedWith(q("{'Bool':{'acs:SecureTransport':'true'}}")));
        QVERIFY(allowedWith(q("{'DateLessThan':{'acs:CurrentTime':'2027-01-01T00:00:00Z'}}")));
        QVERIFY(!allowedWith(q("{'DateGreaterThan':{'acs:CurrentTime':'2027-01-01T00:00:00Z'}}")));
        QVERIFY(allowedWith(q("{'StringLike':{'acs:SourceIp':'127.*'}}")));
        QVERIFY(!allowedWith(q("{'StringNotLike':{'acs:SourceIp':'127.*'}}")));
        // Two operators are AND-ed.
        QVERIFY(!allowedWith(q(
            "{'Bool':{'acs:SecureTransport':'true'},'IpAddress':{'acs:SourceIp':'10.0.0.0/8'}}")));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("not json") << QByteArray("{\"Version\":") << "not valid JSON at offset";
        QTest::newRow("version") << QByteArray(q("{'Version':'2','Statement':[]}"))
                                 << "\"Version\" must be \"1\"";
        QTest::newRow("no statement")
            << QByteArray(q("{'Version':'1'}")) << "\"Statement\" is missing";
        QTest::newRow("effect typo")
            << QByteArray(q("{'Version':'1','Statement':[{'Effect':'Allow','Action':'a:b','"
                            "Resource':'*'},{'Effect':'Alow','Action':'vpc:*','Resource':'*'}]}"))
            << "Statement 2: \"Effect\" must be \"Allow\" or \"Deny\", not \"Alow\"";
        QTest::newRow("no action")
            << QByteArray(q("{'Version':'1','Statement':[{'Effect':'Allow','Resource':'*'}]}"))
            << "Statement 1: \"Action\" is missing";
        QTest::newRow("action and notaction")
            << QByteArray(q("{'Version':'1','Statement':[{'Effect':'Allow','Action':'a:b','"
                            "NotAction':'c:d','Resource':'*'}]}"))
            << "Statement 1: has both \"Action\" and \"NotAction\"";
        QTest::newRow("action shape")
            << QByteArray(q("{'Version':'1','Statement':[{'Effect':'Allow','Action':['vpc:A','"
                            "DescribeVpcs'],'Resource':'*'}]}"))
            << "Statement 1: \"Action\" value \"DescribeVpcs\" is not of the form";
        QTest::newRow("action type") << QByteArray(q("{'Version':'1','Statement':[{'Effect':'Allow'"
                                                     ",'Action':['vpc:A',3],'Resource':'*'}]}"))
                                     << "Statement 1: \"Action\" item 2 is not a string";
        QTest::newRow("no resource")
            << QByteArray(q("{'Version':'1','Statement':[{'Effect':'Allow','Action':'vpc:*'}]}"))
            << "Statement 1: \"Resource\" is missing";
        QTest::newRow("resource not arn")
            << QByteArray(q("{'Version':'1','Statement':[{'Effect':'Allow','Action':'vpc:*','"
                            "Resource':'vtb-1'}]}"))
            << "Statement 1: \"Resource\" value \"vtb-1\" is neither";
        QTest::newRow("unknown field")
            << QByteArray(q("{'Version':'1','Statement':[{'Effect':'Allow','Actions':'vpc:*','"
                            "Resource':'*'}]}"))
            << "Statement 1: unknown field \"Actions\"";
        QTest::newRow("bad operator")
            << QByteArray(q("{'Version':'1','Statement':[{'Effect':'Allow','Action':'vpc:*','"
                            "Resource':'*','Condition':{'StringEqual':{'a':'b'}}}]}"))
            << "Statement 1: Condition operator \"StringEqual\" is not supported";
        QTest::newRow("over the size limit")
            << QByteArray(q("{'Version':'1','Statement':[]}")) +
                   QByteArray(RamPolicyDocument::kMaxDocumentBytes, ' ')
            << "the document is 1048606 bytes; RAM allows 6,144 characters and Unstuck reads "
               "at most 1024 KiB";
    }

    void malformed()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        QString actual;
        QVERIFY(!RamPolicyDocument::parse(json, &actual).has_value());
        QVERIFY2(actual.startsWith(error), qPrintable(actual));
    }

    void resourceArnsOfCalls()
    {
        const QString table = RamPolicyEvaluator::resourceArn(
            QStringLiteral("vpc"), QStringLiteral("DescribeRouteEntryList"),
            QStringLiteral("cn-hangzhou"), QStringLiteral("123"),
            {{QStringLiteral("RouteTableId"), QStringLiteral("vtb-1")}});
        QCOMPARE(table, QStringLiteral("acs:vpc:cn-hangzhou:123:routetable/vtb-1"));
        QCOMPARE(RamPolicyEvaluator::resourceArn(
                     QStringLiteral("vpc"), QStringLiteral("DescribeRouteTableList"),
                     QStringLiteral("cn-hangzhou"), QString(),
                     {{QStringLiteral("VpcId"), QStringLiteral("vpc-1")}}),
                 QStringLiteral("acs:vpc:cn-hangzhou:*:routetable/*"));
        QCOMPARE(RamPolicyEvaluator::resourceArn(
                     QStringLiteral("ram"), QStringLiteral("GetRole"), QString(),
                     QStringLiteral("123"),
                     {{QStringLiteral("RoleName"), QStringLiteral("KubernetesMasterRole-X")}}),
                 QStringLiteral("acs:ram:*:123:role/kubernetesmasterrole-x"));
        // The edge policy's scoped statement decides once the resource is known.
        const QList<RamAttachedPolicy> policies{
            policy(QStringLiteral("p"), QStringLiteral("v1"),
                   q("{'Version':'1','Statement':[{'Effect':'Allow','Action':'vpc:"
                     "DescribeRouteTableList','Resource':'acs:vpc:*:*:routetable/*'}]}"))};
        QVERIFY(RamPolicyEvaluator::evaluate(policies, QStringLiteral("vpc:DescribeRouteTableList"),
                                             table)
                    .allowed());
        QVERIFY(RamPolicyEvaluator::evaluate(policies, QStringLiteral("vpc:DescribeRouteTableList"))
                    .explain()
                    .contains(QStringLiteral("Resource acs:vpc:*:*:routetable/*")));
    }

    void fromRamApiAnswers()
    {
        // GetPolicy sends the document as a JSON string inside DefaultPolicyVersion.
        const QJsonObject getPolicy{
            {QStringLiteral("DefaultPolicyVersion"),
             QJsonObject{{QStringLiteral("VersionId"), QStringLiteral("v2")},
                         {QStringLiteral("PolicyDocument"), QString::fromUtf8(kMasterDeny)}}}};
        QString error;
        const auto p = RamAttachedPolicy::fromApi(QStringLiteral("k8sMasterRolePolicy-x"),
                                                  QStringLiteral("Custom"), getPolicy, &error);
        QVERIFY2(p, qPrintable(error));
        QCOMPARE(p->versionId, QStringLiteral("v2"));
        QCOMPARE(RamPolicyEvaluator::evaluate({*p}, QStringLiteral("vpc:DescribeVpcs")).decision,
                 Decision::ExplicitDeny);
        const QJsonObject broken{
            {QStringLiteral("PolicyVersion"),
             QJsonObject{
                 {QStringLiteral("VersionId"), QStringLiteral("v4")},
                 {QStringLiteral("PolicyDocument"),
                  QStringLiteral("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\"}]}")}}}};
        QVERIFY(!RamAttachedPolicy::fromApi(QStringLiteral("p"), {}, broken, &error));
        QCOMPARE(error, QStringLiteral("policy p version v4: Statement 1: \"Action\" is missing"));
    }

    void routeControllerActionsAreTheReferenceOnes()
    {
        const QStringList actions = RamPolicyEvaluator::routeControllerRequiredActions();
        QVERIFY(actions.contains(QStringLiteral("vpc:DescribeRouteTableList")));
        QVERIFY(actions.contains(QStringLiteral("vpc:CreateRouteEntry")));
        // The CCM sample master policy allows all of them.
        const QList<RamAttachedPolicy> policies{
            policy(QStringLiteral("p"), QStringLiteral("v1"), kMasterAllow)};
        for (const QString& action : actions)
            QVERIFY2(RamPolicyEvaluator::evaluate(policies, action).allowed(), qPrintable(action));
    }
};

QTEST_GUILESS_MAIN(TstRamPolicy)
#include "tst_rampolicy.moc"
