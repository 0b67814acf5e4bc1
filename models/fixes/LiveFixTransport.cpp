// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/fixes/LiveFixTransport.h"

#include <QJsonDocument>
#include <QTimer>

namespace unstuck {

using namespace Qt::StringLiterals;

namespace {

// The diagnosis's reading of an answer (LiveSource), from which a write's is made.
FixResponse fromAnswer(const SourceAnswer& a)
{
    FixResponse out;
    out.status = a.status;
    out.json = a.json;
    out.body = a.body;
    out.error = a.error;
    out.code = a.errorCode;
    out.message = a.message;
    return out;
}

} // namespace

LiveFixTransport::LiveFixTransport(LiveConnection connection, int timeoutMs, QObject* parent)
    : FixTransport(parent), m_connection(std::move(connection)),
      m_kube(std::make_unique<KubeClient>(m_connection.kube))
{
    m_kube->setTimeoutMs(timeoutMs);
    if (m_connection.cloud) {
        CloudConnection cloud = *m_connection.cloud;
        cloud.timeoutMs = timeoutMs;
        m_cloud = std::make_unique<CloudClient>(cloud);
    }
}

LiveFixTransport::~LiveFixTransport() = default;

FixResponse LiveFixTransport::fromKube(const KubeResponse& r)
{
    FixResponse out = fromAnswer(LiveSource::fromKube(r));
    out.auditId = QString::fromLatin1(r.auditId);
    // A write tells more statuses apart than a read: a conflict, a failed JSON Patch test, a
    // method or a dry run the server does not take.
    static const QMap<int, QString> finer{
        {400, u"badrequest"_s}, {405, u"notallowed"_s}, {409, u"conflict"_s}, {422, u"invalid"_s}};
    if (!out.ok() && finer.contains(r.httpStatus))
        out.error = finer.value(r.httpStatus);
    else if (out.error == u"unavailable"_s ||
             (out.error == u"server"_s && r.httpStatus >= 400 && r.httpStatus < 500))
        out.error = r.httpStatus >= 500 ? u"server"_s : u"api"_s;
    return out;
}

FixResponse LiveFixTransport::fromCloud(const CloudResponse& r)
{
    FixResponse out = fromAnswer(LiveSource::fromCloud(r));
    out.requestId =
        r.error.requestId.isEmpty() ? r.json.value(u"RequestId"_s).toString() : r.error.requestId;
    out.accessDenied = r.error.accessDeniedDetailObject();
    if (r.error.isDryRunPassed())
        out.error.clear(); // the answer a dry run hopes for
    else if (r.error.code.startsWith(u"IdempotentParameterMismatch"_s))
        out.error = u"conflict"_s;
    else if (out.error == u"api"_s && r.httpStatus >= 500)
        out.error = u"server"_s;
    return out;
}

void LiveFixTransport::send(const FixRequest& request, const QString& fixId, QObject* receiver,
                            Callback callback)
{
    ++m_sent;
    if (request.isKube()) {
        KubeRequest r;
        r.method = request.method;
        r.path = request.path;
        r.body = request.body;
        r.contentType = request.contentType;
        r.userAgent = userAgent(fixId);
        m_kube->send(r, receiver,
                     [callback](const KubeResponse& response) { callback(fromKube(response)); });
        return;
    }
    if (!m_cloud) {
        FixResponse out;
        out.error = u"config"_s;
        out.message = m_connection.cloudReason.isEmpty() ? u"no cloud credentials"_s
                                                         : m_connection.cloudReason;
        QTimer::singleShot(0, receiver, [callback, out] { callback(out); });
        return;
    }
    m_cloud->setUserAgentSuffix(u"(fix/%1)"_s.arg(fixId));
    auto done = [callback](const CloudResponse& response) {
        callback(fromCloud(response));
    };
    if (request.listPath.isEmpty())
        m_cloud->call(request.product, request.action, request.params, receiver, done);
    else
        m_cloud->callAllPages(request.product, request.action, request.params, request.listPath,
                              receiver, done);
}

} // namespace unstuck
