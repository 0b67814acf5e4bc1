// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/kube/KubeError.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace unstuck {

struct ExecConfig
{
    QString command;
    QStringList args;
    QList<std::pair<QString, QString>> env;
    QString apiVersion;
    QString installHint;
    bool provideClusterInfo = false;
    QString interactiveMode; // Never | IfAvailable | Always
};

struct KubeCluster
{
    QString server;
    QString tlsServerName;
    bool insecureSkipTlsVerify = false;
    QByteArray certificateAuthorityData; // PEM (from -data or read from the file)
    QString certificateAuthorityPath;
    QString proxyUrl;
    bool disableCompression = false;
};

struct KubeUser
{
    QByteArray clientCertificateData; // PEM
    QByteArray clientKeyData;         // PEM
    QString clientCertificatePath, clientKeyPath;
    QString token;
    QString tokenFile;
    QString username, password;
    std::optional<ExecConfig> exec;
};

struct KubeContextEntry
{
    QString name, cluster, user, ns;
};

// The merged view of every kubeconfig file, as kubectl builds it.
struct Kubeconfig
{
    QStringList files; // the files that were read, in order
    QString currentContext;
    QMap<QString, KubeContextEntry> contexts;
    QMap<QString, KubeCluster> clusters;
    QMap<QString, KubeUser> users;
    QMap<QString, QString> originOf; // "cluster:<name>" / "user:<name>" -> file that defined it
};

// One context resolved to what a client needs.
struct ResolvedContext
{
    QString contextName;
    QString ns;
    QString clusterName, userName;
    KubeCluster cluster;
    KubeUser user;
    QString sourceFile; // kubeconfig file of the user entry (exec command resolution)
};

} // namespace unstuck
