// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace unstuck {

// Checks and loads the PEM material of a kubeconfig (CA bundle, client certificate and key).
// Errors are user-facing and never quote key material.
class TlsMaterial
{
public:
    // Every certificate of a PEM bundle; empty list and *error set when none could be read.
    static QList<QSslCertificate> caCertificates(const QByteArray& pem, const QString& what,
                                                 QString* error);
    // A private key (RSA, EC or DSA, PKCS#1, SEC1 or PKCS#8). Null key and *error on failure.
    static QSslKey privateKey(const QByteArray& pem, const QString& what, QString* error);
    // The first certificate of a PEM file. Null and *error on failure.
    static QSslCertificate certificate(const QByteArray& pem, const QString& what, QString* error);
    // True when the certificate's public key belongs to the private key. Keys we cannot
    // inspect (e.g. an EC key saved without its public point) are given the benefit of doubt.
    static bool keyMatchesCertificate(const QByteArray& keyPem, const QSslCertificate& cert);
    // Loads and cross-checks a client certificate and key. On failure returns false and *error.
    static bool loadClientPair(const QByteArray& certPem, const QByteArray& keyPem,
                               const QString& owner, QSslCertificate* cert, QSslKey* key,
                               QString* error);
};

} // namespace unstuck
