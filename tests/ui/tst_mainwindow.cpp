// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/UiTestData.h"

#include "ui/ComponentItem.h"
#include "ui/ConnectView.h"
#include "ui/DiagnosisPage.h"
#include "ui/EvidenceView.h"
#include "ui/FixesWidget.h"
#include "ui/GraphScene.h"
#include "ui/HistoryChart.h"
#include "ui/InspectorWidget.h"
#include "ui/LanguageManager.h"
#include "ui/MainWindow.h"
#include "ui/ProbeTimelineChart.h"
#include "ui/StallBudget.h"
#include "ui/StallMonitor.h"

#include <QAction>
#include <QBarCategoryAxis>
#include <QClipboard>
#include <QGraphicsView>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QToolButton>
#include <QtTest>
#include <ctime>

using namespace unstuck;
using namespace unstuck::ui;

class TestMainWindow : public QObject
{
    Q_OBJECT

    struct Fixture
    {
        LanguageManager languages;
        uitest::ScriptedRunner* runner = new uitest::ScriptedRunner;
        MainWindow window{runner, &languages};
        QSignalSpy done{&window, &MainWindow::diagnosisFinished};
        Fixture()
        {
            languages.setLanguage(QStringLiteral("en"));
            window.show();
        }
        bool diagnose()
        {
            const int before = done.count();
            window.diagnose(DiagnosisRequest{});
            return QTest::qWaitFor([&] { return done.count() > before; }, 5000);
        }
    };

