// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/kube/Kubeconfig.h"

#include <QProcessEnvironment>

namespace unstuck {

// Reads kubeconfig files with kubectl's rules (KUBECONFIG list and merge, ~/.kube/config,
// explicit --kubeconfig, relative paths against each file's folder). Errors are user-facing
// (file, line, what to do) and never contain secrets.
class KubeconfigLoader
{
public:
    // A kubeconfig, or a file it names (certificate, key, token), larger than this is refused
    // with an error instead of being read (real ones are a few KiB).
    static constexpr qint64 kMaxFileBytes = 16 * 1024 * 1024;

    // explicitPath empty = KUBECONFIG from env, else ~/.kube/config (HOME from env).
    static std::optional<Kubeconfig> load(const QString& explicitPath,
                                          const QProcessEnvironment& env, KubeError* error);
    // contextName empty = current-context.
    static std::optional<ResolvedContext> resolve(const Kubeconfig& config,
                                                  const QString& contextName, KubeError* error);
};

} // namespace unstuck
