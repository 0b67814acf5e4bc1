// SPDX-License-Identifier: GPL-3.0-or-later
// The RAM fix rolled back end to end: in ram-two-policies two custom policies of the route
// controller's role each deny route writes, so ram-policy-allow makes two writes (a new default
// version of each). `unstuck fix apply` runs against a simulator whose faults strike the second
// CreatePolicyVersion (an Action-scoped --faults rule); then what a person would check — the
// policies read back through the cloud API, the exit code, the JSON and the audit log
// (`unstuck audit --format json`). When the undo (SetDefaultPolicyVersion) fails too, the run
// names the write left in effect.
#include "support/DiagnosisJson.h"
#include "support/FixJson.h"
#include "support/SimCloud.h"
#include "support/SimProcess.h"

#include <QJsonArray>

using namespace unstuck;
using namespace unstuck::test;
using namespace Qt::StringLiterals;

namespace {

// Seed 2 draws 0.70 then 0.17: at rate 0.5 the first CreatePolicyVersion passes and the second
// is answered 5xx (never reaching the simulated RAM, so not applied).
const QString kSecondWriteFails = u"http5xx=0.5@CreatePolicyVersion"_s;
const QString kSeed = u"2"_s;
// Rolling back the first write makes its previous version the default again; at rate 1 no
// random draw decides.
const QString kUndoFails = u"http5xx=1@SetDefaultPolicyVersion"_s;

} // namespace

class TstFixRollbackRam : public QObject
{
    Q_OBJECT

    QTemporaryDir m_data; // XDG_DATA_HOME: this suite's own audit log

