// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/UiTestData.h"

#include "ui/CommandRow.h"
#include "ui/ComponentItem.h"
#include "ui/ConnectView.h"
#include "ui/DiagnosisPage.h"
#include "ui/EvidenceView.h"
#include "ui/FixesWidget.h"
#include "ui/GraphScene.h"
#include "ui/GraphView.h"
#include "ui/HistoryChart.h"
#include "ui/InspectorWidget.h"
#include "ui/LanguageManager.h"
#include "ui/MainWindow.h"
#include "ui/ProbeTimelineChart.h"
#include "ui/StallMonitor.h"

#include <QAction>
#include <QBarCategoryAxis>
#include <QClipboard>
#include <QGraphicsView>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTextDocumentFragment>
#include <QToolButton>
#include <QValueAxis>
#include <QtTest>
#include <cmath>
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

    // Every text a person can read in the window right now (labels, story, status bar).
    static QStringList visibleTexts(QWidget* root)
    {
        QStringList texts;
        for (QLabel* label : root->findChildren<QLabel*>())
            if (label->isVisible() && !label->text().isEmpty())
                texts << label->text();
        for (QTextBrowser* browser : root->findChildren<QTextBrowser*>())
            if (browser->isVisible())
                texts << browser->toPlainText();
        return texts;
    }

    static QString withoutBreaks(QString text) { return text.remove(QChar(0x200B)); }

