// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/tickets/TicketEvents.h"

#include <QRegularExpression>

namespace unstuck {
namespace {

// "… for node starfleet-janeway after 166ms: …" (FailedToCreateRoute), "… for node X …".
QString nodeInMessage(const QString& message)
{
    static const QRegularExpression forNode(QStringLiteral(R"(\bfor node ([\w.-]+))"));
    return forNode.match(message).captured(1);
}

} // namespace

QJsonObject TicketEvents::event(const QString& type, const QString& reason, const QString& message,
                                const QString& involvedKind, const QString& involvedName,
                                const QString& ns, const QString& component)
{
    QString kind = involvedKind, name = involvedName;
    if (kind.isEmpty() && !nodeInMessage(message).isEmpty()) {
        kind = QStringLiteral("Node");
        name = nodeInMessage(message);
    }
    // Node events live in "default" (client-go files events of cluster-scoped objects there).
    const QString eventNs = !ns.isEmpty() ? ns : QStringLiteral("default");
    QJsonObject e{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Event")},
        {QStringLiteral("metadata"),
         QJsonObject{
             {QStringLiteral("namespace"), eventNs},
             {QStringLiteral("annotations"), QJsonObject{{QStringLiteral("unstuck.dev/pasted-as"),
                                                          QStringLiteral("event row")}}}}},
        {QStringLiteral("type"), type},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("message"), message},
        {QStringLiteral("involvedObject"),
         QJsonObject{{QStringLiteral("kind"), kind}, {QStringLiteral("name"), name}}},
    };
    if (!component.isEmpty())
        e.insert(QStringLiteral("source"), QJsonObject{{QStringLiteral("component"), component}});
    return e;
}

int TicketEvents::scan(const QString& text, const QString& file,
                       const TicketLines::Context& context, TicketFacts* facts)
{
    if (!text.contains(QLatin1String("Warning")) && !text.contains(QLatin1String("Normal")))
        return 0;
    return scanRows(text, file, context, facts) + scanConsoleBlocks(text, file, facts);
}

int TicketEvents::scanRows(const QString& text, const QString& file,
                           const TicketLines::Context& context, TicketFacts* facts)
{
    // describe: TYPE REASON AGE FROM MESSAGE, columns two spaces apart.
    static const QRegularExpression describeRow(
        QStringLiteral(R"(^\s*(Normal|Warning)\s+(\w+)\s+(\S.*?)\s{2,}(\S+)\s{2,}(\S.*)$)"));
    // get events: LAST SEEN TYPE REASON OBJECT MESSAGE.
    static const QRegularExpression getRow(
        QStringLiteral(R"(^\s*(\S+)\s+(Normal|Warning)\s+(\w+)\s+([a-z]+)/([\w.-]+)\s+(\S.*)$)"));
    int added = 0;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        if (!line.contains(QLatin1String("Warning")) && !line.contains(QLatin1String("Normal")))
            continue;
        if (const auto m = getRow.match(line); m.hasMatch()) {
            facts->objects.append({event(m.captured(2), m.captured(3), m.captured(6).trimmed(),
                                         TicketLines::kindForCommandWord(m.captured(4)),
                                         m.captured(5), context.ns, {}),
                                   file, QStringLiteral("kubectl get events row")});
            ++added;
        } else if (const auto d = describeRow.match(line); d.hasMatch()) {
            facts->objects.append({event(d.captured(1), d.captured(2), d.captured(5).trimmed(),
                                         context.kind, context.name, context.ns, d.captured(4)),
                                   file, QStringLiteral("kubectl describe events row")});
            ++added;
        }
    }
    return added;
}

int TicketEvents::scanConsoleBlocks(const QString& text, const QString& file, TicketFacts* facts)
{
    // The ACK console's event export: one "Key: value" per line, a block per event, starting
    // with its level (Level/级别).
    static const QRegularExpression field(QStringLiteral(
        R"(^\s*(Level|Type|Kind|Name|Namespace|Reason|Message|Object|级别|类型|对象|名称|原因|信息|内容)\s*[:：]\s*(.*)$)"));
    int added = 0;
    QHash<QString, QString> block;
    auto flush = [&] {
        const QString level =
            block.value(QStringLiteral("Level"), block.value(QStringLiteral("Type")));
        if ((level == QLatin1String("Warning") || level == QLatin1String("Normal")) &&
            !block.value(QStringLiteral("Reason")).isEmpty()) {
            QString kind = block.value(QStringLiteral("Kind")),
                    name = block.value(QStringLiteral("Name"));
            if (const QString obj = block.value(QStringLiteral("Object"));
                obj.contains(QLatin1Char('/'))) {
                kind = TicketLines::kindForCommandWord(obj.section(QLatin1Char('/'), 0, 0));
                name = obj.section(QLatin1Char('/'), 1);
            }
            facts->objects.append({event(level, block.value(QStringLiteral("Reason")),
                                         block.value(QStringLiteral("Message")), kind, name,
                                         block.value(QStringLiteral("Namespace")), {}),
                                   file, QStringLiteral("console event export")});
            ++added;
        }
        block.clear();
    };
    static const QHash<QString, QString> chinese = {
        {QStringLiteral("级别"), QStringLiteral("Level")},
        {QStringLiteral("类型"), QStringLiteral("Kind")},
        {QStringLiteral("对象"), QStringLiteral("Object")},
        {QStringLiteral("名称"), QStringLiteral("Name")},
        {QStringLiteral("原因"), QStringLiteral("Reason")},
        {QStringLiteral("信息"), QStringLiteral("Message")},
        {QStringLiteral("内容"), QStringLiteral("Message")}};
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        const auto m = field.match(line);
        if (!m.hasMatch())
            continue;
        const QString key = chinese.value(m.captured(1), m.captured(1));
        if ((key == QLatin1String("Level") || key.isEmpty()) && !block.isEmpty())
            flush();
        if (key == QLatin1String("Type") && !block.isEmpty() &&
            block.contains(QStringLiteral("Reason")))
            flush();
        block.insert(key, m.captured(2).trimmed());
    }
    if (!block.isEmpty())
        flush();
    return added;
}

} // namespace unstuck
