// SPDX-License-Identifier: GPL-3.0-or-later
// The guided fix wizard clicked through offscreen against the simulator (a child process), with
// the real engine behind the window and the wizard: the seed's RAM fix heals everything and the
// graph turns green, undo brings the red graph back, a read-only identity and a profile marked
// "readOnly" are stopped at preflight, cancel writes nothing, the presenter's autoplay plays the
// root fix to green, and a destructive fix waits for its name to be typed.
#include "support/SimProcess.h"

#include "models/fixes/AuditLog.h"
#include "ui/CommandRow.h"
#include "ui/ComponentItem.h"
#include "ui/DiagnosisPage.h"
#include "ui/EngineRunner.h"
#include "ui/FixesWidget.h"
#include "ui/GraphScene.h"
#include "ui/InspectorWidget.h"
#include "ui/LanguageManager.h"
#include "ui/LinkItem.h"
#include "ui/MainWindow.h"
#include "ui/fix/ApplyPage.h"
#include "ui/fix/AuditLogDialog.h"
#include "ui/fix/AuditRecordDialog.h"
#include "ui/fix/ConfirmPage.h"
#include "ui/fix/DiffView.h"
#include "ui/fix/FixAutoplay.h"
#include "ui/fix/FixLauncher.h"
#include "ui/fix/FixWizard.h"
#include "ui/fix/PreflightPage.h"
#include "ui/fix/PreviewPage.h"
#include "ui/fix/WhatPage.h"

#include <QAbstractButton>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QtTest>

using namespace unstuck;
using namespace unstuck::ui;
using namespace Qt::StringLiterals;

namespace {

bool hasCjk(const QString& text)
{
    return std::any_of(text.cbegin(), text.cend(),
                       [](QChar c) { return c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff; });
}

// A window diagnosing the simulator, with the fix entry points attached.
struct Bench
{
    test::SimProcess sim;
    QTemporaryDir data;
    LanguageManager languages;
    std::unique_ptr<MainWindow> window;
    FixLauncher* launcher = nullptr;

    bool start(const QString& scenario, const QString& language = u"en"_s)
    {
        languages.setLanguage(language);
        if (!sim.start(scenario))
            return false;
        window = std::make_unique<MainWindow>(new EngineRunner, &languages);
        window->resize(1400, 900);
        window->show();
        launcher = new FixLauncher(window.get());
        FixOptions options;
        options.auditLogPath = auditPath();
        options.verifyIntervalMs = 300;
        options.verifyTimeoutMs = 90000;
        launcher->setOptions(options);
        return true;
    }
    QString auditPath() const { return data.filePath(u"audit.jsonl"_s); }

    // The controllers need a few rounds before the diagnosis names the cause.
    DiagnosisResult diagnose(const QString& profile)
    {
        DiagnosisRequest request;
        request.profileFile = profile;
        DiagnosisResult result;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 40000) {
            QSignalSpy done(window.get(), &MainWindow::diagnosisFinished);
            window->diagnose(request);
            if (!done.wait(30000))
                return {};
            result = done.last().first().value<DiagnosisResult>();
            if (result.rootCause)
                return result;
            QTest::qWait(300);
        }
        return result;
    }
    GraphScene* scene() const { return window->page()->scene(); }
    int redLinks() const
    {
        int red = 0;
        for (LinkItem* link : scene()->linkItems())
            red += link->isOnRedPath() ? 1 : 0;
        return red;
    }
    ComponentState state(const char* id) const
    {
        ComponentItem* item = scene()->componentItem(QString::fromLatin1(id));
        return item ? item->verdict().state : ComponentState::Unknown;
    }
};

QAbstractButton* nextButton(FixWizard* w)
{
    return w->button(w->currentPage()->isCommitPage() ? QWizard::CommitButton
                                                      : QWizard::NextButton);
}

// Waits for the page to allow going on, then presses its button as a person would.
bool clickNext(FixWizard* w, int timeoutMs = 60000)
{
    QAbstractButton* next = nextButton(w);
    if (!QTest::qWaitFor([&] { return next->isVisible() && next->isEnabled(); }, timeoutMs))
        return false;
    const int before = w->currentId();
    QTest::mouseClick(next, Qt::LeftButton);
    return w->currentId() != before;
}

bool waitPlanned(FixWizard* w)
{
    return QTest::qWaitFor([&] { return w->stage() >= FixWizard::Stage::Planned; }, 60000);
}

qint64 auditSize(const QString& path)
{
    return QFileInfo(path).exists() ? QFileInfo(path).size() : 0;
}

