// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/kube/ExecCredentialProvider.h"

#include "models/common/Log.h"
#include "models/common/Redactor.h"
#include "models/kube/ExecPluginLocator.h"
#include "models/kube/TlsMaterial.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTimer>

namespace unstuck {
namespace {

QString tail(const QByteArray& text, int max = 2000)
{
    QString s = QString::fromLocal8Bit(text).trimmed();
    if (s.size() > max)
        s = QStringLiteral("…") + s.right(max);
    return Redactor::redact(s);
}

} // namespace

ExecCredentialProvider::ExecCredentialProvider(ResolvedContext context, QProcessEnvironment env,
                                               QObject* parent)
    : QObject(parent), m_context(std::move(context)), m_env(std::move(env))
{}

ExecCredentialProvider::~ExecCredentialProvider()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000);
    }
}

bool ExecCredentialProvider::hasValidCredential() const
{
    if (!m_haveCredential)
        return false;
    // Refresh a little early so a request does not race the expiry.
    return !m_credential.expiration.isValid() ||
           QDateTime::currentDateTimeUtc().addSecs(10) < m_credential.expiration;
}

void ExecCredentialProvider::invalidate()
{
    m_haveCredential = false;
    m_credential = {};
}

QByteArray ExecCredentialProvider::execInfo() const
{
    const ExecConfig& exec = *m_context.user.exec;
    QJsonObject spec{{QStringLiteral("interactive"), false}};
    if (exec.provideClusterInfo) {
        const KubeCluster& c = m_context.cluster;
        QJsonObject cluster{{QStringLiteral("server"), c.server}};
        if (!c.tlsServerName.isEmpty())
            cluster.insert(QStringLiteral("tls-server-name"), c.tlsServerName);
        if (c.insecureSkipTlsVerify)
            cluster.insert(QStringLiteral("insecure-skip-tls-verify"), true);
        if (!c.certificateAuthorityData.isEmpty())
            cluster.insert(QStringLiteral("certificate-authority-data"),
                           QString::fromLatin1(c.certificateAuthorityData.toBase64()));
        if (!c.proxyUrl.isEmpty())
            cluster.insert(QStringLiteral("proxy-url"), c.proxyUrl);
        if (c.disableCompression)
            cluster.insert(QStringLiteral("disable-compression"), true);
        spec.insert(QStringLiteral("cluster"), cluster);
    }
    const QJsonObject info{{QStringLiteral("kind"), QStringLiteral("ExecCredential")},
                           {QStringLiteral("apiVersion"), exec.apiVersion},
                           {QStringLiteral("spec"), spec}};
    return QJsonDocument(info).toJson(QJsonDocument::Compact);
}

void ExecCredentialProvider::fetch()
{
    if (m_running)
        return;
    if (!m_context.user.exec) {
        fail(QStringLiteral("user \"%1\" has no exec plugin").arg(m_context.userName));
        return;
    }
    const ExecConfig& exec = *m_context.user.exec;
    if (exec.interactiveMode == QLatin1String("Always")) {
        // kubectl would need a terminal for the plugin's prompts; a GUI has none.
        fail(QStringLiteral("exec plugin \"%1\" of user \"%2\" needs an interactive terminal "
                            "(interactiveMode: Always). Log in once from a terminal (e.g. "
                            "`kubectl get ns`), or set interactiveMode to IfAvailable.")
                 .arg(exec.command, m_context.userName));
        return;
    }
    m_running = true;
    auto search = ExecPluginLocator::initialSearch(m_env);
    const QString found = ExecPluginLocator::find(exec.command, search, m_env);
    const bool bareName =
        !exec.command.contains(QLatin1Char('/')) && !exec.command.contains(QLatin1Char('\\'));
    if (!found.isEmpty() || !bareName || search.shell.isEmpty() ||
        ExecPluginLocator::cachedLoginShellPath(m_env)) {
        if (found.isEmpty()) {
            fail(bareName ? ExecPluginLocator::notFoundMessage(exec.command, m_context.userName,
                                                               exec.installHint, search)
                          : QStringLiteral("exec plugin \"%1\" of user \"%2\" does not exist or "
                                           "is not executable.%3")
                                .arg(exec.command, m_context.userName,
                                     exec.installHint.isEmpty()
                                         ? QString()
                                         : QStringLiteral(" Install hint: ") + exec.installHint));
            return;
        }
        runPlugin(found, search.allDirs());
        return;
    }
    // Not on PATH: ask the login shell once (asynchronously), then look again.
    ExecPluginLocator::queryLoginShellPath(m_env, this, [this](const QStringList&) {
        const ExecConfig& e = *m_context.user.exec;
        const auto again = ExecPluginLocator::initialSearch(m_env);
        const QString path = ExecPluginLocator::find(e.command, again, m_env);
        if (path.isEmpty()) {
            fail(ExecPluginLocator::notFoundMessage(e.command, m_context.userName, e.installHint,
                                                    again));
            return;
        }
        runPlugin(path, again.allDirs());
    });
}

