// SPDX-License-Identifier: GPL-3.0-or-later
// What the simulated cloud account does to writes, seen through the product's own CloudClient
// with the two profiles the simulator writes: the read-only RAM user reads its own policy and is
// refused every write (Forbidden.RAM), DryRun checks and changes nothing, a ClientToken repeats
// the first answer, new route entries are Pending before they route, and RAM keeps at most five
// versions of a policy.
#include "models/cloud/CloudClient.h"
#include "models/cloud/ConnectionProfile.h"
#include "models/cloud/RamPolicyEvaluator.h"
#include "models/sim/CloudWorld.h"
#include "models/sim/SimServer.h"
#include "models/sim/SimWorld.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace unstuck;
using namespace unstuck::sim;
using namespace Qt::StringLiterals;

namespace {

using Params = QMap<QString, QString>;

// One running simulator and a client per identity, from profile.json and
// profile-read-only.json.
class CloudSim
{
public:
    explicit CloudSim(int routePendingMs = 0)
    {
        SimOptions options;
        options.scenario = u"seed"_s;
        options.stateDir = m_dir.path();
        options.routePendingMs = routePendingMs;
        server = std::make_unique<SimServer>(options);
        QString error;
        ok = server->start(&error);
        server->world().stop(); // the test's writes only
        ok = ok && (admin = client(server->profilePath()));
        ok = ok && (readOnly = client(server->readOnlyProfilePath()));
    }
    ~CloudSim()
    {
        delete admin;
        delete readOnly;
    }

    CloudResponse call(CloudClient* as, const QString& product, const QString& action,
                       const Params& params = {})
    {
        std::optional<CloudResponse> out;
        as->call(product, action, params, nullptr, [&](const CloudResponse& r) { out = r; });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 15000))
            qWarning("%s: no answer", qPrintable(action));
        return out.value_or(CloudResponse{});
    }
    CloudWorld& world() { return server->world().cloud(); }
    int routeCount() { return int(world().account().vpc.routeTable.entries.size()); }
    Params newRoute(const QString& cidr)
    {
        return {{u"RouteTableId"_s, world().routeTableId()},
                {u"DestinationCidrBlock"_s, cidr},
                {u"NextHopId"_s, world().account().instances.last().instanceId}};
    }

    std::unique_ptr<SimServer> server;
    CloudClient* admin = nullptr;
    CloudClient* readOnly = nullptr;
    bool ok = false;

private:
    static CloudClient* client(const QString& profilePath)
    {
        QString error;
        const auto profile = ConnectionProfile::load(profilePath, QProcessEnvironment(), &error);
        if (!profile || !profile->hasCredentials())
            return nullptr;
        auto* c = new CloudClient(profile->cloud);
        c->setRetryPolicy(0, 0);
        return c;
    }

    QTemporaryDir m_dir;
};

QJsonArray policyVersions(CloudSim& sim, const QString& policy)
{
    return sim.call(sim.admin, u"ram"_s, u"ListPolicyVersions"_s, {{u"PolicyName"_s, policy}})
        .json.value(u"PolicyVersions"_s)
        .toObject()
        .value(u"PolicyVersion"_s)
        .toArray();
}

} // namespace

