// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/cloud/CloudClient.h"

#include "models/cloud/AcsSigner.h"
#include "models/common/Log.h"
#include "models/common/Redactor.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>
#include <QUuid>

namespace unstuck {

using namespace Qt::StringLiterals;

namespace {

constexpr int kSessionRefreshMarginSecs = 180;
constexpr int kMaxPages = 1000;

QString timestampNow()
{
    return QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-ddTHH:mm:ssZ"_s);
}

bool isReadAction(const QString& action)
{
    return action.startsWith(u"Describe"_s) || action.startsWith(u"Get"_s) ||
           action.startsWith(u"List"_s) || action.startsWith(u"Decode"_s);
}

QJsonValue valueAt(const QJsonObject& root, const QStringList& path)
{
    QJsonValue v = root;
    for (const QString& key : path)
        v = v.toObject().value(key);
    return v;
}

QJsonObject withValueAt(QJsonObject root, const QStringList& path, const QJsonValue& value)
{
    if (path.isEmpty())
        return root;
    if (path.size() == 1) {
        root.insert(path.first(), value);
        return root;
    }
    root.insert(path.first(), withValueAt(root.value(path.first()).toObject(), path.mid(1), value));
    return root;
}

QString shellQuote(const QString& value)
{
    static const QRegularExpression plain(u"^[A-Za-z0-9._:/@=,+-]+$"_s);
    if (plain.match(value).hasMatch())
        return value;
    QString escaped = value;
    escaped.replace(u"'"_s, u"'\\''"_s);
    return u'\'' + escaped + u'\'';
}

CloudError::Kind networkKind(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // what setTransferTimeout() produces
        return CloudError::Kind::Timeout;
    case QNetworkReply::SslHandshakeFailedError:
        return CloudError::Kind::Tls;
    default:
        return CloudError::Kind::Unreachable;
    }
}

// The connection failed after the status line (reset or closed mid-body): Qt keeps the
// status, so without this check the cut-off body would be read as the answer.
bool cutOffMidBody(QNetworkReply* reply)
{
    const auto code = reply->error();
    return code == QNetworkReply::RemoteHostClosedError ||
           code == QNetworkReply::TemporaryNetworkFailureError ||
           code == QNetworkReply::UnknownNetworkError;
}

// A JSON object whose parse fails at its very end: the answer stopped early (a short
// Content-Length), not a body that was never JSON.
bool endsEarly(const QByteArray& payload)
{
    const QByteArray body = payload.trimmed();
    QJsonParseError error;
    QJsonDocument::fromJson(body, &error);
    return body.startsWith('{') && error.error != QJsonParseError::NoError &&
           error.offset >= body.size() - 1;
}

// The error an API answer carries: Code, Message (redacted), RequestId, Recommend and the
// AccessDeniedDetail RAM adds to Forbidden answers (an object, or its JSON text).
CloudError apiError(int httpStatus, const QString& code, const QJsonObject& json)
{
    CloudError e;
    e.kind = CloudError::Kind::Api;
    e.httpStatus = httpStatus;
    e.code = code;
    e.message = Redactor::redact(json.value(u"Message"_s).toString());
    e.requestId = json.value(u"RequestId"_s).toString();
    e.recommend = json.value(u"Recommend"_s).toString();
    const QJsonValue detail = json.value(u"AccessDeniedDetail"_s);
    if (detail.isObject())
        e.accessDeniedDetail =
            QString::fromUtf8(QJsonDocument(detail.toObject()).toJson(QJsonDocument::Compact));
    else if (detail.isString())
        e.accessDeniedDetail = detail.toString();
    return e;
}

} // namespace

QJsonObject CloudError::accessDeniedDetailObject() const
{
    return QJsonDocument::fromJson(accessDeniedDetail.toUtf8()).object();
}

QString CloudError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return u"None"_s;
    case Kind::Config:
        return u"Config"_s;
    case Kind::Unreachable:
        return u"Unreachable"_s;
    case Kind::Timeout:
        return u"Timeout"_s;
    case Kind::Tls:
        return u"Tls"_s;
    case Kind::Api:
        return u"Api"_s;
    case Kind::BadResponse:
        return u"BadResponse"_s;
    case Kind::Cancelled:
        return u"Cancelled"_s;
    }
    return {};
}

