// SPDX-License-Identifier: GPL-3.0-or-later
// The simulator's Kubernetes API, spoken to over HTTPS like any client would: real field
// names, Status errors, selectors, pagination, the aggregator's 503, and the reconcilers.
#include "models/sim/KubeStore.h"
#include "models/sim/ScenarioBuilder.h"
#include "models/sim/SimServer.h"
#include "models/sim/SimWorld.h"
#include "sim/SimKubeClient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace unstuck::sim;
using namespace unstuck::test;

namespace {

QStringList names(const QJsonObject& list)
{
    QStringList out;
    for (const QJsonValue& item : list.value(QLatin1String("items")).toArray())
        out << item.toObject()
                   .value(QLatin1String("metadata"))
                   .toObject()
                   .value(QLatin1String("name"))
                   .toString();
    return out;
}

} // namespace

class TestKubeApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unknownScenarioIsRefusedWithTheValidNames()
    {
        SimOptions o;
        o.scenario = QStringLiteral("nope");
        QTemporaryDir dir;
        o.stateDir = dir.path();
        SimServer server(o);
        QString error;
        QVERIFY(!server.start(&error));
        QVERIFY(error.contains(QLatin1String("nope")));
        QVERIFY(error.contains(QLatin1String("backend-down")));
        QVERIFY(error.contains(QLatin1String("webhook-blocks-delete")));
    }

    void authenticationAcceptsCertTokenBasicAndRefusesTheRest()
    {
        Sim sim(QStringLiteral("seed"));
        QVERIFY(sim.ok);
        const QString path = QStringLiteral("/api/v1/namespaces");
        QCOMPARE(sim.request("GET", path, {}, {}, "application/json", Auth::ClientCert).status,
                 200);
        QCOMPARE(sim.request("GET", path, {}, {}, "application/json", Auth::Token).status, 200);
        QCOMPARE(sim.request("GET", path, {}, {}, "application/json", Auth::Basic).status, 200);
        const Answer none = sim.request("GET", path, {}, {}, "application/json", Auth::None);
        QCOMPARE(none.status, 401);
        QCOMPARE(none.json().value(QLatin1String("kind")).toString(), QStringLiteral("Status"));
        QCOMPARE(none.json().value(QLatin1String("reason")).toString(),
                 QStringLiteral("Unauthorized"));
        QCOMPARE(sim.request("GET", path, {}, {}, "application/json", Auth::WrongToken).status,
                 401);
        // /version is public, like system:public-info-viewer.
        QCOMPARE(
            sim.request("GET", QStringLiteral("/version"), {}, {}, "application/json", Auth::None)
                .status,
            200);
    }

    void stateFilesDescribeTheSimulator()
    {
        Sim sim(QStringLiteral("no-cloud-credentials"));
        QVERIFY(sim.ok);
        const QJsonObject info = sim.server->info();
        QVERIFY(QFile::exists(info.value(QLatin1String("kubeconfig")).toString()));
        QVERIFY(QFile::exists(info.value(QLatin1String("caFile")).toString()));
        QVERIFY(!info.value(QLatin1String("token")).toString().isEmpty());
        QCOMPARE(info.value(QLatin1String("basicAuth"))
                     .toObject()
                     .value(QLatin1String("username"))
                     .toString(),
                 QStringLiteral("admin"));
        QFile profile(sim.server->profilePath());
        QVERIFY(profile.open(QIODevice::ReadOnly));
        QCOMPARE(profile.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        const QJsonObject p = QJsonDocument::fromJson(profile.readAll()).object();
        QCOMPARE(p.value(QLatin1String("version")).toInt(), 1);
        QCOMPARE(p.value(QLatin1String("kubernetes"))
                     .toObject()
                     .value(QLatin1String("context"))
                     .toString(),
                 QStringLiteral("unstuck-sim"));
        QVERIFY(p.value(QLatin1String("cloud")).toObject().contains(QLatin1String("endpoint")));
        QVERIFY(!p.value(QLatin1String("cloud")).toObject().contains(QLatin1String("credentials")));
    }

    void openApiV2_describesDryRunForEveryWritableKind()
    {
        // kubectl up to 1.26 (Debian 12's is 1.20) reads /openapi/v2 before --dry-run=server and
        // create -f: a kind whose PATCH lacks the dryRun parameter "doesn't support dry-run".
        Sim sim(QStringLiteral("seed"));
        QVERIFY(sim.ok);
        const QJsonObject doc = sim.get(QStringLiteral("/openapi/v2")).json();
        QCOMPARE(doc.value(QLatin1String("swagger")).toString(), QStringLiteral("2.0"));
        const QJsonObject patch = doc.value(QLatin1String("paths"))
                                      .toObject()
                                      .value(QLatin1String("/api/v1/namespaces/{name}"))
                                      .toObject()
                                      .value(QLatin1String("patch"))
                                      .toObject();
        QCOMPARE(patch.value(QLatin1String("x-kubernetes-group-version-kind"))
                     .toObject()
                     .value(QLatin1String("kind"))
                     .toString(),
                 QStringLiteral("Namespace"));
        QVERIFY(QJsonDocument(patch.value(QLatin1String("parameters")).toArray())
                    .toJson()
                    .contains("\"dryRun\""));
        // The form kubectl asks for: protobuf, with a media type Go's MIME parser accepts.
        const Answer pb = sim.get(QStringLiteral("/openapi/v2"),
                                  "application/com.github.proto-openapi.spec.v2@v1.0+protobuf");
        QCOMPARE(pb.status, 200);
        QVERIFY2(pb.contentType.endsWith("+protobuf") && !pb.contentType.contains('@'),
                 pb.contentType.constData());
        QVERIFY(pb.body.contains("/apis/apiregistration.k8s.io/v1/apiservices/{name}"));
        QVERIFY(pb.body.contains("group: \"\"\nkind: Namespace\nversion: v1\n"));
        QVERIFY(pb.body.contains("dryRun"));
    }

    void objectsCarryRealFieldNames()
    {
        Sim sim(QStringLiteral("backend-down"));
        QVERIFY(sim.ok);
        const QJsonObject ns = sim.get(QStringLiteral("/api/v1/namespaces/tobedeletedb")).json();
        QCOMPARE(ns.value(QLatin1String("apiVersion")).toString(), QStringLiteral("v1"));
        QCOMPARE(ns.value(QLatin1String("kind")).toString(), QStringLiteral("Namespace"));
        const QJsonObject meta = ns.value(QLatin1String("metadata")).toObject();
        for (const char* field :
             {"uid", "resourceVersion", "creationTimestamp", "deletionTimestamp"})
            QVERIFY2(!meta.value(QLatin1String(field)).toString().isEmpty(), field);
        QCOMPARE(
            ns.value(QLatin1String("spec")).toObject().value(QLatin1String("finalizers")).toArray(),
            QJsonArray{QStringLiteral("kubernetes")});
        QCOMPARE(
            ns.value(QLatin1String("status")).toObject().value(QLatin1String("phase")).toString(),
            QStringLiteral("Terminating"));
        const QJsonObject discovery =
            sim.condition(ns, QStringLiteral("NamespaceDeletionDiscoveryFailure"));
        QCOMPARE(discovery.value(QLatin1String("status")).toString(), QStringLiteral("True"));
        QCOMPARE(discovery.value(QLatin1String("reason")).toString(),
                 QStringLiteral("DiscoveryFailed"));
        QCOMPARE(discovery.value(QLatin1String("message")).toString(),
                 QStringLiteral("Discovery failed for some groups, 1 failing: unable to retrieve "
                                "the complete list of server "
                                "APIs: metrics.k8s.io/v1beta1: stale GroupVersion discovery: "
                                "metrics.k8s.io/v1beta1"));
        QCOMPARE(sim.condition(ns, QStringLiteral("NamespaceContentRemaining"))
                     .value(QLatin1String("reason"))
                     .toString(),
                 QStringLiteral("ContentRemoved"));

        const QJsonObject list = sim.get(QStringLiteral("/api/v1/namespaces")).json();
        QCOMPARE(list.value(QLatin1String("kind")).toString(), QStringLiteral("NamespaceList"));
        QVERIFY(!list.value(QLatin1String("metadata"))
                     .toObject()
                     .value(QLatin1String("resourceVersion"))
                     .toString()
                     .isEmpty());
        QVERIFY(names(list).contains(QStringLiteral("kube-system")));

        const QJsonObject node =
            sim.get(QStringLiteral("/api/v1/nodes/cn-hangzhou.192.168.0.194")).json();
        QCOMPARE(
            node.value(QLatin1String("spec")).toObject().value(QLatin1String("podCIDR")).toString(),
            QStringLiteral("172.16.1.0/24"));
        QVERIFY(node.value(QLatin1String("spec"))
                    .toObject()
                    .value(QLatin1String("providerID"))
                    .toString()
                    .startsWith(QLatin1String("cn-hangzhou.i-bp1")));
    }

    void errorsAreStatusObjects()
    {
        Sim sim(QStringLiteral("healthy"));
        QVERIFY(sim.ok);
        const Answer missing = sim.get(QStringLiteral("/api/v1/namespaces/x"));
        QCOMPARE(missing.status, 404);
        const QJsonObject status = missing.json();
        QCOMPARE(status.value(QLatin1String("kind")).toString(), QStringLiteral("Status"));
        QCOMPARE(status.value(QLatin1String("status")).toString(), QStringLiteral("Failure"));
        QCOMPARE(status.value(QLatin1String("reason")).toString(), QStringLiteral("NotFound"));
        QCOMPARE(status.value(QLatin1String("message")).toString(),
                 QStringLiteral("namespaces \"x\" not found"));
        QCOMPARE(status.value(QLatin1String("code")).toInt(), 404);
        const Answer deploy =
            sim.get(QStringLiteral("/apis/apps/v1/namespaces/kube-system/deployments/nope"));
        QCOMPARE(deploy.json().value(QLatin1String("message")).toString(),
                 QStringLiteral("deployments.apps \"nope\" not found"));
        const Answer exists =
            sim.request("POST", QStringLiteral("/api/v1/namespaces"),
                        R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"shop"}})");
        QCOMPARE(exists.status, 409);
        QCOMPARE(exists.json().value(QLatin1String("reason")).toString(),
                 QStringLiteral("AlreadyExists"));
        QCOMPARE(sim.get(QStringLiteral("/apis/nothing.example.com/v1/things")).status, 404);
    }

    void selectorsFilterLists()
    {
        Sim sim(QStringLiteral("backend-down"));
        QVERIFY(sim.ok);
        QCOMPARE(names(sim.get(QStringLiteral(
                                   "/api/v1/namespaces?fieldSelector=status.phase%3DTerminating"))
                           .json()),
                 QStringList{QStringLiteral("tobedeletedb")});
        QCOMPARE(
            names(sim.get(QStringLiteral("/api/v1/namespaces?fieldSelector=metadata.name%3Dshop"))
                      .json()),
            QStringList{QStringLiteral("shop")});
        const QStringList dns = names(
            sim.get(QStringLiteral(
                        "/api/v1/namespaces/kube-system/pods?labelSelector=k8s-app%3Dkube-dns"))
                .json());
        QCOMPARE(dns.size(), 2);
        const QStringList onNode2 = names(
            sim.get(QStringLiteral(
                        "/api/v1/pods?fieldSelector=spec.nodeName%3Dcn-hangzhou.192.168.0.195"))
                .json());
        QVERIFY(!onNode2.isEmpty());
        for (const QString& pod : onNode2)
            QVERIFY(!pod.startsWith(QLatin1String("kube-apiserver")));
        const QStringList setBased = names(
            sim.get(QStringLiteral("/api/v1/pods?labelSelector=k8s-app%20in%20(kube-dns,nothing)"))
                .json());
        QCOMPARE(setBased, dns);
        const Answer slices = sim.get(
            QStringLiteral("/apis/discovery.k8s.io/v1/namespaces/kube-system/"
                           "endpointslices?labelSelector=kubernetes.io%2Fservice-name%3Dkube-dns"));
        QCOMPARE(slices.json().value(QLatin1String("items")).toArray().size(), 1);
    }

    void paginationWalksEveryItemOnce()
    {
        Sim sim(QStringLiteral("seed"));
        QVERIFY(sim.ok);
        const QStringList all = names(sim.get(QStringLiteral("/api/v1/pods")).json());
        QVERIFY(all.size() > 4);
        QStringList paged;
        QString cont;
        int pages = 0;
        do {
            QString path = QStringLiteral("/api/v1/pods?limit=3");
            if (!cont.isEmpty())
                path += QStringLiteral("&continue=") +
                        QString::fromLatin1(QUrl::toPercentEncoding(cont));
            const QJsonObject page = sim.get(path).json();
            QVERIFY(page.value(QLatin1String("items")).toArray().size() <= 3);
            paged << names(page);
            cont = page.value(QLatin1String("metadata"))
                       .toObject()
                       .value(QLatin1String("continue"))
                       .toString();
            ++pages;
        } while (!cont.isEmpty() && pages < 20);
        QCOMPARE(paged, all);
        QVERIFY(pages >= 2);
    }

    void unavailableGroupAnswers503PlainText()
    {
        Sim sim(QStringLiteral("backend-down"));
        QVERIFY(sim.ok);
        const Answer gv = sim.get(QStringLiteral("/apis/metrics.k8s.io/v1beta1"));
        QCOMPARE(gv.status, 503);
        QVERIFY(gv.contentType.startsWith("text/plain"));
        QCOMPARE(gv.body, QByteArray("service unavailable\n"));
        QCOMPARE(sim.get(QStringLiteral("/apis/metrics.k8s.io/v1beta1/nodes")).status, 503);
        // The legacy group list still lists it; aggregated discovery marks it Stale.
        QVERIFY(sim.get(QStringLiteral("/apis")).body.contains("\"metrics.k8s.io\""));
        const Answer v2 =
            sim.get(QStringLiteral("/apis"),
                    "application/"
                    "json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json");
        QCOMPARE(
            v2.contentType,
            QByteArray("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"));
        bool stale = false;
        for (const QJsonValue& g : v2.json().value(QLatin1String("items")).toArray())
            if (g.toObject()
                    .value(QLatin1String("metadata"))
                    .toObject()
                    .value(QLatin1String("name"))
                    .toString() == QLatin1String("metrics.k8s.io"))
                stale = g.toObject()
                            .value(QLatin1String("versions"))
                            .toArray()
                            .first()
                            .toObject()
                            .value(QLatin1String("freshness"))
                            .toString() == QLatin1String("Stale");
        QVERIFY(stale);
    }

    void tableOutputForKubectl()
    {
        Sim sim(QStringLiteral("seed"));
        QVERIFY(sim.ok);
        const QJsonObject table =
            sim.get(QStringLiteral("/api/v1/namespaces"),
                    "application/json;as=Table;v=v1;g=meta.k8s.io,application/json")
                .json();
        QCOMPARE(table.value(QLatin1String("kind")).toString(), QStringLiteral("Table"));
        QStringList columns;
        for (const QJsonValue& c : table.value(QLatin1String("columnDefinitions")).toArray())
            columns << c.toObject().value(QLatin1String("name")).toString();
        QCOMPARE(columns, (QStringList{QStringLiteral("Name"), QStringLiteral("Status"),
                                       QStringLiteral("Age")}));
        bool terminating = false;
        for (const QJsonValue& r : table.value(QLatin1String("rows")).toArray()) {
            const QJsonArray cells = r.toObject().value(QLatin1String("cells")).toArray();
            if (cells.at(0).toString() == QLatin1String("tobedeletedb"))
                terminating = cells.at(1).toString() == QLatin1String("Terminating");
        }
        QVERIFY(terminating);
    }

    void scenariosProduceTheirApiServiceReason_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("apiService");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("seed") << "seed"
                              << "v1beta1.metrics.k8s.io"
                              << "FailedDiscoveryCheck"
                              << "dial tcp 172.16.1.12:4443: i/o timeout";
        QTest::newRow("healthy") << "healthy"
                                 << "v1beta1.metrics.k8s.io"
                                 << "Passed"
                                 << "all checks passed";
        QTest::newRow("backend-down") << "backend-down"
                                      << "v1beta1.metrics.k8s.io"
                                      << "MissingEndpoints"
                                      << "endpoints for service/metrics-server in \"kube-system\" "
                                         "have no addresses with port name \"https\"";
        QTest::newRow("stale-apiservice")
            << "stale-apiservice"
            << "v1beta1.metrics.k8s.io"
            << "ServiceNotFound"
            << "service/metrics-server in \"kube-system\" is not present";
        QTest::newRow("custom-aggregated-api") << "custom-aggregated-api"
                                               << "v1alpha3.subresources.kubevirt.io"
                                               << "FailedDiscoveryCheck"
                                               << "connect: connection refused";
        QTest::newRow("custom-metrics-fine") << "custom-aggregated-api"
                                             << "v1beta1.metrics.k8s.io"
                                             << "Passed"
                                             << "all checks passed";
        QTest::newRow("route-missing") << "route-missing"
                                       << "v1beta1.metrics.k8s.io"
                                       << "FailedDiscoveryCheck"
                                       << "i/o timeout";
        QTest::newRow("finalizers-remaining") << "finalizers-remaining"
                                              << "v1beta1.metrics.k8s.io"
                                              << "Passed"
                                              << "all checks passed";
        QTest::newRow("no-cloud-credentials") << "no-cloud-credentials"
                                              << "v1beta1.metrics.k8s.io"
                                              << "FailedDiscoveryCheck"
                                              << "i/o timeout";
    }

    void scenariosProduceTheirApiServiceReason()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, apiService);
        QFETCH(QString, reason);
        QFETCH(QString, messagePart);
        Sim sim(scenario);
        QVERIFY(sim.ok);
        const QJsonObject available = sim.apiServiceAvailable(apiService);
        QCOMPARE(available.value(QLatin1String("reason")).toString(), reason);
        QVERIFY2(available.value(QLatin1String("message")).toString().contains(messagePart),
                 qPrintable(available.value(QLatin1String("message")).toString()));
        QCOMPARE(available.value(QLatin1String("status")).toString(),
                 reason == QLatin1String("Passed") ? QStringLiteral("True")
                                                   : QStringLiteral("False"));
    }

    void namespaceGoesOnceTheApiServiceIsDeleted()
    {
        Sim sim(QStringLiteral("backend-down"));
        QVERIFY(sim.ok);
        QCOMPARE(sim.get(QStringLiteral("/api/v1/namespaces/tobedeletedb")).status, 200);
        // The controller keeps failing, and says so in the KCM log.
        QTRY_VERIFY_WITH_TIMEOUT(
            sim.get(QStringLiteral("/api/v1/namespaces/kube-system/pods/") +
                    QLatin1String(ScenarioBuilder::kKcmPod) + QStringLiteral("/log?tailLines=1"))
                .body.contains("deletion of namespace tobedeletedb failed: unable to retrieve the "
                               "complete list of server APIs"),
            3000);
        const Answer deleted = sim.request(
            "DELETE",
            QStringLiteral("/apis/apiregistration.k8s.io/v1/apiservices/v1beta1.metrics.k8s.io"));
        QCOMPARE(deleted.status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(sim.get(QStringLiteral("/api/v1/namespaces/tobedeletedb")).status,
                                  404, 5000);
    }

    void scalingTheBackendUpHealsTheChain()
    {
        Sim sim(QStringLiteral("backend-down"));
        QVERIFY(sim.ok);
        const Answer scaled = sim.request(
            "PATCH",
            QStringLiteral("/apis/apps/v1/namespaces/kube-system/deployments/metrics-server/scale"),
            R"({"spec":{"replicas":1}})", "application/merge-patch+json");
        QCOMPARE(scaled.status, 200);
        QCOMPARE(scaled.json().value(QLatin1String("kind")).toString(), QStringLiteral("Scale"));
        QTRY_COMPARE_WITH_TIMEOUT(sim.apiServiceAvailable(QStringLiteral("v1beta1.metrics.k8s.io"))
                                      .value(QLatin1String("reason"))
                                      .toString(),
                                  QStringLiteral("Passed"), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(sim.get(QStringLiteral("/api/v1/namespaces/tobedeletedb")).status,
                                  404, 5000);
        QCOMPARE(sim.get(QStringLiteral("/apis/metrics.k8s.io/v1beta1/nodes"))
                     .json()
                     .value(QLatin1String("kind"))
                     .toString(),
                 QStringLiteral("NodeMetricsList"));
    }

    void deletedPodComesBackUnderANewName()
    {
        Sim sim(QStringLiteral("healthy"));
        QVERIFY(sim.ok);
        const QString selector = QStringLiteral(
            "/api/v1/namespaces/kube-system/pods?labelSelector=k8s-app%3Dmetrics-server");
        const QStringList before = names(sim.get(selector).json());
        QCOMPARE(before.size(), 1);
        QCOMPARE(sim.request("DELETE", QStringLiteral("/api/v1/namespaces/kube-system/pods/") +
                                           before.first())
                     .status,
                 200);
        QTRY_VERIFY_WITH_TIMEOUT(names(sim.get(selector).json()).size() == 1 &&
                                     names(sim.get(selector).json()) != before,
                                 3000);
        const QJsonObject pod =
            sim.get(selector).json().value(QLatin1String("items")).toArray().first().toObject();
        QCOMPARE(
            pod.value(QLatin1String("status")).toObject().value(QLatin1String("phase")).toString(),
            QStringLiteral("Running"));
        QVERIFY(pod.value(QLatin1String("status"))
                    .toObject()
                    .value(QLatin1String("podIP"))
                    .toString()
                    .startsWith(QLatin1String("172.16.")));
    }

    void rolloutRestartReplacesThePods()
    {
        Sim sim(QStringLiteral("seed"));
        QVERIFY(sim.ok);
        const QString selector = QStringLiteral(
            "/api/v1/namespaces/kube-system/pods?labelSelector=k8s-app%3Dmetrics-server");
        const QStringList before = names(sim.get(selector).json());
        QCOMPARE(before.size(), 1);
        const Answer patched = sim.request(
            "PATCH",
            QStringLiteral("/apis/apps/v1/namespaces/kube-system/deployments/metrics-server"),
            R"({"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2026-11-27T00:00:00Z"}}}}})",
            "application/strategic-merge-patch+json");
        QCOMPARE(patched.status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(names(sim.get(selector).json()).size() == 1 &&
                                     names(sim.get(selector).json()) != before,
                                 3000);
        // Still on node 2, whose pod CIDR has no route in the seed: the restart does not heal.
        const QJsonObject pod =
            sim.get(selector).json().value(QLatin1String("items")).toArray().first().toObject();
        QCOMPARE(
            pod.value(QLatin1String("spec")).toObject().value(QLatin1String("nodeName")).toString(),
            QLatin1String(ScenarioBuilder::kWorkerNode1));
        QTRY_COMPARE_WITH_TIMEOUT(sim.apiServiceAvailable(QStringLiteral("v1beta1.metrics.k8s.io"))
                                      .value(QLatin1String("reason"))
                                      .toString(),
                                  QStringLiteral("FailedDiscoveryCheck"), 3000);
    }

    void createdNamespaceStaysTerminatingWhileDiscoveryFails()
    {
        Sim sim(QStringLiteral("backend-down"));
        QVERIFY(sim.ok);
        QCOMPARE(sim.request("POST", QStringLiteral("/api/v1/namespaces"),
                             R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"demo"}})")
                     .status,
                 201);
        const Answer first = sim.request("DELETE", QStringLiteral("/api/v1/namespaces/demo"));
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json()
                     .value(QLatin1String("status"))
                     .toObject()
                     .value(QLatin1String("phase"))
                     .toString(),
                 QStringLiteral("Terminating"));
        const QString stamp = first.json()
                                  .value(QLatin1String("metadata"))
                                  .toObject()
                                  .value(QLatin1String("deletionTimestamp"))
                                  .toString();
        QTest::qWait(400);
        const Answer again = sim.request("DELETE", QStringLiteral("/api/v1/namespaces/demo"));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json()
                     .value(QLatin1String("metadata"))
                     .toObject()
                     .value(QLatin1String("deletionTimestamp"))
                     .toString(),
                 stamp);
        // Content cannot be created in it any more.
        const Answer forbidden =
            sim.request("POST", QStringLiteral("/api/v1/namespaces/demo/configmaps"),
                        R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"}})");
        QCOMPARE(forbidden.status, 403);
        // Force-finalizing removes it.
        const Answer finalized = sim.request(
            "PUT", QStringLiteral("/api/v1/namespaces/demo/finalize"),
            R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"demo"},"spec":{"finalizers":[]}})");
        QCOMPARE(finalized.status, 200);
        QCOMPARE(sim.get(QStringLiteral("/api/v1/namespaces/demo")).status, 404);
    }

    void finalizersRemainingUntilPatchedAway()
    {
        Sim sim(QStringLiteral("finalizers-remaining"));
        QVERIFY(sim.ok);
        const QJsonObject ns = sim.get(QStringLiteral("/api/v1/namespaces/tobedeletedb")).json();
        QCOMPARE(sim.condition(ns, QStringLiteral("NamespaceFinalizersRemaining"))
                     .value(QLatin1String("message"))
                     .toString(),
                 QStringLiteral("Some content in the namespace has finalizers remaining: "
                                "example.com/cleanup in 1 resource instances"));
        QCOMPARE(sim.condition(ns, QStringLiteral("NamespaceContentRemaining"))
                     .value(QLatin1String("message"))
                     .toString(),
                 QStringLiteral(
                     "Some resources are remaining: backups.example.com has 1 resource instances"));
        QCOMPARE(sim.condition(ns, QStringLiteral("NamespaceDeletionDiscoveryFailure"))
                     .value(QLatin1String("status"))
                     .toString(),
                 QStringLiteral("False"));
        const QString cr =
            QStringLiteral("/apis/example.com/v1/namespaces/tobedeletedb/backups/nightly");
        QVERIFY(!sim.get(cr)
                     .json()
                     .value(QLatin1String("metadata"))
                     .toObject()
                     .value(QLatin1String("deletionTimestamp"))
                     .toString()
                     .isEmpty());
        const Answer patched =
            sim.request("PATCH", cr, R"([{"op":"remove","path":"/metadata/finalizers"}])",
                        "application/json-patch+json");
        QCOMPARE(patched.status, 200);
        QCOMPARE(sim.get(cr).status, 404);
        QTRY_COMPARE_WITH_TIMEOUT(sim.get(QStringLiteral("/api/v1/namespaces/tobedeletedb")).status,
                                  404, 5000);
    }

    void webhookBlocksContentDeletion()
    {
        Sim sim(QStringLiteral("webhook-blocks-delete"));
        QVERIFY(sim.ok);
        const QJsonObject failure =
            sim.condition(sim.get(QStringLiteral("/api/v1/namespaces/tobedeletedb")).json(),
                          QStringLiteral("NamespaceDeletionContentFailure"));
        QCOMPARE(failure.value(QLatin1String("status")).toString(), QStringLiteral("True"));
        QCOMPARE(failure.value(QLatin1String("reason")).toString(),
                 QStringLiteral("ContentDeletionFailed"));
        QVERIFY(failure.value(QLatin1String("message"))
                    .toString()
                    .startsWith(QLatin1String("Failed to delete all resource types, 1 remaining: "
                                              "Internal error occurred: failed calling webhook "
                                              "\"validate.policy-guard.example.com\"")));
        const Answer del = sim.request(
            "DELETE", QStringLiteral("/api/v1/namespaces/tobedeletedb/configmaps/app-config"));
        QCOMPARE(del.status, 500);
        QCOMPARE(del.json().value(QLatin1String("reason")).toString(),
                 QStringLiteral("InternalError"));
        QCOMPARE(
            sim.request("DELETE", QStringLiteral("/apis/admissionregistration.k8s.io/v1/"
                                                 "validatingwebhookconfigurations/policy-guard"))
                .status,
            200);
        QTRY_COMPARE_WITH_TIMEOUT(sim.get(QStringLiteral("/api/v1/namespaces/tobedeletedb")).status,
                                  404, 5000);
    }

    void podLogsAreTextWithTailAndTimestamps()
    {
        Sim sim(QStringLiteral("seed"));
        QVERIFY(sim.ok);
        const QString base = QStringLiteral("/api/v1/namespaces/kube-system/pods/") +
                             QLatin1String(ScenarioBuilder::kKcmPod) + QStringLiteral("/log");
        const Answer all = sim.get(base, "*/*");
        QCOMPARE(all.status, 200);
        QVERIFY(all.contentType.startsWith("text/plain"));
        QVERIFY(all.body.count('\n') >= 2);
        const Answer tail = sim.get(base + QStringLiteral("?tailLines=1&timestamps=true"), "*/*");
        QCOMPARE(tail.body.count('\n'), 1);
        QVERIFY(QDateTime::fromString(QString::fromLatin1(tail.body.left(tail.body.indexOf(' '))),
                                      Qt::ISODateWithMs)
                    .isValid());
    }

    void selfSubjectAccessReviewAllowsTheAdmin()
    {
        Sim sim(QStringLiteral("seed"));
        QVERIFY(sim.ok);
        const Answer review = sim.request(
            "POST", QStringLiteral("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"),
            R"({"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectAccessReview","spec":{"resourceAttributes":{"verb":"delete","group":"apiregistration.k8s.io","resource":"apiservices"}}})");
        QCOMPARE(review.status, 201);
        QCOMPARE(review.json()
                     .value(QLatin1String("status"))
                     .toObject()
                     .value(QLatin1String("allowed"))
                     .toBool(),
                 true);
    }

    void injectedFaultsAndDelays()
    {
        Sim sim(QStringLiteral("healthy"));
        QVERIFY(sim.ok);
        sim.server->injectFault(QStringLiteral("/api/v1/nodes"), 429, 1, 3);
        const Answer limited = sim.get(QStringLiteral("/api/v1/nodes"));
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.header("Retry-After"), QByteArray("3"));
        QCOMPARE(limited.json().value(QLatin1String("reason")).toString(),
                 QStringLiteral("TooManyRequests"));
        QCOMPARE(sim.get(QStringLiteral("/api/v1/nodes")).status, 200);
        sim.server->setPathDelay(QStringLiteral("/api/v1/namespaces"), 400);
        QElapsedTimer t;
        t.start();
        QCOMPARE(sim.get(QStringLiteral("/api/v1/namespaces")).status, 200);
        QVERIFY(t.elapsed() >= 350);
    }

    void watchStreamsChanges()
    {
        Sim sim(QStringLiteral("backend-down"));
        QVERIFY(sim.ok);
        const QString rv = sim.get(QStringLiteral("/api/v1/namespaces"))
                               .json()
                               .value(QLatin1String("metadata"))
                               .toObject()
                               .value(QLatin1String("resourceVersion"))
                               .toString();
        QNetworkReply* reply = sim.watch(
            QStringLiteral(
                "/api/v1/"
                "namespaces?watch=true&fieldSelector=metadata.name%3Ddemo&resourceVersion=") +
            rv);
        QByteArray events;
        connect(reply, &QNetworkReply::readyRead, reply, [&] { events += reply->readAll(); });
        QTest::qWait(200);
        QCOMPARE(sim.request("POST", QStringLiteral("/api/v1/namespaces"),
                             R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"demo"}})")
                     .status,
                 201);
        QTRY_VERIFY_WITH_TIMEOUT(events.contains("\"type\":\"ADDED\""), 3000);
        QCOMPARE(sim.request("DELETE", QStringLiteral("/api/v1/namespaces/demo")).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(
            events.contains("\"type\":\"MODIFIED\"") && events.contains("Terminating"), 3000);
        QVERIFY(!events.contains("tobedeletedb"));
        const QJsonObject first =
            QJsonDocument::fromJson(events.left(events.indexOf('\n'))).object();
        QCOMPARE(
            first.value(QLatin1String("object")).toObject().value(QLatin1String("kind")).toString(),
            QStringLiteral("Namespace"));
        reply->abort();
        reply->deleteLater();
    }

    void latencyDelaysEveryAnswer()
    {
        SimOptions o;
        o.scenario = QStringLiteral("healthy");
        QTemporaryDir dir;
        o.stateDir = dir.path();
        o.latencyMs = 300;
        SimServer server(o);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QNetworkAccessManager nam;
        QNetworkRequest req(
            QUrl(QStringLiteral("https://127.0.0.1:%1/version").arg(server.kubePort())));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(
            QSslCertificate::fromData(server.caCertificatePem().toLatin1(), QSsl::Pem));
        req.setSslConfiguration(tls);
        QElapsedTimer t;
        t.start();
        QNetworkReply* reply = nam.get(req);
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(5000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY(t.elapsed() >= 280);
        reply->deleteLater();
    }

    void deletingADeploymentTakesItsPodsAndEndpoints()
    {
        Sim sim(QStringLiteral("healthy"));
        QVERIFY(sim.ok);
        QCOMPARE(sim.request("DELETE",
                             QStringLiteral(
                                 "/apis/apps/v1/namespaces/kube-system/deployments/metrics-server"))
                     .status,
                 200);
        QTRY_VERIFY_WITH_TIMEOUT(
            names(sim.get(QStringLiteral("/api/v1/namespaces/kube-system/"
                                         "pods?labelSelector=k8s-app%3Dmetrics-server"))
                      .json())
                .isEmpty(),
            3000);
        QTRY_COMPARE_WITH_TIMEOUT(sim.apiServiceAvailable(QStringLiteral("v1beta1.metrics.k8s.io"))
                                      .value(QLatin1String("reason"))
                                      .toString(),
                                  QStringLiteral("MissingEndpoints"), 3000);
        // New namespaces get the root CA ConfigMap and names are validated.
        QCOMPARE(
            sim.request("POST", QStringLiteral("/api/v1/namespaces"),
                        R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"Bad_Name"}})")
                .status,
            422);
        QCOMPARE(
            sim.request("POST", QStringLiteral("/api/v1/namespaces"),
                        R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"fresh"}})")
                .status,
            201);
        QCOMPARE(
            sim.get(QStringLiteral("/api/v1/namespaces/fresh/configmaps/kube-root-ca.crt")).status,
            200);
    }

    // How long generation takes is measured by scripts/bench-diagnose.sh, not asserted here.
    void largeClusterHasEveryNodeAndNamespace()
    {
        SimWorld world;
        QString error;
        QVERIFY(ScenarioBuilder::build(QStringLiteral("seed"), world.kube(), &error));
        ScenarioBuilder::addLargeCluster(world.kube(), 2000, 200);
        QCOMPARE(world.kube().list(QStringLiteral("nodes")).size(), 2003);
        int terminating = 0;
        for (const QJsonObject& ns : world.kube().list(QStringLiteral("namespaces")))
            terminating += ns.value(QLatin1String("status"))
                               .toObject()
                               .value(QLatin1String("phase"))
                               .toString() == QLatin1String("Terminating");
        QCOMPARE(terminating, 21); // tobedeletedb + every tenth
    }
};

QTEST_GUILESS_MAIN(TestKubeApi)
#include "tst_kubeapi.moc"