void ExecCredentialProvider::runPlugin(const QString& program, const QStringList& searchedDirs)
{
    const ExecConfig& exec = *m_context.user.exec;
    QProcessEnvironment env = m_env;
    // Plugins call other tools (gcloud, python): give them the PATH we searched.
    env.insert(QStringLiteral("PATH"), searchedDirs.join(QDir::listSeparator()));
    for (const auto& [name, value] : exec.env)
        env.insert(name, value);
    env.insert(QStringLiteral("KUBERNETES_EXEC_INFO"), QString::fromUtf8(execInfo()));
    m_process = new QProcess(this);
    m_process->setProgram(program);
    m_process->setArguments(exec.args);
    m_process->setProcessEnvironment(env);
    m_process->setStandardInputFile(QProcess::nullDevice());
    ++m_runCount;
    log::info("running exec credential plugin {} for user {}", program.toStdString(),
              m_context.userName.toStdString());
    connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        onFinished(code, status == QProcess::CrashExit);
    });
    connect(m_process, &QProcess::errorOccurred, this, [this, program](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return;
        m_process->deleteLater();
        m_process = nullptr;
        fail(QStringLiteral("exec plugin \"%1\" could not be started: it is not executable or not "
                            "a program")
                 .arg(program));
    });
    // A plugin that prints without end is stopped, not read into memory.
    connect(m_process, &QProcess::readyReadStandardOutput, this, [this] {
        if (!m_process || m_process->bytesAvailable() <= kMaxOutputBytes)
            return;
        m_process->disconnect(this);
        m_process->kill();
        m_process->deleteLater();
        m_process = nullptr;
        fail(QStringLiteral("exec plugin \"%1\" printed more than %2 KiB; an ExecCredential is "
                            "a few KiB")
                 .arg(m_context.user.exec->command)
                 .arg(kMaxOutputBytes / 1024));
    });
    QTimer::singleShot(m_pluginTimeoutMs, m_process, [this] {
        if (!m_process)
            return;
        m_process->disconnect(this);
        m_process->kill();
        m_process->deleteLater();
        m_process = nullptr;
        fail(QStringLiteral("exec plugin \"%1\" did not finish within %2 s")
                 .arg(m_context.user.exec->command)
                 .arg(m_pluginTimeoutMs / 1000));
    });
    m_process->start();
}

