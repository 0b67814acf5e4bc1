// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/cloud/CloudCredentials.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace unstuck {

class KeychainStore;

// A connection profile file (profile.json):
//   {"version":1, "name":…, "readOnly":optional bool (true: fixes never write through it),
//    "kubernetes":{"kubeconfig":path, "context":name},
//    "cloud":{"regionId":…, "endpoint":optional override, "caFile":optional,
//             "credentials": {"source":"inline","accessKeyId","accessKeySecret"}
//                          | {"source":"aliyun-cli","profile":name}
//                          | {"source":"env"}
//                          | {"source":"keychain","name":…}}}
// Relative paths resolve against the profile's folder. No "credentials" means no cloud
// credentials. The simulator's older flat form ("cloud":{"accessKeyId","accessKeySecret"},
// top-level "kubeconfig"/"context") is read as inline credentials.
struct ConnectionProfile
{
    // A profile file, or the caFile it names, larger than this is refused unread (real ones
    // are under a KiB; a CA bundle a few hundred KiB).
    static constexpr qint64 kMaxFileBytes = 1024 * 1024;

    QString path; // absolute path of the file
    QString name;
    // The profile forbids writes: `unstuck fix` previews and preflights but never applies, and
    // no flag overrides it (a profile for a production cluster people only look at).
    bool readOnly = false;
    QString kubeconfigPath; // absolute, "" = default kubeconfig
    QString kubeContext;    // "" = current-context

    bool hasCloud = false;     // a "cloud" section exists
    QString credentialSource;  // "inline" | "aliyun-cli" | "env" | "keychain" | "" (none)
    QString credentialProfile; // aliyun-cli profile name
    QString keychainName;      // keychain entry name
    CloudConnection cloud;     // credential filled except for "keychain" (see resolveKeychain)
    QString cloudProblem;      // why there are no usable credentials ("" when there are)
    QStringList warnings;      // e.g. inline keys in a file others can read

    bool hasCredentials() const { return !cloud.credential.accessKeyId.isEmpty(); }

    // Reads and validates the file; env is used for the "env" and "aliyun-cli" sources.
    // A file that cannot be used at all gives nullopt and *error; a profile whose cloud
    // credentials cannot be resolved loads, with cloudProblem set.
    static std::optional<ConnectionProfile> load(const QString& path,
                                                 const QProcessEnvironment& env, QString* error);

    // For source "keychain": reads the entry; done() gets the credential (empty + error when
    // the entry is missing or unreadable). The caller stores it into cloud.credential.
    void resolveKeychain(
        KeychainStore& store,
        std::function<void(const CloudCredential& credential, const QString& error)> done) const;
};

} // namespace unstuck
