// SPDX-License-Identifier: GPL-3.0-or-later
// KubeClient against a controllable HTTPS server (tests/kube/TestApiServer.h): TLS, every
// auth method, retries, timeouts, error mapping, pagination, gzip, exec credentials.
#include "kube/KubeTestSupport.h"
#include "kube/TestApiServer.h"
#include "kube/TestPki.h"
#include "models/common/Redactor.h"
#include "models/kube/KubeClient.h"
#include "models/sim/SimServer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace unstuck;
using namespace unstuck::test;

namespace {

QByteArray namespaceList(int count, int from = 0)
{
    QJsonArray items;
    for (int i = from; i < from + count; ++i)
        items.append(
            QJsonObject{{QStringLiteral("metadata"),
                         QJsonObject{{QStringLiteral("name"), QStringLiteral("ns-%1").arg(i)}}}});
    return QJsonDocument(QJsonObject{{QStringLiteral("kind"), QStringLiteral("NamespaceList")},
                                     {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                     {QStringLiteral("items"), items}})
        .toJson(QJsonDocument::Compact);
}

quint32 crc32(const QByteArray& data)
{
    quint32 crc = 0xffffffffu;
    for (char c : data) {
        crc ^= static_cast<unsigned char>(c);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

// gzip (RFC 1952) from Qt's zlib stream: strip Qt's length prefix, the zlib header and adler32.
QByteArray gzip(const QByteArray& data)
{
    const QByteArray z = qCompress(data);
    QByteArray out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
    out += z.mid(6, z.size() - 6 - 4);
    const quint32 crc = crc32(data);
    const quint32 size = quint32(data.size());
    for (int i = 0; i < 4; ++i)
        out += char((crc >> (8 * i)) & 0xff);
    for (int i = 0; i < 4; ++i)
        out += char((size >> (8 * i)) & 0xff);
    return out;
}

// A CONNECT proxy that tunnels every connection to the test server and remembers the
// CONNECT lines it was sent.
class ConnectProxy : public QObject
{
public:
    explicit ConnectProxy(quint16 target) : m_target(target)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket* in = m_server.nextPendingConnection();
            auto* out = new QTcpSocket(in);
            auto buffer = std::make_shared<QByteArray>();
            connect(in, &QTcpSocket::readyRead, in, [this, in, out, buffer] {
                if (out->state() == QAbstractSocket::ConnectedState) {
                    out->write(in->readAll());
                    return;
                }
                *buffer += in->readAll();
                if (!buffer->contains("\r\n\r\n") ||
                    out->state() != QAbstractSocket::UnconnectedState)
                    return;
                m_lines << buffer->left(buffer->indexOf("\r\n"));
                connect(out, &QTcpSocket::connected, in,
                        [in] { in->write("HTTP/1.1 200 Connection established\r\n\r\n"); });
                connect(out, &QTcpSocket::readyRead, in, [in, out] { in->write(out->readAll()); });
                out->connectToHost(QHostAddress::LocalHost, m_target);
            });
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    const QList<QByteArray>& connectLines() const { return m_lines; }

private:
    QTcpServer m_server;
    quint16 m_target;
    QList<QByteArray> m_lines;
};

TestReply delayed(TestReply reply, int ms)
{
    reply.delayMs = ms;
    return reply;
}

} // namespace

class TestKubeClient : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_pkiDir;
    std::unique_ptr<TestPki> m_pki;
    std::unique_ptr<TestApiServer> m_server;
    QTemporaryDir m_simDir;
    std::unique_ptr<sim::SimServer> m_sim;

    // The simulator's own kubeconfig, read by our loader.
    std::optional<ResolvedContext> simContext()
    {
        KubeError error;
        auto cfg = KubeconfigLoader::load(m_sim->kubeconfigPath(), {}, &error);
        if (!cfg) {
            qWarning("%s", qPrintable(error.message));
            return std::nullopt;
        }
        auto ctx = KubeconfigLoader::resolve(*cfg, {}, &error);
        if (!ctx)
            qWarning("%s", qPrintable(error.message));
        return ctx;
    }

    std::unique_ptr<KubeClient> simClient(const std::function<void(KubeUser&)>& user = {})
    {
        auto ctx = simContext();
        if (!ctx)
            return nullptr;
        if (user) {
            ctx->user = KubeUser{};
            user(ctx->user);
        }
        auto c = std::make_unique<KubeClient>(*ctx);
        c->setRetryBaseDelayMs(10);
        return c;
    }

    QByteArray caLine(const QString& name = QStringLiteral("ca.crt")) const
    {
        return "    certificate-authority: " + m_pki->path(name).toUtf8() + "\n";
    }

    std::unique_ptr<KubeClient> client(const QByteArray& clusterExtra, const QByteArray& user,
                                       const QString& server = {})
    {
        QTemporaryDir dir;
        KubeError error;
        auto ctx = contextFor(dir, server.isEmpty() ? m_server->url() : server, clusterExtra, user,
                              &error);
        if (!ctx) {
            qWarning("%s", qPrintable(error.message));
            return nullptr;
        }
        auto c = std::make_unique<KubeClient>(*ctx);
        c->setRetryBaseDelayMs(10);
        return c;
    }

    std::unique_ptr<KubeClient> tokenClient()
    {
        return client(caLine(), "    token: good-token-123456\n");
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_pki = std::make_unique<TestPki>(m_pkiDir.path());
        QString error;
        QVERIFY2(m_pki->generate(&error), qPrintable(error));
        const auto cert =
            QSslCertificate::fromData(m_pki->read(QStringLiteral("server.crt"))).value(0);
        const QSslKey key(m_pki->read(QStringLiteral("server.key")), QSsl::Rsa);
        const auto ca = QSslCertificate::fromData(m_pki->read(QStringLiteral("ca.crt")));
        m_server = std::make_unique<TestApiServer>(cert, key, ca);
        QVERIFY(m_server->listen());

        sim::SimOptions options;
        options.scenario = QStringLiteral("seed");
        options.stateDir = m_simDir.path();
        m_sim = std::make_unique<sim::SimServer>(options);
        QVERIFY2(m_sim->start(&error), qPrintable(error));
    }

    void init()
    {
        // Default behaviour: a tiny API server that wants "good-token-123456" or a client cert.
        m_server->setHandler([](const TestRequest& r) {
            const bool certOk = !r.peerCertificate.isNull();
            if (!certOk && r.header("authorization") != "Bearer good-token-123456" &&
                !r.header("authorization").startsWith("Basic "))
                return TestReply::kubeStatus(401, "Unauthorized", "Unauthorized");
            if (r.path == QLatin1String("/whoami"))
                return TestReply::json(
                    200, "{\"cn\":\"" +
                             r.peerCertificate.subjectInfo(QSslCertificate::CommonName)
                                 .value(0)
                                 .toUtf8() +
                             "\"}");
            return TestReply::json(200, namespaceList(1));
        });
    }

    void token_isSentOverVerifiedTls()
    {
        auto c = tokenClient();
        QVERIFY(c);
        auto r = fetch(
            *c, QStringLiteral("/api/v1/namespaces?fieldSelector=status.phase%3DTerminating"));
        QVERIFY(r);
        QVERIFY2(r->error.ok(), qPrintable(r->error.message));
        QCOMPARE(r->httpStatus, 200);
        QCOMPARE(r->json.value(QStringLiteral("kind")).toString(), QStringLiteral("NamespaceList"));
        const TestRequest& seen = m_server->requests().last();
        QCOMPARE(seen.header("authorization"), QByteArray("Bearer good-token-123456"));
        QCOMPARE(seen.header("accept"), QByteArray("application/json"));
        QCOMPARE(seen.target,
                 QByteArray("/api/v1/namespaces?fieldSelector=status.phase%3DTerminating"));
    }

    void basicAuth_isSent()
    {
        auto c = client(caLine(), "    username: admin\n    password: basic-pass-987\n");
        QVERIFY(c);
        auto r = fetch(*c, QStringLiteral("/api"));
        QVERIFY(r && r->error.ok());
        QCOMPARE(m_server->requests().last().header("authorization"),
                 "Basic " + QByteArray("admin:basic-pass-987").toBase64());
    }

    void clientCertificate_rsaAndEc_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("cn");
        QTest::newRow("rsa") << QStringLiteral("client-rsa") << QStringLiteral("alice");
        QTest::newRow("ec") << QStringLiteral("client-ec") << QStringLiteral("bob");
        QTest::newRow("ec pkcs8") << QStringLiteral("client-ec8") << QStringLiteral("carol");
    }

    void clientCertificate_rsaAndEc()
    {
        QFETCH(QString, name);
        QFETCH(QString, cn);
        auto c = client(
            caLine(),
            "    client-certificate: " + m_pki->path(name + QStringLiteral(".crt")).toUtf8() +
                "\n    client-key: " + m_pki->path(name + QStringLiteral(".key")).toUtf8() + "\n");
        QVERIFY(c);
        auto r = fetch(*c, QStringLiteral("/whoami"));
        QVERIFY(r);
        QVERIFY2(r->error.ok(), qPrintable(r->error.message));
        QCOMPARE(r->json.value(QStringLiteral("cn")).toString(), cn);
        QVERIFY(m_server->requests().last().header("authorization").isEmpty());
    }

    void wrongCa_isTlsFailureWithReason()
    {
        auto c = client(caLine(QStringLiteral("other-ca.crt")), "    token: good-token-123456\n");
        QVERIFY(c);
        auto r = fetch(*c, QStringLiteral("/api"));
        QVERIFY(r);
        QCOMPARE(r->error.kind, KubeError::Kind::Tls);
        QVERIFY2(
            r->error.message.startsWith(QStringLiteral("TLS handshake with ") + m_server->url()),
            qPrintable(r->error.message));
        QVERIFY2(r->error.message.contains(QStringLiteral("self-signed"), Qt::CaseInsensitive),
                 qPrintable(r->error.message));
        QVERIFY2(r->error.message.contains(QStringLiteral(
                     "not signed by the cluster's certificate-authority in the kubeconfig")),
                 qPrintable(r->error.message));
        QVERIFY(!r->error.message.contains(QStringLiteral("good-token-123456")));
    }

    void insecureSkipTlsVerify_connectsWithoutCa()
    {
        auto c = client("    insecure-skip-tls-verify: true\n", "    token: good-token-123456\n");
        QVERIFY(c);
        auto r = fetch(*c, QStringLiteral("/api"));
        QVERIFY(r);
        QVERIFY2(r->error.ok(), qPrintable(r->error.message));
    }

    void systemRootsAlone_doNotTrustTheCluster()
    {
        auto c = client({}, "    token: good-token-123456\n");
        QVERIFY(c);
        auto r = fetch(*c, QStringLiteral("/api"));
        QVERIFY(r);
        QCOMPARE(r->error.kind, KubeError::Kind::Tls);
    }

    void tlsServerName_isVerifiedInsteadOfHost()
    {
        // The certificate names kube.internal.test: connect by IP but verify that name.
        const QString byName = QStringLiteral("https://localhost:%1").arg(m_server->port());
        auto good = client(caLine() + "    tls-server-name: kube.internal.test\n",
                           "    token: good-token-123456\n", byName);
        QVERIFY(good);
        auto r = fetch(*good, QStringLiteral("/api"));
        QVERIFY(r);
        QVERIFY2(r->error.ok(), qPrintable(r->error.message));

        auto bad = client(caLine() + "    tls-server-name: not-in-cert.example\n",
                          "    token: good-token-123456\n");
        QVERIFY(bad);
        auto r2 = fetch(*bad, QStringLiteral("/api"));
        QVERIFY(r2);
        QCOMPARE(r2->error.kind, KubeError::Kind::Tls);
        QVERIFY2(r2->error.message.contains(QStringLiteral("set tls-server-name")),
                 qPrintable(r2->error.message));
    }

    void unreachablePort_isUnreachable()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        auto c = client(caLine(), "    token: good-token-123456\n",
                        QStringLiteral("https://127.0.0.1:%1").arg(port));
        QVERIFY(c);
        auto r = fetch(*c, QStringLiteral("/api"));
        QVERIFY(r);
        QCOMPARE(r->error.kind, KubeError::Kind::Unreachable);
        QVERIFY2(r->error.message.contains(QStringLiteral("refused"), Qt::CaseInsensitive),
                 qPrintable(r->error.message));
        QCOMPARE(r->attempts, 1);
    }

