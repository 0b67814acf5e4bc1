// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ConnectionSources.h"

#include "models/cloud/CloudCredentials.h"
#include "models/kube/KubeconfigLoader.h"

namespace unstuck::ui {

ConnectionSources ConnectionSources::discover(const QString& explicitKubeconfig,
                                              const QProcessEnvironment& env)
{
    ConnectionSources s;
    s.kubeconfig = explicitKubeconfig;
    KubeError error;
    if (const auto config = KubeconfigLoader::load(explicitKubeconfig, env, &error)) {
        s.contexts = config->contexts.keys();
        s.currentContext = config->currentContext;
        s.kubeconfigFiles = config->files;
    } else {
        s.kubeError = error.message;
    }
    // Each choice resolved the way a run would, so the label names exactly what will sign.
    for (const QString& choice : CloudCredentials::profileChoices(env)) {
        CloudSourceChoice c;
        c.choice = choice;
        QString problem;
        if (const auto credential = CloudCredentials::resolve(choice, env, &problem)) {
            c.label = credential->source;
        } else {
            c.label = choice;
            c.problem = problem;
        }
        s.cloudChoices.append(c);
    }
    QString problem;
    if (const auto credential = CloudCredentials::resolve({}, env, &problem))
        s.automaticSource = credential->source;
    else
        s.automaticProblem = problem;
    return s;
}

} // namespace unstuck::ui
