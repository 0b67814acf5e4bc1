// SPDX-License-Identifier: GPL-3.0-or-later
// The seed incident heals by itself once the root cause is fixed the way a person would fix
// it: a new version of the master role's RAM policy with the vpc statement back to Allow, made
// the default through the RAM API (CloudClient against the running simulator). Nothing here
// is scripted by time: the route controller sim finds the policy allows again, re-creates the
// route, the aggregator sees the route, discovery completes and the namespace goes away.
#include "models/cloud/CloudClient.h"
#include "models/cloud/ConnectionProfile.h"
#include "models/sim/CloudWorld.h"
#include "models/sim/KubeStore.h"
#include "models/sim/SimServer.h"
#include "models/sim/SimWorld.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace unstuck;
using namespace unstuck::sim;
using namespace Qt::StringLiterals;

namespace {

std::optional<CloudResponse> waitFor(const std::function<void(CloudClient::Callback)>& start)
{
    std::optional<CloudResponse> out;
    start([&](const CloudResponse& r) { out = r; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 15000))
        return std::nullopt;
    return out;
}

QString conditionReason(const KubeStore& kube, const QString& nodeName)
{
    const auto node = kube.get(u"nodes"_s, {}, nodeName);
    if (!node)
        return {};
    for (const QJsonValue& c : node->value(u"status"_s).toObject().value(u"conditions"_s).toArray())
        if (c.toObject().value(u"type"_s).toString() == u"NetworkUnavailable"_s)
            return c.toObject().value(u"reason"_s).toString();
    return {};
}

QString apiServiceAvailable(const KubeStore& kube)
{
    const auto service =
        kube.get(u"apiservices.apiregistration.k8s.io"_s, {}, u"v1beta1.metrics.k8s.io"_s);
    if (!service)
        return u"missing"_s;
    for (const QJsonValue& c :
         service->value(u"status"_s).toObject().value(u"conditions"_s).toArray())
        if (c.toObject().value(u"type"_s).toString() == u"Available"_s)
            return c.toObject().value(u"status"_s).toString();
    return {};
}

QString ccmLog(const KubeStore& kube)
{
    for (const QJsonObject& pod : kube.list(u"pods"_s, u"kube-system"_s)) {
        const QString name = pod.value(u"metadata"_s).toObject().value(u"name"_s).toString();
        if (name.startsWith(u"cloud-controller-manager"_s))
            return kube.podLog(u"kube-system"_s, name).join(u'\n');
    }
    return {};
}

} // namespace

