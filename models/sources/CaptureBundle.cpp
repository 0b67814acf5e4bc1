// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sources/CaptureBundle.h"

#include "models/common/Redactor.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

namespace unstuck {
namespace {

QJsonObject queryToJson(const SourceQuery& q)
{
    QJsonObject o;
    if (q.kind == SourceQuery::Kind::Kube) {
        o[QStringLiteral("kind")] = QStringLiteral("kube");
        o[QStringLiteral("path")] = q.path;
        if (!q.accept.isEmpty())
            o[QStringLiteral("accept")] = QString::fromLatin1(q.accept);
    } else {
        o[QStringLiteral("kind")] = QStringLiteral("cloud");
        o[QStringLiteral("product")] = q.product;
        o[QStringLiteral("action")] = q.action;
        QJsonObject params;
        for (auto it = q.params.cbegin(); it != q.params.cend(); ++it)
            params[it.key()] = it.value();
        o[QStringLiteral("params")] = params;
        if (!q.listPath.isEmpty())
            o[QStringLiteral("listPath")] = q.listPath;
    }
    if (q.allPages)
        o[QStringLiteral("allPages")] = true;
    return o;
}

SourceQuery queryFromJson(const QJsonObject& o)
{
    SourceQuery q;
    const bool cloud = o.value(QStringLiteral("kind")).toString() == QLatin1String("cloud");
    q.kind = cloud ? SourceQuery::Kind::Cloud : SourceQuery::Kind::Kube;
    q.path = o.value(QStringLiteral("path")).toString();
    q.accept = o.value(QStringLiteral("accept")).toString().toLatin1();
    q.product = o.value(QStringLiteral("product")).toString();
    q.action = o.value(QStringLiteral("action")).toString();
    const QJsonObject params = o.value(QStringLiteral("params")).toObject();
    for (auto it = params.begin(); it != params.end(); ++it)
        q.params.insert(it.key(), it.value().toString());
    q.listPath = o.value(QStringLiteral("listPath")).toString();
    q.allPages = o.value(QStringLiteral("allPages")).toBool();
    return q;
}

QJsonObject answerToJson(const SourceAnswer& a)
{
    QJsonObject o;
    o[QStringLiteral("status")] = a.status;
    o[QStringLiteral("contentType")] = QString::fromLatin1(a.contentType);
    o[QStringLiteral("body")] = Redactor::redact(QString::fromUtf8(a.body));
    if (!a.error.isEmpty())
        o[QStringLiteral("error")] = a.error;
    if (!a.errorCode.isEmpty())
        o[QStringLiteral("errorCode")] = a.errorCode;
    if (!a.message.isEmpty())
        o[QStringLiteral("message")] = Redactor::redact(a.message);
    o[QStringLiteral("at")] = a.at.toUTC().toString(Qt::ISODateWithMs);
    o[QStringLiteral("elapsedMs")] = a.elapsedMs;
    return o;
}

SourceAnswer answerFromJson(const QJsonObject& o)
{
    SourceAnswer a;
    a.status = o.value(QStringLiteral("status")).toInt();
    a.contentType = o.value(QStringLiteral("contentType")).toString().toLatin1();
    a.body = o.value(QStringLiteral("body")).toString().toUtf8();
    a.error = o.value(QStringLiteral("error")).toString();
    a.errorCode = o.value(QStringLiteral("errorCode")).toString();
    a.message = o.value(QStringLiteral("message")).toString();
    a.at = QDateTime::fromString(o.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs);
    a.elapsedMs = o.value(QStringLiteral("elapsedMs")).toInteger();
    const QJsonDocument doc = QJsonDocument::fromJson(a.body);
    if (doc.isObject())
        a.json = doc.object();
    return a;
}

// QJsonObject sorts its keys, which would put "format" after megabytes of exchanges. A reader
// (or a person with `head`) should see what the file is on its first lines, and a truncated
// bundle must still be recognised as one, so "format" and "version" are spliced in first.
QByteArray withHeaderFirst(const QByteArray& indentedObject)
{
    const qsizetype afterBrace = indentedObject.indexOf('\n') + 1;
    const QByteArray header = QByteArrayLiteral("    \"format\": \"") +
                              QByteArray(CaptureBundle::kFormat) +
                              QByteArrayLiteral("\",\n    \"version\": ") +
                              QByteArray::number(CaptureBundle::kVersion) + ",\n";
    return indentedObject.left(afterBrace) + header + indentedObject.mid(afterBrace);
}

} // namespace

bool CaptureBundle::save(const QString& path, QString* error) const
{
    QJsonObject root;
    root[QStringLiteral("context")] = context;
    if (!namespaceName.isEmpty())
        root[QStringLiteral("namespace")] = namespaceName;
    root[QStringLiteral("recordedAt")] = recordedAt.toUTC().toString(Qt::ISODateWithMs);
    root[QStringLiteral("tool")] = tool;
    root[QStringLiteral("cloud")] = QJsonObject{
        {QStringLiteral("available"), cloudAvailable},
        {QStringLiteral("reason"), cloudUnavailableReason},
    };
    QJsonArray list;
    for (const CaptureExchange& e : exchanges) {
        list.append(QJsonObject{
            {QStringLiteral("key"), Redactor::redact(e.query.key())},
            {QStringLiteral("query"), queryToJson(e.query)},
            {QStringLiteral("answer"), answerToJson(e.answer)},
        });
    }
    root[QStringLiteral("exchanges")] = list;

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error =
            QStringLiteral("cannot write the capture bundle %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(withHeaderFirst(QJsonDocument(root).toJson(QJsonDocument::Indented)));
    if (!file.commit()) {
        *error =
            QStringLiteral("cannot write the capture bundle %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

std::optional<CaptureBundle> CaptureBundle::load(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error =
            QStringLiteral("cannot open the capture bundle %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > kMaxFileBytes) {
        *error = QStringLiteral("%1 is %2 MiB; Unstuck reads capture bundles of at most %3 MiB")
                     .arg(path)
                     .arg(file.size() / (1024 * 1024))
                     .arg(kMaxFileBytes / (1024 * 1024));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("%1 is not a valid capture bundle: %2 at byte %3 (truncated file?)")
                     .arg(path, parseError.errorString())
                     .arg(parseError.offset);
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String(kFormat)) {
        *error = QStringLiteral("%1 is not an Unstuck capture bundle (no \"format\": \"%2\")")
                     .arg(path, QLatin1String(kFormat));
        return std::nullopt;
    }
    const int version = root.value(QStringLiteral("version")).toInt();
    if (version < 1 || version > kVersion) {
        *error = QStringLiteral("%1 has bundle version %2; this Unstuck reads version %3 — "
                                "update Unstuck to open it")
                     .arg(path)
                     .arg(version)
                     .arg(kVersion);
        return std::nullopt;
    }
    CaptureBundle bundle;
    bundle.context = root.value(QStringLiteral("context")).toString();
    bundle.namespaceName = root.value(QStringLiteral("namespace")).toString();
    bundle.recordedAt = QDateTime::fromString(root.value(QStringLiteral("recordedAt")).toString(),
                                              Qt::ISODateWithMs);
    bundle.tool = root.value(QStringLiteral("tool")).toString();
    const QJsonObject cloud = root.value(QStringLiteral("cloud")).toObject();
    bundle.cloudAvailable = cloud.value(QStringLiteral("available")).toBool();
    bundle.cloudUnavailableReason = cloud.value(QStringLiteral("reason")).toString();
    for (const QJsonValue& v : root.value(QStringLiteral("exchanges")).toArray()) {
        const QJsonObject o = v.toObject();
        bundle.exchanges.append(CaptureExchange{
            queryFromJson(o.value(QStringLiteral("query")).toObject()),
            answerFromJson(o.value(QStringLiteral("answer")).toObject()),
        });
    }
    return bundle;
}

bool CaptureBundle::looksLikeBundle(const QByteArray& text)
{
    if (!text.contains(kFormat))
        return false;
    static const QRegularExpression formatKey(
        QStringLiteral(R"("format"\s*:\s*"%1")").arg(QLatin1String(kFormat)));
    return formatKey.match(QString::fromUtf8(text)).hasMatch();
}

} // namespace unstuck