    QProcessEnvironment env() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(u"XDG_DATA_HOME"_s, m_data.path());
        e.remove(u"KUBECONFIG"_s);
        return e;
    }
    ProcessRun unstuck(const QStringList& args) const
    {
        return runProcess(QStringLiteral(UNSTUCK_BINARY), args, env());
    }
    // What each policy allows, as the cloud API reads it: its default version and the document
    // in force.
    QStringList policies(const SimProcess& sim, const QStringList& names) const
    {
        QStringList out;
        for (const QString& name : names) {
            const QJsonObject inForce =
                cloudCall(sim.profile(), u"ram"_s, u"GetPolicy"_s,
                          {{u"PolicyName"_s, name}, {u"PolicyType"_s, u"Custom"_s}})
                    .value(u"DefaultPolicyVersion"_s)
                    .toObject();
            out << u"%1: %2 %3"_s.arg(name, inForce.value(u"VersionId"_s).toString(),
                                      inForce.value(u"PolicyDocument"_s).toString().simplified());
        }
        return out;
    }
    // The world before the run: the RAM policy is the root cause, and the fix's two writes.
    QStringList prepare(const SimProcess& sim) const
    {
        const ProcessRun diagnosis =
            unstuck({u"diagnose"_s, u"--profile"_s, sim.profile(), u"--format"_s, u"json"_s});
        if (diagnosis.exitCode != 1 || rootCauseOf(diagnosis.json()) != u"ram-policy"_s)
            return {u"diagnosis: exit %1, root cause %2"_s.arg(diagnosis.exitCode)
                        .arg(rootCauseOf(diagnosis.json()))};
        const ProcessRun plan = unstuck({u"fix"_s, u"plan"_s, u"ram-policy-allow"_s, u"--profile"_s,
                                         sim.profile(), u"--format"_s, u"json"_s});
        return policiesWritten(fixIn(plan.json(), u"ram-policy-allow"_s));
    }
    // This run's records: "stage fixId#stepId" in order, the rollback record, and whether the
    // hash chain holds.
    QStringList stages(const QString& auditId, QJsonObject* rollback, bool* chainOk) const
    {
        const ProcessRun audit = unstuck({u"audit"_s, u"--format"_s, u"json"_s});
        return auditStages(audit.json(), auditId, rollback, chainOk);
    }
    ProcessRun apply(const SimProcess& sim) const
    {
        return unstuck({u"fix"_s, u"apply"_s, u"ram-policy-allow"_s, u"--yes"_s, u"--profile"_s,
                        sim.profile(), u"--format"_s, u"json"_s, u"--timeout-s"_s, u"20"_s});
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_data.isValid()); }

    // Without faults the two writes heal the chain: the scenario needs both.
    void bothWrites_healTheChain()
    {
        SimProcess sim;
        QVERIFY(sim.start(u"ram-two-policies"_s));
        const QStringList names = prepare(sim);
        QVERIFY2(names.size() == 2, qPrintable(names.join(u"; "_s)));

        const ProcessRun run = apply(sim);
        const QJsonObject fix = fixIn(run.json(), u"ram-policy-allow"_s);
        QVERIFY2(run.exitCode == 0, run.out.constData());
        QCOMPARE(jsonStrings(fix.value(u"applied"_s)), (QStringList{u"1"_s, u"2"_s}));
        for (const QString& name : names)
            QCOMPARE(ramPolicyVersions(sim.profile(), name), u"v3 [v1 v2 v3]"_s);
    }

    void secondWriteFails_firstIsUndone_policiesReadAsBefore()
    {
        SimProcess sim;
        QVERIFY(sim.start(u"ram-two-policies"_s,
                          {u"--faults"_s, kSecondWriteFails, u"--faults-seed"_s, kSeed}));
        const QStringList names = prepare(sim);
        QVERIFY2(names.size() == 2, qPrintable(names.join(u"; "_s)));
        const QStringList before = policies(sim, names);

        const ProcessRun run = apply(sim);
        const QJsonObject outcome = run.json();
        const QJsonObject fix = fixIn(outcome, u"ram-policy-allow"_s);
        qInfo("exit %d: %s", run.exitCode, qPrintable(fix.value(u"reason"_s).toString()));

        // The run wrote in the order the plan showed (the role's order, not the answers').
        QCOMPARE(policiesWritten(fix), names);
        // Both policies allow what they allowed before, and the run says so: exit 2, nothing
        // left applied. RAM's undo makes the earlier version the default again and deletes the
        // version the fix made (as `fix undo` does).
        QCOMPARE(policies(sim, names), before);
        QCOMPARE(ramPolicyVersions(sim.profile(), names.at(0)), u"v2 [v1 v2]"_s);
        QCOMPARE(ramPolicyVersions(sim.profile(), names.at(1)), u"v2 [v1 v2]"_s);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(outcome.value(u"exitCode"_s).toInt(), 2);
        QCOMPARE(fix.value(u"result"_s).toString(), u"failed"_s);
        QCOMPARE(jsonStrings(fix.value(u"applied"_s)), QStringList());
        QCOMPARE(jsonStrings(fix.value(u"notApplied"_s)), (QStringList{u"1"_s, u"2"_s}));
        QVERIFY2(fix.value(u"reason"_s).toString().contains(u"rolled back: unchanged"_s),
                 run.out.constData());

        QJsonObject rollback;
        bool chainOk = false;
        const QStringList seen =
            stages(outcome.value(u"auditId"_s).toString(), &rollback, &chainOk);
        QVERIFY(chainOk);
        QCOMPARE(
            seen,
            (QStringList{u"Applying ram-policy-allow#1"_s, u"Applied ram-policy-allow#1"_s,
                         u"Applying ram-policy-allow#2"_s, u"ApplyFailed ram-policy-allow#2"_s,
                         u"Undoing ram-policy-allow#undo-1"_s, u"Undone ram-policy-allow#undo-1"_s,
                         u"Undoing ram-policy-allow#undo-1-version"_s,
                         u"Undone ram-policy-allow#undo-1-version"_s,
                         u"RolledBack ram-policy-allow#"_s}));
        const QJsonObject verdict = rollback.value(u"rollback"_s).toObject();
        QCOMPARE(verdict.value(u"result"_s).toString(), u"unchanged"_s);
        QCOMPARE(jsonStrings(verdict.value(u"undone"_s)), QStringList{u"1"_s});
        QCOMPARE(jsonStrings(verdict.value(u"left"_s)), QStringList());

        // Nothing is left to undo by hand, and the fix can simply be run again.
        const ProcessRun undo =
            unstuck({u"fix"_s, u"undo"_s, outcome.value(u"auditId"_s).toString(), u"--yes"_s});
        QVERIFY2(undo.exitCode != 0 && (undo.out + undo.err).contains("undone already"),
                 (undo.out + undo.err).constData());
        QCOMPARE(policies(sim, names), before);
    }

    void undoFailsToo_namesWhatIsLeftChanged()
    {
        SimProcess sim;
        QVERIFY(
            sim.start(u"ram-two-policies"_s, {u"--faults"_s, kSecondWriteFails + u',' + kUndoFails,
                                              u"--faults-seed"_s, kSeed}));
        const QStringList names = prepare(sim);
        QVERIFY2(names.size() == 2, qPrintable(names.join(u"; "_s)));
        const QString firstBefore = ramPolicyVersions(sim.profile(), names.at(0));
        const QString secondBefore = ramPolicyVersions(sim.profile(), names.at(1));

        const ProcessRun run = apply(sim);
        const QJsonObject outcome = run.json();
        const QJsonObject fix = fixIn(outcome, u"ram-policy-allow"_s);
        qInfo("exit %d: %s", run.exitCode, qPrintable(fix.value(u"reason"_s).toString()));

        QCOMPARE(policiesWritten(fix), names);
        // The first policy has its new version in force, the second is untouched: exit 1, and
        // the run names exactly the write left in effect.
        QCOMPARE(firstBefore, u"v2 [v1 v2]"_s);
        QCOMPARE(ramPolicyVersions(sim.profile(), names.at(0)), u"v3 [v1 v2 v3]"_s);
        QCOMPARE(ramPolicyVersions(sim.profile(), names.at(1)), secondBefore);
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(outcome.value(u"exitCode"_s).toInt(), 1);
        QCOMPARE(fix.value(u"result"_s).toString(), u"failed"_s);
        QCOMPARE(jsonStrings(fix.value(u"applied"_s)), QStringList{u"1"_s});
        QCOMPARE(jsonStrings(fix.value(u"notApplied"_s)), QStringList{u"2"_s});
        const QString reason = fix.value(u"reason"_s).toString();
        QVERIFY2(reason.contains(u"rollback failed"_s) &&
                     reason.contains(u"left changed: write 1 (Create version of "_s + names.at(0)),
                 qPrintable(reason));
        QVERIFY2(!reason.contains(u"unchanged"_s), qPrintable(reason));

        QJsonObject rollback;
        bool chainOk = false;
        const QStringList seen =
            stages(outcome.value(u"auditId"_s).toString(), &rollback, &chainOk);
        QVERIFY(chainOk);
        QCOMPARE(seen,
                 (QStringList{u"Applying ram-policy-allow#1"_s, u"Applied ram-policy-allow#1"_s,
                              u"Applying ram-policy-allow#2"_s, u"ApplyFailed ram-policy-allow#2"_s,
                              u"Undoing ram-policy-allow#undo-1"_s,
                              u"UndoFailed ram-policy-allow#undo-1"_s,
                              u"RollbackFailed ram-policy-allow#"_s}));
        const QJsonObject verdict = rollback.value(u"rollback"_s).toObject();
        QCOMPARE(verdict.value(u"result"_s).toString(), u"changed"_s);
        QCOMPARE(jsonStrings(verdict.value(u"left"_s)), QStringList{u"1"_s});
        QCOMPARE(jsonStrings(verdict.value(u"undone"_s)), QStringList());
        // Read back, not assumed: the first policy's default version moved.
        QVERIFY2(jsonStrings(verdict.value(u"moved"_s)).join(u' ').contains(names.at(0)),
                 qPrintable(jsonStrings(verdict.value(u"moved"_s)).join(u' ')));
    }
};

QTEST_GUILESS_MAIN(TstFixRollbackRam)
#include "tst_fix_rollback_ram.moc"
