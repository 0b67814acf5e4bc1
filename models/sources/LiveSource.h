// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/cloud/CloudClient.h"
#include "models/kube/KubeClient.h"
#include "models/sources/DiagnosisRequest.h"
#include "models/sources/DiagnosisSource.h"

#include <memory>
#include <optional>

namespace unstuck {

// Where a live run connects and as whom: the kubeconfig context, the cloud connection (or why
// there is none) and whether the connection profile forbids writes. Shared by the diagnosis and
// the fix engine, so both talk to the same cluster and account with the same credentials.
struct LiveConnection
{
    ResolvedContext kube;
    std::optional<CloudConnection> cloud;
    QString cloudReason;   // why there is no cloud connection
    bool readOnly = false; // the profile says "readOnly": true
};

// Answers the probes over HTTPS: Kubernetes through KubeClient, the cloud through CloudClient.
class LiveSource : public DiagnosisSource
{
    Q_OBJECT
public:
    // cloud empty = no cloud questions; cloudReason says why (shown as the unknown reason).
    LiveSource(ResolvedContext context, std::optional<CloudConnection> cloud, QString cloudReason,
               int timeoutMs, QObject* parent = nullptr);
    ~LiveSource() override;

    // Builds the source a request asks for: a profile file (profile.json: kubeconfig, context
    // and cloud endpoint/keys), else the kubeconfig rules plus the cloud credential chain.
    // request.cloudCredential, when set, signs the cloud calls (see DiagnosisRequest).
    static std::unique_ptr<LiveSource> open(const DiagnosisRequest& request, QString* error);
    // What open() connects to, without connecting.
    static std::optional<LiveConnection> resolve(const DiagnosisRequest& request, QString* error);

    // cloudProfile prefix of an OS keychain entry: "keychain:<name>".
    static constexpr const char* kKeychainPrefix = "keychain:";
    // The OS keychain entry a request needs read before it can run ("" = none): its
    // cloudProfile "keychain:<name>", or its profile file's {"source":"keychain","name":…}
    // when no other source was chosen and no credential was resolved yet.
    static QString keychainEntryNeeded(const DiagnosisRequest& request);

    void fetch(const SourceQuery& query, QObject* receiver, Callback callback) override;
    QString kind() const override { return QStringLiteral("live"); }
    QString contextName() const override;
    bool hasCloud() const override { return m_cloud != nullptr; }
    QString cloudUnavailableReason() const override { return m_cloudReason; }
    QList<Bilingual> warnings() const override;
    void cancelAll() override;

    static SourceAnswer fromKube(const KubeResponse& response);
    static SourceAnswer fromCloud(const CloudResponse& response);

private:
    std::unique_ptr<KubeClient> m_kube;
    std::unique_ptr<CloudClient> m_cloud;
    QString m_cloudReason;
    bool m_cancelled = false;
};

} // namespace unstuck
