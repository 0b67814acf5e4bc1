// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/cloud/RamPolicy.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace unstuck::sim {

// The simulated Alibaba Cloud account's state, shared by CloudWorld (which builds it),
// CloudApi (which serves it) and RouteControllerSim (which acts on it through CloudApi).

struct SimRouteEntry
{
    QString routeEntryId; // "rte-…"
    QString destinationCidrBlock;
    QString type = QStringLiteral("Custom");          // "Custom" | "System"
    QString nextHopType = QStringLiteral("Instance"); // "Instance" | "local" | ...
    QString nextHopId;                                // "i-…" (empty for system routes)
    QString name;
    QString description;
    QString status = QStringLiteral("Available"); // "Pending" right after CreateRouteEntry
    QDateTime modified;
    QDateTime availableAt; // when a Pending entry turns Available

    bool isAvailable(const QDateTime& now) const;
};

struct SimRouteTable
{
    QString routeTableId; // "vtb-…"
    QString vRouterId;    // "vrt-…"
    QString name;
    QString type = QStringLiteral("System");
    QList<SimRouteEntry> entries;
};

struct SimVpc
{
    QString vpcId;
    QString name;
    QString cidrBlock = QStringLiteral("192.168.0.0/16");
    QString vSwitchId;
    QString vSwitchCidr = QStringLiteral("192.168.0.0/24");
    QString zoneId;
    QDateTime created;
    SimRouteTable routeTable;
};

struct SimInstance
{
    QString instanceId;
    QString instanceName;
    QString hostName;
    QString privateIp;
    QString zoneId;
    QString instanceType = QStringLiteral("ecs.g6.xlarge");
    QString ramRoleName;
    QDateTime created;
};

struct SimPolicyVersion
{
    QString versionId; // "v1"
    QString document;  // JSON text, as RAM stores it
    QDateTime created;
};

struct SimPolicy
{
    QString name;
    QString type = QStringLiteral("Custom");
    QString description;
    QString defaultVersion;
    QList<SimPolicyVersion> versions;
    QDateTime created;
    QDateTime updated;

    const SimPolicyVersion* version(const QString& id) const;
};

struct SimRole
{
    QString name;
    QString roleId;
    QString description;
    QString trustPolicy;
    QStringList policies; // attached policy names
    QDateTime created;
};

struct SimUser
{
    QString name;
    QString userId;
    QStringList policies;
};

// An AccessKey pair: a user's long-term key or an STS session key ("STS.…").
struct SimAccessKey
{
    QString accessKeyId;
    QString secret;
    QString securityToken; // STS only
    QDateTime expiration;  // STS only
    QString userName;      // the user it belongs to, or
    QString roleName;      // the role an STS session assumed
    QString sessionName;
};

// Injected failures (tests): the next `remaining` calls of action answer code/status.
struct SimFault
{
    QString action; // "" = any action
    QString code;
    int httpStatus = 400;
    QString message;
    int remaining = 1;
};

// A write made with a ClientToken: its parameters and the answer a retry gets again.
struct SimIdempotentCall
{
    QString fingerprint;
    QJsonObject body;
};

struct SimApiCall
{
    QString action;
    QString caller; // "user/unstuck-operator" or "assumed-role/KubernetesMasterRole-…/…"
    QString code;   // "" on success
    int httpStatus = 200;
};

class CloudAccount
{
public:
    QString accountId;
    QString regionId;
    SimVpc vpc;
    QList<SimInstance> instances;
    QMap<QString, SimPolicy> policies; // by name
    QMap<QString, SimRole> roles;      // by name
    QMap<QString, SimUser> users;      // by name
    QHash<QString, SimAccessKey> keys; // by AccessKeyId
    QList<SimFault> faults;
    QList<SimApiCall> calls; // most recent last (bounded)
    QHash<QString, qint64> usedNonces;
    QHash<QString, SimIdempotentCall> idempotentCalls; // by "caller/action/ClientToken"

    const SimInstance* instance(const QString& id) const;
    SimPolicy* policy(const QString& name);
    // The policy versions in force for a principal (its attached policies' default versions),
    // parsed for the evaluator. Unparseable stored documents are skipped.
    QList<RamAttachedPolicy> policiesInForce(const SimAccessKey& key) const;
    QString principalArn(const SimAccessKey& key) const;
    QString randomId(const QString& prefix, int length = 22);
    void recordCall(const SimApiCall& call);

private:
    quint32 m_counter = 0;
};

} // namespace unstuck::sim
