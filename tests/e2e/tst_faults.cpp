// SPDX-License-Identifier: GPL-3.0-or-later
// The verdict matrix under a faulty world: every scenario x every fault class of
// `unstuck-sim --faults`, each at a rate that strikes every request of its kind, through the
// shipped `unstuck diagnose --format json`. A cell passes when the diagnosis ends (60 s hang
// guard) with the scenario's own root cause, or with no red at all and an unknown / incomplete
// answer whose reason names the fault; a verdict that stops short on the scenario's own red
// path (the last hop it could prove, as without cloud credentials) with the unknowns naming
// the fault also passes. A root cause beside that path (a wrong red), a healthy verdict on a
// stuck cluster that does not say why it could not see, a fault that never struck, or a crash
// fails. A fault-free row per scenario gives the baseline red path.
//
// The cells run in parallel child processes (initTestCase), then each is asserted as a row.
#include "support/DiagnosisJson.h"
#include "support/SimProcess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>
#include <thread>
#include <vector>

namespace {

struct Scenario
{
    QString name;
    QString root; // "none" when healthy
};

struct Fault
{
    QString kind;
    QString spec;
    QString named; // what a reason must mention (regular expression, case-insensitive)
};

struct Cell
{
    QString scenario, fault;
    int exitCode = -1; // -1: crashed or hung
    bool hung = false;
    QString error; // why the cell could not run at all
    QJsonObject json;
    QByteArray stderrText;
    QString simFaults; // the simulator's "faults injected: …" line
    qint64 elapsedMs = 0;
};

const QList<Scenario>& scenarios()
{
    static const QList<Scenario> list{
        {QStringLiteral("seed"), QStringLiteral("ram-policy")},
        {QStringLiteral("healthy"), QStringLiteral("none")},
        {QStringLiteral("backend-down"), QStringLiteral("metrics-server")},
        {QStringLiteral("stale-apiservice"), QStringLiteral("metrics-server")},
        {QStringLiteral("custom-aggregated-api"), QStringLiteral("metrics-server")},
        {QStringLiteral("route-missing"), QStringLiteral("vpc-route-table")},
        {QStringLiteral("finalizers-remaining"), QStringLiteral("finalizers")},
        {QStringLiteral("webhook-blocks-delete"), QStringLiteral("webhook")},
        {QStringLiteral("no-cloud-credentials"), QStringLiteral("apiserver→metrics-server")},
        {QStringLiteral("ram-two-policies"), QStringLiteral("ram-policy")}};
    return list;
}

// Rate 1: certain to strike (the sim's exit line proves it did, where the kind is reached).
const QList<Fault>& faults()
{
    static const QList<Fault> list{
        // The baseline: no fault, so the scenario's own verdict and red path.
        {QStringLiteral("none"), QString(), QStringLiteral("^$")},
        {QStringLiteral("jitter"), QStringLiteral("jitter=150"), QStringLiteral("timed out")},
        {QStringLiteral("http429"), QStringLiteral("http429=1"),
         QStringLiteral("429|too many requests|throttl")},
        {QStringLiteral("http5xx"), QStringLiteral("http5xx=1"),
         QStringLiteral("50[023]|internal ?error|unavailable")},
        {QStringLiteral("reset"), QStringLiteral("reset=1"), QStringLiteral("reset|closed")},
        {QStringLiteral("truncate"), QStringLiteral("truncate=1"), QStringLiteral("truncated")},
        {QStringLiteral("drip"), QStringLiteral("drip=1"), QStringLiteral("timed out")},
        {QStringLiteral("tls"), QStringLiteral("tls=1"), QStringLiteral("tls|certificate|ssl")},
        {QStringLiteral("auth"), QStringLiteral("auth=1"),
         QStringLiteral("401|unauthori[sz]ed|InvalidAccessKeyId|SignatureDoesNotMatch")},
        {QStringLiteral("throttle"), QStringLiteral("throttle=1"), QStringLiteral("throttl")},
        // The cloud alone failing: the Kubernetes half of the verdict must stand.
        {QStringLiteral("http5xx@cloud"), QStringLiteral("http5xx=1@cloud"),
         QStringLiteral("InternalError|ServiceUnavailable|50[03]")},
        {QStringLiteral("reset@cloud"), QStringLiteral("reset=1@cloud"),
         QStringLiteral("reset|closed|truncated")},
        {QStringLiteral("truncate@cloud"), QStringLiteral("truncate=1@cloud"),
         QStringLiteral("truncated")},
        {QStringLiteral("auth@cloud"), QStringLiteral("auth=1@cloud"),
         QStringLiteral("InvalidAccessKeyId|SignatureDoesNotMatch")},
        // A flaky day rather than an outage: the clients' retries should mostly see through it.
        {QStringLiteral("flaky"),
         QStringLiteral(
             "jitter=100,http429=0.1,http5xx=0.1,reset=0.05,truncate=0.05,throttle=0.15"),
         QStringLiteral("429|too many requests|throttl|50[023]|internal ?error|unavailable|"
                        "reset|closed|truncated|timed out")}};
    return list;
}

// Every reason the diagnosis gives for what it could not see: the top-level error and the
// summaries of unknown components and links.
QStringList unknownReasons(const QJsonObject& json)
{
    QStringList reasons;
    if (!json.value(QStringLiteral("error")).toString().isEmpty())
        reasons << json.value(QStringLiteral("error")).toString();
    for (const char* list : {"components", "links"}) {
        for (const QJsonValue& v : json.value(QLatin1String(list)).toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("state")).toString() == QLatin1String("unknown"))
                reasons << o.value(QStringLiteral("id")).toString() + QStringLiteral(": ") +
                               o.value(QStringLiteral("summary")).toString();
        }
    }
    return reasons;
}

