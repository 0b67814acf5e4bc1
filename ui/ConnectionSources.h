// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace unstuck::ui {

// One cloud credential source the user can pick in the connect view.
struct CloudSourceChoice
{
    QString choice;  // DiagnosisRequest::cloudProfile: "env", "aliyun-cli:<name>", "ini:<section>"
    QString label;   // user-facing: "aliyun CLI profile 'work' (~/.aliyun/config.json, mode AK)"
    QString problem; // why it cannot be used ("" = usable)
};

// What the connect view offers: every merged kubeconfig context and every cloud credential
// source found on this machine.
struct ConnectionSources
{
    QStringList contexts;
    QString currentContext;
    // The file given with --kubeconfig ("" = KUBECONFIG or ~/.kube/config): a run of a context
    // listed here must read the same file.
    QString kubeconfig;
    QStringList kubeconfigFiles;
    QString kubeError; // user-facing: why no context could be read, and what to do
    QList<CloudSourceChoice> cloudChoices; // every source found, usable or not
    QString automaticSource;               // the source the credential chain picks ("" = none)
    QString automaticProblem;              // why the chain found nothing

    // Reads the real kubeconfig (KUBECONFIG / ~/.kube/config) and cloud credential chain; env
    // gives HOME, KUBECONFIG and the ALIBABA_CLOUD_* variables.
    static ConnectionSources
    discover(const QString& explicitKubeconfig = {},
             const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment());
};

} // namespace unstuck::ui
