// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/HttpRequestParser.h"

#include <QUrl>

namespace unstuck::sim {

namespace {

using Result = HttpRequestParser::Result;

enum class Chunked { Incomplete, Complete, Bad, TooLarge };

// Decodes a chunked body starting at `from`; on Complete, *end is the index after the final
// CRLF. The chunks together may not exceed kMaxBodyBytes.
Chunked decodeChunked(const QByteArray& data, qsizetype from, QByteArray* body, qsizetype* end)
{
    qsizetype pos = from;
    body->clear();
    for (;;) {
        const qsizetype lineEnd = data.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return Chunked::Incomplete;
        QByteArray sizeLine = data.mid(pos, lineEnd - pos);
        const qsizetype semi = sizeLine.indexOf(';');
        if (semi >= 0)
            sizeLine.truncate(semi);
        bool ok = false;
        const qsizetype size = sizeLine.trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0)
            return Chunked::Bad;
        if (size > HttpRequestParser::kMaxBodyBytes - body->size())
            return Chunked::TooLarge;
        pos = lineEnd + 2;
        if (size == 0) {
            // Trailers end with an empty line.
            for (;;) {
                const qsizetype trailerEnd = data.indexOf("\r\n", pos);
                if (trailerEnd < 0)
                    return Chunked::Incomplete;
                const bool empty = trailerEnd == pos;
                pos = trailerEnd + 2;
                if (empty) {
                    *end = pos;
                    return Chunked::Complete;
                }
            }
        }
        if (data.size() < pos + size + 2)
            return Chunked::Incomplete;
        body->append(data.mid(pos, size));
        pos += size + 2;
    }
}

} // namespace

Result HttpRequestParser::parse(const QByteArray& buffer, HttpRequest* request)
{
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd > kMaxHeaderBytes || (headerEnd < 0 && buffer.size() > kMaxHeaderBytes))
        return rejected(431, "request header too large\n");
    if (headerEnd < 0)
        return {};
    QByteArray version;
    if (!readHead(buffer.left(headerEnd), request, &version))
        return rejected(400, "bad request line\n");
    Result result = readBody(buffer, headerEnd + 4, request);
    if (result.state != Result::State::Complete)
        return result;
    splitTarget(request);
    const QByteArray connection = request->header("connection").toLower();
    result.closeAfter = connection.contains("close") ||
                        (version == "HTTP/1.0" && !connection.contains("keep-alive"));
    return result;
}

bool HttpRequestParser::readHead(const QByteArray& head, HttpRequest* request, QByteArray* version)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() < 3)
        return false;
    request->method = requestLine[0].toUpper();
    request->rawTarget = requestLine[1];
    *version = requestLine[2];
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (request->headers.contains(name))
            request->headers[name] += ", " + value;
        else
            request->headers.insert(name, value);
    }
    return true;
}

Result HttpRequestParser::readBody(const QByteArray& buffer, qsizetype from, HttpRequest* request)
{
    Result result;
    if (request->header("transfer-encoding").toLower().contains("chunked")) {
        switch (decodeChunked(buffer, from, &request->body, &result.consumed)) {
        case Chunked::Bad:
            return rejected(400, "bad chunked body\n");
        case Chunked::TooLarge:
            return rejected(413, "body too large\n");
        case Chunked::Incomplete:
            return tooMuchBuffered(buffer) ? rejected(413, "body too large\n") : Result{};
        case Chunked::Complete:
            break;
        }
        result.state = Result::State::Complete;
        return result;
    }
    const qsizetype length = request->header("content-length").toLongLong();
    if (length < 0 || length > kMaxBodyBytes)
        return rejected(413, "body too large\n");
    if (buffer.size() < from + length) {
        // curl and others wait for this before sending a large body.
        result.wantsContinue = request->header("expect").toLower() == "100-continue";
        return result;
    }
    request->body = buffer.mid(from, length);
    result.consumed = from + length;
    result.state = Result::State::Complete;
    return result;
}

void HttpRequestParser::splitTarget(HttpRequest* request)
{
    const qsizetype q = request->rawTarget.indexOf('?');
    const QByteArray rawPath = q < 0 ? request->rawTarget : request->rawTarget.left(q);
    request->path = QUrl::fromPercentEncoding(rawPath);
    if (q >= 0) {
        // '+' means space in form-encoded queries (kubectl escapes real '+' as %2B).
        QByteArray rawQuery = request->rawTarget.mid(q + 1);
        rawQuery.replace('+', "%20");
        request->query.setQuery(QString::fromLatin1(rawQuery));
    }
}

bool HttpRequestParser::tooMuchBuffered(const QByteArray& buffer)
{
    // Headers, the largest body and chunk framing: a client past this sends more than any
    // request may hold.
    return buffer.size() > kMaxHeaderBytes + 2 * kMaxBodyBytes;
}

Result HttpRequestParser::rejected(int status, const QByteArray& text)
{
    Result result;
    result.state = Result::State::Rejected;
    result.rejection = HttpResponse::text(status, text);
    return result;
}

} // namespace unstuck::sim
