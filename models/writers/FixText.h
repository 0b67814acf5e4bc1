// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/common/Bilingual.h"
#include "models/fixes/AuditLog.h"
#include "models/fixes/FixOutcome.h"

#include <QString>

namespace unstuck {

// The fix engine's answers for a terminal: each fix's preview (the exact requests, the kubectl /
// aliyun command, the change as a JSON Patch and, for RAM, the statements before and after),
// its preflight, what a run did, and the audit log.
class FixText
{
public:
    static QString preview(const PreparedFix& fix, Language language = Language::English);
    static QString preflight(const PreparedFix& fix, Language language = Language::English);
    static QString outcome(const FixOutcome& outcome, Language language = Language::English);
    static QString audit(const QList<QJsonObject>& records, const AuditLog::Verification& chain,
                         const QString& path, int last);
    static QString exitMeaning(int exitCode, const QString& command = {});
};

} // namespace unstuck
