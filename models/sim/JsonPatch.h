// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace unstuck::sim {

// The patch formats the API server accepts: JSON merge patch (RFC 7386), JSON patch
// (RFC 6902) and strategic merge patch (treated as a merge patch: lists are replaced).
class JsonPatch
{
public:
    // Applies `patch` of the given Content-Type. On failure returns nullopt and *error.
    static std::optional<QJsonObject> apply(const QJsonObject& target, const QByteArray& patch,
                                            const QByteArray& contentType, QString* error);
    static QJsonValue mergePatch(const QJsonValue& target, const QJsonValue& patch);
};

} // namespace unstuck::sim
