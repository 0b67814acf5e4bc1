// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/CloudIdentities.h"

#include "models/common/Redactor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace unstuck::sim {

namespace {

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

// What the read-only user may do: read everything a diagnosis reads, change nothing.
QString readOnlyPolicy()
{
    return policyText(QJsonArray{statement(
        QStringLiteral("Allow"),
        {QStringLiteral("vpc:Describe*"), QStringLiteral("ecs:Describe*"),
         QStringLiteral("ram:Get*"), QStringLiteral("ram:List*"),
         QStringLiteral("ram:DecodeDiagnosticMessage"), QStringLiteral("sts:GetCallerIdentity")})});
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

// An AccessKey pair for a user, registered with the Redactor.
QString addKey(CloudAccount& a, const QString& userName)
{
    SimAccessKey key;
    key.accessKeyId =
        QStringLiteral("LTAI5t") +
        a.randomId(QString(), 18).toUpper().replace(QLatin1Char('0'), QLatin1Char('Q'));
    key.secret = CloudIdentities::randomSecret(30);
    key.userName = userName;
    Redactor::registerSecret(key.secret);
    a.keys.insert(key.accessKeyId, key);
    return key.accessKeyId;
}

SimPolicy customPolicy(const QString& name, const QString& description, const QString& document,
                       const QDateTime& created)
{
    return SimPolicy{name,
                     QStringLiteral("Custom"),
                     description,
                     QStringLiteral("v1"),
                     {SimPolicyVersion{QStringLiteral("v1"), document, created}},
                     created,
                     created};
}

} // namespace

QString CloudIdentities::randomSecret(int length)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString out;
    for (int i = 0; i < length; ++i)
        out += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(62)]);
    return out;
}

QString CloudIdentities::operatorUserName()
{
    return QStringLiteral("unstuck-operator");
}

QString CloudIdentities::readOnlyUserName()
{
    return QStringLiteral("unstuck-read-only");
}

CloudIdentities::Names CloudIdentities::addRoles(CloudAccount& a, bool seedLike,
                                                 const QDateTime& created)
{
    Names p;
    const QString clusterUuid = uuidLike(a);
    p.masterRole = QStringLiteral("KubernetesMasterRole-") + clusterUuid;
    p.masterPolicy =
        QStringLiteral("k8sMasterRolePolicy-") + clusterUuid.left(18).remove(QLatin1Char('-'));
    p.workerRole = QStringLiteral("KubernetesWorkerRole-") + clusterUuid;
    const QString workerPolicyName =
        QStringLiteral("k8sWorkerRolePolicy-") + clusterUuid.left(18).remove(QLatin1Char('-'));
    SimPolicy master = customPolicy(
        p.masterPolicy,
        QStringLiteral("Policy of the Kubernetes master role (route controller, disks, SLB)"),
        masterPolicy(QStringLiteral("Allow")), created);
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
                      customPolicy(workerPolicyName,
                                   QStringLiteral("Policy of the Kubernetes worker role"),
                                   workerPolicy(), created));
    const QString operatorPolicyName = QStringLiteral("UnstuckOperatorPolicy");
    a.policies.insert(operatorPolicyName,
                      customPolicy(operatorPolicyName,
                                   QStringLiteral("Read the cluster's cloud resources, fix routes "
                                                  "and the master role policy"),
                                   operatorPolicy(a.accountId), created));

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
    a.users.insert(operatorUserName(), SimUser{operatorUserName(),
                                               QStringLiteral("2%1").arg(a.accountId.left(15)),
                                               {operatorPolicyName}});
    p.operatorKeyId = addKey(a, operatorUserName());
    return p;
}

QString CloudIdentities::addReadOnlyUser(CloudAccount& a, const QDateTime& created)
{
    const QString policyName = QStringLiteral("UnstuckReadOnlyPolicy");
    a.policies.insert(
        policyName,
        customPolicy(policyName, QStringLiteral("Read the cluster's cloud resources, change none"),
                     readOnlyPolicy(), created));
    a.users.insert(readOnlyUserName(), SimUser{readOnlyUserName(),
                                               QStringLiteral("2%1").arg(a.accountId.right(15)),
                                               {policyName}});
    return addKey(a, readOnlyUserName());
}

} // namespace unstuck::sim
