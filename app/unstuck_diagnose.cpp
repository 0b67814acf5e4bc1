// SPDX-License-Identifier: GPL-3.0-or-later
// `unstuck diagnose`: the headless diagnosis. Same engine as the GUI; prints text, JSON or
// Markdown. Exit 0 healthy, 1 a cause found, 2 could not diagnose (why on stderr).
#include "app/unstuck_commands.h"
#include "app/unstuck_connection.h"

#include "models/common/AccountRedactor.h"
#include "models/engine/DiagnosisEngine.h"
#include "models/writers/ReportWriter.h"
#include "models/writers/ResultJson.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <cstdio>

namespace unstuck::app {

namespace {

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
    const ConnectionOptions connection;
    connection.addTo(parser);
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
    const QCommandLineOption trace(
        QStringLiteral("trace"),
        QStringLiteral("Print every probe with its timing and answer size on "
                       "stderr, and when the verdict stood."));
    const QCommandLineOption redactAccount(
        QStringLiteral("redact-account"),
        QStringLiteral("Hide the Alibaba Cloud account id (every digit 0) in the output and the "
                       "--record bundle, for sharing outside the company."));
    parser.addOptions({format, record, from, trace, redactAccount});
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
    QString error;
    DiagnosisRequest& r = options->request;
    if (!connection.read(parser, &r, &error)) {
        print(stderr, QStringLiteral("unstuck diagnose: %1\n").arg(error));
        return 2;
    }
    r.recordPath = parser.value(record);
    r.fromPath = parser.value(from);
    options->trace = parser.isSet(trace);
    AccountRedactor::setEnabled(parser.isSet(redactAccount));
    return -1;
}

QString rootCauseName(const RootCause& cause)
{
    return cause.component.isEmpty() ? cause.from + QStringLiteral(" → ") + cause.to
                                     : cause.component;
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
        // When the verdict stood, before the background sweep ended (scripts/bench-diagnose.sh
        // reads this line).
        QObject::connect(&engine, &DiagnosisEngine::progress, &app,
                         [&, said = false](const DiagnosisResult& partial) mutable {
                             if (said || !partial.redPathSettled)
                                 return;
                             said = true;
                             print(stderr,
                                   QStringLiteral("%1 ms  verdict: %2\n")
                                       .arg(clock.elapsed(), 6)
                                       .arg(partial.rootCause
                                                ? QStringLiteral("root cause %1")
                                                      .arg(rootCauseName(*partial.rootCause))
                                                : QStringLiteral("no root cause")));
                         });
        QObject::connect(&engine, &DiagnosisEngine::finished, &app, [&] {
            print(stderr, QStringLiteral("%1 ms  complete\n").arg(clock.elapsed(), 6));
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
                print(stdout, ReportWriter::text(result, isTerminal(stdout)));
            if (!result.error.isEmpty())
                print(stderr, QStringLiteral("unstuck diagnose: warning: %1\n").arg(result.error));
            exitCode = result.rootCause ? 1 : 0;
        }
        app.quit();
    });
    const int code = startWithCredentials(
        app, options.request, QStringLiteral("diagnose"),
        [&engine](const DiagnosisRequest& request) { engine.start(request); }, &exitCode);
    if (code >= 0)
        return code;
    app.exec();
    return exitCode;
}

} // namespace unstuck::app
