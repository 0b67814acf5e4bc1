// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A tiny HTTPS/1.1 server on 127.0.0.1 for KubeClient tests that need exact control of the
// answer (Retry-After, slow answers, text/plain 503, malformed JSON, pagination, 401 on cue).
// Keep-alive, Content-Length bodies, answers delayed with timers.

#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <functional>
#include <utility>

namespace unstuck::test {

struct TestRequest
{
    QByteArray method;
    QString path; // without query
    QUrlQuery query;
    QByteArray target;
    QMap<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    QSslCertificate peerCertificate;
    QByteArray header(const QByteArray& name) const { return headers.value(name); }
};

struct TestReply
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
    int delayMs = 0;
    bool hangUp = false; // close the connection without an answer
    // Keep the answer until TestApiServer::releaseHeld(): lets a test see which requests a client
    // sends while none of its earlier ones has been answered (parallel, not one after another).
    bool held = false;

    static TestReply json(int status, const QByteArray& body)
    {
        return {status, "application/json", body};
    }
    static TestReply text(int status, const QByteArray& body)
    {
        return {status, "text/plain; charset=utf-8", body};
    }
    static TestReply kubeStatus(int code, const QByteArray& reason, const QByteArray& message)
    {
        return json(code, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":"
                          "\"Failure\",\"message\":\"" +
                              message + "\",\"reason\":\"" + reason +
                              "\",\"code\":" + QByteArray::number(code) + "}");
    }
};

class TestApiServer : public QObject
{
public:
    using Handler = std::function<TestReply(const TestRequest&)>;

    TestApiServer(const QSslCertificate& cert, const QSslKey& key,
                  const QList<QSslCertificate>& clientCas, bool requireClientCert = false)
    {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(cert);
        config.setPrivateKey(key);
        config.setCaCertificates(clientCas);
        config.setPeerVerifyMode(requireClientCert ? QSslSocket::VerifyPeer
                                                   : QSslSocket::QueryPeer);
        m_server.setSslConfiguration(config);
        m_server.setHandshakeTimeout(5000);
        connect(&m_server, &QSslServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket* s = m_server.nextPendingConnection()) {
                auto* socket = static_cast<QSslSocket*>(s);
                socket->setParent(this);
                connect(socket, &QSslSocket::readyRead, this, [this, socket] { onRead(socket); });
                connect(socket, &QSslSocket::disconnected, this, [this, socket] {
                    m_buffers.remove(socket);
                    socket->deleteLater();
                });
            }
        });
        connect(&m_server, &QSslServer::errorOccurred, this,
                [this](QSslSocket*, QAbstractSocket::SocketError) { ++m_handshakeFailures; });
        connect(&m_server, &QSslServer::peerVerifyError, this,
                [](QSslSocket*, const QSslError&) {});
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    QString url() const { return QStringLiteral("https://127.0.0.1:%1").arg(port()); }
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    const QList<TestRequest>& requests() const { return m_requests; }
    int count(const QString& path) const
    {
        int n = 0;
        for (const TestRequest& r : m_requests)
            n += r.path == path;
        return n;
    }
    int handshakeFailures() const { return m_handshakeFailures; }
    // Sends every held answer now.
    void releaseHeld()
    {
        const QList<std::function<void()>> held = std::exchange(m_held, {});
        for (const auto& send : held)
            send();
    }

private:
    void onRead(QSslSocket* socket)
    {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            TestRequest request;
            const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            request.method = first.value(0);
            request.target = first.value(1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                           lines[i].mid(colon + 1).trimmed());
            }
            const qsizetype length = request.header("content-length").toLongLong();
            if (buffer.size() < headerEnd + 4 + length)
                return;
            request.body = buffer.mid(headerEnd + 4, length);
            buffer.remove(0, headerEnd + 4 + length);
            const QUrl url(QString::fromLatin1(request.target));
            request.path = url.path();
            request.query = QUrlQuery(url.query());
            request.peerCertificate = socket->peerCertificate();
            m_requests << request;
            const TestReply reply = m_handler ? m_handler(request) : TestReply::json(404, "{}");
            QPointer<QSslSocket> guard(socket);
            const auto send = [guard, reply] {
                if (!guard)
                    return;
                if (reply.hangUp) {
                    guard->disconnectFromHost();
                    return;
                }
                QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.status) + " X\r\n";
                out += "Content-Type: " + reply.contentType + "\r\n";
                out += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
                for (const auto& [name, value] : reply.headers)
                    out += name + ": " + value + "\r\n";
                out += "\r\n" + reply.body;
                guard->write(out);
            };
            if (reply.held)
                m_held << send;
            else
                QTimer::singleShot(reply.delayMs, this, send);
        }
    }

    QSslServer m_server;
    Handler m_handler;
    QList<TestRequest> m_requests;
    QHash<QSslSocket*, QByteArray> m_buffers;
    QList<std::function<void()>> m_held;
    int m_handshakeFailures = 0;
};

} // namespace unstuck::test
