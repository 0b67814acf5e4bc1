// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/fixes/FixOutcome.h"

#include <algorithm>

namespace unstuck {

QList<PreflightCheck> FixOutcome::preflight() const
{
    QList<PreflightCheck> all;
    for (const PreparedFix& f : fixes)
        all += f.checks;
    return all;
}

bool FixOutcome::preflightPassed() const
{
    for (const PreparedFix& f : fixes)
        if (!f.preflightPassed())
            return false;
    return true;
}

int FixOutcome::planExitCode() const
{
    if (!error.isEmpty())
        return CouldNotRun;
    for (const PreparedFix& f : fixes)
        if (!f.error.isEmpty())
            return CouldNotRun;
    if (preflightPassed())
        return Healed;
    for (const PreparedFix& f : fixes)
        if (f.conflict() && !dryRun)
            return Conflict;
    return Refused;
}

bool FixOutcome::mayApply(bool healAll) const
{
    if (exitCode == Healed)
        return true;
    if (!healAll || exitCode != Refused)
        return false;
    return std::any_of(fixes.cbegin(), fixes.cend(), [](const PreparedFix& f) {
        return f.preflightPassed() && !f.writes.isEmpty();
    });
}

} // namespace unstuck
