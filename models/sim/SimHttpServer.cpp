// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/SimHttpServer.h"

#include "models/sim/HttpRequestParser.h"

#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace unstuck::sim {

namespace {

struct Connection
{
    QByteArray buffer;
    bool busy = false;                  // a request is being answered
    std::shared_ptr<HttpStream> stream; // an open watch
    bool continueSent = false;          // "100 Continue" already sent for the pending request
    // A large body still going out piece by piece, and how much of it is written.
    QByteArray unsentBody;
    qsizetype bodyWritten = 0;
    bool closeAfterBody = false;
};

// A body larger than this is handed to the TLS socket one piece at a time as the connection
// drains, so encrypting and copying megabytes never happens in one go and other connections
// are answered between the pieces (a 2,000-node list is 4.5 MB).
constexpr qsizetype kBodyPiece = 256 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 409:
        return "Conflict";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

QByteArray httpDate()
{
    return QLocale::c()
               .toString(QDateTime::currentDateTimeUtc(),
                         QStringLiteral("ddd, dd MMM yyyy hh:mm:ss"))
               .toLatin1() +
           " GMT";
}

// A QSslServer that can offer a chosen connection another certificate: the base class copies
// sslConfiguration() into each new socket as it accepts it, before the handshake starts.
class FaultableSslServer : public QSslServer
{
public:
    using QSslServer::QSslServer;
    std::function<bool()> handshakeFault;
    QSslConfiguration untrusted;

protected:
    void incomingConnection(qintptr handle) override
    {
        if (!handshakeFault || !handshakeFault()) {
            QSslServer::incomingConnection(handle);
            return;
        }
        const QSslConfiguration normal = sslConfiguration();
        setSslConfiguration(untrusted);
        QSslServer::incomingConnection(handle);
        setSslConfiguration(normal);
    }
};

} // namespace

struct SimHttpServer::Private
{
    FaultableSslServer* server = nullptr;
    QSslConfiguration config;
    Handler handler;
    DelayFunction delay;
    int latencyMs = 0;
    QHash<QSslSocket*, Connection> connections;
};

SimHttpServer::SimHttpServer(QObject* parent) : QObject(parent), d(new Private)
{
    d->config = QSslConfiguration::defaultConfiguration();
    d->config.setPeerVerifyMode(QSslSocket::VerifyNone);
    d->server = new FaultableSslServer(this);
    connect(d->server, &QSslServer::pendingConnectionAvailable, this, &SimHttpServer::onConnection);
    // Handshake failures (a client that does not trust our CA) only end that connection.
    connect(d->server, &QSslServer::errorOccurred, this,
            [this](QSslSocket* socket, QAbstractSocket::SocketError) {
                if (!d->connections.contains(socket))
                    socket->deleteLater();
            });
    connect(d->server, &QSslServer::sslErrors, this,
            [](QSslSocket* socket, const QList<QSslError>&) { socket->ignoreSslErrors(); });
}

SimHttpServer::~SimHttpServer()
{
    close();
}

void SimHttpServer::setCertificate(const QSslCertificate& certificate, const QSslKey& key,
                                   const QList<QSslCertificate>& caCertificates)
{
    d->config.setLocalCertificate(certificate);
    d->config.setPrivateKey(key);
    d->config.setCaCertificates(caCertificates);
}

void SimHttpServer::setRequestClientCertificate(bool request)
{
    // QueryPeer asks for a certificate without requiring one; KubeApi checks the chain.
    d->config.setPeerVerifyMode(request ? QSslSocket::QueryPeer : QSslSocket::VerifyNone);
}

void SimHttpServer::setHandler(Handler handler)
{
    d->handler = std::move(handler);
}

void SimHttpServer::setDelayFunction(DelayFunction delay)
{
    d->delay = std::move(delay);
}

void SimHttpServer::setLatencyMs(int ms)
{
    d->latencyMs = qMax(0, ms);
}

void SimHttpServer::setHandshakeFault(HandshakeFault fault, const QSslCertificate& certificate,
                                      const QSslKey& key)
{
    d->server->handshakeFault = std::move(fault);
    d->server->untrusted = d->config;
    d->server->untrusted.setLocalCertificate(certificate);
    d->server->untrusted.setPrivateKey(key);
}

bool SimHttpServer::listen(quint16 port, QString* error)
{
    d->server->setSslConfiguration(d->config);
    if (!d->server->listen(QHostAddress::LocalHost, port)) {
        if (error)
            *error = QStringLiteral("cannot listen on 127.0.0.1:%1: %2")
                         .arg(port)
                         .arg(d->server->errorString());
        return false;
    }
    return true;
}

