// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/cloudapi/CloudEcsHandler.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace unstuck::sim {

using namespace Qt::StringLiterals;

namespace {

// InstanceIds / PrivateIpAddresses: a JSON array in a string (also accepts "a,b").
QStringList jsonList(const QString& value)
{
    if (value.isEmpty())
        return {};
    const QJsonDocument doc = QJsonDocument::fromJson(value.toUtf8());
    if (doc.isArray()) {
        QStringList out;
        for (const QJsonValue& v : doc.array())
            out.append(v.toString());
        return out;
    }
    return value.split(QLatin1Char(','), Qt::SkipEmptyParts);
}

} // namespace

CloudHandler::Result CloudEcsHandler::handle(const QString& action)
{
    static const QMap<QString, Result (CloudEcsHandler::*)()> actions{
        {u"DescribeInstances"_s, &CloudEcsHandler::describeInstances},
        {u"DescribeInstanceRamRole"_s, &CloudEcsHandler::describeInstanceRamRole},
    };
    return run(*this, actions, action);
}

QJsonObject CloudEcsHandler::instanceJson(const SimInstance& i) const
{
    return QJsonObject{
        {u"InstanceId"_s, i.instanceId},
        {u"InstanceName"_s, i.instanceName},
        {u"HostName"_s, i.hostName},
        {u"RegionId"_s, m_account.regionId},
        {u"ZoneId"_s, i.zoneId},
        {u"Status"_s, u"Running"_s},
        {u"InstanceType"_s, i.instanceType},
        {u"InstanceNetworkType"_s, u"vpc"_s},
        {u"OSType"_s, u"linux"_s},
        {u"Cpu"_s, 4},
        {u"Memory"_s, 16384},
        {u"ImageId"_s, u"aliyun_3_x64_20G_alibase_20240819.vhd"_s},
        {u"CreationTime"_s, i.created.toUTC().toString(u"yyyy-MM-ddTHH:mmZ"_s)},
        {u"VpcAttributes"_s, QJsonObject{{u"VpcId"_s, m_account.vpc.vpcId},
                                         {u"VSwitchId"_s, m_account.vpc.vSwitchId},
                                         {u"NatIpAddress"_s, QString()},
                                         {u"PrivateIpAddress"_s,
                                          QJsonObject{{u"IpAddress"_s, QJsonArray{i.privateIp}}}}}},
        {u"Tags"_s,
         QJsonObject{{u"Tag"_s, QJsonArray{QJsonObject{
                                    {u"TagKey"_s, u"ack.aliyun.com"_s},
                                    {u"TagValue"_s, u"c"_s + m_account.vpc.vpcId.mid(4, 12)}}}}}},
    };
}

CloudHandler::Result CloudEcsHandler::describeInstances()
{
    const QStringList ids = jsonList(param("InstanceIds"));
    const QStringList ips = jsonList(param("PrivateIpAddresses"));
    QList<const SimInstance*> matched;
    for (const SimInstance& i : m_account.instances) {
        if ((!ids.isEmpty() && !ids.contains(i.instanceId)) ||
            (!ips.isEmpty() && !ips.contains(i.privateIp)) ||
            (!param("VpcId").isEmpty() && param("VpcId") != m_account.vpc.vpcId) ||
            (!param("InstanceName").isEmpty() && param("InstanceName") != i.instanceName))
            continue;
        matched.append(&i);
    }
    QJsonObject out{{u"TotalCount"_s, int(matched.size())}};
    qsizetype offset = 0, size = 10;
    const bool tokenPaging =
        m_params.contains(u"NextToken"_s) || m_params.contains(u"MaxResults"_s);
    if (tokenPaging) {
        const auto decoded = decodeToken(param("NextToken"));
        if (!decoded)
            return ApiError{
                400, u"InvalidNextToken.Malformed"_s, u"The specified NextToken is invalid."_s, {}};
        offset = *decoded;
        size = qBound(1, param("MaxResults").isEmpty() ? 10 : param("MaxResults").toInt(), 100);
    } else {
        const Page page = pageNumberPage(m_params, 10, 100);
        offset = page.offset;
        size = page.size;
        out.insert(u"PageNumber"_s, page.pageNumber);
    }
    out.insert(u"PageSize"_s, int(size));
    // Token paging answers the next token; page-number paging leaves it empty.
    out.insert(u"NextToken"_s, tokenPaging && offset + size < matched.size()
                                   ? encodeToken(offset + size)
                                   : QString());
    QJsonArray items;
    for (qsizetype i = offset; i < matched.size() && i < offset + size; ++i)
        items.append(instanceJson(*matched.at(i)));
    out.insert(u"Instances"_s, QJsonObject{{u"Instance"_s, items}});
    return out;
}

CloudHandler::Result CloudEcsHandler::describeInstanceRamRole()
{
    const QStringList ids = jsonList(param("InstanceIds"));
    QJsonArray sets;
    for (const SimInstance& i : m_account.instances) {
        if ((!ids.isEmpty() && !ids.contains(i.instanceId)) || i.ramRoleName.isEmpty() ||
            (!param("RamRoleName").isEmpty() && param("RamRoleName") != i.ramRoleName))
            continue;
        sets.append(
            QJsonObject{{u"InstanceId"_s, i.instanceId}, {u"RamRoleName"_s, i.ramRoleName}});
    }
    const Page page = pageNumberPage(m_params, 10, 100);
    return QJsonObject{
        {u"RegionId"_s, m_account.regionId},
        {u"TotalCount"_s, int(sets.size())},
        {u"InstanceRamRoleSets"_s,
         QJsonObject{{u"InstanceRamRoleSet"_s, QJsonArray::fromVariantList(sets.toVariantList().mid(
                                                   page.offset, page.size))}}}};
}

} // namespace unstuck::sim
