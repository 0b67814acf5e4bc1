// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/CloudWorld.h"

#include "models/common/Redactor.h"
#include "models/sim/CloudIdentities.h"
#include "models/sim/KubeStore.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>

namespace unstuck::sim {

namespace {

constexpr const char* kPodOfInterestIp = "172.16.1.12"; // metrics-server in the seed incident

QString str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonObject obj(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toObject();
}

bool isControlPlane(const QJsonObject& node)
{
    const QJsonObject labels = obj(obj(node, "metadata"), "labels");
    return labels.contains(QLatin1String("node-role.kubernetes.io/control-plane")) ||
           labels.contains(QLatin1String("node-role.kubernetes.io/master"));
}

QString podCidrOf(const QJsonObject& node)
{
    const QJsonObject spec = obj(node, "spec");
    for (const QJsonValue& c : spec.value(QLatin1String("podCIDRs")).toArray())
        if (!c.toString().contains(QLatin1Char(':')))
            return c.toString();
    return str(spec, "podCIDR");
}

QString internalIpOf(const QJsonObject& node)
{
    for (const QJsonValue& a : obj(node, "status").value(QLatin1String("addresses")).toArray())
        if (str(a.toObject(), "type") == QLatin1String("InternalIP"))
            return str(a.toObject(), "address");
    return {};
}

// "<region>.<instance>" with an optional "alicloud://" prefix (CCM util/helper.go).
std::pair<QString, QString> splitProviderId(QString providerId)
{
    providerId.remove(QLatin1String("alicloud://"));
    const qsizetype dot = providerId.indexOf(QLatin1Char('.'));
    if (dot <= 0)
        return {};
    return {providerId.left(dot), providerId.mid(dot + 1)};
}

// ram-two-policies: a change-freeze policy attached to the master role and to the operator user,
// and never detached. Its version in force denies the route writes, so the master policy alone
// set back to Allow does not heal the chain (the RAM fix makes one write per policy), and the
// operator's own route fix is refused until the RAM fix has turned the freeze to Allow.
void addRouteFreezePolicy(CloudAccount& a, const QString& masterRole, const QString& masterPolicy,
                          const QDateTime& created)
{
    const auto document = [](const char* effect) {
        const QJsonObject statement{
            {QStringLiteral("Effect"), QLatin1String(effect)},
            {QStringLiteral("Action"), QJsonArray{QStringLiteral("vpc:CreateRouteEntry"),
                                                  QStringLiteral("vpc:DeleteRouteEntry")}},
            {QStringLiteral("Resource"), QJsonArray{QStringLiteral("*")}}};
        return QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("Version"), QStringLiteral("1")},
                                      {QStringLiteral("Statement"), QJsonArray{statement}}})
                .toJson(QJsonDocument::Indented));
    };
    const QDateTime frozen = QDateTime::currentDateTimeUtc().addSecs(-2 * 3600);
    SimPolicy policy;
    // Named with the cluster's id, as the role's other policy.
    policy.name =
        QStringLiteral("k8sRouteFreezePolicy-") + masterPolicy.section(QLatin1Char('-'), 1);
    policy.description = QStringLiteral("Route changes during the change freeze");
    policy.versions = {SimPolicyVersion{QStringLiteral("v1"), document("Allow"), created},
                       SimPolicyVersion{QStringLiteral("v2"), document("Deny"), frozen}};
    policy.defaultVersion = QStringLiteral("v2");
    policy.created = created;
    policy.updated = frozen;
    a.policies.insert(policy.name, policy);
    a.roles[masterRole].policies.append(policy.name);
    a.users[CloudIdentities::operatorUserName()].policies.append(policy.name);
}

} // namespace

struct CloudWorld::Private
{
    CloudAccount account;
    QString scenario;
    QString userKeyId;
    QString readOnlyKeyId;
    int routePendingMs = 0;
    QString masterRole;
    QString masterPolicy;
    QString workerRole;
    QString brokenCidr;
    QString brokenNode;
    int periodMs = 2000;
    int firstDelayMs = 0;
    int generation = 0;
};

