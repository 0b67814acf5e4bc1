// SPDX-License-Identifier: GPL-3.0-or-later
// CloudClient against the in-process simulator over HTTPS on 127.0.0.1: both signature
// versions, both pagination styles, retry on throttling, typed errors, RamRoleArn sessions.
#include "models/cloud/CloudClient.h"
#include "models/cloud/ConnectionProfile.h"
#include "models/sim/CloudWorld.h"
#include "models/sim/SimServer.h"
#include "models/sim/SimWorld.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace unstuck;
using namespace unstuck::sim;
using namespace Qt::StringLiterals;

namespace {

// Waits for one asynchronous answer (the client never blocks; the test spins the loop).
CloudResponse wait(const std::function<void(CloudClient::Callback)>& start, int timeoutMs = 15000)
{
    std::optional<CloudResponse> out;
    start([&](const CloudResponse& r) { out = r; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, timeoutMs)) {
        CloudResponse timedOut;
        timedOut.error.kind = CloudError::Kind::Cancelled;
        timedOut.error.message = QStringLiteral("test: no answer within %1 ms").arg(timeoutMs);
        return timedOut;
    }
    return *out;
}

} // namespace

class TstCloudClient : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<SimServer> m_sim;
    CloudConnection m_connection;

    CloudWorld& world() { return m_sim->world().cloud(); }

    CloudResponse call(CloudClient& client, const QString& product, const QString& action,
                       const QMap<QString, QString>& params = {})
    {
        return wait(
            [&](CloudClient::Callback cb) { client.call(product, action, params, this, cb); });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        SimOptions options;
        options.scenario = u"seed"_s;
        options.stateDir = m_dir.path();
        options.reconcileIntervalMs = 200;
        m_sim = std::make_unique<SimServer>(options);
        QString error;
        QVERIFY2(m_sim->start(&error), qPrintable(error));
        // The profile the simulator writes is what the app loads.
        const auto profile =
            ConnectionProfile::load(m_sim->profilePath(), QProcessEnvironment(), &error);
        QVERIFY2(profile, qPrintable(error));
        QVERIFY(profile->hasCredentials());
        m_connection = profile->cloud;
        QCOMPARE(m_connection.credential.accessKeyId, world().userAccessKeyId());
        QVERIFY(m_connection.endpointOverride.startsWith(u"https://127.0.0.1:"_s));
        QVERIFY(!m_connection.caCertificatesPem.isEmpty());
    }

    void cleanupTestCase() { m_sim.reset(); }

    void bothSignatureVersions()
    {
        for (auto version :
             {CloudClient::SignatureVersion::V1, CloudClient::SignatureVersion::V3}) {
            CloudClient client(m_connection);
            client.setSignatureVersion(version);
            const CloudResponse r =
                call(client, u"vpc"_s, u"DescribeVpcAttribute"_s, {{u"VpcId"_s, world().vpcId()}});
            QVERIFY2(r.error.ok(), qPrintable(r.error.summary()));
            QCOMPARE(r.httpStatus, 200);
            QCOMPARE(r.json.value(u"VpcId"_s).toString(), world().vpcId());
            QCOMPARE(
                r.cli,
                u"aliyun vpc DescribeVpcAttribute --RegionId %1 --VpcId %2 --endpoint 127.0.0.1:%3"_s
                    .arg(world().regionId(), world().vpcId(), QString::number(m_sim->cloudPort())));
            const CloudResponse who = call(client, u"sts"_s, u"GetCallerIdentity"_s);
            QVERIFY2(who.error.ok(), qPrintable(who.error.summary()));
            QCOMPARE(who.json.value(u"IdentityType"_s).toString(), u"RAMUser"_s);
        }
    }

    void awkwardCharactersSurviveSigning()
    {
        // Percent-encoding is where signatures break: spaces, '*', '+', '~', '/', '&', '=', '%',
        // quotes and non-ASCII must reach the server exactly as signed, in both versions.
        const QString awkward = u"a b*c+d~e/f&g=h%i'j\"k é 中"_s;
        for (auto version :
             {CloudClient::SignatureVersion::V1, CloudClient::SignatureVersion::V3}) {
            CloudClient client(m_connection);
            client.setSignatureVersion(version);
            const CloudResponse r =
                call(client, u"vpc"_s, u"DescribeVpcs"_s, {{u"VpcName"_s, awkward}});
            QVERIFY2(r.error.ok(), qPrintable(r.error.summary()));
            QCOMPARE(r.json.value(u"TotalCount"_s).toInt(), 0); // the filter arrived intact
            const CloudResponse same =
                call(client, u"vpc"_s, u"DescribeVpcs"_s, {{u"VpcName"_s, u"k8s-vpc"_s}});
            QCOMPARE(same.json.value(u"TotalCount"_s).toInt(), 1);
        }
    }

    void tokenPagination()
    {
        CloudClient client(m_connection);
        const CloudResponse r = wait([&](CloudClient::Callback cb) {
            client.callAllPages(
                u"vpc"_s, u"DescribeRouteEntryList"_s,
                {{u"RouteTableId"_s, world().routeTableId()}, {u"MaxResult"_s, u"1"_s}},
                u"RouteEntrys.RouteEntry"_s, this, cb);
        });
        QVERIFY2(r.error.ok(), qPrintable(r.error.summary()));
        const int expected = int(world().account().vpc.routeTable.entries.size());
        QVERIFY(expected >= 3);
        QCOMPARE(r.json.value(u"RouteEntrys"_s).toObject().value(u"RouteEntry"_s).toArray().size(),
                 expected);
        QCOMPARE(r.attempts, expected); // one request per page of 1
    }

    void pageNumberPagination()
    {
        CloudClient client(m_connection);
        const CloudResponse r = wait([&](CloudClient::Callback cb) {
            client.callAllPages(u"ecs"_s, u"DescribeInstances"_s, {{u"PageSize"_s, u"1"_s}},
                                u"Instances.Instance"_s, this, cb);
        });
        QVERIFY2(r.error.ok(), qPrintable(r.error.summary()));
        const int expected = int(world().account().instances.size());
        QVERIFY(expected >= 2);
        QCOMPARE(r.json.value(u"Instances"_s).toObject().value(u"Instance"_s).toArray().size(),
                 expected);
        QCOMPARE(r.attempts, expected);
    }

    void throttlingIsRetried()
    {
        world().injectFault(SimFault{u"DescribeVpcs"_s, u"Throttling.User"_s, 400, QString(), 2});
        CloudClient client(m_connection);
        client.setRetryPolicy(3, 20);
        const CloudResponse r = call(client, u"vpc"_s, u"DescribeVpcs"_s);
        QVERIFY2(r.error.ok(), qPrintable(r.error.summary()));
        QCOMPARE(r.attempts, 3);
        QCOMPARE(r.json.value(u"Vpcs"_s).toObject().value(u"Vpc"_s).toArray().size(), 1);

        // Past the retry budget the throttling error reaches the caller, typed.
        world().injectFault(SimFault{u"DescribeVpcs"_s, u"Throttling.User"_s, 400, QString(), 5});
        client.setRetryPolicy(1, 10);
        const CloudResponse failed = call(client, u"vpc"_s, u"DescribeVpcs"_s);
        QCOMPARE(failed.error.code, u"Throttling.User"_s);
        QVERIFY(failed.error.isThrottling());
        QCOMPARE(failed.attempts, 2);
        world().account().faults.clear();
    }

    void wrongSecretIsSignatureDoesNotMatch()
    {
        for (auto version :
             {CloudClient::SignatureVersion::V1, CloudClient::SignatureVersion::V3}) {
            CloudConnection wrong = m_connection;
            wrong.credential.accessKeySecret = u"definitely-not-the-secret"_s;
            CloudClient client(wrong);
            client.setSignatureVersion(version);
            const CloudResponse r = call(client, u"vpc"_s, u"DescribeVpcs"_s);
            QCOMPARE(r.error.kind, CloudError::Kind::Api);
            QCOMPARE(r.error.code, u"SignatureDoesNotMatch"_s);
            QCOMPARE(r.error.httpStatus, 400);
            QVERIFY(!r.error.requestId.isEmpty());
            QVERIFY(!r.error.summary().contains(u"definitely-not-the-secret"_s));
        }
    }

    void unknownKey()
    {
        CloudConnection unknown = m_connection;
        unknown.credential.accessKeyId = u"LTAI5tNoSuchKey123456"_s;
        CloudClient client(unknown);
        const CloudResponse r = call(client, u"vpc"_s, u"DescribeVpcs"_s);
        QCOMPARE(r.error.code, u"InvalidAccessKeyId.NotFound"_s);
        QCOMPARE(r.error.httpStatus, 404);
    }

    void forbiddenRamCarriesAccessDeniedDetail()
    {
        // The user may not create a VPC: implicit deny, with the gateway's detail.
        CloudClient client(m_connection);
        const CloudResponse r =
            call(client, u"vpc"_s, u"CreateVpc"_s, {{u"CidrBlock"_s, u"10.0.0.0/8"_s}});
        QCOMPARE(r.error.code, u"Forbidden.RAM"_s);
        QCOMPARE(r.error.httpStatus, 403);
        const QJsonObject detail = r.error.accessDeniedDetailObject();
        QCOMPARE(detail.value(u"NoPermissionType"_s).toString(), u"ImplicitDeny"_s);
        QCOMPARE(detail.value(u"AuthAction"_s).toString(), u"vpc:CreateVpc"_s);
        QVERIFY(r.error.summary().contains(u"ImplicitDeny of vpc:CreateVpc"_s));
    }

    void dryRunCreateRouteEntry()
    {
        CloudClient client(m_connection);
        const CloudResponse r =
            call(client, u"vpc"_s, u"CreateRouteEntry"_s,
                 {{u"RouteTableId"_s, world().routeTableId()},
                  {u"DestinationCidrBlock"_s, world().brokenRouteCidr()},
                  {u"NextHopType"_s, u"Instance"_s},
                  {u"NextHopId"_s, world().account().instances.last().instanceId},
                  {u"DryRun"_s, u"true"_s}});
        QCOMPARE(r.error.code, u"DryRunOperation"_s);
    }

    void ramRoleArnAssumesRoleOnce()
    {
        CloudConnection viaRole = m_connection;
        viaRole.credential.roleArn = world().troubleshooterRoleArn();
        viaRole.credential.roleSessionName = u"unstuck-test"_s;
        CloudClient client(viaRole);
        const qsizetype before = world().account().calls.size();
        const CloudResponse who = call(client, u"sts"_s, u"GetCallerIdentity"_s);
        QVERIFY2(who.error.ok(), qPrintable(who.error.summary()));
        QCOMPARE(who.json.value(u"IdentityType"_s).toString(), u"AssumedRoleUser"_s);
        QVERIFY(who.json.value(u"Arn"_s).toString().endsWith(u"/unstuck-test"_s));
        QVERIFY(call(client, u"vpc"_s, u"DescribeVpcs"_s).error.ok());
        int assumeCalls = 0;
        for (qsizetype i = before; i < world().account().calls.size(); ++i)
            assumeCalls += world().account().calls.at(i).action == u"AssumeRole"_s;
        QCOMPARE(assumeCalls, 1); // the session is cached

        // A role the user is not trusted by: the error names the role.
        CloudConnection untrusted = m_connection;
        untrusted.credential.roleArn =
            u"acs:ram::%1:role/%2"_s.arg(world().accountId(), world().masterRoleName().toLower());
        CloudClient denied(untrusted);
        const CloudResponse r = call(denied, u"vpc"_s, u"DescribeVpcs"_s);
        QVERIFY(!r.error.ok());
        QVERIFY(r.error.message.contains(u"AssumeRole"_s));
    }

    void unreachableAndTimeout()
    {
        CloudConnection closed = m_connection;
        closed.endpointOverride = u"https://127.0.0.1:1"_s;
        CloudClient client(closed);
        client.setRetryPolicy(0, 10);
        const CloudResponse r = call(client, u"vpc"_s, u"DescribeVpcs"_s);
        QCOMPARE(r.error.kind, CloudError::Kind::Unreachable);
    }

    void silentServerTimesOut()
    {
        QTcpServer silent; // accepts, never answers (not even the TLS handshake)
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        CloudConnection slow = m_connection;
        slow.endpointOverride = u"https://127.0.0.1:%1"_s.arg(silent.serverPort());
        slow.timeoutMs = 300;
        CloudClient client(slow);
        client.setRetryPolicy(1, 10);
        const CloudResponse r = call(client, u"vpc"_s, u"DescribeVpcs"_s);
        QCOMPARE(r.error.kind, CloudError::Kind::Timeout);
        QCOMPARE(r.attempts, 2); // a read is retried once after a timeout
        QVERIFY(r.error.message.contains(u"300 ms"_s));
    }

    void serverErrorsAreRetriedForReadsOnly()
    {
        world().injectFault(
            SimFault{u"DescribeVpcs"_s, u"ServiceUnavailable"_s, 503, u"busy"_s, 1});
        CloudClient client(m_connection);
        client.setRetryPolicy(2, 10);
        const CloudResponse read = call(client, u"vpc"_s, u"DescribeVpcs"_s);
        QVERIFY2(read.error.ok(), qPrintable(read.error.summary()));
        QCOMPARE(read.attempts, 2);
        // A create is not repeated blindly after a 5xx: it may have happened.
        world().injectFault(SimFault{u"CreateRouteEntry"_s, u"InternalError"_s, 500, u"oops"_s, 1});
        const CloudResponse write =
            call(client, u"vpc"_s, u"CreateRouteEntry"_s,
                 {{u"RouteTableId"_s, world().routeTableId()},
                  {u"DestinationCidrBlock"_s, u"172.31.0.0/24"_s},
                  {u"NextHopId"_s, world().account().instances.last().instanceId}});
        QCOMPARE(write.error.code, u"InternalError"_s);
        QCOMPARE(write.error.httpStatus, 500);
        QCOMPARE(write.attempts, 1);
        world().account().faults.clear();
    }

    void endpointsPerProductAndRegion()
    {
        QCOMPARE(CloudClient::endpointFor(u"vpc"_s, u"cn-hangzhou"_s), u"vpc.aliyuncs.com"_s);
        QCOMPARE(CloudClient::endpointFor(u"vpc"_s, u"cn-beijing"_s),
                 u"vpc.cn-beijing.aliyuncs.com"_s);
        QCOMPARE(CloudClient::endpointFor(u"ecs"_s, u"cn-hangzhou"_s),
                 u"ecs-cn-hangzhou.aliyuncs.com"_s);
        QCOMPARE(CloudClient::endpointFor(u"ecs"_s, u"ap-southeast-1"_s),
                 u"ecs.ap-southeast-1.aliyuncs.com"_s);
        QCOMPARE(CloudClient::endpointFor(u"ram"_s, u"cn-beijing"_s), u"ram.aliyuncs.com"_s);
        QCOMPARE(CloudClient::endpointFor(u"sts"_s, u"cn-beijing"_s), u"sts.aliyuncs.com"_s);
        QCOMPARE(
            CloudClient::cliEquivalent(u"ram"_s, u"GetPolicyVersion"_s,
                                       {{u"PolicyName"_s, u"k8sMasterRolePolicy-x"_s},
                                        {u"PolicyType"_s, u"Custom"_s},
                                        {u"VersionId"_s, u"v2"_s}}),
            u"aliyun ram GetPolicyVersion --PolicyName k8sMasterRolePolicy-x --PolicyType Custom --VersionId v2"_s);
        QCOMPARE(CloudClient::cliEquivalent(u"ram"_s, u"CreatePolicyVersion"_s,
                                            {{u"PolicyDocument"_s, u"{\"a\": 'b'}"_s}}),
                 u"aliyun ram CreatePolicyVersion --PolicyDocument '{\"a\": '\\''b'\\''}'"_s);
    }

    void receiverDeathDropsCallback()
    {
        CloudClient client(m_connection);
        bool called = false;
        auto* receiver = new QObject;
        client.call(u"vpc"_s, u"DescribeVpcs"_s, {}, receiver,
                    [&](const CloudResponse&) { called = true; });
        delete receiver;
        // A later call on the same client completes: by then the first one has finished too.
        QVERIFY(call(client, u"vpc"_s, u"DescribeVpcs"_s).error.ok());
        QTest::qWait(50);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TstCloudClient)
#include "tst_cloudclient.moc"
