// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/fixes/FixTransport.h"
#include "models/fixes/PreparedFix.h"

#include <functional>
#include <optional>

namespace unstuck {

// Reads a fix's state facts again and says what moved: between the diagnosis and the preview,
// between the preview (or a saved plan) and the first write, and before an undo.
class StateReader
{
public:
    struct Reading
    {
        QStringList values; // the live value of each fact, in order ("" when unreadable)
        QStringList errors; // why a fact could not be read ("" when it could)
    };
    using Done = std::function<void(const Reading&)>;

    static void read(const QList<StateFact>& facts, FixTransport& transport, const QString& fixId,
                     QObject* receiver, Done done);
    // The fact's value in a response: StateFact::kAbsent for a 404, nullopt when unreadable.
    static std::optional<QString> valueOf(const StateFact& fact, const FixResponse& response);
    // What `expected` is: what the diagnosis saw, what the preview read, or what the fix left.
    enum class Since { Diagnosis, Preview, Fix };
    // A "state" check: `now` against `expected`.
    static PreflightCheck compare(const QString& fixId, const StateFact& fact, const QString& now,
                                  const QString& expected, const QString& error, Since since);
    // Reads the facts and appends a state check for each against its `value` (a saved plan, an
    // undo's expectations).
    static void check(PreparedFix fix, const QList<StateFact>& facts, Since since,
                      FixTransport& transport, QObject* receiver,
                      std::function<void(const PreparedFix&)> done);
    // The facts that moved, one line each: "apiservice … resourceVersion: 812 → 830".
    static QStringList moved(const QList<PreflightCheck>& checks);
};

} // namespace unstuck
