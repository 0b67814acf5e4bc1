// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace unstuck::test {

// The root cause of `unstuck diagnose --format json` as one word: a component id, a link's
// "from→to", or "none" when there is no root cause.
inline QString rootCauseOf(const QJsonObject& json)
{
    const QJsonValue root = json.value(QStringLiteral("rootCause"));
    if (!root.isObject())
        return QStringLiteral("none");
    const QJsonObject o = root.toObject();
    if (o.contains(QStringLiteral("component")))
        return o.value(QStringLiteral("component")).toString();
    const QJsonObject link = o.value(QStringLiteral("link")).toObject();
    return link.value(QStringLiteral("from")).toString() + QStringLiteral("→") +
           link.value(QStringLiteral("to")).toString();
}

} // namespace unstuck::test
