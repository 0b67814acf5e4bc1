// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/common/AccountRedactor.h"

#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <atomic>

namespace unstuck {
namespace {

std::atomic_bool g_enabled{false};

QMutex& seenMutex()
{
    static QMutex mutex;
    return mutex;
}

QSet<QString>& seen()
{
    static QSet<QString> ids;
    return ids;
}

// Where Alibaba Cloud writes an account id; the id is the last capture group.
const QList<QRegularExpression>& idPatterns()
{
    static const QList<QRegularExpression> list = {
        QRegularExpression(QStringLiteral(R"(\bacs:[a-z0-9-]*:[a-z0-9-]*:(\d{6,20}):)")),
        QRegularExpression(
            QStringLiteral(
                R"((?:\b|_)(?:OwnerId|AccountId|AliUid|owner_id|account_id)\\?["']?\s*[:=]\s*\\?["']?(\d{6,20}))"),
            QRegularExpression::CaseInsensitiveOption),
    };
    return list;
}

const QRegularExpression& encodedDiagnostic()
{
    static const QRegularExpression re(QStringLiteral(
        R"(EncodedDiagnosticMessage\\?["']?\s*[:=]\s*\\?["']?([A-Za-z0-9+/]{16,}={0,2}))"));
    return re;
}

QString zeros(const QString& id)
{
    return QString(id.size(), QLatin1Char('0'));
}

void learnIds(const QString& text)
{
    QSet<QString> found;
    for (const QRegularExpression& re : idPatterns())
        for (auto it = re.globalMatch(text); it.hasNext();) {
            const QString id = it.next().captured(1);
            if (id != zeros(id))
                found.insert(id);
        }
    if (found.isEmpty())
        return;
    QMutexLocker lock(&seenMutex());
    seen().unite(found);
}

QString hideKnownIds(QString text)
{
    QSet<QString> ids;
    {
        QMutexLocker lock(&seenMutex());
        ids = seen();
    }
    for (const QString& id : std::as_const(ids)) {
        // A JSON number ("OwnerId":5810…) becomes 0: a run of zeros is not a valid JSON number.
        text.replace(QRegularExpression(QStringLiteral("(?<=\":|\": )%1(?!\\d)").arg(id)),
                     QStringLiteral("0"));
        text.replace(QRegularExpression(QStringLiteral("(?<!\\d)%1(?!\\d)").arg(id)), zeros(id));
    }
    return text;
}

// A base64 diagnostic is decoded, its account ids hidden, and encoded again, so it still
// decodes (aliyun ram DecodeDiagnosticMessage, or any base64 tool) to the statement that denied.
QString hideInEncodedDiagnostics(const QString& text)
{
    QString out;
    qsizetype last = 0;
    for (auto it = encodedDiagnostic().globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QByteArray decoded = QByteArray::fromBase64(m.captured(1).toLatin1());
        QString inner = QString::fromUtf8(decoded);
        learnIds(inner);
        inner = hideKnownIds(inner);
        out += text.mid(last, m.capturedStart(1) - last);
        out += QString::fromLatin1(inner.toUtf8().toBase64());
        last = m.capturedEnd(1);
    }
    return last == 0 ? text : out + text.mid(last);
}

} // namespace

void AccountRedactor::setEnabled(bool enabled)
{
    g_enabled = enabled;
}

bool AccountRedactor::isEnabled()
{
    return g_enabled;
}

QString AccountRedactor::redact(const QString& text)
{
    if (!g_enabled)
        return text;
    learnIds(text);
    return hideKnownIds(hideInEncodedDiagnostics(text));
}

} // namespace unstuck
