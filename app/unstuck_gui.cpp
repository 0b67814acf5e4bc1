// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI entry point: parses the GUI options and wires the engine, the simulator and the window.
#include "app/unstuck_commands.h"

#include "models/common/Log.h"
#include "models/sim/SimServer.h"
#include "ui/ConnectionSources.h"
#include "ui/DiagnosisPage.h"
#include "ui/EngineRunner.h"
#include "ui/HeapRelease.h"
#include "ui/LanguageManager.h"
#include "ui/MainWindow.h"
#include "ui/ProbeTimelineChart.h"
#include "ui/SimProcess.h"
#include "ui/StallMonitor.h"
#include "ui/fix/FixAutoplay.h"
#include "ui/fix/FixLauncher.h"
#include "unstuck_revision.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTimer>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace unstuck::app {

namespace {

struct GuiOptions
{
    QString demoScenario; // empty = no demo
    QStringList simArgs;
    QString screenshot;
    QString lang;
    QString profile;
    QString fromPath;
    QString kubeconfig;
    QString context;
    QSize size{1440, 900};
    bool measureStalls = false;
    bool exitWhenDone = false;
    bool dark = false;
    bool presenter = false;
    QString autoplay; // "heal" or empty
    int stepDelayMs = 2500;
    QString screenshotDir;
};

// `--demo` takes an optional scenario; QCommandLineParser has no optional values, so a bare
// `--demo` becomes `--demo seed` first.
QStringList normaliseArguments(const QStringList& in)
{
    QStringList out;
    for (int i = 0; i < in.size(); ++i) {
        out << in.at(i);
        if (in.at(i) == QLatin1String("--demo") &&
            (i + 1 >= in.size() || in.at(i + 1).startsWith(QLatin1String("--"))))
            out << QStringLiteral("seed");
    }
    return out;
}

bool parse(const QStringList& arguments, GuiOptions* o)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Finds why a Kubernetes namespace is stuck in Terminating."));
    p.addHelpOption();
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QStringLiteral("Start the simulator with SCENARIO (default seed) and diagnose it."),
        QStringLiteral("scenario"));
    const QCommandLineOption simArgs(
        QStringLiteral("sim-args"),
        QStringLiteral("Extra arguments for unstuck-sim, e.g. \"--large-nodes 2000\"."),
        QStringLiteral("args"));
    const QCommandLineOption shot(
        QStringLiteral("screenshot"),
        QStringLiteral("When the diagnosis is complete, save the window as PNG and exit."),
        QStringLiteral("file"));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QStringLiteral("Language: en or zh_CN (default: system)."),
                                  QStringLiteral("code"));
    const QCommandLineOption profile(QStringLiteral("profile"),
                                     QStringLiteral("Open a connection profile and diagnose."),
                                     QStringLiteral("file"));
    const QCommandLineOption from(QStringLiteral("from"),
                                  QStringLiteral("Replay a capture bundle or ticket text."),
                                  QStringLiteral("path"));
    const QCommandLineOption kubeconfig(QStringLiteral("kubeconfig"),
                                        QStringLiteral("Kubeconfig file."), QStringLiteral("file"));
    const QCommandLineOption context(QStringLiteral("context"),
                                     QStringLiteral("Diagnose this context right away."),
                                     QStringLiteral("name"));
    const QCommandLineOption size(QStringLiteral("size"),
                                  QStringLiteral("Window size WIDTHxHEIGHT."),
                                  QStringLiteral("size"));
    const QCommandLineOption stalls(
        QStringLiteral("measure-stalls"),
        QStringLiteral("Print launch-to-graph time, memory and the longest GUI stall as JSON."));
    const QCommandLineOption exitDone(QStringLiteral("exit-when-done"),
                                      QStringLiteral("Exit after the first complete diagnosis."));
    const QCommandLineOption dark(QStringLiteral("dark"), QStringLiteral("Use the dark palette."));
    const QCommandLineOption presenter(
        QStringLiteral("presenter"),
        QStringLiteral("Presenter view: only the root cause and the graph, large (F11)."));
    const QCommandLineOption autoplay(
        QStringLiteral("autoplay"),
        QStringLiteral("Presenter's autoplay: \"heal\" plays the diagnosis, the fix wizard for "
                       "the root fix (pages advance by themselves), apply, verify; exits 0 when "
                       "healed, 1 when not."),
        QStringLiteral("what"));
    const QCommandLineOption stepDelay(
        QStringLiteral("step-delay-ms"),
        QStringLiteral("Autoplay: how long each stage stays on screen (default 2500)."),
        QStringLiteral("N"), QStringLiteral("2500"));
    const QCommandLineOption shotDir(
        QStringLiteral("screenshot-dir"),
        QStringLiteral("Autoplay: save one PNG per stage there (01-diagnosis.png … "
                       "07-healed.png)."),
        QStringLiteral("dir"));
    p.addOptions({demo, simArgs, shot, lang, profile, from, kubeconfig, context, size, stalls,
                  exitDone, dark, presenter, autoplay, stepDelay, shotDir});
    if (!p.parse(arguments)) {
        std::fprintf(stderr, "unstuck: %s\n", qPrintable(p.errorText()));
        return false;
    }
    if (p.isSet(QStringLiteral("help"))) {
        std::printf("%s\n", qPrintable(p.helpText()));
        printCommands(stdout);
        std::exit(0);
    }
    o->demoScenario = p.value(demo);
    o->simArgs = QProcess::splitCommand(p.value(simArgs));
    o->screenshot = p.value(shot);
    o->lang = p.value(lang);
    o->profile = p.value(profile);
    o->fromPath = p.value(from);
    o->kubeconfig = p.value(kubeconfig);
    o->context = p.value(context);
    o->measureStalls = p.isSet(stalls);
    o->exitWhenDone = p.isSet(exitDone) || !o->screenshot.isEmpty() || o->measureStalls;
    o->dark = p.isSet(dark);
    o->presenter = p.isSet(presenter);
    o->autoplay = p.value(autoplay);
    o->screenshotDir = p.value(shotDir);
    bool delayOk = false;
    o->stepDelayMs = p.value(stepDelay).toInt(&delayOk);
    if (!o->autoplay.isEmpty() && o->autoplay != QLatin1String("heal")) {
        std::fprintf(stderr, "unstuck: --autoplay knows only \"heal\"\n");
        return false;
    }
    if (!delayOk || o->stepDelayMs < 0) {
        std::fprintf(stderr, "unstuck: --step-delay-ms wants a number of milliseconds\n");
        return false;
    }
    if (o->autoplay.isEmpty() && (p.isSet(stepDelay) || p.isSet(shotDir))) {
        std::fprintf(stderr, "unstuck: --step-delay-ms and --screenshot-dir go with --autoplay\n");
        return false;
    }
    // The autoplay ends the run itself (healed or not), not the first diagnosis.
    if (!o->autoplay.isEmpty())
        o->exitWhenDone = false;
    if (p.isSet(size)) {
        const QStringList wh = p.value(size).split(QLatin1Char('x'));
        if (wh.size() == 2)
            o->size = QSize(wh.at(0).toInt(), wh.at(1).toInt());
    }
    return true;
}

