// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <memory>
#include <utility>

namespace unstuck::sim {

// PEM certificate plus its private key.
struct PemPair
{
    QByteArray certificate;
    QByteArray privateKey; // traditional PEM ("EC PRIVATE KEY" / "RSA PRIVATE KEY")
};

// A throw-away certificate authority built with OpenSSL libcrypto at simulator start: issues
// the loopback server certificate and client certificates (CN = user, O = groups), and tells
// whether a presented client certificate was signed by it.
class CertificateFactory
{
public:
    CertificateFactory();
    ~CertificateFactory();
    CertificateFactory(const CertificateFactory&) = delete;
    CertificateFactory& operator=(const CertificateFactory&) = delete;

    // Generates the CA key pair and self-signed certificate. False when OpenSSL fails.
    bool init(QString* error);

    QByteArray caCertificatePem() const;
    // Server certificate for 127.0.0.1 and localhost (SAN IP + DNS).
    PemPair issueServerCertificate() const;
    // Client certificate (extendedKeyUsage clientAuth), RSA 2048 or EC P-256.
    PemPair issueClientCertificate(const QString& commonName, const QString& organization,
                                   bool ec) const;
    // True when the DER certificate verifies against the CA key.
    bool isIssuedByCa(const QByteArray& der) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace unstuck::sim
