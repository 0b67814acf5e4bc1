// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/tickets/TicketDocuments.h"

#include "models/tickets/TicketParser.h"
#include "models/tickets/YamlToJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace unstuck {
namespace {

const QString kMetadata = QStringLiteral("metadata");
const QString kStatus = QStringLiteral("status");
const QString kConditions = QStringLiteral("conditions");

QString conditionsKind(const QJsonArray& conditions)
{
    for (const QJsonValue& v : conditions) {
        const QString type = v.toObject().value(QStringLiteral("type")).toString();
        if (type.startsWith(QLatin1String("NamespaceDeletion")) ||
            type.startsWith(QLatin1String("NamespaceContent")) ||
            type.startsWith(QLatin1String("NamespaceFinalizers")))
            return QStringLiteral("Namespace");
        if (type == QLatin1String("NetworkUnavailable") || type == QLatin1String("MemoryPressure"))
            return QStringLiteral("Node");
        if (type == QLatin1String("Available")) {
            const QString message = v.toObject().value(QStringLiteral("message")).toString();
            const QString reason = v.toObject().value(QStringLiteral("reason")).toString();
            static const QStringList apiServiceReasons = {QStringLiteral("FailedDiscoveryCheck"),
                                                          QStringLiteral("ServiceNotFound"),
                                                          QStringLiteral("MissingEndpoints"),
                                                          QStringLiteral("EndpointsNotFound"),
                                                          QStringLiteral("ServicePortError"),
                                                          QStringLiteral("Local"),
                                                          QStringLiteral("Passed")};
            if (apiServiceReasons.contains(reason) || message.contains(QLatin1String("/apis/")))
                return QStringLiteral("APIService");
            return QStringLiteral("Deployment");
        }
    }
    return {};
}

// "failing or missing response from https://10.0.0.1:443/apis/metrics.k8s.io/v1beta1: …"
QString apiServiceNameFromConditions(const QJsonArray& conditions)
{
    static const QRegularExpression url(QStringLiteral(R"(/apis/([a-z0-9.-]+)/(v\d[a-z0-9]*))"));
    for (const QJsonValue& v : conditions) {
        const auto m = url.match(v.toObject().value(QStringLiteral("message")).toString());
        if (m.hasMatch())
            return m.captured(2) + QLatin1Char('.') + m.captured(1);
    }
    return {};
}

QString apiVersionFor(const QString& kind)
{
    if (kind == QLatin1String("APIService"))
        return QStringLiteral("apiregistration.k8s.io/v1");
    if (kind == QLatin1String("Deployment"))
        return QStringLiteral("apps/v1");
    return QStringLiteral("v1");
}

} // namespace

