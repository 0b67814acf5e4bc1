// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/verdict/ApiServiceFailure.h"

#include <QRegularExpression>

namespace unstuck {

using namespace Qt::StringLiterals;
using Text = Bilingual;

ApiServiceFailure classifyApiServiceFailure(const QString& reason, const QString& message)
{
    if (reason == QStringLiteral("Passed") || reason == QStringLiteral("Local"))
        return ApiServiceFailure::None;
    if (reason == QStringLiteral("ServiceNotFound"))
        return ApiServiceFailure::NoService;
    if (reason == QStringLiteral("MissingEndpoints") ||
        reason == QStringLiteral("EndpointsNotFound"))
        return ApiServiceFailure::NoEndpoints;
    const QString m = message.toLower();
    if (m.contains(QStringLiteral("i/o timeout")) ||
        m.contains(QStringLiteral("deadline exceeded")) ||
        m.contains(QStringLiteral("timeout exceeded")) || m.contains(QStringLiteral("timed out")))
        return ApiServiceFailure::Timeout;
    if (m.contains(QStringLiteral("no route to host")))
        return ApiServiceFailure::NoRoute;
    if (m.contains(QStringLiteral("connection refused")))
        return ApiServiceFailure::Refused;
    if (m.contains(QStringLiteral("x509")) || m.contains(QStringLiteral("tls:")) ||
        m.contains(QStringLiteral("certificate")))
        return ApiServiceFailure::Tls;
    if (QRegularExpression(QStringLiteral("bad status from .*: 40[13]")).match(m).hasMatch())
        return ApiServiceFailure::Auth;
    return ApiServiceFailure::Other;
}

QString describeApiServiceFailure(ApiServiceFailure failure)
{
    return describeApiServiceFailureText(failure).en;
}

Bilingual describeApiServiceFailureText(ApiServiceFailure failure)
{
    switch (failure) {
    case ApiServiceFailure::None:
        return Text(u"available"_s, u"可用"_s);
    case ApiServiceFailure::Timeout:
        return Text(u"dial timeout: packets to the backend are dropped (route or security group)"_s,
                    u"连接超时：发往后端的数据包被丢弃（路由或安全组问题）"_s);
    case ApiServiceFailure::NoRoute:
        return Text(u"no route to host"_s, u"没有到达主机的路由（no route to host）"_s);
    case ApiServiceFailure::Refused:
        return Text(u"connection refused: the host answers but nothing listens"_s,
                    u"连接被拒绝：主机有响应，但端口上没有服务在监听"_s);
    case ApiServiceFailure::Tls:
        return Text(u"TLS error between the API server and the backend"_s,
                    u"API Server 与后端之间的 TLS 错误"_s);
    case ApiServiceFailure::Auth:
        return Text(u"the backend rejects the API server (401/403, front-proxy/RBAC)"_s,
                    u"后端拒绝了 API Server 的请求（401/403，front-proxy 或 RBAC 问题）"_s);
    case ApiServiceFailure::NoEndpoints:
        return Text(u"the Service has no ready endpoints"_s, u"该 Service 没有就绪的 Endpoint"_s);
    case ApiServiceFailure::NoService:
        return Text(u"the Service does not exist"_s, u"该 Service 不存在"_s);
    case ApiServiceFailure::Other:
        return Text(u"discovery check failed"_s, u"发现检查（discovery check）失败"_s);
    }
    return {};
}

} // namespace unstuck
