// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/cloud/RamPolicyEvaluator.h"
#include "models/fixes/FixTransport.h"

#include <QObject>
#include <functional>
#include <optional>

namespace unstuck {

// Who the cloud credentials belong to and what their own RAM policies allow, read once per
// session: sts:GetCallerIdentity, then ram:ListPoliciesForUser (or ListPoliciesForRole for an
// assumed role) and ram:GetPolicy for each. RAM writes have no DryRun, so their preflight asks
// our evaluator instead; when the caller may not read its own policies the answer is
// "could not be checked", which does not block.
class CallerPermissions : public QObject
{
    Q_OBJECT
public:
    explicit CallerPermissions(FixTransport& transport, QObject* parent = nullptr);

    // Calls `ready` once the policies are read (or known unreadable).
    void whenReady(std::function<void()> ready);
    QString arn() const { return m_arn; }
    QString accountId() const { return m_accountId; }
    // Empty when the policies were read; else why not ("ram:ListPoliciesForUser: Forbidden.RAM…").
    QString problem() const { return m_problem; }
    bool isRoot() const { return m_root; }
    // The decision for `action` on `resource`; nullopt when it could not be evaluated.
    std::optional<RamEvaluation> evaluate(const QString& action, const QString& resource) const;

private:
    void start();
    void readPolicies(const QJsonArray& attached);
    void finish(const QString& problem);

    FixTransport& m_transport;
    bool m_started = false, m_done = false, m_root = false;
    QString m_arn, m_accountId, m_problem;
    QList<RamAttachedPolicy> m_policies;
    QList<std::function<void()>> m_waiting;
};

} // namespace unstuck