QJsonObject TicketDocuments::completeFragment(QJsonObject object,
                                              const TicketLines::Context& context)
{
    // A single condition object pasted alone.
    if (object.contains(QStringLiteral("type")) && object.contains(QStringLiteral("reason")) &&
        !object.contains(kMetadata)) {
        object = QJsonObject{{kStatus, QJsonObject{{kConditions, QJsonArray{object}}}}};
    }
    // Metadata fields pasted alone (`… -o yaml | grep -A 2 finalizers`): they are its metadata.
    if (object.contains(QStringLiteral("finalizers")) && !object.contains(kMetadata) &&
        !object.contains(QStringLiteral("spec")))
        object = QJsonObject{{kMetadata, object}};
    QJsonObject metadata = object.value(kMetadata).toObject();
    const QJsonArray conditions = object.value(kStatus).toObject().value(kConditions).toArray();
    QString kind = object.value(QStringLiteral("kind")).toString();
    if (kind.isEmpty())
        kind = conditionsKind(conditions);
    if (kind.isEmpty())
        kind = context.kind;
    if (kind.isEmpty())
        return {};
    object.insert(QStringLiteral("kind"), kind);
    if (!object.contains(QStringLiteral("apiVersion")))
        object.insert(QStringLiteral("apiVersion"), apiVersionFor(kind));
    if (metadata.value(QStringLiteral("name")).toString().isEmpty()) {
        QString name = context.kind == kind ? context.name : QString();
        if (name.isEmpty() && kind == QLatin1String("APIService"))
            name = apiServiceNameFromConditions(conditions);
        // A namespace's own conditions still tell the story when its name was not pasted;
        // other unnamed fragments cannot be attached to anything checkable.
        if (name.isEmpty() && kind == QLatin1String("Namespace"))
            name = QStringLiteral("unnamed-namespace");
        // Finalizers of an object the paste lists elsewhere: TicketFinalizers attaches them.
        if (name.isEmpty() && metadata.contains(QStringLiteral("finalizers"))) {
            if (!context.ns.isEmpty() && !metadata.contains(QStringLiteral("namespace")))
                metadata.insert(QStringLiteral("namespace"), context.ns);
            object.insert(kMetadata, metadata);
            return object;
        }
        if (name.isEmpty())
            return {};
        metadata.insert(QStringLiteral("name"), name);
        QJsonObject annotations = metadata.value(QStringLiteral("annotations")).toObject();
        annotations.insert(QStringLiteral("unstuck.dev/partial"), QStringLiteral("true"));
        if (name == QLatin1String("unnamed-namespace"))
            annotations.insert(QStringLiteral("unstuck.dev/name-unknown"), QStringLiteral("true"));
        metadata.insert(QStringLiteral("annotations"), annotations);
    }
    // An APIService known from its conditions alone: its group and version are in its name,
    // and it is aggregated (the message names the backend's URL), its Service not pasted.
    if (kind == QLatin1String("APIService") && !object.contains(QStringLiteral("spec"))) {
        const QString name = metadata.value(QStringLiteral("name")).toString();
        const int dot = int(name.indexOf(QLatin1Char('.')));
        object.insert(QStringLiteral("spec"),
                      QJsonObject{{QStringLiteral("version"), name.left(dot)},
                                  {QStringLiteral("group"), name.mid(dot + 1)}});
        QJsonObject annotations = metadata.value(QStringLiteral("annotations")).toObject();
        annotations.insert(QStringLiteral("unstuck.dev/service-unknown"), QStringLiteral("true"));
        metadata.insert(QStringLiteral("annotations"), annotations);
    }
    if (!context.ns.isEmpty() && !metadata.contains(QStringLiteral("namespace")) &&
        kind != QLatin1String("Namespace") && kind != QLatin1String("Node") &&
        kind != QLatin1String("APIService"))
        metadata.insert(QStringLiteral("namespace"), context.ns);
    object.insert(kMetadata, metadata);
    // Deletion conditions only exist while a namespace terminates.
    if (kind == QLatin1String("Namespace") && !conditions.isEmpty()) {
        QJsonObject status = object.value(kStatus).toObject();
        if (!status.contains(QStringLiteral("phase")))
            status.insert(QStringLiteral("phase"), QStringLiteral("Terminating"));
        object.insert(kStatus, status);
    }
    return object;
}

