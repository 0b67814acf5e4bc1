// SPDX-License-Identifier: GPL-3.0-or-later
// `unstuck fix` end to end: the real executable against a started `unstuck-sim`. Healing every
// scenario that has a cause (then `unstuck diagnose` says healthy and real kubectl no longer lists
// the namespace), undo, dry runs that change nothing, a read-only identity refused with the failed
// checks named, a concurrent edit between plan and apply, confirmation, a heal-all that wrote
// something and then stopped still red (exit 1, not the "nothing written" 3), and an audit log
// with a record before and after every write and no secret in it.
#include "support/FixJson.h"
#include "support/SimCloud.h"
#include "support/SimProcess.h"

#include <QFileInfo>
#include <QJsonArray>

using namespace unstuck;
using namespace unstuck::test;
using namespace Qt::StringLiterals;

namespace {

QStringList failedChecks(const QJsonObject& outcome)
{
    QStringList out;
    for (const QJsonValue& c : outcome.value(u"preflight"_s).toArray())
        if (!c.toObject().value(u"ok"_s).toBool())
            out << c.toObject().value(u"kind"_s).toString();
    return out;
}

} // namespace

class TstFix : public QObject
{
    Q_OBJECT

    QTemporaryDir m_data; // XDG_DATA_HOME of every unstuck run: where the audit log goes