class TestCloudWrites : public QObject
{
    Q_OBJECT

private:
    // GetCallerIdentity, then ListPoliciesForUser and GetPolicy: what a caller can learn of
    // its own rights.
    static QList<RamAttachedPolicy> ownPolicies(CloudSim& sim, CloudClient* as, QString* arn)
    {
        const CloudResponse who = sim.call(as, u"sts"_s, u"GetCallerIdentity"_s);
        *arn = who.json.value(u"Arn"_s).toString();
        const QString user = arn->section(u":user/"_s, 1);
        const CloudResponse list =
            sim.call(as, u"ram"_s, u"ListPoliciesForUser"_s, {{u"UserName"_s, user}});
        QList<RamAttachedPolicy> out;
        for (const QJsonValue& v :
             list.json.value(u"Policies"_s).toObject().value(u"Policy"_s).toArray()) {
            const QString name = v.toObject().value(u"PolicyName"_s).toString();
            const CloudResponse policy =
                sim.call(as, u"ram"_s, u"GetPolicy"_s,
                         {{u"PolicyName"_s, name}, {u"PolicyType"_s, u"Custom"_s}});
            QString error;
            if (const auto p = RamAttachedPolicy::fromApi(name, u"Custom"_s, policy.json, &error))
                out << *p;
        }
        return out;
    }

private Q_SLOTS:
    void eachUserReadsItsOwnPolicy()
    {
        CloudSim sim;
        QVERIFY(sim.ok);
        QString arn;
        const QList<RamAttachedPolicy> readOnly = ownPolicies(sim, sim.readOnly, &arn);
        QCOMPARE(arn, u"acs:ram::%1:user/unstuck-read-only"_s.arg(sim.world().accountId()));
        QCOMPARE(readOnly.size(), 1);
        QCOMPARE(readOnly.first().policyName, u"UnstuckReadOnlyPolicy"_s);
        const QString table = u"acs:vpc:cn-hangzhou:%1:routetable/%2"_s.arg(
            sim.world().accountId(), sim.world().routeTableId());
        QVERIFY(RamPolicyEvaluator::evaluate(readOnly, u"vpc:DescribeRouteEntryList"_s, table)
                    .allowed());
        QVERIFY(
            !RamPolicyEvaluator::evaluate(readOnly, u"vpc:CreateRouteEntry"_s, table).allowed());
        const CloudResponse who = sim.call(sim.readOnly, u"sts"_s, u"GetCallerIdentity"_s);
        QCOMPARE(who.json.value(u"IdentityType"_s).toString(), u"RAMUser"_s);
        QCOMPARE(who.json.value(u"AccountId"_s).toString(), sim.world().accountId());
        QVERIFY(!who.json.value(u"UserId"_s).toString().isEmpty());

        const QList<RamAttachedPolicy> admin = ownPolicies(sim, sim.admin, &arn);
        QVERIFY(arn.endsWith(u":user/unstuck-operator"_s));
        QCOMPARE(admin.size(), 1);
        QVERIFY(RamPolicyEvaluator::evaluate(admin, u"vpc:CreateRouteEntry"_s, table).allowed());
        QCOMPARE(
            sim.call(sim.admin, u"ram"_s, u"ListPoliciesForUser"_s, {{u"UserName"_s, u"nobody"_s}})
                .error.code,
            u"EntityNotExist.User"_s);
    }

    void readOnlyWritesAreForbiddenRam()
    {
        CloudSim sim;
        QVERIFY(sim.ok);
        const QString policy = sim.world().masterPolicyName();
        const int routes = sim.routeCount();
        const QList<std::pair<QString, Params>> writes{
            {u"CreateRouteEntry"_s, sim.newRoute(u"172.16.9.0/24"_s)},
            {u"CreateRouteEntry"_s,
             [&] {
                 Params p = sim.newRoute(u"172.16.9.0/24"_s);
                 p.insert(u"DryRun"_s, u"true"_s);
                 return p;
             }()},
            {u"DeleteRouteEntry"_s,
             {{u"RouteEntryId"_s,
               sim.world().account().vpc.routeTable.entries.last().routeEntryId}}},
            {u"CreatePolicyVersion"_s, {{u"PolicyName"_s, policy}, {u"PolicyDocument"_s, u"{}"_s}}},
            {u"SetDefaultPolicyVersion"_s, {{u"PolicyName"_s, policy}, {u"VersionId"_s, u"v1"_s}}},
            {u"DeletePolicyVersion"_s, {{u"PolicyName"_s, policy}, {u"VersionId"_s, u"v1"_s}}}};
        for (const auto& [action, params] : writes) {
            const QString product = action.contains(u"Policy"_s) ? u"ram"_s : u"vpc"_s;
            const CloudResponse r = sim.call(sim.readOnly, product, action, params);
            QCOMPARE(r.error.httpStatus, 403);
            QCOMPARE(r.error.code, u"Forbidden.RAM"_s);
            const QJsonObject detail = r.error.accessDeniedDetailObject();
            QCOMPARE(detail.value(u"AuthAction"_s).toString(), product + u':' + action);
            QCOMPARE(detail.value(u"NoPermissionType"_s).toString(), u"ImplicitDeny"_s);
            QCOMPARE(detail.value(u"AuthPrincipalDisplayName"_s).toString(),
                     u"unstuck-read-only"_s);
        }
        QCOMPARE(sim.routeCount(), routes);
        QCOMPARE(policyVersions(sim, policy).size(), 2);
    }

