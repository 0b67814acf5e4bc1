// SPDX-License-Identifier: GPL-3.0-or-later
// Capture bundles: record what a source answered, save it without secrets, replay it offline.
#include "models/common/Redactor.h"
#include "models/sources/BundleSource.h"
#include "models/sources/OfflineSources.h"
#include "models/sources/RecordingSource.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace unstuck;

namespace {

// A stand-in for the live source: answers from a table the test fills, asynchronously.
class TableSource : public DiagnosisSource
{
public:
    QHash<QString, SourceAnswer> answers;
    void fetch(const SourceQuery& query, QObject* receiver, Callback callback) override
    {
        SourceAnswer a = answers.value(query.key());
        if (!answers.contains(query.key()))
            a.error = QStringLiteral("notfound");
        QTimer::singleShot(1, receiver, [callback, a] { callback(a); });
    }
    QString kind() const override { return QStringLiteral("live"); }
    QString contextName() const override { return QStringLiteral("prod-hangzhou"); }
    bool hasCloud() const override { return true; }
};

SourceQuery kube(const QString& path)
{
    SourceQuery q;
    q.path = path;
    return q;
}

SourceAnswer json(int status, const QByteArray& body)
{
    SourceAnswer a;
    a.status = status;
    a.body = body;
    a.json = QJsonDocument::fromJson(body).object();
    a.contentType = "application/json";
    a.at = QDateTime::currentDateTimeUtc();
    return a;
}

SourceAnswer fetchNow(DiagnosisSource& source, const SourceQuery& query)
{
    SourceAnswer result;
    bool done = false;
    QObject receiver;
    source.fetch(query, &receiver, [&](const SourceAnswer& a) {
        result = a;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 2000))
        qWarning("no answer");
    return result;
}

} // namespace

