// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared helpers of the kube client and discovery suites.

#include "models/kube/KubeClient.h"
#include "models/kube/KubeconfigLoader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <optional>

namespace unstuck::test {

inline void writeTextFile(const QString& path, const QByteArray& content, bool executable = false)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return;
    f.write(content);
    f.close();
    if (executable)
        f.setPermissions(f.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeUser);
}

// Writes a one-context kubeconfig into dir and resolves it with the real loader.
inline std::optional<ResolvedContext> contextFor(const QTemporaryDir& dir, const QString& server,
                                                 const QByteArray& clusterExtra,
                                                 const QByteArray& user, KubeError* error)
{
    const QByteArray yaml = "apiVersion: v1\nkind: Config\ncurrent-context: c\n"
                            "clusters:\n- name: k\n  cluster:\n    server: " +
                            server.toUtf8() + "\n" + clusterExtra + "users:\n- name: u\n  user:\n" +
                            user + "contexts:\n- name: c\n  context: {cluster: k, user: u}\n";
    const QString path = dir.filePath(QStringLiteral("kubeconfig"));
    writeTextFile(path, yaml);
    auto cfg = KubeconfigLoader::load(path, {}, error);
    if (!cfg)
        return std::nullopt;
    return KubeconfigLoader::resolve(*cfg, {}, error);
}

// Sends one request and waits (event loop, no sleep) for its answer.
inline std::optional<KubeResponse> fetch(KubeClient& client, const KubeRequest& request,
                                         int waitMs = 20000)
{
    std::optional<KubeResponse> result;
    client.send(request, &client, [&result](const KubeResponse& r) { result = r; });
    (void)QTest::qWaitFor([&result] { return result.has_value(); }, waitMs);
    return result;
}

inline std::optional<KubeResponse> fetch(KubeClient& client, const QString& path,
                                         int waitMs = 20000)
{
    KubeRequest request;
    request.path = path;
    return fetch(client, request, waitMs);
}

} // namespace unstuck::test
