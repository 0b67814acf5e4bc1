// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/fixes/PreparedFix.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace unstuck {

// What happened to one fix in a run.
struct FixResult
{
    QString fixId;
    QString result; // "applied" | "skipped" | "failed" | "refused"
    Bilingual reason;
    QStringList applied, notApplied; // write ids
};

// One line of progress from the fix engine (every stage reports through it).
struct FixProgress
{
    QString stage; // "diagnose" | "preview" | "preflight" | "apply" | "verify" | "undo"
    QString fixId;
    QString step; // a write id, a check, or what verify waits for
    Bilingual message;
    QString result; // "running" | "ok" | "failed" | "waiting" | "skipped" | "conflict"
};

// The answer to one command of the fix engine (plan, apply, undo): the previews with their
// preflight, what each fix did, whether the chain healed, and the exit code the CLI returns
// (docs/fix-json.md).
struct FixOutcome
{
    enum Exit {
        Healed = 0,       // applied and verified healthy (plan/dry run: every check passed)
        NotVerified = 1,  // something applied, the chain not verified healthy
        CouldNotRun = 2,  // connection, bad input
        Refused = 3,      // a preflight check failed (each one named)
        NotConfirmed = 4, // the person did not confirm
        Conflict = 5,     // something moved; nothing, or only the listed writes, changed
    };
    QString command; // "plan" | "apply" | "undo"
    QString auditId;
    bool dryRun = false;
    bool healAll = false;
    QList<PreparedFix> fixes; // the previews, with their preflight checks
    QList<FixResult> results;
    bool verified = false; // verify ran and the chain is healthy
    QStringList stillRed;  // what verify still saw red ("ram-policy: …")
    QList<Bilingual>
        verifyLog; // what changed while verifying ("route entry …: Pending → Available")
    QString error; // could not run
    int exitCode = CouldNotRun;
    int requests = 0;          // requests the fix engine sent (reads, checks, writes)
    int diagnoses = 0;         // diagnosis runs (the first one and verify's)
    int diagnosisRequests = 0; // the requests those diagnoses sent
    qint64 elapsedMs = 0;

    QList<PreflightCheck> preflight() const;
    bool preflightPassed() const;
    // The exit code a plan or a dry run ends with: 0, 3 (a check failed) or 5 (a conflict).
    int planExitCode() const;
    // Whether writes may start from this plan: every check passed; or, healing all, some fix
    // passed and the others failed only a preflight check. Those are checked again when their
    // turn comes, since a fix before them may change what they check (the RAM fix allows the
    // route writes the route fix's dry run was denied).
    bool mayApply(bool healAll) const;
};

} // namespace unstuck
