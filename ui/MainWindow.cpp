// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/MainWindow.h"

#include "models/engine/FixVerifier.h"
#include "models/fixes/AuditLog.h"
#include "ui/ComponentNames.h"
#include "ui/ConnectView.h"
#include "ui/DiagnosisPage.h"
#include "ui/DiagnosisRunner.h"
#include "ui/Exporter.h"
#include "ui/GraphScene.h"
#include "ui/GraphView.h"
#include "ui/KeychainRequestResolver.h"
#include "ui/LanguageManager.h"
#include "ui/ProbeTimelineChart.h"
#include "ui/QtKeychainStore.h"
#include "ui/SimProcess.h"
#include "ui/Theme.h"
#include "ui/WindowActions.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QFile>
#include <QFileDialog>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QStyleFactory>

namespace unstuck::ui {

namespace {
constexpr int kAutoRefreshMs = 30000;
}

MainWindow::MainWindow(DiagnosisRunner* runner, LanguageManager* languages, QWidget* parent)
    : QMainWindow(parent), m_runner(runner), m_languages(languages),
      m_pages(new QStackedWidget(this)), m_connect(new ConnectView(this)),
      m_page(new DiagnosisPage(this)), m_sim(new SimProcess(this)),
      m_keychainResolver(new KeychainRequestResolver(nullptr, this)), m_status(new QLabel(this)),
      m_busy(new QProgressBar(this)), m_actions(new WindowActions(this))
{
    m_runner->setParent(this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/unstuck.svg")));
    m_pages->addWidget(m_connect);
    m_pages->addWidget(m_page);
    setCentralWidget(m_pages);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(160);
    m_busy->hide();
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_busy);

    connect(m_runner, &DiagnosisRunner::probeStarted, m_page->timeline(),
            &ProbeTimelineChart::probeStarted);
    connect(m_runner, &DiagnosisRunner::probeFinished, m_page->timeline(),
            &ProbeTimelineChart::probeFinished);
    connect(m_runner, &DiagnosisRunner::progress, this, &MainWindow::onProgress);
    connect(m_runner, &DiagnosisRunner::finished, this, &MainWindow::onFinished);
    connect(m_connect, &ConnectView::diagnoseRequested, this, &MainWindow::diagnose);
    connect(m_connect, &ConnectView::demoRequested, this, &MainWindow::startDemo);
    connect(m_connect, &ConnectView::browseProfileRequested, this,
            &MainWindow::openProfileInteractive);
    connect(m_page, &DiagnosisPage::backRequested, this, &MainWindow::showConnect);
    connect(m_sim, &SimProcess::ready, this, &MainWindow::onSimReady);
    connect(m_sim, &SimProcess::failed, this, &MainWindow::onSimFailed);
    m_autoRefresh.setInterval(kAutoRefreshMs);
    connect(&m_autoRefresh, &QTimer::timeout, this, [this] {
        if (!isRunning() && m_hasRequest)
            rerun();
    });

    QString keychainNote;
    auto keychain = QtKeychainStore::createDefault(&keychainNote);
    setKeychainStore(keychain, keychainNote);

    connectActions();
    retranslate();
    updateActions();
    resize(1440, 900);
}

void MainWindow::setKeychainStore(std::shared_ptr<KeychainStore> store, const QString& note)
{
    m_keychainResolver->cancel();
    m_keychainResolver->setStore(store);
    m_connect->setKeychainStore(std::move(store), note);
}

MainWindow::~MainWindow()
{
    // Stop the engine before the simulator it talks to goes away.
    stopRunner();
    m_sim->stop();
}

void MainWindow::stopRunner()
{
    if (!m_runner->isRunning())
        return;
    m_cancelling = true;
    m_runner->cancel();
    m_cancelling = false;
}

QAction* MainWindow::action(const QString& objectName) const
{
    return m_actions->action(objectName);
}

void MainWindow::connectActions()
{
    auto on = [this](const char* name, auto receiver, auto slot) {
        connect(action(QString::fromLatin1(name)), &QAction::triggered, receiver, slot);
    };
    on("openProfile", this, &MainWindow::openProfileInteractive);
    on("openBundle", this, &MainWindow::openBundleInteractive);
    on("exportPng", this, [this] { exportInteractive(ExportFormat::Png); });
    on("exportSvg", this, [this] { exportInteractive(ExportFormat::Svg); });
    on("exportHtml", this, [this] { exportInteractive(ExportFormat::Html); });
    on("exportMarkdown", this, [this] { exportInteractive(ExportFormat::Markdown); });
    on("quit", this, &QWidget::close);
    on("paste", this, [this] { pasteInput(QGuiApplication::clipboard()->text()); });
    on("zoomIn", m_page->view(), &GraphView::zoomIn);
    on("zoomOut", m_page->view(), &GraphView::zoomOut);
    on("fit", m_page->view(), &GraphView::fitToWindow);
    on("diagnose", this, &MainWindow::rerun);
    on("cancel", this, &MainWindow::cancel);
    on("connect", this, &MainWindow::showConnect);
    on("about", this, [this] { QMessageBox::about(this, tr("About Unstuck"), aboutText()); });
    connect(action(QStringLiteral("presenter")), &QAction::toggled, m_page,
            &DiagnosisPage::setPresenterMode);
    connect(action(QStringLiteral("darkPalette")), &QAction::toggled, this,
            &MainWindow::setDarkPalette);
    connect(action(QStringLiteral("autoRefresh")), &QAction::toggled, this,
            &MainWindow::setAutoRefresh);
    for (QAction* a : m_actions->languageGroup()->actions())
        connect(a, &QAction::triggered, this,
                [this, a] { m_languages->setLanguage(a->data().toString()); });
    connect(m_languages, &LanguageManager::languageChanged, this, [this](const QString& code) {
        if (QAction* a = action(QStringLiteral("lang_") + code))
            a->setChecked(true);
    });
}

void MainWindow::setScenarios(const QStringList& scenarios)
{
    m_scenarios = scenarios;
    m_connect->setScenarios(scenarios);
    QMenu* demos = m_actions->demoMenu();
    demos->clear();
    for (const QString& s : scenarios) {
        QAction* a = demos->addAction(s);
        a->setObjectName(QStringLiteral("demo_") + s);
        connect(a, &QAction::triggered, this, [this, s] { startDemo(s); });
    }
}

void MainWindow::setSimulatorBinary(const QString& path)
{
    m_sim->setBinary(path);
}

void MainWindow::setSourcesProvider(std::function<ConnectionSources()> provider)
{
    m_sourcesProvider = std::move(provider);
    refreshSources();
}

void MainWindow::refreshSources()
{
    if (m_sourcesProvider)
        m_connect->setSources(m_sourcesProvider());
}

// Version, git revision and Qt as `unstuck --version` prints them, and every third-party
// licence the program links (packaging/linux/copyright has the full texts' references).
QString MainWindow::aboutText() const
{
    const QString version = QCoreApplication::applicationVersion().isEmpty()
                                ? QStringLiteral(UNSTUCK_VERSION)
                                : QCoreApplication::applicationVersion();
    return tr("<b>Unstuck</b> %1<br/>Qt %2<br/>Finds why a Kubernetes namespace is stuck in "
              "Terminating.<br/>GPL-3.0-or-later.<p>Third-party software: Qt 6 (LGPL-3.0 / "
              "GPL-3.0; Qt Charts GPL-3.0), yaml-cpp (MIT), spdlog and fmt (MIT), nlohmann/json "
              "(MIT), QtKeychain (BSD-2-Clause), OpenSSL (Apache-2.0).</p>")
        .arg(version.toHtmlEscaped(), QString::fromLatin1(qVersion()));
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("Unstuck — why is my namespace stuck?"));
    m_actions->retranslate();
    if (!isRunning() && m_status->text().isEmpty())
        m_status->setText(tr("Ready"));
}

