// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/cloudapi/CloudRamHandler.h"

#include "models/cloud/RamPolicy.h"
#include "models/sim/CloudWorld.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace unstuck::sim {

using namespace Qt::StringLiterals;

namespace {

constexpr int kMaxPolicyVersions = 5;

} // namespace

CloudHandler::Result CloudRamHandler::handle(const QString& action)
{
    static const QMap<QString, Result (CloudRamHandler::*)()> actions{
        {u"GetRole"_s, &CloudRamHandler::getRole},
        {u"ListPoliciesForRole"_s, &CloudRamHandler::listPoliciesForRole},
        {u"GetUser"_s, &CloudRamHandler::getUser},
        {u"ListPoliciesForUser"_s, &CloudRamHandler::listPoliciesForUser},
        {u"GetPolicy"_s, &CloudRamHandler::getPolicy},
        {u"GetPolicyVersion"_s, &CloudRamHandler::getPolicyVersion},
        {u"ListPolicyVersions"_s, &CloudRamHandler::listPolicyVersions},
        {u"CreatePolicyVersion"_s, &CloudRamHandler::createPolicyVersion},
        {u"SetDefaultPolicyVersion"_s, &CloudRamHandler::setDefaultPolicyVersion},
        {u"DeletePolicyVersion"_s, &CloudRamHandler::deletePolicyVersion},
        {u"DecodeDiagnosticMessage"_s, &CloudRamHandler::decodeDiagnosticMessage},
    };
    return run(*this, actions, action);
}

CloudHandler::Result CloudRamHandler::getRole()
{
    if (param("RoleName").isEmpty())
        return missing(u"RoleName"_s);
    const auto it = m_account.roles.constFind(param("RoleName"));
    if (it == m_account.roles.constEnd())
        return ApiError{404,
                        u"EntityNotExist.Role"_s,
                        u"The role does not exist: %1."_s.arg(param("RoleName")),
                        {}};
    return QJsonObject{{u"Role"_s, QJsonObject{{u"RoleName"_s, it->name},
                                               {u"RoleId"_s, it->roleId},
                                               {u"Arn"_s, roleArn(*it)},
                                               {u"Description"_s, it->description},
                                               {u"AssumeRolePolicyDocument"_s, it->trustPolicy},
                                               {u"CreateDate"_s, iso(it->created)},
                                               {u"UpdateDate"_s, iso(it->created)},
                                               {u"MaxSessionDuration"_s, 3600}}}};
}

CloudHandler::Result CloudRamHandler::listPoliciesForRole()
{
    if (param("RoleName").isEmpty())
        return missing(u"RoleName"_s);
    const auto it = m_account.roles.constFind(param("RoleName"));
    if (it == m_account.roles.constEnd())
        return ApiError{404,
                        u"EntityNotExist.Role"_s,
                        u"The role does not exist: %1."_s.arg(param("RoleName")),
                        {}};
    return attachedPolicies(it->policies, it->created);
}

const SimUser* CloudRamHandler::findUser(std::optional<ApiError>* error) const
{
    if (param("UserName").isEmpty()) {
        *error = missing(u"UserName"_s);
        return nullptr;
    }
    const auto it = m_account.users.constFind(param("UserName"));
    if (it == m_account.users.constEnd()) {
        *error = ApiError{404, u"EntityNotExist.User"_s, u"The user does not exist."_s, {}};
        return nullptr;
    }
    return &it.value();
}

CloudHandler::Result CloudRamHandler::getUser()
{
    std::optional<ApiError> error;
    const SimUser* user = findUser(&error);
    if (!user)
        return *error;
    const QString created = iso(QDateTime::currentDateTimeUtc().addDays(-200));
    return QJsonObject{{u"User"_s, QJsonObject{{u"UserId"_s, user->userId},
                                               {u"UserName"_s, user->name},
                                               {u"DisplayName"_s, user->name},
                                               {u"Comments"_s, QString()},
                                               {u"CreateDate"_s, created},
                                               {u"UpdateDate"_s, created}}}};
}

CloudHandler::Result CloudRamHandler::listPoliciesForUser()
{
    std::optional<ApiError> error;
    const SimUser* user = findUser(&error);
    if (!user)
        return *error;
    return attachedPolicies(user->policies, QDateTime::currentDateTimeUtc().addDays(-200));
}