    // The probe names on the timeline's axis, as the user reads them.
    static QStringList timelineLabels(Fixture& f)
    {
        for (QAbstractAxis* axis : f.window.page()->timeline()->chart()->axes(Qt::Vertical))
            if (auto* categories = qobject_cast<QBarCategoryAxis*>(axis))
                return categories->categories();
        return {};
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void diagnose_rendersRedPathBadgeFixesAndTimeline()
    {
        Fixture f;
        QVERIFY(f.diagnose());
        GraphScene* scene = f.window.page()->scene();
        QVERIFY(scene->componentItem(QString::fromLatin1(ids::RamPolicy))->isRootCause());
        QCOMPARE(f.window.page()->fixes()->planCount(), 1);
        QCOMPARE(f.window.page()->timeline()->probeCount(), 2);
        QCOMPARE(f.window.page()->timeline()->failedCount(), 1);
        QCOMPARE(f.window.page()->history()->runCount(), 1);
        // The root cause is shown in the inspector without a click.
        QCOMPARE(f.window.page()->inspector()->subjectId(), QString::fromLatin1(ids::RamPolicy));
    }

    void clickComponent_showsEvidenceWithDecisiveFieldAndCopyableCommand()
    {
        Fixture f;
        QVERIFY(f.diagnose());
        GraphScene* scene = f.window.page()->scene();
        QGraphicsView* view = scene->views().first();
        ComponentItem* ram = scene->componentItem(QString::fromLatin1(ids::RamPolicy));
        ComponentItem* api = scene->componentItem(QString::fromLatin1(ids::ApiServer));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->mapFromScene(api->sceneBoundingRect().center()));
        QCOMPARE(f.window.page()->inspector()->subjectId(), QString::fromLatin1(ids::ApiServer));
        QCOMPARE(f.window.page()->inspector()->evidenceCount(), 0);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->mapFromScene(ram->sceneBoundingRect().center()));
        InspectorWidget* inspector = f.window.page()->inspector();
        QCOMPARE(inspector->subjectId(), QString::fromLatin1(ids::RamPolicy));
        QCOMPARE(inspector->evidenceCount(), 1);
        auto* evidence = inspector->findChild<EvidenceView*>();
        QCOMPARE(evidence->highlightedText(), QStringLiteral("Deny"));
        auto* copy = evidence->findChild<QToolButton*>(QStringLiteral("copyCommand"));
        QVERIFY(copy);
        copy->click();
        QCOMPARE(QGuiApplication::clipboard()->text(),
                 QStringLiteral("aliyun ram GetPolicyVersion --PolicyName p"));
    }

    void export_eachFormat()
    {
        Fixture f;
        QVERIFY(f.diagnose());
        QTemporaryDir dir;
        QString error;
        const QString png = dir.filePath(QStringLiteral("g.png"));
        QVERIFY2(f.window.exportTo(MainWindow::ExportFormat::Png, png, &error), qPrintable(error));
        QImage image(png);
        QVERIFY(image.width() > 500 && image.height() > 200);
        const QString svg = dir.filePath(QStringLiteral("g.svg"));
        QVERIFY(f.window.exportTo(MainWindow::ExportFormat::Svg, svg, &error));
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        const QByteArray svgText = svgFile.readAll();
        QVERIFY(svgText.contains("<svg"));
        QVERIFY(svgText.contains("ROOT CAUSE"));
        const QString html = dir.filePath(QStringLiteral("r.html"));
        QVERIFY(f.window.exportTo(MainWindow::ExportFormat::Html, html, &error));
        QFile htmlFile(html);
        QVERIFY(htmlFile.open(QIODevice::ReadOnly));
        const QString htmlText = QString::fromUtf8(htmlFile.readAll());
        QVERIFY(htmlText.contains(QStringLiteral("<svg")));
        QVERIFY(htmlText.contains(QStringLiteral("The RAM policy denies vpc:*.")));
        QVERIFY(htmlText.contains(QStringLiteral("ram:GetPolicyVersion"))); // the timeline
        const QString md = dir.filePath(QStringLiteral("r.md"));
        QVERIFY(f.window.exportTo(MainWindow::ExportFormat::Markdown, md, &error));
        QFile mdFile(md);
        QVERIFY(mdFile.open(QIODevice::ReadOnly));
        const QString mdText = QString::fromUtf8(mdFile.readAll());
        QVERIFY(mdText.contains(QStringLiteral("vpc:* denied")));
        QVERIFY(mdText.contains(QStringLiteral("The RAM policy denies vpc:*.")));
        QVERIFY(mdText.contains(QStringLiteral("ram:GetPolicyVersion"))); // the timeline
    }

    void switchLanguage_retranslatesMenusAndNarrative()
    {
        Fixture f;
        QVERIFY(f.diagnose());
        const QString english = f.window.menuBar()->actions().first()->text();
        QCOMPARE(english, QStringLiteral("&File"));
        QVERIFY(f.languages.setLanguage(QStringLiteral("zh_CN")));
        QTRY_COMPARE(f.window.menuBar()->actions().first()->text(), QStringLiteral("文件(&F)"));
        QTRY_VERIFY(
            f.window.page()->narrative()->toPlainText().contains(QStringLiteral("命名空间卡住了")));
        QVERIFY(f.window.page()
                    ->scene()
                    ->componentItem(QString::fromLatin1(ids::RamPolicy))
                    ->accessibleText()
                    .contains(QStringLiteral("RAM 权限策略")));
        QTRY_VERIFY2(timelineLabels(f)
                         .join(QLatin1Char('|'))
                         .contains(QStringLiteral("Terminating 状态的命名空间")),
                     qPrintable(timelineLabels(f).join(QLatin1Char('|'))));
        QVERIFY(f.languages.setLanguage(QStringLiteral("en")));
        QTRY_COMPARE(f.window.menuBar()->actions().first()->text(), QStringLiteral("&File"));
        QTRY_VERIFY(timelineLabels(f)
                        .join(QLatin1Char('|'))
                        .contains(QStringLiteral("Terminating namespaces")));
        QVERIFY(!f.languages.setLanguage(QStringLiteral("xx")));
    }

    void cancelAndRerun_F5()
    {
        Fixture f;
        f.window.diagnose(DiagnosisRequest{});
        QVERIFY(f.window.isRunning());
        f.window.cancel();
        QVERIFY(!f.window.isRunning());
        QCOMPARE(f.done.count(), 1);
        QVERIFY(!f.done.last().first().value<DiagnosisResult>().complete);
        f.window.action(QStringLiteral("diagnose"))->trigger();
        QCOMPARE(f.runner->starts, 2);
        QTRY_COMPARE(f.done.count(), 2);
    }

    void pasteInput_diagnosesFromATempFile()
    {
        Fixture f;
        f.window.pasteInput(QStringLiteral("NAME STATUS\ntobedeletedb Terminating\n"));
        QTRY_COMPARE(f.done.count(), 1);
        const QString path = f.runner->lastRequest.fromPath;
        QVERIFY(!path.isEmpty());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("tobedeletedb Terminating"));
    }

    void demoWithoutSimulator_showsErrorInPlace()
    {
        Fixture f;
        QSignalSpy failed(&f.window, &MainWindow::demoFailed);
        f.window.setSimulatorBinary(QStringLiteral("/nonexistent/unstuck-sim"));
        f.window.startDemo(QStringLiteral("seed"));
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY(f.window.connectView()->isVisible());
    }

    void repeatedDiagnoses_neverBlockTheGuiThread()
    {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.window));
        StallMonitor monitor(5);
        monitor.start();
        for (int i = 0; i < 5; ++i) {
            QVERIFY(f.diagnose());
        }
        QTest::qWait(50);
        QCOMPARE(f.window.page()->history()->runCount(), 5);
        // Busy time of the GUI thread: a loaded CI machine descheduling us is not a freeze we
        // caused; the wall-clock figure is logged for comparison.
        qInfo() << "longest stall (wall)" << monitor.longestStallMs() << "ms, busy"
                << monitor.longestBusyMs() << "ms";
        QVERIFY2(monitor.longestBusyMs() < kGuiBusyBudgetMs,
                 qPrintable(QStringLiteral("GUI thread busy %1 ms").arg(monitor.longestBusyMs())));
    }

    void stallMonitor_detectsABlockedEventLoop()
    {
        StallMonitor monitor(5);
        monitor.start();
        QTest::qWait(30);
        // Block the event loop on purpose with 120 ms of CPU work (CPU time, so a loaded machine
        // cannot shorten it).
        const std::clock_t start = std::clock();
        volatile quint64 spin = 0;
        while (std::clock() - start < CLOCKS_PER_SEC * 120 / 1000)
            spin = spin + 1;
        QTest::qWait(30);
        QVERIFY(monitor.longestStallMs() >= 100);
        QVERIFY(monitor.longestBusyMs() >= 100);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