QString CloudError::summary() const
{
    if (ok())
        return {};
    QString text = code.isEmpty() ? kindName(kind) : code;
    if (httpStatus > 0)
        text += u" (HTTP %1)"_s.arg(httpStatus);
    if (!message.isEmpty())
        text += u": "_s + message;
    const QString denied = accessDeniedDetailObject().value(u"NoPermissionType"_s).toString();
    if (!denied.isEmpty())
        text += u" [%1 of %2]"_s.arg(denied,
                                     accessDeniedDetailObject().value(u"AuthAction"_s).toString());
    if (!requestId.isEmpty())
        text += u" [RequestId %1]"_s.arg(requestId);
    return Redactor::redact(text);
}

namespace {

// One logical call: its retries share the clock and the delivery.
struct Attempt
{
    QString product;
    QString action;
    QMap<QString, QString> params;
    int attempt = 0;
    QByteArray userAgent;
    QElapsedTimer clock;
    std::function<void(const CloudResponse&)> deliver;
};

} // namespace

struct CloudClient::Private
{
    // Calls `ready` with the credential to sign with: the connection's own, or (RamRoleArn) an
    // STS session obtained with it and cached until shortly before it expires.
    void withCredential(CloudClient* client,
                        std::function<void(const CloudCredential&, const CloudError&)> ready);
    void send(CloudClient* client, const CloudCredential& cred, std::shared_ptr<Attempt> a);

    CloudConnection connection;
    QNetworkAccessManager* nam = nullptr;
    QSslConfiguration ssl;
    SignatureVersion signature = SignatureVersion::V3;
    int maxRetries = 3;
    int baseDelayMs = 400;
    QByteArray userAgent = QByteArrayLiteral("unstuck/" UNSTUCK_VERSION " (AlibabaCloud OpenAPI)");
    // RamRoleArn: the assumed session and the calls waiting for it.
    CloudCredential session;
    bool assuming = false;
    QList<std::function<void(const CloudCredential&, const CloudError&)>> waiting;
};

CloudClient::CloudClient(CloudConnection connection, QObject* parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    d->connection = std::move(connection);
    d->nam = new QNetworkAccessManager(this);
    d->ssl = QSslConfiguration::defaultConfiguration();
    if (!d->connection.caCertificatesPem.isEmpty()) {
        QList<QSslCertificate> cas = d->ssl.caCertificates();
        cas.append(QSslCertificate::fromData(d->connection.caCertificatesPem, QSsl::Pem));
        d->ssl.setCaCertificates(cas);
    }
    Redactor::registerSecret(d->connection.credential.accessKeySecret);
    Redactor::registerSecret(d->connection.credential.securityToken);
}

CloudClient::~CloudClient() = default;

const CloudConnection& CloudClient::connection() const
{
    return d->connection;
}

void CloudClient::setSignatureVersion(SignatureVersion version)
{
    d->signature = version;
}

CloudClient::SignatureVersion CloudClient::signatureVersion() const
{
    return d->signature;
}

void CloudClient::setRetryPolicy(int maxRetries, int baseDelayMs)
{
    d->maxRetries = qMax(0, maxRetries);
    d->baseDelayMs = qMax(1, baseDelayMs);
}

void CloudClient::setUserAgentSuffix(const QString& suffix)
{
    d->userAgent = "unstuck/" UNSTUCK_VERSION " " +
                   (suffix.isEmpty() ? QByteArray("(AlibabaCloud OpenAPI)") : suffix.toUtf8());
}

QString CloudClient::apiVersion(const QString& product)
{
    if (product == u"vpc"_s)
        return u"2016-04-28"_s;
    if (product == u"ecs"_s)
        return u"2014-05-26"_s;
    if (product == u"ram"_s)
        return u"2015-05-01"_s;
    if (product == u"sts"_s)
        return u"2015-04-01"_s;
    return {};
}

