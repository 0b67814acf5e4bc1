// SPDX-License-Identifier: GPL-3.0-or-later
// `unstuck fix apply --all` against a simulator whose write path fails: 5xx answers (nothing was
// written), and connections reset after the server applied the write (the answer is lost). A
// cell passes when the command ends in bounded time with a clear exit code, the world read back
// from the simulator (the cloud API, kubectl; never unstuck's own output) is either as before or
// fully changed, never half and never twice, and the run's audit records say which: "Applied"
// for a write that took effect, no "Applied" when nothing changed. A lost answer is read back,
// never sent again (a ClientToken excepted): the record's readBack says what was found, and
// where reading back failed too, the run says the write may have taken effect. A RAM write
// learnt from reading back is then undone with what the read found.
//
// Every cell's simulator and fix run go at once (most of a cell is waiting for controllers and
// retries); the rows then assert what each saw. A fixed --faults-seed makes the strikes repeat.
#include "support/FixJson.h"
#include "support/KubectlTool.h"
#include "support/SimCloud.h"
#include "support/SimProcess.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QRegularExpression>
#include <memory>

using namespace unstuck;
using namespace unstuck::test;
using namespace Qt::StringLiterals;

namespace {

// What a cell's world is read as: one line a fix changes, compared before and after.
enum class World { RamPolicy, RouteTable, ApiService, Backend };

struct Cell
{
    QString name, scenario, faults, seed;
    QString fixes; // what `fix apply` is given: "--all", or one fix id
    World world;
    QString struck; // the fault kind the simulator must report having injected
    // What must come of it (the seed makes it repeat): the exit code (-1: any that matches the
    // world), whether the world ends changed, and what reading back a lost answer found ("" =
    // no answer was lost).
    int wantExit = 0;
    bool wantChanged = false;
    QString wantReadBack;

    std::unique_ptr<QTemporaryDir> data; // XDG_DATA_HOME: this cell's own audit log
    std::unique_ptr<QTemporaryDir> state;
    std::unique_ptr<QProcess> sim, fix;
    QString before, after, expected; // the world line before, after, and as a full fix leaves it
    QString undone;                  // after `fix undo` of a write whose answer was lost
    int undoExit = -1;
    QByteArray out, err, simErr;
    int exitCode = -1; // -1: crashed or hung
    qint64 elapsedMs = 0;
    QString error; // why the cell could not run
};

// The cells fault only the writes, but one that faults every cloud call may strike a read too:
// a read is asked again (reads are safe).
constexpr int kReadAttempts = 4;

QByteArray kubectl(const QString& kubeconfig, const QStringList& args)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"KUBECONFIG"_s, kubeconfig);
    const ProcessRun run = runProcess(u"kubectl"_s, args, env);
    return run.exitCode == 0 ? run.out.trimmed() : "error: " + run.err.trimmed();
}

// "policy: v2 [v1 v2]; …": the default version and every version of each custom policy of
// the nodes' RAM roles. The cells fault only the writes (or retry the reads), so a read is the
// truth.
QString ramPolicy(const QString& profile)
{
    const QJsonObject roles =
        cloudCall(profile, u"ecs"_s, u"DescribeInstanceRamRole"_s, {}, kReadAttempts);
    QStringList names, out;
    for (const QJsonValue& r : roles.value(u"InstanceRamRoleSets"_s)
                                   .toObject()
                                   .value(u"InstanceRamRoleSet"_s)
                                   .toArray()) {
        const QString role = r.toObject().value(u"RamRoleName"_s).toString();
        const QJsonObject attached = cloudCall(profile, u"ram"_s, u"ListPoliciesForRole"_s,
                                               {{u"RoleName"_s, role}}, kReadAttempts);
        for (const QJsonValue& p :
             attached.value(u"Policies"_s).toObject().value(u"Policy"_s).toArray())
            if (p.toObject().value(u"PolicyType"_s).toString() == u"Custom"_s &&
                !names.contains(p.toObject().value(u"PolicyName"_s).toString()))
                names << p.toObject().value(u"PolicyName"_s).toString();
    }
    for (const QString& name : std::as_const(names)) {
        out << name + u": "_s + ramPolicyVersions(profile, name, kReadAttempts);
    }
    out.sort();
    return out.isEmpty() ? u"error: no custom policy"_s : out.join(u"; "_s);
}

