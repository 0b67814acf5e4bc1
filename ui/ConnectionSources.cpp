// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ConnectionSources.h"

#include "models/cloud/CloudCredentials.h"
#include "models/kube/KubeconfigLoader.h"

namespace unstuck::ui {

ConnectionSources ConnectionSources::discover(const QString& explicitKubeconfig)
{
    ConnectionSources s;
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    KubeError error;
    if (const auto config = KubeconfigLoader::load(explicitKubeconfig, env, &error)) {
        s.contexts = config->contexts.keys();
        s.currentContext = config->currentContext;
        s.kubeconfigFiles = config->files;
    } else {
        s.kubeError = error.message;
    }
    s.cloudSources = CloudCredentials::availableSources(env);
    return s;
}

} // namespace unstuck::ui
