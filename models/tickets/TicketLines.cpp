// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/tickets/TicketLines.h"

#include "models/tickets/KubePath.h"
#include "models/tickets/TicketLogFacts.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

namespace unstuck {
namespace {

const QRegularExpression& promptPattern()
{
    static const QRegularExpression re(
        QStringLiteral(R"(^\s*(?:[^\n`\]]*?[$#›>%]\s*)?(kubectl|k|oc|kgn)\s+(.*)$)"));
    return re;
}

QJsonObject labelled(QJsonObject object, const QString& how)
{
    QJsonObject metadata = object.value(QStringLiteral("metadata")).toObject();
    QJsonObject annotations = metadata.value(QStringLiteral("annotations")).toObject();
    annotations.insert(QStringLiteral("unstuck.dev/pasted-as"), how);
    metadata.insert(QStringLiteral("annotations"), annotations);
    object.insert(QStringLiteral("metadata"), metadata);
    return object;
}

QJsonObject apiServiceFromRow(const QString& name, const QString& service, const QString& available,
                              const QString& reason)
{
    const int dot = name.indexOf(QLatin1Char('.'));
    QJsonObject spec{{QStringLiteral("version"), name.left(dot)},
                     {QStringLiteral("group"), name.mid(dot + 1)}};
    if (service != QLatin1String("Local")) {
        const QStringList parts = service.split(QLatin1Char('/'));
        spec.insert(QStringLiteral("service"),
                    QJsonObject{{QStringLiteral("namespace"), parts.value(0)},
                                {QStringLiteral("name"), parts.value(1)}});
    }
    QJsonObject condition{{QStringLiteral("type"), QStringLiteral("Available")},
                          {QStringLiteral("status"), available}};
    if (!reason.isEmpty())
        condition.insert(QStringLiteral("reason"), reason);
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("apiregistration.k8s.io/v1")},
        {QStringLiteral("kind"), QStringLiteral("APIService")},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}},
        {QStringLiteral("spec"), spec},
        {QStringLiteral("status"),
         QJsonObject{{QStringLiteral("conditions"), QJsonArray{condition}}}},
    };
}

// The whole line around a position: what a verdict quotes.
QString lineAround(const QString& text, qsizetype at)
{
    const qsizetype from = text.lastIndexOf(QLatin1Char('\n'), at) + 1;
    qsizetype to = text.indexOf(QLatin1Char('\n'), at);
    if (to < 0)
        to = text.size();
    return text.mid(from, to - from);
}

// Splits a table row at the column starts of its header.
QStringList splitByColumns(const QString& row, const QList<int>& starts)
{
    QStringList cells;
    for (int i = 0; i < starts.size(); ++i) {
        const int from = starts[i];
        const int to = i + 1 < starts.size() ? starts[i + 1] : row.size();
        cells.append(from < row.size() ? row.mid(from, to - from).trimmed() : QString());
    }
    return cells;
}

QString kindFromHeader(const QStringList& header)
{
    if (header.contains(QLatin1String("SERVICE")) && header.contains(QLatin1String("AVAILABLE")))
        return QStringLiteral("APIService");
    if (header.contains(QLatin1String("REASON")) && header.contains(QLatin1String("OBJECT")))
        return QStringLiteral("Event");
    if (header.contains(QLatin1String("READY")) && header.contains(QLatin1String("RESTARTS")))
        return QStringLiteral("Pod");
    if (header.contains(QLatin1String("ROLES")) && header.contains(QLatin1String("VERSION")))
        return QStringLiteral("Node");
    if (header ==
        QStringList{QStringLiteral("NAME"), QStringLiteral("STATUS"), QStringLiteral("AGE")})
        return QStringLiteral("Namespace");
    return {};
}

