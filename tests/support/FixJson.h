// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Reading what `unstuck fix … --format json` and `unstuck audit --format json` print.

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace unstuck::test {

// The fix `id` in a plan's or a run's "fixes" array (empty when it is not there).
inline QJsonObject fixIn(const QJsonObject& outcome, const QString& id)
{
    for (const QJsonValue& f : outcome.value(QStringLiteral("fixes")).toArray())
        if (f.toObject().value(QStringLiteral("id")).toString() == id)
            return f.toObject();
    return {};
}

// The RAM policies a fix's writes change, in write order.
inline QStringList policiesWritten(const QJsonObject& fix)
{
    QStringList out;
    for (const QJsonValue& w : fix.value(QStringLiteral("writes")).toArray())
        out << w.toObject()
                   .value(QStringLiteral("request"))
                   .toObject()
                   .value(QStringLiteral("params"))
                   .toObject()
                   .value(QStringLiteral("PolicyName"))
                   .toString();
    return out;
}

// A JSON array of strings, such as a fix's "applied" write ids.
inline QStringList jsonStrings(const QJsonValue& array)
{
    QStringList out;
    for (const QJsonValue& v : array.toArray())
        out << v.toString();
    return out;
}

// One run's audit records from `unstuck audit --format json`, as "stage fixId#stepId" in order;
// also the rollback record when there is one, and whether the hash chain holds.
inline QStringList auditStages(const QJsonObject& audit, const QString& auditId,
                               QJsonObject* rollback, bool* chainOk)
{
    *chainOk = audit.value(QStringLiteral("chain")).toObject().value(QStringLiteral("ok")).toBool();
    QStringList out;
    for (const QJsonValue& v : audit.value(QStringLiteral("records")).toArray()) {
        const QJsonObject r = v.toObject();
        if (r.value(QStringLiteral("auditId")).toString() != auditId)
            continue;
        out << r.value(QStringLiteral("stage")).toString() + QLatin1Char(' ') +
                   r.value(QStringLiteral("fixId")).toString() + QLatin1Char('#') +
                   r.value(QStringLiteral("stepId")).toString();
        if (r.contains(QStringLiteral("rollback")))
            *rollback = r;
    }
    return out;
}

} // namespace unstuck::test
