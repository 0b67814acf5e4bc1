// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/cloudapi/CloudVpcHandler.h"

#include "models/sim/CloudWorld.h"

#include <QHostAddress>
#include <QJsonArray>

namespace unstuck::sim {

using namespace Qt::StringLiterals;

CloudHandler::Result CloudVpcHandler::handle(const QString& action)
{
    static const QMap<QString, Result (CloudVpcHandler::*)()> actions{
        {u"DescribeVpcs"_s, &CloudVpcHandler::describeVpcs},
        {u"DescribeVpcAttribute"_s, &CloudVpcHandler::describeVpcAttribute},
        {u"DescribeRouteTableList"_s, &CloudVpcHandler::describeRouteTableList},
        {u"DescribeRouteEntryList"_s, &CloudVpcHandler::describeRouteEntryList},
        {u"CreateRouteEntry"_s, &CloudVpcHandler::createRouteEntry},
        {u"DeleteRouteEntry"_s, &CloudVpcHandler::deleteRouteEntry},
    };
    return run(*this, actions, action);
}

QJsonObject CloudVpcHandler::vpcJson() const
{
    const SimVpc& v = m_account.vpc;
    return QJsonObject{
        {u"VpcId"_s, v.vpcId},
        {u"RegionId"_s, m_account.regionId},
        {u"Status"_s, u"Available"_s},
        {u"VpcName"_s, v.name},
        {u"Description"_s, QString()},
        {u"CreationTime"_s, iso(v.created)},
        {u"CidrBlock"_s, v.cidrBlock},
        {u"VRouterId"_s, v.routeTable.vRouterId},
        {u"IsDefault"_s, false},
        {u"ResourceGroupId"_s, u"rg-acfmzw2jz2z****"_s},
        {u"OwnerId"_s, m_account.accountId.toLongLong()},
        {u"VSwitchIds"_s, QJsonObject{{u"VSwitchId"_s, QJsonArray{v.vSwitchId}}}},
        {u"RouterTableIds"_s,
         QJsonObject{{u"RouterTableIds"_s, QJsonArray{v.routeTable.routeTableId}}}},
        {u"NatGatewayIds"_s, QJsonObject{{u"NatGatewayIds"_s, QJsonArray{}}}},
        {u"SecondaryCidrBlocks"_s, QJsonObject{{u"SecondaryCidrBlock"_s, QJsonArray{}}}},
        {u"UserCidrs"_s, QJsonObject{{u"UserCidr"_s, QJsonArray{}}}},
        {u"Tags"_s, QJsonObject{{u"Tag"_s, QJsonArray{}}}},
    };
}

CloudHandler::Result CloudVpcHandler::describeVpcs()
{
    const QStringList ids = param("VpcId").split(QLatin1Char(','), Qt::SkipEmptyParts);
    QJsonArray all;
    if ((ids.isEmpty() || ids.contains(m_account.vpc.vpcId)) &&
        (param("VpcName").isEmpty() || param("VpcName") == m_account.vpc.name) &&
        !truthy(param("IsDefault")))
        all.append(vpcJson());
    if (truthy(param("DryRun")))
        return dryRunPassed();
    const Page page = pageNumberPage(m_params, 10, 50);
    return QJsonObject{
        {u"PageNumber"_s, page.pageNumber},
        {u"PageSize"_s, int(page.size)},
        {u"TotalCount"_s, int(all.size())},
        {u"Vpcs"_s, QJsonObject{{u"Vpc"_s, QJsonArray::fromVariantList(
                                               all.toVariantList().mid(page.offset, page.size))}}}};
}

CloudHandler::Result CloudVpcHandler::describeVpcAttribute()
{
    if (param("VpcId").isEmpty())
        return missing(u"VpcId"_s);
    if (param("VpcId") != m_account.vpc.vpcId)
        return ApiError{404, u"InvalidVpcId.NotFound"_s, u"Specified VPC does not exist."_s, {}};
    if (truthy(param("DryRun")))
        return dryRunPassed();
    QJsonObject out = vpcJson();
    out.remove(u"RouterTableIds"_s);
    out.remove(u"NatGatewayIds"_s);
    out.insert(u"ClassicLinkEnabled"_s, false);
    out.insert(u"Ipv6CidrBlock"_s, QString());
    return out;
}

CloudHandler::Result CloudVpcHandler::describeRouteTableList()
{
    const SimVpc& v = m_account.vpc;
    const SimRouteTable& t = v.routeTable;
    QJsonArray all;
    const bool match =
        (param("VpcId").isEmpty() || param("VpcId") == v.vpcId) &&
        (param("RouteTableId").isEmpty() || param("RouteTableId") == t.routeTableId) &&
        (param("RouterId").isEmpty() || param("RouterId") == t.vRouterId);
    if (match)
        all.append(
            QJsonObject{{u"VpcId"_s, v.vpcId},
                        {u"RouteTableId"_s, t.routeTableId},
                        {u"RouteTableName"_s, t.name},
                        {u"RouteTableType"_s, t.type},
                        {u"RouterId"_s, t.vRouterId},
                        {u"RouterType"_s, u"VRouter"_s},
                        {u"Status"_s, u"Available"_s},
                        {u"Description"_s, QString()},
                        {u"CreationTime"_s, iso(v.created)},
                        {u"ResourceGroupId"_s, u"rg-acfmzw2jz2z****"_s},
                        {u"OwnerId"_s, m_account.accountId.toLongLong()},
                        {u"VSwitchIds"_s, QJsonObject{{u"VSwitchId"_s, QJsonArray{v.vSwitchId}}}},
                        {u"Tags"_s, QJsonObject{{u"Tag"_s, QJsonArray{}}}}});
    const Page page = pageNumberPage(m_params, 10, 50);
    return QJsonObject{
        {u"Success"_s, true},
        {u"Code"_s, u"200"_s},
        {u"Message"_s, u"successful"_s},
        {u"PageNumber"_s, page.pageNumber},
        {u"PageSize"_s, int(page.size)},
        {u"TotalCount"_s, int(all.size())},
        {u"RouterTableList"_s,
         QJsonObject{{u"RouterTableListType"_s, QJsonArray::fromVariantList(all.toVariantList().mid(
                                                    page.offset, page.size))}}}};
}

QJsonObject CloudVpcHandler::routeEntryJson(const SimRouteEntry& e) const
{
    return QJsonObject{
        {u"RouteEntryId"_s, e.routeEntryId},
        {u"RouteTableId"_s, m_account.vpc.routeTable.routeTableId},
        {u"DestinationCidrBlock"_s, e.destinationCidrBlock},
        {u"Type"_s, e.type},
        {u"Status"_s, e.isAvailable(QDateTime::currentDateTimeUtc()) ? u"Available"_s : e.status},
        {u"IpVersion"_s, u"ipv4"_s},
        {u"RouteEntryName"_s, e.name},
        {u"Description"_s, e.description},
        {u"Origin"_s, e.type == u"System"_s ? u"System"_s : u"Custom"_s},
        {u"GmtModified"_s, iso(e.modified)},
        {u"NextHops"_s,
         QJsonObject{
             {u"NextHop"_s, QJsonArray{QJsonObject{{u"NextHopType"_s, e.nextHopType},
                                                   {u"NextHopId"_s, e.nextHopId},
                                                   {u"Enabled"_s, 1},
                                                   {u"Weight"_s, 0},
                                                   {u"NextHopRegionId"_s, m_account.regionId},
                                                   {u"NextHopRelatedInfo"_s, QJsonObject{}}}}}}},
    };
}

CloudHandler::Result CloudVpcHandler::describeRouteEntryList()
{
    const QString tableId = param("RouteTableId");
    if (tableId.isEmpty())
        return missing(u"RouteTableId"_s);
    if (tableId != m_account.vpc.routeTable.routeTableId)
        return ApiError{
            404, u"InvalidRouteTableId.NotFound"_s, u"Specified route table does not exist."_s, {}};
    const auto offset = decodeToken(param("NextToken"));
    if (!offset)
        return ApiError{
            400, u"InvalidNextToken.Malformed"_s, u"The specified NextToken is invalid."_s, {}};
    // Older API references say 1..100; the route controller sends 500 and the current SDKs
    // validate a maximum of 500, so up to 500 is served; more is clamped like a tolerant server.
    const qsizetype size =
        qBound(1, param("MaxResult").isEmpty() ? 10 : param("MaxResult").toInt(), 500);
    QList<const SimRouteEntry*> matched;
    for (const SimRouteEntry& e : m_account.vpc.routeTable.entries) {
        auto differs = [&](const char* name, const QString& value) {
            const QString wanted = param(name);
            return !wanted.isEmpty() && wanted.compare(value, Qt::CaseInsensitive) != 0;
        };
        if (differs("RouteEntryType", e.type) || differs("RouteEntryId", e.routeEntryId) ||
            differs("DestinationCidrBlock", e.destinationCidrBlock) ||
            differs("NextHopId", e.nextHopId) || differs("RouteEntryName", e.name) ||
            (!param("NextHopType").isEmpty() && e.type == u"Custom"_s &&
             differs("NextHopType", e.nextHopType)))
            continue;
        matched.append(&e);
    }
    QJsonArray page;
    for (qsizetype i = *offset; i < matched.size() && i < *offset + size; ++i)
        page.append(routeEntryJson(*matched.at(i)));
    const qsizetype next = *offset + size;
    return QJsonObject{{u"NextToken"_s, next < matched.size() ? encodeToken(next) : QString()},
                       {u"TotalCount"_s, int(matched.size())},
                       {u"RouteEntrys"_s, QJsonObject{{u"RouteEntry"_s, page}}}};
}

CloudHandler::Result CloudVpcHandler::createRouteEntry()
{
    const QString tableId = param("RouteTableId");
    const QString cidr = param("DestinationCidrBlock");
    if (tableId.isEmpty())
        return missing(u"RouteTableId"_s);
    if (cidr.isEmpty())
        return missing(u"DestinationCidrBlock"_s);
    if (tableId != m_account.vpc.routeTable.routeTableId)
        return ApiError{
            404, u"InvalidRouteTableId.NotFound"_s, u"Specified route table does not exist."_s, {}};
    const auto subnet = QHostAddress::parseSubnet(cidr);
    if (subnet.first.isNull())
        return ApiError{400,
                        u"InvalidDestinationCidrBlock.Malformed"_s,
                        u"Specified DestinationCidrBlock is not valid."_s,
                        {}};
    const QString normalized =
        subnet.first.toString() + QLatin1Char('/') + QString::number(subnet.second);
    if (QHostAddress::parseSubnet(u"100.64.0.0/10"_s).first.isInSubnet(subnet) ||
        subnet.first.isInSubnet(QHostAddress::parseSubnet(u"100.64.0.0/10"_s)))
        return ApiError{400,
                        u"InvalidDestinationCidrBlock.Conflict"_s,
                        u"The destination cannot point to or be contained by 100.64.0.0/10."_s,
                        {}};
    const QString hopType = param("NextHopType").isEmpty() ? u"Instance"_s : param("NextHopType");
    const QString hopId = param("NextHopId");
    if (hopType == u"Instance"_s) {
        if (hopId.isEmpty())
            return missing(u"NextHopId"_s);
        if (!m_account.instance(hopId))
            return ApiError{404,
                            u"InvalidInstanceId.NotFound"_s,
                            u"The specified instance does not exist."_s,
                            {}};
    }
    for (const SimRouteEntry& e : m_account.vpc.routeTable.entries)
        if (e.destinationCidrBlock == normalized || e.destinationCidrBlock == cidr)
            return ApiError{400,
                            u"InvalidCIDRBlock.Duplicate"_s,
                            u"Specified CIDR block is already exists."_s,
                            {}};
    if (truthy(param("DryRun")))
        return dryRunPassed();
    // A new entry is Pending for a while (the vRouter programs it), then Available.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const int pendingMs = m_world.routePendingMs();
    SimRouteEntry entry{m_account.randomId(u"rte-"_s),
                        normalized,
                        u"Custom"_s,
                        hopType,
                        hopId,
                        param("RouteEntryName"),
                        param("Description"),
                        pendingMs > 0 ? u"Pending"_s : u"Available"_s,
                        now,
                        now.addMSecs(pendingMs)};
    m_account.vpc.routeTable.entries.append(entry);
    m_world.notifyChanged();
    return QJsonObject{{u"RouteEntryId"_s, entry.routeEntryId}};
}

CloudHandler::Result CloudVpcHandler::deleteRouteEntry()
{
    QList<SimRouteEntry>& entries = m_account.vpc.routeTable.entries;
    const QString id = param("RouteEntryId");
    if (id.isEmpty() &&
        (param("RouteTableId").isEmpty() || param("DestinationCidrBlock").isEmpty()))
        return missing(id.isEmpty() && param("RouteTableId").isEmpty() ? u"RouteTableId"_s
                                                                       : u"DestinationCidrBlock"_s);
    if (!param("RouteTableId").isEmpty() &&
        param("RouteTableId") != m_account.vpc.routeTable.routeTableId)
        return ApiError{
            404, u"InvalidRouteTableId.NotFound"_s, u"Specified route table does not exist."_s, {}};
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const SimRouteEntry& e = entries.at(i);
        const bool hit = id.isEmpty()
                             ? (e.destinationCidrBlock == param("DestinationCidrBlock") &&
                                (param("NextHopId").isEmpty() || e.nextHopId == param("NextHopId")))
                             : e.routeEntryId == id;
        if (!hit)
            continue;
        if (e.type != u"Custom"_s)
            return ApiError{400,
                            u"OperationUnsupported.SystemRouteEntry"_s,
                            u"System route entries cannot be deleted."_s,
                            {}};
        if (truthy(param("DryRun")))
            return dryRunPassed();
        if (!e.isAvailable(QDateTime::currentDateTimeUtc()))
            return ApiError{400,
                            u"IncorrectRouteEntryStatus"_s,
                            u"Some route entry status blocked this operation."_s,
                            {}};
        entries.removeAt(i);
        m_world.notifyChanged();
        return QJsonObject{};
    }
    return ApiError{
        404, u"InvalidRouteEntry.NotFound"_s, u"The specified route entry does not exist."_s, {}};
}

} // namespace unstuck::sim