CloudWorld::CloudWorld(QObject* parent) : QObject(parent), d(new Private)
{
    d->account.regionId = QStringLiteral("cn-hangzhou");
}

CloudWorld::~CloudWorld()
{
    delete d;
}

void CloudWorld::populate(const QString& scenario, const KubeStore& kube)
{
    Private& p = *d;
    const int generation = p.generation + 1;
    const int pendingMs = p.routePendingMs;
    p = Private{};
    p.generation = generation;
    p.routePendingMs = pendingMs;
    p.scenario = scenario;
    CloudAccount& a = p.account;
    a.accountId = QStringLiteral("5810293847561023");
    const QDateTime created = QDateTime::currentDateTimeUtc().addDays(-200);

    const QList<QJsonObject> nodes = kube.list(QStringLiteral("nodes"));
    a.regionId = QStringLiteral("cn-hangzhou");
    QString zone;
    for (const QJsonObject& node : nodes) {
        const QJsonObject labels = obj(obj(node, "metadata"), "labels");
        const QString region =
            labels.value(QLatin1String("topology.kubernetes.io/region")).toString();
        const QString fromProvider = splitProviderId(str(obj(node, "spec"), "providerID")).first;
        if (!region.isEmpty() || !fromProvider.isEmpty()) {
            a.regionId = region.isEmpty() ? fromProvider : region;
            zone = labels.value(QLatin1String("topology.kubernetes.io/zone")).toString();
            break;
        }
    }
    if (zone.isEmpty())
        zone = a.regionId + QStringLiteral("-h");

    // Network: the vSwitch is the smallest of /24, /20, /16 holding every node IP.
    a.vpc.vpcId = a.randomId(QStringLiteral("vpc-"));
    a.vpc.name = QStringLiteral("k8s-vpc");
    a.vpc.vSwitchId = a.randomId(QStringLiteral("vsw-"));
    a.vpc.zoneId = zone;
    a.vpc.created = created;
    a.vpc.vSwitchCidr = QStringLiteral("192.168.0.0/24");
    for (const QString& candidate :
         {QStringLiteral("192.168.0.0/24"), QStringLiteral("192.168.0.0/20"),
          QStringLiteral("192.168.0.0/16")}) {
        const auto subnet = QHostAddress::parseSubnet(candidate);
        bool all = true;
        for (const QJsonObject& node : nodes) {
            const QHostAddress ip(internalIpOf(node));
            all = all && (ip.isNull() || ip.isInSubnet(subnet));
        }
        a.vpc.vSwitchCidr = candidate;
        if (all)
            break;
    }
    SimRouteTable& table = a.vpc.routeTable;
    table.routeTableId = a.randomId(QStringLiteral("vtb-"));
    table.vRouterId = a.randomId(QStringLiteral("vrt-"));
    table.name = QString();
    table.entries.append(SimRouteEntry{a.randomId(QStringLiteral("rte-")), a.vpc.vSwitchCidr,
                                       QStringLiteral("System"), QStringLiteral("local"), QString(),
                                       QString(), QString(), QStringLiteral("Available"), created});
    table.entries.append(
        SimRouteEntry{a.randomId(QStringLiteral("rte-")), QStringLiteral("100.64.0.0/10"),
                      QStringLiteral("System"), QStringLiteral("service"), QString(), QString(),
                      QStringLiteral("cloud services"), QStringLiteral("Available"), created});

    // RAM: the dedicated cluster's master and worker roles, the app's user, an assumable role.
    const bool twoPolicies = scenario == QLatin1String("ram-two-policies");
    const bool seedLike = scenario == QLatin1String("seed") ||
                          scenario == QLatin1String("no-cloud-credentials") || twoPolicies;
    const CloudIdentities::Names names = CloudIdentities::addRoles(a, seedLike, created);
    p.masterRole = names.masterRole;
    p.masterPolicy = names.masterPolicy;
    if (twoPolicies)
        addRouteFreezePolicy(a, p.masterRole, p.masterPolicy, created);
    p.workerRole = names.workerRole;
    p.userKeyId = names.operatorKeyId;

    // One instance per node; one custom route per node with a pod CIDR.
    for (const QJsonObject& node : nodes) {
        const auto [region, instanceId] = splitProviderId(str(obj(node, "spec"), "providerID"));
        if (instanceId.isEmpty())
            continue;
        const QString name = str(obj(node, "metadata"), "name");
        a.instances.append(SimInstance{
            instanceId, name, name, internalIpOf(node), zone, QStringLiteral("ecs.g6.xlarge"),
            isControlPlane(node) ? p.masterRole : p.workerRole, created});
        const QString cidr = podCidrOf(node);
        if (!cidr.isEmpty())
            table.entries.append(SimRouteEntry{a.randomId(QStringLiteral("rte-")), cidr,
                                               QStringLiteral("Custom"), QStringLiteral("Instance"),
                                               instanceId, QString(), QString(),
                                               QStringLiteral("Available"), created});
    }

    // The route the scenario lost: metrics-server's node (found through its pod, else the node
    // whose pod CIDR holds the seed incident's pod IP, else the second node).
    if (seedLike || scenario == QLatin1String("route-missing")) {
        QString nodeName;
        for (const QJsonObject& pod :
             kube.list(QStringLiteral("pods"), QStringLiteral("kube-system")))
            if (str(obj(obj(pod, "metadata"), "labels"), "k8s-app") ==
                    QLatin1String("metrics-server") &&
                !str(obj(pod, "spec"), "nodeName").isEmpty()) {
                nodeName = str(obj(pod, "spec"), "nodeName");
                break;
            }
        for (const QJsonObject& node : nodes) {
            const QString cidr = podCidrOf(node);
            const bool holdsPod =
                !cidr.isEmpty() && QHostAddress(QString::fromLatin1(kPodOfInterestIp))
                                       .isInSubnet(QHostAddress::parseSubnet(cidr));
            if (nodeName.isEmpty() ? holdsPod : str(obj(node, "metadata"), "name") == nodeName) {
                p.brokenNode = str(obj(node, "metadata"), "name");
                p.brokenCidr = cidr;
                break;
            }
        }
        if (p.brokenNode.isEmpty() && nodes.size() > 1) {
            p.brokenNode = str(obj(nodes.at(1), "metadata"), "name");
            p.brokenCidr = podCidrOf(nodes.at(1));
        }
        table.entries.removeIf([&](const SimRouteEntry& e) {
            return e.type == QLatin1String("Custom") && e.destinationCidrBlock == p.brokenCidr;
        });
    }

    p.readOnlyKeyId = CloudIdentities::addReadOnlyUser(a, created);

    // The route controller acts every 2 s, except in route-missing where it keeps the real
    // 5-minute period and has not run since the route was deleted by hand.
    if (scenario == QLatin1String("route-missing")) {
        p.periodMs = 5 * 60 * 1000;
        p.firstDelayMs = p.periodMs;
    } else if (a.instances.size() > 500) {
        // A full sync pages through every route (~0.2 ms per node): keep the sim light.
        p.periodMs = 10000;
    }
    Q_EMIT changed();
}

