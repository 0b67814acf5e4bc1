// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/kube/KubeError.h"
#include "models/kube/Kubeconfig.h"

#include <QDateTime>
#include <QObject>
#include <QProcessEnvironment>

class QProcess;

namespace unstuck {

struct ExecCredential
{
    QString token;
    QByteArray clientCertificateData; // PEM
    QByteArray clientKeyData;         // PEM
    QDateTime expiration;             // invalid = no expiry given
};

// Runs a kubeconfig exec credential plugin asynchronously (QProcess, never blocking), the way
// client-go does: KUBERNETES_EXEC_INFO, the configured env, stdin only when interactive. The
// credential is cached until its expirationTimestamp or until invalidate() (after a 401).
class ExecCredentialProvider : public QObject
{
    Q_OBJECT
public:
    ExecCredentialProvider(ResolvedContext context, QProcessEnvironment env,
                           QObject* parent = nullptr);
    ~ExecCredentialProvider() override;

    bool hasValidCredential() const;
    const ExecCredential& credential() const { return m_credential; }
    bool isRunning() const { return m_running; }
    int runCount() const { return m_runCount; }
    void setPluginTimeoutMs(int ms) { m_pluginTimeoutMs = ms; }

    // Starts the plugin unless it is running already; emits ready() or failed().
    void fetch();
    void invalidate();

    // The KUBERNETES_EXEC_INFO value for this context (exposed for tests).
    QByteArray execInfo() const;

    // What a plugin may print on stdout: an ExecCredential is a token or a certificate and key
    // of a few KiB; more than this is refused unread.
    static constexpr qsizetype kMaxOutputBytes = 1024 * 1024;

    // Reads a plugin's stdout with client-go's rules: an ExecCredential of the configured
    // apiVersion with a token or a certificate/key pair, and an RFC 3339 expiry if any. false
    // and *why (never holding a secret) when it cannot be used.
    static bool parseOutput(const QByteArray& out, const QString& apiVersion,
                            ExecCredential* credential, QString* why);

Q_SIGNALS:
    void ready();
    void failed(const unstuck::KubeError& error);

private:
    void runPlugin(const QString& program, const QStringList& searchedDirs);
    void onFinished(int exitCode, bool crashed);
    void fail(const QString& message);

    ResolvedContext m_context;
    QProcessEnvironment m_env;
    ExecCredential m_credential;
    bool m_running = false;
    bool m_haveCredential = false;
    int m_runCount = 0;
    int m_pluginTimeoutMs = 120000;
    QProcess* m_process = nullptr;
};

} // namespace unstuck