bool waitForFile(const QString& path, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!QFile::exists(path)) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QThread::msleep(20); // polling a condition from a worker thread (no event loop here)
    }
    return true;
}

// One cell, run to its end in the calling (worker) thread.
void runCell(Cell* cell, const QString& spec)
{
    QElapsedTimer clock;
    clock.start();
    QTemporaryDir dir;
    QProcess sim;
    QStringList arguments{QStringLiteral("--scenario"),     cell->scenario,
                          QStringLiteral("--state-dir"),    dir.path(),
                          QStringLiteral("--reconcile-ms"), QStringLiteral("100")};
    if (!spec.isEmpty())
        arguments << QStringLiteral("--faults") << spec << QStringLiteral("--faults-seed")
                  << QStringLiteral("1");
    sim.start(QStringLiteral(UNSTUCK_SIM_BINARY), arguments);
    if (!sim.waitForStarted(10000) ||
        !waitForFile(dir.filePath(QStringLiteral("sim.json")), 30000)) {
        cell->error = QStringLiteral("the simulator did not start: ") +
                      QString::fromUtf8(sim.readAllStandardError());
        sim.kill();
        sim.waitForFinished();
        return;
    }
    QProcess diagnose;
    diagnose.start(QStringLiteral(UNSTUCK_BINARY),
                   {QStringLiteral("diagnose"), QStringLiteral("--profile"),
                    dir.filePath(QStringLiteral("profile.json")), QStringLiteral("--format"),
                    QStringLiteral("json"), QStringLiteral("--timeout-ms"),
                    QStringLiteral("3000")});
    diagnose.closeWriteChannel();
    if (!diagnose.waitForFinished(60000)) { // a hang guard, not a speed claim
        cell->hung = true;
        diagnose.kill();
        diagnose.waitForFinished();
    } else if (diagnose.exitStatus() == QProcess::NormalExit) {
        cell->exitCode = diagnose.exitCode();
    }
    cell->json = QJsonDocument::fromJson(diagnose.readAllStandardOutput()).object();
    cell->stderrText = diagnose.readAllStandardError();
    sim.terminate();
    if (!sim.waitForFinished(10000)) {
        sim.kill();
        sim.waitForFinished();
    }
    const QString simErr = QString::fromUtf8(sim.readAllStandardError());
    static const QRegularExpression line(QStringLiteral("faults injected: ([^\n]*)"));
    cell->simFaults = line.match(simErr).captured(1);
    cell->elapsedMs = clock.elapsed();
}

} // namespace

