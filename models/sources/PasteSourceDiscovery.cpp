// SPDX-License-Identifier: GPL-3.0-or-later
// What a paste implies about discovery and APIServices (part of PasteSource).
#include "models/sources/PasteSource.h"

#include "models/tickets/KubePath.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace unstuck {
namespace {

QJsonObject annotations(const QJsonObject& object)
{
    return object.value(QStringLiteral("metadata"))
        .toObject()
        .value(QStringLiteral("annotations"))
        .toObject();
}

QJsonObject availableCondition(const QJsonObject& apiService)
{
    const QJsonArray conditions = apiService.value(QStringLiteral("status"))
                                      .toObject()
                                      .value(QStringLiteral("conditions"))
                                      .toArray();
    for (const QJsonValue& c : conditions)
        if (c.toObject().value(QStringLiteral("type")).toString() == QLatin1String("Available"))
            return c.toObject();
    return {};
}

QString groupVersionOf(const QJsonObject& apiService)
{
    const QJsonObject spec = apiService.value(QStringLiteral("spec")).toObject();
    const QString group = spec.value(QStringLiteral("group")).toString();
    const QString version = spec.value(QStringLiteral("version")).toString();
    if (version.isEmpty())
        return {};
    return group.isEmpty() ? version : group + QLatin1Char('/') + version;
}

bool isDiscoveryPath(const QString& path)
{
    const KubePath p = KubePath::parse(path);
    return p.isDiscovery() && !p.version.isEmpty() && !p.group.isEmpty();
}

} // namespace

QList<TicketFacts::Object> PasteSource::apiServices() const
{
    QList<TicketFacts::Object> out = objectsOfKind(QStringLiteral("APIService"));
    for (TicketFacts::Object& o : out) {
        QJsonObject spec = o.object.value(QStringLiteral("spec")).toObject();
        const QJsonObject notes = annotations(o.object);
        // Known from a log line only: aggregated (the line says it proxies), Service not named.
        if (!spec.contains(QStringLiteral("service")) &&
            notes.contains(QStringLiteral("unstuck.dev/service-unknown"))) {
            spec.insert(QStringLiteral("service"),
                        QJsonObject{{QStringLiteral("namespace"), QString()},
                                    {QStringLiteral("name"), QString()}});
            o.object.insert(QStringLiteral("spec"), spec);
        }
        // Pasted without its status (cut off): its availability is not known. One known from
        // the API server's failing aggregated discovery alone is judged by that failure.
        if (availableCondition(o.object).isEmpty() &&
            !notes.contains(QStringLiteral("unstuck.dev/aggregated-discovery-failure"))) {
            QJsonObject metadata = o.object.value(QStringLiteral("metadata")).toObject();
            QJsonObject a = metadata.value(QStringLiteral("annotations")).toObject();
            a.insert(QStringLiteral("unstuck.dev/status-unknown"), QStringLiteral("true"));
            metadata.insert(QStringLiteral("annotations"), a);
            o.object.insert(QStringLiteral("metadata"), metadata);
        }
    }
    return out;
}

QStringList PasteSource::failingGroupVersions() const
{
    QStringList out;
    for (const TicketFacts::DiscoveryFailure& f : m_facts.discoveryFailures)
        if (!out.contains(f.groupVersion))
            out << f.groupVersion;
    for (const TicketFacts::Exchange& e : m_facts.exchanges)
        if (e.status >= 500 && isDiscoveryPath(e.path)) {
            const QString gv = KubePath::parse(e.path).groupVersion();
            if (!out.contains(gv))
                out << gv;
        }
    for (const TicketFacts::Object& o : apiServices()) {
        const QJsonObject available = availableCondition(o.object);
        const QString gv = groupVersionOf(o.object);
        const QString status = available.value(QStringLiteral("status")).toString();
        if ((status == QLatin1String("False") || status == QLatin1String("Unknown")) &&
            !gv.isEmpty() && gv.contains(QLatin1Char('/')) && !out.contains(gv))
            out << gv;
    }
    return out;
}

