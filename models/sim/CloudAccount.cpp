// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/CloudAccount.h"

#include <QCryptographicHash>

namespace unstuck::sim {

namespace {

constexpr int kMaxCalls = 2000;

} // namespace

bool SimRouteEntry::isAvailable(const QDateTime& now) const
{
    return status == QLatin1String("Available") ||
           (status == QLatin1String("Pending") && availableAt.isValid() && availableAt <= now);
}

const SimPolicyVersion* SimPolicy::version(const QString& id) const
{
    for (const SimPolicyVersion& v : versions)
        if (v.versionId == id)
            return &v;
    return nullptr;
}

const SimInstance* CloudAccount::instance(const QString& id) const
{
    for (const SimInstance& i : instances)
        if (i.instanceId == id)
            return &i;
    return nullptr;
}

SimPolicy* CloudAccount::policy(const QString& name)
{
    const auto it = policies.find(name);
    return it == policies.end() ? nullptr : &it.value();
}

QList<RamAttachedPolicy> CloudAccount::policiesInForce(const SimAccessKey& key) const
{
    // Parsed documents are cached by their text: the route controller asks every tick.
    static thread_local QHash<QString, RamPolicyDocument> cache;
    QStringList names;
    if (!key.roleName.isEmpty())
        names = roles.value(key.roleName).policies;
    else
        names = users.value(key.userName).policies;
    QList<RamAttachedPolicy> out;
    for (const QString& name : names) {
        const auto it = policies.constFind(name);
        if (it == policies.constEnd())
            continue;
        const SimPolicyVersion* version = it->version(it->defaultVersion);
        if (!version)
            continue;
        auto cached = cache.constFind(version->document);
        if (cached == cache.constEnd()) {
            QString error;
            const auto doc = RamPolicyDocument::parse(version->document.toUtf8(), &error);
            if (!doc)
                continue;
            if (cache.size() > 256)
                cache.clear();
            cached = cache.insert(version->document, *doc);
        }
        out.append(RamAttachedPolicy{it->name, it->type, it->defaultVersion, *cached});
    }
    return out;
}

QString CloudAccount::principalArn(const SimAccessKey& key) const
{
    if (!key.roleName.isEmpty())
        return QStringLiteral("acs:ram::%1:assumed-role/%2/%3")
            .arg(accountId, key.roleName, key.sessionName);
    return QStringLiteral("acs:ram::%1:user/%2").arg(accountId, key.userName);
}

QString CloudAccount::randomId(const QString& prefix, int length)
{
    // Deterministic per account (stable names across runs of a scenario), unique per call.
    const QByteArray seed = accountId.toUtf8() + prefix.toUtf8() + QByteArray::number(++m_counter);
    const QByteArray hex = QCryptographicHash::hash(seed, QCryptographicHash::Sha256).toHex();
    static const char alphabet[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    QString out = prefix;
    for (int i = 0; i < length && i < hex.size() / 2; ++i)
        out += QLatin1Char(alphabet[uchar(QByteArray::fromHex(hex.mid(i * 2, 2)).at(0)) % 36]);
    return out;
}

void CloudAccount::recordCall(const SimApiCall& call)
{
    calls.append(call);
    if (calls.size() > kMaxCalls)
        calls.remove(0, calls.size() - kMaxCalls);
}

} // namespace unstuck::sim
