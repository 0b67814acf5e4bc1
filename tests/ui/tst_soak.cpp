// SPDX-License-Identifier: GPL-3.0-or-later
// A soak of the GUI path: one window diagnoses the demo simulator N times in a row through its
// Diagnose action (UNSTUCK_SOAK_RUNS, default 20; scripts/soak.sh runs 100) and its resident
// memory and open file descriptors must stay flat. Linux only: the figures come from /proc.
#include "ui/EngineRunner.h"
#include "ui/LanguageManager.h"
#include "ui/MainWindow.h"
#include "ui/SimProcess.h"

#include "models/verdict/Vocabulary.h"

#include <QAction>
#include <QDir>
#include <QtTest>

using namespace unstuck;
using namespace unstuck::ui;

namespace {

// After the warm-up, the GUI's resident memory may grow by this much over the whole soak. A
// leak of one diagnosis result (a few hundred KiB with its evidence) per run would show as
// tens of MiB after 100 runs; allocator noise, measured across soaks of 20 and 100 runs, is a
// few MiB (docs/benchmarks.md, "Soak").
constexpr qint64 kRssToleranceKiB = 8 * 1024;
// Sockets to the simulator may still be closing when a sample is taken.
constexpr int kFdTolerance = 2;
constexpr int kWarmUpRuns = 5;

struct Sample
{
    qint64 rssKiB = -1;
    int fds = -1;
};

Sample sampleOf(const QString& pid)
{
    Sample s;
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (status.open(QIODevice::ReadOnly))
        for (const QByteArray& line : status.readAll().split('\n'))
            if (line.startsWith("VmRSS:"))
                s.rssKiB = line.mid(6).trimmed().split(' ').value(0).toLongLong();
    const QDir fd(QStringLiteral("/proc/%1/fd").arg(pid));
    if (fd.exists())
        s.fds = int(fd.entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot).size());
    return s;
}

QString describe(const char* what, const Sample& s)
{
    return QStringLiteral("%1 rss=%2 KiB fds=%3").arg(QLatin1String(what)).arg(s.rssKiB).arg(s.fds);
}

int soakRuns()
{
    bool ok = false;
    const int n = qEnvironmentVariableIntValue("UNSTUCK_SOAK_RUNS", &ok);
    return ok && n > 0 ? n : 20;
}

} // namespace

class TestSoak : public QObject
{
    Q_OBJECT

    // Triggers the window's Diagnose action and waits for its diagnosisFinished. The spy is
    // emptied each time: it keeps a copy of every result it records, which is itself a leak.
    static DiagnosisResult diagnoseAgain(MainWindow& window, QSignalSpy& done)
    {
        done.clear();
        QAction* diagnose = window.action(QStringLiteral("diagnose"));
        if (!diagnose || !diagnose->isEnabled())
            return {};
        diagnose->trigger();
        if (done.isEmpty() && !done.wait(60000))
            return {};
        const DiagnosisResult result = done.takeFirst().first().value<DiagnosisResult>();
        done.clear();
        return result;
    }

    // Deferred deletions of the last run are what a flat soak must not leave behind; process
    // them before reading the figures, as the application's own event loop would.
    static Sample settledSample(const QString& pid)
    {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QCoreApplication::processEvents();
        return sampleOf(pid);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (!QFile::exists(QStringLiteral("/proc/self/status")))
            QSKIP("the soak reads its figures from /proc (Linux)");
    }

    void repeatedDiagnoses_memoryAndDescriptorsStayFlat()
    {
        const int runs = soakRuns();
        const QString self = QStringLiteral("self");
        LanguageManager languages;
        languages.setLanguage(QStringLiteral("en"));
        MainWindow window(new EngineRunner, &languages);
        window.setSimulatorBinary(QStringLiteral(UNSTUCK_SIM_BINARY));
        window.show();
        QSignalSpy done(&window, &MainWindow::diagnosisFinished);
        window.startDemo(QStringLiteral("seed"));
        QVERIFY(done.wait(60000));
        const QString root = QString::fromLatin1(ids::RamPolicy);
        const DiagnosisResult first = done.takeFirst().first().value<DiagnosisResult>();
        QVERIFY2(first.complete, qPrintable(first.error));
        QVERIFY(first.rootCause);
        QCOMPARE(first.rootCause->component, root);
        const QString sim = QString::number(window.simulator()->processId());
        const Sample start = settledSample(self);
        const Sample simStart = sampleOf(sim);

        Sample warm;
        Sample simWarm;
        for (int i = 1; i <= runs; ++i) {
            const DiagnosisResult r = diagnoseAgain(window, done);
            QVERIFY2(r.complete, qPrintable(QStringLiteral("run %1: %2").arg(i).arg(r.error)));
            QVERIFY2(r.rootCause && r.rootCause->component == root,
                     qPrintable(QStringLiteral("run %1: the verdict changed").arg(i)));
            if (i == qMin(kWarmUpRuns, runs)) {
                warm = settledSample(self);
                simWarm = sampleOf(sim);
            }
            if (i % qMax(1, runs / 10) == 0)
                qInfo("soak: run %d %s", i, qPrintable(describe("gui", settledSample(self))));
        }
        const Sample end = settledSample(self);
        const Sample simEnd = sampleOf(sim);
        qInfo("soak: gui runs=%d %s; after %d warm-up runs %s; %s", runs,
              qPrintable(describe("start", start)), qMin(kWarmUpRuns, runs),
              qPrintable(describe("warm", warm)), qPrintable(describe("end", end)));
        qInfo("soak: gui-simulator %s; %s; %s", qPrintable(describe("start", simStart)),
              qPrintable(describe("warm", simWarm)), qPrintable(describe("end", simEnd)));
        QVERIFY2(end.fds <= start.fds + kFdTolerance,
                 qPrintable(QStringLiteral("open descriptors grew from %1 to %2 in %3 runs")
                                .arg(start.fds)
                                .arg(end.fds)
                                .arg(runs)));
        QVERIFY2(end.rssKiB - warm.rssKiB <= kRssToleranceKiB,
                 qPrintable(QStringLiteral("resident memory grew by %1 KiB after the warm-up "
                                           "(%2 → %3 KiB in %4 runs; tolerance %5 KiB)")
                                .arg(end.rssKiB - warm.rssKiB)
                                .arg(warm.rssKiB)
                                .arg(end.rssKiB)
                                .arg(runs)
                                .arg(kRssToleranceKiB)));
    }
};

QTEST_MAIN(TestSoak)
#include "tst_soak.moc"
