// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/fixes/RouteEntryRecipe.h"

#include <QJsonArray>
#include <QTimer>

namespace unstuck {

using namespace Qt::StringLiterals;

namespace {

using Text = Bilingual;

QString fromResponse(const QString& writeId, const QString& path)
{
    return QLatin1String(FixWrite::kFromResponse) + writeId + u':' + path;
}

void addUndo(PreparedFix& fix, const FixWrite& write)
{
    const QMap<QString, QString>& p = write.request.params;
    const QString entry = fromResponse(write.id, u"RouteEntryId"_s);
    FixRequest remove = FixRequest::cloud(u"vpc"_s, u"DeleteRouteEntry"_s,
                                          {{u"RegionId"_s, p.value(u"RegionId"_s)},
                                           {u"RouteTableId"_s, p.value(u"RouteTableId"_s)},
                                           {u"RouteEntryId"_s, entry}});
    remove.command =
        u"aliyun vpc DeleteRouteEntry --RegionId %1 --RouteTableId %2 "
        u"--RouteEntryId %3"_s.arg(p.value(u"RegionId"_s), p.value(u"RouteTableId"_s), entry);
    FixPreparer::addUndo(
        fix, write,
        Text(u"Delete the route %1 → %2 created by the fix"_s, u"删除该修复创建的路由 %1 → %2"_s)
            .arg(p.value(u"DestinationCidrBlock"_s), p.value(u"NextHopId"_s)),
        remove, QJsonValue::Null);
    fix.undo.first().cloudDryRun = true;
    StateFact exists;
    exists.key = u"route entry %1"_s.arg(p.value(u"DestinationCidrBlock"_s));
    exists.read = FixRequest::cloud(u"vpc"_s, u"DescribeRouteEntryList"_s,
                                    {{u"RegionId"_s, p.value(u"RegionId"_s)},
                                     {u"RouteTableId"_s, p.value(u"RouteTableId"_s)},
                                     {u"RouteEntryId"_s, entry}});
    exists.field = u"RouteEntrys.RouteEntry.0.RouteEntryId"_s;
    exists.value = entry;
    fix.undoState.append(exists);
}

FixWrite createWrite(const PreparedFix& fix, const FixStep& step)
{
    FixWrite write;
    write.id = QString::number(fix.writes.size() + 1);
    write.description = step.descriptionText();
    QMap<QString, QString> params = step.params;
    params.insert(u"ClientToken"_s, FixPreparer::clientToken(fix.fixId, params, fix.planId));
    write.request = FixRequest::cloud(u"vpc"_s, u"CreateRouteEntry"_s, params);
    write.request.command = step.command + u" --ClientToken "_s + params.value(u"ClientToken"_s);
    write.cloudDryRun = true;
    write.before = QJsonValue::Null;
    write.after = QJsonObject{
        {u"RouteTableId"_s, params.value(u"RouteTableId"_s)},
        {u"DestinationCidrBlock"_s, params.value(u"DestinationCidrBlock"_s)},
        {u"NextHops"_s,
         QJsonObject{{u"NextHop"_s,
                      QJsonArray{QJsonObject{{u"NextHopType"_s, params.value(u"NextHopType"_s)},
                                             {u"NextHopId"_s, params.value(u"NextHopId"_s)}}}}}}};
    return write;
}

} // namespace

StateFact RouteEntryRecipe::tableFact(const QString& regionId, const QString& tableId)
{
    StateFact f;
    f.key = u"route table %1 entries"_s.arg(tableId);
    f.read = FixRequest::cloud(
        u"vpc"_s, u"DescribeRouteEntryList"_s,
        {{u"RegionId"_s, regionId}, {u"RouteTableId"_s, tableId}, {u"MaxResult"_s, u"100"_s}});
    f.read.listPath = u"RouteEntrys.RouteEntry"_s;
    f.read.command = u"aliyun vpc DescribeRouteEntryList --RegionId %1 --RouteTableId %2"_s.arg(
        regionId, tableId);
    f.field = u"RouteEntrys.RouteEntry"_s;
    f.keys = {u"DestinationCidrBlock"_s, u"NextHops.NextHop.0.NextHopId"_s};
    return f;
}

void RouteEntryRecipe::prepare(const FixPlan& plan, FixTransport& transport, QObject* receiver,
                               FixPreparer::Done done)
{
    PreparedFix fix = FixPreparer::base(plan);
    QList<FixStep> creates;
    for (const FixStep& s : plan.steps)
        if (s.method == u"vpc:CreateRouteEntry"_s && !s.params.value(u"RouteTableId"_s).isEmpty())
            creates << s;
    if (creates.isEmpty()) {
        fix.manual = true;
        QTimer::singleShot(0, receiver, [fix, done] { done(fix); });
        return;
    }
    const FixStep& first = creates.first();
    StateFact table =
        tableFact(first.params.value(u"RegionId"_s), first.params.value(u"RouteTableId"_s));
    if (!first.observed.isEmpty())
        table.seen = table.extract(first.observed);
    transport.send(table.read, fix.fixId, receiver,
                   [fix, creates, table, done](const FixResponse& answer) mutable {
                       FixPreparer::recordFact(fix, table, answer);
                       if (!fix.error.isEmpty())
                           return done(FixPreparer::failed(fix, fix.error));
                       for (const FixStep& step : creates) {
                           fix.writes.append(createWrite(fix, step));
                           addUndo(fix, fix.writes.last());
                       }
                       done(fix);
                   });
}

} // namespace unstuck
