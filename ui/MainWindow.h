// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/engine/DiagnosisEngine.h"
#include "models/writers/FixAppliedSection.h"
#include "ui/ConnectView.h"
#include "ui/ConnectionSources.h"

#include <QMainWindow>
#include <QPointer>
#include <QTemporaryDir>
#include <QTimer>
#include <functional>
#include <memory>

class QAction;
class QLabel;
class QProgressBar;
class QStackedWidget;

namespace unstuck {
class KeychainStore;
}

namespace unstuck::ui {

class DiagnosisPage;
class DiagnosisRunner;
class KeychainRequestResolver;
class LanguageManager;
class SimProcess;
class WindowActions;

// The window: menus and commands around the connect view and the diagnosis page. It holds no
// diagnosis logic; it sends requests to a DiagnosisRunner and renders what comes back.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class ExportFormat { Png, Svg, Html, Markdown };

    MainWindow(DiagnosisRunner* runner, LanguageManager* languages, QWidget* parent = nullptr);
    ~MainWindow() override;

    void setSourcesProvider(std::function<ConnectionSources()> provider);
    void setScenarios(const QStringList& scenarios);
    void setSimulatorBinary(const QString& path);
    void setSimulatorArgs(const QStringList& args) { m_simArgs = args; }
    // Where access keys typed into the app live and are read from before a run (default: the
    // OS keychain through QtKeychain). note is shown in the connect view when not empty.
    void setKeychainStore(std::shared_ptr<KeychainStore> store, const QString& note = {});

    void diagnose(const DiagnosisRequest& request);
    void rerun();
    void cancel();
    void startDemo(const QString& scenario);
    void openProfile(const QString& path);
    void openBundle(const QString& path);
    void pasteInput(const QString& text);
    bool exportTo(ExportFormat format, const QString& path, QString* error);
    void showConnect();
    void setAutoRefresh(bool on);

    bool isRunning() const;
    const DiagnosisResult& lastResult() const;
    DiagnosisRequest lastRequest() const { return m_request; }
    // Help → About: version, git revision, Qt and every third-party licence.
    QString aboutText() const;
    DiagnosisPage* page() const { return m_page; }
    ConnectView* connectView() const { return m_connect; }
    SimProcess* simulator() const { return m_sim; }
    QAction* action(const QString& objectName) const;
    // A fix run from this window (the wizard's outcome): exported reports gain a "Fix applied"
    // section with what it changed (read from the audit log), when, by whom, and its verify.
    void addFixRun(const FixOutcome& outcome, const QString& auditLogPath = {});
    const QList<AppliedFixRun>& fixRuns() const { return m_fixRuns; }
    // A diagnosis the fix wizard made (verify's rounds, after an undo): the graph shows it and the
    // status bar says its verdict (healed, or what is still red), as for one of this window's own.
    void showDiagnosisFromFix(const DiagnosisResult& result);
    QString statusText() const;

Q_SIGNALS:
    // Once per attempt, also when it could not start (a missing profile): result.error says why.
    void diagnosisFinished(const unstuck::DiagnosisResult& result);
    void demoFailed(const QString& message);

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void connectActions();
    void retranslate();
    void refreshSources();
    void startRun(const DiagnosisRequest& request);
    void onProgress(const DiagnosisResult& partial);
    void onFinished(const DiagnosisResult& result);
    void finishCancelled(const DiagnosisResult& result);
    void showFailure(const QString& message, ConnectView::Place place);
    void failBeforeRun(const QString& message, ConnectView::Place place);
    QString failureText(const QString& error) const;
    QString fixVerdictText(const DiagnosisResult& result) const;
    ConnectView::Place placeOf(const DiagnosisRequest& request) const;
    void stopRunner();
    void onSimReady(const QJsonObject& info);
    void onSimFailed(const QString& message);
    void exportInteractive(ExportFormat format);
    void openProfileInteractive();
    void openBundleInteractive();
    void setDarkPalette(bool dark);
    void updateActions();

    DiagnosisRunner* m_runner;
    LanguageManager* m_languages;
    std::function<ConnectionSources()> m_sourcesProvider;
    QStackedWidget* m_pages;
    ConnectView* m_connect;
    DiagnosisPage* m_page;
    SimProcess* m_sim;
    KeychainRequestResolver* m_keychainResolver;
    QStringList m_simArgs;
    QStringList m_scenarios;
    DiagnosisRequest m_request;
    bool m_hasRequest = false;
    bool m_running = false;    // between diagnose() and finished (the engine may lag a signal)
    bool m_cancelling = false; // the runner's answer to our own cancel is not a failure
    bool m_demoRun = false;    // the request came from the demo simulator
    std::unique_ptr<QTemporaryDir> m_pasteDir;
    QTimer m_autoRefresh;
    QLabel* m_status;
    QProgressBar* m_busy;
    WindowActions* m_actions;
    QList<AppliedFixRun> m_fixRuns;
};

} // namespace unstuck::ui
