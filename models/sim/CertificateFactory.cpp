// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/CertificateFactory.h"

#include <QList>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace unstuck::sim {

namespace {

struct KeyDeleter
{
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct CertDeleter
{
    void operator()(X509* cert) const { X509_free(cert); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, KeyDeleter>;
using CertPtr = std::unique_ptr<X509, CertDeleter>;

KeyPtr generateKey(bool ec)
{
    return KeyPtr(ec ? EVP_EC_gen("P-256") : EVP_RSA_gen(2048));
}

void addName(X509_NAME* name, const char* field, const QString& value)
{
    if (value.isEmpty())
        return;
    const QByteArray utf8 = value.toUtf8();
    X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>(utf8.constData()), -1, -1, 0);
}

bool addExtension(X509* cert, X509* issuer, int nid, const char* value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (!ext)
        return false;
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

void setRandomSerial(X509* cert)
{
    BIGNUM* bn = BN_new();
    BN_rand(bn, 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY);
    ASN1_INTEGER* serial = BN_to_ASN1_INTEGER(bn, nullptr);
    X509_set_serialNumber(cert, serial);
    ASN1_INTEGER_free(serial);
    BN_free(bn);
}

QByteArray bioToBytes(BIO* bio)
{
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    QByteArray out(data, static_cast<int>(len));
    BIO_free(bio);
    return out;
}

QByteArray certPem(X509* cert)
{
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(bio, cert);
    return bioToBytes(bio);
}

QByteArray keyPem(EVP_PKEY* key)
{
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey_traditional(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
    return bioToBytes(bio);
}

} // namespace

struct CertificateFactory::Private
{
    KeyPtr caKey;
    CertPtr caCert;

    // Builds a certificate for `key` signed by the CA (or self-signed when issuer is null).
    CertPtr makeCertificate(EVP_PKEY* key, const QString& cn, const QString& org, int days,
                            const QList<std::pair<int, const char*>>& extensions) const
    {
        CertPtr cert(X509_new());
        X509_set_version(cert.get(), 2);
        setRandomSerial(cert.get());
        X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
        X509_gmtime_adj(X509_getm_notAfter(cert.get()), static_cast<long>(days) * 24 * 3600);
        X509_set_pubkey(cert.get(), key);
        X509_NAME* name = X509_get_subject_name(cert.get());
        addName(name, "O", org);
        addName(name, "CN", cn);
        X509* issuer = caCert ? caCert.get() : cert.get();
        X509_set_issuer_name(cert.get(), X509_get_subject_name(issuer));
        for (const auto& [nid, value] : extensions)
            addExtension(cert.get(), issuer, nid, value);
        EVP_PKEY* signer = caKey ? caKey.get() : key;
        if (X509_sign(cert.get(), signer, EVP_sha256()) == 0)
            return nullptr;
        return cert;
    }

    PemPair issue(const QString& cn, const QString& org, bool ec,
                  const QList<std::pair<int, const char*>>& extensions) const
    {
        KeyPtr key = generateKey(ec);
        if (!key)
            return {};
        CertPtr cert = makeCertificate(key.get(), cn, org, 365, extensions);
        if (!cert)
            return {};
        return PemPair{certPem(cert.get()), keyPem(key.get())};
    }
};

CertificateFactory::CertificateFactory() : d(new Private) {}
CertificateFactory::~CertificateFactory() = default;

bool CertificateFactory::init(QString* error)
{
    d->caKey = generateKey(true);
    if (!d->caKey) {
        if (error)
            *error = QStringLiteral("OpenSSL could not generate the CA key");
        return false;
    }
    KeyPtr key = std::move(d->caKey);
    CertPtr ca =
        d->makeCertificate(key.get(), QStringLiteral("unstuck-sim-ca"), {}, 3650,
                           {{NID_basic_constraints, "critical,CA:TRUE"},
                            {NID_key_usage, "critical,keyCertSign,cRLSign,digitalSignature"},
                            {NID_subject_key_identifier, "hash"}});
    if (!ca) {
        if (error)
            *error = QStringLiteral("OpenSSL could not sign the CA certificate");
        return false;
    }
    d->caKey = std::move(key);
    d->caCert = std::move(ca);
    return true;
}

QByteArray CertificateFactory::caCertificatePem() const
{
    return d->caCert ? certPem(d->caCert.get()) : QByteArray();
}

PemPair CertificateFactory::issueServerCertificate() const
{
    return d->issue(QStringLiteral("kube-apiserver"), {}, true,
                    {{NID_basic_constraints, "critical,CA:FALSE"},
                     {NID_key_usage, "critical,digitalSignature,keyEncipherment"},
                     {NID_ext_key_usage, "serverAuth"},
                     {NID_subject_alt_name, "IP:127.0.0.1,DNS:localhost,DNS:kubernetes,"
                                            "DNS:kubernetes.default.svc"},
                     {NID_authority_key_identifier, "keyid:always"}});
}

PemPair CertificateFactory::issueClientCertificate(const QString& commonName,
                                                   const QString& organization, bool ec) const
{
    return d->issue(commonName, organization, ec,
                    {{NID_basic_constraints, "critical,CA:FALSE"},
                     {NID_key_usage, "critical,digitalSignature,keyEncipherment"},
                     {NID_ext_key_usage, "clientAuth"},
                     {NID_authority_key_identifier, "keyid:always"}});
}

bool CertificateFactory::isIssuedByCa(const QByteArray& der) const
{
    if (!d->caKey || der.isEmpty())
        return false;
    const unsigned char* p = reinterpret_cast<const unsigned char*>(der.constData());
    CertPtr cert(d2i_X509(nullptr, &p, der.size()));
    if (!cert)
        return false;
    if (X509_check_issued(d->caCert.get(), cert.get()) != X509_V_OK)
        return false;
    return X509_verify(cert.get(), d->caKey.get()) == 1;
}

} // namespace unstuck::sim
