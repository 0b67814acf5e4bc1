// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/FaultSpec.h"

#include <QStringList>
#include <array>
#include <utility>

namespace unstuck::sim {

namespace {

using Kind = FaultRule::Kind;

constexpr std::array<std::pair<Kind, const char*>, 9> kKinds{{{Kind::Jitter, "jitter"},
                                                              {Kind::Http429, "http429"},
                                                              {Kind::Http5xx, "http5xx"},
                                                              {Kind::Reset, "reset"},
                                                              {Kind::Truncate, "truncate"},
                                                              {Kind::Drip, "drip"},
                                                              {Kind::Tls, "tls"},
                                                              {Kind::Auth, "auth"},
                                                              {Kind::Throttle, "throttle"}}};

// Jitter above a minute would only turn a fault test into a hang.
constexpr double kMaxJitterMs = 60000;

constexpr std::array<const char*, 5> kMethods{"GET", "POST", "PUT", "PATCH", "DELETE"};

} // namespace

QString FaultSpec::kindName(Kind kind)
{
    for (const auto& [k, name] : kKinds)
        if (k == kind)
            return QString::fromLatin1(name);
    return {};
}

QStringList FaultSpec::kindNames()
{
    QStringList names;
    for (const auto& entry : kKinds)
        names << QString::fromLatin1(entry.second);
    return names;
}

std::optional<FaultSpec> FaultSpec::parse(const QString& text, QString* error)
{
    FaultSpec spec;
    for (const QString& raw : text.split(QLatin1Char(','))) {
        const QString part = raw.trimmed();
        if (part.isEmpty()) {
            if (error)
                *error = QStringLiteral("--faults \"%1\": empty entry (two commas, or a comma at "
                                        "an end)")
                             .arg(text);
            return std::nullopt;
        }
        const std::optional<FaultRule> rule = parseRule(part, error);
        if (!rule)
            return std::nullopt;
        spec.m_rules << *rule;
    }
    return spec;
}

std::optional<FaultRule> FaultSpec::parseRule(const QString& part, QString* error)
{
    auto fail = [&](const QString& why) {
        if (error)
            *error = QStringLiteral("--faults: \"%1\": %2").arg(part, why);
        return std::nullopt;
    };
    const qsizetype eq = part.indexOf(QLatin1Char('='));
    if (eq <= 0)
        return fail(QStringLiteral("expected KIND=VALUE[@SCOPE]"));
    FaultRule rule;
    const QString kind = part.left(eq).trimmed().toLower();
    bool known = false;
    for (const auto& [k, name] : kKinds) {
        if (kind == QLatin1String(name)) {
            rule.kind = k;
            known = true;
        }
    }
    if (!known)
        return fail(QStringLiteral("unknown kind \"%1\"; kinds: %2")
                        .arg(kind, kindNames().join(QStringLiteral(", "))));
    QString value = part.mid(eq + 1);
    const qsizetype at = value.indexOf(QLatin1Char('@'));
    if (at >= 0) {
        QString why;
        if (!parseScope(value.mid(at + 1).trimmed(), &rule, &why))
            return fail(why);
        value = value.left(at);
    }
    bool ok = false;
    rule.value = value.trimmed().toDouble(&ok);
    if (rule.kind == Kind::Jitter) {
        if (!ok || rule.value < 0 || rule.value > kMaxJitterMs)
            return fail(QStringLiteral("jitter is a number of milliseconds, 0–60000"));
    } else if (!ok || rule.value < 0 || rule.value > 1) {
        return fail(QStringLiteral("a rate is a fraction of requests, 0–1"));
    }
    return rule;
}

bool FaultSpec::parseScope(const QString& text, FaultRule* rule, QString* why)
{
    QString scope = text;
    for (const char* method : kMethods) {
        const QLatin1String name(method);
        if (scope == name || scope.startsWith(name + QLatin1Char(':'))) {
            rule->method = name;
            scope = scope.mid(name.size() + 1).trimmed();
            break;
        }
    }
    if (scope.isEmpty() && rule->method.isEmpty()) {
        *why = QStringLiteral("empty scope after @ (a /path prefix, a cloud Action, kube, cloud "
                              "or an HTTP method: PATCH, PATCH:/path …)");
        return false;
    }
    if (!rule->method.isEmpty() && rule->kind == FaultRule::Kind::Tls) {
        *why = QStringLiteral("tls fails the handshake, before any request has a method");
        return false;
    }
    rule->scope = scope;
    return true;
}

} // namespace unstuck::sim
