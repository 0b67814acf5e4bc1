// SPDX-License-Identifier: GPL-3.0-or-later
// The simulator's cloud side without the network: CloudApi::handle() on hand-made requests,
// the world CloudWorld builds from a cluster, and the route controller sim acting on it.
#include "models/cloud/AcsSigner.h"
#include "models/sim/CloudApi.h"
#include "models/sim/CloudWorld.h"
#include "models/sim/KubeStore.h"
#include "models/sim/RouteControllerSim.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>
#include <memory>

using namespace unstuck;
using namespace unstuck::sim;
using namespace Qt::StringLiterals;

namespace {

QJsonObject node(const QString& name, const QString& ip, const QString& cidr,
                 const QString& instance, bool master)
{
    QJsonObject labels{{u"kubernetes.io/hostname"_s, name}};
    if (master)
        labels.insert(u"node-role.kubernetes.io/master"_s, QString());
    return QJsonObject{
        {u"apiVersion"_s, u"v1"_s},
        {u"kind"_s, u"Node"_s},
        {u"metadata"_s, QJsonObject{{u"name"_s, name}, {u"labels"_s, labels}}},
        {u"spec"_s,
         QJsonObject{{u"podCIDR"_s, cidr}, {u"providerID"_s, u"cn-hangzhou."_s + instance}}},
        {u"status"_s,
         QJsonObject{{u"addresses"_s,
                      QJsonArray{QJsonObject{{u"type"_s, u"InternalIP"_s}, {u"address"_s, ip}}}},
                     {u"conditions"_s,
                      QJsonArray{QJsonObject{{u"type"_s, u"NetworkUnavailable"_s},
                                             {u"status"_s, u"False"_s},
                                             {u"reason"_s, u"RouteCreated"_s},
                                             {u"message"_s, u"RouteController created a route"_s}},
                                 QJsonObject{{u"type"_s, u"Ready"_s}, {u"status"_s, u"True"_s}}}}}},
    };
}

QJsonObject pod(const QString& ns, const QString& name, const QString& nodeName,
                const QJsonObject& labels)
{
    return QJsonObject{
        {u"apiVersion"_s, u"v1"_s},
        {u"kind"_s, u"Pod"_s},
        {u"metadata"_s,
         QJsonObject{{u"name"_s, name}, {u"namespace"_s, ns}, {u"labels"_s, labels}}},
        {u"spec"_s, QJsonObject{{u"nodeName"_s, nodeName}}}};
}

void buildCluster(KubeStore& kube)
{
    kube.put(u"nodes"_s, node(u"cn-hangzhou.192.168.0.193"_s, u"192.168.0.193"_s,
                              u"172.16.0.0/24"_s, u"i-bp1master0000000001"_s, true));
    kube.put(u"nodes"_s, node(u"cn-hangzhou.192.168.0.194"_s, u"192.168.0.194"_s,
                              u"172.16.1.0/24"_s, u"i-bp1worker0000000001"_s, false));
    kube.put(u"nodes"_s, node(u"cn-hangzhou.192.168.0.195"_s, u"192.168.0.195"_s,
                              u"172.16.2.0/24"_s, u"i-bp1worker0000000002"_s, false));
    kube.put(u"pods"_s, pod(u"kube-system"_s, u"metrics-server-7d9c8f6b5-x2x4k"_s,
                            u"cn-hangzhou.192.168.0.194"_s, {{u"k8s-app"_s, u"metrics-server"_s}}));
    kube.put(u"pods"_s,
             pod(u"kube-system"_s, u"cloud-controller-manager-8qw2x"_s,
                 u"cn-hangzhou.192.168.0.193"_s, {{u"app"_s, u"cloud-controller-manager"_s}}));
}

// A V1-signed GET, as the POP SDKs send it.
HttpRequest signedV1(const QString& keyId, const QString& secret, const QString& action,
                     const QString& version, QMap<QString, QString> params,
                     const QString& token = {})
{
    params.insert(u"Action"_s, action);
    params.insert(u"Version"_s, version);
    params.insert(u"Format"_s, u"JSON"_s);
    params.insert(u"AccessKeyId"_s, keyId);
    params.insert(u"SignatureMethod"_s, u"HMAC-SHA1"_s);
    params.insert(u"SignatureVersion"_s, u"1.0"_s);
    params.insert(u"SignatureNonce"_s, QUuid::createUuid().toString(QUuid::WithoutBraces));
    params.insert(u"Timestamp"_s,
                  QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-ddTHH:mm:ssZ"_s));
    if (!token.isEmpty())
        params.insert(u"SecurityToken"_s, token);
    const QByteArray signature =
        AcsSigner::v1Signature(AcsSigner::v1StringToSign("GET", params), secret);
    HttpRequest request;
    request.method = "GET";
    request.path = u"/"_s;
    request.rawTarget = "/?" + AcsSigner::canonicalQuery(params) +
                        "&Signature=" + AcsSigner::percentEncode(QString::fromLatin1(signature));
    request.headers.insert("host", "127.0.0.1");
    return request;
}

// A V3-signed POST with a form body, as the Tea SDKs send it.
HttpRequest signedV3(const QString& keyId, const QString& secret, const QString& action,
                     const QString& version, const QMap<QString, QString>& query,
                     const QMap<QString, QString>& form)
{
    HttpRequest request;
    request.method = "POST";
    request.path = u"/"_s;
    request.rawTarget = "/?" + AcsSigner::canonicalQuery(query);
    request.body = AcsSigner::canonicalQuery(form);
    request.headers.insert("host", "127.0.0.1:1234");
    request.headers.insert("content-type", "application/x-www-form-urlencoded");
    request.headers.insert("x-acs-action", action.toLatin1());
    request.headers.insert("x-acs-version", version.toLatin1());
    request.headers.insert(
        "x-acs-date",
        QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-ddTHH:mm:ssZ"_s).toLatin1());
    request.headers.insert("x-acs-signature-nonce", QUuid::createUuid().toByteArray(QUuid::Id128));
    request.headers.insert("x-acs-content-sha256", AcsSigner::sha256Hex(request.body));
    AcsSigner::Headers headers;
    for (auto it = request.headers.constBegin(); it != request.headers.constEnd(); ++it)
        headers.append({it.key(), it.value()});
    const QByteArrayList signedHeaders = AcsSigner::v3DefaultSignedHeaders(headers);
    const QByteArray canonical = AcsSigner::v3CanonicalRequest(
        "POST", u"/"_s, query, headers, signedHeaders, AcsSigner::sha256Hex(request.body));
    request.headers.insert(
        "authorization", AcsSigner::v3Authorization(
                             keyId, signedHeaders,
                             AcsSigner::v3Signature(AcsSigner::v3StringToSign(canonical), secret)));
    return request;
}

QJsonObject body(const HttpResponse& response)
{
    return QJsonDocument::fromJson(response.body).object();
}

} // namespace

class TstCloudApi : public QObject
{
    Q_OBJECT
private:
    // A fresh world per test: some tests change it (the route controller's heal writes a policy
    // version), and none may depend on another's order.
    std::unique_ptr<KubeStore> m_kube;
    std::unique_ptr<CloudWorld> m_world;

    QJsonObject asUser(const QString& action, const QString& product,
                       const QMap<QString, QString>& params, int* status = nullptr)
    {
        CloudApi api(*m_world);
        const HttpResponse r =
            api.handle(signedV1(m_world->userAccessKeyId(), m_world->userAccessKeySecret(), action,
                                CloudApi::versionOf(product), params));
        if (status)
            *status = r.status;
        return body(r);
    }

private Q_SLOTS:
    void init()
    {
        m_kube = std::make_unique<KubeStore>();
        m_world = std::make_unique<CloudWorld>();
        buildCluster(*m_kube);
        m_world->populate(u"seed"_s, *m_kube);
    }

    void seedWorldShape()
    {
        QVERIFY(m_world->vpcId().startsWith(u"vpc-"_s));
        QVERIFY(m_world->routeTableId().startsWith(u"vtb-"_s));
        QVERIFY(m_world->masterRoleName().startsWith(u"KubernetesMasterRole-"_s));
        QVERIFY(m_world->masterPolicyName().startsWith(u"k8sMasterRolePolicy-"_s));
        QCOMPARE(m_world->brokenRouteNode(), u"cn-hangzhou.192.168.0.194"_s);
        QCOMPARE(m_world->brokenRouteCidr(), u"172.16.1.0/24"_s);
        QVERIFY(!m_world->routesToInstance(u"172.16.1.12"_s, u"i-bp1worker0000000001"_s));
        QVERIFY(m_world->routesToInstance(u"172.16.2.7"_s, u"i-bp1worker0000000002"_s));
        QVERIFY(!m_world->routesToInstance(u"172.16.2.7"_s, u"i-bp1worker0000000001"_s));
        QVERIFY(!m_world->routesToInstance(u"10.1.2.3"_s, u"i-bp1worker0000000002"_s));
    }

    void userReadsRoutesWithV1()
    {
        int status = 0;
        const QJsonObject json = asUser(
            u"DescribeRouteEntryList"_s, u"vpc"_s,
            {{u"RouteTableId"_s, m_world->routeTableId()}, {u"MaxResult"_s, u"100"_s}}, &status);
        QCOMPARE(status, 200);
        QVERIFY(!json.value(u"RequestId"_s).toString().isEmpty());
        const QJsonArray entries =
            json.value(u"RouteEntrys"_s).toObject().value(u"RouteEntry"_s).toArray();
        QCOMPARE(entries.size(), 4); // 2 system + 2 node routes (the 172.16.1.0/24 one is missing)
    }

    void userReadsPolicyWithV3()
    {
        CloudApi api(*m_world);
        const HttpResponse r = api.handle(signedV3(
            m_world->userAccessKeyId(), m_world->userAccessKeySecret(), u"GetPolicy"_s,
            u"2015-05-01"_s, {},
            {{u"PolicyName"_s, m_world->masterPolicyName()}, {u"PolicyType"_s, u"Custom"_s}}));
        QCOMPARE(r.status, 200);
        const QJsonObject policy = body(r).value(u"Policy"_s).toObject();
        QCOMPARE(policy.value(u"DefaultVersion"_s).toString(), u"v2"_s);
        QVERIFY(policy.value(u"PolicyDocument"_s).toString().contains(u"Deny"_s));
    }

    void wrongSecretIsSignatureDoesNotMatch()
    {
        CloudApi api(*m_world);
        const HttpResponse r = api.handle(signedV1(m_world->userAccessKeyId(), u"not-the-secret"_s,
                                                   u"DescribeVpcs"_s, u"2016-04-28"_s, {}));
        QCOMPARE(r.status, 400);
        QCOMPARE(body(r).value(u"Code"_s).toString(), u"SignatureDoesNotMatch"_s);
        QVERIFY(body(r)
                    .value(u"Message"_s)
                    .toString()
                    .contains(u"server string to sign is:GET&%2F&"_s));
        const HttpResponse v3 =
            api.handle(signedV3(m_world->userAccessKeyId(), u"nope"_s, u"DescribeVpcs"_s,
                                u"2016-04-28"_s, {{u"RegionId"_s, u"cn-hangzhou"_s}}, {}));
        QCOMPARE(body(v3).value(u"Code"_s).toString(), u"SignatureDoesNotMatch"_s);
    }

    void unknownKey()
    {
        CloudApi api(*m_world);
        const HttpResponse r = api.handle(
            signedV1(u"LTAI5tUnknownKey000000"_s, u"x"_s, u"DescribeVpcs"_s, u"2016-04-28"_s, {}));
        QCOMPARE(r.status, 404);
        QCOMPARE(body(r).value(u"Code"_s).toString(), u"InvalidAccessKeyId.NotFound"_s);
    }

    void replayedNonceIsRefused()
    {
        CloudApi api(*m_world);
        const HttpRequest request =
            signedV1(m_world->userAccessKeyId(), m_world->userAccessKeySecret(), u"DescribeVpcs"_s,
                     u"2016-04-28"_s, {});
        QCOMPARE(api.handle(request).status, 200);
        QCOMPARE(body(api.handle(request)).value(u"Code"_s).toString(), u"SignatureNonceUsed"_s);
    }

    void roleIsDeniedByTheSeedPolicy()
    {
        CloudApi api(*m_world);
        const SimAccessKey role = m_world->roleSession(m_world->masterRoleName(), u"test"_s);
        const HttpResponse r = api.callAs(role, u"DescribeRouteTableList"_s, u"2016-04-28"_s,
                                          {{u"VpcId"_s, m_world->vpcId()}});
        QCOMPARE(r.status, 403);
        const QJsonObject json = body(r);
        QCOMPARE(json.value(u"Code"_s).toString(), u"Forbidden.RAM"_s);
        const QJsonObject detail = json.value(u"AccessDeniedDetail"_s).toObject();
        QCOMPARE(detail.value(u"NoPermissionType"_s).toString(), u"ExplicitDeny"_s);
        QCOMPARE(detail.value(u"AuthAction"_s).toString(), u"vpc:DescribeRouteTableList"_s);
        QCOMPARE(detail.value(u"AuthPrincipalType"_s).toString(), u"AssumedRoleUser"_s);
        // The diagnostic decodes (as the user) to the statement that denied.
        const QJsonObject decoded =
            asUser(u"DecodeDiagnosticMessage"_s, u"ram"_s,
                   {{u"EncodedDiagnosticMessage"_s,
                     detail.value(u"EncodedDiagnosticMessage"_s).toString()}});
        const QJsonObject diag =
            QJsonDocument::fromJson(
                decoded.value(u"DecodedDiagnosticMessage"_s).toString().toUtf8())
                .object();
        const QJsonObject matched = diag.value(u"MatchedPolicies"_s).toArray().first().toObject();
        QCOMPARE(matched.value(u"PolicyName"_s).toString(), m_world->masterPolicyName());
        QCOMPARE(matched.value(u"PolicyVersion"_s).toString(), u"v2"_s);
        QCOMPARE(matched.value(u"StatementIndex"_s).toInt(), 2);
        // A session without its token is refused.
        SimAccessKey tokenless = role;
        tokenless.securityToken.clear();
        QCOMPARE(body(api.callAs(tokenless, u"DescribeVpcs"_s, u"2016-04-28"_s, {}))
                     .value(u"Code"_s)
                     .toString(),
                 u"InvalidSecurityToken.Mismatch"_s);
    }

    void routeControllerFailsThenHeals()
    {
        RouteControllerSim controller(*m_kube, *m_world);
        controller.syncNow();
        const QStringList log =
            m_kube->podLog(u"kube-system"_s, u"cloud-controller-manager-8qw2x"_s);
        QVERIFY(!log.isEmpty());
        QVERIFY2(
            log.first().contains(
                u"route_controller.go:383] sync route tables error: get RouteTables: can not found route table by id[], error: error describe vpc: "_s +
                m_world->vpcId()),
            qPrintable(log.first()));
        QVERIFY(log.join(u'\n').contains(u"ErrorCode: Forbidden.RAM"_s));
        bool syncEvent = false, createEvent = false;
        for (const QJsonObject& e : m_kube->list(u"events"_s, u"default"_s)) {
            const QString reason = e.value(u"reason"_s).toString();
            const QJsonObject involved = e.value(u"involvedObject"_s).toObject();
            syncEvent = syncEvent || (reason == u"SyncRouteFailed"_s &&
                                      involved.value(u"name"_s) == u"route-controller"_s);
            createEvent =
                createEvent || (reason == u"CreateRouteFailed"_s &&
                                involved.value(u"name"_s).toString() == m_world->brokenRouteNode());
        }
        QVERIFY(syncEvent);
        QVERIFY(createEvent);
        // Repeated failures do not flood the namespace: similar events are combined.
        for (int i = 0; i < 15; ++i)
            controller.syncNow();
        int syncEvents = 0, combinedCount = 0;
        for (const QJsonObject& e : m_kube->list(u"events"_s, u"default"_s))
            if (e.value(u"reason"_s).toString() == u"SyncRouteFailed"_s) {
                ++syncEvents;
                if (e.value(u"message"_s)
                        .toString()
                        .startsWith(u"(combined from similar events)"_s))
                    combinedCount = e.value(u"count"_s).toInt();
            }
        QCOMPARE(syncEvents, 11);
        QCOMPARE(combinedCount, 6);
        auto condition = [&](const QString& nodeName) {
            for (const QJsonValue& c : m_kube->get(u"nodes"_s, {}, nodeName)
                                           ->value(u"status"_s)
                                           .toObject()
                                           .value(u"conditions"_s)
                                           .toArray())
                if (c.toObject().value(u"type"_s) == u"NetworkUnavailable"_s)
                    return c.toObject().value(u"reason"_s).toString();
            return QString();
        };
        QCOMPARE(condition(m_world->brokenRouteNode()), u"NoRouteCreated"_s);
        QCOMPARE(condition(u"cn-hangzhou.192.168.0.195"_s), u"RouteCreated"_s);

        // The user restores an allowing version through the API, as the fix does.
        const QString allow = m_world->account()
                                  .policies.value(m_world->masterPolicyName())
                                  .version(u"v1"_s)
                                  ->document;
        int status = 0;
        const QJsonObject created =
            asUser(u"CreatePolicyVersion"_s, u"ram"_s,
                   {{u"PolicyName"_s, m_world->masterPolicyName()}, {u"PolicyDocument"_s, allow}},
                   &status);
        QCOMPARE(status, 200);
        const QString versionId =
            created.value(u"PolicyVersion"_s).toObject().value(u"VersionId"_s).toString();
        QCOMPARE(versionId, u"v3"_s);
        asUser(u"SetDefaultPolicyVersion"_s, u"ram"_s,
               {{u"PolicyName"_s, m_world->masterPolicyName()}, {u"VersionId"_s, versionId}},
               &status);
        QCOMPARE(status, 200);

        controller.syncNow();
        QVERIFY(m_world->routesToInstance(u"172.16.1.12"_s, u"i-bp1worker0000000001"_s));
        QCOMPARE(condition(m_world->brokenRouteNode()), u"RouteCreated"_s);
        QVERIFY(m_kube->podLog(u"kube-system"_s, u"cloud-controller-manager-8qw2x"_s)
                    .last()
                    .contains(u"Created route for"_s));
    }

    void malformedPolicyVersionIsRefusedPrecisely()
    {
        int status = 0;
        const QJsonObject json = asUser(
            u"CreatePolicyVersion"_s, u"ram"_s,
            {{u"PolicyName"_s, m_world->masterPolicyName()},
             {u"PolicyDocument"_s,
              uR"({"Version":"1","Statement":[{"Effect":"Alow","Action":"vpc:*","Resource":"*"}]})"_s}},
            &status);
        QCOMPARE(status, 400);
        QCOMPARE(json.value(u"Code"_s).toString(), u"MalformedPolicyDocument"_s);
        QVERIFY(json.value(u"Message"_s).toString().contains(u"Statement 1: \"Effect\""_s));
    }

    void dryRunCreatesNothing()
    {
        int status = 0;
        const int before = m_world->account().vpc.routeTable.entries.size();
        const QJsonObject json = asUser(u"CreateRouteEntry"_s, u"vpc"_s,
                                        {{u"RouteTableId"_s, m_world->routeTableId()},
                                         {u"DestinationCidrBlock"_s, u"172.16.9.0/24"_s},
                                         {u"NextHopId"_s, u"i-bp1worker0000000002"_s},
                                         {u"DryRun"_s, u"true"_s}},
                                        &status);
        QCOMPARE(json.value(u"Code"_s).toString(), u"DryRunOperation"_s);
        QCOMPARE(m_world->account().vpc.routeTable.entries.size(), before);
    }

    void largeClusterPagesRoutes()
    {
        KubeStore kube;
        for (int i = 0; i < 2000; ++i)
            kube.put(u"nodes"_s,
                     node(u"node-%1"_s.arg(i), u"192.168.%1.%2"_s.arg(i / 250).arg(i % 250 + 2),
                          u"10.%1.%2.0/24"_s.arg(i / 256).arg(i % 256),
                          u"i-large%1"_s.arg(i, 6, 10, QLatin1Char('0')), i == 0));
        CloudWorld world;
        world.populate(u"healthy"_s, kube);
        CloudApi api(world);
        int total = 0, pages = 0;
        QString token;
        do {
            QMap<QString, QString> params{{u"RouteTableId"_s, world.routeTableId()},
                                          {u"RouteEntryType"_s, u"Custom"_s},
                                          {u"MaxResult"_s, u"500"_s}};
            if (!token.isEmpty())
                params.insert(u"NextToken"_s, token);
            const QJsonObject json =
                body(api.handle(signedV1(world.userAccessKeyId(), world.userAccessKeySecret(),
                                         u"DescribeRouteEntryList"_s, u"2016-04-28"_s, params)));
            const int n =
                json.value(u"RouteEntrys"_s).toObject().value(u"RouteEntry"_s).toArray().size();
            QVERIFY(n <= 500); // the route controller's page size is served as asked
            total += n;
            ++pages;
            token = json.value(u"NextToken"_s).toString();
        } while (!token.isEmpty());
        QCOMPARE(total, 2000);
        QCOMPARE(pages, 4);
        const QJsonObject instances = body(api.handle(
            signedV1(world.userAccessKeyId(), world.userAccessKeySecret(), u"DescribeInstances"_s,
                     u"2014-05-26"_s, {{u"PageNumber"_s, u"3"_s}, {u"PageSize"_s, u"100"_s}})));
        QCOMPARE(instances.value(u"TotalCount"_s).toInt(), 2000);
        QCOMPARE(instances.value(u"Instances"_s).toObject().value(u"Instance"_s).toArray().size(),
                 100);

        // The controller pages through 2000 routes and puts back the one deleted by hand.
        world.account().vpc.routeTable.entries.removeIf(
            [](const SimRouteEntry& e) { return e.destinationCidrBlock == u"10.3.7.0/24"_s; });
        QVERIFY(!world.routesToInstance(u"10.3.7.9"_s, u"i-large000775"_s));
        RouteControllerSim controller(kube, world);
        QElapsedTimer clock;
        clock.start();
        controller.syncNow();
        qInfo("route sync over 2000 nodes took %lld ms", clock.elapsed());
        QVERIFY(world.routesToInstance(u"10.3.7.9"_s, u"i-large000775"_s));
    }
};

QTEST_GUILESS_MAIN(TstCloudApi)
#include "tst_cloudapi.moc"
