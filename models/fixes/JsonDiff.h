// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonValue>
#include <QString>
#include <optional>

namespace unstuck {

// JSON Patch (RFC 6902) and merge patch (RFC 7386) on Qt JSON values, done by nlohmann/json:
// the diffs a fix preview shows and the patches it computes its "after" object with.
class JsonDiff
{
public:
    // The patch that turns `before` into `after` (undefined counts as null: absent).
    static QJsonArray diff(const QJsonValue& before, const QJsonValue& after);
    // `target` with `patch` applied; nullopt and *error when an operation fails (a `test` that
    // does not hold, a path that does not exist).
    static std::optional<QJsonValue> patch(const QJsonValue& target, const QJsonArray& patch,
                                           QString* error);
    static QJsonValue mergePatch(const QJsonValue& target, const QJsonValue& patch);
};

} // namespace unstuck