bool CloudWorld::routesToInstance(const QString& podIp, const QString& instanceId) const
{
    const QHostAddress address(podIp);
    if (address.isNull() || instanceId.isEmpty())
        return false;
    int bestLength = -1;
    const SimRouteEntry* best = nullptr;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const SimRouteEntry& entry : d->account.vpc.routeTable.entries) {
        if (!entry.isAvailable(now))
            continue;
        const auto subnet = QHostAddress::parseSubnet(entry.destinationCidrBlock);
        if (subnet.second > bestLength && address.isInSubnet(subnet)) {
            bestLength = subnet.second;
            best = &entry;
        }
    }
    return best && best->nextHopType.compare(QLatin1String("Instance"), Qt::CaseInsensitive) == 0 &&
           best->nextHopId == instanceId;
}

QString CloudWorld::regionId() const
{
    return d->account.regionId;
}

QString CloudWorld::vpcId() const
{
    return d->account.vpc.vpcId;
}

QString CloudWorld::userAccessKeyId() const
{
    return d->userKeyId;
}

QString CloudWorld::userAccessKeySecret() const
{
    return d->account.keys.value(d->userKeyId).secret;
}

QString CloudWorld::readOnlyUserName() const
{
    return CloudIdentities::readOnlyUserName();
}

QString CloudWorld::readOnlyAccessKeyId() const
{
    return d->readOnlyKeyId;
}

