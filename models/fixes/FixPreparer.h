// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/fixes/FixTransport.h"
#include "models/fixes/PreparedFix.h"
#include "models/verdict/DiagnosisResult.h"

#include <QDateTime>
#include <QObject>
#include <functional>

namespace unstuck {

// What the person agreed to beyond the fix itself.
struct PrepareOptions
{
    // RAM keeps at most 5 versions of a policy: with this, CreatePolicyVersion may delete the
    // oldest non-default version (named in the preview; never the one undo needs).
    bool rotatePolicyVersions = false;
    QDateTime now = QDateTime::currentDateTimeUtc(); // the restartedAt a restart writes
};

// Turns a recommended FixPlan into a PreparedFix: reads what the fix will change now, compares it
// with what the diagnosis saw, and builds the exact writes with their preconditions, diffs and
// undo. One recipe per kind of fix (RAM policy, route entries, Kubernetes objects).
class FixPreparer
{
public:
    using Done = std::function<void(const PreparedFix&)>;

    static void prepare(const FixPlan& plan, FixTransport& transport, const PrepareOptions& options,
                        QObject* receiver, Done done);

    // --- shared by the recipes ----------------------------------------------------------
    // The plan's words and flags, with a new planId; no writes yet.
    static PreparedFix base(const FixPlan& plan);
    // Records a state fact from the answer that read it: its value, and a "state" check when the
    // diagnosis saw it (moved = failed, a conflict: diagnose again). An unreadable fact makes
    // the preparation fail.
    static void recordFact(PreparedFix& fix, StateFact fact, const FixResponse& answer);
    // A ClientToken no retry can duplicate: UUIDv5 of the fix id, the parameters and the plan.
    static QString clientToken(const QString& fixId, const QMap<QString, QString>& params,
                               const QString& planId);
    // Adds the write that reverses `write` (run first: undo goes last write first); `after` is
    // what it restores. A write undone by several writes adds them last first, each with its own
    // `idSuffix` after the first ("undo-1", "undo-1-version").
    static void addUndo(PreparedFix& fix, const FixWrite& write, const Bilingual& description,
                        const FixRequest& request, const QJsonValue& after,
                        const QString& idSuffix = {});
    // The preparation failed: `reason` says which read and why; nothing can be applied.
    static PreparedFix failed(PreparedFix fix, const QString& reason);
};

} // namespace unstuck
