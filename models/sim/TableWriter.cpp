// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/TableWriter.h"

#include <QJsonArray>
#include <QStringList>

namespace unstuck::sim {

namespace {

struct Column
{
    const char* name;
    const char* type;
    int priority;
    const char* format = "";
};

QJsonValue field(const QJsonObject& o, const char* path)
{
    QJsonValue v(o);
    for (const QString& part : QString::fromLatin1(path).split(QLatin1Char('.')))
        v = v.toObject().value(part);
    return v;
}

QString str(const QJsonObject& o, const char* path)
{
    return field(o, path).toString();
}

QString orNone(const QString& s)
{
    return s.isEmpty() ? QStringLiteral("<none>") : s;
}

QJsonObject condition(const QJsonObject& o, const QString& type)
{
    for (const QJsonValue& c : field(o, "status.conditions").toArray())
        if (c.toObject().value(QLatin1String("type")).toString() == type)
            return c.toObject();
    return {};
}

QString servicePorts(const QJsonObject& svc)
{
    QStringList parts;
    for (const QJsonValue& p : field(svc, "spec.ports").toArray()) {
        const QJsonObject port = p.toObject();
        QString s = QString::number(port.value(QLatin1String("port")).toInt());
        if (port.contains(QLatin1String("nodePort")))
            s += QLatin1Char(':') + QString::number(port.value(QLatin1String("nodePort")).toInt());
        s += QLatin1Char('/') +
             port.value(QLatin1String("protocol")).toString(QStringLiteral("TCP"));
        parts << s;
    }
    return parts.isEmpty() ? QStringLiteral("<none>") : parts.join(QLatin1Char(','));
}

QString endpointsSummary(const QJsonObject& ep)
{
    QStringList parts;
    for (const QJsonValue& s : ep.value(QLatin1String("subsets")).toArray()) {
        const QJsonObject subset = s.toObject();
        for (const QJsonValue& a : subset.value(QLatin1String("addresses")).toArray())
            for (const QJsonValue& p : subset.value(QLatin1String("ports")).toArray())
                parts << a.toObject().value(QLatin1String("ip")).toString() + QLatin1Char(':') +
                             QString::number(p.toObject().value(QLatin1String("port")).toInt());
    }
    if (parts.isEmpty())
        return QStringLiteral("<none>");
    if (parts.size() > 3)
        return parts.mid(0, 3).join(QLatin1Char(',')) +
               QStringLiteral(" + %1 more...").arg(parts.size() - 3);
    return parts.join(QLatin1Char(','));
}

QJsonArray cellsFor(const QString& kind, const QJsonObject& o, const QDateTime& now)
{
    const QString name = str(o, "metadata.name");
    const QString age = TableWriter::age(o, now);
    if (kind == QLatin1String("Namespace"))
        return {name, str(o, "status.phase"), age};
    if (kind == QLatin1String("Node")) {
        const QJsonObject ready = condition(o, QStringLiteral("Ready"));
        QString status = ready.value(QLatin1String("status")).toString() == QLatin1String("True")
                             ? QStringLiteral("Ready")
                             : QStringLiteral("NotReady");
        if (field(o, "spec.unschedulable").toBool())
            status += QStringLiteral(",SchedulingDisabled");
        QStringList roles;
        const QJsonObject labels = field(o, "metadata.labels").toObject();
        for (auto it = labels.begin(); it != labels.end(); ++it)
            if (it.key().startsWith(QLatin1String("node-role.kubernetes.io/")))
                roles << it.key().mid(24);
        QString internal;
        for (const QJsonValue& a : field(o, "status.addresses").toArray())
            if (a.toObject().value(QLatin1String("type")).toString() == QLatin1String("InternalIP"))
                internal = a.toObject().value(QLatin1String("address")).toString();
        return {name,
                status,
                orNone(roles.join(QLatin1Char(','))),
                age,
                str(o, "status.nodeInfo.kubeletVersion"),
                orNone(internal),
                QStringLiteral("<none>"),
                str(o, "status.nodeInfo.osImage"),
                str(o, "status.nodeInfo.kernelVersion"),
                str(o, "status.nodeInfo.containerRuntimeVersion")};
    }
    if (kind == QLatin1String("Pod")) {
        const QJsonArray statuses = field(o, "status.containerStatuses").toArray();
        int ready = 0;
        int restarts = 0;
        QString reason = str(o, "status.phase");
        for (const QJsonValue& s : statuses) {
            const QJsonObject cs = s.toObject();
            ready += cs.value(QLatin1String("ready")).toBool() ? 1 : 0;
            restarts += cs.value(QLatin1String("restartCount")).toInt();
            const QString waiting = cs.value(QLatin1String("state"))
                                        .toObject()
                                        .value(QLatin1String("waiting"))
                                        .toObject()
                                        .value(QLatin1String("reason"))
                                        .toString();
            if (!waiting.isEmpty())
                reason = waiting;
        }
        if (!str(o, "metadata.deletionTimestamp").isEmpty())
            reason = QStringLiteral("Terminating");
        const int total = qMax(statuses.size(), field(o, "spec.containers").toArray().size());
        return {name,
                QStringLiteral("%1/%2").arg(ready).arg(total),
                reason,
                restarts,
                age,
                orNone(str(o, "status.podIP")),
                orNone(str(o, "spec.nodeName")),
                QStringLiteral("<none>"),
                QStringLiteral("<none>")};
    }
    if (kind == QLatin1String("Service")) {
        QStringList selector;
        const QJsonObject sel = field(o, "spec.selector").toObject();
        for (auto it = sel.begin(); it != sel.end(); ++it)
            selector << it.key() + QLatin1Char('=') + it.value().toString();
        return {name,
                str(o, "spec.type"),
                orNone(str(o, "spec.clusterIP")),
                QStringLiteral("<none>"),
                servicePorts(o),
                age,
                orNone(selector.join(QLatin1Char(',')))};
    }
    if (kind == QLatin1String("Endpoints"))
        return {name, endpointsSummary(o), age};
    if (kind == QLatin1String("EndpointSlice")) {
        QStringList ports;
        for (const QJsonValue& p : o.value(QLatin1String("ports")).toArray())
            ports << QString::number(p.toObject().value(QLatin1String("port")).toInt());
        QStringList addresses;
        for (const QJsonValue& e : o.value(QLatin1String("endpoints")).toArray())
            for (const QJsonValue& a : e.toObject().value(QLatin1String("addresses")).toArray())
                addresses << a.toString();
        return {name, str(o, "addressType"),
                ports.isEmpty() ? QStringLiteral("<unset>") : ports.join(QLatin1Char(',')),
                addresses.isEmpty() ? QStringLiteral("<unset>") : addresses.join(QLatin1Char(',')),
                age};
    }
    if (kind == QLatin1String("Event")) {
        const QString last = o.value(QLatin1String("lastTimestamp")).toString();
        const QDateTime when = QDateTime::fromString(last, Qt::ISODate);
        const QString lastSeen = when.isValid() ? TableWriter::humanDuration(when.secsTo(now))
                                                : QStringLiteral("<unknown>");
        const QString object = str(o, "involvedObject.kind").toLower() + QLatin1Char('/') +
                               str(o, "involvedObject.name");
        return {lastSeen, str(o, "type"), str(o, "reason"), object,
                o.value(QLatin1String("message")).toString()};
    }
    if (kind == QLatin1String("Deployment") || kind == QLatin1String("ReplicaSet")) {
        const int replicas = field(o, "spec.replicas").toInt(1);
        const int ready = field(o, "status.readyReplicas").toInt();
        if (kind == QLatin1String("ReplicaSet"))
            return {name, replicas, field(o, "status.replicas").toInt(), ready, age};
        return {name, QStringLiteral("%1/%2").arg(ready).arg(replicas),
                field(o, "status.updatedReplicas").toInt(),
                field(o, "status.availableReplicas").toInt(), age};
    }
    if (kind == QLatin1String("APIService")) {
        const QJsonObject svc = field(o, "spec.service").toObject();
        const QString service = svc.isEmpty() ? QStringLiteral("Local")
                                              : svc.value(QLatin1String("namespace")).toString() +
                                                    QLatin1Char('/') +
                                                    svc.value(QLatin1String("name")).toString();
        const QJsonObject available = condition(o, QStringLiteral("Available"));
        QString status =
            available.value(QLatin1String("status")).toString(QStringLiteral("Unknown"));
        const QString reason = available.value(QLatin1String("reason")).toString();
        if (status != QLatin1String("True") && !reason.isEmpty())
            status = QStringLiteral("%1 (%2)").arg(status, reason);
        return {name, service, status, age};
    }
    if (kind == QLatin1String("ConfigMap"))
        return {name, o.value(QLatin1String("data")).toObject().size(), age};
    if (kind == QLatin1String("CustomResourceDefinition"))
        return {name, str(o, "metadata.creationTimestamp")};
    if (kind == QLatin1String("ValidatingWebhookConfiguration") ||
        kind == QLatin1String("MutatingWebhookConfiguration"))
        return {name, o.value(QLatin1String("webhooks")).toArray().size(), age};
    return {name, age};
}

QList<Column> columnsFor(const QString& kind)
{
    if (kind == QLatin1String("Namespace"))
        return {{"Name", "string", 0, "name"}, {"Status", "string", 0}, {"Age", "string", 0}};
    if (kind == QLatin1String("Node"))
        return {{"Name", "string", 0, "name"},   {"Status", "string", 0},
                {"Roles", "string", 0},          {"Age", "string", 0},
                {"Version", "string", 0},        {"Internal-IP", "string", 1},
                {"External-IP", "string", 1},    {"OS-Image", "string", 1},
                {"Kernel-Version", "string", 1}, {"Container-Runtime", "string", 1}};
    if (kind == QLatin1String("Pod"))
        return {{"Name", "string", 0, "name"},
                {"Ready", "string", 0},
                {"Status", "string", 0},
                {"Restarts", "string", 0},
                {"Age", "string", 0},
                {"IP", "string", 1},
                {"Node", "string", 1},
                {"Nominated Node", "string", 1},
                {"Readiness Gates", "string", 1}};
    if (kind == QLatin1String("Service"))
        return {{"Name", "string", 0, "name"}, {"Type", "string", 0},
                {"Cluster-IP", "string", 0},   {"External-IP", "string", 0},
                {"Port(s)", "string", 0},      {"Age", "string", 0},
                {"Selector", "string", 1}};
    if (kind == QLatin1String("Endpoints"))
        return {{"Name", "string", 0, "name"}, {"Endpoints", "string", 0}, {"Age", "string", 0}};
    if (kind == QLatin1String("EndpointSlice"))
        return {{"Name", "string", 0, "name"},
                {"AddressType", "string", 0},
                {"Ports", "string", 0},
                {"Endpoints", "string", 0},
                {"Age", "string", 0}};
    if (kind == QLatin1String("Event"))
        return {{"Last Seen", "string", 0},
                {"Type", "string", 0},
                {"Reason", "string", 0},
                {"Object", "string", 0},
                {"Message", "string", 0}};
    if (kind == QLatin1String("Deployment"))
        return {{"Name", "string", 0, "name"},
                {"Ready", "string", 0},
                {"Up-to-date", "integer", 0},
                {"Available", "integer", 0},
                {"Age", "string", 0}};
    if (kind == QLatin1String("ReplicaSet"))
        return {{"Name", "string", 0, "name"},
                {"Desired", "integer", 0},
                {"Current", "integer", 0},
                {"Ready", "integer", 0},
                {"Age", "string", 0}};
    if (kind == QLatin1String("APIService"))
        return {{"Name", "string", 0, "name"},
                {"Service", "string", 0},
                {"Available", "string", 0},
                {"Age", "string", 0}};
    if (kind == QLatin1String("ConfigMap"))
        return {{"Name", "string", 0, "name"}, {"Data", "integer", 0}, {"Age", "string", 0}};
    if (kind == QLatin1String("CustomResourceDefinition"))
        return {{"Name", "string", 0, "name"}, {"Created At", "date", 0}};
    if (kind == QLatin1String("ValidatingWebhookConfiguration") ||
        kind == QLatin1String("MutatingWebhookConfiguration"))
        return {{"Name", "string", 0, "name"}, {"Webhooks", "integer", 0}, {"Age", "string", 0}};
    return {{"Name", "string", 0, "name"}, {"Age", "string", 0}};
}

} // namespace

QString TableWriter::humanDuration(qint64 seconds)
{
    if (seconds < -1)
        return QStringLiteral("<invalid>");
    if (seconds < 0)
        return QStringLiteral("0s");
    if (seconds < 120)
        return QStringLiteral("%1s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 10) {
        const qint64 s = seconds % 60;
        return s == 0 ? QStringLiteral("%1m").arg(minutes)
                      : QStringLiteral("%1m%2s").arg(minutes).arg(s);
    }
    if (minutes < 180)
        return QStringLiteral("%1m").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 8) {
        const qint64 m = minutes % 60;
        return m == 0 ? QStringLiteral("%1h").arg(hours)
                      : QStringLiteral("%1h%2m").arg(hours).arg(m);
    }
    if (hours < 48)
        return QStringLiteral("%1h").arg(hours);
    if (hours < 24 * 8) {
        const qint64 h = hours % 24;
        return h == 0 ? QStringLiteral("%1d").arg(hours / 24)
                      : QStringLiteral("%1d%2h").arg(hours / 24).arg(h);
    }
    if (hours < 24 * 365 * 2)
        return QStringLiteral("%1d").arg(hours / 24);
    if (hours < 24 * 365 * 8) {
        const qint64 d = (hours / 24) % 365;
        return d == 0 ? QStringLiteral("%1y").arg(hours / 24 / 365)
                      : QStringLiteral("%1y%2d").arg(hours / 24 / 365).arg(d);
    }
    return QStringLiteral("%1y").arg(hours / 24 / 365);
}