void MainWindow::updateActions()
{
    const bool running = isRunning();
    action(QStringLiteral("cancel"))->setEnabled(running);
    action(QStringLiteral("diagnose"))->setEnabled(m_hasRequest);
    const bool hasResult = !lastResult().components.isEmpty();
    for (const char* name : {"exportPng", "exportSvg", "exportHtml", "exportMarkdown"})
        action(QString::fromLatin1(name))->setEnabled(hasResult && !running);
    m_busy->setVisible(running);
}

bool MainWindow::isRunning() const
{
    return m_running && (m_runner->isRunning() || m_keychainResolver->isPending());
}

const DiagnosisResult& MainWindow::lastResult() const
{
    return m_page->result();
}

void MainWindow::diagnose(const DiagnosisRequest& request)
{
    stopRunner();
    m_request = request;
    m_hasRequest = true;
    m_demoRun = false;
    m_pages->setCurrentWidget(m_page);
    m_page->begin();
    m_status->setText(tr("Diagnosing…"));
    m_running = true;
    startRun(request);
    updateActions();
}

void MainWindow::startRun(const DiagnosisRequest& request)
{
    // Access keys kept in the OS keychain are read here, asynchronously, and handed to the
    // engine with the request; the engine itself never touches the keychain.
    m_keychainResolver->cancel();
    const bool reading = m_keychainResolver->resolve(
        request, [this](const DiagnosisRequest& resolved, const QString& error) {
            if (error.isEmpty()) {
                m_status->setText(tr("Diagnosing…"));
                m_runner->start(resolved);
                updateActions();
                return;
            }
            // The access key was picked in the connect view's cloud list: the problem goes there.
            m_running = false;
            failBeforeRun(error, ConnectView::Place::Cloud);
        });
    if (reading) {
        if (m_running && !m_runner->isRunning())
            m_status->setText(tr("Reading the access key from the OS keychain…"));
    } else {
        m_runner->start(request);
    }
}

