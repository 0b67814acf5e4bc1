// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sources/PasteSource.h"

#include "models/tickets/KubePath.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSet>
#include <QTimer>

namespace unstuck {
namespace {

QJsonObject mergeObjects(QJsonObject base, const QJsonObject& overlay);

// Conditions of the same type are one condition: a table row's reason and a log line's message
// about the same APIService make one Available condition.
QJsonArray mergeConditions(QJsonArray base, const QJsonArray& overlay)
{
    for (const QJsonValue& v : overlay) {
        const QString type = v.toObject().value(QStringLiteral("type")).toString();
        bool merged = false;
        for (qsizetype i = 0; i < base.size() && !merged; ++i)
            if (base.at(i).toObject().value(QStringLiteral("type")).toString() == type) {
                base.replace(i, mergeObjects(base.at(i).toObject(), v.toObject()));
                merged = true;
            }
        if (!merged)
            base.append(v);
    }
    return base;
}

QJsonObject mergeObjects(QJsonObject base, const QJsonObject& overlay)
{
    for (auto it = overlay.begin(); it != overlay.end(); ++it) {
        if (it.key() == QLatin1String("conditions") && it.value().isArray() &&
            base.value(it.key()).isArray())
            base.insert(it.key(),
                        mergeConditions(base.value(it.key()).toArray(), it.value().toArray()));
        else if (it.value().isObject() && base.value(it.key()).isObject())
            base.insert(it.key(),
                        mergeObjects(base.value(it.key()).toObject(), it.value().toObject()));
        else if (!it.value().isNull() || !base.contains(it.key()))
            base.insert(it.key(), it.value()); // a value cut off (null) says nothing new
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

const QString kPastedLine = QStringLiteral("unstuck.dev/pasted-line");

QString pastedLine(const QJsonObject& object)
{
    return object.value(QStringLiteral("metadata"))
        .toObject()
        .value(QStringLiteral("annotations"))
        .toObject()
        .value(kPastedLine)
        .toString();
}

// The lines an object merged from several pastes rests on: each distinct one, three at most
// (a log repeats the same error every few seconds).
QString joinedPastedLines(const QJsonObject& a, const QJsonObject& b)
{
    QStringList lines = pastedLine(a).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QString next = pastedLine(b);
    if (!next.isEmpty() && !lines.contains(next) && lines.size() < 3)
        lines << next;
    return lines.join(QLatin1Char('\n'));
}

void setPastedLine(QJsonObject& object, const QString& lines)
{
    QJsonObject metadata = object.value(QStringLiteral("metadata")).toObject();
    QJsonObject notes = metadata.value(QStringLiteral("annotations")).toObject();
    notes.insert(kPastedLine, lines);
    metadata.insert(QStringLiteral("annotations"), notes);
    object.insert(QStringLiteral("metadata"), metadata);
}

bool isPartial(const QJsonObject& object)
{
    return object.value(QStringLiteral("metadata"))
        .toObject()
        .value(QStringLiteral("annotations"))
        .toObject()
        .contains(QStringLiteral("unstuck.dev/partial"));
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

// What an object says apart from the line it was read from: a log repeats the same error with
// a new timestamp every few seconds, and each repeat says nothing new about the object.
QByteArray fingerprint(const QString& key, QJsonObject object)
{
    QJsonObject metadata = object.value(QStringLiteral("metadata")).toObject();
    QJsonObject notes = metadata.value(QStringLiteral("annotations")).toObject();
    notes.remove(kPastedLine);
    metadata.insert(QStringLiteral("annotations"), notes);
    object.insert(QStringLiteral("metadata"), metadata);
    return key.toUtf8() + '\n' + QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// A repeat adds nothing: merging every one (each merge copies the merged object) made a 50 MB
// paste superlinear, its time spent in QJsonObject::insert (docs/benchmarks.md, Pasted input).
bool isRepeat(QSet<QByteArray>& merged, const QString& key, const TicketFacts::Object& existing,
              const TicketFacts::Object& next)
{
    if (!existing.file.split(QStringLiteral(", ")).contains(next.file))
        return false; // the file it came from is noted
    const QByteArray content = fingerprint(key, next.object);
    const QString line = pastedLine(next.object);
    const QStringList lines =
        pastedLine(existing.object).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const bool newLine = !line.isEmpty() && lines.size() < 3 && !lines.contains(line);
    if (merged.contains(content) && !newLine)
        return true;
    merged.insert(content);
    return false;
}

} // namespace

PasteSource::PasteSource(TicketFacts facts, QString inputName, QObject* parent)
    : DiagnosisSource(parent), m_facts(std::move(facts)), m_inputName(std::move(inputName))
{}

QString PasteSource::cloudUnavailableReason() const
{
    if (hasCloud())
        return {};
    // The sentence up to "output" is the one the verdict translates; the command follows.
    return QStringLiteral("the pasted input holds no aliyun CLI output (`aliyun vpc "
                          "DescribeRouteEntryList --RouteTableId vtb-…` and `aliyun ram "
                          "GetPolicy …` would show the routes and the policy)");
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
    // "no namespace in the pasted input: …" reads better than "no namespace is not in …".
    a.message = what.startsWith(QLatin1String("no "))
                    ? what
                    : QStringLiteral("%1 is not in the pasted input").arg(what);
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
    if (path == QLatin1String("/apis"))
        return groupListAnswer();
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
        a.status = f.message.contains(QLatin1String("unable to handle the request")) ? 503
                   : f.message.contains(QLatin1String("could not find the requested resource"))
                       ? 404
                       : 0;
        a.error = QStringLiteral("unavailable");
        a.errorCode = QStringLiteral("ServiceUnavailable");
        a.message = f.message;
        // The pasted line itself is what the verdict quotes, with the APIService's when the
        // paste has it too (it names the Service behind the group).
        a.body = (f.line.isEmpty() ? f.message : f.line).toUtf8();
        if (const auto implied = apiServiceDiscoveryAnswer(gv))
            a.body += '\n' + implied->body;
        a.contentType = "text/plain";
        a.origin = originOf({f.file});
        a.at = QDateTime::currentDateTimeUtc();
        return a;
    }
    if (const auto implied = apiServiceDiscoveryAnswer(gv))
        return *implied;
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
        return missing(QStringLiteral("the log of pod %1/%2 (%3 would show it)")
                           .arg(path.ns, path.name, settlingCommand(path)));
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
            {QJsonObject{
                 {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                 {QStringLiteral("kind"), QStringLiteral("Pod")},
                 {QStringLiteral("metadata"),
                  QJsonObject{{QStringLiteral("name"), name},
                              {QStringLiteral("namespace"), QStringLiteral("kube-system")},
                              {QStringLiteral("labels"), labels},
                              {QStringLiteral("annotations"),
                               QJsonObject{{QStringLiteral("unstuck.dev/pasted-as"),
                                            QStringLiteral("component log")}}}}},
                 {QStringLiteral("spec"), QJsonObject{}},
                 // A process that wrote the pasted lines was running: its pod is not
                 // judged "not Ready" for lack of a status nobody pasted.
                 {QStringLiteral("status"),
                  QJsonObject{{QStringLiteral("phase"), QStringLiteral("Running")},
                              {QStringLiteral("conditions"),
                               QJsonArray{QJsonObject{
                                   {QStringLiteral("type"), QStringLiteral("Ready")},
                                   {QStringLiteral("status"), QStringLiteral("True")},
                                   {QStringLiteral("reason"), QStringLiteral("PastedLog")}}}}}}},
             log.file, QStringLiteral("component log")});
    }
    return pods;
}

QList<TicketFacts::Object> PasteSource::objectsOfKind(const QString& kind) const
{
    if (const auto cached = m_byKind.constFind(kind); cached != m_byKind.constEnd())
        return *cached;
    // The same object pasted twice (a describe and a status fragment) is merged into one.
    // Indexed by namespace/name: a 50 MB paste holds hundreds of thousands of objects.
    QList<TicketFacts::Object> result;
    QHash<QString, qsizetype> index;
    QSet<QByteArray> merged; // key + content, see isRepeat()
    for (const TicketFacts::Object& o : m_facts.objects) {
        if (o.object.value(QStringLiteral("kind")).toString() != kind)
            continue;
        const QString name = metaString(o.object, "name");
        const QString key = metaString(o.object, "namespace") + QLatin1Char('/') + name;
        const auto it = name.isEmpty() ? index.constEnd() : index.constFind(key);
        if (it == index.constEnd()) {
            if (!name.isEmpty())
                index.insert(key, result.size());
            merged.insert(fingerprint(key, o.object));
            result.append(o);
            continue;
        }
        // What an object's own dump says beats what a log line implies about it.
        TicketFacts::Object& existing = result[*it];
        if (isRepeat(merged, key, existing, o))
            continue;
        const QString lines = joinedPastedLines(existing.object, o.object);
        existing.object = isPartial(o.object) && !isPartial(existing.object)
                              ? mergeObjects(o.object, existing.object)
                              : mergeObjects(existing.object, o.object);
        if (!lines.isEmpty())
            setPastedLine(existing.object, lines);
        if (!existing.file.split(QStringLiteral(", ")).contains(o.file))
            existing.file += QStringLiteral(", ") + o.file;
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
    m_byKind.insert(kind, result);
    return result;
}

SourceAnswer PasteSource::objectAnswer(const KubePath& path) const
{
    const QString kind = KubePath::kindForResource(path.resource);
    const QList<TicketFacts::Object> candidates =
        kind == QLatin1String("APIService") ? apiServices() : objectsOfKind(kind);
    if (kind == QLatin1String("APIService"))
        for (const TicketFacts::Object& o : candidates)
            if (o.object.value(QStringLiteral("metadata"))
                    .toObject()
                    .value(QStringLiteral("annotations"))
                    .toObject()
                    .contains(QStringLiteral("unstuck.dev/status-unknown")))
                return missing(
                    QStringLiteral("the status of APIService %1 (its Available condition; "
                                   "`kubectl get apiservice %1 -o yaml` shows it)")
                        .arg(metaString(o.object, "name")));
    if (!path.name.isEmpty()) {
        for (const TicketFacts::Object& o : candidates) {
            if (metaString(o.object, "name") == path.name &&
                (path.ns.isEmpty() || metaString(o.object, "namespace") == path.ns))
                return okJson(o.object, originOf(o.file.split(QStringLiteral(", "))));
        }
        return missing(QStringLiteral("%1 %2%3 (%4 would show it)")
                           .arg(kind, path.ns.isEmpty() ? QString() : path.ns + QLatin1Char('/'),
                                path.name, settlingCommand(path)));
    }
    if (candidates.isEmpty())
        return missing(QStringLiteral("no %1 in the pasted input: %2 would show %3")
                           .arg(kind == QLatin1String("Namespace") ? QStringLiteral("namespace")
                                                                   : path.resource,
                                settlingCommand(path),
                                kind == QLatin1String("Namespace")
                                    ? QStringLiteral("which namespaces are stuck and why")
                                    : QStringLiteral("them")));
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
    return missing(QStringLiteral("the output of `aliyun %1 %2`").arg(query.product, query.action));
}

} // namespace unstuck
