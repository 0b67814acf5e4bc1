// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <optional>

namespace unstuck::sim {

// One entry of `unstuck-sim --faults`: KIND=VALUE, optionally @SCOPE.
struct FaultRule
{
    enum class Kind { Jitter, Http429, Http5xx, Reset, Truncate, Drip, Tls, Auth, Throttle };
    Kind kind = Kind::Jitter;
    // Jitter: the most extra latency in ms; every other kind: the fraction of requests (0–1).
    double value = 0;
    // "" = every request; "kube" / "cloud" = every request to that port; "/…" = Kubernetes
    // paths with this prefix; otherwise a cloud Action.
    QString scope;
    // Only requests with this HTTP method ("PATCH"; empty = any), written METHOD or METHOD:SCOPE
    // after the @, so a fault can strike a fix's writes and spare the reads around them.
    QString method;

    bool isPathScope() const { return scope.startsWith(QLatin1Char('/')); }
    bool isPortScope() const
    {
        return scope == QLatin1String("kube") || scope == QLatin1String("cloud");
    }
    bool isActionScope() const { return !scope.isEmpty() && !isPathScope() && !isPortScope(); }
    // Whether the scope sends the kind to the Kubernetes port only (path or "kube").
    bool isKubeScope() const { return isPathScope() || scope == QLatin1String("kube"); }
};

// The parsed `--faults` SPEC: a comma-separated list of KIND=VALUE[@SCOPE], e.g.
// "jitter=300,http429=0.2,reset=0.05@/apis/metrics.k8s.io,throttle=1@DescribeRouteEntryList",
// "http5xx=1@PATCH:/apis/apiregistration.k8s.io".
class FaultSpec
{
public:
    // nullopt and a message naming the bad part ("http429=2: a rate is a fraction 0–1").
    static std::optional<FaultSpec> parse(const QString& text, QString* error);
    static QString kindName(FaultRule::Kind kind);
    static QStringList kindNames();

    const QList<FaultRule>& rules() const { return m_rules; }
    bool isEmpty() const { return m_rules.isEmpty(); }

private:
    static std::optional<FaultRule> parseRule(const QString& part, QString* error);
    // Splits "PATCH:/apis/…" or "DELETE" into rule.method and rule.scope.
    static bool parseScope(const QString& text, FaultRule* rule, QString* why);

    QList<FaultRule> m_rules;
};

} // namespace unstuck::sim
