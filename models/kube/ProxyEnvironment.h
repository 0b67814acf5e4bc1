// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

namespace unstuck {

// Which proxy a connection to a Kubernetes API server goes through when the kubeconfig names
// none, as client-go decides it (Go's http.ProxyFromEnvironment).
class ProxyEnvironment
{
public:
    // HTTPS_PROXY or HTTP_PROXY by the server's scheme (upper case first, then lower case),
    // except for NO_PROXY entries and loopback; empty = connect directly.
    static QString proxyFor(const QProcessEnvironment& env, const QUrl& server);
};

} // namespace unstuck
