// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/kube/KubeClient.h"

#include "models/common/Log.h"
#include "models/common/Redactor.h"
#include "models/kube/ExecCredentialProvider.h"
#include "models/kube/KubeNetworkError.h"
#include "models/kube/ProxyEnvironment.h"
#include "models/kube/TlsMaterial.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QPointer>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>

namespace unstuck {
namespace {

struct Call
{
    KubeRequest request;
    QPointer<QObject> receiver;
    bool hasReceiver = false;
    KubeClient::Callback callback;
    int attempt = 0; // attempts made so far
    bool authRetried = false;
    int credentialRun = 0;        // which exec plugin run supplied the credential sent
    bool transportFailed = false; // the last attempt's connection died mid-answer
    quint64 epoch = 0;
    QElapsedTimer total;
};
using CallPtr = std::shared_ptr<Call>;

// A GET of one aggregated group/version: /apis/<group>/<version>.
bool isGroupVersionDiscovery(const KubeRequest& r)
{
    static const QRegularExpression re(QStringLiteral(R"(^/apis/[^/?]+/[^/?]+/?$)"));
    return r.method == "GET" && re.match(r.path).hasMatch();
}

bool isJsonStatus(const QByteArray& body)
{
    return QJsonDocument::fromJson(body).object().value(QStringLiteral("kind")).toString() ==
           QLatin1String("Status");
}

// The connection failed after the status line arrived (reset or closed mid-body): Qt keeps
// the status attribute, so without this check a cut-off body would look like an answer.
bool cutOffMidBody(QNetworkReply* reply)
{
    const auto code = reply->error();
    return code == QNetworkReply::RemoteHostClosedError ||
           code == QNetworkReply::TemporaryNetworkFailureError ||
           code == QNetworkReply::NetworkSessionFailedError ||
           code == QNetworkReply::UnknownNetworkError;
}

// A JSON parse error at the very end of the body: the answer stopped early (a short
// Content-Length, a proxy that gave up) rather than being malformed in the middle.
bool endsEarly(const QJsonParseError& error, const QByteArray& body)
{
    // Qt's error kind is no guide ("unterminated object" also for an unquoted key): the
    // offset is.
    return error.offset >= body.size() - 1;
}

int retryAfterMs(QNetworkReply* reply)
{
    bool ok = false;
    const int seconds = reply->rawHeader("Retry-After").trimmed().toInt(&ok);
    if (!ok || seconds < 0)
        return -1;
    return std::min(seconds, 30) * 1000; // a server asking for minutes would freeze the probe
}

} // namespace

struct KubeClient::Private
{
    KubeClient* q = nullptr;
    ResolvedContext context;
    QNetworkAccessManager* nam = nullptr;
    int timeoutMs = 10000;
    int maxRetries = 3;
    int retryBaseMs = 250;
    QSslConfiguration ssl;
    QString setupError;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    ExecCredentialProvider* exec = nullptr;
    QList<CallPtr> waiting; // queued while the exec plugin runs
    QList<KubeRequestRecord> log;
    QString token;
    QDateTime tokenReadAt;
    QList<QPointer<QNetworkReply>> inFlight;
    quint64 epoch = 0; // cancelAll() starts a new epoch; older calls end as Cancelled
    QList<QTimer*> retryTimers;

