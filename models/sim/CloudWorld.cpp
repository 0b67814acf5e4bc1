// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/CloudWorld.h"

#include "models/common/Redactor.h"
#include "models/sim/KubeStore.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QRandomGenerator>

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

QString policyText(const QJsonArray& statements)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("Version"), QStringLiteral("1")},
                                  {QStringLiteral("Statement"), statements}})
            .toJson(QJsonDocument::Indented));
}

QJsonObject statement(const QString& effect, const QStringList& actions,
                      const QJsonArray& resources = {QStringLiteral("*")})
{
    return QJsonObject{{QStringLiteral("Effect"), effect},
                       {QStringLiteral("Action"), QJsonArray::fromStringList(actions)},
                       {QStringLiteral("Resource"), resources}};
}

// The CCM sample master policy (docs/examples/master.policy), vpc statement second.
QString masterPolicy(const QString& vpcEffect)
{
    return policyText(QJsonArray{
        statement(QStringLiteral("Allow"),
                  {QStringLiteral("ecs:Describe*"), QStringLiteral("ecs:AttachDisk"),
                   QStringLiteral("ecs:CreateDisk"), QStringLiteral("ecs:DetachDisk"),
                   QStringLiteral("ecs:CreateRouteEntry"), QStringLiteral("ecs:DeleteRouteEntry")}),
        statement(vpcEffect,
                  {QStringLiteral("vpc:Describe*"), QStringLiteral("vpc:DeleteRouteEntry"),
                   QStringLiteral("vpc:CreateRouteEntry")}),
        statement(QStringLiteral("Allow"), {QStringLiteral("slb:*")}),
    });
}

QString workerPolicy()
{
    return policyText(QJsonArray{statement(
        QStringLiteral("Allow"),
        {QStringLiteral("ecs:DescribeInstanceAttribute"), QStringLiteral("ecs:DescribeInstances"),
         QStringLiteral("log:*"), QStringLiteral("cr:Get*"), QStringLiteral("cr:List*")})});
}

// What the app's user may do: read everything it diagnoses, plus what the fixes change.
QString operatorPolicy(const QString& accountId)
{
    return policyText(QJsonArray{
        statement(QStringLiteral("Allow"),
                  {QStringLiteral("vpc:Describe*"), QStringLiteral("ecs:Describe*"),
                   QStringLiteral("ram:Get*"), QStringLiteral("ram:List*"),
                   QStringLiteral("ram:DecodeDiagnosticMessage"),
                   QStringLiteral("sts:GetCallerIdentity")}),
        statement(QStringLiteral("Allow"),
                  {QStringLiteral("ram:CreatePolicyVersion"),
                   QStringLiteral("ram:SetDefaultPolicyVersion"),
                   QStringLiteral("ram:DeletePolicyVersion")},
                  {QStringLiteral("acs:ram:*:%1:policy/*").arg(accountId)}),
        statement(QStringLiteral("Allow"),
                  {QStringLiteral("vpc:CreateRouteEntry"), QStringLiteral("vpc:DeleteRouteEntry")}),
        statement(QStringLiteral("Allow"), {QStringLiteral("sts:AssumeRole")},
                  {QStringLiteral("acs:ram:*:%1:role/unstucktroubleshooterrole").arg(accountId)}),
    });
}

QString trustPolicy(const QJsonObject& principal)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("Version"), QStringLiteral("1")},
                                  {QStringLiteral("Statement"),
                                   QJsonArray{QJsonObject{
                                       {QStringLiteral("Action"), QStringLiteral("sts:AssumeRole")},
                                       {QStringLiteral("Effect"), QStringLiteral("Allow")},
                                       {QStringLiteral("Principal"), principal}}}}})
            .toJson(QJsonDocument::Compact));
}

QString randomSecret(int length)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString out;
    for (int i = 0; i < length; ++i)
        out += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(62)]);
    return out;
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

QString uuidLike(CloudAccount& account)
{
    const QString hex = account.randomId(QString(), 32);
    QString out;
    for (QChar c : hex)
        out += QLatin1Char("0123456789abcdef"[c.unicode() % 16]);
    return out.left(8) + QLatin1Char('-') + out.mid(8, 4) + QLatin1Char('-') + out.mid(12, 4) +
           QLatin1Char('-') + out.mid(16, 4) + QLatin1Char('-') + out.mid(20, 12);
}

} // namespace