QJsonObject objectFromRow(const QString& kind, const QStringList& header, const QStringList& cells,
                          const QString& contextNs)
{
    auto cell = [&](const char* name) {
        return cells.value(header.indexOf(QLatin1String(name)));
    };
    if (kind == QLatin1String("APIService")) {
        static const QRegularExpression avail(QStringLiteral(R"(^(\w+)(?:\s+\((\w+)\))?$)"));
        const auto m = avail.match(cell("AVAILABLE"));
        return apiServiceFromRow(cell("NAME"), cell("SERVICE"), m.captured(1), m.captured(2));
    }
    if (kind == QLatin1String("Namespace")) {
        return QJsonObject{
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), cell("NAME")}}},
            {QStringLiteral("status"), QJsonObject{{QStringLiteral("phase"), cell("STATUS")}}}};
    }
    if (kind == QLatin1String("Pod")) {
        const QString ns =
            header.contains(QLatin1String("NAMESPACE")) ? cell("NAMESPACE") : contextNs;
        QJsonObject status{{QStringLiteral("phase"), cell("STATUS")}};
        if (header.contains(QLatin1String("IP")))
            status.insert(QStringLiteral("podIP"), cell("IP"));
        QJsonObject spec;
        if (header.contains(QLatin1String("NODE")))
            spec.insert(QStringLiteral("nodeName"), cell("NODE"));
        return QJsonObject{
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), cell("NAME")},
                                                     {QStringLiteral("namespace"), ns}}},
            {QStringLiteral("spec"), spec},
            {QStringLiteral("status"), status}};
    }
    if (kind == QLatin1String("Event")) {
        const QString objectRef = cell("OBJECT");
        const int slash = objectRef.indexOf(QLatin1Char('/'));
        QString involvedKind = TicketLines::kindForCommandWord(objectRef.left(slash));
        const QString ns =
            header.contains(QLatin1String("NAMESPACE")) ? cell("NAMESPACE") : contextNs;
        return QJsonObject{
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("namespace"), ns}}},
            {QStringLiteral("type"), cell("TYPE")},
            {QStringLiteral("reason"), cell("REASON")},
            {QStringLiteral("message"), cell("MESSAGE")},
            {QStringLiteral("involvedObject"),
             QJsonObject{{QStringLiteral("kind"), involvedKind},
                         {QStringLiteral("name"), objectRef.mid(slash + 1)}}},
        };
    }
    if (kind == QLatin1String("Node")) {
        return QJsonObject{
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), cell("NAME")}}}};
    }
    return {};
}

} // namespace

TicketLines::Context TicketLines::commandContext(const QString& text)
{
    Context context;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        const auto m = promptPattern().match(line);
        if (!m.hasMatch())
            continue;
        const QStringList words = m.captured(2).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (int i = 0; i < words.size(); ++i) {
            const QString& w = words[i];
            if ((w == QLatin1String("-n") || w == QLatin1String("--namespace")) &&
                i + 1 < words.size())
                context.ns = words[i + 1];
            else if (w.startsWith(QLatin1String("--namespace=")))
                context.ns = w.mid(12);
        }
        const int verb = std::max(words.indexOf(QStringLiteral("get")),
                                  words.indexOf(QStringLiteral("describe")));
        if (verb < 0 && m.captured(1) != QLatin1String("kubectl") &&
            m.captured(1) != QLatin1String("oc") && m.captured(1) != QLatin1String("k"))
            return aliasContext(words);
        // Flags may stand between the verb and what it gets ("get --show-kind -n x pods").
        int at = verb + 1;
        while (verb >= 0 && at < words.size() && words[at].startsWith(QLatin1Char('-')))
            at += words[at].contains(QLatin1Char('=')) ||
                          words[at] == QLatin1String("--show-kind") ||
                          words[at].startsWith(QLatin1String("--ignore"))
                      ? 1
                      : 2;
        if (verb >= 0 && at < words.size() && words[at] != QLatin1String("|")) {
            QString what = words[at];
            QString name = at + 1 < words.size() && !words[at + 1].startsWith(QLatin1Char('-')) &&
                                   words[at + 1] != QLatin1String("|")
                               ? words[at + 1]
                               : QString();
            if (const int slash = what.indexOf(QLatin1Char('/')); slash > 0) {
                name = what.mid(slash + 1);
                what = what.left(slash);
            }
            context.kind = kindForCommandWord(what);
            context.name = name;
        }
        return context;
    }
    return proseContext(text);
}

