// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/kube/KubeError.h"

#include <QList>
#include <QString>
#include <QStringList>

class QNetworkReply;

namespace unstuck {

// The error for a request that got no HTTP answer (refused, TLS, cancelled, unreachable),
// worded as kubectl words it where kubectl has words for it, so a user can search for them
// (e2e.kubectl_errors compares the two).
KubeError kubeNetworkError(QNetworkReply* reply, const QString& server,
                           const QStringList& sslErrors, const QList<int>& sslCodes);

} // namespace unstuck
