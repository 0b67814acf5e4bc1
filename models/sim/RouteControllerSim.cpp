// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/RouteControllerSim.h"

#include "models/sim/CloudApi.h"
#include "models/sim/CloudWorld.h"
#include "models/sim/KubeStore.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>

namespace unstuck::sim {

using namespace Qt::StringLiterals;

namespace {

constexpr const char* kComponent = "route-controller";

QJsonObject obj(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toObject();
}

QString str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

QString normalizedCidr(const QString& cidr)
{
    const auto subnet = QHostAddress::parseSubnet(cidr);
    return subnet.first.isNull() ? cidr
                                 : subnet.first.toString() + u'/' + QString::number(subnet.second);
}

QString podCidrOf(const QJsonObject& node)
{
    const QJsonObject spec = obj(node, "spec");
    for (const QJsonValue& c : spec.value(u"podCIDRs"_s).toArray())
        if (!c.toString().contains(u':'))
            return normalizedCidr(c.toString());
    return normalizedCidr(str(spec, "podCIDR"));
}

QString instanceOf(const QJsonObject& node)
{
    QString providerId = str(obj(node, "spec"), "providerID");
    providerId.remove(u"alicloud://"_s);
    return providerId.section(u'.', 1);
}

// klog's header: "E1127 00:01:02.123456       1 route_controller.go:383] message".
QString klogLine(QChar severity, const QString& fileLine, const QString& message)
{
    const QDateTime t = QDateTime::currentDateTimeUtc();
    return u"%1%2 %3.%4       1 %5] %6"_s.arg(severity)
        .arg(t.toString(u"MMdd"_s), t.toString(u"hh:mm:ss"_s))
        .arg(t.time().msec() * 1000 + 211, 6, 10, QLatin1Char('0'))
        .arg(fileLine, message);
}

// Go's fmt %s of a map[string]interface{}: "map[k:v k:v]" with sorted keys.
QString goMap(const QJsonObject& o)
{
    QStringList parts;
    for (auto it = o.constBegin(); it != o.constEnd(); ++it)
        parts.append(it.key() + u':' + it.value().toVariant().toString());
    return u"map["_s + parts.join(u' ') + u']';
}

// alibaba-cloud-sdk-go sdk/errors/server_error.go ServerError.Error().
QString sdkServerError(const QJsonObject& body, const QByteArray& requestIdHeader)
{
    QString text =
        u"SDK.ServerError\nErrorCode: %1\nRecommend: %2\nRequestId: %3\nMessage: %4\nRespHeaders: "
        u"map[Content-Type:[application/json;charset=utf-8] X-Acs-Request-Id:[%5]]"_s.arg(
            str(body, "Code"), str(body, "Recommend"), str(body, "RequestId"), str(body, "Message"),
            QString::fromLatin1(requestIdHeader));
    if (body.contains(u"AccessDeniedDetail"_s))
        text += u"\nAccessDeniedDetail: "_s + goMap(obj(body, "AccessDeniedDetail"));
    return text;
}

} // namespace

RouteControllerSim::RouteControllerSim(KubeStore& kube, CloudWorld& cloud)
    : m_kube(kube), m_cloud(cloud), m_api(std::make_unique<CloudApi>(cloud))
{}

RouteControllerSim::~RouteControllerSim() = default;

void RouteControllerSim::reconcile()
{
    if (m_cloud.vpcId().isEmpty())
        return; // the world has no cloud account yet
    if (!m_clock.isValid())
        m_clock.start();
    if (m_generation != m_cloud.generation()) {
        // A new world: the controller (re)starts and schedules its first full sync.
        m_generation = m_cloud.generation();
        m_similarEvents.clear();
        m_session = {};
        m_nextDueMs = m_clock.elapsed() + m_cloud.routeFirstSyncDelayMs();
    }
    if (m_clock.elapsed() < m_nextDueMs)
        return;
    syncNow();
    m_nextDueMs = m_clock.elapsed() + m_cloud.routeReconcilePeriodMs();
}

RouteControllerSim::CallResult RouteControllerSim::call(const QString& action,
                                                        const QMap<QString, QString>& params)
{
    // The ECS metadata server hands the instance a fresh STS session before the old one ends.
    if (m_session.accessKeyId.isEmpty() ||
        m_session.expiration < QDateTime::currentDateTimeUtc().addSecs(600))
        m_session = m_cloud.roleSession(m_cloud.masterRoleName(), u"kubernetes-ccm"_s);
    const HttpResponse response =
        m_api->callAs(m_session, action, CloudApi::versionOf(u"vpc"_s), params);
    CallResult result;
    result.json = QJsonDocument::fromJson(response.body).object();
    if (response.status != 200) {
        QByteArray requestId;
        for (const auto& [name, value] : response.headers)
            if (name == "x-acs-request-id")
                requestId = value;
        result.error = sdkServerError(result.json, requestId);
    }
    return result;
}

QString RouteControllerSim::ccmPod() const
{
    for (const QJsonObject& pod : m_kube.list(u"pods"_s, u"kube-system"_s)) {
        const QString name = str(obj(pod, "metadata"), "name");
        if (name.startsWith(u"cloud-controller-manager"_s))
            return name;
    }
    return {};
}

void RouteControllerSim::log(QChar severity, const QString& fileLine, const QString& message)
{
    const QString pod = ccmPod();
    if (pod.isEmpty())
        return;
    // klog writes a multi-line message as is: the pod log shows one line per '\n'.
    const QStringList lines = klogLine(severity, fileLine, message).split(u'\n');
    for (const QString& line : lines)
        m_kube.appendPodLog(u"kube-system"_s, pod, line);
}

bool RouteControllerSim::skipNode(const QJsonObject& node) const
{
    const QJsonObject meta = obj(node, "metadata");
    const QJsonObject labels = obj(meta, "labels");
    if (labels.contains(u"service.beta.kubernetes.io/exclude-node"_s) ||
        labels.contains(u"service.alibabacloud.com/exclude-node"_s) ||
        meta.contains(u"deletionTimestamp"_s))
        return true;
    const QString providerId = str(obj(node, "spec"), "providerID");
    if (providerId.isEmpty() || providerId.startsWith(u"ack-hybrid://"_s))
        return true;
    for (const QJsonValue& c : obj(node, "status").value(u"conditions"_s).toArray())
        if (str(c.toObject(), "type") == u"Ready"_s && str(c.toObject(), "status") == u"Unknown"_s)
            return true;
    return podCidrOf(node).isEmpty();
}

void RouteControllerSim::setNodeCondition(const QString& nodeName, bool routeCreated)
{
    auto node = m_kube.get(u"nodes"_s, QString(), nodeName);
    if (!node)
        return;
    QJsonObject status = obj(*node, "status");
    QJsonArray conditions = status.value(u"conditions"_s).toArray();
    const QString wantStatus = routeCreated ? u"False"_s : u"True"_s;
    const QString reason = routeCreated ? u"RouteCreated"_s : u"NoRouteCreated"_s;
    const QString message = routeCreated ? u"RouteController created a route"_s
                                         : u"RouteController failed to create a route"_s;
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    qsizetype index = -1;
    for (qsizetype i = 0; i < conditions.size(); ++i)
        if (str(conditions.at(i).toObject(), "type") == u"NetworkUnavailable"_s)
            index = i;
    if (index >= 0) {
        const QJsonObject current = conditions.at(index).toObject();
        if (str(current, "status") == wantStatus && str(current, "reason") == reason)
            return; // unchanged: no write, no resourceVersion churn
    }
    const QJsonObject condition{{u"type"_s, u"NetworkUnavailable"_s},
                                {u"status"_s, wantStatus},
                                {u"reason"_s, reason},
                                {u"message"_s, message},
                                {u"lastTransitionTime"_s, now},
                                {u"lastHeartbeatTime"_s, now}};
    if (index >= 0)
        conditions.replace(index, condition);
    else
        conditions.prepend(condition);
    status.insert(u"conditions"_s, conditions);
    node->insert(u"status"_s, status);
    m_kube.put(u"nodes"_s, *node);
}

void RouteControllerSim::nodeEvent(const QString& nodeName, const QString& type,
                                   const QString& reason, const QString& message)
{
    const auto node = m_kube.get(u"nodes"_s, QString(), nodeName);
    QJsonObject involved{{u"kind"_s, u"Node"_s}, {u"name"_s, nodeName}, {u"apiVersion"_s, u"v1"_s}};
    if (node)
        involved.insert(u"uid"_s, str(obj(*node, "metadata"), "uid"));
    fileEvent(involved, type, reason, message);
}

void RouteControllerSim::fileEvent(const QJsonObject& involved, const QString& type,
                                   const QString& reason, const QString& message)
{
    // client-go's EventCorrelator: the first 10 similar events (same object and reason,
    // messages differing only by request ids) are filed as they come; after that one
    // "(combined from similar events)" event carries the latest message and the count.
    constexpr int kMaxSimilar = 10;
    const QString key = involved.value(u"name"_s).toString() + u'/' + reason;
    if (++m_similarEvents[key] <= kMaxSimilar) {
        m_kube.recordEvent(u"default"_s, involved, type, reason, message,
                           QString::fromLatin1(kComponent));
        return;
    }
    const QString combined = u"(combined from similar events): "_s + message;
    for (QJsonObject event : m_kube.list(u"events"_s, u"default"_s)) {
        if (event.value(u"reason"_s).toString() != reason ||
            event.value(u"involvedObject"_s).toObject().value(u"name"_s) !=
                involved.value(u"name"_s) ||
            !event.value(u"message"_s).toString().startsWith(u"(combined from similar events): "_s))
            continue;
        event.insert(u"message"_s, combined);
        event.insert(u"count"_s, event.value(u"count"_s).toInt(1) + 1);
        event.insert(u"lastTimestamp"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        m_kube.put(u"events"_s, event);
        return;
    }
    m_kube.recordEvent(u"default"_s, involved, type, reason, combined,
                       QString::fromLatin1(kComponent));
}

void RouteControllerSim::failAll(const QString& logLine, const QString& fileLine,
                                 const QString& eventMessage, const QString& nodeError)
{
    log(u'E', fileLine, logLine);
    // The CCM files this on a fake Event object named route-controller with no namespace,
    // which client-go records in "default".
    fileEvent(QJsonObject{{u"kind"_s, u"Event"_s}, {u"name"_s, u"route-controller"_s}},
              u"Warning"_s, u"SyncRouteFailed"_s, eventMessage);
    // Nodes whose route is missing stay unreachable; the ones with a route are unaffected.
    // (The world's table is read directly here: the controller could not list it, but the
    // routes it created earlier are still in place.)
    QHash<QString, QString> routes;
    for (const SimRouteEntry& e : m_cloud.account().vpc.routeTable.entries)
        if (e.type == u"Custom"_s)
            routes.insert(normalizedCidr(e.destinationCidrBlock), e.nextHopId);
    for (const QJsonObject& node : m_kube.list(u"nodes"_s)) {
        if (skipNode(node))
            continue;
        const QString name = str(obj(node, "metadata"), "name");
        const QString cidr = podCidrOf(node);
        if (routes.value(cidr) == instanceOf(node))
            continue;
        nodeEvent(name, u"Warning"_s, u"CreateRouteFailed"_s,
                  u"Error creating route entry in %1: %2"_s.arg(m_cloud.vpcId(), nodeError));
        setNodeCondition(name, false);
    }
}

void RouteControllerSim::syncNow()
{
    if (m_cloud.vpcId().isEmpty())
        return;
    ++m_syncs;
    const QString vpcId = m_cloud.vpcId();
    const QString region = m_cloud.regionId();

    // v2.x getRouteTables: the VPC id comes from metadata, the tables from the API.
    const CallResult tables =
        call(u"DescribeRouteTableList"_s, {{u"RegionId"_s, region}, {u"VpcId"_s, vpcId}});
    if (!tables.error.isEmpty()) {
        const QString err =
            u"can not found route table by id[], error: error describe vpc: %1 route tables, error: %2"_s
                .arg(vpcId, tables.error);
        failAll(u"sync route tables error: get RouteTables: "_s + err, u"route_controller.go:383"_s,
                u"Reconciling route error: "_s + err, err);
        return;
    }
    QStringList tableIds;
    for (const QJsonValue& t :
         obj(tables.json, "RouterTableList").value(u"RouterTableListType"_s).toArray())
        tableIds.append(str(t.toObject(), "RouteTableId"));
    if (tableIds.size() != 1) {
        const QString err =
            tableIds.isEmpty()
                ? u"no route tables found by vpc id[]"_s
                : u"multiple route tables found by vpc id[], length(tables)=%1"_s.arg(
                      tableIds.size());
        failAll(u"sync route tables error: get RouteTables: "_s + err, u"route_controller.go:383"_s,
                u"Reconciling route error: "_s + err, err);
        return;
    }
    const QString tableId = tableIds.first();

    // The routes the CCM owns: custom, one instance next hop.
    QHash<QString, QString> routes; // destination → next hop instance
    QString token;
    do {
        QMap<QString, QString> params{{u"RegionId"_s, region},
                                      {u"RouteTableId"_s, tableId},
                                      {u"RouteEntryType"_s, u"Custom"_s},
                                      {u"NextHopType"_s, u"Instance"_s},
                                      {u"MaxResult"_s, u"500"_s}};
        if (!token.isEmpty())
            params.insert(u"NextToken"_s, token);
        const CallResult page = call(u"DescribeRouteEntryList"_s, params);
        if (!page.error.isEmpty()) {
            const QString err = u"describe route entry list error, err %1"_s.arg(page.error);
            failAll(u"sync route tables error: sync table [%1] error: %2"_s.arg(tableId, err),
                    u"route_controller.go:391"_s,
                    u"Error reconciling route, reconcile table [%1] failed"_s.arg(tableId), err);
            return;
        }
        for (const QJsonValue& v : obj(page.json, "RouteEntrys").value(u"RouteEntry"_s).toArray()) {
            const QJsonObject entry = v.toObject();
            const QJsonArray hops = obj(entry, "NextHops").value(u"NextHop"_s).toArray();
            if (str(entry, "Type") != u"Custom"_s || hops.size() != 1 ||
                str(entry, "DestinationCidrBlock") == u"0.0.0.0/0"_s ||
                str(hops.first().toObject(), "NextHopType")
                        .compare(u"instance"_s, Qt::CaseInsensitive) != 0)
                continue;
            routes.insert(normalizedCidr(str(entry, "DestinationCidrBlock")),
                          str(hops.first().toObject(), "NextHopId"));
        }
        token = str(page.json, "NextToken");
    } while (!token.isEmpty());

    for (const QJsonObject& node : m_kube.list(u"nodes"_s)) {
        if (skipNode(node))
            continue;
        const QString name = str(obj(node, "metadata"), "name");
        const QString cidr = podCidrOf(node);
        const QString instance = instanceOf(node);
        const auto existing = routes.constFind(cidr);
        if (existing != routes.constEnd() && existing.value() == instance) {
            setNodeCondition(name, true);
            continue;
        }
        if (existing != routes.constEnd()) {
            // A conflicting route for this CIDR points elsewhere: the CCM removes it first.
            call(u"DeleteRouteEntry"_s, {{u"RegionId"_s, region},
                                         {u"RouteTableId"_s, tableId},
                                         {u"DestinationCidrBlock"_s, cidr},
                                         {u"NextHopId"_s, existing.value()}});
        }
        const CallResult created = call(u"CreateRouteEntry"_s, {{u"RegionId"_s, region},
                                                                {u"RouteTableId"_s, tableId},
                                                                {u"DestinationCidrBlock"_s, cidr},
                                                                {u"NextHopType"_s, u"Instance"_s},
                                                                {u"NextHopId"_s, instance}});
        if (created.error.isEmpty() ||
            str(created.json, "Code") == u"InvalidCIDRBlock.Duplicate"_s) {
            log(u'I', u"route_controller.go:247"_s,
                u"Created route for %1 with %2 - %3 successfully"_s.arg(name, cidr, instance));
            nodeEvent(
                name, u"Normal"_s, u"CreatedRoute"_s,
                u"Created route for %1 with %2 -> %3 successfully"_s.arg(name, cidr, instance));
            setNodeCondition(name, true);
            continue;
        }
        const QString err =
            u"error create route entry for %1, %2, error: %3"_s.arg(name, cidr, created.error);
        log(u'E', u"route_controller.go:262"_s,
            u"error create route for node %1 : instance id [%2], route [%3], err: %4"_s.arg(
                name, instance, cidr, err));
        nodeEvent(name, u"Warning"_s, u"CreateRouteFailed"_s,
                  u"Error creating route entry in %1: %2"_s.arg(tableId, err));
        setNodeCondition(name, false);
    }
}

} // namespace unstuck::sim
