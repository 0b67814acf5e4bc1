// SPDX-License-Identifier: GPL-3.0-or-later
// The whole GUI path against the real simulator (child process) and the real engine.
#include "ui/ComponentItem.h"
#include "ui/DiagnosisPage.h"
#include "ui/EngineRunner.h"
#include "ui/GraphScene.h"
#include "ui/InspectorWidget.h"
#include "ui/LanguageManager.h"
#include "ui/LinkItem.h"
#include "ui/MainWindow.h"
#include "ui/SimProcess.h"
#include "ui/StallMonitor.h"

#include <QtTest>

using namespace unstuck;
using namespace unstuck::ui;

class TestDemo : public QObject
{
    Q_OBJECT

    DiagnosisResult runDemo(MainWindow& window, const QString& scenario)
    {
        QSignalSpy done(&window, &MainWindow::diagnosisFinished);
        window.setSimulatorBinary(QStringLiteral(UNSTUCK_SIM_BINARY));
        window.startDemo(scenario);
        if (!done.wait(60000))
            return {};
        return done.last().first().value<DiagnosisResult>();
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void seed_redPathToRamPolicyAndInspectorShowsEvidence()
    {
        LanguageManager languages;
        languages.setLanguage(QStringLiteral("en"));
        MainWindow window(new EngineRunner, &languages);
        window.show();
        StallMonitor stalls;
        stalls.start();
        const DiagnosisResult result = runDemo(window, QStringLiteral("seed"));
        QVERIFY2(result.complete, qPrintable(result.error));
        QVERIFY(window.simulator()->processId() > 0);
        GraphScene* scene = window.page()->scene();
        ComponentItem* ram = scene->componentItem(QString::fromLatin1(ids::RamPolicy));
        QVERIFY(ram);
        QVERIFY(ram->isRootCause());
        int red = 0;
        for (LinkItem* link : scene->linkItems())
            red += link->isOnRedPath() ? 1 : 0;
        QVERIFY(red >= 3);
        QVERIFY(scene
                    ->linkItem(QString::fromLatin1(ids::RouteController) + QStringLiteral("→") +
                               QString::fromLatin1(ids::RamPolicy))
                    ->isOnRedPath());
        // The inspector opened on the root cause, with its evidence.
        QCOMPARE(window.page()->inspector()->subjectId(), QString::fromLatin1(ids::RamPolicy));
        QVERIFY(window.page()->inspector()->evidenceCount() > 0);
        qInfo() << "longest stall (wall)" << stalls.longestStallMs() << "busy"
                << stalls.longestBusyMs();
        QVERIFY(stalls.longestBusyMs() < 50);
    }

    void recordedBundle_replaysToTheSameRootCause()
    {
        LanguageManager languages;
        MainWindow window(new EngineRunner, &languages);
        QVERIFY(runDemo(window, QStringLiteral("seed")).complete);
        QTemporaryDir dir;
        DiagnosisRequest record = window.lastRequest();
        record.recordPath = dir.filePath(QStringLiteral("capture.json"));
        QSignalSpy done(&window, &MainWindow::diagnosisFinished);
        window.diagnose(record);
        QVERIFY(done.wait(60000));
        window.openBundle(record.recordPath);
        QVERIFY(done.wait(60000));
        const auto replay = done.last().first().value<DiagnosisResult>();
        QVERIFY2(replay.complete, qPrintable(replay.error));
        QCOMPARE(window.lastRequest().fromPath, record.recordPath);
        QVERIFY(replay.rootCause);
        QCOMPARE(replay.rootCause->component, QString::fromLatin1(ids::RamPolicy));
        QVERIFY(window.page()
                    ->scene()
                    ->componentItem(QString::fromLatin1(ids::RamPolicy))
                    ->isRootCause());
    }

    void healthy_noRedNoBadge()
    {
        LanguageManager languages;
        MainWindow window(new EngineRunner, &languages);
        const DiagnosisResult result = runDemo(window, QStringLiteral("healthy"));
        QVERIFY2(result.complete, qPrintable(result.error));
        for (LinkItem* link : window.page()->scene()->linkItems())
            QVERIFY2(!link->isOnRedPath(), qPrintable(link->id()));
        for (ComponentItem* c : window.page()->scene()->componentItems())
            QVERIFY(!c->isRootCause());
    }

    void childSimulator_isKilledWithTheWindow()
    {
        LanguageManager languages;
        qint64 pid = 0;
        {
            MainWindow window(new EngineRunner, &languages);
            QVERIFY(runDemo(window, QStringLiteral("seed")).complete);
            pid = window.simulator()->processId();
            QVERIFY(pid > 0);
        }
#ifdef Q_OS_LINUX
        // QProcess reaped it: no /proc entry, not even a zombie.
        QTRY_VERIFY(!QFile::exists(QStringLiteral("/proc/%1").arg(pid)));
#endif
    }
};

QTEST_MAIN(TestDemo)
#include "tst_demo.moc"
