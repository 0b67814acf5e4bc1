// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/MainWindow.h"

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

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QFile>
#include <QFileDialog>
#include <QJsonObject>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QStyleFactory>
#include <QToolBar>

namespace unstuck::ui {

namespace {
constexpr int kAutoRefreshMs = 30000;
}

MainWindow::MainWindow(DiagnosisRunner* runner, LanguageManager* languages, QWidget* parent)
    : QMainWindow(parent), m_runner(runner), m_languages(languages),
      m_pages(new QStackedWidget(this)), m_connect(new ConnectView(this)),
      m_page(new DiagnosisPage(this)), m_sim(new SimProcess(this)),
      m_keychainResolver(new KeychainRequestResolver(nullptr, this)), m_status(new QLabel(this)),
      m_busy(new QProgressBar(this))
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

    buildActions();
    buildMenus();
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
    if (m_runner->isRunning())
        m_runner->cancel();
    m_sim->stop();
}

QAction* MainWindow::makeAction(const QString& objectName, const QKeySequence& shortcut)
{
    auto* a = new QAction(this);
    a->setObjectName(objectName);
    if (!shortcut.isEmpty())
        a->setShortcut(shortcut);
    m_actions.append(a);
    return a;
}

QAction* MainWindow::action(const QString& objectName) const
{
    for (QAction* a : m_actions)
        if (a->objectName() == objectName)
            return a;
    return nullptr;
}

void MainWindow::buildActions()
{
    connect(makeAction(QStringLiteral("openProfile"), QKeySequence::Open), &QAction::triggered,
            this, &MainWindow::openProfileInteractive);
    connect(makeAction(QStringLiteral("openBundle")), &QAction::triggered, this,
            &MainWindow::openBundleInteractive);
    connect(makeAction(QStringLiteral("exportPng")), &QAction::triggered, this,
            [this] { exportInteractive(ExportFormat::Png); });
    connect(makeAction(QStringLiteral("exportSvg")), &QAction::triggered, this,
            [this] { exportInteractive(ExportFormat::Svg); });
    connect(makeAction(QStringLiteral("exportHtml")), &QAction::triggered, this,
            [this] { exportInteractive(ExportFormat::Html); });
    connect(makeAction(QStringLiteral("exportMarkdown")), &QAction::triggered, this,
            [this] { exportInteractive(ExportFormat::Markdown); });
    connect(makeAction(QStringLiteral("quit"), QKeySequence::Quit), &QAction::triggered, this,
            &QWidget::close);
    connect(makeAction(QStringLiteral("paste"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V)),
            &QAction::triggered, this,
            [this] { pasteInput(QGuiApplication::clipboard()->text()); });
    connect(makeAction(QStringLiteral("zoomIn"), QKeySequence::ZoomIn), &QAction::triggered,
            m_page->view(), &GraphView::zoomIn);
    connect(makeAction(QStringLiteral("zoomOut"), QKeySequence::ZoomOut), &QAction::triggered,
            m_page->view(), &GraphView::zoomOut);
    connect(makeAction(QStringLiteral("fit"), QKeySequence(Qt::CTRL | Qt::Key_0)),
            &QAction::triggered, m_page->view(), &GraphView::fitToWindow);
    QAction* dark = makeAction(QStringLiteral("darkPalette"));
    dark->setCheckable(true);
    connect(dark, &QAction::toggled, this, &MainWindow::setDarkPalette);
    connect(makeAction(QStringLiteral("diagnose"), QKeySequence::Refresh), &QAction::triggered,
            this, &MainWindow::rerun);
    connect(makeAction(QStringLiteral("cancel"), QKeySequence(Qt::Key_Escape)), &QAction::triggered,
            this, &MainWindow::cancel);
    QAction* autoRefresh = makeAction(QStringLiteral("autoRefresh"));
    autoRefresh->setCheckable(true);
    connect(autoRefresh, &QAction::toggled, this, &MainWindow::setAutoRefresh);
    connect(makeAction(QStringLiteral("connect")), &QAction::triggered, this,
            &MainWindow::showConnect);
    connect(makeAction(QStringLiteral("about")), &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Unstuck"),
                           tr("<b>Unstuck</b> %1<br/>Finds why a Kubernetes namespace is stuck "
                              "in Terminating.<br/>GPL-3.0-or-later.")
                               .arg(QStringLiteral(UNSTUCK_VERSION)));
    });
    m_languageGroup = new QActionGroup(this);
    for (const QString& code : LanguageManager::available()) {
        QAction* a = makeAction(QStringLiteral("lang_") + code);
        a->setCheckable(true);
        a->setChecked(code == LanguageManager::current());
        // Each language is named in itself, so it can be found whatever the current one is.
        a->setText(code == QLatin1String("en") ? QStringLiteral("English")
                                               : QStringLiteral("简体中文"));
        m_languageGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] { m_languages->setLanguage(code); });
    }
    connect(m_languages, &LanguageManager::languageChanged, this, [this](const QString& code) {
        if (QAction* a = action(QStringLiteral("lang_") + code))
            a->setChecked(true);
    });
}