qint64 residentKiB()
{
#ifdef Q_OS_LINUX
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly))
        for (const QByteArray& line : status.readAll().split('\n'))
            if (line.startsWith("VmRSS:"))
                return line.mid(6).trimmed().split(' ').value(0).toLongLong();
#endif
    return -1;
}

// Returns false when the command line asks for no diagnosis: the connect view is the window.
bool startFirstDiagnosis(ui::MainWindow& window, const GuiOptions& o)
{
    if (!o.demoScenario.isEmpty()) {
        window.startDemo(o.demoScenario);
    } else if (!o.profile.isEmpty()) {
        window.openProfile(o.profile);
    } else if (!o.fromPath.isEmpty()) {
        window.openBundle(o.fromPath);
    } else if (!o.context.isEmpty()) {
        DiagnosisRequest r;
        r.kubeconfig = o.kubeconfig;
        r.context = o.context;
        window.diagnose(r);
    } else {
        return false;
    }
    return true;
}

// How long the final frame is given to lay out and paint before the window is saved or closed.
constexpr int kFinalFrameMs = 400;

// Lets the final frame paint (fit, badges), saves it when a screenshot was asked for, and exits
// with exitCode (1 when the picture could not be written).
void exitAfterFinalFrame(QWidget& window, const QString& screenshot, int exitCode)
{
    QTimer::singleShot(kFinalFrameMs, &window, [&window, screenshot, exitCode] {
        if (!screenshot.isEmpty() && !window.grab().save(screenshot, "PNG")) {
            std::fprintf(stderr, "unstuck: could not write %s\n", qPrintable(screenshot));
            QApplication::exit(1);
            return;
        }
        QApplication::exit(exitCode);
    });
}

} // namespace

