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
    // Returns false and a message with the line number when the text is not YAML.
    static bool convert(const QString& text, QList<QJsonValue>* documents, QString* error);
};

} // namespace unstuck
