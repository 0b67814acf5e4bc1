// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/kube/TlsMaterial.h"

#include <QRegularExpression>

namespace unstuck {
namespace {

// A minimal DER walker: enough to find the public key inside an X.509 certificate.
struct Tlv
{
    int tag = -1;
    qsizetype contentStart = 0;
    qsizetype contentLength = 0;
    qsizetype end() const { return contentStart + contentLength; }
};

bool readTlv(const QByteArray& der, qsizetype pos, Tlv* out)
{
    if (pos + 2 > der.size())
        return false;
    out->tag = static_cast<unsigned char>(der[pos]);
    int first = static_cast<unsigned char>(der[pos + 1]);
    qsizetype p = pos + 2;
    qsizetype length = 0;
    if (first < 0x80) {
        length = first;
    } else {
        const int bytes = first & 0x7f;
        if (bytes == 0 || bytes > 4 || p + bytes > der.size())
            return false;
        for (int i = 0; i < bytes; ++i)
            length = (length << 8) | static_cast<unsigned char>(der[p++]);
    }
    out->contentStart = p;
    out->contentLength = length;
    return out->end() <= der.size();
}

// The SubjectPublicKeyInfo of an X.509 certificate: its algorithm and its key bits.
bool publicKeyInfo(const QByteArray& certDer, Tlv* algorithm, Tlv* bits)
{
    Tlv cert, tbs, item;
    if (!readTlv(certDer, 0, &cert) || !readTlv(certDer, cert.contentStart, &tbs))
        return false;
    qsizetype pos = tbs.contentStart;
    int index = 0;
    // Fields of TBSCertificate: [0] version?, serial, signature, issuer, validity, subject, spki
    int spkiIndex = 6;
    while (pos < tbs.end() && readTlv(certDer, pos, &item)) {
        if (index == 0 && item.tag != 0xA0)
            spkiIndex = 5; // v1 certificate without the version field
        if (index == spkiIndex)
            break;
        pos = item.end();
        ++index;
    }
    if (index != spkiIndex)
        return false;
    return readTlv(certDer, item.contentStart, algorithm) &&
           readTlv(certDer, algorithm->end(), bits) && bits->tag == 0x03 &&
           bits->contentLength >= 2;
}

// Whether the certificate holds an RSA key (AlgorithmIdentifier rsaEncryption,
// 1.2.840.113549.1.1.1). Read from the DER, not through QSslCertificate::publicKey(): Qt 6.4
// dereferences a null EVP_PKEY there when OpenSSL cannot decode the key (an EC point off the
// curve), so a damaged certificate crashed Unstuck (found by fuzz_exec_credential).
bool hasRsaKey(const QByteArray& certDer)
{
    static const QByteArray rsaEncryption("\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01", 9);
    Tlv algorithm, bits, oid;
    return publicKeyInfo(certDer, &algorithm, &bits) &&
           readTlv(certDer, algorithm.contentStart, &oid) && oid.tag == 0x06 &&
           certDer.mid(oid.contentStart, oid.contentLength) == rsaEncryption;
}

// The bytes that identify the public key: the RSA modulus, or the EC/other public point.
QByteArray publicKeyFingerprint(const QByteArray& certDer)
{
    Tlv algorithm, bits;
    if (!publicKeyInfo(certDer, &algorithm, &bits))
        return {};
    const QByteArray key = certDer.mid(bits.contentStart + 1, bits.contentLength - 1);
    Tlv seq, modulus;
    if (readTlv(key, 0, &seq) && seq.tag == 0x30 && readTlv(key, seq.contentStart, &modulus) &&
        modulus.tag == 0x02) {
        QByteArray n = key.mid(modulus.contentStart, modulus.contentLength);
        while (n.startsWith('\0'))
            n.remove(0, 1);
        return n;
    }
    return key;
}

QByteArray pemBodyDer(const QByteArray& pem)
{
    static const QRegularExpression block(
        QStringLiteral(R"(-----BEGIN ([A-Z ]+)-----([\s\S]*?)-----END \1-----)"));
    const auto match = block.match(QString::fromLatin1(pem));
    if (!match.hasMatch())
        return {};
    QByteArray body;
    for (const QString& line : match.captured(2).split(QLatin1Char('\n'))) {
        if (line.contains(QLatin1Char(':')))
            continue; // PEM headers such as Proc-Type
        body += line.trimmed().toLatin1();
    }
    return QByteArray::fromBase64(body);
}

} // namespace

QList<QSslCertificate> TlsMaterial::caCertificates(const QByteArray& pem, const QString& what,
                                                   QString* error)
{
    const auto certs = QSslCertificate::fromData(pem, QSsl::Pem);
    if (certs.isEmpty() && error)
        *error = QStringLiteral("%1 contains no PEM certificate").arg(what);
    return certs;
}

QSslKey TlsMaterial::privateKey(const QByteArray& pem, const QString& what, QString* error)
{
    if (pem.contains("ENCRYPTED")) {
        if (error)
            *error = QStringLiteral("%1 is encrypted with a passphrase; Kubernetes clients need "
                                    "an unencrypted key")
                         .arg(what);
        return {};
    }
    if (!pem.contains("PRIVATE KEY-----")) {
        if (error)
            *error = QStringLiteral("%1 is not a PEM private key").arg(what);
        return {};
    }
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    if (error)
        *error = QStringLiteral("%1 could not be read as an RSA or EC private key").arg(what);
    return {};
}

QSslCertificate TlsMaterial::certificate(const QByteArray& pem, const QString& what, QString* error)
{
    const auto certs = QSslCertificate::fromData(pem, QSsl::Pem);
    if (certs.isEmpty()) {
        if (error)
            *error = QStringLiteral("%1 contains no PEM certificate").arg(what);
        return QSslCertificate();
    }
    return certs.first();
}

bool TlsMaterial::keyMatchesCertificate(const QByteArray& keyPem, const QSslCertificate& cert)
{
    const QByteArray fingerprint = publicKeyFingerprint(cert.toDer());
    const QByteArray keyDer = pemBodyDer(keyPem);
    if (fingerprint.isEmpty() || keyDer.isEmpty())
        return true;
    if (keyDer.contains(fingerprint))
        return true;
    // An EC key may omit its public point; only RSA moduli are always present.
    return !hasRsaKey(cert.toDer()) && keyDer.size() < 64 + fingerprint.size() / 2;
}

bool TlsMaterial::loadClientPair(const QByteArray& certPem, const QByteArray& keyPem,
                                 const QString& owner, QSslCertificate* cert, QSslKey* key,
                                 QString* error)
{
    *cert = certificate(certPem, QStringLiteral("client certificate of %1").arg(owner), error);
    if (cert->isNull())
        return false;
    *key = privateKey(keyPem, QStringLiteral("client key of %1").arg(owner), error);
    if (key->isNull())
        return false;
    if (!keyMatchesCertificate(keyPem, *cert)) {
        if (error)
            *error = QStringLiteral("client certificate and client key of %1 do not belong "
                                    "together: the certificate's public key does not match the "
                                    "private key (tls: private key does not match public key)")
                         .arg(owner);
        return false;
    }
    return true;
}

} // namespace unstuck
