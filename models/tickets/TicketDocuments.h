// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/tickets/TicketFacts.h"
#include "models/tickets/TicketLines.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace unstuck {

// Whole-document recognisers for pasted text: JSON (objects, Lists, fragments, truncated),
// YAML (one or many documents, bare `status:` blocks), `kubectl describe`, and aliyun CLI JSON.
class TicketDocuments
{
public:
    // Returns true when the text was a structured document (its facts are added).
    static bool parseStructured(const QString& text, const QString& file,
                                const TicketLines::Context& context, TicketFacts* facts);

    // Adds one JSON value: a Kubernetes object, a List, a fragment or an aliyun answer.
    static bool addJsonValue(const QJsonObject& object, const QString& file, const QString& how,
                             const TicketLines::Context& context, TicketFacts* facts);

    // Gives a fragment (a bare status block, a single condition) the kind and name its content
    // implies: deletion conditions → Namespace, Available → APIService, NetworkUnavailable → Node.
    static QJsonObject completeFragment(QJsonObject object, const TicketLines::Context& context);

    // The aliyun CLI answer's action, from the keys it carries.
    static bool classifyCloudAnswer(const QJsonObject& object, QString* product, QString* action);

    // Single-line JSON documents inside other text (an aliyun CLI error after its banner).
    static bool parseJsonLines(const QString& text, const QString& file,
                               const TicketLines::Context& context, TicketFacts* facts);
    // Condition rows of a `kubectl describe` pasted without its header.
    static bool parseConditionRows(const QString& text, const QString& file,
                                   const TicketLines::Context& context, TicketFacts* facts);
    static bool parseYaml(const QString& text, const QString& file,
                          const TicketLines::Context& context, TicketFacts* facts);
    static QString yamlBlock(const QString& text);
    static bool addConditionList(const QJsonArray& list, const QString& file, const QString& how,
                                 const TicketLines::Context& context, TicketFacts* facts);
    static bool parseDescribe(const QString& text, const QString& file,
                              const TicketLines::Context& context, TicketFacts* facts);
};

} // namespace unstuck
