// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <optional>

namespace unstuck {

struct CloudCredential
{
    QString accessKeyId;
    QString accessKeySecret;
    QString securityToken;  // STS
    QDateTime expiration;   // STS credentials
    QString source;         // user-facing: "environment (ALIBABA_CLOUD_ACCESS_KEY_ID)", "aliyun CLI profile 'default' (~/.aliyun/config.json)", ...
    // RamRoleArn mode: the base keys above are used to AssumeRole into this role.
    QString roleArn;
    QString roleSessionName;
};

// Everything a CloudClient needs: who signs, where to send, which CA to trust.
struct CloudConnection
{
    CloudCredential credential;
    QString regionId;
    QString endpointOverride;   // e.g. "https://127.0.0.1:45678" (private endpoint, proxy, simulator)
    QByteArray caCertificatesPem; // extra trusted CAs (private endpoints, the simulator)
    int timeoutMs = 10000;
};

// Resolves credentials as the official SDKs and the aliyun CLI do (see CloudCredentials.cpp).
class CloudCredentials
{
public:
    // preferredProfile: "" = chain; "env"; "aliyun-cli:<name>" or a bare aliyun profile name.
    static std::optional<CloudCredential> resolve(const QString& preferredProfile,
                                                  const QProcessEnvironment& env,
                                                  QString* error);
    // Every credential source found (for the connect view), user-facing names.
    static QStringList availableSources(const QProcessEnvironment& env);
};

} // namespace unstuck
