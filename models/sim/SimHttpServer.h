// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sim/HttpMessage.h"

#include <QObject>
#include <QSslCertificate>
#include <QSslKey>
#include <functional>

class QSslServer;
class QSslSocket;

namespace unstuck::sim {

// A small HTTPS/1.1 server on 127.0.0.1: keep-alive, Content-Length and chunked request
// bodies, one request at a time per connection (so answers keep their order). Answers are
// delayed with timers, never by blocking.
class SimHttpServer : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<HttpResponse(const HttpRequest&)>;
    // Extra delay (ms) for a request, on top of the global latency.
    using DelayFunction = std::function<int(const HttpRequest&)>;
    // Asked once per new connection: true makes its TLS handshake fail (`--faults tls=`).
    using HandshakeFault = std::function<bool()>;

    explicit SimHttpServer(QObject* parent = nullptr);
    ~SimHttpServer() override;

    void setCertificate(const QSslCertificate& certificate, const QSslKey& key,
                        const QList<QSslCertificate>& caCertificates);
    // Ask clients for a certificate (optional: token and basic auth still work without one).
    void setRequestClientCertificate(bool request);
    void setHandler(Handler handler);
    void setDelayFunction(DelayFunction delay);
    void setLatencyMs(int ms);
    // Connections the filter picks are offered `certificate` instead, which the clients do
    // not trust (another CA): their handshake fails as with a wrong or intercepted server.
    void setHandshakeFault(HandshakeFault fault, const QSslCertificate& certificate,
                           const QSslKey& key);

    bool listen(quint16 port, QString* error);
    quint16 port() const;
    void close();

private:
    void onConnection();
    void onReadyRead(QSslSocket* socket);
    bool parseOne(QSslSocket* socket, HttpRequest* request, bool* closeAfter);
    void respond(QSslSocket* socket, const HttpResponse& response, bool closeAfter);
    void finishResponse(QSslSocket* socket, bool closeAfter);
    void writeBodyInPieces(QSslSocket* socket, const QByteArray& body, bool closeAfter);
    void writeNextPiece(QSslSocket* socket);
    bool deliverBroken(QSslSocket* socket, const QByteArray& head, const HttpResponse& response,
                       bool closeAfter);
    void drip(QSslSocket* socket, QByteArray rest, bool closeAfter);
    void dripPiece(QSslSocket* socket, QByteArray rest, qsizetype piece, bool closeAfter);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace unstuck::sim