QString CloudClient::endpointFor(const QString& product, const QString& regionId)
{
    const QString region = regionId.isEmpty() ? u"cn-hangzhou"_s : regionId;
    if (product == u"vpc"_s)
        return region == u"cn-hangzhou"_s ? u"vpc.aliyuncs.com"_s
                                          : u"vpc.%1.aliyuncs.com"_s.arg(region);
    if (product == u"ecs"_s)
        return region == u"cn-hangzhou"_s ? u"ecs-cn-hangzhou.aliyuncs.com"_s
                                          : u"ecs.%1.aliyuncs.com"_s.arg(region);
    if (product == u"ram"_s)
        return u"ram.aliyuncs.com"_s;
    if (product == u"sts"_s)
        return u"sts.aliyuncs.com"_s;
    return {};
}

QString CloudClient::cliEquivalent(const QString& product, const QString& action,
                                   const QMap<QString, QString>& params)
{
    QStringList parts{u"aliyun"_s, product, action};
    for (auto it = params.constBegin(); it != params.constEnd(); ++it)
        parts << u"--"_s + it.key() << shellQuote(it.value());
    return Redactor::redact(parts.join(u' '));
}

QString CloudClient::cliFor(const QString& product, const QString& action,
                            const QMap<QString, QString>& params) const
{
    QMap<QString, QString> all = params;
    if ((product == u"vpc"_s || product == u"ecs"_s) && !all.contains(u"RegionId"_s) &&
        !d->connection.regionId.isEmpty())
        all.insert(u"RegionId"_s, d->connection.regionId);
    QString cli = cliEquivalent(product, action, all);
    if (!d->connection.endpointOverride.isEmpty()) {
        const QUrl url(d->connection.endpointOverride.contains(u"://"_s)
                           ? d->connection.endpointOverride
                           : u"https://"_s + d->connection.endpointOverride);
        cli += u" --endpoint "_s + url.authority();
    }
    return cli;
}

void CloudClient::call(const QString& product, const QString& action,
                       const QMap<QString, QString>& params, QObject* receiver, Callback callback)
{
    const QPointer<QObject> guard(receiver);
    const bool watched = receiver != nullptr;
    auto a = std::make_shared<Attempt>();
    a->product = product;
    a->action = action;
    a->params = params;
    a->userAgent = d->userAgent;
    if ((product == u"vpc"_s || product == u"ecs"_s) && !a->params.contains(u"RegionId"_s) &&
        !d->connection.regionId.isEmpty())
        a->params.insert(u"RegionId"_s, d->connection.regionId);
    a->clock.start();
    const QString cli = cliFor(product, action, params);
    a->deliver = [guard, watched, callback, cli](const CloudResponse& response) {
        if (watched && !guard)
            return;
        CloudResponse out = response;
        out.cli = cli;
        callback(out);
    };
    if (apiVersion(product).isEmpty()) {
        CloudResponse r;
        r.error.kind = CloudError::Kind::Config;
        r.error.message =
            u"unknown cloud product \"%1\" (expected vpc, ecs, ram or sts)"_s.arg(product);
        QTimer::singleShot(0, this, [a, r] { a->deliver(r); });
        return;
    }
    d->withCredential(this, [this, a](const CloudCredential& cred, const CloudError& error) {
        if (!error.ok()) {
            CloudResponse r;
            r.error = error;
            r.elapsedMs = a->clock.elapsed();
            a->deliver(r);
            return;
        }
        d->send(this, cred, a);
    });
}

