// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace unstuck::sim {

// Server-side printing (meta.k8s.io/v1 Table), the columns kubectl shows for each kind.
class TableWriter
{
public:
    enum class Include { None, Metadata, Object };
    static QJsonObject table(const QString& kind, const QList<QJsonObject>& objects,
                             Include include, const QJsonObject& listMetadata);
    // apimachinery's duration.HumanDuration ("5m", "3h12m", "2d4h").
    static QString humanDuration(qint64 seconds);
    static QString age(const QJsonObject& object, const QDateTime& now);
};

} // namespace unstuck::sim