struct CloudWorld::Private
{
    CloudAccount account;
    QString scenario;
    QString userKeyId;
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
    p = Private{};
    p.generation = generation;
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
    const QString clusterUuid = uuidLike(a);
    p.masterRole = QStringLiteral("KubernetesMasterRole-") + clusterUuid;
    p.masterPolicy =
        QStringLiteral("k8sMasterRolePolicy-") + clusterUuid.left(18).remove(QLatin1Char('-'));
    p.workerRole = QStringLiteral("KubernetesWorkerRole-") + clusterUuid;
    const QString workerPolicyName =
        QStringLiteral("k8sWorkerRolePolicy-") + clusterUuid.left(18).remove(QLatin1Char('-'));
    const bool seedLike =
        scenario == QLatin1String("seed") || scenario == QLatin1String("no-cloud-credentials");

    SimPolicy master{
        p.masterPolicy,
        QStringLiteral("Custom"),
        QStringLiteral("Policy of the Kubernetes master role (route controller, disks, SLB)"),
        QStringLiteral("v1"),
        {SimPolicyVersion{QStringLiteral("v1"), masterPolicy(QStringLiteral("Allow")), created}},
        created,
        created};
    if (seedLike) {
        // Someone edited the policy: the version in force denies every vpc action.
        const QDateTime edited = QDateTime::currentDateTimeUtc().addSecs(-3 * 3600);
        master.versions.append(
            SimPolicyVersion{QStringLiteral("v2"), masterPolicy(QStringLiteral("Deny")), edited});
        master.defaultVersion = QStringLiteral("v2");
        master.updated = edited;
    }
    a.policies.insert(master.name, master);
    a.policies.insert(workerPolicyName,
                      SimPolicy{workerPolicyName,
                                QStringLiteral("Custom"),
                                QStringLiteral("Policy of the Kubernetes worker role"),
                                QStringLiteral("v1"),
                                {SimPolicyVersion{QStringLiteral("v1"), workerPolicy(), created}},
                                created,
                                created});
    const QString operatorPolicyName = QStringLiteral("UnstuckOperatorPolicy");
    a.policies.insert(
        operatorPolicyName,
        SimPolicy{operatorPolicyName,
                  QStringLiteral("Custom"),
                  QStringLiteral(
                      "Read the cluster's cloud resources, fix routes and the master role policy"),
                  QStringLiteral("v1"),
                  {SimPolicyVersion{QStringLiteral("v1"), operatorPolicy(a.accountId), created}},
                  created,
                  created});

    const QJsonObject ecsService{
        {QStringLiteral("Service"), QJsonArray{QStringLiteral("ecs.aliyuncs.com")}}};
    a.roles.insert(p.masterRole, SimRole{p.masterRole,
                                         QStringLiteral("3%1").arg(a.accountId.left(17)),
                                         QStringLiteral("Kubernetes master role"),
                                         trustPolicy(ecsService),
                                         {p.masterPolicy},
                                         created});
    a.roles.insert(p.workerRole,
                   SimRole{p.workerRole,
                           QStringLiteral("3%1").arg(a.accountId.right(15) + QStringLiteral("77")),
                           QStringLiteral("Kubernetes worker role"),
                           trustPolicy(ecsService),
                           {workerPolicyName},
                           created});
    const QJsonObject accountPrincipal{
        {QStringLiteral("RAM"), QJsonArray{QStringLiteral("acs:ram::%1:root").arg(a.accountId)}}};
    a.roles.insert(QStringLiteral("UnstuckTroubleshooterRole"),
                   SimRole{QStringLiteral("UnstuckTroubleshooterRole"),
                           QStringLiteral("3%1").arg(a.accountId.right(15) + QStringLiteral("99")),
                           QStringLiteral("Assumed by people diagnosing the cluster"),
                           trustPolicy(accountPrincipal),
                           {operatorPolicyName},
                           created});
    a.users.insert(QStringLiteral("unstuck-operator"),
                   SimUser{QStringLiteral("unstuck-operator"),
                           QStringLiteral("2%1").arg(a.accountId.left(15)),
                           {operatorPolicyName}});
    p.userKeyId = QStringLiteral("LTAI5t") +
                  a.randomId(QString(), 18).toUpper().replace(QLatin1Char('0'), QLatin1Char('Q'));
    SimAccessKey key;
    key.accessKeyId = p.userKeyId;
    key.secret = randomSecret(30);
    key.userName = QStringLiteral("unstuck-operator");
    Redactor::registerSecret(key.secret);
    a.keys.insert(key.accessKeyId, key);

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
    for (const SimRouteEntry& entry : d->account.vpc.routeTable.entries) {
        if (entry.status != QLatin1String("Available"))
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
    key.accessKeyId = QStringLiteral("STS.NT") + randomSecret(26);
    key.secret = randomSecret(44);
    key.securityToken = QStringLiteral("CAIS") + randomSecret(120);
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
