// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/fixes/CallerPermissions.h"
#include "models/fixes/FixTransport.h"
#include "models/fixes/PreparedFix.h"

#include <QObject>
#include <functional>

namespace unstuck {

// Every check a fix must pass before anything is written, none of which writes: a
// SelfSubjectAccessReview and a server-side dry run (?dryRun=All) for each Kubernetes write, the
// cloud's DryRun=true where the action has it, the caller's own RAM permission for RAM writes,
// and whether the connection profile allows writes at all. "Dry run passed", "rejected" and "not
// dry-runnable" stay apart (reference/fixes.md §1, §7.2).
class FixPreflight : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const PreparedFix&)>;

    FixPreflight(FixTransport& transport, QObject* parent = nullptr);

    // Appends the checks to fix.checks (after those the preparation made) and calls done.
    void run(const PreparedFix& fix, bool readOnlyProfile, Done done);
    CallerPermissions& caller() { return m_caller; }

    // A check's label in both languages: "rbac: delete pods …" / "RBAC 权限：delete pods …".
    static Bilingual label(const QString& kind, const Bilingual& what);
    // A state fact's key as a person reads it: "RAM policy X default version" /
    // "RAM 策略 X 的默认版本" (the keys the recipes and the verifier write).
    static Bilingual stateLabel(const QString& key);

    // The checks one write needs, each answering through `report` (in any order).
    using Report = std::function<void(int slot, const PreflightCheck& check)>;

Q_SIGNALS:
    // Each check as it is answered (a checklist can fill in live); run()'s `done` still gets all.
    void answered(const unstuck::PreflightCheck& check);

private:
    int checksFor(const PreparedFix& fix, const FixWrite& write, int slot, const Report& report);
    void accessReview(const QString& fixId, const AccessReview& access, int slot,
                      const Report& report);
    void kubeDryRun(const QString& fixId, const FixWrite& write, int slot, const Report& report);
    void cloudDryRun(const QString& fixId, const FixWrite& write, int slot, const Report& report);
    void ramPermission(const QString& fixId, const FixWrite& write, int slot, const Report& report);
    void later(int slot, const Report& report, const PreflightCheck& check);

    FixTransport& m_transport;
    CallerPermissions m_caller;
};

} // namespace unstuck
