// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/tickets/TicketAggregatedDiscovery.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace unstuck {

void TicketAggregatedDiscovery::implyApiService(TicketFacts* facts)
{
    const QList<Failure> found = failures(*facts);
    QSet<QString> services;
    for (const Failure& f : found)
        services.insert(f.ns + QLatin1Char('/') + f.service);
    const QStringList groupVersions = groupVersionsWithoutApiService(*facts);
    // Only an unambiguous pair says which group the Service serves.
    if (services.size() != 1 || groupVersions.size() != 1)
        return;
    const Failure& f = found.first();
    const QString gv = groupVersions.first();
    const QString group = gv.section(QLatin1Char('/'), 0, 0);
    const QString version = gv.section(QLatin1Char('/'), 1);
    const QJsonObject object{
        {QStringLiteral("apiVersion"), QStringLiteral("apiregistration.k8s.io/v1")},
        {QStringLiteral("kind"), QStringLiteral("APIService")},
        {QStringLiteral("metadata"),
         QJsonObject{
             {QStringLiteral("name"), version + QLatin1Char('.') + group},
             {QStringLiteral("annotations"),
              QJsonObject{{QStringLiteral("unstuck.dev/partial"), QStringLiteral("true")},
                          {QStringLiteral("unstuck.dev/pasted-line"), f.line},
                          {QStringLiteral("unstuck.dev/aggregated-discovery-failure"), f.line}}}}},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("group"), group},
                     {QStringLiteral("version"), version},
                     {QStringLiteral("service"), QJsonObject{{QStringLiteral("namespace"), f.ns},
                                                             {QStringLiteral("name"), f.service},
                                                             {QStringLiteral("port"), f.port}}}}}};
    facts->objects.append({object, f.file, QStringLiteral("kube-apiserver log")});
}

QList<TicketAggregatedDiscovery::Failure>
TicketAggregatedDiscovery::failures(const TicketFacts& facts)
{
    // handler_discovery.go: "DiscoveryManager: Failed to download discovery for %v: %v", the
    // Service as namespace/name:port and the backend's status and body.
    static const QRegularExpression failed(QStringLiteral(
        R"(DiscoveryManager: Failed to download discovery for ([a-z0-9.-]+)/([a-z0-9.-]+):(\d+): ([^`]*))"));
    QList<Failure> out;
    for (const TicketFacts::LogLine& log : facts.logs) {
        if (log.component != QLatin1String("kube-apiserver") ||
            !log.line.contains(QLatin1String("DiscoveryManager")))
            continue;
        if (const auto m = failed.match(log.line); m.hasMatch())
            out.append({m.captured(1), m.captured(2), log.line.trimmed(), log.file,
                        m.captured(3).toInt()});
    }
    return out;
}

QStringList TicketAggregatedDiscovery::groupVersionsWithoutApiService(const TicketFacts& facts)
{
    QSet<QString> pasted;
    for (const TicketFacts::Object& o : facts.objects) {
        if (o.object.value(QStringLiteral("kind")).toString() != QLatin1String("APIService"))
            continue;
        const QJsonObject spec = o.object.value(QStringLiteral("spec")).toObject();
        pasted.insert(spec.value(QStringLiteral("group")).toString() + QLatin1Char('/') +
                      spec.value(QStringLiteral("version")).toString());
    }
    QStringList out;
    for (const TicketFacts::DiscoveryFailure& f : facts.discoveryFailures)
        if (f.groupVersion.contains(QLatin1Char('/')) && !pasted.contains(f.groupVersion) &&
            !out.contains(f.groupVersion))
            out << f.groupVersion;
    return out;
}

} // namespace unstuck
