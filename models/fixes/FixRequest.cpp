// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/fixes/FixRequest.h"

#include "models/common/Redactor.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace unstuck {

using namespace Qt::StringLiterals;

namespace {

QString withQuery(const QString& path, const QString& pair)
{
    return path + (path.contains(u'?') ? u'&' : u'?') + pair;
}

bool isCloudRead(const QString& action)
{
    for (const char* prefix : {"Describe", "Get", "List", "Decode"})
        if (action.startsWith(QLatin1String(prefix)))
            return true;
    return false;
}

} // namespace

FixRequest FixRequest::kube(const QByteArray& method, const QString& path, const QByteArray& body,
                            const QByteArray& contentType)
{
    FixRequest r;
    r.api = Api::Kube;
    r.method = method;
    r.path = path;
    r.body = body;
    r.contentType = contentType.isEmpty() && !body.isEmpty() ? "application/json" : contentType;
    if (method == "POST" || method == "PUT" || method == "PATCH")
        r.path = withQuery(path, u"fieldManager=unstuck"_s);
    return r;
}

FixRequest FixRequest::cloud(const QString& product, const QString& action,
                             const QMap<QString, QString>& params)
{
    FixRequest r;
    r.api = Api::Cloud;
    r.method = "POST";
    r.product = product;
    r.action = action;
    r.params = params;
    return r;
}

bool FixRequest::isWrite() const
{
    if (api == Api::Cloud)
        return !isCloudRead(action);
    return method != "GET" && method != "HEAD";
}

QString FixRequest::label() const
{
    if (api == Api::Kube)
        return QString::fromLatin1(method) + u' ' + path;
    QStringList shown;
    for (auto it = params.cbegin(); it != params.cend(); ++it)
        if (it.key() != u"PolicyDocument"_s)
            shown << it.key() + u'=' + it.value();
    return Redactor::redact(ramAction() + (shown.isEmpty() ? QString() : u' ' + shown.join(u'&')));
}

FixRequest FixRequest::asDryRun() const
{
    FixRequest r = *this;
    if (api == Api::Cloud) {
        r.params.insert(u"DryRun"_s, u"true"_s);
        return r;
    }
    r.path = withQuery(path, u"dryRun=All"_s);
    // A DELETE with a DeleteOptions body is read from the body alone: the API server then
    // ignores the query, ?dryRun=All included, and would really delete.
    QJsonObject options = QJsonDocument::fromJson(body).object();
    if (method == "DELETE" && !options.isEmpty()) {
        options.insert(u"dryRun"_s, QJsonArray{u"All"_s});
        r.body = QJsonDocument(options).toJson(QJsonDocument::Compact);
    }
    return r;
}

QString FixRequest::canonical() const
{
    return QString::fromUtf8(QJsonDocument(toJson(false)).toJson(QJsonDocument::Compact));
}

QJsonObject FixRequest::toJson(bool redacted) const
{
    const auto clean = [redacted](const QString& text) {
        return redacted ? Redactor::redact(text) : text;
    };
    if (api == Api::Kube) {
        QJsonObject o{{u"api"_s, u"kubernetes"_s},
                      {u"method"_s, QString::fromLatin1(method)},
                      {u"path"_s, path}};
        if (!body.isEmpty())
            o.insert(u"body"_s, clean(QString::fromUtf8(body)));
        if (!contentType.isEmpty())
            o.insert(u"contentType"_s, QString::fromLatin1(contentType));
        if (!command.isEmpty())
            o.insert(u"command"_s, clean(command));
        return o;
    }
    QJsonObject p;
    for (auto it = params.cbegin(); it != params.cend(); ++it)
        p.insert(it.key(), clean(it.value()));
    QJsonObject o{
        {u"api"_s, u"cloud"_s}, {u"product"_s, product}, {u"action"_s, action}, {u"params"_s, p}};
    if (!listPath.isEmpty())
        o.insert(u"listPath"_s, listPath);
    if (!command.isEmpty())
        o.insert(u"command"_s, clean(command));
    return o;
}

FixRequest FixRequest::fromJson(const QJsonObject& o)
{
    FixRequest r;
    r.command = o.value(u"command"_s).toString();
    if (o.value(u"api"_s).toString() == u"cloud"_s) {
        r.api = Api::Cloud;
        r.method = "POST";
        r.product = o.value(u"product"_s).toString();
        r.action = o.value(u"action"_s).toString();
        r.listPath = o.value(u"listPath"_s).toString();
        const QJsonObject p = o.value(u"params"_s).toObject();
        for (auto it = p.begin(); it != p.end(); ++it)
            r.params.insert(it.key(), it.value().toString());
        return r;
    }
    r.method = o.value(u"method"_s).toString(u"GET"_s).toLatin1();
    r.path = o.value(u"path"_s).toString();
    r.body = o.value(u"body"_s).toString().toUtf8();
    r.contentType = o.value(u"contentType"_s).toString().toLatin1();
    return r;
}

} // namespace unstuck