// An alias with its verb built in ("kgn istio-system istiooperator.install.istio.io -o yaml"):
// the resource is the word that reads resource.group.
TicketLines::Context TicketLines::aliasContext(const QStringList& words)
{
    static const QRegularExpression resourceGroup(
        QStringLiteral(R"(^([a-z0-9-]+)\.([a-z0-9-]+\.)+[a-z]+$)"));
    Context context;
    for (const QString& w : words) {
        if (w == QLatin1String("|"))
            break;
        if (resourceGroup.match(w).hasMatch() && !w.endsWith(QLatin1String(".yaml")) &&
            !w.endsWith(QLatin1String(".json"))) {
            context.kind = kindForCommandWord(w);
            break;
        }
    }
    return context;
}

TicketLines::Context TicketLines::proseContext(const QString& text)
{
    // "when i ran kubectl get apiservice v1beta1.metrics.k8s.io -o yaml ,i got this:" or
    // "The `v1alpha1.metrics.smi-spec.io` ApiService fails": the object a fragment belongs to,
    // named in the sentence around it.
    static const QRegularExpression ran(QStringLiteral(
        R"(\bkubectl\s+(?:-n\s+\S+\s+)?(?:get|describe)\s+([a-z.]+)(?:/|\s+)([a-z0-9][\w.-]*))"));
    static const QRegularExpression named(QStringLiteral(
        R"(\b(v\d+(?:alpha\d+|beta\d+)?\.[a-z0-9-]+(?:\.[a-z0-9-]+)+)`?\s+(?:ApiService|APIService|apiservice))"));
    Context context;
    if (const auto m = ran.match(text);
        m.hasMatch() && !m.captured(2).startsWith(QLatin1Char('-'))) {
        context.kind = kindForCommandWord(m.captured(1));
        context.name = m.captured(2);
    } else if (const auto n = named.match(text); n.hasMatch()) {
        context.kind = QStringLiteral("APIService");
        context.name = n.captured(1);
    }
    return context;
}

QString TicketLines::withoutPrompts(const QString& text)
{
    QStringList kept;
    for (const QString& line : text.split(QLatin1Char('\n')))
        if (!promptPattern().match(line).hasMatch())
            kept.append(line);
    return kept.join(QLatin1Char('\n'));
}

QString TicketLines::kindForCommandWord(const QString& word)
{
    static const QHash<QString, QString> aliases = {
        {QStringLiteral("ns"), QStringLiteral("Namespace")},
        {QStringLiteral("namespace"), QStringLiteral("Namespace")},
        {QStringLiteral("no"), QStringLiteral("Node")},
        {QStringLiteral("node"), QStringLiteral("Node")},
        {QStringLiteral("po"), QStringLiteral("Pod")},
        {QStringLiteral("pod"), QStringLiteral("Pod")},
        {QStringLiteral("svc"), QStringLiteral("Service")},
        {QStringLiteral("service"), QStringLiteral("Service")},
        {QStringLiteral("ep"), QStringLiteral("Endpoints")},
        {QStringLiteral("apiservice"), QStringLiteral("APIService")},
        {QStringLiteral("apiservices"), QStringLiteral("APIService")},
        {QStringLiteral("ev"), QStringLiteral("Event")},
        {QStringLiteral("event"), QStringLiteral("Event")},
        {QStringLiteral("deploy"), QStringLiteral("Deployment")},
        {QStringLiteral("deployment"), QStringLiteral("Deployment")},
    };
    const QString lower = word.toLower().section(QLatin1Char('.'), 0, 0);
    if (aliases.contains(lower))
        return aliases.value(lower);
    return KubePath::kindForResource(lower);
}