private Q_SLOTS:
    void about_namesVersionQtAndEveryThirdPartyLicence()
    {
        Fixture f;
        const QString about = f.window.aboutText();
        QVERIFY(about.contains(QStringLiteral(UNSTUCK_VERSION)));
        QVERIFY(about.contains(QString::fromLatin1(qVersion())));
        for (const char* name : {"Qt 6", "yaml-cpp", "spdlog", "nlohmann/json", "QtKeychain",
                                 "OpenSSL", "GPL-3.0-or-later"})
            QVERIFY2(about.contains(QLatin1String(name)), name);
    }

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
        QTRY_COMPARE(f.window.page()->inspector()->subjectId(),
                     QString::fromLatin1(ids::RamPolicy));
    }

    void start_exactlyOneItemLooksActive()
    {
        Fixture f;
        f.window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&f.window));
        // The graph has the keyboard focus when the result arrives (as after a demo start).
        f.window.page()->view()->setFocus();
        QVERIFY(f.diagnose());
        GraphScene* scene = f.window.page()->scene();
        QTRY_VERIFY(!scene->selectedItems().isEmpty()); // the root cause, once the graph painted
        QSet<QGraphicsItem*> active;
        for (QGraphicsItem* item : scene->selectedItems())
            active.insert(item);
        if (scene->focusItem())
            active.insert(scene->focusItem());
        QCOMPARE(active.size(), 1);
        QCOMPARE(*active.begin(), static_cast<QGraphicsItem*>(
                                      scene->componentItem(QString::fromLatin1(ids::RamPolicy))));
    }

    void rootCause_isOneLargeSentenceRightAboveTheGraph()
    {
        Fixture f;
        QVERIFY(f.diagnose());
        auto* root = f.window.page()->findChild<QLabel*>(QStringLiteral("rootCauseSummary"));
        QVERIFY(root && root->isVisible());
        QVERIFY(root->text().contains(QStringLiteral("vpc:* denied")));
        QCOMPARE(root->parentWidget(), f.window.page()->view()->parentWidget());
        QVERIFY(root->geometry().bottom() <= f.window.page()->view()->geometry().top());
        QVERIFY(root->font().pointSizeF() >= 1.3 * QApplication::font().pointSizeF());
    }

    void presenterView_onA1080pProjector_cardTextIsLarge()
    {
        Fixture f;
        f.window.resize(1920, 1080);
        QVERIFY(f.diagnose());
        f.window.action(QStringLiteral("presenter"))->trigger();
        DiagnosisPage* page = f.window.page();
        QTRY_VERIFY(!page->sideTabs()->isVisible());
        QVERIFY(!page->bottomTabs()->isVisible());
        QVERIFY(!page->namespaces()->isVisible());
        // Card verdicts at 24 px or more: readable from the back of a room.
        QFont verdict;
        verdict.setPointSizeF(ComponentItem::kVerdictPointSize);
        QTRY_VERIFY2(QFontInfo(verdict).pixelSize() * page->view()->zoomFactor() >= 24,
                     qPrintable(QString::number(page->view()->zoomFactor())));
        f.window.action(QStringLiteral("presenter"))->trigger();
        QTRY_VERIFY(page->sideTabs()->isVisible());
    }

    void timeline_namesEveryProbe_marksTheFailedOne_withRoundTicks()
    {
        ProbeTimelineChart chart;
        chart.reset();
        for (int i = 1; i <= 24; ++i)
            chart.probeStarted(i, Bilingual::same(QStringLiteral("probe-%1").arg(i)));
        QTest::qWait(30);
        for (int i = 1; i <= 24; ++i)
            chart.probeFinished(i, i != 7, QString());
        chart.finish();
        QBarCategoryAxis* names = nullptr;
        QValueAxis* time = nullptr;
        for (QAbstractAxis* axis : chart.chart()->axes()) {
            if (auto* a = qobject_cast<QBarCategoryAxis*>(axis))
                names = a;
            if (auto* a = qobject_cast<QValueAxis*>(axis))
                time = a;
        }
        QVERIFY(names && time);
        QVERIFY(names->labelsVisible());
        QCOMPARE(names->categories().size(), 24);
        for (int i = 1; i <= 24; ++i) {
            const QString label =
                names->categories()
                    .filter(QRegularExpression(QStringLiteral("probe-%1$").arg(i)))
                    .value(0);
            QVERIFY2(!label.isEmpty(), qPrintable(QString::number(i)));
            QCOMPARE(label.startsWith(QStringLiteral("✗")), i == 7);
        }
        // Every name fits its row: the chart is as tall as its probes need.
        QVERIFY(chart.minimumHeight() >= 24 * 16);
        QCOMPARE(time->tickType(), QValueAxis::TicksDynamic);
        const double step = time->tickInterval();
        const double magnitude = std::pow(10.0, std::floor(std::log10(step)));
        QVERIFY2(QList<double>({1, 2, 5}).contains(std::round(step / magnitude)),
                 qPrintable(QString::number(step)));
        QCOMPARE(std::fmod(time->max(), step), 0.0);
    }

    void longCommand_isShownWhole_andCopiesExactly()
    {
        Fixture f;
        const QString command =
            QStringLiteral("kubectl get --raw /apis/discovery.k8s.io/v1/namespaces/kube-system/"
                           "endpointslices?labelSelector=kubernetes.io%2Fservice-name%3Dmetrics-"
                           "server -o yaml");
        f.runner->next.components[5].evidence[0].command = command;
        QVERIFY(f.diagnose());
        QTRY_VERIFY(f.window.page()->inspector()->findChild<CommandRow*>());
        auto* row = f.window.page()->inspector()->findChild<CommandRow*>();
        QTRY_VERIFY(row->isVisible());
        QCOMPARE(withoutBreaks(row->textLabel()->text()), command);
        QVERIFY(row->textLabel()->wordWrap());
        QCOMPARE(row->textLabel()->toolTip(), command);
        // It fits the panel: no part of it is scrolled out of sight.
        QTRY_VERIFY(row->textLabel()->width() <= f.window.page()->inspector()->width());
        row->copyButton()->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), command);
    }

    void emptyDecisiveValue_saysWhatIsMissing()
    {
        Fixture f;
        Evidence& e = f.runner->next.components[5].evidence[0];
        e.field = QStringLiteral("status.conditions[Ready]");
        e.value.clear();
        QVERIFY(f.diagnose());
        QTRY_VERIFY(f.window.page()->inspector()->findChild<EvidenceView*>());
        auto* evidence = f.window.page()->inspector()->findChild<EvidenceView*>();
        const QString answer =
            QTextDocumentFragment::fromHtml(evidence->answerHtml()).toPlainText();
        QVERIFY2(!answer.trimmed().endsWith(QLatin1Char('=')), qPrintable(answer));
        QVERIFY2(answer.contains(QStringLiteral("nothing")), qPrintable(answer));
    }

    void failedRun_errorShownOnceBesideTheChoice_andNotNoDiagnosisYet()
    {
        Fixture f;
        const QString error = QStringLiteral("the Kubernetes API did not answer: cannot reach "
                                             "https://127.0.0.1:1: Connection refused");
        DiagnosisResult failed = f.runner->next;
        failed.complete = false;
        failed.error = error;
        failed.rootCause.reset();
        failed.redPath.clear();
        failed.fixes.clear();
        for (auto& c : failed.components)
            c.state = ComponentState::Unknown;
        failed.narrativeEn = QStringLiteral("Could not diagnose: ") + error;
        f.runner->next = failed;
        DiagnosisRequest request;
        request.context = QStringLiteral("prod");
        const int before = f.done.count();
        f.window.diagnose(request);
        QTRY_VERIFY(f.done.count() > before);
        ConnectView* connect = f.window.connectView();
        QTRY_VERIFY(connect->isVisible());
        int shown = 0;
        for (const QString& text : visibleTexts(&f.window))
            shown += text.count(QStringLiteral("Connection refused"));
        QCOMPARE(shown, 1);
        // Beside the context list, where the context was chosen.
        auto* contexts = connect->findChild<QListWidget*>(QStringLiteral("contexts"));
        QVERIFY(connect->errorLabel(ConnectView::Place::Kube)->isVisible());
        QCOMPARE(connect->errorLabel(ConnectView::Place::Kube)->parentWidget(),
                 contexts->parentWidget());
        auto* root = f.window.page()->findChild<QLabel*>(QStringLiteral("rootCauseSummary"));
        QVERIFY(!root->text().contains(QStringLiteral("No diagnosis yet")));
    }

    void zh_evidenceSourceAndKubeconfigErrorAreChinese()
    {
        Fixture f;
        QVERIFY(f.diagnose());
        QVERIFY(f.languages.setLanguage(QStringLiteral("zh_CN")));
        // The evidence's source read "live" in the Chinese inspector. The language change
        // rebuilds the inspector when it arrives, so the evidence is looked up each time.
        QTRY_VERIFY(f.window.page()->inspector()->findChild<EvidenceView*>());
        const QString source = EvidenceView::sourceText(QStringLiteral("live"));
        QVERIFY2(uitest::hasCjk(source), qPrintable(source));
        auto evidenceTexts = [&f] {
            auto* evidence = f.window.page()->inspector()->findChild<EvidenceView*>();
            return evidence ? visibleTexts(evidence).join(QLatin1Char('|')) : QString();
        };
        QTRY_VERIFY(evidenceTexts().contains(source));
        // A YAML error from the kubeconfig loader is framed in Chinese, with what to do.
        ConnectionSources broken;
        broken.kubeError =
            QStringLiteral("/tmp/k.yaml:4:1: YAML error: end of sequence flow not found");
        f.window.connectView()->setSources(broken);
        QVERIFY2(uitest::hasCjk(f.window.connectView()->errorText()),
                 qPrintable(f.window.connectView()->errorText()));
        QVERIFY(f.languages.setLanguage(QStringLiteral("en")));
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

    void repeatedDiagnoses_eachLandsInTheHistory()
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
        // Logged, not asserted: scripts/bench-gui.sh measures the GUI thread's busy budget.
        qInfo() << "longest stall (wall)" << monitor.longestStallMs() << "ms, busy"
                << monitor.longestBusyMs() << "ms";
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