// {"Policies":{"Policy":[…]}}: what ListPoliciesForRole and ListPoliciesForUser answer.
QJsonObject CloudRamHandler::attachedPolicies(const QStringList& names,
                                              const QDateTime& attached) const
{
    QJsonArray items;
    for (const QString& name : names) {
        const SimPolicy p = m_account.policies.value(name);
        items.append(QJsonObject{{u"PolicyName"_s, p.name},
                                 {u"PolicyType"_s, p.type},
                                 {u"Description"_s, p.description},
                                 {u"DefaultVersion"_s, p.defaultVersion},
                                 {u"AttachDate"_s, iso(attached)}});
    }
    return QJsonObject{{u"Policies"_s, QJsonObject{{u"Policy"_s, items}}}};
}

std::optional<CloudHandler::ApiError> CloudRamHandler::findPolicy(SimPolicy** policy)
{
    if (param("PolicyName").isEmpty())
        return missing(u"PolicyName"_s);
    *policy = m_account.policy(param("PolicyName"));
    if (!*policy || (!param("PolicyType").isEmpty() && param("PolicyType") != (*policy)->type))
        return ApiError{404,
                        u"EntityNotExist.Policy"_s,
                        u"The policy does not exist: %1."_s.arg(param("PolicyName")),
                        {}};
    return std::nullopt;
}

QJsonObject CloudRamHandler::versionJson(const SimPolicy& policy, const SimPolicyVersion& v) const
{
    return QJsonObject{{u"VersionId"_s, v.versionId},
                       {u"IsDefaultVersion"_s, v.versionId == policy.defaultVersion},
                       {u"PolicyDocument"_s, v.document},
                       {u"CreateDate"_s, iso(v.created)}};
}

CloudHandler::Result CloudRamHandler::getPolicy()
{
    SimPolicy* policy = nullptr;
    if (auto error = findPolicy(&policy))
        return *error;
    int attachments = 0;
    for (const SimRole& role : std::as_const(m_account.roles))
        attachments += role.policies.count(policy->name);
    for (const SimUser& user : std::as_const(m_account.users))
        attachments += user.policies.count(policy->name);
    const SimPolicyVersion* def = policy->version(policy->defaultVersion);
    return QJsonObject{
        {u"Policy"_s, QJsonObject{{u"PolicyName"_s, policy->name},
                                  {u"PolicyType"_s, policy->type},
                                  {u"Description"_s, policy->description},
                                  {u"DefaultVersion"_s, policy->defaultVersion},
                                  {u"PolicyDocument"_s, def ? def->document : QString()},
                                  {u"CreateDate"_s, iso(policy->created)},
                                  {u"UpdateDate"_s, iso(policy->updated)},
                                  {u"AttachmentCount"_s, attachments}}},
        {u"DefaultPolicyVersion"_s, def ? versionJson(*policy, *def) : QJsonObject{}}};
}

CloudHandler::Result CloudRamHandler::getPolicyVersion()
{
    SimPolicy* policy = nullptr;
    if (auto error = findPolicy(&policy))
        return *error;
    if (param("VersionId").isEmpty())
        return missing(u"VersionId"_s);
    const SimPolicyVersion* v = policy->version(param("VersionId"));
    if (!v)
        return ApiError{
            404,
            u"EntityNotExist.Policy.Version"_s,
            u"The policy version does not exist: %1 of %2."_s.arg(param("VersionId"), policy->name),
            {}};
    return QJsonObject{{u"PolicyVersion"_s, versionJson(*policy, *v)}};
}

CloudHandler::Result CloudRamHandler::listPolicyVersions()
{
    SimPolicy* policy = nullptr;
    if (auto error = findPolicy(&policy))
        return *error;
    QJsonArray items;
    for (auto it = policy->versions.crbegin(); it != policy->versions.crend(); ++it)
        items.append(versionJson(*policy, *it)); // newest first, as RAM lists them
    return QJsonObject{{u"PolicyVersions"_s, QJsonObject{{u"PolicyVersion"_s, items}}}};
}

