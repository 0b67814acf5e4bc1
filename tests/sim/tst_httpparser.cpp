// SPDX-License-Identifier: GPL-3.0-or-later
// The simulator's HTTP/1.1 request parser on raw bytes: what a client gets for a well-formed
// request, a partial one, and one over the limits (fuzz/sim_http.cpp drives the same parser).
#include "models/sim/HttpRequestParser.h"

#include <QTest>

using namespace unstuck::sim;
using State = HttpRequestParser::Result::State;

class TstHttpParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void getWithQuery_isDecoded()
    {
        const QByteArray bytes =
            "GET /api/v1/namespaces?fieldSelector=status.phase%3DTerminating"
            "&label=a+b HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\n\r\n";
        HttpRequest request;
        const auto result = HttpRequestParser::parse(bytes, &request);
        QCOMPARE(result.state, State::Complete);
        QCOMPARE(result.consumed, bytes.size());
        QCOMPARE(request.method, QByteArray("GET"));
        QCOMPARE(request.path, QStringLiteral("/api/v1/namespaces"));
        QCOMPARE(request.query.queryItemValue(QStringLiteral("fieldSelector"), QUrl::FullyDecoded),
                 QStringLiteral("status.phase=Terminating"));
        QCOMPARE(request.query.queryItemValue(QStringLiteral("label"), QUrl::FullyDecoded),
                 QStringLiteral("a b"));
        QCOMPARE(request.header("accept"), QByteArray("application/json"));
        QVERIFY(!result.closeAfter);
    }

    void keepAlive_leavesTheNextRequestInTheBuffer()
    {
        const QByteArray first = "POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc";
        HttpRequest request;
        const auto result = HttpRequestParser::parse(first + "GET / HTTP/1.0\r\n\r\n", &request);
        QCOMPARE(result.state, State::Complete);
        QCOMPARE(result.consumed, first.size());
        QCOMPARE(request.body, QByteArray("abc"));
    }

    void chunkedBody_isJoined_andHttp10Closes()
    {
        HttpRequest request;
        const auto result =
            HttpRequestParser::parse("PUT /x HTTP/1.0\r\nTransfer-Encoding: "
                                     "chunked\r\n\r\n3;ext\r\nabc\r\n2\r\nde\r\n0\r\n\r\n",
                                     &request);
        QCOMPARE(result.state, State::Complete);
        QCOMPARE(request.body, QByteArray("abcde"));
        QVERIFY(result.closeAfter);
    }

    void partialBody_waits_andAsksFor100Continue()
    {
        HttpRequest request;
        const auto result = HttpRequestParser::parse(
            "PUT /x HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 10\r\n\r\nabc", &request);
        QCOMPARE(result.state, State::Incomplete);
        QVERIFY(result.wantsContinue);
    }

    void badRequests_areRejectedWithTheStatusAClientSees_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("no target")
            << QByteArray("GET\r\n\r\n") << 400 << QByteArray("bad request line\n");
        QTest::newRow("chunk size not hex")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << 400
            << QByteArray("bad chunked body\n");
        QTest::newRow("body over the limit")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: ") +
                   QByteArray::number(HttpRequestParser::kMaxBodyBytes + 1) + "\r\n\r\n"
            << 413 << QByteArray("body too large\n");
        // Each chunk is small; together they are not.
        QByteArray chunks = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n";
        const QByteArray size = QByteArray::number(HttpRequestParser::kMaxBodyBytes / 2, 16);
        for (int i = 0; i < 3; ++i)
            chunks +=
                size + "\r\n" + QByteArray(HttpRequestParser::kMaxBodyBytes / 2, 'x') + "\r\n";
        QTest::newRow("chunks over the limit together")
            << chunks << 413 << QByteArray("body too large\n");
        QTest::newRow("endless header") << QByteArray("GET / HTTP/1.1\r\nX: ") +
                                               QByteArray(HttpRequestParser::kMaxHeaderBytes, 'a')
                                        << 431 << QByteArray("request header too large\n");
        QTest::newRow("header over the limit, then its end")
            << QByteArray("GET / HTTP/1.1\r\nX: ") +
                   QByteArray(HttpRequestParser::kMaxHeaderBytes, 'a') + "\r\n\r\n"
            << 431 << QByteArray("request header too large\n");
    }

    void badRequests_areRejectedWithTheStatusAClientSees()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        HttpRequest request;
        const auto result = HttpRequestParser::parse(bytes, &request);
        QCOMPARE(result.state, State::Rejected);
        QCOMPARE(result.rejection.status, status);
        QCOMPARE(result.rejection.body, body);
    }
};

QTEST_GUILESS_MAIN(TstHttpParser)
#include "tst_httpparser.moc"
