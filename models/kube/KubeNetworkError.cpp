// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/kube/KubeNetworkError.h"

#include <QNetworkReply>
#include <QSslError>
#include <QUrl>

namespace unstuck {
namespace {

// What the user can do about a certificate error, in words.
QString tlsHint(const QList<int>& codes)
{
    for (int code : codes) {
        switch (QSslError::SslError(code)) {
        case QSslError::HostNameMismatch:
            return QStringLiteral("the server certificate is not valid for this host name; if the "
                                  "server is reached through another name, set tls-server-name");
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::CertificateUntrusted:
        case QSslError::CertificateSignatureFailed:
            return QStringLiteral("the server certificate is not signed by the cluster's "
                                  "certificate-authority in the kubeconfig");
        case QSslError::CertificateExpired:
        case QSslError::CertificateNotYetValid:
            return QStringLiteral("check the server certificate's validity dates and this "
                                  "computer's clock");
        default:
            break;
        }
    }
    return {};
}

// What kubectl prints after "Unable to connect to the server: " for a certificate it does not
// trust (Go's crypto/x509 texts), so the user can search for the same words; "" for others.
QString goVerifyError(const QList<int>& codes)
{
    for (int code : codes) {
        switch (QSslError::SslError(code)) {
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::CertificateUntrusted:
            return QStringLiteral("tls: failed to verify certificate: x509: certificate signed by "
                                  "unknown authority");
        case QSslError::CertificateExpired:
        case QSslError::CertificateNotYetValid:
            return QStringLiteral("tls: failed to verify certificate: x509: certificate has "
                                  "expired or is not yet valid");
        default:
            break;
        }
    }
    return {};
}

// The server as kubectl names it in "The connection to the server HOST:PORT was refused".
QString hostAndPort(const QString& server)
{
    const QUrl url(server);
    QString host = url.host();
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']'); // IPv6, as Go's URL.Host
    return url.port() < 0 ? host : host + QLatin1Char(':') + QString::number(url.port());
}

} // namespace

KubeError kubeNetworkError(QNetworkReply* reply, const QString& server,
                           const QStringList& sslErrors, const QList<int>& sslCodes)
{
    KubeError error;
    const auto code = reply->error();
    if (code == QNetworkReply::SslHandshakeFailedError || !sslErrors.isEmpty()) {
        error.kind = KubeError::Kind::Tls;
        const QString reasons =
            sslErrors.isEmpty() ? reply->errorString() : sslErrors.join(QStringLiteral("; "));
        const QString kubectlSays = goVerifyError(sslCodes);
        error.message = QStringLiteral("TLS handshake with %1 failed: %2")
                            .arg(server, kubectlSays.isEmpty() ? reasons : kubectlSays);
        QStringList details;
        const QString hint = tlsHint(sslCodes);
        if (!hint.isEmpty())
            details << hint;
        if (!kubectlSays.isEmpty())
            details << reasons; // Qt's own words say which certificate of the chain failed
        if (!details.isEmpty())
            error.message +=
                QStringLiteral(" (") + details.join(QStringLiteral("; ")) + QLatin1Char(')');
        return error;
    }
    if (code == QNetworkReply::ConnectionRefusedError) {
        // kubectl's words (cmdutil.StandardErrorMessage), which users search for.
        error.kind = KubeError::Kind::Unreachable;
        error.message = QStringLiteral("cannot reach %1: the connection to the server %2 was "
                                       "refused - did you specify the right host or port?")
                            .arg(server, hostAndPort(server));
        return error;
    }
    if (code == QNetworkReply::OperationCanceledError) {
        error.kind = KubeError::Kind::Cancelled;
        error.message = QStringLiteral("request to %1 was cancelled").arg(server);
        return error;
    }
    error.kind = KubeError::Kind::Unreachable;
    error.message = QStringLiteral("cannot reach %1: %2").arg(server, reply->errorString());
    return error;
}

} // namespace unstuck
