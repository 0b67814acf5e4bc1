// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>

namespace unstuck {

// Converts YAML (one or several `---` documents) to JSON values, keeping Kubernetes' types:
// quoted scalars stay strings, plain true/false/numbers/null become JSON ones.
class YamlToJson
{
public:
    // Deeper nesting is refused (Kubernetes objects nest about 20 levels; an alias that contains
    // itself nests for ever), and so are documents whose aliases expand to more values than
    // this ("billion laughs"): either is an error, never a stack overflow or out-of-memory.
    static constexpr int kMaxDepth = 256;
    static constexpr qint64 kMaxValues = 2'000'000;

    // Returns false and a message with the line number when the text is not YAML or is over a
    // limit above.
    static bool convert(const QString& text, QList<QJsonValue>* documents, QString* error);
};

} // namespace unstuck
