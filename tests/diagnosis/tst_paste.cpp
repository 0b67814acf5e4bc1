// SPDX-License-Identifier: GPL-3.0-or-later
// Pasted ticket text: real captures from public issue threads plus the variety people paste.
#include "models/sources/OfflineSources.h"
#include "models/sources/PasteSource.h"
#include "models/tickets/TicketParser.h"
#include "models/tickets/YamlToJson.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace unstuck;

namespace {

QString fixture(const QString& name)
{
    return QStringLiteral(UNSTUCK_FIXTURES "/paste/") + name;
}

TicketFacts parse(const QString& name)
{
    TicketFacts facts;
    QString error;
    if (!TicketParser::parsePath(fixture(name), &facts, &error))
        qWarning("%s", qPrintable(error));
    return facts;
}

SourceQuery kube(const QString& path)
{
    SourceQuery q;
    q.path = path;
    return q;
}

SourceQuery cloud(const QString& product, const QString& action)
{
    SourceQuery q;
    q.kind = SourceQuery::Kind::Cloud;
    q.product = product;
    q.action = action;
    return q;
}

QJsonObject condition(const QJsonObject& object, const QString& type)
{
    const QJsonArray conditions =
        object[QStringLiteral("status")][QStringLiteral("conditions")].toArray();
    for (const QJsonValue& c : conditions)
        if (c[QStringLiteral("type")].toString() == type)
            return c.toObject();
    return {};
}

} // namespace

