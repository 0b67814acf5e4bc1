// SPDX-License-Identifier: GPL-3.0-or-later
// `kubectl describe` output → Kubernetes objects (part of TicketDocuments).
#include "models/tickets/TicketDocuments.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace unstuck {
namespace {

struct DescribeLine
{
    int indent = 0;
    QString key; // "" when the line is not "Key:  value"
    QString value;
    QString text; // trimmed line
};

DescribeLine splitLine(const QString& line)
{
    static const QRegularExpression keyValue(
        QStringLiteral(R"(^(\s*)([A-Z][A-Za-z0-9 -]*):(?:\s+(.*))?$)"));
    // Built once: a pattern made per line was compiled (and JIT-compiled) for every line of
    // every pasted piece that is not JSON or YAML.
    static const QRegularExpression leadingSpace(QStringLiteral("^\\s+"));
    DescribeLine out;
    out.text = line.trimmed();
    out.indent = int(leadingSpace.match(line).capturedLength());
    if (const auto m = keyValue.match(line); m.hasMatch()) {
        out.key = m.captured(2);
        out.value = m.captured(3).trimmed();
    }
    return out;
}

// "NamespaceContentRemaining  True  Fri, 03 Feb 2023 12:55:34 +0000  SomeResourcesRemain  Some…"
const QRegularExpression& conditionRow()
{
    static const QRegularExpression re(QStringLiteral(
        R"(^\s*([A-Z][A-Za-z]+)\s+(True|False|Unknown)\s+(.*?)\s{2,}([A-Z][A-Za-z]+)\s{2,}(\S.*)$)"));
    return re;
}

// "  Warning  SyncRouteFailed  3m (x12 over 1h)  route-controller  Reconciling route error: …"
const QRegularExpression& eventRow()
{
    static const QRegularExpression re(
        QStringLiteral(R"(^\s+(Normal|Warning)\s+(\w+)\s+(\S.*?)\s{2,}(\S+)\s{2,}(\S.*)$)"));
    return re;
}

QJsonArray tableConditions(const QStringList& lines)
{
    QJsonArray conditions;
    QJsonObject current;
    int rowIndent = -1;
    for (const QString& line : lines) {
        if (const auto m = conditionRow().match(line); m.hasMatch()) {
            if (!current.isEmpty())
                conditions.append(current);
            rowIndent = int(m.capturedStart(1));
            current = QJsonObject{{QStringLiteral("type"), m.captured(1)},
                                  {QStringLiteral("status"), m.captured(2)},
                                  {QStringLiteral("lastTransitionTime"), m.captured(3).trimmed()},
                                  {QStringLiteral("reason"), m.captured(4)},
                                  {QStringLiteral("message"), m.captured(5).trimmed()}};
            continue;
        }
        const DescribeLine d = splitLine(line);
        // A message wrapped onto the next lines is indented well past the row start.
        if (!current.isEmpty() && d.key.isEmpty() && !d.text.isEmpty() &&
            d.indent > rowIndent + 8) {
            current.insert(QStringLiteral("message"),
                           current.value(QStringLiteral("message")).toString() + QLatin1Char(' ') +
                               d.text);
            continue;
        }
        if (!current.isEmpty()) {
            conditions.append(current);
            current = {};
        }
    }
    if (!current.isEmpty())
        conditions.append(current);
    return conditions;
}

// APIService style: "Conditions:" followed by "Last Transition Time: / Message: / Reason: /
// Status: / Type:" blocks.
QJsonArray blockConditions(const QList<DescribeLine>& lines)
{
    static const QHash<QString, QString> fieldOf = {
        {QStringLiteral("Type"), QStringLiteral("type")},
        {QStringLiteral("Status"), QStringLiteral("status")},
        {QStringLiteral("Reason"), QStringLiteral("reason")},
        {QStringLiteral("Message"), QStringLiteral("message")},
        {QStringLiteral("Last Transition Time"), QStringLiteral("lastTransitionTime")},
    };
    QJsonArray conditions;
    QJsonObject current;
    int sectionIndent = -1;
    QString lastField;
    for (const DescribeLine& d : lines) {
        if (d.key == QLatin1String("Conditions") && d.value.isEmpty()) {
            sectionIndent = d.indent;
            continue;
        }
        if (sectionIndent < 0)
            continue;
        if (!d.text.isEmpty() && d.indent <= sectionIndent) {
            sectionIndent = -1;
            continue;
        }
        if (fieldOf.contains(d.key)) {
            const QString field = fieldOf.value(d.key);
            if (current.contains(field)) {
                conditions.append(current);
                current = {};
            }
            current.insert(field, d.value);
            lastField = field;
        } else if (!d.text.isEmpty() && lastField == QLatin1String("message")) {
            current.insert(lastField,
                           current.value(lastField).toString() + QLatin1Char(' ') + d.text);
        }
    }
    if (current.contains(QStringLiteral("type")))
        conditions.append(current);
    return conditions;
}

QString sectionValue(const QList<DescribeLine>& lines, const QString& section, const QString& key)
{
    int sectionIndent = -1;
    for (const DescribeLine& d : lines) {
        if (d.key == section && d.value.isEmpty()) {
            sectionIndent = d.indent;
            continue;
        }
        if (sectionIndent >= 0 && !d.text.isEmpty() && d.indent <= sectionIndent)
            sectionIndent = -1;
        if (sectionIndent >= 0 && d.key == key)
            return d.value;
    }
    return {};
}

QString topValue(const QList<DescribeLine>& lines, const QString& key)
{
    for (const DescribeLine& d : lines)
        if (d.indent == 0 && d.key == key)
            return d.value;
    return {};
}

} // namespace

