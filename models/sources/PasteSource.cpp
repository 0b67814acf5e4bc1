// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sources/PasteSource.h"

#include "models/tickets/KubePath.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTimer>

namespace unstuck {
namespace {

QJsonObject mergeObjects(QJsonObject base, const QJsonObject& overlay)
{
    for (auto it = overlay.begin(); it != overlay.end(); ++it) {
        if (it.value().isObject() && base.value(it.key()).isObject())
            base.insert(it.key(),
                        mergeObjects(base.value(it.key()).toObject(), it.value().toObject()));
        else
            base.insert(it.key(), it.value());
    }
    return base;
}

QString metaString(const QJsonObject& object, const char* field)
{
    return object.value(QStringLiteral("metadata"))
        .toObject()
        .value(QLatin1String(field))
        .toString();
}

SourceAnswer okJson(const QJsonObject& json, const QString& origin)
{
    SourceAnswer a;
    a.status = 200;
    a.json = json;
    a.body = QJsonDocument(json).toJson(QJsonDocument::Compact);
    a.contentType = "application/json";
    a.origin = origin;
    a.at = QDateTime::currentDateTimeUtc();
    return a;
}

QString originOf(const QStringList& files)
{
    QStringList unique = files;
    unique.removeDuplicates();
    return QStringLiteral("paste:") + unique.join(QStringLiteral(", "));
}

} // namespace

PasteSource::PasteSource(TicketFacts facts, QString inputName, QObject* parent)
    : DiagnosisSource(parent), m_facts(std::move(facts)), m_inputName(std::move(inputName))
{}

QString PasteSource::cloudUnavailableReason() const
{
    if (hasCloud())
        return {};
    return QStringLiteral("the pasted input holds no aliyun CLI output");
}

void PasteSource::fetch(const SourceQuery& query, QObject* receiver, Callback callback)
{
    const SourceAnswer result = answer(query);
    QPointer<QObject> guard(receiver);
    QTimer::singleShot(0, this, [guard, callback, result] {
        if (guard)
            callback(result);
    });
}

SourceAnswer PasteSource::answer(const SourceQuery& query) const
{
    if (query.kind == SourceQuery::Kind::Cloud)
        return cloudAnswer(query);
    if (query.accept.contains("apidiscovery"))
        return missing(QStringLiteral("aggregated discovery (GET %1)").arg(query.path));
    return kubeAnswer(query.path);
}

SourceAnswer PasteSource::missing(const QString& what) const
{
    SourceAnswer a;
    a.error = QStringLiteral("missing");
    a.message = QStringLiteral("%1 is not in the pasted input").arg(what);
    a.origin = QStringLiteral("paste:") + m_inputName;
    a.at = QDateTime::currentDateTimeUtc();
    return a;
}

SourceAnswer PasteSource::kubeAnswer(const QString& path) const
{
    for (const TicketFacts::Exchange& e : m_facts.exchanges) {
        if (e.path == path) {
            SourceAnswer a;
            a.status = e.status;
            a.body = e.body;
            a.json = QJsonDocument::fromJson(e.body).object();
            a.contentType = "application/json";
            a.origin = originOf({e.file});
            if (e.status >= 400)
                a.error =
                    e.status == 503 ? QStringLiteral("unavailable") : QStringLiteral("server");
            return a;
        }
    }
    const KubePath parsed = KubePath::parse(path);
    if (parsed.isDiscovery())
        return discoveryAnswer(parsed, path);
    if (parsed.subresource == QLatin1String("log"))
        return logAnswer(parsed);
    return objectAnswer(parsed);
}

SourceAnswer PasteSource::discoveryAnswer(const KubePath& path, const QString& rawPath) const
{
    const QString gv = path.groupVersion();
    for (const TicketFacts::DiscoveryFailure& f : m_facts.discoveryFailures) {
        if (f.groupVersion != gv)
            continue;
        SourceAnswer a;
        a.status = f.message.contains(QLatin1String("unable to handle the request")) ? 503 : 0;
        a.error = QStringLiteral("unavailable");
        a.errorCode = QStringLiteral("ServiceUnavailable");
        a.message = f.message;
        a.body = f.message.toUtf8();
        a.contentType = "text/plain";
        a.origin = originOf({f.file});
        a.at = QDateTime::currentDateTimeUtc();
        return a;
    }
    return missing(
        QStringLiteral("GET %1").arg(rawPath.isEmpty() ? QStringLiteral("/apis/") + gv : rawPath));
}

SourceAnswer PasteSource::logAnswer(const KubePath& path) const
{
    QStringList lines;
    QStringList files;
    for (const TicketFacts::LogLine& log : m_facts.logs) {
        if (!log.component.isEmpty() && path.name.startsWith(log.component)) {
            lines.append(log.line);
            files.append(log.file);
        }
    }
    if (lines.isEmpty())
        return missing(QStringLiteral("the log of pod %1/%2").arg(path.ns, path.name));
    const int tail = path.query.value(QStringLiteral("tailLines")).toInt();
    if (tail > 0 && lines.size() > tail)
        lines = lines.mid(lines.size() - tail);
    SourceAnswer a;
    a.status = 200;
    a.body = lines.join(QLatin1Char('\n')).toUtf8() + '\n';
    a.contentType = "text/plain";
    a.origin = originOf(files);
    a.at = QDateTime::currentDateTimeUtc();
    return a;
}

QList<TicketFacts::Object> PasteSource::componentPods() const
{
    // A pasted component log stands for its pod: the engine finds controllers by their pods.
    QList<TicketFacts::Object> pods;
    QStringList seen;
    for (const TicketFacts::LogLine& log : m_facts.logs) {
        if (log.component.isEmpty() || seen.contains(log.component))
            continue;
        seen.append(log.component);
        const QString name = log.component + QStringLiteral("-pasted-log");
        const QJsonObject labels{{QStringLiteral("component"), log.component},
                                 {QStringLiteral("app"), log.component},
                                 {QStringLiteral("k8s-app"), log.component}};
        pods.append(
            {QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                         {QStringLiteral("kind"), QStringLiteral("Pod")},
                         {QStringLiteral("metadata"),
                          QJsonObject{{QStringLiteral("name"), name},
                                      {QStringLiteral("namespace"), QStringLiteral("kube-system")},
                                      {QStringLiteral("labels"), labels},
                                      {QStringLiteral("annotations"),
                                       QJsonObject{{QStringLiteral("unstuck.dev/pasted-as"),
                                                    QStringLiteral("component log")}}}}},
                         {QStringLiteral("spec"), QJsonObject{}},
                         {QStringLiteral("status"), QJsonObject{}}},
             log.file, QStringLiteral("component log")});
    }
    return pods;
}

