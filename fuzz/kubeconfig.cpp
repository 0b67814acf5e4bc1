// SPDX-License-Identifier: GPL-3.0-or-later
// A kubeconfig from a stranger: loaded with kubectl's rules, then every context resolved
// (clusters, users, exec and auth-provider blocks, certificate and token files).
#include "fuzz/FuzzSupport.h"
#include "models/common/Redactor.h"
#include "models/kube/KubeconfigLoader.h"

#include <QProcessEnvironment>

using namespace unstuck;

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString path = fuzz::writeScratch(QStringLiteral("config"), fuzz::bytes(data, size));
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), fuzz::scratch().path());
    KubeError error;
    const std::optional<Kubeconfig> config = KubeconfigLoader::load(path, env, &error);
    if (!config)
        return 0;
    KubeError resolveError;
    KubeconfigLoader::resolve(*config, QString(), &resolveError);
    for (const QString& context : config->contexts.keys())
        KubeconfigLoader::resolve(*config, context, &resolveError);
    // Resolved tokens are remembered for redaction; do not keep millions of them.
    Redactor::forgetSecrets();
    return 0;
}