void MainWindow::buildMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(action(QStringLiteral("connect")));
    m_fileMenu->addAction(action(QStringLiteral("openProfile")));
    m_fileMenu->addAction(action(QStringLiteral("openBundle")));
    m_exportMenu = m_fileMenu->addMenu(QString());
    for (const char* name : {"exportPng", "exportSvg", "exportHtml", "exportMarkdown"})
        m_exportMenu->addAction(action(QString::fromLatin1(name)));
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(action(QStringLiteral("quit")));
    m_editMenu = menuBar()->addMenu(QString());
    m_editMenu->addAction(action(QStringLiteral("paste")));
    m_viewMenu = menuBar()->addMenu(QString());
    for (const char* name : {"zoomIn", "zoomOut", "fit", "darkPalette"})
        m_viewMenu->addAction(action(QString::fromLatin1(name)));
    m_diagnoseMenu = menuBar()->addMenu(QString());
    for (const char* name : {"diagnose", "cancel", "autoRefresh"})
        m_diagnoseMenu->addAction(action(QString::fromLatin1(name)));
    m_demoMenu = menuBar()->addMenu(QString());
    m_languageMenu = menuBar()->addMenu(QString());
    m_languageMenu->addActions(m_languageGroup->actions());
    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(action(QStringLiteral("about")));

    QToolBar* bar = addToolBar(QStringLiteral("main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (const char* name : {"connect", "diagnose", "cancel", "autoRefresh", "fit"})
        bar->addAction(action(QString::fromLatin1(name)));
}

void MainWindow::setScenarios(const QStringList& scenarios)
{
    m_scenarios = scenarios;
    m_connect->setScenarios(scenarios);
    m_demoMenu->clear();
    for (const QString& s : scenarios) {
        QAction* a = m_demoMenu->addAction(s);
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

void MainWindow::retranslate()
{
    setWindowTitle(tr("Unstuck — why is my namespace stuck?"));
    auto set = [this](const char* name, const QString& text, const QString& tip = {}) {
        QAction* a = action(QString::fromLatin1(name));
        a->setText(text);
        a->setToolTip(tip.isEmpty() ? text : tip);
    };
    set("connect", tr("&Connect…"), tr("Choose a cluster, a profile or the demo"));
    set("openProfile", tr("&Open connection profile…"));
    set("openBundle", tr("Open &capture bundle…"), tr("Replay a recorded diagnosis"));
    set("exportPng", tr("Graph as &PNG…"));
    set("exportSvg", tr("Graph as &SVG…"));
    set("exportHtml", tr("&HTML report…"));
    set("exportMarkdown", tr("&Markdown report…"));
    set("quit", tr("&Quit"));
    set("paste", tr("&Paste diagnosis input"),
        tr("Diagnose from ticket text on the clipboard (kubectl output, logs, YAML)"));
    set("zoomIn", tr("Zoom &in"));
    set("zoomOut", tr("Zoom &out"));
    set("fit", tr("&Fit to window"));
    set("darkPalette", tr("&Dark palette"));
    set("diagnose", tr("&Diagnose again"), tr("Run the diagnosis again (F5)"));
    set("cancel", tr("&Cancel"), tr("Stop the running diagnosis (Esc)"));
    set("autoRefresh", tr("&Auto-refresh"), tr("Diagnose again every 30 seconds"));
    set("about", tr("&About Unstuck"));
    m_fileMenu->setTitle(tr("&File"));
    m_exportMenu->setTitle(tr("&Export"));
    m_editMenu->setTitle(tr("&Edit"));
    m_viewMenu->setTitle(tr("&View"));
    m_diagnoseMenu->setTitle(tr("&Diagnose"));
    m_demoMenu->setTitle(tr("De&mo"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
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
    if (m_runner->isRunning())
        m_runner->cancel();
    m_request = request;
    m_hasRequest = true;
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
            DiagnosisResult failed;
            failed.source = QStringLiteral("live");
            failed.startedAt = failed.finishedAt = QDateTime::currentDateTimeUtc();
            failed.error = error;
            onFinished(failed);
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
    m_runner->cancel();
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
    m_page->showFinal(result);
    if (!result.error.isEmpty()) {
        const QString message = tr("Could not diagnose: %1").arg(result.error);
        m_status->setText(message);
        if (result.components.isEmpty()) {
            // Nothing to show on the graph: the problem belongs where the choice was made.
            m_connect->showError(message);
            m_pages->setCurrentWidget(m_connect);
        } else {
            m_page->showBanner(message);
        }
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

void MainWindow::startDemo(const QString& scenario)
{
    if (m_runner->isRunning())
        m_runner->cancel();
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
}

void MainWindow::onSimFailed(const QString& message)
{
    m_busy->hide();
    if (m_runner->isRunning())
        m_runner->cancel();
    const QString text = tr("Demo: %1").arg(message);
    m_status->setText(text);
    m_connect->showError(text);
    m_pages->setCurrentWidget(m_connect);
    updateActions();
    Q_EMIT demoFailed(message);
}

void MainWindow::openProfile(const QString& path)
{
    m_connect->setProfileFile(path);
    if (!QFile::exists(path)) {
        m_connect->showError(tr("The connection profile %1 does not exist. Choose another "
                                "file (File → Open) or pick a context.")
                                 .arg(path));
        m_pages->setCurrentWidget(m_connect);
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
            exporter::html(lastResult(), probes, exporter::svgBytes(scene), zh), path, error);
    case ExportFormat::Markdown:
        return exporter::writeText(exporter::markdown(lastResult(), probes, zh), path, error);
    }
    return false;
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
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
    p.setColor(QPalette::WindowText, QColor(0xe8, 0xea, 0xed));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    p.setColor(QPalette::AlternateBase, QColor(0x2b, 0x2d, 0x31));
    p.setColor(QPalette::Text, QColor(0xe8, 0xea, 0xed));
    p.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3c));
    p.setColor(QPalette::ButtonText, QColor(0xe8, 0xea, 0xed));
    p.setColor(QPalette::ToolTipBase, QColor(0x35, 0x37, 0x3c));
    p.setColor(QPalette::ToolTipText, QColor(0xe8, 0xea, 0xed));
    p.setColor(QPalette::Highlight, QColor(0x4c, 0x8b, 0xf5));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    // Without these, disabled actions (Cancel when nothing runs) look as bright as enabled ones.
    const QColor disabledText(0x7a, 0x7e, 0x85);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    QApplication::setPalette(p);
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_runner->isRunning())
        m_runner->cancel();
    m_sim->stop();
    QMainWindow::closeEvent(event);
}

} // namespace unstuck::ui