void TicketLines::scanTraces(const QString& text, const QString& file, TicketFacts* facts)
{
    // round_trippers.go, old: "GET https://host:6443/api?timeout=32s 200 OK in 18 milliseconds";
    // newer kubectl prints the request line alone and "Response Status: 503 Service Unavailable
    // in 30016 milliseconds" below it. The body follows as "Response Body: …", or, when it is not
    // JSON, inside "body was not decodable … in '<body>'", which may run over several lines.
    static const QRegularExpression request(QStringLiteral(
        R"((GET|POST|PUT|PATCH|DELETE) https?://[^/\s]+(/\S*?)(?:\s+(\d{3})\b|\s*$))"));
    static const QRegularExpression responseStatus(QStringLiteral(R"(Response Status: (\d{3})\b)"));
    static const QRegularExpression body(QStringLiteral(R"(Response Body: (.*)$)"));
    static const QRegularExpression undecodable(
        QStringLiteral(R"(body was not decodable \(unable to check for Status\): .*? in '(.*)$)"));
    static const QRegularExpression klogHeader(QStringLiteral(R"(^[IWEF]\d{4} \d\d:)"));
    static const QRegularExpression timeout(QStringLiteral(R"([?&]timeout=\d+s)"));
    QString path;
    int status = 0;
    QString pendingBody; // an undecodable body still being read
    bool readingBody = false;
    auto record = [&](const QString& bodyText) {
        if (path.isEmpty())
            return;
        facts->exchanges.append({path, status, bodyText.toUtf8(), file});
        const QJsonDocument doc = QJsonDocument::fromJson(bodyText.toUtf8());
        if (doc.isObject() && doc.object().contains(QStringLiteral("metadata")))
            facts->objects.append({doc.object(), file, QStringLiteral("kubectl -v trace")});
        path.clear();
    };
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        if (readingBody) {
            if (!klogHeader.match(line).hasMatch()) {
                pendingBody += QLatin1Char('\n') + line;
                continue;
            }
            readingBody = false;
            record(pendingBody.endsWith(QLatin1Char('\'')) ? pendingBody.chopped(1) : pendingBody);
        }
        if (!line.contains(QLatin1String("round_trippers")) &&
            !line.contains(QLatin1String("request.go")) &&
            !line.contains(QLatin1String("Response")))
            continue;
        if (const auto m = request.match(line);
            m.hasMatch() && !line.contains(QLatin1String("curl"))) {
            status = m.captured(3).toInt();
            path = m.captured(1) == QLatin1String("GET") ? m.captured(2) : QString();
            // kubectl adds its own timeout; it is not part of what was asked.
            path.remove(timeout);
            continue;
        }
        if (const auto m = responseStatus.match(line); m.hasMatch()) {
            status = m.captured(1).toInt();
            continue;
        }
        if (const auto m = body.match(line); m.hasMatch()) {
            record(m.captured(1));
            continue;
        }
        if (const auto m = undecodable.match(line); m.hasMatch()) {
            pendingBody = m.captured(1);
            readingBody = true;
        }
    }
    if (readingBody)
        record(pendingBody.endsWith(QLatin1Char('\'')) ? pendingBody.chopped(1) : pendingBody);
}