    void setupTls();
    void setupProxy();
    bool usesExec() const;
    ExecCredentialProvider* execProvider();
    void start(const CallPtr& call);
    void send(const CallPtr& call);
    void onFinished(const CallPtr& call, QNetworkReply* reply, qint64 elapsedMs);
    void finish(const CallPtr& call, KubeResponse response);
    void fail(const CallPtr& call, const KubeError& error);
    void record(const CallPtr& call, const KubeResponse& response, qint64 elapsedMs);
    QString currentToken();
    QSslConfiguration sslFor() const;
};

void KubeClient::Private::setupTls()
{
    ssl = QSslConfiguration::defaultConfiguration();
    const KubeCluster& c = context.cluster;
    if (!c.certificateAuthorityData.isEmpty()) {
        // Like client-go: a configured CA replaces the system roots.
        ssl.setCaCertificates(QSslCertificate::fromData(c.certificateAuthorityData, QSsl::Pem));
    }
    if (c.insecureSkipTlsVerify)
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    const KubeUser& u = context.user;
    if (!u.clientCertificateData.isEmpty()) {
        QSslCertificate cert;
        QSslKey key;
        QString why;
        if (TlsMaterial::loadClientPair(u.clientCertificateData, u.clientKeyData,
                                        QStringLiteral("user \"%1\"").arg(context.userName), &cert,
                                        &key, &why)) {
            ssl.setLocalCertificate(cert);
            ssl.setPrivateKey(key);
        } else {
            setupError = why;
        }
    }
}

void KubeClient::Private::setupProxy()
{
    QString proxyUrl = context.cluster.proxyUrl;
    if (proxyUrl.isEmpty())
        proxyUrl = ProxyEnvironment::proxyFor(env, QUrl(context.cluster.server));
    if (proxyUrl.isEmpty()) {
        nam->setProxy(QNetworkProxy::NoProxy);
        return;
    }
    const QUrl url = QUrl::fromUserInput(proxyUrl);
    const bool socks = url.scheme().startsWith(QLatin1String("socks5"));
    const int defaultPort = socks ? 1080 : (url.scheme() == QLatin1String("https") ? 443 : 80);
    QNetworkProxy proxy(socks ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy, url.host(),
                        quint16(url.port(defaultPort)), url.userName(), url.password());
    Redactor::registerSecret(url.password());
    nam->setProxy(proxy);
}

bool KubeClient::Private::usesExec() const
{
    // Static credentials win over the plugin, as in client-go.
    const KubeUser& u = context.user;
    return u.exec && u.token.isEmpty() && u.tokenFile.isEmpty() && u.username.isEmpty() &&
           u.clientCertificateData.isEmpty();
}

ExecCredentialProvider* KubeClient::Private::execProvider()
{
    if (exec)
        return exec;
    exec = new ExecCredentialProvider(context, env, q);
    QObject::connect(exec, &ExecCredentialProvider::ready, q, [this] {
        const auto calls = std::exchange(waiting, {});
        for (const CallPtr& call : calls)
            send(call);
    });
    QObject::connect(exec, &ExecCredentialProvider::failed, q, [this](const KubeError& error) {
        const auto calls = std::exchange(waiting, {});
        for (const CallPtr& call : calls)
            fail(call, error);
    });
    return exec;
}

QString KubeClient::Private::currentToken()
{
    const KubeUser& u = context.user;
    if (u.tokenFile.isEmpty())
        return u.token;
    // client-go re-reads the token file about once a minute; the last good read wins.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!tokenReadAt.isValid() || tokenReadAt.secsTo(now) >= 60) {
        QFile file(u.tokenFile);
        if (file.open(QIODevice::ReadOnly)) {
            const QString value = QString::fromUtf8(file.readAll()).trimmed();
            if (!value.isEmpty()) {
                Redactor::registerSecret(value);
                token = value;
            }
        }
        tokenReadAt = now;
    }
    return token.isEmpty() ? u.token : token;
}

QSslConfiguration KubeClient::Private::sslFor() const
{
    QSslConfiguration config = ssl;
    if (exec && usesExec() && !exec->credential().clientCertificateData.isEmpty()) {
        const ExecCredential& cred = exec->credential();
        config.setLocalCertificate(
            TlsMaterial::certificate(cred.clientCertificateData, QString(), nullptr));
        config.setPrivateKey(TlsMaterial::privateKey(cred.clientKeyData, QString(), nullptr));
    }
    return config;
}

void KubeClient::Private::start(const CallPtr& call)
{
    if (call->epoch != epoch) {
        KubeError error;
        error.kind = KubeError::Kind::Cancelled;
        error.message = QStringLiteral("request %1 was cancelled").arg(call->request.path);
        fail(call, error);
        return;
    }
    if (!setupError.isEmpty()) {
        KubeError error;
        error.kind = KubeError::Kind::Config;
        error.message = setupError;
        QTimer::singleShot(0, q, [this, call, error] { fail(call, error); });
        return;
    }
    if (usesExec()) {
        ExecCredentialProvider* provider = execProvider();
        if (!provider->hasValidCredential()) {
            waiting << call;
            provider->fetch();
            return;
        }
    }
    send(call);
}

