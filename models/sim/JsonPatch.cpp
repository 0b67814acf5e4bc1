// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/JsonPatch.h"

#include <QJsonDocument>

#include <nlohmann/json.hpp>

namespace unstuck::sim {

namespace {

using nlohmann::json;

json toNlohmann(const QJsonObject& o)
{
    return json::parse(QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString());
}

QJsonObject toQt(const json& j)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(j.dump())).object();
}

JsonPatch::Failure badRequest(const QString& message)
{
    return {400, QStringLiteral("BadRequest"), message};
}

// What the API server answers for any JSON patch that does not apply (a failed test, a missing
// path): errors.NewGenericServerResponse(422, ...) keeps none of the library's text.
JsonPatch::Failure notApplied()
{
    return {422, QStringLiteral("Invalid"),
            QStringLiteral("the server rejected our request due to an error in our request")};
}

// Strategic-merge directives the simulator does not interpret: dropped, so the rest of the patch
// merges like a JSON merge patch (lists are replaced).
void dropDirectives(json& patch)
{
    if (!patch.is_object())
        return;
    for (auto it = patch.begin(); it != patch.end();) {
        if (it.key().starts_with('$'))
            it = patch.erase(it);
        else
            dropDirectives(*it++);
    }
}

std::optional<QJsonObject> applyJsonPatch(const json& document, const json& patch,
                                          JsonPatch::Failure* failure)
{
    if (!patch.is_array()) {
        *failure = badRequest(QStringLiteral("json: cannot unmarshal %1 into Go value of type "
                                             "jsonpatch.Patch")
                                  .arg(QString::fromLatin1(patch.type_name())));
        return std::nullopt;
    }
    for (const json& op : patch)
        if (!op.is_object()) {
            *failure = badRequest(QStringLiteral("json: cannot unmarshal %1 into Go value of type "
                                                 "jsonpatch.Operation")
                                      .arg(QString::fromLatin1(op.type_name())));
            return std::nullopt;
        }
    try {
        const json patched = document.patch(patch);
        if (patched.is_object())
            return toQt(patched);
    } catch (const json::exception&) {
        // test failed, path missing, unknown op: all the same answer
    }
    *failure = notApplied();
    return std::nullopt;
}

} // namespace

std::optional<QJsonObject> JsonPatch::apply(const QJsonObject& target, const QByteArray& patch,
                                            const QByteArray& contentType, Failure* failure)
{
    const bool jsonPatch = contentType.startsWith("application/json-patch+json");
    const bool strategic = contentType.startsWith("application/strategic-merge-patch+json");
    const bool merge = strategic || contentType.startsWith("application/merge-patch+json") ||
                       contentType.startsWith("application/apply-patch");
    if (!jsonPatch && !merge) {
        *failure = {415, QStringLiteral("UnsupportedMediaType"),
                    QStringLiteral("the body of the request was in an unknown format - accepted "
                                   "media types include: application/json-patch+json, "
                                   "application/merge-patch+json, application/apply-patch+yaml")};
        return std::nullopt;
    }
    json parsed = json::parse(patch.constData(), patch.constData() + patch.size(), nullptr, false);
    if (parsed.is_discarded()) {
        *failure = badRequest(jsonPatch ? QStringLiteral("invalid character in JSON patch")
                                        : QStringLiteral("Invalid JSON Patch"));
        return std::nullopt;
    }
    json document = toNlohmann(target);
    if (jsonPatch)
        return applyJsonPatch(document, parsed, failure);
    if (!parsed.is_object()) {
        *failure = badRequest(QStringLiteral("Invalid JSON Patch"));
        return std::nullopt;
    }
    if (strategic)
        dropDirectives(parsed);
    document.merge_patch(parsed);
    return toQt(document);
}

} // namespace unstuck::sim