void CloudClient::Private::withCredential(
    CloudClient* client, std::function<void(const CloudCredential&, const CloudError&)> ready)
{
    Private* d = this;
    const CloudCredential& base = d->connection.credential;
    CloudError error;
    if (base.accessKeyId.isEmpty()) {
        error.kind = CloudError::Kind::Config;
        error.message =
            base.ecsRamRole.isEmpty() && base.source.isEmpty() ? u"no cloud credentials"_s
            : base.ecsRamRole.isEmpty()
                ? u"no access key in %1"_s.arg(base.source)
                : u"the EcsRamRole credentials of %1 come from the ECS metadata server "
                  u"(100.100.100.200), which is reachable only from an ECS instance"_s.arg(
                      base.source);
    }
    if (!error.ok() || base.roleArn.isEmpty()) {
        QTimer::singleShot(0, client, [ready, base, error] { ready(base, error); });
        return;
    }
    if (!d->session.accessKeyId.isEmpty() &&
        d->session.expiration >
            QDateTime::currentDateTimeUtc().addSecs(kSessionRefreshMarginSecs)) {
        const CloudCredential session = d->session;
        QTimer::singleShot(0, client, [ready, session] { ready(session, {}); });
        return;
    }
    d->waiting.append(ready);
    if (d->assuming)
        return;
    d->assuming = true;
    auto a = std::make_shared<Attempt>();
    a->product = u"sts"_s;
    a->action = u"AssumeRole"_s;
    a->params = {{u"RoleArn"_s, base.roleArn},
                 {u"RoleSessionName"_s,
                  base.roleSessionName.isEmpty() ? u"unstuck"_s : base.roleSessionName},
                 {u"DurationSeconds"_s, u"3600"_s}};
    a->clock.start();
    a->deliver = [d, base](const CloudResponse& response) {
        d->assuming = false;
        CloudError err = response.error;
        if (err.ok()) {
            const QJsonObject c = response.json.value(u"Credentials"_s).toObject();
            CloudCredential session = base;
            session.accessKeyId = c.value(u"AccessKeyId"_s).toString();
            session.accessKeySecret = c.value(u"AccessKeySecret"_s).toString();
            session.securityToken = c.value(u"SecurityToken"_s).toString();
            session.expiration =
                QDateTime::fromString(c.value(u"Expiration"_s).toString(), Qt::ISODate);
            Redactor::registerSecret(session.accessKeySecret);
            Redactor::registerSecret(session.securityToken);
            if (session.accessKeyId.isEmpty()) {
                err.kind = CloudError::Kind::BadResponse;
                err.message = u"AssumeRole answered without Credentials"_s;
            } else {
                d->session = session;
            }
        } else {
            err.message = u"AssumeRole %1 failed: %2"_s.arg(base.roleArn, err.message);
        }
        const auto waiting = std::exchange(d->waiting, {});
        for (const auto& w : waiting)
            w(d->session, err);
    };
    d->send(client, base, a);
}