    void dryRunChecksAndChangesNothing()
    {
        CloudSim sim;
        QVERIFY(sim.ok);
        const int routes = sim.routeCount();
        Params create = sim.newRoute(u"172.16.9.0/24"_s);
        create.insert(u"DryRun"_s, u"true"_s);
        const CloudResponse passed = sim.call(sim.admin, u"vpc"_s, u"CreateRouteEntry"_s, create);
        QCOMPARE(passed.error.httpStatus, 400);
        QCOMPARE(passed.error.code, u"DryRunOperation"_s);
        QCOMPARE(passed.error.message,
                 u"Request validation has been passed with DryRun flag set."_s);
        create.insert(u"DestinationCidrBlock"_s, u"172.16.9.0/33"_s);
        QCOMPARE(sim.call(sim.admin, u"vpc"_s, u"CreateRouteEntry"_s, create).error.code,
                 u"InvalidDestinationCidrBlock.Malformed"_s);
        const QString last = sim.world().account().vpc.routeTable.entries.last().routeEntryId;
        const CloudResponse deleted =
            sim.call(sim.admin, u"vpc"_s, u"DeleteRouteEntry"_s,
                     {{u"RouteEntryId"_s, last}, {u"DryRun"_s, u"true"_s}});
        QCOMPARE(deleted.error.code, u"DryRunOperation"_s);
        QCOMPARE(sim.routeCount(), routes);
    }

    void clientTokenRepeatsTheFirstAnswer()
    {
        CloudSim sim;
        QVERIFY(sim.ok);
        const int routes = sim.routeCount();
        Params create = sim.newRoute(u"172.16.9.0/24"_s);
        create.insert(u"ClientToken"_s, u"8f2c6a52-5d4e-4f0b-9a57-fix-vpc-route"_s);
        const CloudResponse first = sim.call(sim.admin, u"vpc"_s, u"CreateRouteEntry"_s, create);
        QVERIFY2(first.error.ok(), qPrintable(first.error.summary()));
        const CloudResponse again = sim.call(sim.admin, u"vpc"_s, u"CreateRouteEntry"_s, create);
        QVERIFY(again.error.ok());
        QCOMPARE(again.json.value(u"RouteEntryId"_s).toString(),
                 first.json.value(u"RouteEntryId"_s).toString());
        QVERIFY(again.json.value(u"RequestId"_s) != first.json.value(u"RequestId"_s));
        QCOMPARE(sim.routeCount(), routes + 1);
        create.insert(u"DestinationCidrBlock"_s, u"172.16.10.0/24"_s);
        const CloudResponse other = sim.call(sim.admin, u"vpc"_s, u"CreateRouteEntry"_s, create);
        QCOMPARE(other.error.httpStatus, 400);
        QCOMPARE(other.error.code, u"IdempotentParameterMismatch"_s);
        QCOMPARE(other.error.message, u"Request uses a client token in a previous request but is "
                                      u"not identical to that request."_s);
        QCOMPARE(sim.routeCount(), routes + 1);
    }

    void newRoutesArePendingThenAvailable()
    {
        CloudSim sim(800);
        QVERIFY(sim.ok);
        const QString instance = sim.world().account().instances.last().instanceId;
        const CloudResponse created =
            sim.call(sim.admin, u"vpc"_s, u"CreateRouteEntry"_s, sim.newRoute(u"172.16.9.0/24"_s));
        QVERIFY(created.error.ok());
        const QString id = created.json.value(u"RouteEntryId"_s).toString();
        auto status = [&] {
            return sim
                .call(sim.admin, u"vpc"_s, u"DescribeRouteEntryList"_s,
                      {{u"RouteTableId"_s, sim.world().routeTableId()}, {u"RouteEntryId"_s, id}})
                .json.value(u"RouteEntrys"_s)
                .toObject()
                .value(u"RouteEntry"_s)
                .toArray()
                .first()
                .toObject()
                .value(u"Status"_s)
                .toString();
        };
        QCOMPARE(status(), u"Pending"_s);
        QVERIFY(!sim.world().routesToInstance(u"172.16.9.5"_s, instance));
        QCOMPARE(sim.call(sim.admin, u"vpc"_s, u"DeleteRouteEntry"_s, {{u"RouteEntryId"_s, id}})
                     .error.code,
                 u"IncorrectRouteEntryStatus"_s);
        QTRY_COMPARE_WITH_TIMEOUT(status(), u"Available"_s, 5000);
        QVERIFY(sim.world().routesToInstance(u"172.16.9.5"_s, instance));
        QVERIFY(sim.call(sim.admin, u"vpc"_s, u"DeleteRouteEntry"_s, {{u"RouteEntryId"_s, id}})
                    .error.ok());
    }

