// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/cloudapi/CloudIdempotency.h"

#include <QSet>

namespace unstuck::sim {

using namespace Qt::StringLiterals;

namespace {

// The actions the simulator serves that take a ClientToken.
bool takesClientToken(const QString& action)
{
    return action == u"CreateRouteEntry"_s;
}

// Signature, timestamps and the like change on every retry; they are not the request's own.
bool commonParameter(const QString& name)
{
    static const QSet<QString> common{
        u"Action"_s,           u"Version"_s,       u"Format"_s,          u"AccessKeyId"_s,
        u"SecurityToken"_s,    u"Signature"_s,     u"SignatureMethod"_s, u"SignatureNonce"_s,
        u"SignatureVersion"_s, u"SignatureType"_s, u"Timestamp"_s,       u"ClientToken"_s};
    return common.contains(name);
}

} // namespace

CloudIdempotency::CloudIdempotency(CloudAccount& account, const QString& caller,
                                   const QString& action, const CloudHandler::Params& params)
    : m_account(account)
{
    const QString token = params.value(u"ClientToken"_s);
    if (token.isEmpty() || !takesClientToken(action))
        return;
    m_key = caller + u'/' + action + u'/' + token;
    for (auto it = params.constBegin(); it != params.constEnd(); ++it)
        if (!commonParameter(it.key()))
            m_fingerprint += it.key() + u'=' + it.value() + u'&';
}

std::optional<CloudHandler::Result> CloudIdempotency::replay() const
{
    if (m_key.isEmpty())
        return std::nullopt;
    const auto it = m_account.idempotentCalls.constFind(m_key);
    if (it == m_account.idempotentCalls.constEnd())
        return std::nullopt;
    if (it->fingerprint != m_fingerprint)
        return CloudHandler::Result(CloudHandler::ApiError{
            400,
            u"IdempotentParameterMismatch"_s,
            u"Request uses a client token in a previous request but is not identical to that request."_s,
            {}});
    return CloudHandler::Result(it->body);
}

void CloudIdempotency::remember(const CloudHandler::Result& result) const
{
    if (!m_key.isEmpty() && !result.error)
        m_account.idempotentCalls.insert(m_key, SimIdempotentCall{m_fingerprint, result.body});
}

} // namespace unstuck::sim
