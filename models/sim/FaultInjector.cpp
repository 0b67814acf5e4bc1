// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/FaultInjector.h"

#include "models/sim/KubeApi.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace unstuck::sim {

namespace {

using Kind = FaultRule::Kind;

// Long enough to be honoured visibly, short enough that a client retrying three times
// stays well inside a diagnosis.
constexpr int kRetryAfterSeconds = 1;

QByteArray cloudError(const QString& code, const QString& message)
{
    const QString requestId = QUuid::createUuid().toString(QUuid::WithoutBraces).toUpper();
    QJsonObject body{{QStringLiteral("Code"), code},
                     {QStringLiteral("Message"), message},
                     {QStringLiteral("RequestId"), requestId},
                     {QStringLiteral("HostId"), QStringLiteral("vpc.aliyuncs.com")}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

HttpResponse cloudJson(int status, const QString& code, const QString& message)
{
    HttpResponse r = HttpResponse::json(status, cloudError(code, message));
    r.contentType = "application/json;charset=utf-8";
    return r;
}

} // namespace

FaultInjector::FaultInjector(FaultSpec spec, quint32 seed)
    : m_spec(std::move(spec)), m_seed(seed), m_random(seed)
{}

QString FaultInjector::cloudAction(const HttpRequest& request)
{
    const QByteArray header = request.header("x-acs-action");
    if (!header.isEmpty())
        return QString::fromUtf8(header);
    const QString fromQuery = request.query.queryItemValue(QStringLiteral("Action"));
    if (!fromQuery.isEmpty())
        return fromQuery;
    return QUrlQuery(QString::fromUtf8(request.body)).queryItemValue(QStringLiteral("Action"));
}

bool FaultInjector::inScope(const FaultRule& rule, Port port, const HttpRequest* request) const
{
    if (!rule.method.isEmpty() && (!request || request->method != rule.method.toLatin1()))
        return false;
    // The handshake comes before any request: a scope then only picks the port.
    if (rule.scope.isEmpty())
        return true;
    if (!request || rule.isPortScope())
        return rule.isKubeScope() == (port == Port::Kube);
    if (rule.isPathScope())
        return port == Port::Kube && request->path.startsWith(rule.scope);
    return port == Port::Cloud && cloudAction(*request) == rule.scope;
}

bool FaultInjector::strikes(const FaultRule& rule, Port port, const HttpRequest* request)
{
    if (!inScope(rule, port, request))
        return false;
    if (rule.value < 1 && m_random.generateDouble() >= rule.value)
        return false;
    ++m_hits[FaultSpec::kindName(rule.kind)];
    return true;
}

int FaultInjector::jitterMs(Port port, const HttpRequest& request)
{
    int total = 0;
    for (const FaultRule& rule : m_spec.rules()) {
        if (rule.kind != Kind::Jitter || rule.value <= 0 || !inScope(rule, port, &request))
            continue;
        ++m_hits[FaultSpec::kindName(rule.kind)];
        total += static_cast<int>(m_random.bounded(static_cast<int>(rule.value) + 1));
    }
    return total;
}

std::optional<HttpResponse> FaultInjector::replaceAnswer(Port port, const HttpRequest& request)
{
    for (const FaultRule& rule : m_spec.rules()) {
        const bool answerKind = rule.kind == Kind::Http429 || rule.kind == Kind::Http5xx ||
                                rule.kind == Kind::Auth || rule.kind == Kind::Throttle;
        // Throttling.User is an Alibaba Cloud answer; Kubernetes throttles with 429.
        if (!answerKind || (rule.kind == Kind::Throttle && port == Port::Kube))
            continue;
        if (strikes(rule, port, &request))
            return port == Port::Kube ? kubeAnswer(rule.kind) : cloudAnswer(rule.kind);
    }
    return std::nullopt;
}

HttpResponse FaultInjector::kubeAnswer(Kind kind)
{
    if (kind == Kind::Http429) {
        HttpResponse r = KubeApi::status(429, QStringLiteral("TooManyRequests"),
                                         QStringLiteral("Too many requests, please try again "
                                                        "later."));
        r.headers.append({"Retry-After", QByteArray::number(kRetryAfterSeconds)});
        return r;
    }
    if (kind == Kind::Auth)
        return KubeApi::status(401, QStringLiteral("Unauthorized"), QStringLiteral("Unauthorized"));
    static const int statuses[] = {500, 502, 503};
    const int status = statuses[m_random.bounded(3)];
    if (status == 503)
        return KubeApi::status(503, QStringLiteral("ServiceUnavailable"),
                               QStringLiteral("the server is currently unable to handle the "
                                              "request"));
    return KubeApi::status(status, QStringLiteral("InternalError"),
                           QStringLiteral("Internal error occurred: injected fault"));
}

HttpResponse FaultInjector::cloudAnswer(Kind kind)
{
    switch (kind) {
    case Kind::Http429:
        return cloudJson(429, QStringLiteral("Throttling"),
                         QStringLiteral("Request was denied due to request throttling."));
    case Kind::Throttle:
        // As Alibaba Cloud answers it: HTTP 400, not 429.
        return cloudJson(400, QStringLiteral("Throttling.User"),
                         QStringLiteral("Request was denied due to user flow control."));
    case Kind::Auth:
        if (m_random.bounded(2) == 0)
            return cloudJson(404, QStringLiteral("InvalidAccessKeyId.NotFound"),
                             QStringLiteral("Specified access key is not found."));
        return cloudJson(400, QStringLiteral("SignatureDoesNotMatch"),
                         QStringLiteral("Specified signature is not matched with our "
                                        "calculation."));
    default:
        break;
    }
    if (m_random.bounded(2) == 0)
        return cloudJson(500, QStringLiteral("InternalError"),
                         QStringLiteral("The request processing has failed due to some unknown "
                                        "error, exception or failure."));
    return cloudJson(503, QStringLiteral("ServiceUnavailable"),
                     QStringLiteral("The request has failed due to a temporary failure of the "
                                    "server."));
}

void FaultInjector::shapeDelivery(Port port, const HttpRequest& request, HttpResponse* response)
{
    if (response->stream) // a watch keeps its chunked stream
        return;
    for (const FaultRule& rule : m_spec.rules()) {
        if (rule.kind == Kind::Reset && strikes(rule, port, &request)) {
            response->delivery = HttpResponse::Delivery::Reset;
            return;
        }
        if (rule.kind == Kind::Truncate && strikes(rule, port, &request)) {
            // Both ways a body arrives cut: the connection closes before the announced
            // length, or the length itself is short (a complete answer with broken JSON).
            response->delivery = m_random.bounded(2) == 0
                                     ? HttpResponse::Delivery::TruncateFullLength
                                     : HttpResponse::Delivery::TruncateShortLength;
            return;
        }
        if (rule.kind == Kind::Drip && strikes(rule, port, &request)) {
            response->delivery = HttpResponse::Delivery::Drip;
            return;
        }
    }
}

bool FaultInjector::failHandshake(Port port)
{
    for (const FaultRule& rule : m_spec.rules())
        if (rule.kind == Kind::Tls && strikes(rule, port, nullptr))
            return true;
    return false;
}

QString FaultInjector::summary() const
{
    QStringList parts;
    for (auto it = m_hits.begin(); it != m_hits.end(); ++it)
        parts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
    return parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral(", "));
}

} // namespace unstuck::sim
