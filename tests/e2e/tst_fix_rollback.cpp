// SPDX-License-Identifier: GPL-3.0-or-later
// A fix of several writes that fails part way is rolled back: `unstuck fix apply` against a
// simulator whose faults strike one write of the fix (a method-scoped --faults rule), then what a
// person would check — the world through kubectl, the exit code, the JSON and the audit log
// (`unstuck audit --format json`). The fix deletes two stale APIServices (custom-aggregated-api);
// the second DELETE is answered 5xx (read back: not applied), so the first is undone by creating
// it again from the saved copy. When that create fails too, the run names what is left changed.
#include "support/FixJson.h"
#include "support/KubectlTool.h"
#include "support/SimProcess.h"

#include <QJsonArray>

using namespace unstuck;
using namespace unstuck::test;
using namespace Qt::StringLiterals;

namespace {

const QString kFirst = u"v1.subresources.kubevirt.io"_s;
const QString kSecond = u"v1alpha3.subresources.kubevirt.io"_s;
// Seed 2 draws 0.70 then 0.17: at rate 0.5 the second DELETE of kSecond (the write, after its
// dry run) is struck and the dry run is not.
const QString kSecondWriteFails =
    u"http5xx=0.5@DELETE:/apis/apiregistration.k8s.io/v1/apiservices/"_s + kSecond;
const QString kSeed = u"2"_s;
// The undo of a delete creates the object again (POST); at rate 1 no random draw is used.
const QString kRecreateFails = u"http5xx=1@POST:/apis/apiregistration.k8s.io"_s;

} // namespace

class TstFixRollback : public QObject
{
    Q_OBJECT

    QTemporaryDir m_data; // XDG_DATA_HOME: this suite's own audit log
    QString m_kubectl;

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
    // The APIServices by name, as kubectl lists them.
    QStringList apiServices(const SimProcess& sim) const
    {
        QProcessEnvironment e = env();
        e.insert(u"KUBECONFIG"_s, sim.kubeconfig());
        const ProcessRun run = runProcess(m_kubectl,
                                          {u"get"_s, u"apiservices"_s, u"-o"_s,
                                           u"jsonpath={range .items[*]}{.metadata.name} {end}"_s},
                                          e);
        if (run.exitCode != 0)
            return {u"error: "_s + QString::fromUtf8(run.err)};
        return QString::fromUtf8(run.out).split(u' ', Qt::SkipEmptyParts);
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
        return unstuck({u"fix"_s, u"apply"_s, u"apiservice-delete"_s, u"--yes"_s, u"--profile"_s,
                        sim.profile(), u"--format"_s, u"json"_s, u"--timeout-s"_s, u"20"_s});
    }

private Q_SLOTS:
    void initTestCase()
    {
        UNSTUCK_REQUIRE_KUBECTL(m_kubectl);
        QVERIFY(m_data.isValid());
    }

    void secondWriteFails_firstIsUndone_worldUnchanged()
    {
        SimProcess sim;
        QVERIFY(sim.start(u"custom-aggregated-api"_s,
                          {u"--faults"_s, kSecondWriteFails, u"--faults-seed"_s, kSeed}));
        const QStringList before = apiServices(sim);
        QVERIFY2(before.contains(kFirst) && before.contains(kSecond),
                 qPrintable(before.join(u' ')));

        const ProcessRun run = apply(sim);
        const QJsonObject outcome = run.json();
        const QJsonObject fix = fixIn(outcome, u"apiservice-delete"_s);
        qInfo("exit %d: %s", run.exitCode, qPrintable(fix.value(u"reason"_s).toString()));

        // Nothing changed, and the run says so: exit 2, no write left applied, "rolled back".
        QCOMPARE(apiServices(sim), before);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(outcome.value(u"exitCode"_s).toInt(), 2);
        QCOMPARE(fix.value(u"result"_s).toString(), u"failed"_s);
        QCOMPARE(jsonStrings(fix.value(u"applied"_s)), QStringList());
        QCOMPARE(jsonStrings(fix.value(u"notApplied"_s)), (QStringList{u"1"_s, u"2"_s}));
        QVERIFY2(fix.value(u"reason"_s).toString().contains(u"rolled back: unchanged"_s),
                 run.out.constData());
        QVERIFY2(fix.value(u"reasonZh"_s).toString().contains(u"已回滚：未更改"_s),
                 run.out.constData());

        // The audit log: the first write applied, the second failed, the undo of the first
        // audited like any write, then the rollback's verdict read back.
        QJsonObject rollback;
        bool chainOk = false;
        const QStringList seen =
            stages(outcome.value(u"auditId"_s).toString(), &rollback, &chainOk);
        QVERIFY(chainOk);
        QCOMPARE(seen,
                 (QStringList{
                     u"Applying apiservice-delete#1"_s, u"Applied apiservice-delete#1"_s,
                     u"Applying apiservice-delete#2"_s, u"ApplyFailed apiservice-delete#2"_s,
                     u"Undoing apiservice-delete#undo-1"_s, u"Undone apiservice-delete#undo-1"_s,
                     u"RolledBack apiservice-delete#"_s}));
        const QJsonObject verdict = rollback.value(u"rollback"_s).toObject();
        QCOMPARE(verdict.value(u"result"_s).toString(), u"unchanged"_s);
        QCOMPARE(jsonStrings(verdict.value(u"undone"_s)), QStringList{u"1"_s});
        QCOMPARE(jsonStrings(verdict.value(u"left"_s)), QStringList());
        QCOMPARE(jsonStrings(verdict.value(u"moved"_s)), QStringList());

        // Nothing is left to undo by hand.
        const ProcessRun undo =
            unstuck({u"fix"_s, u"undo"_s, outcome.value(u"auditId"_s).toString(), u"--yes"_s});
        QVERIFY2(undo.exitCode != 0 && (undo.out + undo.err).contains("undone already"),
                 (undo.out + undo.err).constData());
        QCOMPARE(apiServices(sim), before);
    }

