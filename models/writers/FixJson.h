// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/fixes/AuditLog.h"
#include "models/fixes/FixOutcome.h"

#include <QByteArray>
#include <QJsonObject>

namespace unstuck {

// The JSON `unstuck fix plan|apply|undo --format json` and `unstuck audit --format json` print
// (docs/fix-json.md). Secrets are redacted; the exit code is in the document too.
class FixJson
{
public:
    static constexpr int kSchemaVersion = 1;
    static QJsonObject toJson(const FixOutcome& outcome);
    static QByteArray toText(const FixOutcome& outcome);
    // The last `last` records (0 = all) and the chain's verification.
    static QByteArray audit(const QList<QJsonObject>& records, const AuditLog::Verification& chain,
                            int last);
};

} // namespace unstuck