class TestPaste : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void truncatedStatusFragment_becomesTerminatingNamespaceWithDiscoveryFailure()
    {
        PasteSource source(
            parse(QStringLiteral("captures/01-discovery-failure-namespace-status.fragment.json")),
            QStringLiteral("01"));
        const SourceAnswer list = source.answer(
            kube(QStringLiteral("/api/v1/namespaces?fieldSelector=status.phase%3DTerminating")));
        QVERIFY2(list.ok(), qPrintable(list.message));
        const QJsonArray items = list.json[QStringLiteral("items")].toArray();
        QCOMPARE(items.size(), 1);
        const QJsonObject discovery =
            condition(items[0].toObject(), QStringLiteral("NamespaceDeletionDiscoveryFailure"));
        QCOMPARE(discovery[QStringLiteral("reason")].toString(), QStringLiteral("DiscoveryFailed"));
        QVERIFY(list.origin.contains(QLatin1String("01-discovery-failure")));

        const SourceAnswer gv = source.answer(kube(QStringLiteral("/apis/metrics.k8s.io/v1beta1")));
        QCOMPARE(gv.error, QStringLiteral("unavailable"));
        QCOMPARE(gv.status, 503);
        QCOMPARE(gv.message,
                 QStringLiteral("the server is currently unable to handle the request"));
    }

    void apiServiceTableWithoutHeader_givesServiceNotFound()
    {
        PasteSource source(
            parse(QStringLiteral("captures/05-apiservice-table-servicenotfound-kubevirt.txt")),
            QStringLiteral("05"));
        const SourceAnswer one = source.answer(kube(QStringLiteral(
            "/apis/apiregistration.k8s.io/v1/apiservices/v1alpha3.subresources.kubevirt.io")));
        QVERIFY2(one.ok(), qPrintable(one.message));
        const QJsonObject available = condition(one.json, QStringLiteral("Available"));
        QCOMPARE(available[QStringLiteral("status")].toString(), QStringLiteral("False"));
        QCOMPARE(available[QStringLiteral("reason")].toString(), QStringLiteral("ServiceNotFound"));
        QCOMPARE(one.json[QStringLiteral("spec")][QStringLiteral("service")][QStringLiteral("name")]
                     .toString(),
                 QStringLiteral("virt-api"));
        const SourceAnswer all =
            source.answer(kube(QStringLiteral("/apis/apiregistration.k8s.io/v1/apiservices")));
        QCOMPARE(all.json[QStringLiteral("items")].toArray().size(), 2);
    }

    void describeConditionRowsWithoutHeader_keepFinalizerNames()
    {
        const TicketFacts facts =
            parse(QStringLiteral("captures/08-finalizers-remaining-describe-cert-manager.txt"));
        QCOMPARE(facts.objects.size(), 1);
        const QJsonObject ns = facts.objects.first().object;
        QCOMPARE(ns[QStringLiteral("kind")].toString(), QStringLiteral("Namespace"));
        const QJsonObject finalizers =
            condition(ns, QStringLiteral("NamespaceFinalizersRemaining"));
        QCOMPARE(finalizers[QStringLiteral("status")].toString(), QStringLiteral("True"));
        QVERIFY(finalizers[QStringLiteral("message")].toString().contains(
            QLatin1String("finalizer.acme.cert-manager.io in 1 resource instances")));
        QCOMPARE(ns[QStringLiteral("metadata")][QStringLiteral("annotations")]
                   [QStringLiteral("unstuck.dev/name-unknown")]
                       .toString(),
                 QStringLiteral("true"));
    }

    void singleConditionObject_isContentFailureOfANamespace()
    {
        const TicketFacts facts = parse(
            QStringLiteral("captures/12-content-failure-conversion-webhook-cert-manager.json"));
        QCOMPARE(facts.objects.size(), 1);
        const QJsonObject content = condition(facts.objects.first().object,
                                              QStringLiteral("NamespaceDeletionContentFailure"));
        QCOMPARE(content[QStringLiteral("reason")].toString(),
                 QStringLiteral("ContentDeletionFailed"));
        QVERIFY(content[QStringLiteral("message")].toString().contains(
            QLatin1String("conversion webhook")));
    }

    void foldedYamlStatus_namesTheApiServiceFromItsUrl()
    {
        PasteSource source(
            parse(QStringLiteral(
                "captures/15-apiservice-status-faileddiscovery-client-timeout.yaml")),
            QStringLiteral("15"));
        const SourceAnswer a = source.answer(kube(
            QStringLiteral("/apis/apiregistration.k8s.io/v1/apiservices/v1beta1.metrics.k8s.io")));
        QVERIFY2(a.ok(), qPrintable(a.message));
        const QJsonObject available = condition(a.json, QStringLiteral("Available"));
        QCOMPARE(available[QStringLiteral("reason")].toString(),
                 QStringLiteral("FailedDiscoveryCheck"));
        QVERIFY(available[QStringLiteral("message")].toString().contains(
            QLatin1String("request canceled (Client.Timeout exceeded while awaiting headers)")));
    }

    void apiServiceDescribe_givesServiceAndMissingEndpoints()
    {
        PasteSource source(
            parse(QStringLiteral("captures/18-apiservice-describe-missing-endpoints.txt")),
            QStringLiteral("18"));
        const SourceAnswer a = source.answer(kube(
            QStringLiteral("/apis/apiregistration.k8s.io/v1/apiservices/v1beta1.metrics.k8s.io")));
        QVERIFY2(a.ok(), qPrintable(a.message));
        const QJsonObject service =
            a.json[QStringLiteral("spec")][QStringLiteral("service")].toObject();
        QCOMPARE(service[QStringLiteral("namespace")].toString(), QStringLiteral("kube-system"));
        QCOMPARE(service[QStringLiteral("name")].toString(), QStringLiteral("metrics-server"));
        QCOMPARE(service[QStringLiteral("port")].toInt(), 443);
        const QJsonObject available = condition(a.json, QStringLiteral("Available"));
        QCOMPARE(available[QStringLiteral("reason")].toString(),
                 QStringLiteral("MissingEndpoints"));
        QCOMPARE(available[QStringLiteral("message")].toString(),
                 QStringLiteral("endpoints for service/metrics-server in \"kube-system\" have no "
                                "addresses with port name \"https\""));
    }

    void journaldKcmLog_isTheControllerManagersLog()
    {
        PasteSource source(
            parse(QStringLiteral("captures/21-kcm-log-namespace-controller-discovery-k3s.log")),
            QStringLiteral("21"));
        const SourceAnswer pods =
            source.answer(kube(QStringLiteral("/api/v1/namespaces/kube-system/pods")));
        QVERIFY2(pods.ok(), qPrintable(pods.message));
        const QString pod = pods.json[QStringLiteral("items")][0][QStringLiteral("metadata")]
                                     [QStringLiteral("name")]
                                         .toString();
        QVERIFY(pod.startsWith(QLatin1String("kube-controller-manager")));
        const SourceAnswer log =
            source.answer(kube(QStringLiteral("/api/v1/namespaces/kube-system/pods/") + pod +
                               QStringLiteral("/log?tailLines=200")));
        QVERIFY(log.ok());
        QVERIFY(log.body.startsWith("E0803 10:51:55.509313"));
        QVERIFY(log.body.contains("deletion of namespace helm-ns-413 failed"));
        QCOMPARE(source.answer(kube(QStringLiteral("/apis/metrics.k8s.io/v1beta1"))).error,
                 QStringLiteral("unavailable"));
    }

    void ccmLog_isAttributedToTheCloudControllerManager()
    {
        const TicketFacts facts =
            parse(QStringLiteral("captures/29-alibaba-ccm-create-route-failure.log"));
        QCOMPARE(facts.logs.size(), 4);
        for (const auto& line : facts.logs)
            QCOMPARE(line.component, QStringLiteral("cloud-controller-manager"));
        QVERIFY(facts.logs.last().line.contains(QLatin1String("OperationFailed.InvalidNexthop")));
    }

    void kubectlErrorAndTrace_areRecognised()
    {
        const TicketFacts error =
            parse(QStringLiteral("captures/34-kubectl-api-resources-discovery-error.txt"));
        QCOMPARE(error.discoveryFailures.size(), 1);
        QCOMPARE(error.discoveryFailures.first().groupVersion,
                 QStringLiteral("metrics.k8s.io/v1beta1"));

        PasteSource trace(parse(QStringLiteral("captures/36-get-api-apiversions-response.log")),
                          QStringLiteral("36"));
        const SourceAnswer api = trace.answer(kube(QStringLiteral("/api")));
        QVERIFY2(api.ok(), qPrintable(api.message));
        QCOMPARE(api.json[QStringLiteral("kind")].toString(), QStringLiteral("APIVersions"));
    }

    void foldedYamlMessage_listsEveryFailingGroup()
    {
        PasteSource source(parse(QStringLiteral("variety/ns-tobedeletedb.yaml")),
                           QStringLiteral("ns"));
        const SourceAnswer ns =
            source.answer(kube(QStringLiteral("/api/v1/namespaces/tobedeletedb")));
        QVERIFY2(ns.ok(), qPrintable(ns.message));
        QCOMPARE(ns.json[QStringLiteral("spec")][QStringLiteral("finalizers")][0].toString(),
                 QStringLiteral("kubernetes"));
        QCOMPARE(source.facts().discoveryFailures.size(), 2);
        const SourceAnswer custom =
            source.answer(kube(QStringLiteral("/apis/custom.metrics.k8s.io/v1beta1")));
        QCOMPARE(custom.error, QStringLiteral("unavailable"));
        QCOMPARE(custom.message,
                 QStringLiteral("stale GroupVersion discovery: custom.metrics.k8s.io/v1beta1"));
    }

    void describeWithWrappedMessage_isJoined()
    {
        PasteSource source(parse(QStringLiteral("variety/describe-ns-wrapped.txt")),
                           QStringLiteral("d"));
        const SourceAnswer ns =
            source.answer(kube(QStringLiteral("/api/v1/namespaces/payments-old")));
        QVERIFY2(ns.ok(), qPrintable(ns.message));
        QCOMPARE(ns.json[QStringLiteral("status")][QStringLiteral("phase")].toString(),
                 QStringLiteral("Terminating"));
        const QJsonObject discovery =
            condition(ns.json, QStringLiteral("NamespaceDeletionDiscoveryFailure"));
        QVERIFY2(discovery[QStringLiteral("message")].toString().endsWith(
                     QLatin1String("the server is currently unable to handle the request")),
                 qPrintable(discovery[QStringLiteral("message")].toString()));
        QCOMPARE(condition(ns.json,
                           QStringLiteral("NamespaceFinalizersRemaining"))[QStringLiteral("reason")]
                     .toString(),
                 QStringLiteral("ContentHasNoFinalizers"));
    }

    // The indentation of a line under a condition row decides whether it continues the row's
    // message (kubectl wraps long messages at the message column) or ends the table.
    void describeContinuation_joinsOnlyLinesIndentedPastTheRow()
    {
        const QString text = QStringLiteral(
            "Name:         shop\n"
            "Status:       Terminating\n"
            "Conditions:\n"
            "  Type                               Status  LastTransitionTime               "
            "Reason           Message\n"
            "  ----                               ------  ------------------               "
            "------           -------\n"
            "  NamespaceDeletionDiscoveryFailure  True    Wed, 25 Nov 2026 10:02:11 +0800  "
            "DiscoveryFailed  Discovery failed for some groups, 1 failing:\n"
            "                                                                              "
            "                 metrics.k8s.io/v1beta1: stale GroupVersion discovery\n"
            "    a note the poster added\n");
        TicketFacts facts;
        TicketParser::parseText(text, QStringLiteral("d.txt"), &facts);
        QVERIFY(!facts.objects.isEmpty());
        const QJsonObject discovery = condition(
            facts.objects.first().object, QStringLiteral("NamespaceDeletionDiscoveryFailure"));
        QCOMPARE(discovery[QStringLiteral("message")].toString(),
                 QStringLiteral("Discovery failed for some groups, 1 failing: metrics.k8s.io/"
                                "v1beta1: stale GroupVersion discovery"));
    }

    void terminalWrappedError_isUnwrapped()
    {
        const TicketFacts facts = parse(QStringLiteral("variety/terminal-wrapped.txt"));
        QCOMPARE(facts.discoveryFailures.size(), 2);
        QCOMPARE(facts.discoveryFailures[1].groupVersion,
                 QStringLiteral("custom.metrics.k8s.io/v1beta1"));
        QCOMPARE(facts.discoveryFailures[1].message,
                 QStringLiteral("the server is currently unable to handle the request"));
    }

    void aliyunOutput_answersCloudQuestions()
    {
        PasteSource source(parse(QStringLiteral("variety")), QStringLiteral("variety"));
        QVERIFY(source.hasCloud());
        const SourceAnswer routes =
            source.answer(cloud(QStringLiteral("vpc"), QStringLiteral("DescribeRouteEntryList")));
        QVERIFY2(routes.ok(), qPrintable(routes.message));
        QCOMPARE(routes.json[QStringLiteral("RouteEntrys")][QStringLiteral("RouteEntry")]
                     .toArray()
                     .size(),
                 2);
        const SourceAnswer denied =
            source.answer(cloud(QStringLiteral("vpc"), QStringLiteral("DescribeRouteTableList")));
        QCOMPARE(denied.error, QStringLiteral("api"));
        QCOMPARE(denied.errorCode, QStringLiteral("Forbidden.RAM"));
        QCOMPARE(denied.status, 403);
        const SourceAnswer none =
            source.answer(cloud(QStringLiteral("ram"), QStringLiteral("GetPolicy")));
        QCOMPARE(none.error, QStringLiteral("missing"));
    }

    void logsEventsAndTables_fromAFolder()
    {
        PasteSource source(parse(QStringLiteral("variety")), QStringLiteral("variety"));
        const SourceAnswer events = source.answer(kube(QStringLiteral(
            "/api/v1/namespaces/default/events?fieldSelector=involvedObject.kind%3DNode")));
        QVERIFY2(events.ok(), qPrintable(events.message));
        const QJsonArray items = events.json[QStringLiteral("items")].toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items[0][QStringLiteral("reason")].toString(),
                 QStringLiteral("CreateRouteFailed"));
        QCOMPARE(items[0][QStringLiteral("involvedObject")][QStringLiteral("name")].toString(),
                 QStringLiteral("cn-hangzhou.i-bp1a0000000000000002"));

        const SourceAnswer pods = source.answer(
            kube(QStringLiteral("/api/v1/namespaces/kube-system/"
                                "pods?labelSelector=component%3Dkube-controller-manager")));
        QCOMPARE(pods.json[QStringLiteral("items")].toArray().size(), 1);
        const SourceAnswer metrics = source.answer(kube(
            QStringLiteral("/api/v1/namespaces/kube-system/pods/metrics-server-6d94bc8694-x2k8q")));
        QVERIFY2(metrics.ok(), qPrintable(metrics.message));
        QCOMPARE(metrics.json[QStringLiteral("status")][QStringLiteral("podIP")].toString(),
                 QStringLiteral("172.16.1.12"));
        QCOMPARE(metrics.json[QStringLiteral("spec")][QStringLiteral("nodeName")].toString(),
                 QStringLiteral("cn-hangzhou.i-bp1a0000000000000002"));

        // The pasted CCM pod is a real row, so its log comes from the CCM log file.
        const SourceAnswer ccmLog = source.answer(kube(QStringLiteral(
            "/api/v1/namespaces/kube-system/pods/cloud-controller-manager-7c9d5-abcde/log")));
        QVERIFY2(ccmLog.ok(), qPrintable(ccmLog.message));
        QVERIFY(ccmLog.body.contains("Forbidden.RAM"));
        const SourceAnswer kcmLog = source.answer(kube(QStringLiteral(
            "/api/v1/namespaces/kube-system/pods/kube-controller-manager-pasted-log/log")));
        QVERIFY(kcmLog.body.contains("\"Unhandled Error\""));
    }

    void absentFacts_answerMissingNeverEmpty()
    {
        PasteSource source(
            parse(QStringLiteral("captures/05-apiservice-table-servicenotfound-kubevirt.txt")),
            QStringLiteral("05"));
        QCOMPARE(source.answer(kube(QStringLiteral("/api/v1/nodes"))).error,
                 QStringLiteral("missing"));
        QCOMPARE(source.answer(kube(QStringLiteral("/apis/metrics.k8s.io/v1beta1"))).error,
                 QStringLiteral("missing"));
        QVERIFY(!source.hasCloud());
        QVERIFY(source.cloudUnavailableReason().contains(QLatin1String("no aliyun")));
    }

    void fetch_isAsynchronous()
    {
        PasteSource source(
            parse(QStringLiteral("captures/34-kubectl-api-resources-discovery-error.txt")),
            QStringLiteral("34"));
        bool called = false;
        source.fetch(
            kube(QStringLiteral("/apis/metrics.k8s.io/v1beta1")), this,
            [&called](const SourceAnswer& a) { called = a.error == QLatin1String("unavailable"); });
        QVERIFY(!called);
        QTRY_VERIFY(called);
    }

    void offlineSources_giveClearErrors()
    {
        QString error;
        QVERIFY(!OfflineSources::open(QStringLiteral("/nonexistent/unstuck-input"), &error));
        QVERIFY(error.contains(QLatin1String("does not exist")));

        QTemporaryDir dir;
        QFile junk(dir.filePath(QStringLiteral("notes.txt")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("we restarted the pods and it still hangs\n");
        junk.close();
        QVERIFY(!OfflineSources::open(dir.path(), &error));
        QVERIFY2(error.contains(QLatin1String("nothing in")), qPrintable(error));
        QVERIFY(error.contains(QLatin1String("notes.txt")));

        auto source = OfflineSources::open(fixture(QStringLiteral("captures")), &error);
        QVERIFY2(source, qPrintable(error));
        QCOMPARE(source->kind(), QStringLiteral("paste"));
    }

    void oversizedPastedFile_isListedAsNotRead()
    {
        QTemporaryDir dir;
        QFile big(dir.filePath(QStringLiteral("kcm.log")));
        QVERIFY(big.open(QIODevice::WriteOnly));
        big.write("E1207 10:00:00.000000       1 namespace_controller.go:162] deletion failed\n");
        QVERIFY(big.resize(TicketParser::kMaxFileBytes + 1)); // sparse
        big.close();
        QString error;
        QVERIFY(!OfflineSources::open(dir.path(), &error));
        QVERIFY2(error.contains(QLatin1String("kcm.log (larger than 64 MiB, not read)")),
                 qPrintable(error));
    }

    void badOrOversizedYaml_isAnErrorNotAHang_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QString>("error");
        // Found by fuzz/yaml_to_json: yaml-cpp's LoadAll looped for ever on these.
        QTest::newRow("stray comma") << QStringLiteral("  , er:tp\uFFFD")
                                     << QStringLiteral("\",\" cannot start a value here");
        QTest::newRow("comma after a list")
            << QStringLiteral("- a\n,") << QStringLiteral("\",\" cannot start a value here");
        QTest::newRow("alias holding itself")
            << QStringLiteral("a: &x [1, *x]\n") << QStringLiteral("nested deeper than 256 levels");
        QTest::newRow("deep nesting") << QString(300, QLatin1Char('[')) + QString(300, ']')
                                      << QStringLiteral("nested deeper than 256 levels");
        QString laughs = QStringLiteral("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 8; ++i)
            laughs +=
                QStringLiteral("a%1: &a%1 [").arg(i) +
                QStringList(10, QStringLiteral("*a%1").arg(i - 1)).join(QStringLiteral(", ")) +
                QStringLiteral("]\n");
        QTest::newRow("billion laughs")
            << laughs << QStringLiteral("more than 2000000 values once its aliases are expanded");
    }

    void badOrOversizedYaml_isAnErrorNotAHang()
    {
        QFETCH(QString, yaml);
        QFETCH(QString, error);
        QList<QJsonValue> documents;
        QString actual;
        QVERIFY(!YamlToJson::convert(yaml, &documents, &actual));
        QVERIFY2(actual.startsWith(QLatin1String("YAML error at line ")) && actual.contains(error),
                 qPrintable(actual));
    }
};

QTEST_GUILESS_MAIN(TestPaste)
#include "tst_paste.moc"