class TstSeedHeals : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void healsAfterThePolicyIsFixedThroughTheRamApi()
    {
        QTemporaryDir dir;
        SimOptions options;
        options.scenario = u"seed"_s;
        options.stateDir = dir.path();
        options.reconcileIntervalMs = 100;
        SimServer sim(options);
        QString error;
        QVERIFY2(sim.start(&error), qPrintable(error));
        KubeStore& kube = sim.world().kube();
        CloudWorld& cloud = sim.world().cloud();
        const QString brokenNode = cloud.brokenRouteNode();
        QVERIFY(!brokenNode.isEmpty());

        // Broken: the route controller is denied by RAM and says so where people look.
        QTRY_COMPARE_WITH_TIMEOUT(conditionReason(kube, brokenNode), u"NoRouteCreated"_s, 10000);
        QVERIFY(ccmLog(kube).contains(u"ErrorCode: Forbidden.RAM"_s));
        QCOMPARE(apiServiceAvailable(kube), u"False"_s);
        QVERIFY(kube.get(u"namespaces"_s, {}, u"tobedeletedb"_s).has_value());
        QString brokenInstance;
        for (const QJsonObject& node : kube.list(u"nodes"_s))
            if (node.value(u"metadata"_s).toObject().value(u"name"_s).toString() == brokenNode)
                brokenInstance = node.value(u"spec"_s)
                                     .toObject()
                                     .value(u"providerID"_s)
                                     .toString()
                                     .section(u'.', 1);
        QVERIFY(!cloud.routesToInstance(u"172.16.1.12"_s, brokenInstance));

        // The fix, as the app applies it: read the policy in force, turn Deny into Allow, publish
        // it as a new version and make that the default.
        const auto profile =
            ConnectionProfile::load(sim.profilePath(), QProcessEnvironment(), &error);
        QVERIFY2(profile && profile->hasCredentials(), qPrintable(error));
        CloudClient client(profile->cloud);
        const QString policyName = cloud.masterPolicyName();
        auto policy = waitFor([&](CloudClient::Callback cb) {
            client.call(u"ram"_s, u"GetPolicy"_s,
                        {{u"PolicyName"_s, policyName}, {u"PolicyType"_s, u"Custom"_s}}, this, cb);
        });
        QVERIFY(policy && policy->error.ok());
        const QJsonObject inForce = policy->json.value(u"DefaultPolicyVersion"_s).toObject();
        QCOMPARE(inForce.value(u"VersionId"_s).toString(), u"v2"_s);
        QJsonObject document =
            QJsonDocument::fromJson(inForce.value(u"PolicyDocument"_s).toString().toUtf8())
                .object();
        QJsonArray statements = document.value(u"Statement"_s).toArray();
        for (qsizetype i = 0; i < statements.size(); ++i) {
            QJsonObject s = statements.at(i).toObject();
            if (s.value(u"Effect"_s).toString() == u"Deny"_s)
                s.insert(u"Effect"_s, u"Allow"_s);
            statements.replace(i, s);
        }
        document.insert(u"Statement"_s, statements);
        const auto created = waitFor([&](CloudClient::Callback cb) {
            client.call(u"ram"_s, u"CreatePolicyVersion"_s,
                        {{u"PolicyName"_s, policyName},
                         {u"PolicyDocument"_s, QString::fromUtf8(QJsonDocument(document).toJson(
                                                   QJsonDocument::Compact))}},
                        this, cb);
        });
        QVERIFY(created);
        QVERIFY2(created->error.ok(), qPrintable(created->error.summary()));
        const QString newVersion =
            created->json.value(u"PolicyVersion"_s).toObject().value(u"VersionId"_s).toString();
        QCOMPARE(newVersion, u"v3"_s);
        // Not yet the default: nothing changes.
        QCOMPARE(conditionReason(kube, brokenNode), u"NoRouteCreated"_s);
        const auto setDefault = waitFor([&](CloudClient::Callback cb) {
            client.call(u"ram"_s, u"SetDefaultPolicyVersion"_s,
                        {{u"PolicyName"_s, policyName}, {u"VersionId"_s, newVersion}}, this, cb);
        });
        QVERIFY(setDefault && setDefault->error.ok());

        // Healing, each link in turn.
        QTRY_COMPARE_WITH_TIMEOUT(conditionReason(kube, brokenNode), u"RouteCreated"_s, 15000);
        bool routeBack = false;
        for (const SimRouteEntry& e : cloud.account().vpc.routeTable.entries)
            routeBack = routeBack || e.destinationCidrBlock == cloud.brokenRouteCidr();
        QVERIFY(routeBack);
        // A new route entry is Pending for a while (SimOptions::routePendingMs) before it routes.
        QTRY_VERIFY_WITH_TIMEOUT(cloud.routesToInstance(u"172.16.1.12"_s, brokenInstance), 5000);
        QVERIFY(ccmLog(kube).contains(
            u"Created route for %1 with %2"_s.arg(brokenNode, cloud.brokenRouteCidr())));
        QTRY_COMPARE_WITH_TIMEOUT(apiServiceAvailable(kube), u"True"_s, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(!kube.get(u"namespaces"_s, {}, u"tobedeletedb"_s).has_value(),
                                 20000);
    }
};

QTEST_GUILESS_MAIN(TstSeedHeals)
#include "tst_seedheals.moc"