QList<TicketFacts::Object> PasteSource::objectsOfKind(const QString& kind) const
{
    // The same object pasted twice (a describe and a status fragment) is merged into one.
    QList<TicketFacts::Object> result;
    for (const TicketFacts::Object& o : m_facts.objects) {
        if (o.object.value(QStringLiteral("kind")).toString() != kind)
            continue;
        const QString ns = metaString(o.object, "namespace");
        const QString name = metaString(o.object, "name");
        bool merged = false;
        for (TicketFacts::Object& existing : result) {
            if (!name.isEmpty() && metaString(existing.object, "name") == name &&
                metaString(existing.object, "namespace") == ns) {
                existing.object = mergeObjects(existing.object, o.object);
                existing.file += QStringLiteral(", ") + o.file;
                merged = true;
                break;
            }
        }
        if (!merged)
            result.append(o);
    }
    if (kind == QLatin1String("Pod")) {
        for (const TicketFacts::Object& pod : componentPods()) {
            const QString component = pod.object.value(QStringLiteral("metadata"))
                                          .toObject()
                                          .value(QStringLiteral("labels"))
                                          .toObject()
                                          .value(QStringLiteral("component"))
                                          .toString();
            const bool pasted = std::any_of(result.cbegin(), result.cend(), [&](const auto& p) {
                return metaString(p.object, "name").startsWith(component);
            });
            if (!pasted)
                result.append(pod);
        }
    }
    return result;
}

SourceAnswer PasteSource::objectAnswer(const KubePath& path) const
{
    const QString kind = KubePath::kindForResource(path.resource);
    const QList<TicketFacts::Object> candidates = objectsOfKind(kind);
    if (!path.name.isEmpty()) {
        for (const TicketFacts::Object& o : candidates) {
            if (metaString(o.object, "name") == path.name &&
                (path.ns.isEmpty() || metaString(o.object, "namespace") == path.ns))
                return okJson(o.object, originOf(o.file.split(QStringLiteral(", "))));
        }
        return missing(QStringLiteral("%1 %2%3").arg(
            kind, path.ns.isEmpty() ? QString() : path.ns + QLatin1Char('/'), path.name));
    }
    if (candidates.isEmpty())
        return missing(QStringLiteral("a list of %1").arg(path.resource));
    QJsonArray items;
    QStringList files;
    const QString labelSelector = path.query.value(QStringLiteral("labelSelector"));
    const QString fieldSelector = path.query.value(QStringLiteral("fieldSelector"));
    for (const TicketFacts::Object& o : candidates) {
        if (!path.ns.isEmpty() && metaString(o.object, "namespace") != path.ns)
            continue;
        if (!labelSelector.isEmpty() && !KubePath::matchesLabelSelector(o.object, labelSelector))
            continue;
        if (!fieldSelector.isEmpty() && !KubePath::matchesFieldSelector(o.object, fieldSelector))
            continue;
        items.append(o.object);
        files.append(o.file.split(QStringLiteral(", ")));
    }
    const QString apiVersion =
        path.group.isEmpty() ? path.version : path.group + QLatin1Char('/') + path.version;
    const QJsonObject list{{QStringLiteral("apiVersion"), apiVersion},
                           {QStringLiteral("kind"), kind + QStringLiteral("List")},
                           {QStringLiteral("metadata"), QJsonObject{}},
                           {QStringLiteral("items"), items}};
    return okJson(list, originOf(files.isEmpty() ? QStringList{m_inputName} : files));
}

SourceAnswer PasteSource::cloudAnswer(const SourceQuery& query) const
{
    for (const TicketFacts::CloudAnswer& c : m_facts.cloudAnswers) {
        if (c.product.compare(query.product, Qt::CaseInsensitive) != 0 ||
            c.action.compare(query.action, Qt::CaseInsensitive) != 0)
            continue;
        SourceAnswer a = okJson(c.json, originOf({c.file}));
        if (c.json.contains(QStringLiteral("Code")) && c.json.contains(QStringLiteral("Message"))) {
            a.error = QStringLiteral("api");
            a.errorCode = c.json.value(QStringLiteral("Code")).toString();
            a.message = c.json.value(QStringLiteral("Message")).toString();
            a.status = a.errorCode.startsWith(QLatin1String("Forbidden")) ? 403 : 400;
        }
        return a;
    }
    return missing(QStringLiteral("aliyun %1 %2 output").arg(query.product, query.action));
}

} // namespace unstuck