void CloudClient::Private::send(CloudClient* client, const CloudCredential& cred,
                                std::shared_ptr<Attempt> a)
{
    Private* d = this;
    ++a->attempt;
    const QString version = CloudClient::apiVersion(a->product);
    QString base = d->connection.endpointOverride;
    if (base.isEmpty())
        base = u"https://"_s + CloudClient::endpointFor(a->product, d->connection.regionId);
    else if (!base.contains(u"://"_s))
        base = u"https://"_s + base;
    while (base.endsWith(u'/'))
        base.chop(1);

    QNetworkRequest request;
    request.setTransferTimeout(d->connection.timeoutMs);
    request.setSslConfiguration(d->ssl);
    request.setRawHeader("User-Agent", a->userAgent.isEmpty() ? d->userAgent : a->userAgent);
    request.setRawHeader("Accept", "application/json");
    QByteArray body;
    const QString nonce = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (d->signature == CloudClient::SignatureVersion::V1) {
        // The POP SDKs' form: every parameter, signed, in a POST form body.
        AcsSigner::Params all = a->params;
        all.insert(u"Action"_s, a->action);
        all.insert(u"Version"_s, version);
        all.insert(u"Format"_s, u"JSON"_s);
        all.insert(u"AccessKeyId"_s, cred.accessKeyId);
        all.insert(u"SignatureMethod"_s, u"HMAC-SHA1"_s);
        all.insert(u"SignatureVersion"_s, u"1.0"_s);
        all.insert(u"SignatureNonce"_s, nonce);
        all.insert(u"Timestamp"_s, timestampNow());
        if (!cred.securityToken.isEmpty())
            all.insert(u"SecurityToken"_s, cred.securityToken);
        const QByteArray signature =
            AcsSigner::v1Signature(AcsSigner::v1StringToSign("POST", all), cred.accessKeySecret);
        body = AcsSigner::canonicalQuery(all) +
               "&Signature=" + AcsSigner::percentEncode(QString::fromLatin1(signature));
        request.setUrl(QUrl(base + u"/"_s));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/x-www-form-urlencoded"));
    } else {
        // The Tea SDKs' form: parameters in the query, empty body, Authorization header.
        const QByteArray query = AcsSigner::canonicalQuery(a->params);
        const QUrl url(base + u"/"_s +
                           (query.isEmpty() ? QString() : u"?"_s + QString::fromLatin1(query)),
                       QUrl::TolerantMode);
        request.setUrl(url);
        const QByteArray host = url.port() > 0 && url.port() != 443
                                    ? url.host().toUtf8() + ':' + QByteArray::number(url.port())
                                    : url.host().toUtf8();
        AcsSigner::Headers headers{{"host", host},
                                   {"x-acs-action", a->action.toUtf8()},
                                   {"x-acs-version", version.toUtf8()},
                                   {"x-acs-date", timestampNow().toUtf8()},
                                   {"x-acs-signature-nonce", nonce.toUtf8()},
                                   {"x-acs-content-sha256", AcsSigner::sha256Hex(body)},
                                   {"content-type", "application/x-www-form-urlencoded"}};
        if (!cred.securityToken.isEmpty())
            headers.append({"x-acs-security-token", cred.securityToken.toUtf8()});
        const QByteArrayList signedHeaders = AcsSigner::v3DefaultSignedHeaders(headers);
        const QByteArray canonical = AcsSigner::v3CanonicalRequest(
            "POST", u"/"_s, a->params, headers, signedHeaders, AcsSigner::sha256Hex(body));
        const QByteArray signature =
            AcsSigner::v3Signature(AcsSigner::v3StringToSign(canonical), cred.accessKeySecret);
        for (const auto& [name, value] : headers)
            if (name == "content-type")
                request.setHeader(QNetworkRequest::ContentTypeHeader, value);
            else
                request.setRawHeader(name == "host" ? QByteArray("Host") : name, value);
        request.setRawHeader("Authorization", AcsSigner::v3Authorization(cred.accessKeyId,
                                                                         signedHeaders, signature));
    }

    QNetworkReply* reply = d->nam->post(request, body);
    QObject::connect(reply, &QNetworkReply::finished, client, [client, d, cred, a, reply] {
        reply->deleteLater();
        CloudResponse response;
        response.attempts = a->attempt;
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        response.httpStatus = status.toInt();
        response.error.httpStatus = response.httpStatus;
        const QByteArray payload = reply->isOpen() ? reply->readAll() : QByteArray();
        if (!status.isValid()) {
            response.error.kind = networkKind(reply->error());
            response.error.message = Redactor::redact(reply->errorString());
            if (response.error.kind == CloudError::Kind::Timeout)
                response.error.message = u"no answer from %1 within %2 ms"_s.arg(
                    reply->url().authority(), QString::number(d->connection.timeoutMs));
        } else if (cutOffMidBody(reply)) {
            response.error.kind = CloudError::Kind::Unreachable;
            response.error.message =
                u"the answer to %1 was cut off after %2 bytes (response truncated: %3)"_s.arg(
                    a->action, QString::number(payload.size()), reply->errorString());
        } else {
            const CloudResponse answer = readAnswer(response.httpStatus, payload);
            response.json = answer.json;
            response.error = answer.error;
        }
        // Backoff and retry: throttling always (nothing ran), 5xx and timeouts only for reads and
        // for writes a ClientToken makes idempotent.
        const CloudError& e = response.error;
        const bool idempotent =
            isReadAction(a->action) || !a->params.value(u"ClientToken"_s).isEmpty();
        // A connection that died mid-answer is retried like a timeout (the official SDKs
        // retry network errors); a TLS or credential failure would fail the same way again.
        const bool retryable =
            e.isThrottling() ||
            (idempotent &&
             ((e.kind == CloudError::Kind::Api && e.httpStatus >= 500) ||
              e.kind == CloudError::Kind::Timeout || e.kind == CloudError::Kind::Unreachable ||
              (e.kind == CloudError::Kind::BadResponse && endsEarly(payload))));
        if (retryable && a->attempt <= d->maxRetries) {
            const int delay = d->baseDelayMs * (1 << (a->attempt - 1)) +
                              int(QRandomGenerator::global()->bounded(d->baseDelayMs / 2 + 1));
            log::info("cloud {} {} answered {}; retry {} in {} ms", a->product.toStdString(),
                      a->action.toStdString(), e.summary().toStdString(), a->attempt, delay);
            QTimer::singleShot(delay, client, [client, d, cred, a] { d->send(client, cred, a); });
            return;
        }
        if (retryable) // gave up: say so, the reason alone reads like a single failure
            response.error.message += u" (gave up after %1 tries)"_s.arg(a->attempt);
        response.elapsedMs = a->clock.elapsed();
        a->deliver(response);
    });
}