bool TicketDocuments::classifyCloudAnswer(const QJsonObject& o, QString* product, QString* action)
{
    static const QList<std::tuple<const char*, const char*, const char*>> byKey = {
        {"RouteEntrys", "vpc", "DescribeRouteEntryList"},
        {"RouterTableList", "vpc", "DescribeRouteTableList"},
        {"Vpcs", "vpc", "DescribeVpcs"},
        {"InstanceRamRoleSets", "ecs", "DescribeInstanceRamRole"},
        {"Instances", "ecs", "DescribeInstances"},
        {"DefaultPolicyVersion", "ram", "GetPolicy"},
        {"PolicyVersions", "ram", "ListPolicyVersions"},
        {"PolicyVersion", "ram", "GetPolicyVersion"},
        {"Policies", "ram", "ListPoliciesForRole"},
        {"Role", "ram", "GetRole"},
        {"IdentityType", "sts", "GetCallerIdentity"},
    };
    for (const auto& [key, prod, act] : byKey) {
        if (o.contains(QLatin1String(key))) {
            *product = QLatin1String(prod);
            *action = QLatin1String(act);
            return true;
        }
    }
    // An error answer: the denied action is named in AccessDeniedDetail.
    if (o.contains(QStringLiteral("Code")) && o.contains(QStringLiteral("RequestId"))) {
        const QString detail =
            o.value(QStringLiteral("AccessDeniedDetail")).toVariant().toString() +
            QJsonDocument(o.value(QStringLiteral("AccessDeniedDetail")).toObject()).toJson();
        static const QRegularExpression authAction(QStringLiteral(R"(\b(vpc|ecs|ram|sts):(\w+))"));
        const auto m = authAction.match(detail + o.value(QStringLiteral("Message")).toString());
        if (m.hasMatch()) {
            *product = m.captured(1);
            *action = m.captured(2);
            return true;
        }
    }
    return false;
}

bool TicketDocuments::addJsonValue(const QJsonObject& object, const QString& file,
                                   const QString& how, const TicketLines::Context& context,
                                   TicketFacts* facts)
{
    QString product, action;
    if (object.contains(QStringLiteral("RequestId")) &&
        classifyCloudAnswer(object, &product, &action)) {
        facts->cloudAnswers.append({product, action, object, file});
        return true;
    }
    if (object.value(QStringLiteral("kind")).toString().endsWith(QLatin1String("List")) &&
        object.contains(QStringLiteral("items"))) {
        bool any = false;
        for (const QJsonValue& item : object.value(QStringLiteral("items")).toArray()) {
            QJsonObject o = item.toObject();
            if (!o.contains(QStringLiteral("kind"))) {
                QString k = object.value(QStringLiteral("kind")).toString();
                k.chop(4);
                o.insert(QStringLiteral("kind"), k);
            }
            any = addJsonValue(o, file, how, context, facts) || any;
        }
        return any;
    }
    const QJsonObject complete = completeFragment(object, context);
    if (complete.isEmpty())
        return false;
    facts->objects.append({complete, file, how});
    return true;
}

bool TicketDocuments::parseStructured(const QString& text, const QString& file,
                                      const TicketLines::Context& context, TicketFacts* facts)
{
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(QLatin1Char('{')) || trimmed.startsWith(QLatin1Char('[')) ||
        trimmed.startsWith(QLatin1Char('"'))) {
        QString candidate = trimmed.startsWith(QLatin1Char('"'))
                                ? QLatin1Char('{') + trimmed + QLatin1Char('}')
                                : trimmed;
        QJsonParseError error;
        QJsonDocument doc = QJsonDocument::fromJson(candidate.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError) {
            if (trimmed.startsWith(QLatin1Char('"')))
                candidate = QLatin1Char('{') + trimmed;
            doc = QJsonDocument::fromJson(TicketParser::repairTruncatedJson(candidate).toUtf8(),
                                          &error);
        }
        if (error.error == QJsonParseError::NoError) {
            const QString how = QStringLiteral("kubectl get -o json");
            if (doc.isArray())
                return addConditionList(doc.array(), file, how, context, facts);
            return addJsonValue(doc.object(), file, how, context, facts);
        }
    }
    static const QRegularExpression describeName(QStringLiteral(R"(^Name:\s+\S)"),
                                                 QRegularExpression::MultilineOption);
    if (describeName.match(text).hasMatch())
        return parseDescribe(text, file, context, facts);

    return parseYaml(text, file, context, facts);
}

