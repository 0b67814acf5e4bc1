// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace unstuck {

// A failed Kubernetes request, typed so a caller can act on it. message() is user-facing and
// never contains a secret.
struct KubeError
{
    enum class Kind {
        None,
        Config,       // kubeconfig problem (missing file, bad YAML, unknown context, bad key…)
        Auth,         // exec plugin failed / credentials unusable before any request
        Unreachable,  // DNS, refused, network
        Timeout,      // per-request timeout
        Tls,          // TLS failure; reason in message
        Unauthorized, // 401
        Forbidden,    // 403
        NotFound,     // 404
        Conflict,     // 409
        ServiceUnavailable, // 503 (aggregated API down: "the server is currently unable to handle
                            // the request")
        Server,             // other 4xx/5xx
        BadResponse,        // non-JSON where JSON was expected, malformed JSON
        Cancelled,
    };
    Kind kind = Kind::None;
    int httpStatus = 0;
    QString reason;     // Status.reason (e.g. "NotFound", "ServiceUnavailable", "Forbidden")
    QString message;    // Status.message or the mapped client-go message
    QJsonObject status; // the Status object when the server sent one

    bool ok() const { return kind == Kind::None; }
    static QString kindName(Kind kind);
};

} // namespace unstuck
