// SPDX-License-Identifier: GPL-3.0-or-later
// KubeClient::errorFromResponse: client-go's mapping of HTTP answers to Status errors
// (k8s.io/apimachinery/pkg/api/errors NewGenericServerResponse).
#include "models/common/Redactor.h"
#include "models/kube/KubeClient.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace unstuck {
namespace {

KubeError::Kind kindForStatus(int status)
{
    switch (status) {
    case 401:
        return KubeError::Kind::Unauthorized;
    case 403:
        return KubeError::Kind::Forbidden;
    case 404:
        return KubeError::Kind::NotFound;
    case 409:
        return KubeError::Kind::Conflict;
    case 503:
        return KubeError::Kind::ServiceUnavailable;
    default:
        return KubeError::Kind::Server;
    }
}

// reason and message client-go gives a status code when the body is not a Status.
std::pair<QString, QString> genericFor(int status, const QString& body)
{
    switch (status) {
    case 400:
        return {QStringLiteral("BadRequest"),
                QStringLiteral("the server rejected our request for an unknown reason")};
    case 401:
        return {QStringLiteral("Unauthorized"),
                QStringLiteral("the server has asked for the client to provide credentials")};
    case 403:
        return {QStringLiteral("Forbidden"),
                QStringLiteral("the server does not allow access to the requested resource")};
    case 404:
        return {QStringLiteral("NotFound"),
                QStringLiteral("the server could not find the requested resource")};
    case 405:
        return {QStringLiteral("MethodNotAllowed"),
                QStringLiteral("the server does not allow this method on the requested resource")};
    case 406:
        return {QStringLiteral("NotAcceptable"),
                QStringLiteral("the server was unable to respond with a content type that the "
                               "client supports")};
    case 409:
        return {QStringLiteral("Conflict"), QStringLiteral("the server reported a conflict")};
    case 410:
        return {QStringLiteral("Gone"), QStringLiteral("the server has asked for the client to "
                                                       "resume the list from the beginning")};
    case 415:
        return {QStringLiteral("UnsupportedMediaType"),
                QStringLiteral("the server has rejected the request because of its media type")};
    case 422:
        return {QStringLiteral("Invalid"),
                QStringLiteral("the server rejected our request due to an error in our request")};
    case 429:
        return {QStringLiteral("TooManyRequests"),
                QStringLiteral("the server has received too many requests and has asked us to "
                               "try again later")};
    case 503:
        return {QStringLiteral("ServiceUnavailable"),
                QStringLiteral("the server is currently unable to handle the request")};
    case 504:
        return {QStringLiteral("Timeout"),
                QStringLiteral("the server was unable to return a response in the time allotted, "
                               "but may still be processing the request")};
    default:
        break;
    }
    if (status >= 500)
        return {QStringLiteral("InternalError"),
                QStringLiteral("an error on the server (\"%1\") has prevented the request from "
                               "succeeding")
                    .arg(body.isEmpty() ? QStringLiteral("unknown") : body)};
    return {QStringLiteral("Unknown"),
            QStringLiteral("the server responded with the status code %1 but did not return more "
                           "information")
                .arg(status)};
}

// A 401's Status says only "Unauthorized" (the API server's authentication filter never says
// more), and client-go's generic text for it is "the server has asked for the client to
// provide credentials": kubectl frames either as "You must be logged in to the server (...)"
// (cmdutil.StandardErrorMessage); so does Unstuck, so the user reads the words kubectl prints.
void frameAsKubectl(KubeError* error)
{
    if (error->httpStatus == 401)
        error->message =
            QStringLiteral("You must be logged in to the server (%1)").arg(error->message);
}

} // namespace

KubeError KubeClient::errorFromResponse(int httpStatus, const QByteArray& body,
                                        const QByteArray& contentType)
{
    KubeError error;
    error.kind = kindForStatus(httpStatus);
    error.httpStatus = httpStatus;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    const QJsonObject obj = doc.object();
    if (obj.value(QStringLiteral("kind")).toString() == QLatin1String("Status")) {
        error.status = obj;
        error.reason = obj.value(QStringLiteral("reason")).toString();
        error.message = Redactor::redact(obj.value(QStringLiteral("message")).toString());
        if (error.message.isEmpty())
            error.message = genericFor(httpStatus, {}).second;
        frameAsKubectl(&error);
        return error;
    }
    // Not a Status: synthesise one. The cause is the trimmed body only for text bodies.
    const bool textBody = contentType.isEmpty() || contentType.startsWith("text/");
    const QString cause = textBody ? Redactor::redact(QString::fromUtf8(body).trimmed().left(1000))
                                   : QStringLiteral("unknown");
    const auto [reason, message] = genericFor(httpStatus, cause);
    error.reason = reason;
    error.message = message;
    QJsonObject details{{QStringLiteral("causes"),
                         QJsonArray{QJsonObject{
                             {QStringLiteral("reason"), QStringLiteral("UnexpectedServerResponse")},
                             {QStringLiteral("message"), cause}}}}};
    error.status = QJsonObject{{QStringLiteral("metadata"), QJsonObject{}},
                               {QStringLiteral("status"), QStringLiteral("Failure")},
                               {QStringLiteral("message"), message},
                               {QStringLiteral("reason"), reason},
                               {QStringLiteral("details"), details},
                               {QStringLiteral("code"), httpStatus}};
    frameAsKubectl(&error);
    return error;
}

QString KubeClient::joinUrl(const QString& server, const QString& path)
{
    QString base = server;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return path.startsWith(QLatin1Char('/')) ? base + path : base + QLatin1Char('/') + path;
}

} // namespace unstuck