    QProcessEnvironment env() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(u"XDG_DATA_HOME"_s, m_data.path());
        e.remove(u"KUBECONFIG"_s);
        return e;
    }
    QString auditPath() const { return m_data.filePath(u"Unstuck/unstuck/audit.jsonl"_s); }
    ProcessRun unstuck(const QStringList& args) const
    {
        return runProcess(QStringLiteral(UNSTUCK_BINARY), args, env());
    }
    ProcessRun kubectl(const SimProcess& sim, const QStringList& args) const
    {
        QProcessEnvironment e = env();
        e.insert(u"KUBECONFIG"_s, sim.kubeconfig());
        return runProcess(u"kubectl"_s, args, e);
    }
    // The controllers need a few rounds before the diagnosis names the cause.
    // The scenario is broken from the first diagnosis on (the simulator writes its state files
    // once its controllers have settled).
    bool settled(const SimProcess& sim) const
    {
        return unstuck({u"diagnose"_s, u"--profile"_s, sim.profile()}).exitCode == 1;
    }
    QString ramPolicyName(const SimProcess& sim) const
    {
        const ProcessRun plan = unstuck({u"fix"_s, u"plan"_s, u"ram-policy-allow"_s, u"--profile"_s,
                                         sim.profile(), u"--format"_s, u"json"_s});
        return policiesWritten(fixIn(plan.json(), u"ram-policy-allow"_s)).value(0);
    }
    QList<QJsonObject> auditRecords(const QString& auditId) const
    {
        QList<QJsonObject> out;
        QFile f(auditPath());
        if (f.open(QIODevice::ReadOnly))
            for (const QByteArray& line : f.readAll().split('\n'))
                if (const QJsonObject r = QJsonDocument::fromJson(line).object();
                    r.value(u"auditId"_s).toString() == auditId)
                    out << r;
        return out;
    }

    // Every secret the simulator hands out: none may reach an output or the audit log.
    QByteArrayList secrets(const SimProcess& sim) const
    {
        const QJsonObject info = sim.info();
        QByteArrayList out{
            info.value(u"cloud"_s).toObject().value(u"accessKeySecret"_s).toString().toUtf8(),
            info.value(u"token"_s).toString().toUtf8(),
            info.value(u"basicAuth"_s).toObject().value(u"password"_s).toString().toUtf8()};
        QFile kubeconfig(sim.kubeconfig());
        if (kubeconfig.open(QIODevice::ReadOnly))
            for (const QByteArray& line : kubeconfig.readAll().split('\n'))
                if (line.contains("client-key-data:") || line.contains("token:"))
                    out << line.mid(line.indexOf(':') + 1).trimmed();
        out.removeAll(QByteArray());
        return out;
    }

    void checkAudit(const SimProcess& sim, const QString& auditId, const QByteArray& output)
    {
        const QList<QJsonObject> records = auditRecords(auditId);
        QVERIFY(!records.isEmpty());
        QMap<QString, QStringList> stages; // "fix#step" → its stages, in order
        for (const QJsonObject& r : records)
            stages[r.value(u"fixId"_s).toString() + u'#' + r.value(u"stepId"_s).toString()]
                << r.value(u"stage"_s).toString();
        for (auto it = stages.cbegin(); it != stages.cend(); ++it)
            QCOMPARE(it.value().join(u','), u"Applying,Applied"_s); // one before, one after
        QFile f(auditPath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray log = f.readAll();
        for (const QByteArray& secret : secrets(sim)) {
            QVERIFY2(!log.contains(secret), "a secret reached the audit log");
            QVERIFY2(!output.contains(secret), "a secret reached the output");
        }
    }

    // A new default version of the operator's own policy without vpc:CreateRouteEntry.
    bool withoutCreateRouteEntry(const SimProcess& sim) const
    {
        const QMap<QString, QString> operatorPolicy{{u"PolicyName"_s, u"UnstuckOperatorPolicy"_s},
                                                    {u"PolicyType"_s, u"Custom"_s}};
        const QJsonObject policy =
            cloudCall(sim.profile(), u"ram"_s, u"GetPolicy"_s, operatorPolicy);
        QJsonObject document = QJsonDocument::fromJson(policy.value(u"DefaultPolicyVersion"_s)
                                                           .toObject()
                                                           .value(u"PolicyDocument"_s)
                                                           .toString()
                                                           .toUtf8())
                                   .object();
        QJsonArray statements;
        for (const QJsonValue& v : document.value(u"Statement"_s).toArray()) {
            QJsonObject statement = v.toObject();
            QJsonArray actions;
            for (const QJsonValue& a : statement.value(u"Action"_s).toArray())
                if (a.toString() != u"vpc:CreateRouteEntry"_s)
                    actions.append(a);
            statement.insert(u"Action"_s, actions);
            statements.append(statement);
        }
        document.insert(u"Statement"_s, statements);
        QMap<QString, QString> params = operatorPolicy;
        params.remove(u"PolicyType"_s);
        params.insert(u"PolicyDocument"_s,
                      QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Compact)));
        params.insert(u"SetAsDefault"_s, u"true"_s);
        return !cloudCall(sim.profile(), u"ram"_s, u"CreatePolicyVersion"_s, params).isEmpty();
    }

