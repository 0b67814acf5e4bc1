// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QSslCertificate>
#include <QString>
#include <QUrlQuery>

#include <memory>

namespace unstuck::sim {

// A response body that keeps coming (watch): the server sends it with chunked encoding,
// one chunk per data() signal, and ends the response on finished().
class HttpStream : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

Q_SIGNALS:
    void data(const QByteArray& bytes);
    void finished();
};

// One HTTP/1.1 request as the simulator's HTTPS server parsed it.
struct HttpRequest
{
    QByteArray method;    // "GET", "POST", ...
    QString path;         // decoded path without the query, e.g. "/api/v1/namespaces"
    QUrlQuery query;      // decoded query parameters
    QByteArray rawTarget; // the request target exactly as sent (path?query)
    QMap<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
    QList<QSslCertificate> peerChain; // the client certificate chain, empty without one

    QByteArray header(const QByteArray& lowerName) const { return headers.value(lowerName); }
};

struct HttpResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QList<std::pair<QByteArray, QByteArray>> headers; // extra headers
    QByteArray body;
    std::shared_ptr<HttpStream> stream; // set: body is sent first, then the stream's chunks
    // How the answer reaches the wire: intact, or broken the ways networks break answers
    // (`unstuck-sim --faults`): the connection reset mid-body, the body cut short (closed
    // before the announced Content-Length, or a short Content-Length), or sent slowly in pieces.
    enum class Delivery { Intact, Reset, TruncateFullLength, TruncateShortLength, Drip };
    Delivery delivery = Delivery::Intact;

    static HttpResponse json(int status, const QByteArray& body)
    {
        return HttpResponse{status, "application/json", {}, body};
    }
    static HttpResponse text(int status, const QByteArray& body)
    {
        return HttpResponse{status, "text/plain; charset=utf-8", {}, body};
    }
};

} // namespace unstuck::sim
