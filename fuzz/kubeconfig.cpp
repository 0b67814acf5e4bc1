// SPDX-License-Identifier: GPL-3.0-or-later
// A kubeconfig from a stranger: loaded with kubectl's rules, then every context resolved
// (clusters, users, exec and auth-provider blocks, certificate and token files).
#include "fuzz/FuzzSupport.h"
#include "models/common/Redactor.h"
#include "models/kube/KubeconfigLoader.h"

#include <QProcessEnvironment>
#include <QSet>

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
    // Contexts that share a cluster and a user resolve the same files and PEM blocks: one of
    // each pair is enough, or a file of 500 contexts parses the same certificate 500 times.
    QSet<std::pair<QString, QString>> resolved;
    for (const KubeContextEntry& context : std::as_const(config->contexts)) {
        const std::pair<QString, QString> clusterAndUser{context.cluster, context.user};
        if (resolved.contains(clusterAndUser))
            continue;
        resolved.insert(clusterAndUser);
        KubeconfigLoader::resolve(*config, context.name, &resolveError);
    }
    // Resolved tokens are remembered for redaction; do not keep millions of them.
    Redactor::forgetSecrets();
    return 0;
}