void MainWindow::rerun()
{
    if (m_hasRequest)
        diagnose(m_request);
}

void MainWindow::cancel()
{
    if (m_keychainResolver->isPending()) {
        m_keychainResolver->cancel();
        m_running = false;
        m_status->setText(tr("Cancelled."));
        showConnect();
        updateActions();
        return;
    }
    if (!m_runner->isRunning())
        return;
    stopRunner();
    m_status->setText(tr("Cancelled."));
    updateActions();
}

void MainWindow::setAutoRefresh(bool on)
{
    if (on)
        m_autoRefresh.start();
    else
        m_autoRefresh.stop();
    if (QAction* a = action(QStringLiteral("autoRefresh")); a->isChecked() != on)
        a->setChecked(on);
}

void MainWindow::showConnect()
{
    refreshSources();
    m_pages->setCurrentWidget(m_connect);
}

void MainWindow::onProgress(const DiagnosisResult& partial)
{
    m_page->showPartial(partial);
}

void MainWindow::onFinished(const DiagnosisResult& result)
{
    m_running = false;
    if (m_cancelling) {
        finishCancelled(result);
        return;
    }
    m_page->showFinal(result);
    const QString error = result.error;
    if (!error.isEmpty() && !result.complete) {
        // Nothing trustworthy to show on the graph: the problem belongs where the choice was
        // made, once, with what to do next.
        showFailure(failureText(error), placeOf(m_request));
    } else if (!error.isEmpty()) {
        m_page->showBanner(error);
        m_status->setText(tr("Done, with a problem (see above the graph)."));
    } else if (!result.complete) {
        m_status->setText(tr("Cancelled: the graph shows what was known so far."));
    } else if (result.rootCause) {
        m_status->setText(tr("Done: root cause found in %1 ms.")
                              .arg(result.startedAt.msecsTo(result.finishedAt)));
    } else {
        m_status->setText(tr("Done: no root cause found."));
    }
    updateActions();
    Q_EMIT diagnosisFinished(result);
}

// Our own cancel (or a newer run replacing this one): keep what the graph knew so far.
void MainWindow::finishCancelled(const DiagnosisResult& result)
{
    DiagnosisResult shown = result.components.isEmpty() ? m_page->result() : result;
    shown.complete = false;
    shown.error.clear();
    m_page->showFinal(shown);
    m_status->setText(tr("Cancelled: the graph shows what was known so far."));
    updateActions();
    Q_EMIT diagnosisFinished(result);
}

void MainWindow::showFailure(const QString& message, ConnectView::Place place)
{
    m_connect->showError(message, place);
    m_pages->setCurrentWidget(m_connect);
    m_status->setText(tr("Could not diagnose."));
}