void ExecCredentialProvider::onFinished(int exitCode, bool crashed)
{
    QProcess* process = m_process;
    m_process = nullptr;
    process->deleteLater();
    const QByteArray out = process->readAllStandardOutput();
    const QByteArray err = process->readAllStandardError();
    const QString command = m_context.user.exec->command;
    if (crashed || exitCode != 0) {
        const QString stderrText = tail(err);
        fail(QStringLiteral("getting credentials: exec: executable %1 failed with exit code %2%3")
                 .arg(command)
                 .arg(crashed ? -1 : exitCode)
                 .arg(stderrText.isEmpty() ? QString()
                                           : QStringLiteral("\nplugin stderr: ") + stderrText));
        return;
    }
    QString why;
    if (!parseOutput(out, m_context.user.exec->apiVersion, &m_credential, &why)) {
        fail(QStringLiteral("getting credentials from exec plugin %1: %2").arg(command, why));
        return;
    }
    m_running = false;
    m_haveCredential = true;
    Q_EMIT ready();
}

bool ExecCredentialProvider::parseOutput(const QByteArray& out, const QString& expected,
                                         ExecCredential* credential, QString* why)
{
    if (out.size() > kMaxOutputBytes) {
        *why = QStringLiteral("the plugin printed %1 bytes; an ExecCredential of more than %2 KiB "
                              "is not read")
                   .arg(out.size())
                   .arg(kMaxOutputBytes / 1024);
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(out, &parseError);
    if (!doc.isObject()) {
        *why = QStringLiteral("decoding stdout: the plugin did not print an ExecCredential JSON "
                              "object (%1)")
                   .arg(parseError.errorString());
        return false;
    }
    const QJsonObject obj = doc.object();
    const QString apiVersion = obj.value(QStringLiteral("apiVersion")).toString();
    if (obj.value(QStringLiteral("kind")).toString() != QLatin1String("ExecCredential")) {
        *why = QStringLiteral("the plugin's output is not kind ExecCredential");
        return false;
    }
    if (apiVersion != expected) {
        *why = QStringLiteral("exec plugin is configured to use API version %1, plugin returned "
                              "version %2")
                   .arg(expected, apiVersion);
        return false;
    }
    if (!obj.value(QStringLiteral("status")).isObject()) {
        *why = QStringLiteral("exec plugin didn't return a status field");
        return false;
    }
    const QJsonObject status = obj.value(QStringLiteral("status")).toObject();
    ExecCredential cred;
    cred.token = status.value(QStringLiteral("token")).toString();
    cred.clientCertificateData =
        status.value(QStringLiteral("clientCertificateData")).toString().toUtf8();
    cred.clientKeyData = status.value(QStringLiteral("clientKeyData")).toString().toUtf8();
    Redactor::registerSecret(cred.token);
    Redactor::registerSecret(QString::fromUtf8(cred.clientKeyData));
    if (cred.clientCertificateData.isEmpty() != cred.clientKeyData.isEmpty()) {
        *why = QStringLiteral("exec plugin returned only certificate or key, not both");
        return false;
    }
    if (cred.token.isEmpty() && cred.clientCertificateData.isEmpty()) {
        *why = QStringLiteral("exec plugin didn't return a token or cert/key pair");
        return false;
    }
    if (!cred.clientCertificateData.isEmpty()) {
        QSslCertificate cert;
        QSslKey key;
        if (!TlsMaterial::loadClientPair(cred.clientCertificateData, cred.clientKeyData,
                                         QStringLiteral("the exec plugin"), &cert, &key, why))
            return false;
    }
    const QString expiry = status.value(QStringLiteral("expirationTimestamp")).toString();
    if (!expiry.isEmpty()) {
        cred.expiration = QDateTime::fromString(expiry, Qt::ISODateWithMs);
        if (!cred.expiration.isValid()) {
            *why = QStringLiteral("expirationTimestamp \"%1\" is not an RFC 3339 time").arg(expiry);
            return false;
        }
    }
    *credential = cred;
    return true;
}

void ExecCredentialProvider::fail(const QString& message)
{
    m_running = false;
    KubeError error;
    error.kind = KubeError::Kind::Auth;
    error.message = Redactor::redact(message);
    log::warn("{}", error.message.toStdString());
    // Deliver later so callers never see a signal from inside fetch().
    QTimer::singleShot(0, this, [this, error] { Q_EMIT failed(error); });
}

} // namespace unstuck
