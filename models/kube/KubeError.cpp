// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/kube/KubeError.h"

namespace unstuck {

QString KubeError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("None");
    case Kind::Config:
        return QStringLiteral("Config");
    case Kind::Auth:
        return QStringLiteral("Auth");
    case Kind::Unreachable:
        return QStringLiteral("Unreachable");
    case Kind::Timeout:
        return QStringLiteral("Timeout");
    case Kind::Tls:
        return QStringLiteral("Tls");
    case Kind::Unauthorized:
        return QStringLiteral("Unauthorized");
    case Kind::Forbidden:
        return QStringLiteral("Forbidden");
    case Kind::NotFound:
        return QStringLiteral("NotFound");
    case Kind::Conflict:
        return QStringLiteral("Conflict");
    case Kind::ServiceUnavailable:
        return QStringLiteral("ServiceUnavailable");
    case Kind::Server:
        return QStringLiteral("Server");
    case Kind::BadResponse:
        return QStringLiteral("BadResponse");
    case Kind::Cancelled:
        return QStringLiteral("Cancelled");
    }
    return QStringLiteral("Unknown");
}

} // namespace unstuck
