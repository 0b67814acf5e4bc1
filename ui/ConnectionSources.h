// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace unstuck::ui {

// What the connect view offers: every merged kubeconfig context and every cloud credential
// source found on this machine.
struct ConnectionSources
{
    QStringList contexts;
    QString currentContext;
    QStringList kubeconfigFiles;
    QString kubeError; // user-facing: why no context could be read, and what to do
    QStringList cloudSources;

    // Reads the real kubeconfig (KUBECONFIG / ~/.kube/config) and cloud credential chain.
    static ConnectionSources discover(const QString& explicitKubeconfig = {});
};

} // namespace unstuck::ui