void TicketLines::scanTables(const QString& text, const QString& file, const Context& context,
                             TicketFacts* facts)
{
    static const QRegularExpression headerWord(QStringLiteral(R"([A-Z][A-Z-]*(?: [A-Z]+)?)"));
    static const QRegularExpression apiServiceRow(QStringLiteral(
        R"(^\s*(v\d\w*\.[\w.-]*)\s+(Local|[\w.-]+/[\w.-]+)\s+(True|False|Unknown)(?:\s+\((\w+)\))?(?:\s+\S+)?\s*$)"));
    QStringList header;
    QList<int> starts;
    QString kind;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        if (line.trimmed().isEmpty())
            continue;
        if (line.startsWith(QLatin1String("NAME")) || line.startsWith(QLatin1String("LAST SEEN")) ||
            line.startsWith(QLatin1String("NAMESPACE"))) {
            header.clear();
            starts.clear();
            auto it = headerWord.globalMatch(line);
            while (it.hasNext()) {
                const auto m = it.next();
                header.append(m.captured(0));
                starts.append(int(m.capturedStart(0)));
            }
            kind = context.kind.isEmpty() || context.kind == QLatin1String("Event")
                       ? kindFromHeader(header)
                       : context.kind;
            if (kind.isEmpty())
                kind = kindFromHeader(header);
            continue;
        }
        if (const auto m = apiServiceRow.match(line);
            m.hasMatch() && (header.isEmpty() || kind == QLatin1String("APIService"))) {
            // `kubectl get apiservice | grep False` drops the header; the row shape is enough.
            QJsonObject row = labelled(
                apiServiceFromRow(m.captured(1), m.captured(2), m.captured(3), m.captured(4)),
                QStringLiteral("kubectl get table"));
            // The row is the line a verdict quotes: it names the APIService and its Service.
            QJsonObject metadata = row.value(QStringLiteral("metadata")).toObject();
            QJsonObject notes = metadata.value(QStringLiteral("annotations")).toObject();
            notes.insert(QStringLiteral("unstuck.dev/pasted-line"), line.simplified());
            metadata.insert(QStringLiteral("annotations"), notes);
            row.insert(QStringLiteral("metadata"), metadata);
            facts->objects.append({row, file, QStringLiteral("kubectl get table")});
            continue;
        }
        // An APIService row the regex does not read is cut off (no AVAILABLE): nothing to say.
        if (kind == QLatin1String("APIService"))
            continue;
        if (header.isEmpty())
            continue;
        if (kind.isEmpty()) {
            // `kubectl get … --show-kind` (or `-o name`): "istiooperator.install.istio.io/x".
            static const QRegularExpression kindName(
                QStringLiteral(R"(^([a-z0-9-]+)(?:\.[a-z0-9.-]+)?/([\w.-]+)$)"));
            const auto m =
                kindName.match(line.section(QLatin1Char(' '), 0, 0, QString::SectionSkipEmpty));
            if (m.hasMatch())
                facts->objects.append(
                    {labelled(
                         QJsonObject{{QStringLiteral("kind"), kindForCommandWord(m.captured(1))},
                                     {QStringLiteral("metadata"),
                                      QJsonObject{{QStringLiteral("name"), m.captured(2)},
                                                  {QStringLiteral("namespace"), context.ns}}}},
                         QStringLiteral("kubectl get table")),
                     file, QStringLiteral("kubectl get table")});
            continue;
        }
        const QJsonObject object =
            objectFromRow(kind, header, splitByColumns(line, starts), context.ns);
        if (!object.isEmpty())
            facts->objects.append({labelled(object, QStringLiteral("kubectl get table")), file,
                                   QStringLiteral("kubectl get table")});
    }
}

