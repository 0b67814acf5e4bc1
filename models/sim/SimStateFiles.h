// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace unstuck::sim {

// The files a running simulator leaves in its state directory so clients can reach it: the
// kubeconfig (context "unstuck-sim" for the admin, "read-only" for a user that may only read),
// the CA, the connection profiles for Unstuck (profile.json and profile-read-only.json) and
// sim.json. All are written 0600.
class SimStateFiles
{
public:
    struct Kube
    {
        QString server; // "https://127.0.0.1:<port>"
        QByteArray caPem;
        QByteArray adminCertificate; // PEM
        QByteArray adminKey;         // PEM
        QString readOnlyToken;
    };
    struct Cloud
    {
        QString endpoint;
        QString regionId;
        QString caFile;
        QString accessKeyId; // empty: no credentials in the profile
        QString accessKeySecret;
    };

    static QString adminContext();    // "unstuck-sim"
    static QString readOnlyContext(); // "read-only"

    static QByteArray kubeconfig(const Kube& kube);
    // A connection profile (docs: ConnectionProfile) for one kube context and one cloud key.
    static QJsonObject profile(const QString& name, const QString& kubeconfigPath,
                               const QString& context, const Cloud& cloud);
    // Writes `content` to `path`, readable by the owner only.
    static bool writePrivate(const QString& path, const QByteArray& content, QString* error);
};

} // namespace unstuck::sim