CloudResponse CloudClient::readAnswer(int httpStatus, const QByteArray& payload)
{
    CloudResponse response;
    response.httpStatus = httpStatus;
    response.error.httpStatus = httpStatus;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(payload, &parseError);
    response.json = doc.object();
    if (!doc.isObject()) {
        response.error.kind = CloudError::Kind::BadResponse;
        const bool early = endsEarly(payload);
        response.error.message = u"HTTP %1 with a body that is not JSON%2: %3"_s.arg(
            QString::number(httpStatus),
            early ? u" (response truncated after %1 bytes)"_s.arg(payload.size()) : QString(),
            QString::fromUtf8(payload.left(200)));
        return response;
    }
    const QJsonValue code = response.json.value(u"Code"_s);
    const QString codeText = code.isDouble() ? QString::number(code.toInt()) : code.toString();
    static const QStringList okCodes{u"200"_s, u"OK"_s, u"Success"_s, u"success"_s};
    if (httpStatus >= 400 || (!codeText.isEmpty() && !okCodes.contains(codeText) &&
                              response.json.contains(u"Message"_s)))
        response.error = apiError(httpStatus, codeText, response.json);
    return response;
}

void CloudClient::callAllPages(const QString& product, const QString& action,
                               const QMap<QString, QString>& params, const QString& listPath,
                               QObject* receiver, Callback callback)
{
    struct State
    {
        QMap<QString, QString> params;
        QJsonObject first;
        QJsonArray items;
        int pages = 0;
        int attempts = 0;
        QElapsedTimer clock;
        std::function<void()> next;
    };
    auto state = std::make_shared<State>();
    state->params = params;
    state->clock.start();
    const QStringList path = listPath.split(u'.', Qt::SkipEmptyParts);
    const QPointer<QObject> guard(receiver);
    const bool watched = receiver != nullptr;
    // Pages follow one another; the chain ends on the last page or the first error.
    state->next = [this, state, product, action, path, guard, watched, callback]() {
        call(product, action, state->params, this,
             [state, path, guard, watched, callback](const CloudResponse& r) {
                 auto finish = [&](CloudResponse out) {
                     state->next = nullptr; // breaks the state <-> lambda cycle
                     if (!watched || guard)
                         callback(out);
                 };
                 state->attempts += r.attempts;
                 if (!r.error.ok()) {
                     CloudResponse out = r;
                     out.attempts = state->attempts;
                     out.elapsedMs = state->clock.elapsed();
                     finish(out);
                     return;
                 }
                 if (state->pages++ == 0)
                     state->first = r.json;
                 const QJsonArray page = valueAt(r.json, path).toArray();
                 for (const QJsonValue& v : page)
                     state->items.append(v);
                 const QString token = r.json.value(u"NextToken"_s).toString();
                 const int total = r.json.value(u"TotalCount"_s).toInt(-1);
                 bool more = false;
                 if (!token.isEmpty()) {
                     state->params.insert(u"NextToken"_s, token);
                     more = true;
                 } else if (r.json.contains(u"PageNumber"_s) && total >= 0 &&
                            state->items.size() < total && !page.isEmpty()) {
                     state->params.insert(
                         u"PageNumber"_s,
                         QString::number(r.json.value(u"PageNumber"_s).toInt() + 1));
                     more = true;
                 }
                 if (more && state->pages < kMaxPages) {
                     state->next();
                     return;
                 }
                 CloudResponse out = r;
                 out.json = withValueAt(state->first, path, state->items);
                 out.json.remove(u"NextToken"_s);
                 out.json.remove(u"PageNumber"_s);
                 out.json.insert(u"TotalCount"_s, int(state->items.size()));
                 out.attempts = state->attempts;
                 out.elapsedMs = state->clock.elapsed();
                 finish(out);
             });
    };
    state->next();
}

} // namespace unstuck