QString TicketLines::componentOf(const QString& goFile, const QString& message)
{
    static const QStringList kcm = {QStringLiteral("namespace_controller.go"),
                                    QStringLiteral("namespaced_resources_deleter.go")};
    // Route controllers of every cloud: the upstream one (route_controller.go, formerly
    // routecontroller.go) and the providers' route code (Alibaba, Azure, GCE, AWS, OpenStack).
    static const QStringList ccm = {QStringLiteral("route_controller.go"),
                                    QStringLiteral("routecontroller.go"),
                                    QStringLiteral("routes.go"),
                                    QStringLiteral("alicloud.go"),
                                    QStringLiteral("vpc.go"),
                                    QStringLiteral("azure_routes.go"),
                                    QStringLiteral("gce_routes.go"),
                                    QStringLiteral("aws_routes.go")};
    static const QStringList apiserver = {
        QStringLiteral("available_controller.go"), QStringLiteral("remote_available_controller.go"),
        QStringLiteral("handler_proxy.go"), QStringLiteral("apiservice_controller.go"),
        QStringLiteral("handler_discovery.go")};
    if (kcm.contains(goFile) || message.contains(QLatin1String("deletion of namespace")))
        return QStringLiteral("kube-controller-manager");
    if (ccm.contains(goFile) || message.contains(QLatin1String("route"), Qt::CaseInsensitive))
        return QStringLiteral("cloud-controller-manager");
    if (apiserver.contains(goFile) || message.contains(QLatin1String("OpenAPI")) ||
        message.contains(QLatin1String("Error updating APIService")))
        return QStringLiteral("kube-apiserver");
    return {};
}

// A Go error chain ("a: b: c") that the person pasting broke at its colons, one link a line:
// the lines around `at` that end with ':' and the one that ends the chain, joined again.
QString TicketLines::errorChain(const QStringList& lines, qsizetype at)
{
    auto continues = [&lines](qsizetype i) {
        return i >= 0 && i < lines.size() && lines.at(i).trimmed().endsWith(QLatin1Char(':'));
    };
    qsizetype from = at;
    while (from - 1 >= 0 && continues(from - 1) && from - 1 >= at - 5)
        --from;
    qsizetype to = at;
    while (continues(to) && to + 1 < lines.size() && !lines.at(to + 1).trimmed().isEmpty() &&
           to + 1 <= at + 5)
        ++to;
    QStringList chain;
    for (qsizetype i = from; i <= to; ++i)
        chain << lines.at(i).trimmed();
    return chain.join(QLatin1Char(' '));
}

void TicketLines::scanLogs(const QString& text, const QString& file, TicketFacts* facts)
{
    // Optional journald prefix ("Aug 03 10:51:55 host k3s[1878]: ") or kubectl --timestamps
    // prefix, then the klog header "E0803 10:51:55.509313    1878 file.go:162] message".
    // The header is searched anywhere in the line: syslog ("master1 kube-apiserver: "),
    // spinners and other prefixes stand before it.
    static const QRegularExpression klog(
        QStringLiteral(R"(([IWEF]\d{4} \d\d:\d\d:\d\d\.\d+\s+\d+ ([\w.-]+\.go):\d+\] (.*))$)"));
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString& line = lines.at(i);
        if (!line.contains(QLatin1String(".go:")) && !line.contains(QLatin1String("webhook")) &&
            !line.contains(QLatin1String("\"msg\"")) &&
            !line.contains(QLatin1String("DiscoveryManager")))
            continue;
        if (const auto m = klog.match(line); m.hasMatch()) {
            facts->logs.append({componentOf(m.captured(2), m.captured(3)), m.captured(1), file});
            TicketLogFacts::fromLogLine(m.captured(2), m.captured(3), m.captured(1), file, facts);
            continue;
        }
        const QString trimmed = line.trimmed();
        // The API server's aggregated discovery, quoted in prose without its klog header.
        if (const qsizetype at = trimmed.indexOf(QLatin1String("DiscoveryManager: Failed"));
            at >= 0) {
            // Up to the closing backtick of an inline quote, without the sentence's full stop.
            QString quoted = trimmed.mid(at).section(QLatin1Char('`'), 0, 0).trimmed();
            if (quoted.endsWith(QLatin1Char('.')))
                quoted.chop(1);
            facts->logs.append({QStringLiteral("kube-apiserver"), quoted, file});
            continue;
        }
        // An admission webhook failing, as the API server answers it to any client.
        if (trimmed.contains(QLatin1String("failed calling webhook"))) {
            facts->logs.append({QString(), errorChain(lines, i), file});
            continue;
        }
        if (trimmed.startsWith(QLatin1Char('{')) && trimmed.contains(QLatin1String("\"msg\""))) {
            const QJsonObject o = QJsonDocument::fromJson(trimmed.toUtf8()).object();
            const QString caller =
                o.value(QStringLiteral("caller")).toString().section(QLatin1Char(':'), 0, 0);
            const QString message = o.value(QStringLiteral("msg")).toString() + QLatin1Char(' ') +
                                    o.value(QStringLiteral("err")).toString();
            if (!o.isEmpty())
                facts->logs.append(
                    {componentOf(caller.section(QLatin1Char('/'), -1), message), trimmed, file});
        }
    }
}

