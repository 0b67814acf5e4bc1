// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/common/HostPlatform.h"

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
    QString securityToken; // STS
    QDateTime expiration;  // STS credentials
    QString source; // user-facing: "environment (ALIBABA_CLOUD_ACCESS_KEY_ID)", "aliyun CLI profile
                    // 'default' (~/.aliyun/config.json)", ...
    // RamRoleArn mode: the base keys above are used to AssumeRole into this role.
    QString roleArn;
    QString roleSessionName;
    // Extensions.
    QString regionId;   // the profile's region_id, when it has one
    QString ecsRamRole; // EcsRamRole mode: the role the ECS metadata server would serve
    bool isEmpty() const { return accessKeyId.isEmpty(); }
};

// Everything a CloudClient needs: who signs, where to send, which CA to trust.
struct CloudConnection
{
    CloudCredential credential;
    QString regionId;
    QString endpointOverride; // e.g. "https://127.0.0.1:45678" (private endpoint, proxy, simulator)
    QByteArray caCertificatesPem; // extra trusted CAs (private endpoints, the simulator)
    int timeoutMs = 10000;
};

// Resolves credentials as the official SDKs and the aliyun CLI do (see CloudCredentials.cpp).
class CloudCredentials
{
public:
    // The aliyun CLI config.json or credentials ini larger than this is not read (the source
    // says so in the error); real ones are under a few KiB.
    static constexpr qint64 kMaxFileBytes = 1024 * 1024;

    // preferredProfile: "" = chain; "env"; "aliyun-cli:<name>" or a bare aliyun profile name;
    // "ini:<section>" (~/.alibabacloud/credentials). The chain, first match wins:
    //   1. environment ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET / _SECURITY_TOKEN
    //   2. aliyun CLI ~/.aliyun/config.json (ALIBABA_CLOUD_CONFIG_FILE), profile from
    //      ALIBABA_CLOUD_PROFILE else "current"; modes AK, StsToken, RamRoleArn (EcsRamRole only
    //      when chosen explicitly: the metadata server is unreachable from a laptop)
    //   3. ~/.alibabacloud/credentials (ALIBABA_CLOUD_CREDENTIALS_FILE), section from
    //      ALIBABA_CLOUD_PROFILE else "default"
    // On failure *error says what was tried and why each source did not give credentials.
    static std::optional<CloudCredential> resolve(const QString& preferredProfile,
                                                  const QProcessEnvironment& env, QString* error);
    // Every credential source found (for the connect view), user-facing names.
    static QStringList availableSources(const QProcessEnvironment& env);

    // The names to offer in a profile picker: "env", "aliyun-cli:<name>", "ini:<section>".
    static QStringList profileChoices(const QProcessEnvironment& env);
    // The home folder the aliyun CLI and the SDKs use: HOME; on Windows USERPROFILE, else HOME.
    static QString homeDir(const QProcessEnvironment& env,
                           HostPlatform platform = currentHostPlatform());
};

} // namespace unstuck