class TestFaults : public QObject
{
    Q_OBJECT

    QList<Cell> m_cells;

    const Cell* cell(const QString& scenario, const QString& fault) const
    {
        for (const Cell& c : m_cells)
            if (c.scenario == scenario && c.fault == fault)
                return &c;
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (const Scenario& s : scenarios())
            for (const Fault& f : faults())
                m_cells.append(Cell{s.name, f.kind});
        // Four cells at a time: most of a cell's time is spent waiting for retries and
        // backoff, not computing.
        std::atomic<int> next{0};
        auto worker = [this, &next] {
            for (int i = next++; i < m_cells.size(); i = next++) {
                const Fault* fault = nullptr;
                for (const Fault& f : faults())
                    if (f.kind == m_cells[i].fault)
                        fault = &f;
                runCell(&m_cells[i], fault->spec);
            }
        };
        QElapsedTimer clock;
        clock.start();
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back(worker);
        for (std::thread& t : threads)
            t.join();
        qInfo("%lld cells in %lld ms", qint64(m_cells.size()), clock.elapsed());
    }

    void cell_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("root");
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("named");
        for (const Scenario& s : scenarios())
            for (const Fault& f : faults())
                QTest::addRow("%s x %s", qPrintable(s.name), qPrintable(f.kind))
                    << s.name << s.root << f.kind << f.named;
    }

    void cell()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, root);
        QFETCH(QString, fault);
        QFETCH(QString, named);
        const Cell* c = this->cell(scenario, fault);
        QVERIFY(c);
        QVERIFY2(c->error.isEmpty(), qPrintable(c->error));
        QVERIFY2(!c->hung, "diagnose did not end within 60 s");
        QVERIFY2(c->exitCode >= 0, "diagnose crashed");
        QVERIFY2(c->exitCode <= 2, qPrintable(QString::fromUtf8(c->stderrText)));
        const QString got = unstuck::test::rootCauseOf(c->json);
        const QStringList reasons = unknownReasons(c->json);
        const QString why = reasons.join(QStringLiteral(" | "));
        qInfo("%s: root %s, exit %d, %lld ms, sim: %s%s%s", qPrintable(fault), qPrintable(got),
              c->exitCode, c->elapsedMs, qPrintable(c->simFaults),
              reasons.isEmpty() ? "" : "; unknown: ", qPrintable(why.left(300)));
        // Rate 1 strikes every request the fault can reach; only a scenario without cloud
        // credentials never asks the cloud, so cloud-only faults never meet it.
        const bool unreachable =
            (fault == QLatin1String("throttle") || fault.endsWith(QLatin1String("@cloud"))) &&
            scenario == QLatin1String("no-cloud-credentials");
        const bool struck = fault == QLatin1String("flaky")
                                ? !c->simFaults.isEmpty() && c->simFaults != QLatin1String("none")
                                : c->simFaults.contains(fault.section(QLatin1Char('@'), 0, 0));
        QVERIFY2(fault == QLatin1String("none") || unreachable || struck,
                 qPrintable(QStringLiteral("the fault never struck: %1").arg(c->simFaults)));
        if (got == root)
            return; // the right verdict despite the fault (retries, or a fault it never met)
        QVERIFY2(fault != QLatin1String("none"), "the baseline itself is wrong");
        // Where the fault hides the far end of the chain, the verdict may stop at the last
        // failing hop it could prove (as it does without cloud credentials): still on the
        // scenario's own red path, never beside it.
        const QJsonArray truePath = this->cell(scenario, QStringLiteral("none"))
                                        ->json.value(QStringLiteral("redPath"))
                                        .toArray();
        QVERIFY2(got == QLatin1String("none") || truePath.contains(QJsonValue(got)),
                 qPrintable(QStringLiteral("wrong red: %1 instead of %2").arg(got, root)));
        const QRegularExpression pattern(named, QRegularExpression::CaseInsensitiveOption);
        QVERIFY2(!reasons.isEmpty(), "no root cause and nothing unknown: a lie of health");
        QVERIFY2(
            why.contains(pattern),
            qPrintable(
                QStringLiteral("the unknowns do not name the fault (%1): %2").arg(named, why)));
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