void TicketLines::scanClientErrors(const QString& textWithPrompts, const QString& file,
                                   TicketFacts* facts)
{
    if (!textWithPrompts.contains(QLatin1String("Error from server")))
        return;
    static const QRegularExpression raw(
        QStringLiteral(R"(--raw[= ]+['"]?/apis/([a-z0-9.-]+)/(v\d[a-z0-9]*))"));
    static const QRegularExpression error(QStringLiteral(
        R"(Error from server \((ServiceUnavailable|NotFound|InternalError)\): (.+)$)"));
    QString gv, command;
    for (const QString& line : textWithPrompts.split(QLatin1Char('\n'))) {
        if (promptPattern().match(line).hasMatch()) {
            const auto m = raw.match(line);
            gv = m.hasMatch() ? m.captured(1) + QLatin1Char('/') + m.captured(2) : QString();
            command = line.trimmed();
            continue;
        }
        const auto e = error.match(line);
        if (!e.hasMatch() || gv.isEmpty())
            continue;
        const bool known =
            std::any_of(facts->discoveryFailures.cbegin(), facts->discoveryFailures.cend(),
                        [&](const auto& f) { return f.groupVersion == gv && f.file == file; });
        if (!known)
            facts->discoveryFailures.append(
                {gv, e.captured(2).trimmed(), file, command + QLatin1Char('\n') + line.trimmed()});
        gv.clear();
    }
}

void TicketLines::scanDiscoveryFailures(const QString& joinedText, const QString& file,
                                        TicketFacts* facts)
{
    static const QRegularExpression aggregate(QStringLiteral(
        R"(unable to retrieve the complete list of server APIs: ((?:[a-z0-9.-]+/)?v\d[a-z0-9]*: [^"\n]+))"));
    static const QRegularExpression splitter(
        QStringLiteral(R"(, (?=(?:[a-z0-9.-]+/)?v\d[a-z0-9]*: ))"));
    static const QRegularExpression single(QStringLiteral(
        R"(couldn't get resource list for ((?:[a-z0-9.-]+/)?v\d[a-z0-9]*): ([^"\n]+))"));
    auto add = [&](const QString& gv, QString message, const QString& line) {
        // A YAML single-quoted message ends at its quote; what follows is the next field.
        message = message.section(QLatin1Char('\''), 0, 0).trimmed();
        if (message.endsWith(QLatin1Char(',')))
            message.chop(1);
        for (const auto& known : std::as_const(facts->discoveryFailures))
            if (known.groupVersion == gv && known.file == file)
                return;
        facts->discoveryFailures.append({gv, message, file, line.trimmed().left(1000)});
    };
    auto it = aggregate.globalMatch(joinedText);
    while (it.hasNext()) {
        const auto m = it.next();
        for (const QString& part : m.captured(1).split(splitter)) {
            const int colon = part.indexOf(QLatin1String(": "));
            add(part.left(colon), part.mid(colon + 2), lineAround(joinedText, m.capturedStart(0)));
        }
    }
    auto it2 = single.globalMatch(joinedText);
    while (it2.hasNext()) {
        const auto m = it2.next();
        add(m.captured(1), m.captured(2), lineAround(joinedText, m.capturedStart(0)));
    }
}

} // namespace unstuck