// The YAML a person pasted, without the prose around it: from the first line that opens a
// Kubernetes object, a status block or a conditions list, to the first line that is no longer
// part of it; dedented, so an indented fragment (`  conditions:`) parses too.
QString TicketDocuments::yamlBlock(const QString& text)
{
    static const QRegularExpression opener(QStringLiteral(
        R"(^(\s*)(?:(?:apiVersion|kind|metadata|status|spec|items|conditions|finalizers):|- (?:type|lastTransitionTime|apiVersion):))"));
    static const QRegularExpression member(
        QStringLiteral(R"(^\s*(?:[\w"'./-]+:(?:\s|$)|- |---|#))"));
    auto indentOf = [](const QString& line) {
        int i = 0;
        while (i < line.size() && line.at(i) == QLatin1Char(' '))
            ++i;
        return i;
    };
    QStringList block;
    int base = -1;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        if (base < 0) {
            const auto m = opener.match(line);
            if (!m.hasMatch())
                continue;
            base = int(m.capturedLength(1));
        } else if (!line.trimmed().isEmpty()) {
            const int indent = indentOf(line);
            if (indent < base || (indent == base && !member.match(line).hasMatch()))
                break;
        }
        block << (indentOf(line) >= base ? line.mid(base) : line.trimmed());
    }
    return block.join(QLatin1Char('\n'));
}

bool TicketDocuments::parseYaml(const QString& text, const QString& file,
                                const TicketLines::Context& context, TicketFacts* facts)
{
    const QString block = yamlBlock(text);
    if (block.trimmed().isEmpty())
        return false;
    QList<QJsonValue> documents;
    QString error;
    // A paste cut off mid-value: drop its last lines until the rest parses.
    QStringList lines = block.split(QLatin1Char('\n'));
    bool parsed = false;
    for (int attempt = 0; attempt < 4 && !lines.isEmpty() && !parsed; ++attempt) {
        documents.clear();
        parsed = YamlToJson::convert(lines.join(QLatin1Char('\n')), &documents, &error);
        lines.removeLast();
    }
    if (!parsed)
        return false;
    bool any = false;
    const QString how = QStringLiteral("kubectl get -o yaml");
    for (const QJsonValue& doc : std::as_const(documents)) {
        if (doc.isArray())
            any = addConditionList(doc.toArray(), file, how, context, facts) || any;
        else if (doc.isObject() && doc.toObject().contains(QStringLiteral("conditions")) &&
                 !doc.toObject().contains(QStringLiteral("status")))
            any = addJsonValue(QJsonObject{{QStringLiteral("status"), doc}}, file, how, context,
                               facts) ||
                  any;
        else if (doc.isObject())
            any = addJsonValue(doc.toObject(), file, how, context, facts) || any;
    }
    return any;
}

// A bare list: conditions (one fragment holding them all) or objects.
bool TicketDocuments::addConditionList(const QJsonArray& list, const QString& file,
                                       const QString& how, const TicketLines::Context& context,
                                       TicketFacts* facts)
{
    const bool conditions =
        !list.isEmpty() && std::all_of(list.begin(), list.end(), [](const QJsonValue& v) {
            return v.toObject().contains(QStringLiteral("type")) &&
                   v.toObject().contains(QStringLiteral("status"));
        });
    if (conditions)
        return addJsonValue(QJsonObject{{QStringLiteral("status"),
                                         QJsonObject{{QStringLiteral("conditions"), list}}}},
                            file, how, context, facts);
    bool any = false;
    for (const QJsonValue& v : list)
        any = addJsonValue(v.toObject(), file, how, context, facts) || any;
    return any;
}

bool TicketDocuments::parseJsonLines(const QString& text, const QString& file,
                                     const TicketLines::Context& context, TicketFacts* facts)
{
    bool any = false;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (!trimmed.startsWith(QLatin1Char('{')) || trimmed.contains(QLatin1String("\"msg\"")))
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed.toUtf8());
        if (doc.isObject() && (doc.object().contains(QStringLiteral("RequestId")) ||
                               doc.object().contains(QStringLiteral("apiVersion"))))
            any = addJsonValue(doc.object(), file, QStringLiteral("JSON line"), context, facts) ||
                  any;
    }
    return any;
}

} // namespace unstuck