    void slowAnswer_timesOut()
    {
        m_server->setHandler([](const TestRequest&) {
            TestReply reply = TestReply::json(200, "{}");
            reply.delayMs = 4000;
            return reply;
        });
        auto c = tokenClient();
        c->setTimeoutMs(300);
        auto r = fetch(*c, QStringLiteral("/api/v1/pods"));
        QVERIFY(r);
        // A 200 was coming after 4 s: a timeout is the client giving up first.
        QCOMPARE(r->error.kind, KubeError::Kind::Timeout);
        QVERIFY2(r->error.message.contains(QStringLiteral("timed out after 0.3 s")),
                 qPrintable(r->error.message));
    }

    void retryAfter_isHonoured()
    {
        int calls = 0;
        m_server->setHandler([&calls](const TestRequest&) {
            if (calls++ == 0) {
                TestReply busy = TestReply::kubeStatus(429, "TooManyRequests", "slow down");
                busy.headers << std::pair<QByteArray, QByteArray>("Retry-After", "1");
                return busy;
            }
            return TestReply::json(200, namespaceList(2));
        });
        auto c = tokenClient();
        QElapsedTimer t;
        t.start();
        auto r = fetch(*c, QStringLiteral("/api/v1/namespaces"));
        QVERIFY(r);
        QVERIFY2(r->error.ok(), qPrintable(r->error.message));
        QCOMPARE(r->attempts, 2);
        QCOMPARE(calls, 2);
        QVERIFY2(t.elapsed() >= 900, qPrintable(QString::number(t.elapsed())));
        const auto log = c->requestLog();
        QCOMPARE(log.size(), 2);
        QCOMPARE(log.first().httpStatus, 429);
        QCOMPARE(log.last().httpStatus, 200);
    }

