// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/fixes/CallerPermissions.h"

#include <QJsonArray>
#include <QTimer>

namespace unstuck {

using namespace Qt::StringLiterals;

namespace {
const QString kSession = u"preflight"_s;
}

CallerPermissions::CallerPermissions(FixTransport& transport, QObject* parent)
    : QObject(parent), m_transport(transport)
{}

void CallerPermissions::whenReady(std::function<void()> ready)
{
    if (m_done) {
        QTimer::singleShot(0, this, ready);
        return;
    }
    m_waiting.append(std::move(ready));
    if (!m_started)
        start();
}

void CallerPermissions::finish(const QString& problem)
{
    m_problem = problem;
    m_done = true;
    for (const auto& ready : std::exchange(m_waiting, {}))
        ready();
}

void CallerPermissions::start()
{
    m_started = true;
    if (!m_transport.hasCloud())
        return finish(m_transport.cloudUnavailableReason());
    m_transport.send(
        FixRequest::cloud(u"sts"_s, u"GetCallerIdentity"_s), kSession, this,
        [this](const FixResponse& who) {
            if (!who.ok())
                return finish(u"sts:GetCallerIdentity: "_s + who.summary());
            m_arn = who.json.value(u"Arn"_s).toString();
            m_accountId = who.json.value(u"AccountId"_s).toString();
            const QString type = who.json.value(u"IdentityType"_s).toString();
            if (type == u"Account"_s) {
                m_root = true; // the account itself: RAM policies do not restrict it
                return finish({});
            }
            const bool role = m_arn.contains(u":assumed-role/"_s);
            const QString name = role ? m_arn.section(u":assumed-role/"_s, 1).section(u'/', 0, 0)
                                      : m_arn.section(u":user/"_s, 1);
            const QString action = role ? u"ListPoliciesForRole"_s : u"ListPoliciesForUser"_s;
            m_transport.send(
                FixRequest::cloud(u"ram"_s, action, {{role ? u"RoleName"_s : u"UserName"_s, name}}),
                kSession, this, [this, action](const FixResponse& list) {
                    if (!list.ok())
                        return finish(u"ram:%1: %2"_s.arg(action, list.summary()));
                    readPolicies(
                        list.json.value(u"Policies"_s).toObject().value(u"Policy"_s).toArray());
                });
        });
}

void CallerPermissions::readPolicies(const QJsonArray& attached)
{
    QList<FixRequest> reads;
    QStringList names, types;
    for (const QJsonValue& v : attached) {
        names << v.toObject().value(u"PolicyName"_s).toString();
        types << v.toObject().value(u"PolicyType"_s).toString();
        reads << FixRequest::cloud(
            u"ram"_s, u"GetPolicy"_s,
            {{u"PolicyName"_s, names.last()}, {u"PolicyType"_s, types.last()}});
    }
    m_transport.sendAll(reads, kSession, this, [this, names, types](const QList<FixResponse>& all) {
        for (qsizetype i = 0; i < all.size(); ++i) {
            if (!all.at(i).ok())
                return finish(u"ram:GetPolicy %1: %2"_s.arg(names.at(i), all.at(i).summary()));
            QString error;
            const auto policy =
                RamAttachedPolicy::fromApi(names.at(i), types.at(i), all.at(i).json, &error);
            if (!policy)
                return finish(u"policy %1: %2"_s.arg(names.at(i), error));
            m_policies.append(*policy);
        }
        finish({});
    });
}

std::optional<RamEvaluation> CallerPermissions::evaluate(const QString& action,
                                                         const QString& resource) const
{
    if (!m_problem.isEmpty() || !m_done)
        return std::nullopt;
    if (m_root) {
        RamEvaluation e;
        e.decision = RamEvaluation::Decision::Allowed;
        e.action = action;
        return e;
    }
    return RamPolicyEvaluator::evaluate(m_policies, action, resource);
}

} // namespace unstuck