void KubeClient::Private::send(const CallPtr& call)
{
    const KubeRequest& r = call->request;
    QNetworkRequest request(QUrl(joinUrl(context.cluster.server, r.path)));
    request.setSslConfiguration(sslFor());
    if (!context.cluster.tlsServerName.isEmpty())
        request.setPeerVerifyName(context.cluster.tlsServerName);
    request.setRawHeader("Accept", r.accept.isEmpty() ? QByteArray("application/json") : r.accept);
    request.setRawHeader("User-Agent", r.userAgent.isEmpty()
                                           ? QByteArrayLiteral("unstuck/" UNSTUCK_VERSION)
                                           : r.userAgent);
    if (!r.contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, r.contentType);
    if (context.cluster.disableCompression)
        request.setRawHeader("Accept-Encoding", "identity");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    const KubeUser& u = context.user;
    if (usesExec() && exec && !exec->credential().token.isEmpty()) {
        request.setRawHeader("Authorization", "Bearer " + exec->credential().token.toUtf8());
    } else if (const QString token = currentToken(); !token.isEmpty()) {
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    } else if (!u.username.isEmpty()) {
        request.setRawHeader("Authorization",
                             "Basic " +
                                 (u.username + QLatin1Char(':') + u.password).toUtf8().toBase64());
    }
    ++call->attempt;
    call->credentialRun = exec ? exec->runCount() : 0;
    QNetworkReply* reply =
        r.method == "GET" ? nam->get(request) : nam->sendCustomRequest(request, r.method, r.body);
    inFlight.removeAll(nullptr);
    inFlight << reply;
    auto elapsed = std::make_shared<QElapsedTimer>();
    elapsed->start();
    const int timeout = r.timeoutMs > 0 ? r.timeoutMs : timeoutMs;
    QTimer::singleShot(timeout, reply, [reply] {
        if (reply->isRunning()) {
            reply->setProperty("unstuckTimedOut", true);
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [reply](const QList<QSslError>& e) {
        QStringList reasons;
        QVariantList codes;
        for (const QSslError& error : e) {
            reasons << error.errorString();
            codes << int(error.error());
        }
        reply->setProperty("unstuckSslErrors", reasons);
        reply->setProperty("unstuckSslCodes", codes);
    });
    QObject::connect(reply, &QNetworkReply::finished, q, [this, call, reply, elapsed] {
        inFlight.removeAll(reply);
        reply->deleteLater();
        onFinished(call, reply, elapsed->elapsed());
    });
}

void KubeClient::Private::onFinished(const CallPtr& call, QNetworkReply* reply, qint64 elapsedMs)
{
    KubeResponse response;
    response.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const bool timedOut = reply->property("unstuckTimedOut").toBool();
    if (!timedOut && reply->isOpen())
        response.body = reply->readAll();
    response.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    response.auditId = reply->rawHeader("Audit-Id");
    const KubeRequest& r = call->request;
    const QString what = QStringLiteral("%1 %2").arg(QString::fromLatin1(r.method), r.path);
    if (timedOut) {
        const int timeout = r.timeoutMs > 0 ? r.timeoutMs : timeoutMs;
        response.httpStatus = 0;
        response.error.kind = KubeError::Kind::Timeout;
        response.error.message =
            QStringLiteral("timed out after %1 s waiting for %2 (%3)")
                .arg(QString::number(timeout / 1000.0), what, context.cluster.server);
    } else if (response.httpStatus == 0) {
        QList<int> codes;
        for (const QVariant& v : reply->property("unstuckSslCodes").toList())
            codes << v.toInt();
        response.error =
            kubeNetworkError(reply, context.cluster.server,
                             reply->property("unstuckSslErrors").toStringList(), codes);
        call->transportFailed = response.error.kind == KubeError::Kind::Unreachable &&
                                cutOffMidBody(reply); // reset before the status line
        // It was reached: "cannot reach" would send the user to check the address.
        if (call->transportFailed)
            response.error.message =
                QStringLiteral("the connection to %1 closed before the answer to %2 was complete "
                               "(response truncated or reset: %3)")
                    .arg(context.cluster.server, what, reply->errorString());
    } else if (cutOffMidBody(reply)) {
        response.error.kind = KubeError::Kind::Unreachable;
        response.error.message =
            QStringLiteral("the answer to %1 was cut off after %2 bytes (response truncated: %3)")
                .arg(what, QString::number(response.body.size()), reply->errorString());
        call->transportFailed = true;
    } else if (response.httpStatus < 200 || response.httpStatus > 299) {
        response.error =
            errorFromResponse(response.httpStatus, response.body, response.contentType);
    } else {
        const bool json = response.contentType.contains("json") ||
                          (response.contentType.isEmpty() && response.body.startsWith('{'));
        if (json) {
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(response.body, &parseError);
            if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
                response.error.kind = KubeError::Kind::BadResponse;
                response.error.httpStatus = response.httpStatus;
                response.error.message =
                    // One arg() call: the path may hold "%3D" (an encoded '='), which a
                    // chained arg() would take for a placeholder.
                    QStringLiteral("%1 JSON in the answer to %2: %3 at offset %4 of %5 bytes")
                        .arg(endsEarly(parseError, response.body)
                                 ? QStringLiteral("response truncated:")
                                 : QStringLiteral("malformed"),
                             what, parseError.errorString(), QString::number(parseError.offset),
                             QString::number(response.body.size()));
                // A read cut short is sent again (client-go would only report the decode
                // error): repeating a GET is harmless, and one cut answer should not blind
                // a whole diagnosis.
                call->transportFailed = parseError.error != QJsonParseError::NoError &&
                                        endsEarly(parseError, response.body);
            } else {
                response.json = doc.object();
            }
        }
    }
    response.error.httpStatus = response.httpStatus;
    record(call, response, elapsedMs);

    const int status = response.httpStatus;
    if (status == 401 && usesExec() && !call->authRetried) {
        // The credential may have been revoked or rotated: run the plugin again, once. A
        // credential a newer run already replaced is not thrown away twice.
        call->authRetried = true;
        if (exec && exec->runCount() == call->credentialRun)
            exec->invalidate();
        start(call);
        return;
    }
    // A write that answered 5xx may have been applied: sending it again could apply it twice.
    const bool read = r.method == "GET" || r.method == "HEAD";
    // Like client-go: a GET whose connection was reset or closed early is sent again (a
    // write may have been applied before the connection died, so it never is).
    const bool retryable =
        status == 429 ||
        (read && (status == 500 || status == 502 || status == 503 || status == 504)) ||
        (read && call->transportFailed);
    call->transportFailed = false;
    int limit = r.maxRetries >= 0 ? r.maxRetries : maxRetries;
    // An unavailable aggregated API answers text/plain 503 until it is fixed: retry once at
    // most so discovery stays fast.
    const bool aggregatorDown =
        status == 503 && isGroupVersionDiscovery(r) && !isJsonStatus(response.body);
    if (aggregatorDown)
        limit = std::min(limit, 1);
    if (retryable && call->attempt <= limit) {
        int delay = retryAfterMs(reply);
        if (delay < 0)
            delay = std::min(retryBaseMs << (call->attempt - 1), 4000);
        if (aggregatorDown)
            delay = std::min(delay, 500);
        auto* timer = new QTimer(q);
        timer->setSingleShot(true);
        QObject::connect(timer, &QTimer::timeout, q, [this, call, timer] {
            retryTimers.removeAll(timer);
            timer->deleteLater();
            start(call);
        });
        retryTimers << timer;
        timer->start(delay);
        return;
    }
    finish(call, std::move(response));
}

void KubeClient::Private::record(const CallPtr& call, const KubeResponse& response,
                                 qint64 elapsedMs)
{
    KubeRequestRecord rec;
    rec.method = call->request.method;
    rec.path = call->request.path;
    rec.accept = call->request.accept;
    rec.startedAt = QDateTime::currentDateTimeUtc().addMSecs(-elapsedMs);
    rec.elapsedMs = elapsedMs;
    rec.attempt = call->attempt;
    rec.httpStatus = response.httpStatus;
    rec.contentType = response.contentType;
    rec.errorKind = response.error.kind;
    rec.errorMessage = response.error.message;
    log << rec;
    if (log.size() > 2000)
        log.removeFirst();
    if (!response.error.ok())
        log::debug("{} {} -> {} {}", rec.method.toStdString(), rec.path.toStdString(),
                   rec.httpStatus, rec.errorMessage.toStdString());
    Q_EMIT q->requestRecorded(rec);
}

void KubeClient::Private::finish(const CallPtr& call, KubeResponse response)
{
    response.elapsedMs = call->total.elapsed();
    response.attempts = call->attempt;
    if (call->hasReceiver && !call->receiver)
        return; // the receiver is gone: drop the answer
    call->callback(response);
}

void KubeClient::Private::fail(const CallPtr& call, const KubeError& error)
{
    KubeResponse response;
    response.error = error;
    finish(call, std::move(response));
}

KubeClient::KubeClient(ResolvedContext context, QObject* parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    d->q = this;
    d->context = std::move(context);
    d->nam = new QNetworkAccessManager(this);
    d->nam->setAutoDeleteReplies(false);
    d->setupTls();
    d->setupProxy();
}

KubeClient::~KubeClient() = default;

void KubeClient::setTimeoutMs(int ms)
{
    d->timeoutMs = ms;
}

void KubeClient::setMaxRetries(int retries)
{
    d->maxRetries = std::max(0, retries);
}

void KubeClient::setRetryBaseDelayMs(int ms)
{
    d->retryBaseMs = std::max(1, ms);
}

void KubeClient::setProcessEnvironment(const QProcessEnvironment& env)
{
    d->env = env;
    d->setupProxy();
}

int KubeClient::execPluginRuns() const
{
    return d->exec ? d->exec->runCount() : 0;
}

QList<KubeRequestRecord> KubeClient::requestLog() const
{
    return d->log;
}

const ResolvedContext& KubeClient::context() const
{
    return d->context;
}

void KubeClient::get(const QString& path, QObject* receiver, Callback callback)
{
    KubeRequest request;
    request.path = path;
    send(request, receiver, std::move(callback));
}

void KubeClient::request(const QByteArray& method, const QString& path, const QByteArray& body,
                         const QByteArray& contentType, QObject* receiver, Callback callback)
{
    KubeRequest request;
    request.method = method;
    request.path = path;
    request.body = body;
    request.contentType = contentType;
    send(request, receiver, std::move(callback));
}

void KubeClient::send(const KubeRequest& request, QObject* receiver, Callback callback)
{
    auto call = std::make_shared<Call>();
    call->request = request;
    call->receiver = receiver;
    call->hasReceiver = receiver != nullptr;
    call->callback = std::move(callback);
    call->total.start();
    call->epoch = d->epoch;
    d->start(call);
}

void KubeClient::cancelAll()
{
    ++d->epoch;
    const auto replies = std::exchange(d->inFlight, {});
    for (const QPointer<QNetworkReply>& reply : replies) {
        if (reply)
            reply->abort(); // finishes with OperationCanceledError -> Cancelled
    }
    for (QTimer* timer : std::as_const(d->retryTimers))
        timer->start(0); // the retry ends at once, as Cancelled
    const auto waiting = std::exchange(d->waiting, {});
    for (const CallPtr& call : waiting)
        d->start(call); // ends as Cancelled (old epoch)
}

namespace {

struct ListState
{
    QString path;
    int pageSize = 500;
    QJsonObject first;
    QJsonArray items;
    int pages = 0;
    qint64 elapsedMs = 0;
    QPointer<QObject> receiver;
    bool hasReceiver = false;
    KubeClient::Callback callback;
};

void fetchPage(KubeClient* client, std::shared_ptr<ListState> state, const QString& token)
{
    QString path = state->path;
    path += path.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?');
    path += QStringLiteral("limit=%1").arg(state->pageSize);
    if (!token.isEmpty())
        path += QStringLiteral("&continue=") + QString::fromLatin1(QUrl::toPercentEncoding(token));
    client->get(path, client, [client, state](const KubeResponse& page) {
        if (state->hasReceiver && !state->receiver)
            return;
        state->elapsedMs += page.elapsedMs;
        if (!page.error.ok()) {
            state->callback(page);
            return;
        }
        if (state->pages++ == 0)
            state->first = page.json;
        for (const QJsonValue& item : page.json.value(QStringLiteral("items")).toArray())
            state->items.append(item);
        const QJsonObject meta = page.json.value(QStringLiteral("metadata")).toObject();
        const QString next = meta.value(QStringLiteral("continue")).toString();
        if (!next.isEmpty()) {
            fetchPage(client, state, next);
            return;
        }
        KubeResponse all = page;
        QJsonObject json = state->first;
        QJsonObject firstMeta = json.value(QStringLiteral("metadata")).toObject();
        firstMeta.remove(QStringLiteral("continue"));
        firstMeta.remove(QStringLiteral("remainingItemCount"));
        if (meta.contains(QStringLiteral("resourceVersion")))
            firstMeta.insert(QStringLiteral("resourceVersion"),
                             meta.value(QStringLiteral("resourceVersion")));
        json.insert(QStringLiteral("metadata"), firstMeta);
        json.insert(QStringLiteral("items"), state->items);
        all.json = json;
        all.body = QJsonDocument(json).toJson(QJsonDocument::Compact);
        all.elapsedMs = state->elapsedMs;
        state->callback(all);
    });
}

} // namespace

void KubeClient::list(const QString& path, QObject* receiver, Callback callback, int pageSize)
{
    auto state = std::make_shared<ListState>();
    state->path = path;
    state->pageSize = std::max(1, pageSize);
    state->receiver = receiver;
    state->hasReceiver = receiver != nullptr;
    state->callback = std::move(callback);
    fetchPage(this, state, {});
}

} // namespace unstuck
