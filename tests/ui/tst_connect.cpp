// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/UiTestData.h"

#include "ui/ConnectView.h"
#include "ui/DiagnosisPage.h"
#include "ui/HistoryChart.h"
#include "ui/LanguageManager.h"
#include "ui/MainWindow.h"

#include <QCheckBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QtTest>

using namespace unstuck;
using namespace unstuck::ui;

namespace {
// Set UNSTUCK_UI_GRAB_DIR to look at what the tests see.
void grab(QWidget* w, const QString& name)
{
    const QString dir = qEnvironmentVariable("UNSTUCK_UI_GRAB_DIR");
    if (!dir.isEmpty())
        w->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

ConnectionSources twoContexts()
{
    ConnectionSources s;
    s.contexts = {QStringLiteral("dev"), QStringLiteral("prod-ack")};
    s.currentContext = QStringLiteral("prod-ack");
    s.kubeconfigFiles = {QStringLiteral("/home/me/.kube/config")};
    return s;
}
} // namespace

class TestConnect : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void contexts_listedWithCurrentPreselected_andNoCloudSaysNone()
    {
        ConnectView view;
        view.setSources(twoContexts());
        auto* list = view.findChild<QListWidget*>(QStringLiteral("contexts"));
        QCOMPARE(list->count(), 2);
        QCOMPARE(view.selectedContext(), QStringLiteral("prod-ack"));
        auto* cloud = view.findChild<QListWidget*>(QStringLiteral("cloudSources"));
        QCOMPARE(cloud->count(), 1);
        QVERIFY(cloud->item(0)->text().startsWith(QStringLiteral("none")));
        view.resize(1000, 650);
        view.show();
        grab(&view, QStringLiteral("connect"));
    }

    void diagnose_sendsTheChosenContextAndRemembersIt()
    {
        {
            ConnectView view;
            view.setSources(twoContexts());
            QSignalSpy requested(&view, &ConnectView::diagnoseRequested);
            auto* list = view.findChild<QListWidget*>(QStringLiteral("contexts"));
            list->setCurrentRow(0);
            view.findChild<QPushButton*>(QStringLiteral("diagnoseButton"))->click();
            QCOMPARE(requested.count(), 1);
            QCOMPARE(requested.first().first().value<DiagnosisRequest>().context,
                     QStringLiteral("dev"));
        }
        ConnectView again;
        again.setSources(twoContexts());
        QCOMPARE(again.selectedContext(), QStringLiteral("dev")); // the last choice
    }

    void noContexts_errorInPlaceSaysWhatToDo()
    {
        ConnectView view;
        ConnectionSources none;
        view.setSources(none);
        view.show();
        view.findChild<QPushButton*>(QStringLiteral("diagnoseButton"))->click();
        QVERIFY(view.errorText().contains(QStringLiteral("KUBECONFIG")));
    }

    void missingProfile_errorInPlace()
    {
        LanguageManager languages;
        MainWindow window(new uitest::ScriptedRunner, &languages);
        window.show();
        window.openProfile(QStringLiteral("/nonexistent/profile.json"));
        QVERIFY(window.connectView()->isVisible());
        QVERIFY(window.connectView()->errorText().contains(
            QStringLiteral("/nonexistent/profile.json")));
    }

    void charts_showTimelineAndHistory()
    {
        LanguageManager languages;
        auto* runner = new uitest::ScriptedRunner;
        MainWindow window(runner, &languages);
        window.show();
        QSignalSpy done(&window, &MainWindow::diagnosisFinished);
        window.diagnose(DiagnosisRequest{});
        QTRY_COMPARE(done.count(), 1);
        // The fix spreads: the next run finds the chain healthy.
        for (auto& c : runner->next.components)
            c.state = ComponentState::Healthy;
        runner->next.rootCause.reset();
        runner->next.redPath.clear();
        window.rerun();
        QTRY_COMPARE(done.count(), 2);
        QCOMPARE(window.page()->history()->runCount(), 2);
        QCOMPARE(window.page()->history()->stateAt(0, QString::fromLatin1(ids::RamPolicy)),
                 ComponentState::Failing);
        QCOMPARE(window.page()->history()->stateAt(1, QString::fromLatin1(ids::RamPolicy)),
                 ComponentState::Healthy);
        window.page()->bottomTabs()->setCurrentIndex(1);
        grab(&window, QStringLiteral("timeline"));
        window.page()->bottomTabs()->setCurrentIndex(2);
        grab(&window, QStringLiteral("history"));
    }
};

QTEST_MAIN(TestConnect)
#include "tst_connect.moc"