int runGui(int argc, char** argv)
{
    if (asksForHelp(argc, argv)) {
        // Help needs no display: it must work over SSH and in a terminal without X or Wayland.
        QCoreApplication core(argc, argv);
        GuiOptions o;
        return parse(normaliseArguments(QCoreApplication::arguments()), &o) ? 0 : 2;
    }
    QElapsedTimer sinceLaunch;
    sinceLaunch.start();
    // Answer bodies of a large cluster are megabytes each: mapped apart, they go back to the
    // system when the run that read them ends (ui/HeapRelease.h).
    ui::heap::mapLargeBuffersSeparately();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Unstuck"));
    QApplication::setApplicationName(QStringLiteral("unstuck"));
    // Help → About shows what `unstuck --version` prints.
    QApplication::setApplicationVersion(
        QStringLiteral(UNSTUCK_VERSION " (git " UNSTUCK_GIT_REVISION ")"));
    // The .desktop file's id (packaging/linux): Wayland matches the window to its menu entry and
    // icon by it.
    QApplication::setDesktopFileName(QStringLiteral("io.github.unstuck_dev.Unstuck"));
    log::initFromEnvironment(spdlog::level::info);
    log::installQtMessageHandler();

    GuiOptions o;
    if (!parse(normaliseArguments(QApplication::arguments()), &o))
        return 2;
    ui::StallMonitor stalls;
    stalls.start();

    ui::LanguageManager languages;
    if (!languages.setLanguage(o.lang)) {
        std::fprintf(stderr, "unstuck: unknown language '%s' (use en or zh_CN)\n",
                     qPrintable(o.lang));
        return 2;
    }
    auto* runner = new ui::EngineRunner;
    ui::MainWindow window(runner, &languages);
    window.setScenarios(sim::SimServer::scenarioNames());
    const QString kubeconfig = o.kubeconfig;
    window.setSourcesProvider([kubeconfig] { return ui::ConnectionSources::discover(kubeconfig); });
    window.setSimulatorArgs(o.simArgs);
    if (o.dark)
        window.action(QStringLiteral("darkPalette"))->setChecked(true);
    if (o.presenter)
        window.action(QStringLiteral("presenter"))->setChecked(true);
    window.resize(o.size);
    window.show();
    // Fix… on the root-cause card, the inspector and the Fixes tab, and Heal all in the toolbar.
    auto* launcher = new ui::FixLauncher(&window);

    bool reported = false;
    // The graph is there once the red path has settled: the background sweep may still run.
    qint64 launchToGraphMs = -1;
    // In the demo the diagnosis starts when the simulator is ready; before that the launch pays
    // for the simulator's start, which a real cluster never costs.
    qint64 diagnosisStartMs = 0;
    qint64 simulatorReadyMs = -1;
    QObject::connect(window.simulator(), &ui::SimProcess::ready, &window,
                     [&] { simulatorReadyMs = diagnosisStartMs = sinceLaunch.elapsed(); });
    QObject::connect(runner, &ui::DiagnosisRunner::progress, &window,
                     [&](const DiagnosisResult& partial) {
                         if (launchToGraphMs < 0 && partial.redPathSettled)
                             launchToGraphMs = sinceLaunch.elapsed();
                     });
    QObject::connect(
        &window, &ui::MainWindow::diagnosisFinished, &window, [&](const DiagnosisResult& result) {
            if (o.measureStalls && !reported && result.complete) {
                reported = true;
                const qint64 launchToCompleteMs = sinceLaunch.elapsed();
                const qint64 graphMs = launchToGraphMs < 0 ? launchToCompleteMs : launchToGraphMs;
                QJsonObject m{{QStringLiteral("launchToGraphMs"), graphMs},
                              {QStringLiteral("launchToCompleteMs"), launchToCompleteMs},
                              {QStringLiteral("diagnosisToGraphMs"), graphMs - diagnosisStartMs},
                              {QStringLiteral("probes"), window.page()->timeline()->probeCount()},
                              {QStringLiteral("components"), int(result.components.size())},
                              {QStringLiteral("namespaces"), int(result.namespaces.size())}};
                if (simulatorReadyMs >= 0)
                    m.insert(QStringLiteral("simulatorReadyMs"), simulatorReadyMs);
                // Memory and stalls are read once the final result is on screen: laying it out
                // (the inspector's evidence, the charts) happens after this signal.
                QTimer::singleShot(kFinalFrameMs / 2, &window, [m, &stalls]() mutable {
                    m.insert(QStringLiteral("residentKiB"), residentKiB());
                    m.insert(QStringLiteral("longestStallMs"), stalls.longestStallMs());
                    m.insert(QStringLiteral("longestBusyMs"), stalls.longestBusyMs());
                    std::printf("%s\n",
                                QJsonDocument(m).toJson(QJsonDocument::Compact).constData());
                    std::fflush(stdout);
                });
            }
            if (!o.exitWhenDone)
                return;
            if (!result.error.isEmpty())
                std::fprintf(stderr, "unstuck: could not diagnose: %s\n", qPrintable(result.error));
            exitAfterFinalFrame(window, o.screenshot, result.complete ? 0 : 1);
        });
    QObject::connect(&window, &ui::MainWindow::demoFailed, &window, [&](const QString& message) {
        if (!o.exitWhenDone)
            return;
        std::fprintf(stderr, "unstuck: %s\n", qPrintable(message));
        exitAfterFinalFrame(window, o.screenshot, 2);
    });
    if (!o.autoplay.isEmpty()) {
        auto* play =
            new ui::FixAutoplay(&window, launcher, o.stepDelayMs, o.screenshotDir, &window);
        QObject::connect(play, &ui::FixAutoplay::saidWhy, &window, [](const QString& why) {
            std::fprintf(stderr, "unstuck: autoplay: %s\n", qPrintable(why));
        });
        QObject::connect(play, &ui::FixAutoplay::finished, &window,
                         [](int code) { QApplication::exit(code); });
        QObject::connect(&window, &ui::MainWindow::demoFailed, &window, [](const QString& message) {
            std::fprintf(stderr, "unstuck: %s\n", qPrintable(message));
            QApplication::exit(2);
        });
        // Seven stages with their pauses, the simulated controllers' pace and verify's deadline.
        QTimer::singleShot(300000 + 8 * o.stepDelayMs, &window, [] {
            std::fprintf(stderr, "unstuck: autoplay: not healed within the time allowed\n");
            QApplication::exit(1);
        });
    }
    if (o.exitWhenDone)
        QTimer::singleShot(180000, &window, [] {
            std::fprintf(stderr, "unstuck: the diagnosis did not complete within 180 s\n");
            QApplication::exit(3);
        });
    const bool diagnosing = startFirstDiagnosis(window, o);
    if (!diagnosing && !o.autoplay.isEmpty()) {
        std::fprintf(stderr, "unstuck: --autoplay needs something to diagnose, e.g. --demo seed\n");
        return 2;
    }
    if (!diagnosing && o.exitWhenDone) {
        // Nothing to diagnose (e.g. only --kubeconfig): the picture is the connect view, with
        // its contexts or the error that explains why none could be read. That picture is what
        // was asked for, so the exit code is 0 (docs/gui.md).
        exitAfterFinalFrame(window, o.screenshot, 0);
    }
    return app.exec();
}

} // namespace unstuck::app