// "172.16.0.0/24 i-…; …": the custom entries of the route table, sorted (a CIDR twice shows).
QString routeTable(const QString& profile)
{
    const QJsonObject tables =
        cloudCall(profile, u"vpc"_s, u"DescribeRouteTableList"_s, {}, kReadAttempts);
    const QString table = tables.value(u"RouterTableList"_s)
                              .toObject()
                              .value(u"RouterTableListType"_s)
                              .toArray()
                              .first()
                              .toObject()
                              .value(u"RouteTableId"_s)
                              .toString();
    const QJsonObject list =
        cloudCall(profile, u"vpc"_s, u"DescribeRouteEntryList"_s,
                  {{u"RouteTableId"_s, table}, {u"MaxResult"_s, u"100"_s}}, kReadAttempts);
    QStringList out;
    for (const QJsonValue& v :
         list.value(u"RouteEntrys"_s).toObject().value(u"RouteEntry"_s).toArray()) {
        const QJsonObject e = v.toObject();
        if (e.value(u"Type"_s).toString() == u"Custom"_s)
            out << e.value(u"DestinationCidrBlock"_s).toString();
    }
    out.sort();
    return table.isEmpty() ? u"error: no route table"_s : out.join(u"; "_s);
}

// Every node's pod CIDR: the route table a full route fix leaves.
QString podCidrs(const QString& kubeconfig)
{
    QStringList cidrs =
        QString::fromUtf8(
            kubectl(kubeconfig, {u"get"_s, u"nodes"_s, u"-o"_s,
                                 u"jsonpath={range .items[*]}{.spec.podCIDR} {end}"_s}))
            .split(u' ', Qt::SkipEmptyParts);
    cidrs.sort();
    return cidrs.join(u"; "_s);
}

QString readWorld(const Cell& c)
{
    const QString profile = c.state->filePath(u"profile.json"_s);
    const QString kubeconfig = c.state->filePath(u"kubeconfig"_s);
    switch (c.world) {
    case World::RamPolicy:
        return ramPolicy(profile);
    case World::RouteTable:
        return routeTable(profile);
    case World::ApiService:
        return QString::fromUtf8(kubectl(
            kubeconfig, {u"get"_s, u"apiservice"_s, u"-o"_s,
                         u"jsonpath={range .items[*]}{.metadata.name}/{.metadata.uid} {end}"_s}));
    case World::Backend:
        // The list, not the object: the object's path is where the cell's faults strike.
        return QString::fromUtf8(kubectl(
            kubeconfig,
            {u"get"_s, u"deployments"_s, u"-n"_s, u"kube-system"_s, u"-o"_s,
             u"jsonpath={.items[?(@.metadata.name==\"metrics-server\")].spec.replicas}"_s}));
    }
    return {};
}

// What a full fix leaves, from the world before it.
QString expectedWorld(const Cell& c)
{
    switch (c.world) {
    case World::RamPolicy: // one new version, the default; the Deny version kept
        return QString(c.before).replace(u"v2 [v1 v2]"_s, u"v3 [v1 v2 v3]"_s);
    case World::RouteTable:
        return podCidrs(c.state->filePath(u"kubeconfig"_s));
    case World::ApiService: // the stale ones gone
        return QString(c.before)
            .remove(QRegularExpression(c.scenario == u"custom-aggregated-api"_s
                                           ? u"v1\\w*\\.subresources\\.kubevirt\\.io/\\S+ ?"_s
                                           : u"v1beta1\\.metrics\\.k8s\\.io/\\S+ ?"_s))
            .trimmed();
    case World::Backend:
        return u"1"_s;
    }
    return {};
}