quint16 SimHttpServer::port() const
{
    return d->server->serverPort();
}

void SimHttpServer::close()
{
    if (d->server)
        d->server->close();
    const auto sockets = d->connections.keys();
    d->connections.clear();
    for (QSslSocket* socket : sockets) {
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
}

void SimHttpServer::onConnection()
{
    while (d->server->hasPendingConnections()) {
        auto* socket = qobject_cast<QSslSocket*>(d->server->nextPendingConnection());
        if (!socket)
            continue;
        socket->setParent(this);
        d->connections.insert(socket, Connection{});
        connect(socket, &QSslSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        // A large body goes on as the connection drains (see writeNextPiece).
        connect(socket, &QSslSocket::bytesWritten, this,
                [this, socket] { writeNextPiece(socket); });
        connect(socket, &QSslSocket::encryptedBytesWritten, this,
                [this, socket] { writeNextPiece(socket); });
        connect(socket, &QSslSocket::disconnected, this, [this, socket] {
            d->connections.remove(socket);
            socket->deleteLater();
        });
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

void SimHttpServer::onReadyRead(QSslSocket* socket)
{
    auto it = d->connections.find(socket);
    if (it == d->connections.end())
        return;
    it->buffer.append(socket->readAll());
    if (it->busy)
        return;
    HttpRequest request;
    bool closeAfter = false;
    if (!parseOne(socket, &request, &closeAfter))
        return;
    d->connections[socket].busy = true;
    HttpResponse response =
        d->handler ? d->handler(request) : HttpResponse::text(500, "no handler\n");
    const int delay = d->latencyMs + (d->delay ? d->delay(request) : 0);
    if (delay <= 0) {
        respond(socket, response, closeAfter);
        return;
    }
    QPointer<QSslSocket> guard(socket);
    QTimer::singleShot(delay, this, [this, guard, response, closeAfter] {
        if (guard && d->connections.contains(guard.data()))
            respond(guard.data(), response, closeAfter);
    });
}

bool SimHttpServer::parseOne(QSslSocket* socket, HttpRequest* request, bool* closeAfter)
{
    using State = HttpRequestParser::Result::State;
    Connection& conn = d->connections[socket];
    const HttpRequestParser::Result result = HttpRequestParser::parse(conn.buffer, request);
    if (result.state == State::Rejected) {
        respond(socket, result.rejection, true);
        return false;
    }
    if (result.state == State::Incomplete) {
        if (result.wantsContinue && !conn.continueSent) {
            conn.continueSent = true;
            socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        }
        return false;
    }
    conn.continueSent = false;
    conn.buffer.remove(0, result.consumed);
    request->peerChain = socket->peerCertificateChain();
    *closeAfter = result.closeAfter;
    return true;
}

void SimHttpServer::respond(QSslSocket* socket, const HttpResponse& response, bool closeAfter)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                     reasonPhrase(response.status) + "\r\n";
    if (!response.contentType.isEmpty())
        out += "Content-Type: " + response.contentType + "\r\n";
    for (const auto& [name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    out += "Date: " + httpDate() + "\r\n";
    if (response.stream) {
        out += "Transfer-Encoding: chunked\r\n\r\n";
        if (!response.body.isEmpty())
            out += QByteArray::number(response.body.size(), 16) + "\r\n" + response.body + "\r\n";
        socket->write(out);
        auto it = d->connections.find(socket);
        if (it == d->connections.end())
            return;
        it->stream = response.stream;
        HttpStream* stream = response.stream.get();
        QPointer<QSslSocket> guard(socket);
        connect(stream, &HttpStream::data, socket, [guard](const QByteArray& bytes) {
            if (guard && !bytes.isEmpty())
                guard->write(QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n");
        });
        connect(
            stream, &HttpStream::finished, socket,
            [this, guard, closeAfter] {
                if (!guard)
                    return;
                guard->write("0\r\n\r\n");
                auto conn = d->connections.find(guard.data());
                if (conn != d->connections.end())
                    conn->stream.reset();
                finishResponse(guard.data(), closeAfter);
            },
            Qt::QueuedConnection);
        return;
    }
    if (response.delivery != HttpResponse::Delivery::Intact &&
        deliverBroken(socket, out, response, closeAfter))
        return;
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    if (closeAfter)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (response.body.size() > kBodyPiece) {
        socket->write(out);
        writeBodyInPieces(socket, response.body, closeAfter);
        return;
    }
    out += response.body;
    socket->write(out);
    finishResponse(socket, closeAfter);
}

void SimHttpServer::writeBodyInPieces(QSslSocket* socket, const QByteArray& body, bool closeAfter)
{
    auto it = d->connections.find(socket);
    if (it == d->connections.end())
        return;
    it->unsentBody = body;
    it->bodyWritten = 0;
    it->closeAfterBody = closeAfter;
    writeNextPiece(socket);
}

// The next piece once the previous one is on its way to the client (encrypted and handed to
// the kernel); the response ends with the last piece.
void SimHttpServer::writeNextPiece(QSslSocket* socket)
{
    auto it = d->connections.find(socket);
    if (it == d->connections.end() || it->unsentBody.isEmpty())
        return;
    if (socket->bytesToWrite() > 0 || socket->encryptedBytesToWrite() > kBodyPiece)
        return;
    const qsizetype piece = std::min(kBodyPiece, it->unsentBody.size() - it->bodyWritten);
    socket->write(it->unsentBody.constData() + it->bodyWritten, piece);
    it->bodyWritten += piece;
    if (it->bodyWritten < it->unsentBody.size())
        return;
    it->unsentBody.clear();
    it->bodyWritten = 0;
    finishResponse(socket, it->closeAfterBody);
}

bool SimHttpServer::deliverBroken(QSslSocket* socket, const QByteArray& head,
                                  const HttpResponse& response, bool closeAfter)
{
    using Delivery = HttpResponse::Delivery;
    const QByteArray& body = response.body;
    const qsizetype half = body.size() / 2;
    switch (response.delivery) {
    case Delivery::Reset:
    case Delivery::TruncateFullLength:
        socket->write(head + "Content-Length: " + QByteArray::number(body.size()) +
                      "\r\nConnection: close\r\n\r\n" + body.left(half));
        socket->flush();
        if (response.delivery == Delivery::Reset) {
#ifdef Q_OS_UNIX
            // SO_LINGER 0: closing sends a TCP RST, "connection reset by peer" for the client.
            const linger hard{1, 0};
            ::setsockopt(static_cast<int>(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard,
                         sizeof hard);
#endif
            socket->abort();
        } else {
            socket->disconnectFromHost();
        }
        return true;
    case Delivery::TruncateShortLength:
        socket->write(head + "Content-Length: " + QByteArray::number(half) + "\r\n\r\n" +
                      body.left(half));
        finishResponse(socket, closeAfter);
        return true;
    case Delivery::Drip:
        socket->write(head + "Content-Length: " + QByteArray::number(body.size()) +
                      (closeAfter ? "\r\nConnection: close" : "") + "\r\n\r\n");
        drip(socket, body, closeAfter);
        return true;
    case Delivery::Intact:
        break;
    }
    return false;
}

// A slow link: the body in 8 pieces, one every 60 ms (a whole answer in about half a second
// however large it is, so every request is slow but none stalls).
void SimHttpServer::drip(QSslSocket* socket, QByteArray rest, bool closeAfter)
{
    constexpr int kPieces = 8;
    const qsizetype piece = std::max<qsizetype>(1, (rest.size() + kPieces - 1) / kPieces);
    dripPiece(socket, std::move(rest), piece, closeAfter);
}

void SimHttpServer::dripPiece(QSslSocket* socket, QByteArray rest, qsizetype piece, bool closeAfter)
{
    constexpr int kIntervalMs = 60;
    QTimer::singleShot(kIntervalMs, this,
                       [this, guard = QPointer<QSslSocket>(socket), rest, piece, closeAfter] {
                           if (!guard || !d->connections.contains(guard.data()))
                               return;
                           guard->write(rest.left(piece));
                           if (rest.size() > piece)
                               dripPiece(guard.data(), rest.mid(piece), piece, closeAfter);
                           else
                               finishResponse(guard.data(), closeAfter);
                       });
}

void SimHttpServer::finishResponse(QSslSocket* socket, bool closeAfter)
{
    auto it = d->connections.find(socket);
    if (closeAfter || it == d->connections.end()) {
        socket->disconnectFromHost();
        return;
    }
    it->busy = false;
    // A pipelined request may already be buffered.
    if (!it->buffer.isEmpty())
        QTimer::singleShot(0, this, [this, guard = QPointer<QSslSocket>(socket)] {
            if (guard)
                onReadyRead(guard.data());
        });
}

} // namespace unstuck::sim