bool TicketDocuments::parseDescribe(const QString& text, const QString& file,
                                    const TicketLines::Context& context, TicketFacts* facts)
{
    const QStringList raw = text.split(QLatin1Char('\n'));
    QList<DescribeLine> lines;
    for (const QString& line : raw)
        lines.append(splitLine(line));

    const QString name = topValue(lines, QStringLiteral("Name"));
    QJsonArray conditions = tableConditions(raw);
    if (conditions.isEmpty())
        conditions = blockConditions(lines);
    QJsonObject metadata{{QStringLiteral("name"), name}};
    const QString ns = topValue(lines, QStringLiteral("Namespace"));
    if (!ns.isEmpty())
        metadata.insert(QStringLiteral("namespace"), ns);
    QJsonObject object{{QStringLiteral("metadata"), metadata}};
    QString kind = topValue(lines, QStringLiteral("Kind"));
    const QString status = topValue(lines, QStringLiteral("Status"));
    if (kind.isEmpty() &&
        (status == QLatin1String("Terminating") || status == QLatin1String("Active")))
        kind = QStringLiteral("Namespace");
    if (!kind.isEmpty())
        object.insert(QStringLiteral("kind"), kind);

    QJsonObject statusObject{{QStringLiteral("conditions"), conditions}};
    if (kind == QLatin1String("Namespace") && !status.isEmpty())
        statusObject.insert(QStringLiteral("phase"), status);
    object.insert(QStringLiteral("status"), statusObject);

    QJsonObject spec;
    const QString serviceName =
        sectionValue(lines, QStringLiteral("Service"), QStringLiteral("Name"));
    if (!serviceName.isEmpty()) {
        spec.insert(
            QStringLiteral("service"),
            QJsonObject{
                {QStringLiteral("name"), serviceName},
                {QStringLiteral("namespace"),
                 sectionValue(lines, QStringLiteral("Service"), QStringLiteral("Namespace"))},
                {QStringLiteral("port"),
                 sectionValue(lines, QStringLiteral("Service"), QStringLiteral("Port")).toInt()}});
    }
    for (const auto& [key, field] :
         {std::pair{"Group", "group"}, std::pair{"Version", "version"}}) {
        const QString v = sectionValue(lines, QStringLiteral("Spec"), QLatin1String(key));
        if (!v.isEmpty())
            spec.insert(QLatin1String(field), v);
    }
    for (const auto& [key, field] :
         {std::pair{"ProviderID", "providerID"}, std::pair{"PodCIDR", "podCIDR"}}) {
        const QString v = topValue(lines, QLatin1String(key));
        if (!v.isEmpty())
            spec.insert(QLatin1String(field), v);
    }
    if (!spec.isEmpty())
        object.insert(QStringLiteral("spec"), spec);

    bool any = false;
    if (!name.isEmpty() || !conditions.isEmpty())
        any = addJsonValue(object, file, QStringLiteral("kubectl describe"), context, facts);

    // The Events table at the end of every describe.
    const QString involvedKind = object.value(QStringLiteral("kind")).toString();
    for (const QString& line : raw) {
        const auto m = eventRow().match(line);
        if (!m.hasMatch() || name.isEmpty())
            continue;
        facts->objects.append(
            {QJsonObject{
                 {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                 {QStringLiteral("kind"), QStringLiteral("Event")},
                 {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("namespace"), ns}}},
                 {QStringLiteral("type"), m.captured(1)},
                 {QStringLiteral("reason"), m.captured(2)},
                 {QStringLiteral("source"),
                  QJsonObject{{QStringLiteral("component"), m.captured(4)}}},
                 {QStringLiteral("message"), m.captured(5).trimmed()},
                 {QStringLiteral("involvedObject"),
                  QJsonObject{{QStringLiteral("kind"), involvedKind},
                              {QStringLiteral("name"), name}}}},
             file, QStringLiteral("kubectl describe events")});
        any = true;
    }
    if (!any && name.isEmpty() && !conditions.isEmpty())
        return false;
    return any;
}

bool TicketDocuments::parseConditionRows(const QString& text, const QString& file,
                                         const TicketLines::Context& context, TicketFacts* facts)
{
    const QStringList raw = text.split(QLatin1Char('\n'));
    QJsonArray conditions = tableConditions(raw);
    if (conditions.isEmpty() && text.contains(QLatin1String("Conditions:"))) {
        // The Status block of an APIService describe pasted without its header.
        QList<DescribeLine> lines;
        for (const QString& line : raw)
            lines.append(splitLine(line));
        conditions = blockConditions(lines);
    }
    if (conditions.isEmpty())
        return false;
    const QJsonObject fragment{
        {QStringLiteral("status"), QJsonObject{{QStringLiteral("conditions"), conditions}}}};
    return addJsonValue(fragment, file, QStringLiteral("kubectl describe (conditions)"), context,
                        facts);
}

} // namespace unstuck
