// SPDX-License-Identifier: GPL-3.0-or-later
// The simulator's list answers are assembled from each object's stored bytes: byte for byte the
// JSON QJsonDocument writes for the whole list (what the simulator answered before), for
// built-in and custom resources, with selectors and pages; a write shows in the next list; and
// a large list goes out piece by piece without holding back another client's answer.
#include "models/sim/KubeStore.h"
#include "models/sim/ListFilter.h"
#include "models/sim/SimWorld.h"
#include "sim/SimKubeClient.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

using namespace unstuck::sim;
using namespace unstuck::test;

namespace {

QJsonObject metadataOf(const QJsonObject& o)
{
    return o.value(QLatin1String("metadata")).toObject();
}

// The list answer as the simulator wrote it before: every item copied, apiVersion and kind
// removed for built-in resources, the whole document serialised. The list metadata (resource
// version, continue token) is taken from the answer.
QByteArray listTheOldWay(const KubeStore& store, const QString& storeName, const QString& ns,
                         const QString& labelSelector, int offset, int limit, bool custom,
                         const QJsonObject& answer)
{
    ListFilter filter;
    QString error;
    if (!filter.parse(labelSelector, {}, &error))
        return {};
    QJsonArray items;
    int index = 0;
    for (QJsonObject o : store.list(storeName, ns)) {
        if (!filter.matches(o))
            continue;
        if (index++ < offset || (limit > 0 && items.size() >= limit))
            continue;
        if (!custom) {
            o.remove(QStringLiteral("apiVersion"));
            o.remove(QStringLiteral("kind"));
        }
        items.append(o);
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("kind"), answer.value(QLatin1String("kind"))},
                                     {QStringLiteral("apiVersion"),
                                      answer.value(QLatin1String("apiVersion"))},
                                     {QStringLiteral("metadata"), metadataOf(answer)},
                                     {QStringLiteral("items"), items}})
        .toJson(QJsonDocument::Compact);
}

void waitForMore(QNetworkReply* reply)
{
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::readyRead, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
}

QStringList itemNames(const QJsonObject& list)
{
    QStringList out;
    for (const QJsonValue& item : list.value(QLatin1String("items")).toArray())
        out << metadataOf(item.toObject()).value(QLatin1String("name")).toString();
    return out;
}

} // namespace