private Q_SLOTS:
    void healAll_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("root");
        const QStringList confirm{u"--confirm-name"_s, u"tobedeletedb"_s};
        QTest::newRow("seed") << u"seed"_s << QStringList() << u"ram-policy-allow"_s;
        QTest::newRow("backend-down") << u"backend-down"_s << QStringList() << u"backend-restart"_s;
        QTest::newRow("stale-apiservice")
            << u"stale-apiservice"_s << QStringList() << u"apiservice-delete"_s;
        QTest::newRow("custom-aggregated-api")
            << u"custom-aggregated-api"_s << QStringList{u"--timeout-s"_s, u"20"_s}
            << u"apiservice-delete"_s;
        QTest::newRow("route-missing") << u"route-missing"_s << QStringList() << QString();
        QTest::newRow("finalizers-remaining")
            << u"finalizers-remaining"_s << confirm << u"finalizers-remove"_s;
        QTest::newRow("webhook-blocks-delete")
            << u"webhook-blocks-delete"_s << QStringList() << u"webhook-delete"_s;
    }
    void healAll()
    {
        QFETCH(QString, scenario);
        QFETCH(QStringList, extra);
        QFETCH(QString, root);
        SimProcess sim;
        QVERIFY(sim.start(scenario));
        QVERIFY(settled(sim));
        const ProcessRun run =
            unstuck(QStringList{u"fix"_s, u"apply"_s, u"--all"_s, u"--yes"_s, u"--profile"_s,
                                sim.profile(), u"--format"_s, u"json"_s} +
                    extra);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject outcome = run.json();
        QVERIFY(outcome.value(u"verified"_s).toBool());
        if (!root.isEmpty())
            QCOMPARE(fixIn(outcome, root).value(u"result"_s).toString(), u"applied"_s);
        if (scenario == u"seed"_s) // fixing RAM heals the chain: no APIService is deleted
            QVERIFY(fixIn(outcome, u"apiservice-delete"_s).value(u"result"_s).toString() !=
                    u"applied"_s);
        const ProcessRun after = unstuck({u"diagnose"_s, u"--profile"_s, sim.profile()});
        QVERIFY2(after.exitCode == 0, (after.out + after.err).constData());
        const ProcessRun ns = kubectl(sim, {u"get"_s, u"ns"_s, u"-o"_s, u"name"_s});
        QCOMPARE(ns.exitCode, 0);
        QVERIFY2(!ns.out.contains("namespace/tobedeletedb"), ns.out.constData());
        checkAudit(sim, outcome.value(u"auditId"_s).toString(), run.out + run.err);
    }

    void undoOfTheRamFix_makesTheDenyVersionDefaultAgain()
    {
        SimProcess sim;
        QVERIFY(sim.start(u"seed"_s));
        QVERIFY(settled(sim));
        const QString policy = ramPolicyName(sim);
        QVERIFY(!policy.isEmpty());
        QCOMPARE(ramPolicyVersions(sim.profile(), policy), u"v2 [v1 v2]"_s);
        const ProcessRun heal = unstuck({u"fix"_s, u"apply"_s, u"ram-policy-allow"_s, u"--yes"_s,
                                         u"--profile"_s, sim.profile(), u"--format"_s, u"json"_s});
        QVERIFY2(heal.exitCode == 0, heal.err.constData());
        QCOMPARE(ramPolicyVersions(sim.profile(), policy), u"v3 [v1 v2 v3]"_s);
        const QString auditId = heal.json().value(u"auditId"_s).toString();
        const ProcessRun undo = unstuck({u"fix"_s, u"undo"_s, auditId, u"--yes"_s, u"--profile"_s,
                                         sim.profile(), u"--format"_s, u"json"_s});
        QVERIFY2(undo.exitCode == 0, undo.err.constData());
        QCOMPARE(fixIn(undo.json(), u"ram-policy-allow"_s).value(u"result"_s).toString(),
                 u"applied"_s);
        QCOMPARE(ramPolicyVersions(sim.profile(), policy), u"v2 [v1 v2]"_s);
        const QJsonObject v2 = cloudCall(
            sim.profile(), u"ram"_s, u"GetPolicyVersion"_s,
            {{u"PolicyName"_s, policy}, {u"PolicyType"_s, u"Custom"_s}, {u"VersionId"_s, u"v2"_s}});
        QVERIFY(v2.value(u"PolicyVersion"_s)
                    .toObject()
                    .value(u"PolicyDocument"_s)
                    .toString()
                    .contains(u"\"Deny\""_s));
        // Undone once: a second undo has nothing left to do.
        const ProcessRun again =
            unstuck({u"fix"_s, u"undo"_s, auditId, u"--yes"_s, u"--profile"_s, sim.profile()});
        QCOMPARE(again.exitCode, 2);
        QVERIFY2(again.err.contains("undone already"), again.err.constData());
    }

    void dryRun_leavesEveryObjectAndPolicyVersionUnchanged()
    {
        SimProcess sim;
        QVERIFY(sim.start(u"seed"_s));
        QVERIFY(settled(sim));
        const QString policy = ramPolicyName(sim);
        const QStringList what{u"get"_s, u"apiservice,ns,pods"_s, u"-A"_s, u"-o"_s,
                               u"custom-columns=NAME:.metadata.name,RV:.metadata.resourceVersion,"
                               "UID:.metadata.uid,FIN:.spec.finalizers"_s};
        const QByteArray before = kubectl(sim, what).out;
        QVERIFY(before.contains("tobedeletedb"));
        const qint64 auditBefore = QFileInfo(auditPath()).size();
        const ProcessRun run =
            unstuck({u"fix"_s, u"apply"_s, u"--all"_s, u"--dry-run"_s, u"--confirm-name"_s,
                     u"tobedeletedb"_s, u"--profile"_s, sim.profile(), u"--format"_s, u"json"_s});
        QVERIFY2(run.exitCode == 0, run.out.constData());
        QStringList kinds;
        for (const QJsonValue& c : run.json().value(u"preflight"_s).toArray())
            if (c.toObject().value(u"outcome"_s).toString() == u"passed"_s)
                kinds << c.toObject().value(u"kind"_s).toString();
        QVERIFY(kinds.contains(u"dry-run"_s));       // the API server's dryRun=All
        QVERIFY(kinds.contains(u"cloud-dry-run"_s)); // DryRun=true → DryRunOperation
        QVERIFY(kinds.contains(u"rbac"_s));
        QCOMPARE(kubectl(sim, what).out, before);
        QCOMPARE(ramPolicyVersions(sim.profile(), policy), u"v2 [v1 v2]"_s);
        QCOMPARE(QFileInfo(auditPath()).size(), auditBefore); // nothing written, nothing audited
    }

    void readOnlyIdentity_isRefusedWithTheFailedChecksNamed()
    {
        SimProcess sim;
        QVERIFY(sim.start(u"seed"_s));
        QVERIFY(settled(sim));
        const QString readOnly = sim.path(u"profile-read-only.json"_s);
        QVERIFY2(QFile::exists(readOnly), qPrintable(readOnly));
        const QString policy = ramPolicyName(sim);
        const ProcessRun run = unstuck({u"fix"_s, u"apply"_s, u"--all"_s, u"--yes"_s,
                                        u"--profile"_s, readOnly, u"--format"_s, u"json"_s});
        QCOMPARE(run.exitCode, 3);
        const QStringList failed = failedChecks(run.json());
        QVERIFY2(failed.contains(u"ram-permission"_s), qPrintable(failed.join(u' ')));
        QVERIFY2(failed.contains(u"rbac"_s) || failed.contains(u"dry-run"_s),
                 qPrintable(failed.join(u' ')));
        QCOMPARE(ramPolicyVersions(sim.profile(), policy), u"v2 [v1 v2]"_s);
        QVERIFY(kubectl(sim, {u"get"_s, u"ns"_s, u"tobedeletedb"_s}).exitCode == 0);

        // In Chinese the failed checks are named in Chinese, on a terminal and in the JSON.
        const ProcessRun zh = unstuck({u"fix"_s, u"apply"_s, u"ram-policy-allow"_s, u"--dry-run"_s,
                                       u"--profile"_s, readOnly, u"--lang"_s, u"zh"_s});
        QCOMPARE(zh.exitCode, 3);
        const QString text = QString::fromUtf8(zh.out + zh.err);
        QVERIFY2(text.contains(u"✗ RAM 权限："_s), qPrintable(text));
        for (const QJsonValue& c : run.json().value(u"preflight"_s).toArray())
            QVERIFY(!c.toObject().value(u"labelZh"_s).toString().isEmpty());
    }

    void savedPlanAndUndo_withoutConnectionOptions_connectAsTheyWereMade()
    {
        // The README's `fix apply --plan plan.json --yes` and `fix undo <audit-id> --yes` name no
        // profile: they reach the cluster and account the plan or the run was made against, not
        // whatever the kubeconfig and credential chain of this shell would pick (here: none).
        SimProcess sim;
        QVERIFY(sim.start(u"seed"_s));
        QVERIFY(settled(sim));
        const QString policy = ramPolicyName(sim);
        const QString plan = sim.path(u"plan.json"_s);
        QVERIFY(unstuck({u"fix"_s, u"plan"_s, u"ram-policy-allow"_s, u"--profile"_s, sim.profile(),
                         u"--out"_s, plan})
                    .exitCode == 0);
        QTemporaryDir home; // no ~/.kube/config, no aliyun CLI profile
        QProcessEnvironment bare = env();
        bare.insert(u"HOME"_s, home.path());
        const ProcessRun apply = runProcess(
            QStringLiteral(UNSTUCK_BINARY),
            {u"fix"_s, u"apply"_s, u"--plan"_s, plan, u"--yes"_s, u"--format"_s, u"json"_s}, bare);
        QVERIFY2(apply.exitCode == 0, apply.err.constData());
        QCOMPARE(ramPolicyVersions(sim.profile(), policy), u"v3 [v1 v2 v3]"_s);
        const QString auditId = apply.json().value(u"auditId"_s).toString();
        const ProcessRun undo = runProcess(QStringLiteral(UNSTUCK_BINARY),
                                           {u"fix"_s, u"undo"_s, auditId, u"--yes"_s}, bare);
        QVERIFY2(undo.exitCode == 0, undo.err.constData());
        QVERIFY2(undo.out.contains("undone"), undo.out.constData());
        QCOMPARE(ramPolicyVersions(sim.profile(), policy), u"v2 [v1 v2]"_s);
        // The records say how to connect, and nothing secret.
        for (const QJsonObject& r : auditRecords(auditId))
            QCOMPARE(r.value(u"connection"_s).toObject().value(u"profile"_s).toString(),
                     QFileInfo(sim.profile()).absoluteFilePath());
    }

    void concurrentRamEdit_betweenPlanAndApply_abortsWithNothingWritten()
    {
        SimProcess sim;
        QVERIFY(sim.start(u"seed"_s));
        QVERIFY(settled(sim));
        const QString policy = ramPolicyName(sim);
        const QString plan = sim.path(u"plan.json"_s);
        const ProcessRun planned = unstuck({u"fix"_s, u"plan"_s, u"ram-policy-allow"_s,
                                            u"--profile"_s, sim.profile(), u"--out"_s, plan});
        QVERIFY2(planned.exitCode == 0, planned.err.constData());
        // Someone publishes another version of the policy meanwhile.
        const QJsonObject v2 =
            cloudCall(sim.profile(), u"ram"_s, u"GetPolicy"_s,
                      {{u"PolicyName"_s, policy}, {u"PolicyType"_s, u"Custom"_s}});
        const QString document =
            v2.value(u"DefaultPolicyVersion"_s).toObject().value(u"PolicyDocument"_s).toString();
        QVERIFY(!cloudCall(sim.profile(), u"ram"_s, u"CreatePolicyVersion"_s,
                           {{u"PolicyName"_s, policy},
                            {u"PolicyDocument"_s, document},
                            {u"SetAsDefault"_s, u"true"_s}})
                     .isEmpty());
        QCOMPARE(ramPolicyVersions(sim.profile(), policy), u"v3 [v1 v2 v3]"_s);
        const ProcessRun run = unstuck({u"fix"_s, u"apply"_s, u"--plan"_s, plan, u"--yes"_s,
                                        u"--profile"_s, sim.profile(), u"--format"_s, u"json"_s});
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.out.contains("default version") && run.out.contains("v2 → v3"),
                 run.out.constData());
        QCOMPARE(ramPolicyVersions(sim.profile(), policy), u"v3 [v1 v2 v3]"_s); // nothing half-done
    }

    void concurrentKubeEdit_betweenPlanAndApply_abortsWithNothingWritten()
    {
        SimProcess sim;
        QVERIFY(sim.start(u"stale-apiservice"_s));
        QVERIFY(settled(sim));
        const QString plan = sim.path(u"plan.json"_s);
        QCOMPARE(unstuck({u"fix"_s, u"plan"_s, u"apiservice-delete"_s, u"--profile"_s,
                          sim.profile(), u"--out"_s, plan})
                     .exitCode,
                 0);
        QCOMPARE(kubectl(sim, {u"annotate"_s, u"apiservice"_s, u"v1beta1.metrics.k8s.io"_s,
                               u"owner=someone-else"_s})
                     .exitCode,
                 0);
        const ProcessRun run = unstuck(
            {u"fix"_s, u"apply"_s, u"--plan"_s, plan, u"--yes"_s, u"--profile"_s, sim.profile()});
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.out.contains("resourceVersion"), run.out.constData());
        QCOMPARE(kubectl(sim, {u"get"_s, u"apiservice"_s, u"v1beta1.metrics.k8s.io"_s}).exitCode,
                 0);
    }

    void withoutYesOnANonTerminal_nothingIsWritten()
    {
        SimProcess sim;
        QVERIFY(sim.start(u"seed"_s));
        QVERIFY(settled(sim));
        const QString policy = ramPolicyName(sim);
        const ProcessRun run =
            unstuck({u"fix"_s, u"apply"_s, u"ram-policy-allow"_s, u"--profile"_s, sim.profile()});
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains("--yes"), run.err.constData());
        QCOMPARE(ramPolicyVersions(sim.profile(), policy), u"v2 [v1 v2]"_s);
    }

    void destructiveFix_needsItsNameTyped()
    {
        SimProcess sim;
        QVERIFY(sim.start(u"finalizers-remaining"_s));
        QVERIFY(settled(sim));
        const ProcessRun list =
            unstuck({u"fix"_s, u"list"_s, u"--profile"_s, sim.profile(), u"--format"_s, u"json"_s});
        QCOMPARE(list.exitCode, 0);
        QVERIFY(fixIn(list.json(), u"finalizers-remove"_s).value(u"destructive"_s).toBool());
        const ProcessRun run = unstuck({u"fix"_s, u"apply"_s, u"finalizers-remove"_s, u"--yes"_s,
                                        u"--profile"_s, sim.profile(), u"--format"_s, u"json"_s});
        QCOMPARE(run.exitCode, 4);
        QCOMPARE(fixIn(run.json(), u"finalizers-remove"_s).value(u"result"_s).toString(),
                 u"refused"_s);
        const ProcessRun backup =
            kubectl(sim, {u"get"_s, u"backups.example.com"_s, u"nightly"_s, u"-n"_s,
                          u"tobedeletedb"_s, u"-o"_s, u"jsonpath={.metadata.finalizers}"_s});
        QVERIFY2(backup.out.contains("example.com/cleanup"), backup.out.constData());
    }

    void healAll_stoppedByALaterFixsPreflight_afterAWrite_exits1NotHealed()
    {
        // A world whose controllers stand still: the RAM fix is written but cannot heal the
        // chain, so heal-all goes on with the next fixes, planned afresh. Meanwhile the
        // operator loses vpc:CreateRouteEntry, so the route fix's preflight refuses it. Exit 3
        // would say "refused, nothing written"; the RAM policy did change and the chain is
        // still red: exit 1, with the refused fix and what is still red in the JSON.
        SimProcess sim;
        QVERIFY(sim.start(u"seed"_s, {u"--reconcile-ms"_s, u"600000"_s}));
        QVERIFY(settled(sim));
        const QString policy = ramPolicyName(sim);
        QProcess heal;
        heal.setProcessEnvironment(env());
        heal.start(QStringLiteral(UNSTUCK_BINARY),
                   {u"fix"_s, u"apply"_s, u"--all"_s, u"--yes"_s, u"--timeout-s"_s, u"3"_s,
                    u"--profile"_s, sim.profile(), u"--format"_s, u"json"_s});
        heal.closeWriteChannel();
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += heal.readAllStandardError()).contains("[verify]"), 60000);
        QVERIFY2(err.contains("[apply] ram-policy-allow 200"), err.constData());
        QVERIFY(withoutCreateRouteEntry(sim));
        QVERIFY(heal.waitForFinished(300000));
        err += heal.readAllStandardError();
        const QJsonObject outcome = QJsonDocument::fromJson(heal.readAllStandardOutput()).object();
        QVERIFY2(heal.exitCode() == 1, err.constData());
        QCOMPARE(outcome.value(u"exitCode"_s).toInt(), 1);
        QVERIFY(!outcome.value(u"verified"_s).toBool());
        QVERIFY(!outcome.value(u"stillRed"_s).toArray().isEmpty());
        QCOMPARE(fixIn(outcome, u"ram-policy-allow"_s).value(u"result"_s).toString(), u"applied"_s);
        QCOMPARE(fixIn(outcome, u"vpc-route-create"_s).value(u"result"_s).toString(), u"refused"_s);
        QVERIFY(!failedChecks(outcome).isEmpty());
        QCOMPARE(ramPolicyVersions(sim.profile(), policy), u"v3 [v1 v2 v3]"_s);
    }

    void destructiveFixWithoutItsName_isSkipped_andTheOthersStillHeal()
    {
        // Named with a fix that heals, the destructive one without its name is left out (as the
        // prompt says: "anything else skips it"), not the end of a run that already wrote.
        SimProcess sim;
        QVERIFY(sim.start(u"stale-apiservice"_s));
        QVERIFY(settled(sim));
        const ProcessRun run =
            unstuck({u"fix"_s, u"apply"_s, u"apiservice-delete"_s, u"namespace-finalize"_s,
                     u"--yes"_s, u"--profile"_s, sim.profile(), u"--format"_s, u"json"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject outcome = run.json();
        QVERIFY(outcome.value(u"verified"_s).toBool());
        QCOMPARE(fixIn(outcome, u"apiservice-delete"_s).value(u"result"_s).toString(),
                 u"applied"_s);
        const QJsonObject finalize = fixIn(outcome, u"namespace-finalize"_s);
        QCOMPARE(finalize.value(u"result"_s).toString(), u"refused"_s);
        QVERIFY2(finalize.value(u"reason"_s).toString().contains(u"--confirm-name"_s),
                 qPrintable(finalize.value(u"reason"_s).toString()));
    }

    void auditCommand_verifiesTheChainAndNamesAnEditedLine()
    {
        SimProcess sim;
        QVERIFY(sim.start(u"stale-apiservice"_s));
        QVERIFY(settled(sim));
        QCOMPARE(unstuck({u"fix"_s, u"apply"_s, u"apiservice-delete"_s, u"--yes"_s, u"--profile"_s,
                          sim.profile(), u"--timeout-s"_s, u"60"_s})
                     .exitCode,
                 0);
        const ProcessRun audit = unstuck({u"audit"_s, u"--format"_s, u"json"_s});
        QCOMPARE(audit.exitCode, 0);
        QVERIFY(audit.json().value(u"chain"_s).toObject().value(u"ok"_s).toBool());
        QVERIFY(audit.json().value(u"records"_s).toArray().size() >= 2);
        // A copy with its first record edited: the chain breaks there, and `audit` says so.
        QFile original(auditPath());
        QVERIFY(original.open(QIODevice::ReadOnly));
        QByteArrayList lines = original.readAll().split('\n');
        lines[0].replace("\"Applying\"", "\"Skipped\"");
        const QString copy = sim.path(u"edited.jsonl"_s);
        QFile edited(copy);
        QVERIFY(edited.open(QIODevice::WriteOnly));
        edited.write(lines.join('\n'));
        edited.close();
        const ProcessRun broken = unstuck({u"audit"_s, u"--audit-log"_s, copy});
        QCOMPARE(broken.exitCode, 1);
        QVERIFY2(broken.err.contains("line 1"), broken.err.constData());
    }
};

QTEST_GUILESS_MAIN(TstFix)
#include "tst_fix.moc"
