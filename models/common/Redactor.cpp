// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/common/Redactor.h"

#include "models/common/AccountRedactor.h"

#include <QMutex>
#include <QRegularExpression>
#include <QSet>

namespace unstuck {
namespace {

QMutex& secretsMutex()
{
    static QMutex mutex;
    return mutex;
}

QSet<QString>& secrets()
{
    static QSet<QString> values;
    return values;
}

// The names of fields whose value is a secret, as a group for the patterns below.
QString secretKeys()
{
    return QStringLiteral("(?:token|id-token|access-token|refresh-token|password|client-key-data|"
                          "clientKeyData|AccessKeySecret|access_key_secret|SecurityToken|"
                          "security_token|sts_token|Signature|secret)");
}

const QList<QRegularExpression>& patterns()
{
    // Each pattern keeps its first capture group (the key) and masks the rest.
    static const QList<QRegularExpression> list = {
        QRegularExpression(QStringLiteral(
            R"((-----BEGIN [A-Z ]*PRIVATE KEY-----)[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$))")),
        QRegularExpression(
            QStringLiteral(
                R"(((?:authorization|proxy-authorization)\s*[:=]\s*"?(?:bearer|basic|acs|ACS3-HMAC-SHA256)?\s*)[^\s",}]+)"),
            QRegularExpression::CaseInsensitiveOption),
        // `token: x`, `token=x`, `"token": "x"`: a key and its value.
        QRegularExpression(
            QStringLiteral(R"(((?:^|[\s"'{,&?])%1(?:\s*[:=]\s*"?|["']\s*[:=]\s*"))[^\s",&}]+)")
                .arg(secretKeys()),
            QRegularExpression::CaseInsensitiveOption),
        // `"token": x`, a quoted key with a bare value: a value in YAML or a JSON-like dump, but
        // in an error text the first word of a sentence about the field ("users[0].user
        // "token": must be a single value"). A word followed by more words on its line is prose.
        QRegularExpression(
            QStringLiteral(
                R"(((?:^|[\s"'{,&?])%1["']\s*[:=]\s*)(?!")[^\s",&}]++(?![^\S\r\n]+[A-Za-z]))")
                .arg(secretKeys()),
            QRegularExpression::CaseInsensitiveOption),
    };
    return list;
}

} // namespace

void Redactor::registerSecret(const QString& secret)
{
    const QString trimmed = secret.trimmed();
    if (trimmed.size() < 6)
        return;
    QMutexLocker lock(&secretsMutex());
    secrets().insert(trimmed);
}

void Redactor::forgetSecrets()
{
    QMutexLocker lock(&secretsMutex());
    secrets().clear();
}

QString Redactor::redact(const QString& text)
{
    QString out = text;
    {
        QMutexLocker lock(&secretsMutex());
        for (const QString& secret : secrets())
            out.replace(secret, QLatin1String(kMask));
    }
    for (const QRegularExpression& re : patterns())
        out.replace(re, QStringLiteral("\\1") + QLatin1String(kMask));
    return AccountRedactor::redact(out);
}

std::string Redactor::redact(const std::string& text)
{
    return redact(QString::fromStdString(text)).toStdString();
}

} // namespace unstuck
