// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/fixes/JsonDiff.h"

#include <QJsonDocument>
#include <nlohmann/json.hpp>

namespace unstuck {

namespace {

using json = nlohmann::json;

// Through text: both libraries read and write standard JSON, and scalars travel in an array.
json toJson(const QJsonValue& value)
{
    if (value.isUndefined() || value.isNull())
        return nullptr;
    const QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return json::parse(text.constData(), text.constData() + text.size()).at(0);
}

QJsonValue fromJson(const json& value)
{
    const std::string text = json::array({value}).dump();
    return QJsonDocument::fromJson(QByteArray::fromStdString(text)).array().at(0);
}

} // namespace

QJsonArray JsonDiff::diff(const QJsonValue& before, const QJsonValue& after)
{
    return fromJson(json::diff(toJson(before), toJson(after))).toArray();
}

std::optional<QJsonValue> JsonDiff::patch(const QJsonValue& target, const QJsonArray& patch,
                                          QString* error)
{
    try {
        return fromJson(toJson(target).patch(toJson(patch)));
    } catch (const json::exception& e) {
        if (error)
            *error = QString::fromUtf8(e.what());
        return std::nullopt;
    }
}

QJsonValue JsonDiff::mergePatch(const QJsonValue& target, const QJsonValue& patch)
{
    json out = toJson(target);
    out.merge_patch(toJson(patch));
    return fromJson(out);
}

} // namespace unstuck