    void policyKeepsAtMostFiveVersions()
    {
        CloudSim sim;
        QVERIFY(sim.ok);
        const QString policy = sim.world().masterPolicyName(); // v1, v2 (default)
        const QString document =
            sim.world().account().policies.value(policy).version(u"v1"_s)->document;
        auto create = [&](const QString& rotate = {}) {
            Params p{{u"PolicyName"_s, policy}, {u"PolicyDocument"_s, document}};
            if (!rotate.isEmpty())
                p.insert(u"RotateStrategy"_s, rotate);
            return sim.call(sim.admin, u"ram"_s, u"CreatePolicyVersion"_s, p);
        };
        for (int i = 0; i < 3; ++i)
            QVERIFY(create().error.ok()); // v3, v4, v5
        const CloudResponse sixth = create();
        QCOMPARE(sixth.error.httpStatus, 409);
        QCOMPARE(sixth.error.code, u"LimitExceeded.Policy.Version"_s);
        QCOMPARE(sixth.error.message, u"The count of policy version beyond the current limits."_s);
        const CloudResponse rotated = create(u"DeleteOldestNonDefaultVersionWhenLimitExceeded"_s);
        QVERIFY(rotated.error.ok());
        QCOMPARE(rotated.json.value(u"PolicyVersion"_s).toObject().value(u"VersionId"_s).toString(),
                 u"v6"_s);
        QStringList ids;
        for (const QJsonValue& v : policyVersions(sim, policy))
            ids << v.toObject().value(u"VersionId"_s).toString();
        QCOMPARE(ids, (QStringList{u"v6"_s, u"v5"_s, u"v4"_s, u"v3"_s, u"v2"_s})); // v1 went
        QCOMPARE(sim.call(sim.admin, u"ram"_s, u"GetPolicyVersion"_s,
                          {{u"PolicyName"_s, policy}, {u"VersionId"_s, u"v1"_s}})
                     .error.code,
                 u"EntityNotExist.Policy.Version"_s);
        // Undo the way the fix does: the previous default back, then the new one deleted.
        QVERIFY(sim.call(sim.admin, u"ram"_s, u"SetDefaultPolicyVersion"_s,
                         {{u"PolicyName"_s, policy}, {u"VersionId"_s, u"v6"_s}})
                    .error.ok());
        const CloudResponse refused =
            sim.call(sim.admin, u"ram"_s, u"DeletePolicyVersion"_s,
                     {{u"PolicyName"_s, policy}, {u"VersionId"_s, u"v6"_s}});
        QCOMPARE(refused.error.httpStatus, 409);
        QCOMPARE(refused.error.code, u"DeleteConflict.Policy.Version.Default"_s);
        QCOMPARE(refused.error.message,
                 u"The default policy version CAN NOT been deleted directly."_s);
        QVERIFY(sim.call(sim.admin, u"ram"_s, u"SetDefaultPolicyVersion"_s,
                         {{u"PolicyName"_s, policy}, {u"VersionId"_s, u"v2"_s}})
                    .error.ok());
        QVERIFY(sim.call(sim.admin, u"ram"_s, u"DeletePolicyVersion"_s,
                         {{u"PolicyName"_s, policy}, {u"VersionId"_s, u"v6"_s}})
                    .error.ok());
        QCOMPARE(policyVersions(sim, policy).size(), 4);
        const QJsonObject got = sim.call(sim.admin, u"ram"_s, u"GetPolicyVersion"_s,
                                         {{u"PolicyName"_s, policy}, {u"VersionId"_s, u"v2"_s}})
                                    .json.value(u"PolicyVersion"_s)
                                    .toObject();
        QCOMPARE(got.value(u"IsDefaultVersion"_s).toBool(), true);
    }
};

QTEST_GUILESS_MAIN(TestCloudWrites)
#include "tst_cloudwrites.moc"
