// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/kubeapi/KubeWriteOptions.h"

#include "models/sim/kubeapi/KubeHandler.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace unstuck::sim {

using namespace Qt::StringLiterals;

namespace {

// CreateOptions, UpdateOptions, PatchOptions or DeleteOptions: what the error names.
QString optionsKind(const QByteArray& method)
{
    if (method == "POST")
        return u"CreateOptions"_s;
    if (method == "PUT")
        return u"UpdateOptions"_s;
    if (method == "PATCH")
        return u"PatchOptions"_s;
    return u"DeleteOptions"_s;
}

QString goQuoted(QString s)
{
    return u'"' + s.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s) + u'"';
}

// field.NotSupported(dryRun, values, ["All"]) inside errors.NewInvalid(<Kind>.meta.k8s.io, "").
HttpResponse unsupportedDryRun(const QByteArray& method, const QStringList& values)
{
    QStringList quoted;
    for (const QString& v : values)
        quoted << goQuoted(v);
    const QString body =
        u"Unsupported value: []string{%1}: supported values: \"All\""_s.arg(quoted.join(u", "_s));
    const QString kind = optionsKind(method);
    return KubeHandler::status(
        422, u"Invalid"_s, u"%1.meta.k8s.io \"\" is invalid: dryRun: %2"_s.arg(kind, body),
        QJsonObject{{u"group"_s, u"meta.k8s.io"_s},
                    {u"kind"_s, kind},
                    {u"causes"_s, QJsonArray{QJsonObject{{u"reason"_s, u"FieldValueNotSupported"_s},
                                                         {u"message"_s, body},
                                                         {u"field"_s, u"dryRun"_s}}}}});
}

// A DELETE's DeleteOptions body: dryRun and preconditions.
void readDeleteBody(const QJsonObject& body, QStringList* dryRun, KubeWriteOptions* out)
{
    for (const QJsonValue& v : body.value(u"dryRun"_s).toArray())
        *dryRun << v.toString();
    const QJsonObject preconditions = body.value(u"preconditions"_s).toObject();
    if (preconditions.contains(u"uid"_s))
        out->preconditionUid = preconditions.value(u"uid"_s).toString();
    if (preconditions.contains(u"resourceVersion"_s))
        out->preconditionResourceVersion = preconditions.value(u"resourceVersion"_s).toString();
}

} // namespace

std::optional<HttpResponse> KubeWriteOptions::parse(const HttpRequest& request,
                                                    KubeWriteOptions* out)
{
    QStringList dryRun;
    const QJsonDocument body = QJsonDocument::fromJson(request.body);
    if (request.method == "DELETE" && body.isObject())
        readDeleteBody(body.object(), &dryRun, out);
    else
        dryRun = request.query.allQueryItemValues(u"dryRun"_s, QUrl::FullyDecoded);
    for (const QString& v : dryRun)
        if (v != u"All"_s)
            return unsupportedDryRun(request.method, dryRun);
    out->dryRun = !dryRun.isEmpty();
    out->fieldManager = request.query.queryItemValue(u"fieldManager"_s, QUrl::FullyDecoded);
    if (out->fieldManager.isEmpty()) // managerOrUserAgent(): the User-Agent up to its first '/'
        out->fieldManager = QString::fromUtf8(request.header("user-agent")).section(u'/', 0, 0);
    return std::nullopt;
}

} // namespace unstuck::sim
