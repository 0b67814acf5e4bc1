// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace unstuck::sim {

// The patch formats the API server accepts, applied by nlohmann/json: JSON patch (RFC 6902, with
// its test operation), JSON merge patch (RFC 7386) and strategic merge patch (a merge patch with
// its directives dropped: lists are replaced). The sim's objects are Qt JSON; they are converted
// at this boundary only.
class JsonPatch
{
public:
    // Why a patch was refused, as the API server answers it.
    struct Failure
    {
        int status = 422;
        QString reason; // "Invalid", "BadRequest", "UnsupportedMediaType"
        QString message;
    };

    // Applies `patch` of the given Content-Type to `target`. On failure returns nullopt and fills
    // *failure.
    static std::optional<QJsonObject> apply(const QJsonObject& target, const QByteArray& patch,
                                            const QByteArray& contentType, Failure* failure);
};

} // namespace unstuck::sim
