// SPDX-License-Identifier: GPL-3.0-or-later
// `unstuck diagnose`: the headless diagnosis. Same engine as the GUI; prints text, JSON or
// Markdown. Exit 0 healthy, 1 a cause found, 2 could not diagnose (why on stderr).
#include "app/unstuck_commands.h"

#include "models/engine/DiagnosisEngine.h"
#include "models/sources/LiveSource.h"
#include "models/writers/ReportWriter.h"
#include "models/writers/ResultJson.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QTimer>
#include <cstdio>

#ifdef UNSTUCK_WITH_GUI
#include "ui/KeychainRequestResolver.h"
#include "ui/QtKeychainStore.h"
#endif

#ifdef Q_OS_WIN
#include <io.h>
#define UNSTUCK_ISATTY(fd) _isatty(fd)
#define UNSTUCK_FILENO(f) _fileno(f)
#else
#include <unistd.h>
#define UNSTUCK_ISATTY(fd) isatty(fd)
#define UNSTUCK_FILENO(f) fileno(f)
#endif

namespace unstuck::app {

namespace {

void print(FILE* stream, const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

struct Options
{
    DiagnosisRequest request;
    QString format = QStringLiteral("text");
    bool trace = false;
};

// Returns an exit code >= 0 when parsing ends the command (help, bad arguments).
int parse(const QCoreApplication& app, Options* options)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Find why namespaces are stuck in Terminating: follows discovery, "
                       "APIServices, routes and RAM policies.\n"
                       "Exit status: 0 healthy, 1 a cause was found, 2 could not diagnose."));
    parser.addHelpOption();
    const QCommandLineOption profile(QStringLiteral("profile"),
                                     QStringLiteral("Connection profile (profile.json)."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption kubeconfig(
        QStringLiteral("kubeconfig"),
        QStringLiteral("Kubeconfig file (default: KUBECONFIG or ~/.kube/config)."),
        QStringLiteral("FILE"));
    const QCommandLineOption context(QStringLiteral("context"),
                                     QStringLiteral("Kubeconfig context (default: current)."),
                                     QStringLiteral("NAME"));
    const QCommandLineOption cloudProfile(
        QStringLiteral("cloud-profile"),
        QStringLiteral("Alibaba Cloud credentials instead of the chain (or of the profile's): "
                       "an aliyun CLI profile name, \"env\", \"ini:SECTION\" "
                       "(~/.alibabacloud/credentials) or \"keychain:NAME\" (an access key saved "
                       "in the OS keychain by the GUI)."),
        QStringLiteral("NAME"));
    const QCommandLineOption ns(QStringLiteral("namespace"),
                                QStringLiteral("Diagnose this namespace only."),
                                QStringLiteral("NAME"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("text (default), json or markdown."),
                                    QStringLiteral("FORMAT"), QStringLiteral("text"));
    const QCommandLineOption record(
        QStringLiteral("record"),
        QStringLiteral("Save every request and answer to this capture bundle."),
        QStringLiteral("BUNDLE"));
    const QCommandLineOption from(
        QStringLiteral("from"),
        QStringLiteral("Diagnose offline from a capture bundle or pasted ticket text."),
        QStringLiteral("BUNDLE|DIR"));
    const QCommandLineOption noCloud(QStringLiteral("no-cloud"),
                                     QStringLiteral("Do not ask the cloud API."));
    const QCommandLineOption timeout(QStringLiteral("timeout-ms"),
                                     QStringLiteral("Per-request timeout (default 5000)."),
                                     QStringLiteral("N"), QStringLiteral("5000"));
    const QCommandLineOption trace(QStringLiteral("trace"),
                                   QStringLiteral("Print every probe with its timing on stderr."));
    parser.addOptions({profile, kubeconfig, context, cloudProfile, ns, format, record, from,
                       noCloud, timeout, trace});
    if (!parser.parse(app.arguments())) {
        print(stderr, QStringLiteral("unstuck diagnose: %1\n").arg(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        print(stdout, parser.helpText());
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        print(stderr, QStringLiteral("unstuck diagnose: unexpected argument %1\n")
                          .arg(parser.positionalArguments().first()));
        return 2;
    }
    options->format = parser.value(format);
    if (options->format != QStringLiteral("text") && options->format != QStringLiteral("json") &&
        options->format != QStringLiteral("markdown")) {
        print(stderr,
              QStringLiteral("unstuck diagnose: --format must be text, json or markdown\n"));
        return 2;
    }
    if (parser.isSet(profile) && (parser.isSet(kubeconfig) || parser.isSet(context))) {
        print(stderr, QStringLiteral(
                          "unstuck diagnose: use --profile or --kubeconfig/--context, not both\n"));
        return 2;
    }
    bool ok = false;
    const int timeoutMs = parser.value(timeout).toInt(&ok);
    if (!ok || timeoutMs <= 0) {
        print(stderr, QStringLiteral("unstuck diagnose: --timeout-ms must be a positive number\n"));
        return 2;
    }
    DiagnosisRequest& r = options->request;
    r.profileFile = parser.value(profile);
    r.kubeconfig = parser.value(kubeconfig);
    r.context = parser.value(context);
    r.cloudProfile = parser.value(cloudProfile);
    r.namespaceName = parser.value(ns);
    r.recordPath = parser.value(record);
    r.fromPath = parser.value(from);
    r.noCloud = parser.isSet(noCloud);
    r.requestTimeoutMs = timeoutMs;
    options->trace = parser.isSet(trace);
    return -1;
}

} // namespace

int runDiagnoseCommand(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("unstuck diagnose"));
    Options options;
    if (const int code = parse(app, &options); code >= 0)
        return code;

    DiagnosisEngine engine;
    int exitCode = 2;
    QElapsedTimer clock;
    clock.start();
    QHash<int, std::pair<qint64, QString>> started;
    if (options.trace) {
        QObject::connect(&engine, &DiagnosisEngine::probeStarted, &app,
                         [&](int id, const Bilingual& label) {
                             started.insert(id, {clock.elapsed(), label.en});
                         });
        QObject::connect(&engine, &DiagnosisEngine::probeFinished, &app,
                         [&](int id, bool, const QString& summary) {
                             const auto [at, label] = started.value(id);
                             print(stderr, QStringLiteral("%1 ms +%2 ms  %3: %4\n")
                                               .arg(at, 6)
                                               .arg(clock.elapsed() - at, 5)
                                               .arg(label, summary));
                         });
    }
    QObject::connect(&engine, &DiagnosisEngine::finished, &app, [&](const DiagnosisResult& result) {
        if (!result.complete && !result.error.isEmpty()) {
            print(stderr,
                  QStringLiteral("unstuck diagnose: could not diagnose: %1\n").arg(result.error));
            if (options.format == QStringLiteral("json"))
                print(stdout, QString::fromUtf8(ResultJson::toText(result)));
            exitCode = 2;
        } else {
            if (options.format == QStringLiteral("json"))
                print(stdout, QString::fromUtf8(ResultJson::toText(result)));
            else if (options.format == QStringLiteral("markdown"))
                print(stdout, ReportWriter::markdown(result));
            else
                print(stdout,
                      ReportWriter::text(result, UNSTUCK_ISATTY(UNSTUCK_FILENO(stdout)) != 0));
            if (!result.error.isEmpty())
                print(stderr, QStringLiteral("unstuck diagnose: warning: %1\n").arg(result.error));
            exitCode = result.rootCause ? 1 : 0;
        }
        app.quit();
    });
    if (const QString entry = LiveSource::keychainEntryNeeded(options.request); !entry.isEmpty()) {
        // The OS keychain is reached through QtKeychain, which only the GUI build links.
#ifdef UNSTUCK_WITH_GUI
        if (ui::QtKeychainStore::isAvailable()) {
            ui::KeychainRequestResolver resolver(std::make_shared<ui::QtKeychainStore>());
            QTimer::singleShot(0, &app, [&] {
                resolver.resolve(
                    options.request, [&](const DiagnosisRequest& request, const QString& error) {
                        if (error.isEmpty()) {
                            engine.start(request);
                            return;
                        }
                        print(stderr, QStringLiteral("unstuck diagnose: %1\n").arg(error));
                        exitCode = 2;
                        app.quit();
                    });
            });
            app.exec();
            return exitCode;
        }
        const QString why = ui::QtKeychainStore::unavailableReason();
#else
        const QString why = QStringLiteral("this build of unstuck has no GUI and so no OS keychain "
                                           "support (built with -DUNSTUCK_BUILD_GUI=OFF)");
#endif
        print(stderr,
              QStringLiteral("unstuck diagnose: the cloud credentials are in the OS keychain "
                             "entry '%1', but %2. Use an aliyun CLI profile "
                             "(--cloud-profile aliyun-cli:NAME), --cloud-profile env with "
                             "ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or "
                             "inline keys in the profile.\n")
                  .arg(entry, why));
        return 2;
    }
    engine.start(options.request);
    app.exec();
    return exitCode;
}

} // namespace unstuck::app