// A run that could not even start ends like any other (a --screenshot waits for that), with the
// problem in the connect view.
void MainWindow::failBeforeRun(const QString& message, ConnectView::Place place)
{
    m_running = false;
    showFailure(message, place);
    DiagnosisResult failed;
    failed.startedAt = failed.finishedAt = QDateTime::currentDateTimeUtc();
    failed.error = message;
    updateActions();
    Q_EMIT diagnosisFinished(failed);
}

// The engine's reason is exact but technical (it quotes the server or the TLS library, in
// English): a connection that failed first says in plain words, in the UI's language, what went
// wrong and what to do next; the engine's reason follows as the details.
QString MainWindow::failureText(const QString& error) const
{
    const auto has = [&error](const char* words) {
        return error.contains(QLatin1String(words), Qt::CaseInsensitive);
    };
    QString cause;
    // "HTTP 401", not a bare "401": a port such as 127.0.0.1:40131 in a TLS error is not one.
    if (has("Unauthorized") || has("HTTP 401")) {
        cause = tr("The cluster rejected the credentials of this context (401 Unauthorized): the "
                   "token or client certificate in the kubeconfig is wrong or has expired. Log in "
                   "again or get a fresh kubeconfig, or pick another context, then press "
                   "Diagnose.");
    } else if (has("TLS") || has("x509") || has("certificate")) {
        cause = tr("The server's certificate is not trusted (TLS): it is not signed by the "
                   "certificate authority the kubeconfig names for this cluster. Check "
                   "certificate-authority or certificate-authority-data in the kubeconfig, and "
                   "that the server URL is the right cluster.");
    } else if (has("did not answer") || has("cannot reach") || has("connection refused") ||
               has("was refused") || has("timed out")) {
        cause = tr("Nothing answered at the server address in the kubeconfig.") + QLatin1Char(' ') +
                tr("Check that you are on the VPN or behind the right proxy, that the server URL "
                   "in the kubeconfig is right, and that `kubectl cluster-info` answers.");
    }
    if (cause.isEmpty())
        return tr("Could not diagnose: %1").arg(error);
    return tr("Could not diagnose. %1 Details: %2").arg(cause, error);
}

ConnectView::Place MainWindow::placeOf(const DiagnosisRequest& request) const
{
    if (m_demoRun)
        return ConnectView::Place::Demo;
    if (!request.profileFile.isEmpty())
        return ConnectView::Place::Profile;
    if (!request.fromPath.isEmpty())
        return ConnectView::Place::General;
    return ConnectView::Place::Kube;
}

void MainWindow::startDemo(const QString& scenario)
{
    stopRunner();
    m_status->setText(tr("Starting the simulator (scenario %1)…").arg(scenario));
    m_busy->show();
    m_sim->start(scenario, m_simArgs);
}

void MainWindow::onSimReady(const QJsonObject& info)
{
    DiagnosisRequest r;
    r.profileFile = info.value(QLatin1String("profile")).toString();
    r.kubeconfig = info.value(QLatin1String("kubeconfig")).toString();
    r.context = info.value(QLatin1String("context")).toString();
    setWindowTitle(tr("Unstuck — demo: %1").arg(m_sim->scenario()));
    diagnose(r);
    m_demoRun = true;
}

void MainWindow::onSimFailed(const QString& message)
{
    m_busy->hide();
    stopRunner();
    m_connect->showError(tr("Demo: %1").arg(message), ConnectView::Place::Demo);
    m_pages->setCurrentWidget(m_connect);
    m_status->setText(tr("The demo did not start."));
    updateActions();
    Q_EMIT demoFailed(message);
}

void MainWindow::openProfile(const QString& path)
{
    m_connect->setProfileFile(path);
    if (!QFile::exists(path)) {
        failBeforeRun(tr("The connection profile %1 does not exist. Choose another file (File → "
                         "Open) or pick a context.")
                          .arg(path),
                      ConnectView::Place::Profile);
        return;
    }
    DiagnosisRequest r;
    r.profileFile = path;
    diagnose(r);
}

void MainWindow::openBundle(const QString& path)
{
    DiagnosisRequest r;
    r.fromPath = path;
    diagnose(r);
}

