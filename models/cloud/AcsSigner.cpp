// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/cloud/AcsSigner.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <algorithm>

namespace unstuck {

QByteArray AcsSigner::percentEncode(const QString& value)
{
    // Qt never encodes the RFC 3986 unreserved set and writes upper-case hex.
    return value.toUtf8().toPercentEncoding();
}

QByteArray AcsSigner::canonicalQuery(const Params& params)
{
    // QMap iterates in key order; keys are ASCII in practice, where UTF-16 order is byte order.
    QByteArrayList pairs;
    pairs.reserve(params.size());
    for (auto it = params.constBegin(); it != params.constEnd(); ++it)
        pairs.append(percentEncode(it.key()) + '=' + percentEncode(it.value()));
    return pairs.join('&');
}

QByteArray AcsSigner::v1StringToSign(const QByteArray& method, const Params& params)
{
    return method + '&' + percentEncode(QStringLiteral("/")) + '&' +
           percentEncode(QString::fromLatin1(canonicalQuery(params)));
}

QByteArray AcsSigner::v1Signature(const QByteArray& stringToSign, const QString& accessKeySecret)
{
    return QMessageAuthenticationCode::hash(stringToSign, accessKeySecret.toUtf8() + '&',
                                            QCryptographicHash::Sha1)
        .toBase64();
}

QByteArrayList AcsSigner::v3DefaultSignedHeaders(const Headers& headers)
{
    QByteArrayList names;
    for (const auto& [name, value] : headers) {
        const QByteArray lower = name.toLower();
        if ((lower == "host" || lower == "content-type" || lower.startsWith("x-acs-")) &&
            !names.contains(lower))
            names.append(lower);
    }
    std::sort(names.begin(), names.end());
    return names;
}

QByteArray AcsSigner::v3CanonicalRequest(const QByteArray& method, const QString& path,
                                         const Params& query, const Headers& headers,
                                         const QByteArrayList& signedHeaders,
                                         const QByteArray& hashedPayload)
{
    QByteArrayList sortedNames = signedHeaders;
    for (QByteArray& name : sortedNames)
        name = name.toLower();
    std::sort(sortedNames.begin(), sortedNames.end());
    QByteArray canonicalHeaders;
    for (const QByteArray& name : sortedNames) {
        QByteArrayList values;
        for (const auto& [headerName, value] : headers)
            if (headerName.toLower() == name)
                values.append(value.trimmed());
        std::sort(values.begin(), values.end());
        canonicalHeaders += name + ':' + values.join(',') + '\n';
    }
    const QByteArray uri = path.isEmpty() ? QByteArray("/") : path.toUtf8();
    return method + '\n' + uri + '\n' + canonicalQuery(query) + '\n' + canonicalHeaders + '\n' +
           sortedNames.join(';') + '\n' + hashedPayload;
}

QByteArray AcsSigner::v3StringToSign(const QByteArray& canonicalRequest)
{
    return QByteArray(kV3Algorithm) + '\n' + sha256Hex(canonicalRequest);
}

QByteArray AcsSigner::v3Signature(const QByteArray& stringToSign, const QString& accessKeySecret)
{
    return QMessageAuthenticationCode::hash(stringToSign, accessKeySecret.toUtf8(),
                                            QCryptographicHash::Sha256)
        .toHex();
}

QByteArray AcsSigner::v3Authorization(const QString& accessKeyId,
                                      const QByteArrayList& signedHeaders,
                                      const QByteArray& signature)
{
    return QByteArray(kV3Algorithm) + " Credential=" + accessKeyId.toUtf8() +
           ",SignedHeaders=" + signedHeaders.join(';') + ",Signature=" + signature;
}

QByteArray AcsSigner::sha256Hex(const QByteArray& data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

AcsSigner::V3Authorization AcsSigner::parseV3Authorization(const QByteArray& header)
{
    V3Authorization out;
    const qsizetype space = header.indexOf(' ');
    if (space <= 0)
        return out;
    out.algorithm = header.left(space);
    bool haveCredential = false, haveHeaders = false, haveSignature = false;
    for (const QByteArray& part : header.mid(space + 1).split(',')) {
        const QByteArray item = part.trimmed();
        const qsizetype eq = item.indexOf('=');
        if (eq <= 0)
            continue;
        const QByteArray name = item.left(eq);
        const QByteArray value = item.mid(eq + 1);
        if (name == "Credential") {
            out.accessKeyId = QString::fromUtf8(value);
            haveCredential = true;
        } else if (name == "SignedHeaders") {
            out.signedHeaders = value.split(';');
            haveHeaders = true;
        } else if (name == "Signature") {
            out.signature = value;
            haveSignature = true;
        }
    }
    out.valid = haveCredential && haveHeaders && haveSignature && !out.accessKeyId.isEmpty();
    return out;
}

} // namespace unstuck
