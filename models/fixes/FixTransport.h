// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/fixes/FixRequest.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <functional>

namespace unstuck {

// What came back for one FixRequest, the same shape for Kubernetes and the cloud.
struct FixResponse
{
    int status = 0; // HTTP status (0: no answer)
    QJsonObject json;
    QByteArray body;
    // "" ok | "notfound" | "conflict" (409, IdempotentParameterMismatch) | "invalid" (422, e.g. a
    // failed JSON Patch test) | "forbidden" | "unauthorized" | "badrequest" | "notallowed" (405) |
    // "server" (5xx) | "api" (any other error answer) | "unreachable" | "timeout" | "tls" |
    // "config" | "badresponse" | "cancelled"
    QString error;
    QString code;      // the cloud's Code ("Forbidden.RAM", "DryRunOperation") or Status.reason
    QString message;   // the server's own words
    QString requestId; // the cloud's RequestId (joins ActionTrail)
    QString auditId;   // the API server's Audit-Id (joins its audit log)
    QJsonObject accessDenied; // the cloud's AccessDeniedDetail, when sent
    bool ok() const { return error.isEmpty(); }
    bool dryRunPassed() const { return code == QLatin1String("DryRunOperation"); }
    // Someone changed the object first: 409, a JSON Patch `test` that failed (422), the object
    // gone, or a ClientToken reused with other parameters.
    bool isConflict() const;
    // "409 Conflict: Operation cannot be fulfilled on …" / "Forbidden.RAM (HTTP 403): …".
    QString summary() const;
};

// Sends fix requests on one connection. The live one speaks to the cluster and the account the
// diagnosis read; tests give the engine a scripted one.
class FixTransport : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const FixResponse&)>;
    using QObject::QObject;

    // Sends `request`; everything sent for a fix carries "unstuck/<version> (fix/<fixId>)" as
    // its User-Agent. The callback is dropped when `receiver` is gone.
    virtual void send(const FixRequest& request, const QString& fixId, QObject* receiver,
                      Callback callback) = 0;
    virtual bool hasCloud() const = 0;
    virtual QString cloudUnavailableReason() const { return {}; }
    // Every request sent so far (benchmarks count what a heal costs).
    virtual int requestsSent() const = 0;

    // Sends every request at once; `done` gets the responses in the requests' order.
    void sendAll(const QList<FixRequest>& requests, const QString& fixId, QObject* receiver,
                 std::function<void(const QList<FixResponse>&)> done);

    static QByteArray userAgent(const QString& fixId);
};

} // namespace unstuck