QString TableWriter::age(const QJsonObject& object, const QDateTime& now)
{
    const QDateTime created =
        QDateTime::fromString(str(object, "metadata.creationTimestamp"), Qt::ISODate);
    return created.isValid() ? humanDuration(created.secsTo(now)) : QStringLiteral("<unknown>");
}

QJsonObject TableWriter::table(const QString& kind, const QList<QJsonObject>& objects,
                               Include include, const QJsonObject& listMetadata)
{
    QJsonArray columns;
    for (const Column& c : columnsFor(kind)) {
        columns.append(QJsonObject{{QStringLiteral("name"), QString::fromLatin1(c.name)},
                                   {QStringLiteral("type"), QString::fromLatin1(c.type)},
                                   {QStringLiteral("format"), QString::fromLatin1(c.format)},
                                   {QStringLiteral("description"), QString()},
                                   {QStringLiteral("priority"), c.priority}});
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonArray rows;
    for (const QJsonObject& o : objects) {
        QJsonObject row{{QStringLiteral("cells"), cellsFor(kind, o, now)}};
        if (include == Include::Object) {
            row.insert(QStringLiteral("object"), o);
        } else if (include == Include::Metadata) {
            row.insert(
                QStringLiteral("object"),
                QJsonObject{{QStringLiteral("kind"), QStringLiteral("PartialObjectMetadata")},
                            {QStringLiteral("apiVersion"), QStringLiteral("meta.k8s.io/v1")},
                            {QStringLiteral("metadata"), o.value(QLatin1String("metadata"))}});
        }
        rows.append(row);
    }
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("Table")},
                       {QStringLiteral("apiVersion"), QStringLiteral("meta.k8s.io/v1")},
                       {QStringLiteral("metadata"), listMetadata},
                       {QStringLiteral("columnDefinitions"), columns},
                       {QStringLiteral("rows"), rows}};
}

} // namespace unstuck::sim