SourceAnswer PasteSource::groupListAnswer() const
{
    const QStringList failing = failingGroupVersions();
    if (failing.isEmpty())
        return missing(QStringLiteral(
            "the API group list (`kubectl api-resources` would show which groups fail)"));
    // Only the groups the paste names: enough for the probes to ask each failing version.
    QJsonArray groups;
    for (const QString& gv : failing) {
        const QString group = gv.section(QLatin1Char('/'), 0, 0);
        const QString version = gv.section(QLatin1Char('/'), 1);
        const QJsonObject v{{QStringLiteral("groupVersion"), gv},
                            {QStringLiteral("version"), version}};
        groups.append(QJsonObject{{QStringLiteral("name"), group},
                                  {QStringLiteral("versions"), QJsonArray{v}},
                                  {QStringLiteral("preferredVersion"), v}});
    }
    SourceAnswer a;
    a.status = 200;
    a.json = QJsonObject{{QStringLiteral("kind"), QStringLiteral("APIGroupList")},
                         {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                         {QStringLiteral("groups"), groups}};
    a.body = QJsonDocument(a.json).toJson(QJsonDocument::Compact);
    a.contentType = "application/json";
    a.origin = QStringLiteral("paste:") + m_inputName;
    a.at = QDateTime::currentDateTimeUtc();
    return a;
}

std::optional<SourceAnswer>
PasteSource::apiServiceDiscoveryAnswer(const QString& groupVersion) const
{
    // An unavailable APIService makes the API server answer its group version with 503
    // (kube-aggregator's proxy: "service unavailable").
    for (const TicketFacts::Object& o : apiServices()) {
        const QJsonObject available = availableCondition(o.object);
        const QString status = available.value(QStringLiteral("status")).toString();
        if (groupVersionOf(o.object) != groupVersion ||
            (status != QLatin1String("False") && status != QLatin1String("Unknown")))
            continue;
        const QString name = o.object.value(QStringLiteral("metadata"))
                                 .toObject()
                                 .value(QStringLiteral("name"))
                                 .toString();
        QString line =
            annotations(o.object).value(QStringLiteral("unstuck.dev/pasted-line")).toString();
        const QJsonObject service = o.object.value(QStringLiteral("spec"))
                                        .toObject()
                                        .value(QStringLiteral("service"))
                                        .toObject();
        const QString serviceName = service.value(QStringLiteral("name")).toString();
        if (line.isEmpty())
            line = QStringLiteral("APIService %1%2 Available=%3 %4: %5")
                       .arg(name,
                            serviceName.isEmpty()
                                ? QString()
                                : QStringLiteral(" (Service %1/%2)")
                                      .arg(service.value(QStringLiteral("namespace")).toString(),
                                           serviceName),
                            status, available.value(QStringLiteral("reason")).toString(),
                            available.value(QStringLiteral("message")).toString());
        SourceAnswer a;
        a.status = 503;
        a.error = QStringLiteral("unavailable");
        a.errorCode = QStringLiteral("ServiceUnavailable");
        a.message = QStringLiteral("the server is currently unable to handle the request");
        a.body = line.simplified().toUtf8();
        a.contentType = "text/plain";
        a.origin = QStringLiteral("paste:") + o.file;
        a.at = QDateTime::currentDateTimeUtc();
        return a;
    }
    return std::nullopt;
}

QString PasteSource::settlingCommand(const KubePath& path)
{
    const QString r = path.resource;
    if (r == QLatin1String("namespaces"))
        return path.name.isEmpty() ? QStringLiteral("`kubectl get ns -o yaml`")
                                   : QStringLiteral("`kubectl get ns %1 -o yaml`").arg(path.name);
    if (r == QLatin1String("apiservices"))
        return QStringLiteral("`kubectl get apiservices -o yaml`");
    if (r == QLatin1String("nodes"))
        return QStringLiteral("`kubectl get nodes -o yaml`");
    if (r == QLatin1String("pods") && path.subresource == QLatin1String("log"))
        return QStringLiteral("`kubectl -n %1 logs %2`").arg(path.ns, path.name);
    if (r == QLatin1String("events"))
        return QStringLiteral("`kubectl get events -A`");
    if (r.endsWith(QLatin1String("webhookconfigurations")))
        return QStringLiteral("`kubectl get %1 -o yaml`").arg(r);
    const QString what = path.name.isEmpty() ? r : r + QLatin1Char(' ') + path.name;
    return path.ns.isEmpty() ? QStringLiteral("`kubectl get %1 -o yaml`").arg(what)
                             : QStringLiteral("`kubectl -n %1 get %2 -o yaml`").arg(path.ns, what);
}

} // namespace unstuck
