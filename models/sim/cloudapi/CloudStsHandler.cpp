// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/cloudapi/CloudStsHandler.h"

#include "models/sim/CloudWorld.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace unstuck::sim {

using namespace Qt::StringLiterals;

CloudHandler::Result CloudStsHandler::handle(const QString& action)
{
    static const QMap<QString, Result (CloudStsHandler::*)()> actions{
        {u"GetCallerIdentity"_s, &CloudStsHandler::getCallerIdentity},
        {u"AssumeRole"_s, &CloudStsHandler::assumeRole},
    };
    return run(*this, actions, action);
}

CloudHandler::Result CloudStsHandler::getCallerIdentity()
{
    QJsonObject out{{u"AccountId"_s, m_account.accountId},
                    {u"Arn"_s, m_account.principalArn(m_key)}};
    if (m_key.roleName.isEmpty()) {
        const SimUser user = m_account.users.value(m_key.userName);
        out.insert(u"IdentityType"_s, u"RAMUser"_s);
        out.insert(u"PrincipalId"_s, user.userId);
        out.insert(u"UserId"_s, user.userId);
    } else {
        const SimRole role = m_account.roles.value(m_key.roleName);
        out.insert(u"IdentityType"_s, u"AssumedRoleUser"_s);
        out.insert(u"PrincipalId"_s, role.roleId + QLatin1Char(':') + m_key.sessionName);
        out.insert(u"RoleId"_s, role.roleId);
    }
    return out;
}

CloudHandler::Result CloudStsHandler::assumeRole()
{
    if (param("RoleArn").isEmpty())
        return missing(u"RoleArn"_s);
    if (param("RoleSessionName").isEmpty())
        return missing(u"RoleSessionName"_s);
    const QString roleName = param("RoleArn").section(u":role/"_s, 1);
    const SimRole* role = nullptr;
    for (const SimRole& r : std::as_const(m_account.roles))
        if (r.name.compare(roleName, Qt::CaseInsensitive) == 0 &&
            param("RoleArn").startsWith(u"acs:ram::%1:"_s.arg(m_account.accountId)))
            role = &r;
    if (!role)
        return ApiError{
            404, u"EntityNotExist.Role"_s, u"The role not exists: %1."_s.arg(param("RoleArn")), {}};
    // The trust policy must name this account (or the caller) as a RAM principal.
    const QJsonObject trust = QJsonDocument::fromJson(role->trustPolicy.toUtf8()).object();
    bool trusted = false;
    for (const QJsonValue& s : trust.value(u"Statement"_s).toArray()) {
        const QJsonValue ram = s.toObject().value(u"Principal"_s).toObject().value(u"RAM"_s);
        const QJsonArray principals = ram.isArray() ? ram.toArray() : QJsonArray{ram};
        for (const QJsonValue& p : principals)
            trusted = trusted || p.toString() == u"acs:ram::%1:root"_s.arg(m_account.accountId) ||
                      p.toString() == m_account.principalArn(m_key);
    }
    if (!trusted)
        return ApiError{
            403,
            u"NoPermission"_s,
            u"You are not authorized to do this action. You should be authorized by RAM."_s,
            {}};
    const int duration = qBound(
        900, param("DurationSeconds").isEmpty() ? 3600 : param("DurationSeconds").toInt(), 3600);
    const QString session = param("RoleSessionName");
    SimAccessKey key = m_world.roleSession(role->name, session);
    key.expiration = QDateTime::currentDateTimeUtc().addSecs(duration);
    m_account.keys.insert(key.accessKeyId, key);
    return QJsonObject{
        {u"AssumedRoleUser"_s,
         QJsonObject{{u"Arn"_s, roleArn(*role) + QLatin1Char('/') + session},
                     {u"AssumedRoleId"_s, role->roleId + QLatin1Char(':') + session}}},
        {u"Credentials"_s, QJsonObject{{u"AccessKeyId"_s, key.accessKeyId},
                                       {u"AccessKeySecret"_s, key.secret},
                                       {u"SecurityToken"_s, key.securityToken},
                                       {u"Expiration"_s, iso(key.expiration)}}}};
}

} // namespace unstuck::sim