void MainWindow::pasteInput(const QString& text)
{
    if (text.trimmed().isEmpty()) {
        m_status->setText(tr("The clipboard holds no text to diagnose."));
        return;
    }
    m_pasteDir = std::make_unique<QTemporaryDir>();
    const QString path = m_pasteDir->filePath(QStringLiteral("pasted.txt"));
    QString error;
    if (!exporter::writeText(text, path, &error)) {
        m_status->setText(error);
        return;
    }
    DiagnosisRequest r;
    r.fromPath = path;
    diagnose(r);
}

bool MainWindow::exportTo(ExportFormat format, const QString& path, QString* error)
{
    GraphScene* scene = m_page->scene();
    const auto& probes = m_page->timeline()->probes();
    const bool zh = LanguageManager::isChinese();
    switch (format) {
    case ExportFormat::Png:
        return exporter::writePng(scene, path, error);
    case ExportFormat::Svg:
        return exporter::writeSvg(scene, path, error);
    case ExportFormat::Html:
        return exporter::writeText(
            exporter::html(lastResult(), probes, exporter::svgBytes(scene), zh, m_fixRuns), path,
            error);
    case ExportFormat::Markdown:
        return exporter::writeText(exporter::markdown(lastResult(), probes, zh, m_fixRuns), path,
                                   error);
    }
    return false;
}

void MainWindow::addFixRun(const FixOutcome& outcome, const QString& auditLogPath)
{
    if (outcome.auditId.isEmpty())
        return;
    const AuditLog log(auditLogPath.isEmpty() ? AuditLog::defaultPath() : auditLogPath);
    m_fixRuns.append({outcome, AppliedFixRun::recordsOf(log.records(), outcome.auditId)});
}

void MainWindow::showDiagnosisFromFix(const DiagnosisResult& result)
{
    m_page->showFinal(result);
    m_status->setText(fixVerdictText(result));
    m_status->setToolTip(m_status->text());
    updateActions();
}

// Healed, or what is still red with the root cause first, stamped with when it was seen.
QString MainWindow::fixVerdictText(const DiagnosisResult& result) const
{
    const Language l = LanguageManager::engineLanguage();
    const QString at = QLocale().toString(result.finishedAt.toLocalTime().time(), u"HH:mm:ss");
    if (const auto& root = result.rootCause) {
        const QString where = root->component.isEmpty()
                                  ? names::component(result, root->from) + QStringLiteral(" → ") +
                                        names::component(result, root->to)
                                  : names::component(result, root->component);
        return tr("Diagnosed again at %1: still red — root cause %2: %3")
            .arg(at, where, root->summaryText().in(l));
    }
    QStringList red;
    for (const Bilingual& item : FixVerifier::redText(result).mid(0, 2))
        red << item.in(l);
    if (red.isEmpty())
        return tr("Diagnosed again at %1: healed — no root cause, no namespace stuck in "
                  "Terminating.")
            .arg(at);
    return tr("Diagnosed again at %1: still red — %2").arg(at, red.join(u"; "));
}

QString MainWindow::statusText() const
{
    return m_status->text();
}

void MainWindow::exportInteractive(ExportFormat format)
{
    QString filter;
    switch (format) {
    case ExportFormat::Png:
        filter = tr("PNG image (*.png)");
        break;
    case ExportFormat::Svg:
        filter = tr("SVG image (*.svg)");
        break;
    case ExportFormat::Html:
        filter = tr("HTML report (*.html)");
        break;
    case ExportFormat::Markdown:
        filter = tr("Markdown report (*.md)");
        break;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export"), {}, filter);
    if (path.isEmpty())
        return;
    QString error;
    if (exportTo(format, path, &error))
        m_status->setText(tr("Exported %1.").arg(path));
    else
        QMessageBox::warning(this, tr("Export"), error);
}

void MainWindow::openProfileInteractive()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open connection profile"), {}, tr("Connection profile (*.json);;All files (*)"));
    if (!path.isEmpty())
        openProfile(path);
}

void MainWindow::openBundleInteractive()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open capture bundle"), {},
                                                      tr("Capture bundle (*);;All files (*)"));
    if (!path.isEmpty())
        openBundle(path);
}

void MainWindow::setDarkPalette(bool dark)
{
    if (!dark) {
        QApplication::setPalette(QApplication::style()->standardPalette());
        return;
    }
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(Theme::darkPalette());
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    stopRunner();
    m_sim->stop();
    QMainWindow::closeEvent(event);
}

} // namespace unstuck::ui