    void serverErrors_areRetriedABoundedNumberOfTimes()
    {
        m_server->setHandler([](const TestRequest&) { return TestReply::text(500, "boom"); });
        auto c = tokenClient();
        c->setMaxRetries(2);
        const int before = m_server->count(QStringLiteral("/api/v1/nodes"));
        auto r = fetch(*c, QStringLiteral("/api/v1/nodes"));
        QVERIFY(r);
        QCOMPARE(r->error.kind, KubeError::Kind::Server);
        QCOMPARE(r->error.reason, QStringLiteral("InternalError"));
        QCOMPARE(
            r->error.message,
            QStringLiteral(
                "an error on the server (\"boom\") has prevented the request from succeeding"));
        QCOMPARE(r->attempts, 3);
        QCOMPARE(m_server->count(QStringLiteral("/api/v1/nodes")) - before, 3);
    }

    void aggregatorTextPlain503_mapsLikeClientGo_andRetriesOnce()
    {
        m_server->setHandler(
            [](const TestRequest&) { return TestReply::text(503, "service unavailable\n"); });
        auto c = tokenClient();
        c->setMaxRetries(5);
        const QString path = QStringLiteral("/apis/metrics.k8s.io/v1beta1");
        const int before = m_server->count(path);
        auto r = fetch(*c, path);
        QVERIFY(r);
        QCOMPARE(r->error.kind, KubeError::Kind::ServiceUnavailable);
        QCOMPARE(r->error.httpStatus, 503);
        QCOMPARE(r->error.reason, QStringLiteral("ServiceUnavailable"));
        QCOMPARE(r->error.message,
                 QStringLiteral("the server is currently unable to handle the request"));
        const QJsonObject cause = r->error.status.value(QStringLiteral("details"))
                                      .toObject()
                                      .value(QStringLiteral("causes"))
                                      .toArray()
                                      .at(0)
                                      .toObject();
        QCOMPARE(cause.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("UnexpectedServerResponse"));
        QCOMPARE(cause.value(QStringLiteral("message")).toString(),
                 QStringLiteral("service unavailable"));
        QCOMPARE(m_server->count(path) - before, 2);

        // The same 503 elsewhere is an ordinary retryable error.
        const int podsBefore = m_server->count(QStringLiteral("/api/v1/pods"));
        auto pods = fetch(*c, QStringLiteral("/api/v1/pods"));
        QVERIFY(pods);
        QCOMPARE(m_server->count(QStringLiteral("/api/v1/pods")) - podsBefore, 6);
    }