QList<QJsonObject> auditRecords(const Cell& c, const QString& auditId)
{
    QList<QJsonObject> out;
    QFile f(c.data->filePath(u"Unstuck/unstuck/audit.jsonl"_s));
    if (f.open(QIODevice::ReadOnly))
        for (const QByteArray& line : f.readAll().split('\n'))
            if (const QJsonObject r = QJsonDocument::fromJson(line).object();
                r.value(u"auditId"_s).toString() == auditId)
                out << r;
    return out;
}

} // namespace

class TstFixFaults : public QObject
{
    Q_OBJECT

    std::vector<std::unique_ptr<Cell>> m_cells;

    Cell* cell(const QString& name)
    {
        for (auto& c : m_cells)
            if (c->name == name)
                return c.get();
        return nullptr;
    }

    struct Want
    {
        int exit;
        bool changed;
        QString readBack;
    };
    void add(const QString& name, const QString& scenario, World world, const QString& faults,
             const QString& seed, const QString& struck, const Want& want,
             const QString& fixes = u"--all"_s)
    {
        auto c = std::make_unique<Cell>();
        c->fixes = fixes;
        c->name = name;
        c->scenario = scenario;
        c->world = world;
        c->faults = faults;
        c->seed = seed;
        c->struck = struck;
        c->wantExit = want.exit;
        c->wantChanged = want.changed;
        c->wantReadBack = want.readBack;
        m_cells.push_back(std::move(c));
    }