class TestListAnswers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listAnswer_isTheJsonOfTheWholeList_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("storeName");
        QTest::addColumn<QString>("ns");
        QTest::addColumn<QString>("labelSelector");
        QTest::addColumn<bool>("custom");
        QTest::addColumn<int>("largeNodes");
        const QString seed = QStringLiteral("seed");
        QTest::newRow("nodes") << seed << QStringLiteral("/api/v1/nodes?resourceVersion=0")
                               << QStringLiteral("nodes") << QString() << QString() << false << 0;
        QTest::newRow("2,000 nodes, sent slice by slice")
            << seed << QStringLiteral("/api/v1/nodes?resourceVersion=0") << QStringLiteral("nodes")
            << QString() << QString() << false << 2000;
        QTest::newRow("pods, every namespace")
            << seed << QStringLiteral("/api/v1/pods") << QStringLiteral("pods") << QString()
            << QString() << false << 0;
        QTest::newRow("pods, label selector")
            << seed
            << QStringLiteral(
                   "/api/v1/namespaces/kube-system/pods?labelSelector=k8s-app%3Dkube-dns")
            << QStringLiteral("pods") << QStringLiteral("kube-system")
            << QStringLiteral("k8s-app=kube-dns") << false << 0;
        QTest::newRow("apiservices, another group")
            << seed << QStringLiteral("/apis/apiregistration.k8s.io/v1/apiservices")
            << QStringLiteral("apiservices.apiregistration.k8s.io") << QString() << QString()
            << false << 0;
        QTest::newRow("custom resource")
            << QStringLiteral("finalizers-remaining")
            << QStringLiteral("/apis/example.com/v1/namespaces/tobedeletedb/backups")
            << QStringLiteral("backups.example.com") << QStringLiteral("tobedeletedb") << QString()
            << true << 0;
    }

    void listAnswer_isTheJsonOfTheWholeList()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, path);
        QFETCH(QString, storeName);
        QFETCH(QString, ns);
        QFETCH(QString, labelSelector);
        QFETCH(bool, custom);
        QFETCH(int, largeNodes);
        Sim sim(scenario, largeNodes);
        QVERIFY(sim.ok);
        const KubeStore& store = sim.server->world().kube();
        // The reconcilers keep writing: compare with the store only when nothing was written
        // between the answer and the comparison.
        for (int attempt = 0; attempt < 20; ++attempt) {
            const Answer answer = sim.get(path);
            QCOMPARE(answer.status, 200);
            const QJsonObject list = answer.json();
            QVERIFY(!list.value(QLatin1String("items")).toArray().isEmpty());
            if (metadataOf(list).value(QLatin1String("resourceVersion")).toString() !=
                QString::number(store.resourceVersion()))
                continue;
            QCOMPARE(answer.body,
                     listTheOldWay(store, storeName, ns, labelSelector, 0, 0, custom, list));
            const QJsonObject first =
                list.value(QLatin1String("items")).toArray().first().toObject();
            QCOMPARE(first.contains(QLatin1String("kind")), custom);
            QCOMPARE(first.contains(QLatin1String("apiVersion")), custom);
            return;
        }
        QFAIL("the store changed under every list");
    }

    void pagedListAnswers_areTheJsonOfEachPage()
    {
        Sim sim(QStringLiteral("seed"));
        QVERIFY(sim.ok);
        const KubeStore& store = sim.server->world().kube();
        QString token;
        int offset = 0;
        for (int page = 0; page < 20; ++page) {
            QString path = QStringLiteral("/api/v1/nodes?limit=2");
            if (!token.isEmpty())
                path += QStringLiteral("&continue=") +
                        QString::fromLatin1(QUrl::toPercentEncoding(token));
            const Answer answer = sim.get(path);
            QCOMPARE(answer.status, 200);
            const QJsonObject list = answer.json();
            QCOMPARE(answer.body,
                     listTheOldWay(store, QStringLiteral("nodes"), {}, {}, offset, 2, false, list));
            offset += 2;
            token = metadataOf(list).value(QLatin1String("continue")).toString();
            if (token.isEmpty())
                return;
        }
        QFAIL("the pages never ended");
    }

    void writtenObject_isInTheNextList()
    {
        Sim sim(QStringLiteral("seed"));
        QVERIFY(sim.ok);
        const QString configMaps = QStringLiteral("/api/v1/namespaces/default/configmaps");
        const QByteArray created =
            R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"probe"},"data":{"k":"1"}})";
        QCOMPARE(sim.request("POST", configMaps, created).status, 201);
        auto dataOf = [&](const QString& name) {
            for (const QJsonValue& item :
                 sim.get(configMaps).json().value(QLatin1String("items")).toArray())
                if (metadataOf(item.toObject()).value(QLatin1String("name")).toString() == name)
                    return item.toObject().value(QLatin1String("data")).toObject();
            return QJsonObject{{QStringLiteral("absent"), true}};
        };
        QCOMPARE(dataOf(QStringLiteral("probe")),
                 (QJsonObject{{QStringLiteral("k"), QStringLiteral("1")}}));
        QCOMPARE(sim.request("PATCH", configMaps + QStringLiteral("/probe"),
                             R"({"data":{"k":"2"}})", "application/merge-patch+json")
                     .status,
                 200);
        QCOMPARE(dataOf(QStringLiteral("probe")),
                 (QJsonObject{{QStringLiteral("k"), QStringLiteral("2")}}));
        QCOMPARE(sim.request("DELETE", configMaps + QStringLiteral("/probe")).status, 200);
        QCOMPARE(dataOf(QStringLiteral("probe")), (QJsonObject{{QStringLiteral("absent"), true}}));
    }

    void byNameGet_isAnsweredWhileALargeListIsStillGoingOut()
    {
        Sim sim(QStringLiteral("seed"), 2000);
        QVERIFY(sim.ok);
        const QStringList nodes = itemNames(sim.get(QStringLiteral("/api/v1/nodes")).json());
        QCOMPARE(nodes.size(), 2003);
        // A client that reads 64 KiB at a time and has read nothing yet: the 4.5 MB list
        // cannot have reached it whole.
        QNetworkReply* list = sim.watch(QStringLiteral("/api/v1/nodes?resourceVersion=0"));
        list->setReadBufferSize(64 * 1024);
        QTRY_VERIFY(list->bytesAvailable() > 0);
        const Answer one = sim.get(QStringLiteral("/api/v1/nodes/") + nodes.last());
        QCOMPARE(one.status, 200);
        QCOMPARE(metadataOf(one.json()).value(QLatin1String("name")).toString(), nodes.last());
        QVERIFY(!list->isFinished());
        // Read on: the rest of the list comes, whole.
        QByteArray body;
        while (!list->isFinished() || list->bytesAvailable() > 0) {
            body += list->readAll();
            if (!list->isFinished())
                waitForMore(list);
        }
        QCOMPARE(list->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(itemNames(QJsonDocument::fromJson(body).object()), nodes);
        list->deleteLater();
    }
};

QTEST_GUILESS_MAIN(TestListAnswers)
#include "tst_listanswers.moc"
