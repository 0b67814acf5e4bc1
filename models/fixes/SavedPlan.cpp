// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/fixes/SavedPlan.h"

#include "models/sources/ConnectionRecord.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace unstuck {

using namespace Qt::StringLiterals;

bool SavedPlan::save(const QString& path, QString* error) const
{
    QJsonArray list;
    for (const PreparedFix& f : fixes)
        list.append(f.toJson(false));
    const QJsonObject root{{u"kind"_s, QString::fromLatin1(kKind)},
                           {u"version"_s, 1},
                           {u"createdAt"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                           {u"context"_s, context},
                           {u"connection"_s, ConnectionRecord::toJson(connection)},
                           {u"healAll"_s, healAll},
                           {u"fixes"_s, list}};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = u"%1: %2"_s.arg(path, file.errorString());
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(root).toJson());
    if (!file.commit()) {
        *error = u"%1: %2"_s.arg(path, file.errorString());
        return false;
    }
    return true;
}

std::optional<SavedPlan> SavedPlan::load(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"%1: %2"_s.arg(path, file.errorString());
        return std::nullopt;
    }
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    if (root.value(u"kind"_s).toString() != QLatin1String(kKind) ||
        root.value(u"version"_s).toInt() != 1) {
        *error = u"%1 is not a plan saved by `unstuck fix plan --out`"_s.arg(path);
        return std::nullopt;
    }
    SavedPlan plan;
    plan.context = root.value(u"context"_s).toString();
    plan.connection = ConnectionRecord::fromJson(root.value(u"connection"_s).toObject());
    plan.healAll = root.value(u"healAll"_s).toBool();
    for (const QJsonValue& v : root.value(u"fixes"_s).toArray()) {
        auto fix = PreparedFix::fromJson(v.toObject(), error);
        if (!fix) {
            *error = u"%1: %2"_s.arg(path, *error);
            return std::nullopt;
        }
        plan.fixes.append(*fix);
    }
    if (plan.fixes.isEmpty()) {
        *error = u"%1 plans no fix"_s.arg(path);
        return std::nullopt;
    }
    return plan;
}

} // namespace unstuck
