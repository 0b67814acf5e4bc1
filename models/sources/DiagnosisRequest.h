// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/cloud/CloudCredentials.h"

#include <QString>
#include <optional>

namespace unstuck {

// What to diagnose. Exactly one of: a live connection (kubeconfig/context, optional cloud
// profile), a capture bundle, or a folder/file of pasted ticket text.
struct DiagnosisRequest
{
    QString profileFile; // a connection profile (profile.json) — kube and cloud side
    QString kubeconfig;  // explicit kubeconfig (else KUBECONFIG / ~/.kube/config)
    QString context;     // else the current context
    // "" = the profile file's credentials, else the credential chain; "env",
    // "aliyun-cli:<name>" (or a bare name), "ini:<section>" (see CloudCredentials::resolve), or
    // "keychain:<name>" (read by the caller into cloudCredential: models/ cannot reach the OS
    // keychain). A non-empty choice replaces the profile file's credentials.
    QString cloudProfile;
    // Credentials the caller already resolved (the GUI reads the OS keychain asynchronously
    // before it starts a run). Wins over cloudProfile and the profile file's credentials; the
    // profile's endpoint, CA and region still apply.
    std::optional<CloudCredential> cloudCredential;
    bool noCloud = false;  // do not look at the cloud side at all
    QString namespaceName; // empty = every Terminating namespace
    QString fromPath;      // a capture bundle or a folder/file of ticket text
    QString recordPath;    // save every request and answer to this bundle
    int requestTimeoutMs = 5000;
};

} // namespace unstuck