    static QProcessEnvironment env(const Cell& c)
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(u"XDG_DATA_HOME"_s, c.data->path());
        e.remove(u"KUBECONFIG"_s);
        return e;
    }

    void startSims()
    {
        for (auto& c : m_cells) {
            c->data = std::make_unique<QTemporaryDir>();
            c->state = std::make_unique<QTemporaryDir>();
            c->sim = std::make_unique<QProcess>();
            c->sim->start(QStringLiteral(UNSTUCK_SIM_BINARY),
                          {u"--scenario"_s, c->scenario, u"--state-dir"_s, c->state->path(),
                           u"--reconcile-ms"_s, u"100"_s, u"--faults"_s, c->faults,
                           u"--faults-seed"_s, c->seed});
        }
        for (auto& c : m_cells)
            if (!QTest::qWaitFor([&] { return QFile::exists(c->state->filePath(u"sim.json"_s)); },
                                 30000))
                c->error = u"the simulator did not start: "_s +
                           QString::fromUtf8(c->sim->readAllStandardError());
    }

    void startFixes(const QElapsedTimer& clock)
    {
        for (auto& c : m_cells) {
            if (!c->error.isEmpty())
                continue;
            c->before = readWorld(*c);
            c->expected = expectedWorld(*c);
            c->fix = std::make_unique<QProcess>();
            c->fix->setProcessEnvironment(env(*c));
            c->fix->start(QStringLiteral(UNSTUCK_BINARY),
                          {u"fix"_s, u"apply"_s, c->fixes, u"--yes"_s, u"--profile"_s,
                           c->state->filePath(u"profile.json"_s), u"--format"_s, u"json"_s,
                           u"--timeout-s"_s, u"20"_s});
            c->fix->closeWriteChannel();
            Cell* cell = c.get();
            connect(cell->fix.get(), &QProcess::finished, this,
                    [cell, &clock] { cell->elapsedMs = clock.elapsed(); });
        }
    }

    // The undo a write read back as applied stored: what it reverses was learnt from the read.
    void undo(Cell& c)
    {
        const QString auditId =
            QJsonDocument::fromJson(c.out).object().value(u"auditId"_s).toString();
        const ProcessRun run = runProcess(QStringLiteral(UNSTUCK_BINARY),
                                          {u"fix"_s, u"undo"_s, auditId, u"--yes"_s, u"--profile"_s,
                                           c.state->filePath(u"profile.json"_s)},
                                          env(c));
        c.undoExit = run.exitCode;
        c.undone = readWorld(c);
    }

    // Waits for every fix run (90 s hang guard), then reads each world back and stops its sim.
    void collect(const QElapsedTimer& clock)
    {
        for (auto& c : m_cells) {
            if (!c->fix)
                continue;
            const qint64 left = std::max<qint64>(1000, 90000 - clock.elapsed());
            // (waitForFinished is false for a process that has already ended.)
            if (c->fix->state() != QProcess::NotRunning && !c->fix->waitForFinished(int(left)))
                c->fix->kill();
            c->fix->waitForFinished();
            if (c->fix->exitStatus() == QProcess::NormalExit && c->fix->exitCode() >= 0)
                c->exitCode = c->fix->exitCode();
            c->out = c->fix->readAllStandardOutput();
            c->err = c->fix->readAllStandardError();
        }
        for (auto& c : m_cells) {
            if (c->error.isEmpty())
                c->after = readWorld(*c);
            if (c->world == World::RamPolicy && c->wantReadBack == u"applied"_s)
                undo(*c);
            c->sim->terminate();
        }
        for (auto& c : m_cells) {
            if (!c->sim->waitForFinished(5000)) {
                c->sim->kill();
                c->sim->waitForFinished();
            }
            c->simErr = c->sim->readAllStandardError();
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString kubectl;
        UNSTUCK_REQUIRE_KUBECTL(kubectl);
        // The RAM fix's one write: refused with a 5xx (never applied), or applied and its
        // answer lost (no ClientToken: read back, never sent again).
        add(u"seed x http5xx@CreatePolicyVersion"_s, u"seed"_s, World::RamPolicy,
            u"http5xx=1@CreatePolicyVersion"_s, u"1"_s, u"http5xx"_s, {2, false, u"not-applied"_s});
        add(u"seed x reset@CreatePolicyVersion"_s, u"seed"_s, World::RamPolicy,
            u"reset=1@CreatePolicyVersion"_s, u"1"_s, u"reset"_s, {0, true, u"applied"_s});
        // The route fix: the dry run passes, then the create's answers are lost or refused. Its
        // ClientToken makes it idempotent: sent again, it returns the first route, never a second.
        // Seed 7 strikes the 2nd of its requests (the retry gets the first answer); 103 the 2nd
        // to the 6th (every try: read back).
        add(u"route-missing x reset@CreateRouteEntry once"_s, u"route-missing"_s, World::RouteTable,
            u"reset=0.5@CreateRouteEntry"_s, u"7"_s, u"reset"_s, {0, true, {}});
        add(u"route-missing x reset@CreateRouteEntry every try"_s, u"route-missing"_s,
            World::RouteTable, u"reset=0.5@CreateRouteEntry"_s, u"103"_s, u"reset"_s,
            {0, true, u"applied"_s});
        add(u"route-missing x http5xx@CreateRouteEntry thrice"_s, u"route-missing"_s,
            World::RouteTable, u"http5xx=0.5@CreateRouteEntry"_s, u"103"_s, u"http5xx"_s,
            {0, true, {}});
        // Half the cloud's answers cut, reads too. With seed 3 the read before the first write
        // gives up, so nothing is sent (exit 2: it could not run; nothing moved); but the
        // diagnosis's cloud reads run in parallel, so under load the strikes may fall elsewhere:
        // only the invariants are held (-1).
        add(u"route-missing x reset@cloud"_s, u"route-missing"_s, World::RouteTable,
            u"reset=0.5@cloud"_s, u"3"_s, u"reset"_s, {-1, false, {}});
        // Kubernetes writes: the object's path also takes its reads (preview, dry run, the read
        // before the write), so seed 120 strikes the 4th request only: the DELETE or the PATCH.
        // Seed 36 strikes the 4th to the 8th: the DELETE and every try to read it back, so the
        // run cannot tell and must say so.
        const QString apiservice =
            u"/apis/apiregistration.k8s.io/v1/apiservices/v1beta1.metrics.k8s.io"_s;
        add(u"stale-apiservice x reset@DELETE apiservice"_s, u"stale-apiservice"_s,
            World::ApiService, u"reset=0.5@"_s + apiservice, u"120"_s, u"reset"_s,
            {0, true, u"applied"_s});
        add(u"stale-apiservice x reset@DELETE apiservice and its read back"_s,
            u"stale-apiservice"_s, World::ApiService, u"reset=0.5@"_s + apiservice, u"36"_s,
            u"reset"_s, {2, true, u"unknown"_s});
        // A fix of two writes whose second answer is lost: the facts about its own object tell
        // (the first write's do not). The fix alone, so no verify shifts the strikes.
        add(u"custom-aggregated-api x reset@2nd DELETE apiservice"_s, u"custom-aggregated-api"_s,
            World::ApiService,
            u"reset=0.5@/apis/apiregistration.k8s.io/v1/apiservices/"_s
            u"v1alpha3.subresources.kubevirt.io"_s,
            u"120"_s, u"reset"_s, {0, true, u"applied"_s}, u"apiservice-delete"_s);
        add(u"backend-down x http5xx@PATCH deployment"_s, u"backend-down"_s, World::Backend,
            u"http5xx=0.5@/apis/apps/v1/namespaces/kube-system/deployments/metrics-server"_s,
            u"120"_s, u"http5xx"_s, {2, false, u"not-applied"_s});
        add(u"backend-down x reset@PATCH deployment"_s, u"backend-down"_s, World::Backend,
            u"reset=0.5@/apis/apps/v1/namespaces/kube-system/deployments/metrics-server"_s,
            u"120"_s, u"reset"_s, {0, true, u"applied"_s});

        QElapsedTimer clock;
        clock.start();
        startSims();
        startFixes(clock);
        collect(clock);
        qInfo("%d cells in %lld ms", int(m_cells.size()), clock.elapsed());
    }

    void cell_data()
    {
        QTest::addColumn<QString>("name");
        for (const auto& c : m_cells)
            QTest::newRow(qPrintable(c->name)) << c->name;
    }

    void cell()
    {
        QFETCH(QString, name);
        const Cell* c = this->cell(name);
        QVERIFY(c);
        QVERIFY2(c->error.isEmpty(), qPrintable(c->error));
        const QJsonObject outcome = QJsonDocument::fromJson(c->out).object();
        const QString auditId = outcome.value(u"auditId"_s).toString();
        static const QRegularExpression faultsLine(u"faults injected: ([^\n]*)"_s);
        const QString injected = faultsLine.match(QString::fromUtf8(c->simErr)).captured(1);
        qInfo("exit %d after %lld ms; sim: %s\n  before:   %s\n  after:    %s\n  expected: %s",
              c->exitCode, c->elapsedMs, qPrintable(injected), qPrintable(c->before),
              qPrintable(c->after), qPrintable(c->expected));
        for (const QJsonValue& f : outcome.value(u"fixes"_s).toArray())
            qInfo("  fix %s: %s — %s", qPrintable(f.toObject().value(u"id"_s).toString()),
                  qPrintable(f.toObject().value(u"result"_s).toString()),
                  qPrintable(f.toObject().value(u"reason"_s).toString()));

        // Ends, with a clear exit code and a document that says what happened.
        QVERIFY2(c->exitCode >= 0, "the fix run hung or crashed");
        QVERIFY2(c->exitCode <= 5, c->err.constData());
        QCOMPARE(outcome.value(u"exitCode"_s).toInt(-1), c->exitCode);
        QVERIFY2(injected.contains(c->struck),
                 qPrintable(u"the fault never struck: "_s + injected));

        // The world: as before, or fully changed; never half, never a write twice.
        QVERIFY2(!c->before.startsWith(u"error"_s) && !c->after.startsWith(u"error"_s),
                 qPrintable(c->before + u" / "_s + c->after));
        QVERIFY(c->before != c->expected);
        const bool changed = c->after == c->expected;
        QVERIFY2(changed || c->after == c->before,
                 qPrintable(u"half changed (or twice): "_s + c->after));

        // What the run says matches the world.
        QStringList applied;
        for (const QJsonValue& f : outcome.value(u"fixes"_s).toArray())
            for (const QJsonValue& w : f.toObject().value(u"applied"_s).toArray())
                applied << f.toObject().value(u"id"_s).toString() + u'#' + w.toString();
        QStringList auditApplied, auditFailed, readBacks;
        for (const QJsonObject& r : auditRecords(*c, auditId)) {
            const QString step =
                r.value(u"fixId"_s).toString() + u'#' + r.value(u"stepId"_s).toString();
            const QString stage = r.value(u"stage"_s).toString();
            if (stage == u"Applied"_s)
                auditApplied << step;
            else if (stage == u"ApplyFailed"_s)
                auditFailed << step;
            // A lost answer is read back, never sent again; the record says what was found.
            const QString found = r.value(u"readBack"_s).toObject().value(u"result"_s).toString();
            if (!found.isEmpty())
                readBacks << found;
            if (found == u"applied"_s)
                QCOMPARE(stage, u"Applied"_s);
            else if (!found.isEmpty())
                QCOMPARE(stage, u"ApplyFailed"_s);
        }
        qInfo("  applied: %s; audit Applied: %s; audit ApplyFailed: %s; read back: %s",
              qPrintable(applied.join(u' ')), qPrintable(auditApplied.join(u' ')),
              qPrintable(auditFailed.join(u' ')), qPrintable(readBacks.join(u' ')));
        if (c->wantExit >= 0) {
            QCOMPARE(c->exitCode, c->wantExit);
            QCOMPARE(changed, c->wantChanged);
            QCOMPARE(readBacks.join(u' '), c->wantReadBack);
        } else { // whichever way it went, the exit code says it
            QVERIFY2(changed ? c->exitCode <= 1 : c->exitCode >= 2, c->out.constData());
        }
        if (changed && c->wantReadBack == u"unknown"_s) {
            // The write's answer and every read back were lost: it cannot know, and says so.
            QVERIFY2(applied.isEmpty() && auditApplied.isEmpty(), c->out.constData());
            QVERIFY2(c->out.contains("may have taken effect"), c->out.constData());
        } else if (changed) {
            QVERIFY2(!applied.isEmpty(), "the world changed, the run says nothing was applied");
            QCOMPARE(auditApplied, applied);
            if (c->undoExit >= 0) { // the Deny version in force again, the fix's version gone
                QCOMPARE(c->undoExit, 0);
                QCOMPARE(c->undone,
                         QString(c->expected).replace(u": v3 [v1 v2 v3]"_s, u": v2 [v1 v2]"_s));
            }
        } else {
            QVERIFY2(applied.isEmpty(), "nothing changed, the run says it applied");
            QVERIFY2(auditApplied.isEmpty(), "nothing changed, the audit log says Applied");
        }

        // The audit chain holds, and the failed writes it names are the ones the run names.
        const ProcessRun audit = runProcess(QStringLiteral(UNSTUCK_BINARY),
                                            {u"audit"_s, u"--format"_s, u"json"_s, u"--audit-log"_s,
                                             c->data->filePath(u"Unstuck/unstuck/audit.jsonl"_s)},
                                            env(*c));
        if (!auditId.isEmpty())
            QVERIFY2(audit.json().value(u"chain"_s).toObject().value(u"ok"_s).toBool(),
                     audit.out.constData());
        if (!auditFailed.isEmpty())
            QVERIFY2(fixIn(outcome, auditFailed.first().section(u'#', 0, 0))
                             .value(u"result"_s)
                             .toString() != u"applied"_s,
                     "a write the audit log calls failed is reported applied");
    }
};

QTEST_GUILESS_MAIN(TstFixFaults)
#include "tst_fix_faults.moc"