QString CloudWorld::readOnlyAccessKeySecret() const
{
    return d->account.keys.value(d->readOnlyKeyId).secret;
}

void CloudWorld::setRoutePendingMs(int ms)
{
    d->routePendingMs = qMax(0, ms);
}

int CloudWorld::routePendingMs() const
{
    return d->routePendingMs;
}

void CloudWorld::settleRoutes()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    bool settled = false;
    for (SimRouteEntry& entry : d->account.vpc.routeTable.entries) {
        if (entry.status == QLatin1String("Pending") && entry.isAvailable(now)) {
            entry.status = QStringLiteral("Available");
            entry.modified = now;
            settled = true;
        }
    }
    if (settled)
        Q_EMIT changed();
}

QString CloudWorld::scenario() const
{
    return d->scenario;
}

QString CloudWorld::accountId() const
{
    return d->account.accountId;
}

QString CloudWorld::routeTableId() const
{
    return d->account.vpc.routeTable.routeTableId;
}

QString CloudWorld::userName() const
{
    return d->account.keys.value(d->userKeyId).userName;
}

QString CloudWorld::masterRoleName() const
{
    return d->masterRole;
}

QString CloudWorld::masterPolicyName() const
{
    return d->masterPolicy;
}

QString CloudWorld::workerRoleName() const
{
    return d->workerRole;
}

QString CloudWorld::troubleshooterRoleArn() const
{
    return QStringLiteral("acs:ram::%1:role/unstucktroubleshooterrole").arg(d->account.accountId);
}

QString CloudWorld::brokenRouteCidr() const
{
    return d->brokenCidr;
}

QString CloudWorld::brokenRouteNode() const
{
    return d->brokenNode;
}

int CloudWorld::routeReconcilePeriodMs() const
{
    return d->periodMs;
}

int CloudWorld::routeFirstSyncDelayMs() const
{
    return d->firstDelayMs;
}

SimAccessKey CloudWorld::roleSession(const QString& roleName, const QString& sessionName)
{
    SimAccessKey key;
    key.accessKeyId = QStringLiteral("STS.NT") + CloudIdentities::randomSecret(26);
    key.secret = CloudIdentities::randomSecret(44);
    key.securityToken = QStringLiteral("CAIS") + CloudIdentities::randomSecret(120);
    key.expiration = QDateTime::currentDateTimeUtc().addSecs(3600);
    key.roleName = roleName;
    key.sessionName = sessionName;
    Redactor::registerSecret(key.secret);
    Redactor::registerSecret(key.securityToken);
    // Expired sessions are dropped so long runs do not grow the key table.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    d->account.keys.removeIf([&](const auto& it) {
        return !it.value().securityToken.isEmpty() && it.value().expiration < now;
    });
    d->account.keys.insert(key.accessKeyId, key);
    return key;
}

void CloudWorld::injectFault(const SimFault& fault)
{
    d->account.faults.append(fault);
}

int CloudWorld::generation() const
{
    return d->generation;
}

CloudAccount& CloudWorld::account()
{
    return d->account;
}

const CloudAccount& CloudWorld::account() const
{
    return d->account;
}

void CloudWorld::notifyChanged()
{
    Q_EMIT changed();
}

} // namespace unstuck::sim
