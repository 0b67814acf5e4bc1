// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QList>
#include <QMap>
#include <QString>
#include <utility>

namespace unstuck {

// Alibaba Cloud OpenAPI request signing, shared by CloudClient (to sign) and the simulator (to
// verify). Two schemes:
//  - V1 ("HMAC-SHA1", SignatureVersion=1.0, the RPC signature of the POP SDKs);
//  - V3 ("ACS3-HMAC-SHA256", the Authorization header of the Tea SDKs).
// Pure functions, no clock and no randomness, so the official known-answer vectors apply.
class AcsSigner
{
public:
    using Params = QMap<QString, QString>;
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    // RFC 3986 percent-encoding as the SDKs do it: A-Z a-z 0-9 - _ . ~ kept, the rest %XY with
    // upper-case hex (space is %20, '*' is %2A).
    static QByteArray percentEncode(const QString& value);
    // "k=v&k=v" of the encoded pairs, sorted by name (byte order).
    static QByteArray canonicalQuery(const Params& params);

    // --- V1 -------------------------------------------------------------------------------
    // HTTPMethod & %2F & percentEncode(canonicalQuery(params)); params must not hold Signature.
    static QByteArray v1StringToSign(const QByteArray& method, const Params& params);
    // Base64(HMAC-SHA1(secret + "&", stringToSign)).
    static QByteArray v1Signature(const QByteArray& stringToSign, const QString& accessKeySecret);

    // --- V3 -------------------------------------------------------------------------------
    static constexpr const char* kV3Algorithm = "ACS3-HMAC-SHA256";
    // The headers a client signs by default: host, content-type and every x-acs-* header,
    // lower-cased and sorted.
    static QByteArrayList v3DefaultSignedHeaders(const Headers& headers);
    // method \n uri \n query \n canonical headers \n signed headers \n payload hash.
    // Repeated header names are joined with ',' after sorting their values.
    static QByteArray v3CanonicalRequest(const QByteArray& method, const QString& path,
                                         const Params& query, const Headers& headers,
                                         const QByteArrayList& signedHeaders,
                                         const QByteArray& hashedPayload);
    static QByteArray v3StringToSign(const QByteArray& canonicalRequest);
    // hex(HMAC-SHA256(secret, stringToSign)).
    static QByteArray v3Signature(const QByteArray& stringToSign, const QString& accessKeySecret);
    static QByteArray v3Authorization(const QString& accessKeyId,
                                      const QByteArrayList& signedHeaders,
                                      const QByteArray& signature);
    static QByteArray sha256Hex(const QByteArray& data);

    struct V3Authorization
    {
        bool valid = false;
        QByteArray algorithm;
        QString accessKeyId;
        QByteArrayList signedHeaders;
        QByteArray signature;
    };
    // Parses "ACS3-HMAC-SHA256 Credential=…,SignedHeaders=a;b,Signature=…".
    static V3Authorization parseV3Authorization(const QByteArray& header);
};

} // namespace unstuck
