// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/tickets/YamlToJson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <yaml-cpp/yaml.h>

namespace unstuck {
namespace {

QJsonValue scalarToJson(const YAML::Node& node)
{
    const QString text = QString::fromStdString(node.Scalar());
    // A quoted scalar has the "!" tag; only plain scalars are typed.
    if (node.Tag() == "!")
        return text;
    if (text == QLatin1String("true") || text == QLatin1String("True"))
        return true;
    if (text == QLatin1String("false") || text == QLatin1String("False"))
        return false;
    if (text == QLatin1String("null") || text == QLatin1String("~") || text.isEmpty())
        return QJsonValue::Null;
    static const QRegularExpression number(
        QStringLiteral(R"(^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$)"));
    if (number.match(text).hasMatch()) {
        bool ok = false;
        const double value = text.toDouble(&ok);
        if (ok)
            return value;
    }
    return text;
}

QJsonValue nodeToJson(const YAML::Node& node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        QJsonObject object;
        for (const auto& item : node)
            object.insert(QString::fromStdString(item.first.as<std::string>()),
                          nodeToJson(item.second));
        return object;
    }
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const auto& item : node)
            array.append(nodeToJson(item));
        return array;
    }
    case YAML::NodeType::Scalar:
        return scalarToJson(node);
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        break;
    }
    return QJsonValue::Null;
}

} // namespace

bool YamlToJson::convert(const QString& text, QList<QJsonValue>* documents, QString* error)
{
    try {
        const std::vector<YAML::Node> nodes = YAML::LoadAll(text.toStdString());
        for (const YAML::Node& node : nodes)
            documents->append(nodeToJson(node));
        return true;
    } catch (const YAML::Exception& e) {
        *error = QStringLiteral("YAML error at line %1, column %2: %3")
                     .arg(e.mark.line + 1)
                     .arg(e.mark.column + 1)
                     .arg(QString::fromStdString(e.msg));
        return false;
    }
}

} // namespace unstuck
