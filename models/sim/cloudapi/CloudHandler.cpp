// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/cloudapi/CloudHandler.h"

#include "models/sim/CloudWorld.h"

namespace unstuck::sim {

using namespace Qt::StringLiterals;

CloudHandler::CloudHandler(CloudWorld& world, const Params& params, const SimAccessKey& key)
    : m_world(world), m_account(world.account()), m_params(params), m_key(key)
{}

CloudHandler::ApiError CloudHandler::missing(const QString& name)
{
    return {400, u"Missing"_s + name, name + u" is mandatory for this action."_s, {}};
}

CloudHandler::ApiError CloudHandler::apiNotFound()
{
    return ApiError{404,
                    u"InvalidApi.NotFound"_s,
                    u"Specified api is not found, please check your url and method."_s,
                    {}};
}

CloudHandler::ApiError CloudHandler::dryRunPassed()
{
    return ApiError{400,
                    u"DryRunOperation"_s,
                    u"Request validation has been passed with DryRun flag set."_s,
                    {}};
}

QString CloudHandler::iso(const QDateTime& t)
{
    return t.toUTC().toString(u"yyyy-MM-ddTHH:mm:ssZ"_s);
}

QString CloudHandler::roleArn(const SimRole& role) const
{
    return u"acs:ram::%1:role/%2"_s.arg(m_account.accountId, role.name.toLower());
}

bool CloudHandler::truthy(const QString& value)
{
    return value.compare(u"true"_s, Qt::CaseInsensitive) == 0;
}

CloudHandler::Page CloudHandler::pageNumberPage(const Params& p, int defaultSize, int maxSize)
{
    Page page;
    page.pageNumber = qMax(1, p.value(u"PageNumber"_s, u"1"_s).toInt());
    page.size = qBound(1, p.value(u"PageSize"_s, QString::number(defaultSize)).toInt(), maxSize);
    page.offset = qsizetype(page.pageNumber - 1) * page.size;
    return page;
}

QString CloudHandler::encodeToken(qsizetype offset)
{
    return QString::fromLatin1(
        QByteArray("offset:" + QByteArray::number(offset))
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<qsizetype> CloudHandler::decodeToken(const QString& token)
{
    if (token.isEmpty())
        return 0;
    const QByteArray raw = QByteArray::fromBase64(token.toLatin1(), QByteArray::Base64UrlEncoding);
    if (!raw.startsWith("offset:"))
        return std::nullopt;
    bool ok = false;
    const qsizetype offset = raw.mid(7).toLongLong(&ok);
    return ok && offset >= 0 ? std::optional<qsizetype>(offset) : std::nullopt;
}

} // namespace unstuck::sim
