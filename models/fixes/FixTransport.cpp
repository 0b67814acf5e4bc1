// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/fixes/FixTransport.h"

#include "models/common/Redactor.h"

#include <QPointer>
#include <QTimer>
#include <memory>

namespace unstuck {

using namespace Qt::StringLiterals;

QString FixResponse::summary() const
{
    if (ok() && !dryRunPassed())
        return u"%1 OK"_s.arg(status);
    QString text = status > 0 ? QString::number(status) : error;
    if (!code.isEmpty())
        text += u' ' + code;
    if (!message.isEmpty())
        text += u": "_s + message;
    const QString denied = accessDenied.value(u"NoPermissionType"_s).toString();
    if (!denied.isEmpty())
        text += u" [%1 of %2]"_s.arg(denied, accessDenied.value(u"AuthAction"_s).toString());
    if (!requestId.isEmpty())
        text += u" [RequestId %1]"_s.arg(requestId);
    return Redactor::redact(text);
}

bool FixResponse::isConflict() const
{
    return error == u"conflict"_s || error == u"notfound"_s ||
           (error == u"invalid"_s && message.contains(u"test"_s)) ||
           (status == 422 && code == u"Invalid"_s && message.contains(u"rejected our request"_s));
}

QByteArray FixTransport::userAgent(const QString& fixId)
{
    return "unstuck/" UNSTUCK_VERSION " (fix/" + fixId.toUtf8() + ")";
}

void FixTransport::sendAll(const QList<FixRequest>& requests, const QString& fixId,
                           QObject* receiver, std::function<void(const QList<FixResponse>&)> done)
{
    struct State
    {
        QList<FixResponse> responses;
        int pending = 0;
    };
    auto state = std::make_shared<State>();
    state->responses.resize(requests.size());
    state->pending = int(requests.size());
    if (requests.isEmpty()) {
        QTimer::singleShot(0, receiver, [done] { done({}); });
        return;
    }
    for (qsizetype i = 0; i < requests.size(); ++i)
        send(requests.at(i), fixId, receiver, [state, i, done](const FixResponse& response) {
            state->responses[i] = response;
            if (--state->pending == 0)
                done(state->responses);
        });
}

} // namespace unstuck
