// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/kube/ProxyEnvironment.h"

#include <QHostAddress>

namespace unstuck {

// Like Go's http.ProxyFromEnvironment (what client-go uses without proxy-url): HTTPS_PROXY or
// HTTP_PROXY by scheme, NO_PROXY exceptions, never for loopback.
QString ProxyEnvironment::proxyFor(const QProcessEnvironment& env, const QUrl& server)
{
    auto value = [&env](const char* name) {
        const QString upper = env.value(QLatin1String(name));
        return upper.isEmpty() ? env.value(QString::fromLatin1(name).toLower()) : upper;
    };
    const QString host = server.host().toLower();
    const QHostAddress address(host);
    if (host == QLatin1String("localhost") || (!address.isNull() && address.isLoopback()))
        return {};
    const QString proxy =
        server.scheme() == QLatin1String("https") ? value("HTTPS_PROXY") : value("HTTP_PROXY");
    if (proxy.isEmpty())
        return {};
    for (QString entry : value("NO_PROXY").split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        entry = entry.trimmed().toLower();
        if (entry.contains(QLatin1Char(':')) && !entry.startsWith(QLatin1Char('[')))
            entry = entry.section(QLatin1Char(':'), 0, 0); // "host:port" entries
        if (entry == QLatin1String("*") || entry == host)
            return {};
        const QString suffix =
            entry.startsWith(QLatin1Char('.')) ? entry : QLatin1Char('.') + entry;
        if (host.endsWith(suffix))
            return {};
    }
    return proxy;
}

} // namespace unstuck