class TestBundle : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void recordedRun_replaysTheSameAnswersOffline()
    {
        auto live = std::make_unique<TableSource>();
        live->answers.insert(
            QStringLiteral("GET /api/v1/namespaces/tobedeletedb"),
            json(
                200,
                R"({"kind":"Namespace","metadata":{"name":"tobedeletedb"},"status":{"phase":"Terminating"}})"));
        SourceAnswer unavailable;
        unavailable.status = 503;
        unavailable.error = QStringLiteral("unavailable");
        unavailable.message =
            QStringLiteral("the server is currently unable to handle the request");
        unavailable.body = "service unavailable\n";
        live->answers.insert(QStringLiteral("GET /apis/metrics.k8s.io/v1beta1"), unavailable);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("incident.unstuck.json"));
        RecordingSource recorder(std::move(live), path);
        QCOMPARE(fetchNow(recorder, kube(QStringLiteral("/api/v1/namespaces/tobedeletedb"))).status,
                 200);
        QCOMPARE(fetchNow(recorder, kube(QStringLiteral("/apis/metrics.k8s.io/v1beta1"))).status,
                 503);
        QString error;
        QVERIFY2(recorder.save(&error), qPrintable(error));

        auto replay = OfflineSources::open(path, &error);
        QVERIFY2(replay, qPrintable(error));
        QCOMPARE(replay->kind(), QStringLiteral("bundle"));
        QVERIFY(replay->contextName().contains(QLatin1String("prod-hangzhou")));
        const SourceAnswer ns =
            fetchNow(*replay, kube(QStringLiteral("/api/v1/namespaces/tobedeletedb")));
        QVERIFY(ns.ok());
        QCOMPARE(ns.json[QStringLiteral("status")][QStringLiteral("phase")].toString(),
                 QStringLiteral("Terminating"));
        const SourceAnswer gv =
            fetchNow(*replay, kube(QStringLiteral("/apis/metrics.k8s.io/v1beta1")));
        QCOMPARE(gv.error, QStringLiteral("unavailable"));
        QCOMPARE(gv.message,
                 QStringLiteral("the server is currently unable to handle the request"));

        const SourceAnswer never = fetchNow(*replay, kube(QStringLiteral("/api/v1/nodes")));
        QCOMPARE(never.error, QStringLiteral("missing"));
        QVERIFY(never.message.contains(QLatin1String("incident.unstuck.json")));
    }

    void savedBundle_containsNoSecrets()
    {
        Redactor::registerSecret(QStringLiteral("sts-token-value-0123456789"));
        auto live = std::make_unique<TableSource>();
        SourceAnswer assumed = json(
            200,
            R"({"RequestId":"R1","Credentials":{"AccessKeyId":"STS.NUx","AccessKeySecret":"verySecretValue987","SecurityToken":"sts-token-value-0123456789"}})");
        SourceQuery q;
        q.kind = SourceQuery::Kind::Cloud;
        q.product = QStringLiteral("sts");
        q.action = QStringLiteral("AssumeRole");
        live->answers.insert(q.key(), assumed);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("b.json"));
        RecordingSource recorder(std::move(live), path);
        fetchNow(recorder, q);
        QString error;
        QVERIFY(recorder.save(&error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray saved = file.readAll();
        QVERIFY(saved.contains("AssumeRole"));
        QVERIFY(!saved.contains("verySecretValue987"));
        QVERIFY(!saved.contains("sts-token-value-0123456789"));
    }

    void largeBundle_namesItsFormatFirst_andACutCopyIsStillABundle()
    {
        auto live = std::make_unique<TableSource>();
        QString big = QStringLiteral(R"({"kind":"NodeList","items":[)");
        for (int i = 0; i < 200; ++i)
            big += QStringLiteral(R"(%1{"metadata":{"name":"node-%2"}})")
                       .arg(i ? QStringLiteral(",") : QString())
                       .arg(i);
        big += QStringLiteral("]}");
        live->answers.insert(QStringLiteral("GET /api/v1/nodes"), json(200, big.toUtf8()));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.unstuck.json"));
        RecordingSource recorder(std::move(live), path);
        fetchNow(recorder, kube(QStringLiteral("/api/v1/nodes")));
        QString error;
        QVERIFY2(recorder.save(&error), qPrintable(error));

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray saved = file.readAll();
        QVERIFY(saved.size() > 8192);
        QVERIFY2(saved.left(120).contains("\"format\": \"unstuck-capture\""),
                 saved.left(120).constData());
        auto replay = OfflineSources::open(path, &error);
        QVERIFY2(replay, qPrintable(error));
        QCOMPARE(replay->kind(), QStringLiteral("bundle"));

        const QString cut = dir.filePath(QStringLiteral("cut.unstuck.json"));
        QFile cutFile(cut);
        QVERIFY(cutFile.open(QIODevice::WriteOnly));
        cutFile.write(saved.left(saved.size() / 2));
        cutFile.close();
        QVERIFY(!OfflineSources::open(cut, &error));
        QVERIFY2(error.contains(QLatin1String("truncated")), qPrintable(error));
    }

    void bundleWhoseKeysWereResorted_isStillABundle()
    {
        // jq -S or a JSON editor may move "format" after kilobytes of exchanges.
        QJsonArray exchanges;
        for (int i = 0; i < 100; ++i)
            exchanges.append(QJsonObject{
                {QStringLiteral("key"), QStringLiteral("GET /api/v1/namespaces/ns-%1").arg(i)},
                {QStringLiteral("query"),
                 QJsonObject{
                     {QStringLiteral("kind"), QStringLiteral("kube")},
                     {QStringLiteral("path"), QStringLiteral("/api/v1/namespaces/ns-%1").arg(i)}}},
                {QStringLiteral("answer"), QJsonObject{{QStringLiteral("status"), 404}}},
            });
        const QJsonObject root{{QStringLiteral("exchanges"), exchanges},
                               {QStringLiteral("format"), QStringLiteral("unstuck-capture")},
                               {QStringLiteral("version"), 1}};
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sorted.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(root).toJson());
        file.close();
        QVERIFY(file.size() > 4096);
        QString error;
        auto replay = OfflineSources::open(path, &error);
        QVERIFY2(replay, qPrintable(error));
        QCOMPARE(replay->kind(), QStringLiteral("bundle"));
    }

    void truncatedBundle_saysSo()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cut.unstuck.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            R"({"format": "unstuck-capture", "version": 1, "exchanges": [{"key": "GET /api")");
        file.close();
        QString error;
        QVERIFY(!OfflineSources::open(path, &error));
        QVERIFY2(error.contains(QLatin1String("truncated")), qPrintable(error));
    }

    void oversizedBundle_isRefusedWithTheLimit()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("huge.unstuck.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"format": "unstuck-capture", "version": 1, "exchanges": [)");
        // Sparse: the size is what counts, the disk never holds 256 MiB.
        QVERIFY(file.resize(CaptureBundle::kMaxFileBytes + 1));
        file.close();
        QString error;
        QVERIFY(!OfflineSources::open(path, &error));
        QVERIFY2(error.contains(QLatin1String("is 256 MiB; Unstuck reads capture bundles of at "
                                              "most 256 MiB and pasted files of at most 64 MiB")),
                 qPrintable(error));
    }

    void newerBundleVersion_asksForAnUpdate()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("future.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"format": "unstuck-capture", "version": 99, "exchanges": []})");
        file.close();
        QString error;
        QVERIFY(!OfflineSources::open(path, &error));
        QVERIFY2(error.contains(QLatin1String("version 99")), qPrintable(error));
    }

    void cancelledAnswers_areNotRecorded()
    {
        auto live = std::make_unique<TableSource>();
        SourceAnswer cancelled;
        cancelled.error = QStringLiteral("cancelled");
        live->answers.insert(QStringLiteral("GET /api"), cancelled);
        QTemporaryDir dir;
        RecordingSource recorder(std::move(live), dir.filePath(QStringLiteral("c.json")));
        fetchNow(recorder, kube(QStringLiteral("/api")));
        QCOMPARE(recorder.bundle().exchanges.size(), 0);
    }

    // A bundle recorded by a version that paged its lists differently still answers the same
    // questions: nodes read page by page then, from the watch cache now; route entries 100 a
    // page then, 500 now. A question it never asked (a filter) stays missing.
    void bundleFromAnotherPaging_answersTheSameQuestions()
    {
        CaptureBundle bundle;
        CaptureExchange nodes;
        nodes.query = kube(QStringLiteral("/api/v1/nodes"));
        nodes.query.allPages = true;
        nodes.answer.status = 200;
        nodes.answer.json = QJsonObject{{QStringLiteral("kind"), QStringLiteral("NodeList")}};
        CaptureExchange routes;
        routes.query.kind = SourceQuery::Kind::Cloud;
        routes.query.product = QStringLiteral("vpc");
        routes.query.action = QStringLiteral("DescribeRouteEntryList");
        routes.query.params = {{QStringLiteral("RouteTableId"), QStringLiteral("vtb-1")},
                               {QStringLiteral("MaxResult"), QStringLiteral("100")}};
        routes.answer.status = 200;
        routes.answer.json = QJsonObject{{QStringLiteral("RequestId"), QStringLiteral("r-1")}};
        bundle.exchanges = {nodes, routes};
        BundleSource source(bundle, QStringLiteral("old.json"));

        const SourceAnswer fromCache =
            fetchNow(source, kube(QStringLiteral("/api/v1/nodes?resourceVersion=0")));
        QVERIFY2(fromCache.ok(), qPrintable(fromCache.message));
        QCOMPARE(fromCache.json.value(QStringLiteral("kind")).toString(),
                 QStringLiteral("NodeList"));
        SourceQuery bigger = routes.query;
        bigger.params.insert(QStringLiteral("MaxResult"), QStringLiteral("500"));
        QCOMPARE(fetchNow(source, bigger).json.value(QStringLiteral("RequestId")).toString(),
                 QStringLiteral("r-1"));
        SourceQuery filtered = bigger;
        filtered.params.insert(QStringLiteral("DestinationCidrBlock"),
                               QStringLiteral("172.16.1.0/24"));
        QCOMPARE(fetchNow(source, filtered).error, QStringLiteral("missing"));
        QCOMPARE(fetchNow(source, kube(QStringLiteral("/api/v1/nodes/n1"))).error,
                 QStringLiteral("missing"));
    }
};

QTEST_GUILESS_MAIN(TestBundle)
#include "tst_bundle.moc"
