// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sim/HttpMessage.h"

namespace unstuck::sim {

// Reads one HTTP/1.1 request from the front of a connection's bytes: request line, headers,
// and a Content-Length or chunked body. Knows nothing of sockets, so the simulator's server and
// the fuzz target (fuzz/sim_http.cpp) run the same code.
class HttpRequestParser
{
public:
    static constexpr qsizetype kMaxHeaderBytes = 64 * 1024;
    static constexpr qsizetype kMaxBodyBytes = 32 * 1024 * 1024;

    struct Result
    {
        enum class State { Incomplete, Complete, Rejected };
        State state = State::Incomplete;
        qsizetype consumed = 0;     // Complete: bytes the request took from the buffer
        bool closeAfter = false;    // Complete: Connection: close, or HTTP/1.0 without keep-alive
        bool wantsContinue = false; // Incomplete: the client waits for "100 Continue"
        HttpResponse rejection;     // Rejected: the answer to send before closing
    };

    // `request` is filled only as far as the bytes allow; use it when the state is Complete.
    static Result parse(const QByteArray& buffer, HttpRequest* request);

private:
    static bool readHead(const QByteArray& head, HttpRequest* request, QByteArray* version);
    static Result readBody(const QByteArray& buffer, qsizetype from, HttpRequest* request);
    static void splitTarget(HttpRequest* request);
    static bool tooMuchBuffered(const QByteArray& buffer);
    static Result rejected(int status, const QByteArray& text);
};

} // namespace unstuck::sim
