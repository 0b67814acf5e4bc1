// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/tickets/YamlToJson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <sstream>
#include <yaml-cpp/eventhandler.h>
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

// Counts the values built and the nesting on the way down; throws past YamlToJson's limits.
class Budget
{
public:
    void enter(const YAML::Node& node, int depth)
    {
        if (depth > YamlToJson::kMaxDepth)
            throw YAML::Exception(node.Mark(),
                                  "nested deeper than " + std::to_string(YamlToJson::kMaxDepth) +
                                      " levels (or an alias refers to a value that holds it)");
        if (++m_values > YamlToJson::kMaxValues)
            throw YAML::Exception(node.Mark(), "more than " +
                                                   std::to_string(YamlToJson::kMaxValues) +
                                                   " values once its aliases are expanded");
    }

private:
    qint64 m_values = 0;
};

QJsonValue nodeToJson(const YAML::Node& node, int depth, Budget* budget)
{
    budget->enter(node, depth);
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        QJsonObject object;
        for (const auto& item : node)
            object.insert(QString::fromStdString(item.first.as<std::string>()),
                          nodeToJson(item.second, depth + 1, budget));
        return object;
    }
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const auto& item : node)
            array.append(nodeToJson(item, depth + 1, budget));
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

// yaml-cpp 0.7's LoadAll never ends on a token no document can start with (a stray "," in
// block context): each round makes an empty document without consuming it. A first pass with
// no-op events stops when a document starts where the previous one did.
class StuckDocumentCheck : public YAML::EventHandler
{
public:
    explicit StuckDocumentCheck(const std::string& text) : m_text(text) {}

    void OnDocumentStart(const YAML::Mark& mark) override
    {
        if (mark.pos == m_lastStart) {
            const std::string what = mark.pos >= 0 && std::size_t(mark.pos) < m_text.size()
                                         ? std::string(1, m_text[std::size_t(mark.pos)])
                                         : std::string("end of text");
            throw YAML::ParserException(mark, "\"" + what + "\" cannot start a value here");
        }
        m_lastStart = mark.pos;
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  const std::string&) override
    {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override
    {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                    YAML::EmitterStyle::value) override
    {}
    void OnMapEnd() override {}

    static void run(const std::string& text)
    {
        std::istringstream stream(text);
        YAML::Parser parser(stream);
        StuckDocumentCheck check(text);
        while (parser.HandleNextDocument(check)) {
        }
    }

private:
    const std::string& m_text;
    int m_lastStart = -1;
};

} // namespace

bool YamlToJson::convert(const QString& text, QList<QJsonValue>* documents, QString* error)
{
    try {
        const std::string utf8 = text.toStdString();
        StuckDocumentCheck::run(utf8);
        const std::vector<YAML::Node> nodes = YAML::LoadAll(utf8);
        Budget budget;
        for (const YAML::Node& node : nodes)
            documents->append(nodeToJson(node, 1, &budget));
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
