// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/cloud/CloudCredentials.h"
#include "models/diagnosis/DiagnosisResult.h"
#include "models/diagnosis/DiagnosisSource.h"

#include <QObject>
#include <QString>
#include <memory>
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

// Runs probes → findings → verdicts. Asynchronous, cancellable; the GUI, the CLI and the tests
// all drive this same object.
class DiagnosisEngine : public QObject
{
    Q_OBJECT
public:
    explicit DiagnosisEngine(QObject* parent = nullptr);
    ~DiagnosisEngine() override;

    void start(const DiagnosisRequest& request);
    // Runs against a source the caller built (tests, the GUI's demo mode). Takes ownership.
    void start(const DiagnosisRequest& request, std::unique_ptr<DiagnosisSource> source);
    void cancel();
    bool isRunning() const;

    // The source a request asks for: live (profile file or kubeconfig + cloud credentials),
    // a capture bundle / pasted text (fromPath), wrapped in a recorder when recordPath is set.
    // Returns null and a user-facing reason when it cannot be opened.
    static std::unique_ptr<DiagnosisSource> openSource(const DiagnosisRequest& request,
                                                       QString* error);

Q_SIGNALS:
    // A probe is one request to a source; ids are unique within a run.
    void probeStarted(int probeId, const unstuck::Bilingual& label);
    void probeFinished(int probeId, bool ok, const QString& summary);
    // Partial results while probing, so views can paint as answers arrive.
    void progress(const unstuck::DiagnosisResult& partial);
    void finished(const unstuck::DiagnosisResult& result);

private:
    void complete(bool timedOut);
    void dropRun();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace unstuck