CloudHandler::Result CloudRamHandler::createPolicyVersion()
{
    SimPolicy* policy = nullptr;
    if (auto error = findPolicy(&policy))
        return *error;
    if (policy->type != u"Custom"_s)
        return ApiError{
            403, u"NoPermission.SystemPolicy"_s, u"System policies cannot be changed."_s, {}};
    const QString document = param("PolicyDocument");
    if (document.isEmpty())
        return missing(u"PolicyDocument"_s);
    if (document.toUtf8().size() > 6144)
        return ApiError{400,
                        u"InvalidParameter.PolicyDocument.Length"_s,
                        u"The parameter - \"PolicyDocument\" beyond the length limit."_s,
                        {}};
    QString parseError;
    if (!RamPolicyDocument::parse(document.toUtf8(), &parseError))
        return ApiError{400,
                        u"MalformedPolicyDocument"_s,
                        u"The policy document is malformed: "_s + parseError,
                        {}};
    if (policy->versions.size() >= kMaxPolicyVersions) {
        if (param("RotateStrategy") != u"DeleteOldestNonDefaultVersionWhenLimitExceeded"_s)
            return ApiError{409,
                            u"LimitExceeded.Policy.Version"_s,
                            u"The count of policy version beyond the current limits."_s,
                            {}};
        for (qsizetype i = 0; i < policy->versions.size(); ++i)
            if (policy->versions.at(i).versionId != policy->defaultVersion) {
                policy->versions.removeAt(i);
                break;
            }
    }
    int highest = 0;
    for (const SimPolicyVersion& v : policy->versions)
        highest = qMax(highest, v.versionId.mid(1).toInt());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    SimPolicyVersion version{u"v%1"_s.arg(highest + 1), document, now};
    policy->versions.append(version);
    if (truthy(param("SetAsDefault")))
        policy->defaultVersion = version.versionId;
    policy->updated = now;
    m_world.notifyChanged();
    return QJsonObject{{u"PolicyVersion"_s, versionJson(*policy, version)}};
}

CloudHandler::Result CloudRamHandler::setDefaultPolicyVersion()
{
    SimPolicy* policy = nullptr;
    if (auto error = findPolicy(&policy))
        return *error;
    if (param("VersionId").isEmpty())
        return missing(u"VersionId"_s);
    if (!policy->version(param("VersionId")))
        return ApiError{
            404,
            u"EntityNotExist.Policy.Version"_s,
            u"The policy version does not exist: %1 of %2."_s.arg(param("VersionId"), policy->name),
            {}};
    policy->defaultVersion = param("VersionId");
    policy->updated = QDateTime::currentDateTimeUtc();
    m_world.notifyChanged();
    return QJsonObject{};
}

CloudHandler::Result CloudRamHandler::deletePolicyVersion()
{
    SimPolicy* policy = nullptr;
    if (auto error = findPolicy(&policy))
        return *error;
    if (param("VersionId").isEmpty())
        return missing(u"VersionId"_s);
    if (!policy->version(param("VersionId")))
        return ApiError{
            404,
            u"EntityNotExist.Policy.Version"_s,
            u"The policy version does not exist: %1 of %2."_s.arg(param("VersionId"), policy->name),
            {}};
    if (param("VersionId") == policy->defaultVersion)
        return ApiError{409,
                        u"DeleteConflict.Policy.Version.Default"_s,
                        u"The default policy version CAN NOT been deleted directly."_s,
                        {}};
    policy->versions.removeIf(
        [&](const SimPolicyVersion& v) { return v.versionId == param("VersionId"); });
    m_world.notifyChanged();
    return QJsonObject{};
}

CloudHandler::Result CloudRamHandler::decodeDiagnosticMessage()
{
    const QByteArray raw = QByteArray::fromBase64(param("EncodedDiagnosticMessage").toLatin1());
    if (param("EncodedDiagnosticMessage").isEmpty())
        return missing(u"EncodedDiagnosticMessage"_s);
    if (!QJsonDocument::fromJson(raw).isObject())
        return ApiError{400,
                        u"InvalidParameter.EncodedDiagnosticMessage"_s,
                        u"The specified EncodedDiagnosticMessage is invalid."_s,
                        {}};
    return QJsonObject{{u"DecodedDiagnosticMessage"_s, QString::fromUtf8(raw)}};
}

} // namespace unstuck::sim