    void statusBodies_giveTypedErrors_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QByteArray>("reason");
        QTest::addColumn<int>("kind");
        QTest::newRow("401") << 401 << QByteArray("Unauthorized")
                             << int(KubeError::Kind::Unauthorized);
        QTest::newRow("403") << 403 << QByteArray("Forbidden") << int(KubeError::Kind::Forbidden);
        QTest::newRow("404") << 404 << QByteArray("NotFound") << int(KubeError::Kind::NotFound);
        QTest::newRow("409") << 409 << QByteArray("Conflict") << int(KubeError::Kind::Conflict);
        QTest::newRow("422") << 422 << QByteArray("Invalid") << int(KubeError::Kind::Server);
    }

    void statusBodies_giveTypedErrors()
    {
        QFETCH(int, code);
        QFETCH(QByteArray, reason);
        QFETCH(int, kind);
        m_server->setHandler([code, reason](const TestRequest&) {
            return TestReply::kubeStatus(
                code, reason,
                "namespaces \\\"x\\\" is forbidden: User \\\"bob\\\" cannot get resource");
        });
        auto c = tokenClient();
        auto r = fetch(*c, QStringLiteral("/api/v1/namespaces/x"));
        QVERIFY(r);
        QCOMPARE(int(r->error.kind), kind);
        QCOMPARE(r->error.httpStatus, code);
        QCOMPARE(r->error.reason, QString::fromLatin1(reason));
        const QString message =
            QStringLiteral("namespaces \"x\" is forbidden: User \"bob\" cannot get resource");
        // A 401 is framed as kubectl frames it; every other Status message is kept as it is.
        QCOMPARE(r->error.message,
                 code == 401
                     ? QStringLiteral("You must be logged in to the server (%1)").arg(message)
                     : message);
        QCOMPARE(r->error.status.value(QStringLiteral("code")).toInt(), code);
        QCOMPARE(r->attempts, 1);
    }

    void nonStatusErrorBodies_areSynthesised()
    {
        auto cause = [](const KubeResponse& r) {
            return r.error.status.value(QStringLiteral("details"))
                .toObject()
                .value(QStringLiteral("causes"))
                .toArray()
                .at(0)
                .toObject()
                .value(QStringLiteral("message"))
                .toString();
        };
        m_server->setHandler([](const TestRequest&) {
            return TestReply{404, "text/html", "<html>nginx 404</html>\n"};
        });
        auto c = tokenClient();
        auto r = fetch(*c, QStringLiteral("/apis/foo/v1"));
        QVERIFY(r);
        QCOMPARE(r->error.kind, KubeError::Kind::NotFound);
        QCOMPARE(r->error.reason, QStringLiteral("NotFound"));
        QCOMPARE(r->error.message,
                 QStringLiteral("the server could not find the requested resource"));
        QCOMPARE(cause(*r), QStringLiteral("<html>nginx 404</html>"));
        // Not text/*: client-go records the cause as "unknown".
        m_server->setHandler([](const TestRequest&) {
            return TestReply{502, "application/octet-stream", "\x01\x02"};
        });
        c->setMaxRetries(0);
        auto binary = fetch(*c, QStringLiteral("/apis/foo/v1"));
        QVERIFY(binary);
        QCOMPARE(binary->error.kind, KubeError::Kind::Server);
        QCOMPARE(cause(*binary), QStringLiteral("unknown"));
    }

    void malformedJson_isBadResponse()
    {
        m_server->setHandler([](const TestRequest&) {
            return TestReply::json(200, "{\"kind\": \"NamespaceList\", items: [");
        });
        auto c = tokenClient();
        auto r = fetch(*c, QStringLiteral("/api/v1/namespaces"));
        QVERIFY(r);
        QCOMPARE(r->error.kind, KubeError::Kind::BadResponse);
        QVERIFY2(r->error.message.startsWith(
                     QStringLiteral("malformed JSON in the answer to GET /api/v1/namespaces")),
                 qPrintable(r->error.message));
    }

    void textBody_onSuccess_isKept()
    {
        m_server->setHandler(
            [](const TestRequest&) { return TestReply::text(200, "I0101 log line\n"); });
        auto c = tokenClient();
        auto r = fetch(*c, QStringLiteral("/api/v1/namespaces/kube-system/pods/x/log"));
        QVERIFY(r && r->error.ok());
        QCOMPARE(r->body, QByteArray("I0101 log line\n"));
        QVERIFY(r->json.isEmpty());
    }

    void gzipBodies_areDecompressed()
    {
        m_server->setHandler([](const TestRequest& r) {
            if (!r.header("accept-encoding").contains("gzip"))
                return TestReply::json(400, "{}");
            TestReply reply = TestReply::json(200, gzip(namespaceList(3)));
            reply.headers << std::pair<QByteArray, QByteArray>("Content-Encoding", "gzip");
            return reply;
        });
        auto c = tokenClient();
        auto r = fetch(*c, QStringLiteral("/api/v1/namespaces"));
        QVERIFY(r);
        QVERIFY2(r->error.ok(), qPrintable(r->error.message));
        QCOMPARE(r->json.value(QStringLiteral("items")).toArray().size(), 3);
    }

    void list_followsContinueTokens()
    {
        m_server->setHandler([](const TestRequest& r) {
            const int limit = r.query.queryItemValue(QStringLiteral("limit")).toInt();
            const QString token =
                r.query.queryItemValue(QStringLiteral("continue"), QUrl::FullyDecoded);
            const int from = token.isEmpty() ? 0 : token.mid(4).toInt();
            const int total = 5;
            const int n = std::min(limit, total - from);
            QJsonObject list = QJsonDocument::fromJson(namespaceList(n, from)).object();
            QJsonObject meta{{QStringLiteral("resourceVersion"), QStringLiteral("42")}};
            if (from + n < total)
                meta.insert(QStringLiteral("continue"), QStringLiteral("tok/%1").arg(from + n));
            list.insert(QStringLiteral("metadata"), meta);
            return TestReply::json(200, QJsonDocument(list).toJson(QJsonDocument::Compact));
        });
        auto c = tokenClient();
        std::optional<KubeResponse> result;
        const int before = m_server->requests().size();
        c->list(
            QStringLiteral("/api/v1/namespaces?labelSelector=a%3Db"), this,
            [&result](const KubeResponse& r) { result = r; }, 2);
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
        QVERIFY2(result->error.ok(), qPrintable(result->error.message));
        const QJsonArray items = result->json.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 5);
        QCOMPARE(items.at(4)
                     .toObject()
                     .value(QStringLiteral("metadata"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("ns-4"));
        QVERIFY(!result->json.value(QStringLiteral("metadata"))
                     .toObject()
                     .contains(QStringLiteral("continue")));
        QCOMPARE(m_server->requests().size() - before, 3);
        const TestRequest& last = m_server->requests().last();
        // The caller's encoded selector is kept; the continue token is percent-encoded.
        QCOMPARE(last.target,
                 QByteArray("/api/v1/namespaces?labelSelector=a%3Db&limit=2&continue=tok%2F4"));
    }

    void execPlugin_isRunOnce_queuesRequests_andRerunsAfter401()
    {
        QTemporaryDir dir;
        const QString counter = dir.filePath(QStringLiteral("count"));
        // Each run prints the next token: exec-token-1, exec-token-2, …
        writeTextFile(dir.filePath(QStringLiteral("plugin.sh")),
                      "#!/bin/sh\nn=$(cat '" + counter.toUtf8() +
                          "' 2>/dev/null || echo 0)\nn=$((n+1))\n"
                          "echo $n > '" +
                          counter.toUtf8() +
                          "'\nsleep 0.3\n"
                          "printf "
                          "'{\"apiVersion\":\"client.authentication.k8s.io/"
                          "v1beta1\",\"kind\":\"ExecCredential\","
                          "\"status\":{\"token\":\"exec-token-%s-abcdef\"}}' $n\n",
                      true);
        QByteArray accepted = "Bearer exec-token-1-abcdef";
        m_server->setHandler([&accepted](const TestRequest& r) {
            if (r.header("authorization") != accepted)
                return TestReply::kubeStatus(401, "Unauthorized", "Unauthorized");
            return TestReply::json(200, namespaceList(1));
        });
        auto c =
            client(caLine(), "    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n"
                             "      command: " +
                                 dir.filePath(QStringLiteral("plugin.sh")).toUtf8() + "\n");
        QVERIFY(c);
        int done = 0, ok = 0;
        for (int i = 0; i < 3; ++i) {
            c->get(QStringLiteral("/api/v1/namespaces"), this, [&done, &ok](const KubeResponse& r) {
                ++done;
                ok += r.error.ok();
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(done, 3, 10000);
        QCOMPARE(ok, 3);
        QCOMPARE(c->execPluginRuns(), 1);

        // Cached: no new run for the next request.
        auto cached = fetch(*c, QStringLiteral("/api"));
        QVERIFY(cached && cached->error.ok());
        QCOMPARE(c->execPluginRuns(), 1);

        // The server rotates credentials: the 401 triggers exactly one new run.
        accepted = "Bearer exec-token-2-abcdef";
        auto rotated = fetch(*c, QStringLiteral("/api"));
        QVERIFY(rotated);
        QVERIFY2(rotated->error.ok(), qPrintable(rotated->error.message));
        QCOMPARE(c->execPluginRuns(), 2);

        // A credential that is never accepted ends in Unauthorized, not a loop.
        accepted = "Bearer nothing-matches";
        auto denied = fetch(*c, QStringLiteral("/api"));
        QVERIFY(denied);
        QCOMPARE(denied->error.kind, KubeError::Kind::Unauthorized);
        QCOMPARE(c->execPluginRuns(), 3);
    }

    void execPluginFailure_failsQueuedRequests()
    {
        QTemporaryDir dir;
        writeTextFile(dir.filePath(QStringLiteral("plugin.sh")),
                      "#!/bin/sh\necho 'no SSO session' >&2\nexit 1\n", true);
        auto c =
            client(caLine(), "    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n"
                             "      command: " +
                                 dir.filePath(QStringLiteral("plugin.sh")).toUtf8() + "\n");
        QVERIFY(c);
        auto r = fetch(*c, QStringLiteral("/api"));
        QVERIFY(r);
        QCOMPARE(r->error.kind, KubeError::Kind::Auth);
        QVERIFY2(r->error.message.contains(QStringLiteral("no SSO session")),
                 qPrintable(r->error.message));
    }

    void secretsInServerMessages_areRedacted()
    {
        m_server->setHandler([](const TestRequest&) {
            return TestReply::kubeStatus(401, "Unauthorized",
                                         "token good-token-123456 is not valid");
        });
        auto c = tokenClient();
        auto r = fetch(*c, QStringLiteral("/api"));
        QVERIFY(r);
        QCOMPARE(r->error.kind, KubeError::Kind::Unauthorized);
        QVERIFY2(!r->error.message.contains(QStringLiteral("good-token-123456")),
                 qPrintable(r->error.message));
        QVERIFY(r->error.message.contains(QStringLiteral("[REDACTED]")));
    }

    void destroyedReceiver_dropsTheAnswer()
    {
        m_server->setHandler([](const TestRequest&) {
            TestReply reply = TestReply::json(200, "{}");
            reply.delayMs = 200;
            return reply;
        });
        auto c = tokenClient();
        bool called = false;
        auto* receiver = new QObject;
        c->get(QStringLiteral("/api"), receiver, [&called](const KubeResponse&) { called = true; });
        delete receiver;
        QSignalSpy recorded(c.get(), &KubeClient::requestRecorded);
        QVERIFY(recorded.wait(5000));
        QVERIFY(!called);
    }

    void cancelAll_endsInFlightAndRetryingRequests()
    {
        m_server->setHandler([](const TestRequest& r) {
            if (r.path == QLatin1String("/slow"))
                return delayed(TestReply::json(200, "{}"), 5000);
            TestReply busy = TestReply::kubeStatus(429, "TooManyRequests", "later");
            busy.headers << std::pair<QByteArray, QByteArray>("Retry-After", "10");
            return busy;
        });
        auto c = tokenClient();
        QList<KubeError::Kind> kinds;
        c->get(QStringLiteral("/slow"), this,
               [&kinds](const KubeResponse& r) { kinds << r.error.kind; });
        c->get(QStringLiteral("/busy"), this,
               [&kinds](const KubeResponse& r) { kinds << r.error.kind; });
        // Wait until the 429 came back (its retry is now scheduled) and /slow is in flight.
        QTRY_VERIFY_WITH_TIMEOUT(
            !c->requestLog().isEmpty() && m_server->count(QStringLiteral("/slow")) == 1, 5000);
        QCOMPARE(c->requestLog().first().httpStatus, 429);
        c->cancelAll();
        // Both end as cancelled, neither as the retry's 429 (10 s away) or the slow 200 (5 s).
        QTRY_COMPARE_WITH_TIMEOUT(kinds.size(), 2, 4000);
        QCOMPARE(kinds,
                 (QList<KubeError::Kind>{KubeError::Kind::Cancelled, KubeError::Kind::Cancelled}));
        QCOMPARE(m_server->count(QStringLiteral("/busy")), 1);
    }

    void httpProxy_isUsedFromProxyUrl()
    {
        ConnectProxy proxy(m_server->port());
        QVERIFY(proxy.listen());
        auto c = client(
            caLine() + "    proxy-url: http://127.0.0.1:" + QByteArray::number(proxy.port()) + "\n",
            "    token: good-token-123456\n");
        QVERIFY(c);
        auto r = fetch(*c, QStringLiteral("/api"));
        QVERIFY(r);
        QVERIFY2(r->error.ok(), qPrintable(r->error.message));
        QCOMPARE(proxy.connectLines(),
                 QList<QByteArray>{"CONNECT 127.0.0.1:" + QByteArray::number(m_server->port()) +
                                   " HTTP/1.1"});
    }

    void httpsProxyEnvironment_isUsedUnlessNoProxy()
    {
        ConnectProxy proxy(m_server->port());
        QVERIFY(proxy.listen());
        // A name only the proxy can reach (it tunnels everything to the test server).
        const QString server =
            QStringLiteral("https://kube.internal.test:%1").arg(m_server->port());
        QProcessEnvironment env;
        env.insert(QStringLiteral("https_proxy"),
                   QStringLiteral("http://127.0.0.1:%1").arg(proxy.port()));
        auto c = client(caLine(), "    token: good-token-123456\n", server);
        QVERIFY(c);
        c->setProcessEnvironment(env);
        auto r = fetch(*c, QStringLiteral("/api"));
        QVERIFY(r);
        QVERIFY2(r->error.ok(), qPrintable(r->error.message));
        QCOMPARE(proxy.connectLines().size(), 1);
        QVERIFY(proxy.connectLines().first().startsWith("CONNECT kube.internal.test:"));

        env.insert(QStringLiteral("NO_PROXY"), QStringLiteral("example.com, .internal.test"));
        auto direct = client(caLine(), "    token: good-token-123456\n", server);
        direct->setProcessEnvironment(env);
        auto r2 = fetch(*direct, QStringLiteral("/api"));
        QVERIFY(r2);
        QCOMPARE(r2->error.kind, KubeError::Kind::Unreachable); // no DNS for that name
        QCOMPARE(proxy.connectLines().size(), 1);

        // Loopback never goes through the proxy.
        env.remove(QStringLiteral("NO_PROXY"));
        auto loopback = tokenClient();
        loopback->setProcessEnvironment(env);
        auto r3 = fetch(*loopback, QStringLiteral("/api"));
        QVERIFY(r3 && r3->error.ok());
        QCOMPARE(proxy.connectLines().size(), 1);
    }

    void execPlugin_clientCertificate_isUsedForTls()
    {
        QTemporaryDir dir;
        const QJsonObject credential{
            {QStringLiteral("apiVersion"), QStringLiteral("client.authentication.k8s.io/v1")},
            {QStringLiteral("kind"), QStringLiteral("ExecCredential")},
            {QStringLiteral("status"),
             QJsonObject{{QStringLiteral("clientCertificateData"),
                          QString::fromLatin1(m_pki->read(QStringLiteral("client-ec.crt")))},
                         {QStringLiteral("clientKeyData"),
                          QString::fromLatin1(m_pki->read(QStringLiteral("client-ec.key")))}}}};
        writeTextFile(dir.filePath(QStringLiteral("cred.json")),
                      QJsonDocument(credential).toJson());
        writeTextFile(
            dir.filePath(QStringLiteral("plugin.sh")),
            "#!/bin/sh\ncat '" + dir.filePath(QStringLiteral("cred.json")).toUtf8() + "'\n", true);
        auto c = client(caLine(), "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n"
                                  "      interactiveMode: Never\n"
                                  "      command: " +
                                      dir.filePath(QStringLiteral("plugin.sh")).toUtf8() + "\n");
        QVERIFY(c);
        auto r = fetch(*c, QStringLiteral("/whoami"));
        QVERIFY(r);
        QVERIFY2(r->error.ok(), qPrintable(r->error.message));
        QCOMPARE(r->json.value(QStringLiteral("cn")).toString(), QStringLiteral("bob"));
        QVERIFY(m_server->requests().last().header("authorization").isEmpty());
    }

    // --- against the simulator, in process ----------------------------------------------

    void sim_ownKubeconfig_clientCertificateOverTls()
    {
        auto c = simClient();
        QVERIFY(c);
        QVERIFY(!c->context().user.clientCertificateData.isEmpty());
        auto r = fetch(*c, QStringLiteral("/api/v1/namespaces"));
        QVERIFY(r);
        QVERIFY2(r->error.ok(), qPrintable(r->error.message));
        QVERIFY(!r->json.value(QStringLiteral("items")).toArray().isEmpty());
    }

    void sim_bearerToken_andMissingCredentials()
    {
        const QString token = m_sim->token();
        QCOMPARE(m_sim->info().value(QStringLiteral("token")).toString(), token);
        auto c = simClient([token](KubeUser& u) { u.token = token; });
        auto r = fetch(*c, QStringLiteral("/api/v1/namespaces/kube-system"));
        QVERIFY(r);
        QVERIFY2(r->error.ok(), qPrintable(r->error.message));

        auto anonymous =
            simClient([](KubeUser& u) { u.token = QStringLiteral("wrong-token-000000"); });
        auto denied = fetch(*anonymous, QStringLiteral("/api/v1/namespaces"));
        QVERIFY(denied);
        QCOMPARE(denied->error.kind, KubeError::Kind::Unauthorized);
        QCOMPARE(denied->error.httpStatus, 401);
    }

    void sim_issuedClientCertificates_rsaAndEc_data()
    {
        QTest::addColumn<bool>("ec");
        QTest::newRow("rsa") << false;
        QTest::newRow("ec") << true;
    }

    void sim_issuedClientCertificates_rsaAndEc()
    {
        QFETCH(bool, ec);
        // A pair, not a structured binding: lambdas capture bindings only from clang 16 on.
        const auto issued = m_sim->issueClientCertificate(QStringLiteral("dana"), ec);
        auto c = simClient([&issued](KubeUser& u) {
            u.clientCertificateData = issued.first;
            u.clientKeyData = issued.second;
        });
        QVERIFY(c);
        auto r = fetch(*c, QStringLiteral("/api/v1/namespaces"));
        QVERIFY(r);
        QVERIFY2(r->error.ok(), qPrintable(r->error.message));
    }

    void sim_execPlugin_tokenCachedAndRerunAfter401()
    {
        QTemporaryDir dir;
        writeTextFile(
            dir.filePath(QStringLiteral("plugin.sh")),
            "#!/bin/sh\nprintf '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":"
            "\"ExecCredential\",\"status\":{\"token\":\"" +
                m_sim->token().toUtf8() + "\"}}'\n",
            true);
        auto c = simClient([&dir](KubeUser& u) {
            ExecConfig exec;
            exec.command = dir.filePath(QStringLiteral("plugin.sh"));
            exec.apiVersion = QStringLiteral("client.authentication.k8s.io/v1");
            exec.interactiveMode = QStringLiteral("Never");
            u.exec = exec;
        });
        auto first = fetch(*c, QStringLiteral("/api/v1/nodes"));
        QVERIFY(first);
        QVERIFY2(first->error.ok(), qPrintable(first->error.message));
        auto second = fetch(*c, QStringLiteral("/api/v1/nodes"));
        QVERIFY(second && second->error.ok());
        QCOMPARE(c->execPluginRuns(), 1);
        m_sim->injectFault(QStringLiteral("/api/v1/nodes"), 401, 1);
        auto afterRevoke = fetch(*c, QStringLiteral("/api/v1/nodes"));
        QVERIFY(afterRevoke);
        QVERIFY2(afterRevoke->error.ok(), qPrintable(afterRevoke->error.message));
        QCOMPARE(c->execPluginRuns(), 2);
    }

    void sim_retryAfter_isHonoured()
    {
        auto c = simClient();
        m_sim->injectFault(QStringLiteral("/api/v1/pods"), 429, 1, 1);
        QElapsedTimer t;
        t.start();
        auto r = fetch(*c, QStringLiteral("/api/v1/pods"));
        QVERIFY(r);
        QVERIFY2(r->error.ok(), qPrintable(r->error.message));
        QCOMPARE(r->attempts, 2);
        QVERIFY(t.elapsed() >= 900);
    }

    void sim_slowPath_timesOut()
    {
        auto c = simClient();
        c->setTimeoutMs(300);
        m_sim->setPathDelay(QStringLiteral("/api/v1/services"), 3000);
        auto r = fetch(*c, QStringLiteral("/api/v1/services"));
        m_sim->setPathDelay(QStringLiteral("/api/v1/services"), 0);
        QVERIFY(r);
        QCOMPARE(r->error.kind, KubeError::Kind::Timeout);
    }

    void sim_list_isPaginated()
    {
        auto c = simClient();
        auto all = fetch(*c, QStringLiteral("/api/v1/namespaces"));
        QVERIFY(all && all->error.ok());
        const int total = all->json.value(QStringLiteral("items")).toArray().size();
        QVERIFY(total >= 3);
        std::optional<KubeResponse> paged;
        const int before = int(c->requestLog().size());
        c->list(
            QStringLiteral("/api/v1/namespaces"), this,
            [&paged](const KubeResponse& r) { paged = r; }, 2);
        QTRY_VERIFY_WITH_TIMEOUT(paged.has_value(), 10000);
        QVERIFY2(paged->error.ok(), qPrintable(paged->error.message));
        QCOMPARE(paged->json.value(QStringLiteral("items")).toArray().size(), total);
        QCOMPARE(int(c->requestLog().size()) - before, (total + 1) / 2);
    }

    void sim_unavailableAggregatedApi_isServiceUnavailable()
    {
        auto c = simClient();
        auto r = fetch(*c, QStringLiteral("/apis/metrics.k8s.io/v1beta1"));
        QVERIFY(r);
        QCOMPARE(r->error.kind, KubeError::Kind::ServiceUnavailable);
        QCOMPARE(r->error.reason, QStringLiteral("ServiceUnavailable"));
        QCOMPARE(r->error.message,
                 QStringLiteral("the server is currently unable to handle the request"));
        QVERIFY(r->contentType.startsWith("text/plain"));
        QCOMPARE(r->attempts, 2);
    }

    void sim_wrongCa_isTlsFailure()
    {
        auto ctx = simContext();
        QVERIFY(ctx);
        ctx->cluster.certificateAuthorityData = m_pki->read(QStringLiteral("other-ca.crt"));
        KubeClient c(*ctx);
        auto r = fetch(c, QStringLiteral("/api"));
        QVERIFY(r);
        QCOMPARE(r->error.kind, KubeError::Kind::Tls);
    }

    void sim_stopped_isUnreachable()
    {
        QTemporaryDir dir;
        sim::SimOptions options;
        options.stateDir = dir.path();
        sim::SimServer other(options);
        QString error;
        QVERIFY2(other.start(&error), qPrintable(error));
        KubeError kerr;
        auto cfg = KubeconfigLoader::load(other.kubeconfigPath(), {}, &kerr);
        QVERIFY(cfg);
        auto ctx = KubeconfigLoader::resolve(*cfg, {}, &kerr);
        QVERIFY(ctx);
        other.stop();
        KubeClient c(*ctx);
        auto r = fetch(c, QStringLiteral("/api"));
        QVERIFY(r);
        QCOMPARE(r->error.kind, KubeError::Kind::Unreachable);
        QVERIFY2(r->error.message.contains(ctx->cluster.server), qPrintable(r->error.message));
    }
};

QTEST_GUILESS_MAIN(TestKubeClient)
#include "tst_kubeclient.moc"
