// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace unstuck::test {

// Writes to `path` the simulator's profile.json with other cloud credentials (endpoint and CA
// kept); no credentials at all when `credentials` is undefined. Returns `path`, or "" on error.
inline QString writeSimProfile(const QString& simProfile, const QString& path,
                               const QJsonValue& credentials)
{
    QFile in(simProfile);
    if (!in.open(QIODevice::ReadOnly))
        return {};
    QJsonObject profile = QJsonDocument::fromJson(in.readAll()).object();
    QJsonObject cloud = profile.value(QStringLiteral("cloud")).toObject();
    cloud.remove(QStringLiteral("accessKeyId"));
    cloud.remove(QStringLiteral("accessKeySecret"));
    cloud.remove(QStringLiteral("credentials"));
    if (!credentials.isUndefined())
        cloud.insert(QStringLiteral("credentials"), credentials);
    profile.insert(QStringLiteral("cloud"), cloud);
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(profile).toJson()) < 0 ||
        !out.flush())
        return {};
    return path;
}

} // namespace unstuck::test