// Pages saved as PNG when UNSTUCK_WIZARD_SHOTS names a folder (for people to look at them).
void shoot(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("UNSTUCK_WIZARD_SHOTS");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    // UNSTUCK_WIZARD_SHOT_SIZE=WxH: as on a small or highly scaled screen (1080p at 200 % is
    // 960×540).
    if (const QStringList size = qEnvironmentVariable("UNSTUCK_WIZARD_SHOT_SIZE").split(u'x');
        size.size() == 2 && !qobject_cast<MainWindow*>(widget))
        widget->resize(size.at(0).toInt(), size.at(1).toInt());
    QTest::qWait(50);
    widget->grab().save(dir + u'/' + name + u".png"_s);
}

} // namespace

class TestFixWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void seed_ramFixHealsEverythingAndUndoBringsTheRedBack()
    {
        Bench bench;
        QVERIFY(bench.start(u"seed"_s));
        const DiagnosisResult before = bench.diagnose(bench.sim.profile());
        QVERIFY2(before.rootCause, qPrintable(before.error));
        QCOMPARE(bench.state(ids::RamPolicy), ComponentState::Failing);
        QVERIFY(bench.redLinks() >= 3);
        shoot(bench.window.get(), u"seed-0-window"_s);

        // Fix… on the RAM fix's row of the Fixes tab.
        bench.window->page()->sideTabs()->setCurrentWidget(bench.window->page()->fixes());
        auto* fixButton =
            bench.window->page()->fixes()->findChild<QPushButton*>(u"fixButton-ram-policy-allow"_s);
        QVERIFY(fixButton);
        QVERIFY(fixButton->isEnabled());
        QTest::mouseClick(fixButton, Qt::LeftButton);
        FixWizard* wizard = bench.launcher->wizard();
        QVERIFY(wizard);
        QTRY_VERIFY(wizard->isVisible());
        wizard->resize(900, 700);
        auto* what = wizard->findChild<WhatPage*>();
        QVERIFY(what->text().contains(u"RAM"_s));
        QVERIFY(what->text().contains(u"Risk"_s));
        shoot(wizard, u"seed-1-what"_s);

        // Preview: the RAM statement's Effect goes from Deny to Allow, shown as a diff.
        QVERIFY(clickNext(wizard));
        QCOMPARE(wizard->currentId(), int(FixWizard::PreviewId));
        QVERIFY(waitPlanned(wizard));
        auto* preview = wizard->findChild<PreviewPage*>();
        QTRY_VERIFY(!preview->diffs().isEmpty());
        DiffView* diff = preview->diffs().first();
        bool denyRemoved = false, allowAdded = false;
        for (const LineDiff::Line& l : diff->lines()) {
            denyRemoved |= l.kind == LineDiff::Kind::Removed && l.text.contains(u"\"Deny\""_s);
            allowAdded |= l.kind == LineDiff::Kind::Added && l.text.contains(u"\"Allow\""_s);
        }
        QVERIFY(denyRemoved);
        QVERIFY(allowAdded);
        QVERIFY(preview->findChildren<QLabel*>().size() > 2);
        shoot(wizard, u"seed-2-preview"_s);

        // Preflight: every check answered, none failed.
        QVERIFY(clickNext(wizard));
        auto* preflight = wizard->findChild<PreflightPage*>();
        QVERIFY2(preflight->statusText().contains(u"Every check passed"_s),
                 qPrintable(preflight->statusText()));
        QVERIFY(!preflight->rows().isEmpty());
        for (const QString& row : preflight->rows())
            QVERIFY2(!row.startsWith(u"✘"_s), qPrintable(row));
        shoot(wizard, u"seed-3-preflight"_s);

        // Confirm: the write named; nothing written until Apply.
        QVERIFY(clickNext(wizard));
        auto* confirm = wizard->findChild<ConfirmPage*>();
        QVERIFY(confirm->summaryText().contains(u"CreatePolicyVersion"_s));
        QVERIFY(confirm->nameFields().isEmpty());
        QCOMPARE(auditSize(bench.auditPath()), 0);
        shoot(wizard, u"seed-4-confirm"_s);

        // Apply and verify: healed, and the graph behind turned green.
        QVERIFY(clickNext(wizard));
        QCOMPARE(wizard->currentId(), int(FixWizard::ApplyId));
        auto* apply = wizard->findChild<ApplyPage*>();
        QTRY_VERIFY_WITH_TIMEOUT(wizard->stage() == FixWizard::Stage::Done, 120000);
        QVERIFY2(apply->headline().contains(u"Healed"_s), qPrintable(apply->headline()));
        QVERIFY(!apply->stepTexts().isEmpty());
        QTRY_COMPARE(bench.state(ids::RamPolicy), ComponentState::Healthy);
        QCOMPARE(bench.redLinks(), 0);
        QVERIFY(!bench.window->lastResult().rootCause);
        // The status bar says the verdict after the fix, not the diagnosis from before it.
        QVERIFY2(bench.window->statusText().contains(u"healed"_s),
                 qPrintable(bench.window->statusText()));
        QVERIFY(!bench.window->statusText().contains(u"root cause found"_s));
        // The report exported now tells the post-mortem what was changed.
        const QString report = bench.data.filePath(u"report.md"_s);
        QString error;
        QVERIFY2(bench.window->exportTo(MainWindow::ExportFormat::Markdown, report, &error),
                 qPrintable(error));
        QFile written(report);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QString markdown = QString::fromUtf8(written.readAll());
        QVERIFY2(markdown.contains(u"## Fix applied"_s) &&
                     markdown.contains(u"CreatePolicyVersion"_s),
                 qPrintable(markdown.right(1500)));
        QVERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
        shoot(wizard, u"seed-5-healed"_s);
        shoot(bench.window.get(), u"seed-6-window-healed"_s);

        // The audit record: one record before and one after the write.
        QVERIFY(apply->auditButton()->isEnabled());
        QTest::mouseClick(apply->auditButton(), Qt::LeftButton);
        auto* record = wizard->findChild<AuditRecordDialog*>();
        QVERIFY(record);
        QVERIFY(record->recordCount() >= 2);
        QVERIFY(record->summary().contains(u"intact"_s));
        QVERIFY(record->text().contains(u"CreatePolicyVersion"_s));
        record->close();

        // Undo: the Deny version is the default again and the graph is red again.
        QVERIFY(apply->undoButton()->isEnabled());
        QTest::mouseClick(apply->undoButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(wizard->stage() == FixWizard::Stage::Undone, 60000);
        QVERIFY2(apply->headline().contains(u"Undone"_s), qPrintable(apply->headline()));
        QTRY_COMPARE(bench.state(ids::RamPolicy), ComponentState::Failing);
        QVERIFY(bench.window->lastResult().rootCause);
        QVERIFY2(bench.window->statusText().contains(u"still red — root cause RAM policy: "_s),
                 qPrintable(bench.window->statusText()));
        shoot(wizard, u"seed-7-undone"_s);
    }

    void routeMissing_routeFixHealsTheGraph()
    {
        Bench bench;
        QVERIFY(bench.start(u"route-missing"_s));
        const DiagnosisResult before = bench.diagnose(bench.sim.profile());
        QVERIFY2(before.rootCause, qPrintable(before.error));
        QCOMPARE(bench.state(ids::VpcRouteTable), ComponentState::Failing);
        QCOMPARE(bench.state(ids::RamPolicy), ComponentState::Healthy);
        QVERIFY(bench.redLinks() >= 3);

        // Fix… in the inspector, which opened on the root cause: the missing route.
        auto* fix = bench.window->page()->inspector()->findChild<QPushButton*>(u"inspectorFix"_s);
        QTRY_VERIFY(fix && fix->isVisible());
        QCOMPARE(bench.window->page()->inspector()->fixId(), u"vpc-route-create"_s);
        QTest::mouseClick(fix, Qt::LeftButton);
        FixWizard* wizard = bench.launcher->wizard();
        QVERIFY(wizard);
        wizard->resize(900, 700);
        QVERIFY(wizard->findChild<WhatPage*>()->text().contains(u"route"_s));

        // Preview: the cloud request with the aliyun command a person could type instead.
        QVERIFY(clickNext(wizard));
        QVERIFY(waitPlanned(wizard));
        QStringList commands;
        for (const CommandRow* row : wizard->findChild<PreviewPage*>()->findChildren<CommandRow*>())
            commands << row->command();
        QVERIFY2(commands.join(u'\n').contains(u"aliyun vpc CreateRouteEntry"_s),
                 qPrintable(commands.join(u'\n')));
        QVERIFY(commands.join(u'\n').contains(u"172.16.1.0/24"_s));

        // Preflight: the cloud's own DryRun passed for the route entry.
        QVERIFY(clickNext(wizard));
        auto* preflight = wizard->findChild<PreflightPage*>();
        QVERIFY2(preflight->statusText().contains(u"Every check passed"_s),
                 qPrintable(preflight->statusText()));
        bool cloudDryRun = false;
        for (const QString& row : preflight->rows())
            cloudDryRun |= row.startsWith(u"✔ cloud-dry-run: vpc:CreateRouteEntry"_s) &&
                           row.contains(u"DryRunOperation"_s);
        QVERIFY2(cloudDryRun, qPrintable(preflight->rows().join(u'\n')));

        QVERIFY(clickNext(wizard));
        QVERIFY(wizard->findChild<ConfirmPage*>()->summaryText().contains(u"CreateRouteEntry"_s));
        QCOMPARE(auditSize(bench.auditPath()), 0);

        // Apply and verify: the new entry goes Pending → Available and the whole chain heals.
        QVERIFY(clickNext(wizard));
        auto* apply = wizard->findChild<ApplyPage*>();
        QTRY_VERIFY_WITH_TIMEOUT(wizard->stage() == FixWizard::Stage::Done, 120000);
        QVERIFY2(apply->headline().contains(u"Healed"_s), qPrintable(apply->headline()));
        const QString steps = apply->stepTexts().join(u'\n');
        QVERIFY2(steps.contains(u"VPC route table is healthy now"_s), qPrintable(steps));
        QVERIFY2(steps.contains(u"Metrics Server → VPC route table is ok now"_s),
                 qPrintable(steps));
        QTRY_COMPARE(bench.state(ids::VpcRouteTable), ComponentState::Healthy);
        QCOMPARE(bench.state(ids::MetricsServer), ComponentState::Healthy);
        QCOMPARE(bench.redLinks(), 0);
        QVERIFY(bench.window->lastResult().namespaces.isEmpty());
        QVERIFY2(bench.window->statusText().contains(u"healed"_s),
                 qPrintable(bench.window->statusText()));
        shoot(wizard, u"route-missing-healed"_s);

        // The audit log holds the run, applied, with its undo (delete the entry) on offer.
        wizard->close();
        AuditLogDialog* log = bench.launcher->openAuditLog();
        QCOMPARE(log->rowCount(), 1);
        QCOMPARE(log->cell(0, 1), u"vpc-route-create"_s);
        QCOMPARE(log->cell(0, 2), u"Applied"_s);
        log->select(0);
        QVERIFY(log->undoButton()->isEnabled());
    }

    void backendDown_restartsTheBackend_andTheEndStateSaysSo()
    {
        Bench bench;
        QVERIFY(bench.start(u"backend-down"_s));
        const DiagnosisResult before = bench.diagnose(bench.sim.profile());
        QVERIFY2(before.rootCause, qPrintable(before.error));
        QCOMPARE(before.rootCause->component, QString::fromLatin1(ids::MetricsServer));
        QCOMPARE(bench.state(ids::MetricsServer), ComponentState::Failing);
        QCOMPARE(bench.state(ids::VpcRouteTable), ComponentState::Healthy);

        // What is offered: the backend brought back first, the APIService's removal after it.
        const QList<FixPlan>& offered = bench.window->lastResult().fixes;
        QVERIFY(!offered.isEmpty());
        QCOMPARE(offered.first().id, u"backend-restart"_s);
        bench.window->page()->sideTabs()->setCurrentWidget(bench.window->page()->fixes());
        auto* fixButton =
            bench.window->page()->fixes()->findChild<QPushButton*>(u"fixButton-backend-restart"_s);
        QVERIFY(fixButton && fixButton->isEnabled());
        QTest::mouseClick(fixButton, Qt::LeftButton);
        FixWizard* wizard = bench.launcher->wizard();
        QVERIFY(wizard);
        wizard->resize(900, 700);
        QVERIFY2(wizard->findChild<WhatPage*>()->text().contains(u"metrics-server"_s),
                 qPrintable(wizard->findChild<WhatPage*>()->text()));

        // Preview: scale the Deployment from 0 to 1, the kubectl command beside it.
        QVERIFY(clickNext(wizard));
        QVERIFY(waitPlanned(wizard));
        QStringList commands;
        for (const CommandRow* row : wizard->findChild<PreviewPage*>()->findChildren<CommandRow*>())
            commands << row->command();
        QVERIFY2(commands.contains(
                     u"kubectl -n kube-system scale deployment metrics-server --replicas=1"_s),
                 qPrintable(commands.join(u'\n')));
        QVERIFY(clickNext(wizard));
        auto* preflight = wizard->findChild<PreflightPage*>();
        QVERIFY2(preflight->statusText().contains(u"Every check passed"_s),
                 qPrintable(preflight->statusText()));
        QVERIFY(clickNext(wizard));
        QVERIFY(wizard->findChild<ConfirmPage*>()->nameFields().isEmpty());

        // Apply and verify: the backend is back, the APIService Available, the namespace gone
        // and the graph green (symptomFix_endStateNamesWhatIsStillRed covers a fix that
        // cannot get there).
        QVERIFY(clickNext(wizard));
        auto* apply = wizard->findChild<ApplyPage*>();
        QTRY_VERIFY_WITH_TIMEOUT(wizard->stage() == FixWizard::Stage::Done, 120000);
        QVERIFY2(wizard->healed(), qPrintable(apply->headline()));
        QVERIFY2(apply->headline().contains(u"Healed"_s), qPrintable(apply->headline()));
        QVERIFY(!apply->headline().contains(u"Still red"_s));
        // Verify named each part as it turned green.
        const QString steps = apply->stepTexts().join(u'\n');
        QVERIFY2(steps.contains(u"Metrics Server is healthy now"_s), qPrintable(steps));
        QVERIFY2(steps.contains(u"API Server → Metrics Server is ok now"_s), qPrintable(steps));
        QTRY_COMPARE(bench.state(ids::MetricsServer), ComponentState::Healthy);
        QCOMPARE(bench.redLinks(), 0);
        QVERIFY(bench.window->lastResult().namespaces.isEmpty());
        QVERIFY2(bench.window->statusText().contains(u"healed"_s),
                 qPrintable(bench.window->statusText()));
        // Undo would scale it back to zero; the audit record has the write.
        QVERIFY(apply->undoButton()->isEnabled());
        shoot(wizard, u"backend-down-healed"_s);
        wizard->close();
        AuditLogDialog* log = bench.launcher->openAuditLog();
        QCOMPARE(log->rowCount(), 1);
        QCOMPARE(log->cell(0, 1), u"backend-restart"_s);
        QCOMPARE(log->cell(0, 2), u"Applied"_s);
    }

    // A fix below the root cause repairs its own link but cannot turn the graph green: the end
    // state says so and names what is still red, in the person's language.
    void symptomFix_endStateNamesWhatIsStillRed_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("notHealed");
        QTest::addColumn<QString>("stillRed");
        QTest::addColumn<QString>("ramPolicy");
        QTest::addColumn<QString>("statusStillRed");
        QTest::newRow("en") << u"en"_s << u"Not healed yet"_s << u"Still red"_s << u"RAM policy: "_s
                            << u"still red — root cause RAM policy: "_s;
        QTest::newRow("zh_CN") << u"zh_CN"_s << u"尚未修复"_s << u"仍为红色"_s
                               << u"RAM 权限策略："_s << u"仍为红色"_s;
    }

    void symptomFix_endStateNamesWhatIsStillRed()
    {
        QFETCH(QString, language);
        QFETCH(QString, notHealed);
        QFETCH(QString, stillRed);
        QFETCH(QString, ramPolicy);
        QFETCH(QString, statusStillRed);
        Bench bench;
        QVERIFY(bench.start(u"seed"_s, language));
        FixOptions options;
        options.auditLogPath = bench.auditPath();
        options.verifyIntervalMs = 300;
        options.verifyTimeoutMs = 4000; // the route heals at once; the RAM policy never will
        bench.launcher->setOptions(options);
        QVERIFY(bench.diagnose(bench.sim.profile()).rootCause);
        FixWizard* wizard = bench.launcher->open({u"vpc-route-create"_s});
        wizard->resize(900, 700);
        QVERIFY(clickNext(wizard));
        QVERIFY(waitPlanned(wizard));
        QVERIFY(clickNext(wizard));
        QVERIFY(clickNext(wizard));
        QVERIFY(clickNext(wizard));
        QTRY_VERIFY_WITH_TIMEOUT(wizard->stage() == FixWizard::Stage::Done, 120000);
        auto* apply = wizard->findChild<ApplyPage*>();
        QVERIFY(!wizard->healed());
        const QString headline = apply->headline();
        QVERIFY2(headline.contains(notHealed), qPrintable(headline));
        QVERIFY2(headline.contains(stillRed), qPrintable(headline));
        // The root cause leads the list.
        QVERIFY2(headline.contains(ramPolicy), qPrintable(headline));
        const qsizetype list = headline.indexOf(stillRed);
        QCOMPARE(headline.indexOf(u"<li>"_s, list), headline.indexOf(ramPolicy, list) - 4);
        // The graph agrees: the route is back, the root cause is still red.
        QCOMPARE(bench.state(ids::VpcRouteTable), ComponentState::Healthy);
        QCOMPARE(bench.state(ids::RamPolicy), ComponentState::Failing);
        QVERIFY(bench.redLinks() >= 1);
        QVERIFY2(bench.window->statusText().contains(statusStillRed),
                 qPrintable(bench.window->statusText()));
        QVERIFY(auditSize(bench.auditPath()) > 0);
        shoot(wizard, u"symptom-fix-"_s + language);
    }

    void auditLog_listsTheRun_showsItsDiff_andUndoBringsTheRedBack()
    {
        Bench bench;
        QVERIFY(bench.start(u"seed"_s));
        QVERIFY(bench.diagnose(bench.sim.profile()).rootCause);
        // A fix applied earlier, from the command line, into the same audit log.
        const test::ProcessRun applied = test::runProcess(
            QStringLiteral(UNSTUCK_BINARY),
            {u"fix"_s, u"apply"_s, u"ram-policy-allow"_s, u"--yes"_s, u"--profile"_s,
             bench.sim.profile(), u"--audit-log"_s, bench.auditPath()});
        QVERIFY2(applied.exitCode == 0, applied.err.constData());

        AuditLogDialog* log = bench.launcher->openAuditLog();
        QVERIFY(log);
        QCOMPARE(log->rowCount(), 1);
        QCOMPARE(log->cell(0, 1), u"ram-policy-allow"_s);
        QCOMPARE(log->cell(0, 2), u"Applied"_s);
        log->select(0);
        bool denyRemoved = false, allowAdded = false;
        for (const LineDiff::Line& l : log->diff()->lines()) {
            denyRemoved |= l.kind == LineDiff::Kind::Removed && l.text.contains(u"\"Deny\""_s);
            allowAdded |= l.kind == LineDiff::Kind::Added && l.text.contains(u"\"Allow\""_s);
        }
        QVERIFY(denyRemoved && allowAdded);
        QVERIFY(log->undoButton()->isEnabled());

        // Undo: previewed, confirmed, applied; the run says so and the graph is red again.
        QString previewed;
        log->setConfirm([&](const QString& preview) {
            previewed = preview;
            return true;
        });
        QSignalSpy undone(log, &AuditLogDialog::undone);
        QTest::mouseClick(log->undoButton(), Qt::LeftButton);
        QVERIFY(undone.wait(60000));
        QVERIFY2(undone.first().first().toBool(), qPrintable(log->status()));
        QVERIFY(previewed.contains(u"SetDefaultPolicyVersion"_s));
        QCOMPARE(log->rowCount(), 2);
        QCOMPARE(log->cell(0, 2), u"Undone later"_s);
        QCOMPARE(log->cell(1, 2), u"Undone"_s);
        QTRY_COMPARE_WITH_TIMEOUT(bench.state(ids::RamPolicy), ComponentState::Failing, 30000);
        shoot(log, u"auditlog-undone"_s);
    }

    void readOnlyIdentity_preflightBlocksApply()
    {
        Bench bench;
        QVERIFY(bench.start(u"seed"_s));
        const QString readOnly = bench.sim.path(u"profile-read-only.json"_s);
        QVERIFY(QFile::exists(readOnly));
        QVERIFY(bench.diagnose(readOnly).rootCause);
        // Fix… in the inspector, which opened on the root cause.
        auto* fix = bench.window->page()->inspector()->findChild<QPushButton*>(u"inspectorFix"_s);
        QTRY_VERIFY(fix && fix->isVisible());
        QCOMPARE(bench.window->page()->inspector()->fixId(), u"ram-policy-allow"_s);
        QTest::mouseClick(fix, Qt::LeftButton);
        FixWizard* wizard = bench.launcher->wizard();
        QVERIFY(wizard);
        QVERIFY(clickNext(wizard));
        QVERIFY(waitPlanned(wizard));
        QVERIFY(clickNext(wizard));
        QCOMPARE(wizard->currentId(), int(FixWizard::PreflightId));
        auto* preflight = wizard->findChild<PreflightPage*>();
        QTRY_VERIFY(preflight->statusText().contains(u"Apply is blocked"_s));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        // The simulator's read-only identity (context read-only, its own RAM user) may not create
        // policy versions: the row says so and what to ask for, on which policy.
        bool permissionRow = false;
        for (const QString& row : preflight->rows())
            permissionRow |=
                row.startsWith(u"✘ ram-permission"_s) &&
                row.contains(u"ask an account administrator to allow "
                             u"ram:CreatePolicyVersion on policy k8sMasterRolePolicy-"_s);
        QVERIFY2(permissionRow, qPrintable(preflight->rows().join(u'\n')));
        wizard->resize(900, 700);
        shoot(wizard, u"readonly-preflight"_s);
        // The confirm step is never reached.
        wizard->next();
        QCOMPARE(wizard->currentId(), int(FixWizard::PreflightId));
        QCOMPARE(auditSize(bench.auditPath()), 0);
    }

    void readOnlyProfile_preflightBlocksApply()
    {
        Bench bench;
        QVERIFY(bench.start(u"seed"_s));
        // The admin's profile marked "readOnly": true: the identity could write, the profile
        // says it never does.
        QFile admin(bench.sim.profile());
        QVERIFY(admin.open(QIODevice::ReadOnly));
        QJsonObject profile = QJsonDocument::fromJson(admin.readAll()).object();
        profile.insert(u"readOnly"_s, true);
        const QString path = bench.data.filePath(u"profile-marked-read-only.json"_s);
        QFile marked(path);
        QVERIFY(marked.open(QIODevice::WriteOnly));
        marked.write(QJsonDocument(profile).toJson());
        marked.close();
        QVERIFY(bench.diagnose(path).rootCause);
        FixWizard* wizard = bench.launcher->open({u"ram-policy-allow"_s});
        QVERIFY(clickNext(wizard));
        QVERIFY(waitPlanned(wizard));
        QVERIFY(clickNext(wizard));
        QCOMPARE(wizard->currentId(), int(FixWizard::PreflightId));
        auto* preflight = wizard->findChild<PreflightPage*>();
        QTRY_VERIFY(preflight->statusText().contains(u"Apply is blocked"_s));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        bool readOnlyRow = false;
        for (const QString& row : preflight->rows())
            readOnlyRow |= row.startsWith(u"✘ read-only"_s) && row.contains(u"readOnly"_s);
        QVERIFY2(readOnlyRow, qPrintable(preflight->rows().join(u'\n')));
        wizard->next();
        QCOMPARE(wizard->currentId(), int(FixWizard::PreflightId));
        QCOMPARE(auditSize(bench.auditPath()), 0);
    }

    void cancelBeforeApply_writesNothing()
    {
        Bench bench;
        QVERIFY(bench.start(u"seed"_s));
        QVERIFY(bench.diagnose(bench.sim.profile()).rootCause);
        FixWizard* wizard = bench.launcher->open({u"ram-policy-allow"_s});
        QVERIFY(clickNext(wizard));
        QVERIFY(clickNext(wizard));
        QVERIFY(clickNext(wizard));
        QCOMPARE(wizard->currentId(), int(FixWizard::ConfirmId));
        QPointer<FixWizard> alive(wizard);
        QTest::mouseClick(wizard->button(QWizard::CancelButton), Qt::LeftButton);
        QTRY_VERIFY(!alive);
        QCOMPARE(auditSize(bench.auditPath()), 0);
        // The cluster and the account are as they were: the cause is still there.
        const DiagnosisResult after = bench.diagnose(bench.sim.profile());
        QVERIFY(after.rootCause);
        QCOMPARE(bench.state(ids::RamPolicy), ComponentState::Failing);
    }

    void finalizersRemaining_needsTheNameTyped()
    {
        Bench bench;
        QVERIFY(bench.start(u"finalizers-remaining"_s));
        const DiagnosisResult before = bench.diagnose(bench.sim.profile());
        QVERIFY(before.rootCause);
        FixWizard* wizard = bench.launcher->open({u"finalizers-remove"_s});
        QVERIFY(clickNext(wizard));
        QVERIFY(clickNext(wizard));
        QVERIFY(clickNext(wizard));
        auto* confirm = wizard->findChild<ConfirmPage*>();
        QCOMPARE(confirm->nameFields().size(), 1);
        QLineEdit* name = confirm->nameFields().first();
        QAbstractButton* apply = wizard->button(QWizard::CommitButton);
        QVERIFY(!apply->isEnabled());
        QTest::keyClicks(name, u"tobedeleted"_s);
        QVERIFY(!apply->isEnabled());
        wizard->resize(900, 700);
        shoot(wizard, u"finalizers-confirm"_s);
        QTest::keyClicks(name, u"b"_s);
        QVERIFY(apply->isEnabled());
        QVERIFY(clickNext(wizard));
        QTRY_VERIFY_WITH_TIMEOUT(wizard->stage() == FixWizard::Stage::Done, 120000);
        QVERIFY2(wizard->healed(), qPrintable(wizard->findChild<ApplyPage*>()->headline()));
        QVERIFY(auditSize(bench.auditPath()) > 0);
    }

    void autoplay_playsTheRootFixToGreen_andSavesEachStage()
    {
        Bench bench;
        QVERIFY(bench.start(u"seed"_s));
        const QString dir = bench.data.filePath(u"autoplay"_s);
        FixAutoplay play(bench.window.get(), bench.launcher, 0, dir);
        QSignalSpy finished(&play, &FixAutoplay::finished);
        QSignalSpy why(&play, &FixAutoplay::saidWhy);
        DiagnosisRequest request;
        request.profileFile = bench.sim.profile();
        bench.window->diagnose(request);
        QVERIFY(finished.wait(180000));
        QVERIFY2(finished.first().first().toInt() == 0,
                 qPrintable(why.isEmpty() ? QString() : why.first().first().toString()));
        for (const char* stage : {"01-diagnosis", "02-what", "03-preview", "04-preflight",
                                  "05-confirm", "06-applying", "07-healed"}) {
            const QImage picture(dir + u'/' + QString::fromLatin1(stage) + u".png"_s);
            QVERIFY2(!picture.isNull(), stage);
            // The window as seen, in device pixels (at 125 % or 200 % the picture is larger).
            QCOMPARE(picture.size(), bench.window->size() * bench.window->devicePixelRatio());
        }
        // The same wizard and engine as a person's clicks: one audited write, a green graph.
        QVERIFY(auditSize(bench.auditPath()) > 0);
        QCOMPARE(bench.state(ids::RamPolicy), ComponentState::Healthy);
        QCOMPARE(bench.redLinks(), 0);
    }

    // Heal all where a later fix fails its preflight only because of the root fix (in
    // ram-two-policies the route fix's dry run is denied by the freeze the RAM fix lifts): apply
    // is not blocked, the RAM fix runs first and heals the chain, as `fix apply --all` does.
    void healAll_aLaterFixRefusedByTheRootCause_stillHeals()
    {
        Bench bench;
        QVERIFY(bench.start(u"ram-two-policies"_s));
        QVERIFY(bench.diagnose(bench.sim.profile()).rootCause);
        QCOMPARE(bench.state(ids::RamPolicy), ComponentState::Failing);
        QVERIFY(bench.launcher->healAllAction()->isEnabled());
        bench.launcher->healAllAction()->trigger();
        FixWizard* wizard = bench.launcher->wizard();
        QVERIFY(wizard);
        wizard->resize(900, 700);
        QVERIFY(clickNext(wizard));
        QVERIFY(waitPlanned(wizard));
        QVERIFY(clickNext(wizard));
        auto* preflight = wizard->findChild<PreflightPage*>();
        QVERIFY2(preflight->statusText().contains(u"checked again after them"_s),
                 qPrintable(preflight->statusText()));
        QVERIFY2(preflight->rows().join(u'\n').contains(u"✘"_s),
                 qPrintable(preflight->rows().join(u'\n')));
        shoot(wizard, u"heal-all-checked-again"_s);
        QVERIFY(clickNext(wizard));
        QCOMPARE(auditSize(bench.auditPath()), 0);
        auto* apply = wizard->findChild<ApplyPage*>();
        QVERIFY(clickNext(wizard));
        QTRY_VERIFY_WITH_TIMEOUT(wizard->stage() == FixWizard::Stage::Done, 120000);
        QVERIFY2(apply->headline().contains(u"Healed"_s), qPrintable(apply->headline()));
        QTRY_COMPARE(bench.state(ids::RamPolicy), ComponentState::Healthy);
        QCOMPARE(bench.redLinks(), 0);
    }

    void chinese_everyPageIsTranslated()
    {
        Bench bench;
        QVERIFY(bench.start(u"seed"_s, u"zh_CN"_s));
        QVERIFY(bench.diagnose(bench.sim.profile()).rootCause);
        QVERIFY(bench.launcher->healAllAction()->isEnabled());
        bench.launcher->healAllAction()->trigger();
        FixWizard* wizard = bench.launcher->wizard();
        QVERIFY(wizard);
        wizard->resize(900, 700);
        QVERIFY(hasCjk(wizard->currentPage()->title()));
        QVERIFY(hasCjk(wizard->findChild<WhatPage*>()->text()));
        shoot(wizard, u"zh-1-what"_s);
        QVERIFY(clickNext(wizard));
        QVERIFY(waitPlanned(wizard));
        QVERIFY(hasCjk(wizard->currentPage()->title()));
        shoot(wizard, u"zh-2-preview"_s);
        QVERIFY(clickNext(wizard));
        auto* preflight = wizard->findChild<PreflightPage*>();
        QVERIFY(hasCjk(preflight->statusText()));
        // Each check's label ("状态：RAM 策略 … 的默认版本", "RAM 权限：…（你：…）") and its
        // reason, not only the page around them.
        QVERIFY(!preflight->rows().isEmpty());
        for (const QString& row : preflight->rows()) {
            const QString label = row.section(u" — "_s, 0, 0).mid(2);
            QVERIFY2(hasCjk(label), qPrintable(row));
            QVERIFY2(hasCjk(row.section(u" — "_s, 1, 1)), qPrintable(row));
        }
        shoot(wizard, u"zh-3-preflight"_s);
        QVERIFY(clickNext(wizard));
        QVERIFY(hasCjk(wizard->findChild<ConfirmPage*>()->summaryText()));
        QVERIFY(hasCjk(wizard->button(QWizard::CommitButton)->text()));
        shoot(wizard, u"zh-4-confirm"_s);
        // What verify still waits for, as the apply page shows it while it waits: every item
        // named in Chinese ("RAM 权限策略：…", "命名空间 tobedeletedb：Terminating").
        auto* apply = wizard->findChild<ApplyPage*>();
        QStringList waiting;
        connect(wizard, &FixWizard::progressed, apply, [&] {
            if (const QString w = apply->waitingFor(); !w.isEmpty() && !waiting.contains(w))
                waiting << w;
        });
        QVERIFY(clickNext(wizard));
        QTRY_VERIFY_WITH_TIMEOUT(wizard->stage() == FixWizard::Stage::Done, 120000);
        QVERIFY(!waiting.isEmpty());
        for (const QString& list : std::as_const(waiting))
            for (const QString& item : list.split(u"；"_s))
                QVERIFY2(hasCjk(item.section(u"："_s, 0, 0)), qPrintable(list));
        QVERIFY(hasCjk(apply->headline()));
        QVERIFY(hasCjk(apply->undoButton()->text()));
        QVERIFY2(bench.window->statusText().contains(u"已修复"_s),
                 qPrintable(bench.window->statusText()));
        shoot(wizard, u"zh-5-healed"_s);
    }
};

QTEST_MAIN(TestFixWizard)
#include "tst_fixwizard.moc"
