// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/tickets/TicketWebhookErrors.h"

#include "models/tickets/ImpliedNamespace.h"

#include <QJsonArray>
#include <QSet>

namespace unstuck {
namespace {

bool isNamespace(const TicketFacts::Object& o)
{
    return o.object.value(QStringLiteral("kind")).toString() == QLatin1String("Namespace");
}

bool hasConditions(const QJsonObject& object)
{
    return !object.value(QStringLiteral("status"))
                .toObject()
                .value(QStringLiteral("conditions"))
                .toArray()
                .isEmpty();
}

} // namespace

void TicketWebhookErrors::implyNamespace(TicketFacts* facts)
{
    const TicketFacts::LogLine* error = firstWebhookError(*facts);
    if (!error)
        return;
    QSet<QString> names;
    for (const TicketFacts::Object& o : std::as_const(facts->objects)) {
        if (!isNamespace(o))
            continue;
        if (hasConditions(o.object))
            return; // the namespace says itself why it waits
        names.insert(
            o.object.value(QStringLiteral("metadata")).toObject().value(u"name").toString());
    }
    const QJsonObject ns = ImpliedNamespace::terminating(
        ImpliedNamespace::nameFrom(names),
        ImpliedNamespace::condition(QStringLiteral("NamespaceDeletionContentFailure"),
                                    QStringLiteral("ContentDeletionFailed"), error->line),
        {{QStringLiteral("unstuck.dev/partial"), QStringLiteral("true")},
         {QStringLiteral("unstuck.dev/pasted-line"), error->line},
         {QStringLiteral("unstuck.dev/implied-from"), QStringLiteral("error")}});
    facts->objects.append({ns, error->file, QStringLiteral("pasted webhook error")});
}

// A client's error, not a component's log line (those are judged where they belong).
const TicketFacts::LogLine* TicketWebhookErrors::firstWebhookError(const TicketFacts& facts)
{
    for (const TicketFacts::LogLine& log : facts.logs)
        if (log.component.isEmpty() && log.line.contains(QLatin1String("failed calling webhook")))
            return &log;
    return nullptr;
}

} // namespace unstuck