    void undoFailsToo_namesWhatIsLeftChanged()
    {
        SimProcess sim;
        QVERIFY(sim.start(
            u"custom-aggregated-api"_s,
            {u"--faults"_s, kSecondWriteFails + u',' + kRecreateFails, u"--faults-seed"_s, kSeed}));
        const QStringList before = apiServices(sim);
        QVERIFY2(before.contains(kFirst) && before.contains(kSecond),
                 qPrintable(before.join(u' ')));

        const ProcessRun run = apply(sim);
        const QJsonObject outcome = run.json();
        const QJsonObject fix = fixIn(outcome, u"apiservice-delete"_s);
        qInfo("exit %d: %s", run.exitCode, qPrintable(fix.value(u"reason"_s).toString()));

        // The first APIService is gone, the second kept: exit 1 (something changed), and the
        // run names exactly the write left in effect.
        QStringList expected = before;
        expected.removeAll(kFirst);
        QCOMPARE(apiServices(sim), expected);
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(outcome.value(u"exitCode"_s).toInt(), 1);
        QCOMPARE(fix.value(u"result"_s).toString(), u"failed"_s);
        QCOMPARE(jsonStrings(fix.value(u"applied"_s)), QStringList{u"1"_s});
        QCOMPARE(jsonStrings(fix.value(u"notApplied"_s)), QStringList{u"2"_s});
        const QString reason = fix.value(u"reason"_s).toString();
        QVERIFY2(reason.contains(u"rollback failed"_s) &&
                     reason.contains(u"left changed: write 1 (Delete the APIService "_s + kFirst),
                 qPrintable(reason));
        QVERIFY2(!reason.contains(u"unchanged"_s), qPrintable(reason));

        QJsonObject rollback;
        bool chainOk = false;
        const QStringList seen =
            stages(outcome.value(u"auditId"_s).toString(), &rollback, &chainOk);
        QVERIFY(chainOk);
        QCOMPARE(seen, (QStringList{
                           u"Applying apiservice-delete#1"_s, u"Applied apiservice-delete#1"_s,
                           u"Applying apiservice-delete#2"_s, u"ApplyFailed apiservice-delete#2"_s,
                           u"Undoing apiservice-delete#undo-1"_s,
                           u"UndoFailed apiservice-delete#undo-1"_s,
                           u"RollbackFailed apiservice-delete#"_s}));
        const QJsonObject verdict = rollback.value(u"rollback"_s).toObject();
        QCOMPARE(verdict.value(u"result"_s).toString(), u"changed"_s);
        QCOMPARE(jsonStrings(verdict.value(u"left"_s)), QStringList{u"1"_s});
        QCOMPARE(jsonStrings(verdict.value(u"undone"_s)), QStringList());
        // Read back, not assumed: the first APIService is absent.
        QVERIFY2(jsonStrings(verdict.value(u"moved"_s)).join(u' ').contains(kFirst),
                 qPrintable(jsonStrings(verdict.value(u"moved"_s)).join(u' ')));
    }
};

QTEST_GUILESS_MAIN(TstFixRollback)
#include "tst_fix_rollback.moc"
