// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/UiTestData.h"

#include "models/cloud/KeychainStore.h"
#include "support/SimProfile.h"
#include "ui/AccessKeyDialog.h"
#include "ui/ConnectView.h"
#include "ui/DiagnosisPage.h"
#include "ui/EngineRunner.h"
#include "ui/HistoryChart.h"
#include "ui/KeychainEntries.h"
#include "ui/LanguageManager.h"
#include "ui/MainWindow.h"
#include "ui/QtKeychainStore.h"
#include "ui/SimProcess.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
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

bool writeFile(const QString& path, const QByteArray& content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

// An aliyun CLI configuration with several profiles, one of them unusable.
const QByteArray kCliConfig = R"({
  "current": "default",
  "profiles": [
    {"name": "default", "mode": "AK", "access_key_id": "LTAIdefault", "access_key_secret": "default-secret-123456"},
    {"name": "work", "mode": "AK", "access_key_id": "LTAIworkkey", "access_key_secret": "work-secret-123456", "region_id": "cn-beijing"},
    {"name": "sso", "mode": "CloudSSO"}
  ]
})";

int rowOf(QListWidget* list, const QString& choice)
{
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->data(Qt::UserRole).toString() == choice)
            return i;
    return -1;
}

QString readSecret(KeychainStore& store, const QString& name, QString* error = nullptr)
{
    QString value, problem;
    bool done = false;
    store.readSecret(name, [&](const QString& v, const QString& e) {
        value = v;
        problem = e;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 30000))
        done = false;
    if (error)
        *error = done ? problem : QStringLiteral("no answer");
    return value;
}

ComponentState stateOf(const DiagnosisResult& r, const char* id)
{
    const ComponentVerdict* c = r.component(QString::fromLatin1(id));
    return c ? c->state : ComponentState::NotApplicable;
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
        QCOMPARE(cloud->count(), 1); // only "Automatic"
        QVERIFY(cloud->item(0)->text().startsWith(QStringLiteral("Automatic (none found")));
        QVERIFY(view.cloudSummary().contains(QStringLiteral("No cloud credentials found")));
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

    void kubeconfigError_sitsWithTheContexts_andSaysWhatToDo()
    {
        ConnectView view;
        ConnectionSources broken;
        broken.kubeError = QStringLiteral("/tmp/k.yaml:4:1: YAML error: end of sequence flow "
                                          "not found");
        view.setSources(broken);
        view.resize(1000, 650);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        grab(&view, QStringLiteral("kubeconfig-error"));
        auto* contexts = view.findChild<QListWidget*>(QStringLiteral("contexts"));
        const auto* box = contexts->parentWidget();
        QLabel* shown = nullptr;
        for (QLabel* label : view.findChildren<QLabel*>())
            if (label->isVisible() && label->text().contains(QStringLiteral("YAML error")))
                shown = label;
        QVERIFY(shown);
        // Right under the context list, in its box: not at the bottom of the page.
        QCOMPARE(shown->parentWidget(), box);
        QVERIFY2(shown->text().contains(QStringLiteral("--kubeconfig")), qPrintable(shown->text()));
        // No caption beside it claims that nothing was read without saying why.
        for (QLabel* label : box->findChildren<QLabel*>())
            if (label->isVisible())
                QVERIFY(!label->text().contains(QStringLiteral("No kubeconfig file was read")));
    }

    void cloudSources_everySourceFoundIsListed_andTheChoiceSurvivesARestart()
    {
        QTemporaryDir home;
        QVERIFY(writeFile(home.filePath(QStringLiteral(".aliyun/config.json")), kCliConfig));
        QProcessEnvironment env;
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("USERPROFILE"), home.path());
        env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), QStringLiteral("LTAIenvkey"));
        env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"),
                   QStringLiteral("env-secret-123456"));
        ConnectionSources sources = ConnectionSources::discover({}, env);
        QVERIFY(!sources.kubeError.isEmpty()); // no kubeconfig in that home
        sources.contexts = twoContexts().contexts;
        sources.currentContext = twoContexts().currentContext;
        QVERIFY2(sources.automaticSource.startsWith(QStringLiteral("environment")),
                 qPrintable(sources.automaticSource));
        {
            ConnectView view;
            view.setSources(sources);
            auto* cloud = view.findChild<QListWidget*>(QStringLiteral("cloudSources"));
            // Automatic, env, three CLI profiles (sso listed but unusable).
            QCOMPARE(cloud->count(), 5);
            QCOMPARE(cloud->item(0)->text(),
                     QStringLiteral("Automatic (first found: %1)").arg(sources.automaticSource));
            QCOMPARE(view.selectedCloudChoice(), QString()); // nothing remembered yet
            QVERIFY(view.cloudSummary().contains(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID")));
            QVERIFY(rowOf(cloud, QStringLiteral("env")) > 0);
            QVERIFY(rowOf(cloud, QStringLiteral("aliyun-cli:default")) > 0);
            const int work = rowOf(cloud, QStringLiteral("aliyun-cli:work"));
            QVERIFY(work > 0);
            QVERIFY(
                cloud->item(work)->text().contains(QStringLiteral("aliyun CLI profile 'work'")));
            const int sso = rowOf(cloud, QStringLiteral("aliyun-cli:sso"));
            QVERIFY(sso > 0);
            cloud->setCurrentRow(sso);
            QVERIFY2(view.cloudSummary().contains(QStringLiteral("cannot be used")),
                     qPrintable(view.cloudSummary()));
            cloud->setCurrentRow(work);
            QVERIFY(view.cloudSummary().contains(QStringLiteral("'work'")));
            view.resize(1000, 650);
            view.show();
            grab(&view, QStringLiteral("connect-sources"));
            QSignalSpy requested(&view, &ConnectView::diagnoseRequested);
            view.findChild<QPushButton*>(QStringLiteral("diagnoseButton"))->click();
            QCOMPARE(requested.count(), 1);
            QCOMPARE(requested.first().first().value<DiagnosisRequest>().cloudProfile,
                     QStringLiteral("aliyun-cli:work"));
        }
        ConnectView again; // a restart: the choice comes back from QSettings
        again.setSources(sources);
        QCOMPARE(again.selectedCloudChoice(), QStringLiteral("aliyun-cli:work"));
        QCOMPARE(again.request().cloudProfile, QStringLiteral("aliyun-cli:work"));
        // "Do not look at the cloud side" wins over any choice.
        again.findChild<QCheckBox*>()->setChecked(true);
        QVERIFY(again.request().noCloud);
        QVERIFY(again.request().cloudProfile.isEmpty());
        QVERIFY(!again.findChild<QListWidget*>(QStringLiteral("cloudSources"))->isEnabled());
        again.findChild<QCheckBox*>()->setChecked(false);
        QSettings().remove(QStringLiteral("connect/cloudProfile"));
    }

    void addAccessKey_dialogWritesTheKeychainNotTheSettings_andRemoveDeletesIt()
    {
        auto store = std::make_shared<MemoryKeychainStore>();
        ConnectView view;
        view.setKeychainStore(store);
        view.setSources(twoContexts());
        view.resize(1000, 650);
        view.show();
        view.findChild<QPushButton*>(QStringLiteral("addAccessKey"))->click();
        AccessKeyDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = view.findChild<AccessKeyDialog*>()) && dialog->isVisible());
        auto* secret = dialog->findChild<QLineEdit*>(QStringLiteral("accessKeySecret"));
        QCOMPARE(secret->echoMode(), QLineEdit::Password);
        auto* save = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save);
        QVERIFY(!save->isEnabled());
        const QString secretText = QStringLiteral("typed-secret-0123456789abcdef");
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("keyName")),
                         QStringLiteral("ci-key"));
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("accessKeyId")),
                         QStringLiteral("LTAIcikey"));
        QTest::keyClicks(secret, secretText);
        QVERIFY(save->isEnabled());
        grab(dialog, QStringLiteral("add-access-key"));
        save->click();

        QString id, secretRead, error;
        QVERIFY(KeychainStore::decodeAccessKey(readSecret(*store, QStringLiteral("ci-key"), &error),
                                               &id, &secretRead));
        QCOMPARE(id, QStringLiteral("LTAIcikey"));
        QCOMPARE(secretRead, secretText);
        QTRY_COMPARE(view.selectedCloudChoice(), QStringLiteral("keychain:ci-key"));
        QCOMPARE(view.request().cloudProfile, QStringLiteral("keychain:ci-key"));
        QVERIFY(KeychainEntries::names().contains(QStringLiteral("ci-key")));
        QVERIFY(view.cloudSummary().contains(QStringLiteral("OS keychain")));
        grab(&view, QStringLiteral("connect-keychain"));
        // Only the name went to the settings file.
        QSettings settings;
        for (const QString& key : settings.allKeys())
            QVERIFY2(
                !settings.value(key).toString().contains(secretText) &&
                    !settings.value(key).toStringList().join(QLatin1Char(' ')).contains(secretText),
                qPrintable(key));

        // Remove, after confirming.
        auto* remove = view.findChild<QPushButton*>(QStringLiteral("removeAccessKey"));
        QVERIFY(remove->isEnabled());
        remove->click();
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = view.findChild<QMessageBox*>(QStringLiteral("removeAccessKeyBox"))) &&
                    box->isVisible());
        box->button(QMessageBox::Yes)->click();
        QTRY_VERIFY(!KeychainEntries::names().contains(QStringLiteral("ci-key")));
        readSecret(*store, QStringLiteral("ci-key"), &error);
        QVERIFY(!error.isEmpty()); // gone from the keychain too
        QCOMPARE(view.selectedCloudChoice(), QString());
        QCOMPARE(rowOf(view.findChild<QListWidget*>(QStringLiteral("cloudSources")),
                       QStringLiteral("keychain:ci-key")),
                 -1);
    }

    void keychainChoice_runAgainstTheSimulatorUsesThoseKeys()
    {
        QTemporaryDir dir;
        SimProcess sim;
        sim.setBinary(QStringLiteral(UNSTUCK_SIM_BINARY));
        QSignalSpy ready(&sim, &SimProcess::ready);
        sim.start(QStringLiteral("seed"));
        QVERIFY(ready.wait(60000));
        const QJsonObject info = ready.first().first().toJsonObject();
        const QJsonObject cloud = info.value(QStringLiteral("cloud")).toObject();
        const QString simProfile = info.value(QStringLiteral("profile")).toString();
        const QString keyless = test::writeSimProfile(
            simProfile, dir.filePath(QStringLiteral("keyless.json")), QJsonValue::Undefined);
        const QString keychainProfile = test::writeSimProfile(
            simProfile, dir.filePath(QStringLiteral("keychain.json")),
            QJsonObject{{QStringLiteral("source"), QStringLiteral("keychain")},
                        {QStringLiteral("name"), QStringLiteral("sim")}});
        QVERIFY(!keyless.isEmpty() && !keychainProfile.isEmpty());

        LanguageManager languages;
        languages.setLanguage(QStringLiteral("en"));
        MainWindow window(new EngineRunner, &languages);
        auto store = std::make_shared<MemoryKeychainStore>();
        window.setKeychainStore(store);
        window.show();
        QSignalSpy done(&window, &MainWindow::diagnosisFinished);
        ConnectView* view = window.connectView();
        view->setProfileFile(keyless);
        auto diagnoseFromView = [&]() -> DiagnosisResult {
            done.clear();
            view->findChild<QPushButton*>(QStringLiteral("diagnoseButton"))->click();
            if (!done.wait(60000))
                return {};
            return done.last().first().value<DiagnosisResult>();
        };

        // Without keys the cloud side is unknown: what the keychain choice has to change.
        view->findChild<QListWidget*>(QStringLiteral("cloudSources"))->setCurrentRow(0);
        const DiagnosisResult without = diagnoseFromView();
        QVERIFY2(without.complete, qPrintable(without.error));
        QCOMPARE(stateOf(without, ids::RamPolicy), ComponentState::Unknown);

        window.showConnect();
        view->saveAccessKey(QStringLiteral("sim"),
                            cloud.value(QStringLiteral("accessKeyId")).toString(),
                            cloud.value(QStringLiteral("accessKeySecret")).toString());
        QTRY_COMPARE(view->selectedCloudChoice(), QStringLiteral("keychain:sim"));
        const DiagnosisResult with = diagnoseFromView();
        QVERIFY2(with.complete, qPrintable(with.error));
        QCOMPARE(window.lastRequest().cloudProfile, QStringLiteral("keychain:sim"));
        QCOMPARE(stateOf(with, ids::RamPolicy), ComponentState::Failing);
        QVERIFY(with.rootCause);
        QCOMPARE(with.rootCause->component, QString::fromLatin1(ids::RamPolicy));

        // A profile whose credentials are {"source":"keychain","name":"sim"} (File → Open).
        done.clear();
        window.openProfile(keychainProfile);
        QVERIFY(done.wait(60000));
        const auto viaProfile = done.last().first().value<DiagnosisResult>();
        QVERIFY2(viaProfile.complete, qPrintable(viaProfile.error));
        QCOMPARE(stateOf(viaProfile, ids::RamPolicy), ComponentState::Failing);
        KeychainEntries::remove(QStringLiteral("sim"));
        QSettings().remove(QStringLiteral("connect/cloudProfile"));
        QSettings().remove(QStringLiteral("connect/profile"));
    }

    void missingKeychainEntry_errorInPlace_andNothingRuns()
    {
        KeychainEntries::add(QStringLiteral("gone")); // listed, but not in this keychain
        LanguageManager languages;
        auto* runner = new uitest::ScriptedRunner;
        MainWindow window(runner, &languages);
        window.setKeychainStore(std::make_shared<MemoryKeychainStore>());
        window.setSourcesProvider(twoContexts);
        window.show();
        ConnectView* view = window.connectView();
        auto* cloud = view->findChild<QListWidget*>(QStringLiteral("cloudSources"));
        const int row = rowOf(cloud, QStringLiteral("keychain:gone"));
        QVERIFY(row > 0);
        cloud->setCurrentRow(row);
        QSignalSpy done(&window, &MainWindow::diagnosisFinished);
        view->findChild<QPushButton*>(QStringLiteral("diagnoseButton"))->click();
        QTRY_VERIFY(view->isVisible());
        QTRY_VERIFY(view->errorText().contains(QStringLiteral("'gone'")));
        QVERIFY2(view->errorText().contains(QStringLiteral("keychain")),
                 qPrintable(view->errorText()));
        QCOMPARE(runner->starts, 0);
        QCOMPARE(done.count(), 1);
        QVERIFY(!window.isRunning());
        grab(&window, QStringLiteral("connect-missing-key"));
        KeychainEntries::remove(QStringLiteral("gone"));
        QSettings().remove(QStringLiteral("connect/cloudProfile"));
    }

    void osKeychain_withoutSessionBus_failsFastAndSaysWhatToDo()
    {
        if (!QtKeychainStore::isAvailable())
            QSKIP("built without QtKeychain");
        if (qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("a D-Bus session is running: not touching the real keychain");
        QtKeychainStore store(10000);
        QElapsedTimer clock;
        clock.start();
        QString error;
        readSecret(store, QStringLiteral("unstuck-test-no-such-entry"), &error);
        QVERIFY2(error.contains(QStringLiteral("aliyun CLI profile")), qPrintable(error));
        QVERIFY(error.contains(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID")));
        QVERIFY(clock.elapsed() < 15000);
    }

    // Opt-in (touches a real keychain): UNSTUCK_TEST_REAL_KEYCHAIN=1 inside a desktop session,
    // or headless with a throw-away keyring (see docs/gui.md "Tests"):
    //   HOME=$(mktemp -d) dbus-run-session -- sh -c 'echo -n test | gnome-keyring-daemon
    //   --unlock --components=secrets; UNSTUCK_TEST_REAL_KEYCHAIN=1 tst_ui_connect'.
    void osKeychain_roundTrip()
    {
        if (!QtKeychainStore::isAvailable() || qgetenv("UNSTUCK_TEST_REAL_KEYCHAIN") != "1")
            QSKIP("set UNSTUCK_TEST_REAL_KEYCHAIN=1 to use the real OS keychain");
        QtKeychainStore store(10000);
        const QString name =
            QStringLiteral("unstuck-test-%1").arg(QCoreApplication::applicationPid());
        const QString value = KeychainStore::encodeAccessKey(QStringLiteral("LTAIreal"),
                                                             QStringLiteral("real-secret-42"));
        QString error = QStringLiteral("no answer");
        store.writeSecret(name, value, [&](const QString& e) { error = e; });
        QTRY_VERIFY2_WITH_TIMEOUT(error != QStringLiteral("no answer"), "write", 15000);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(readSecret(store, name, &error), value);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        error = QStringLiteral("no answer");
        store.removeSecret(name, [&](const QString& e) { error = e; });
        QTRY_VERIFY2_WITH_TIMEOUT(error != QStringLiteral("no answer"), "remove", 15000);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        readSecret(store, name, &error);
        QVERIFY2(error.contains(QStringLiteral("There is no entry")), qPrintable(error));
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
