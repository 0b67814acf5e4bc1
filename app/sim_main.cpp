// SPDX-License-Identifier: GPL-3.0-or-later
// unstuck-sim: the simulated cluster + cloud account on loopback (see DESIGN.md §5).
#include "models/common/Log.h"
#include "models/sim/SimServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <cstdio>

#ifdef Q_OS_WIN
#include <windows.h>
#else
#include <QSocketNotifier>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace {

#ifdef Q_OS_WIN
BOOL WINAPI consoleHandler(DWORD)
{
    // Runs on another thread: ask the event loop to quit.
    QMetaObject::invokeMethod(QCoreApplication::instance(), &QCoreApplication::quit,
                              Qt::QueuedConnection);
    return TRUE;
}

void installStopHandler()
{
    SetConsoleCtrlHandler(consoleHandler, TRUE);
}
#else
int g_signalFds[2] = {-1, -1};

void onSignal(int)
{
    // Only async-signal-safe work here: wake the event loop through the socket pair.
    const char byte = 1;
    [[maybe_unused]] const ssize_t n = ::write(g_signalFds[0], &byte, 1);
}

void installStopHandler()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0)
        return;
    auto* notifier =
        new QSocketNotifier(g_signalFds[1], QSocketNotifier::Read, QCoreApplication::instance());
    QObject::connect(notifier, &QSocketNotifier::activated, QCoreApplication::instance(),
                     [notifier] {
                         notifier->setEnabled(false);
                         char byte = 0;
                         [[maybe_unused]] const ssize_t n = ::read(g_signalFds[1], &byte, 1);
                         QCoreApplication::quit();
                     });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}
#endif

// --faults and --faults-seed into the options; false (after saying why) on a bad SPEC or seed.
bool readFaults(const QCommandLineParser& parser, const QCommandLineOption& faults,
                const QCommandLineOption& faultsSeed, unstuck::sim::SimOptions* options)
{
    options->faultsSeed = QRandomGenerator::system()->generate();
    if (parser.isSet(faultsSeed)) {
        bool ok = false;
        options->faultsSeed = parser.value(faultsSeed).toUInt(&ok);
        if (!ok) {
            std::fprintf(stderr, "unstuck-sim: --faults-seed \"%s\": expected a number 0-%u\n",
                         qPrintable(parser.value(faultsSeed)), 0xffffffffU);
            return false;
        }
    }
    if (!parser.isSet(faults))
        return true;
    QString error;
    const auto spec = unstuck::sim::FaultSpec::parse(parser.value(faults), &error);
    if (!spec) {
        std::fprintf(stderr, "unstuck-sim: %s\n", qPrintable(error));
        return false;
    }
    options->faults = *spec;
    options->faultsText = parser.value(faults);
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("unstuck-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(UNSTUCK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral(
            "Simulated Kubernetes cluster and Alibaba Cloud account on 127.0.0.1.\nScenarios: %1\n"
            "\n"
            "Writes behave as on a real cluster and account: ?dryRun=All (Kubernetes) and "
            "DryRun=true (VPC) check without changing anything; a stale resourceVersion is 409 "
            "Conflict, a failed JSON Patch test 422; fieldManager lands in managedFields; "
            "SelfSubjectAccessReview (kubectl auth can-i) answers per identity; a ClientToken "
            "repeats CreateRouteEntry's first answer; new route entries are Pending, then "
            "Available; a RAM policy keeps at most 5 versions.\n"
            "\n"
            "Two identities are written to the state directory: the admin (kubeconfig context "
            "unstuck-sim, the cloud key in sim.json, profile.json) and a read-only one "
            "(context read-only, sim.json \"readOnly\", profile-read-only.json) whose writes "
            "answer 403 Forbidden and Forbidden.RAM.")
            .arg(unstuck::sim::SimServer::scenarioNames().join(QStringLiteral(", "))));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption scenario(QStringLiteral("scenario"),
                                      QStringLiteral("Scenario to simulate."),
                                      QStringLiteral("name"), QStringLiteral("seed"));
    const QCommandLineOption stateDir(
        QStringLiteral("state-dir"),
        QStringLiteral("Where kubeconfig, ca.crt, sim.json, profile.json and "
                       "profile-read-only.json are written."),
        QStringLiteral("dir"));
    const QCommandLineOption latency(QStringLiteral("latency-ms"),
                                     QStringLiteral("Delay every answer by N ms."),
                                     QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("Kubernetes API port (0 = ephemeral)."),
                                  QStringLiteral("P"), QStringLiteral("0"));
    const QCommandLineOption cloudPort(QStringLiteral("cloud-port"),
                                       QStringLiteral("Cloud OpenAPI port (0 = ephemeral)."),
                                       QStringLiteral("P"), QStringLiteral("0"));
    const QCommandLineOption reconcile(QStringLiteral("reconcile-ms"),
                                       QStringLiteral("Controller period in ms."),
                                       QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption largeNodes(QStringLiteral("large-nodes"),
                                        QStringLiteral("Add N nodes (benchmarks)."),
                                        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption largeNamespaces(
        QStringLiteral("large-namespaces"),
        QStringLiteral("Add N namespaces, every tenth Terminating (benchmarks)."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption legacyDiscovery(
        QStringLiteral("legacy-discovery"),
        QStringLiteral(
            "Act as an API server without aggregated discovery (v1.26): unavailable APIServices "
            "then fail discovery with \"the server is currently unable to handle the request\"."));
    const QCommandLineOption routePending(
        QStringLiteral("route-pending-ms"),
        QStringLiteral("How long a route entry made by CreateRouteEntry stays Pending before it "
                       "is Available and routes traffic (0 = at once)."),
        QStringLiteral("N"), QStringLiteral("1500"));
    const QCommandLineOption faults(
        QStringLiteral("faults"),
        QStringLiteral(
            "A faulty network and API: a comma-separated list of KIND=VALUE[@SCOPE]. Kinds: "
            "jitter=MS (0..MS extra latency per request), http429=RATE (429 with Retry-After; "
            "Throttling HTTP 429 on the cloud), http5xx=RATE (500/502/503), reset=RATE "
            "(connection reset mid-body), truncate=RATE (body cut short: the connection closes "
            "before the announced Content-Length, or the Content-Length itself is short), "
            "drip=RATE (body sent slowly in pieces), tls=RATE (TLS handshake fails: a "
            "certificate from an unknown CA), auth=RATE (401 on Kubernetes; "
            "InvalidAccessKeyId.NotFound or SignatureDoesNotMatch on the cloud), throttle=RATE "
            "(cloud Throttling.User, HTTP 400). RATE is the fraction of requests (0-1; 1 = "
            "every one). @kube or @cloud limits a kind to one port, @/path-prefix to Kubernetes "
            "paths, @Action to one cloud action, @METHOD or @METHOD:SCOPE (GET, POST, PUT, "
            "PATCH, DELETE) to requests with that HTTP method, e.g. a fix's writes; tls is "
            "decided per connection, so a scope only picks the port. Example: "
            "jitter=300,http429=0.2,reset=0.05@/apis/metrics.k8s.io. On exit the simulator "
            "prints on stderr how often each fault struck."),
        QStringLiteral("spec"));
    const QCommandLineOption faultsSeed(
        QStringLiteral("faults-seed"),
        QStringLiteral("Seed for choosing the faulty requests (default: random; sim.json "
                       "\"faults\" shows it), to replay a failing run."),
        QStringLiteral("N"));
    parser.addOptions({scenario, stateDir, latency, port, cloudPort, reconcile, largeNodes,
                       largeNamespaces, legacyDiscovery, routePending, faults, faultsSeed});
    parser.process(app);

    unstuck::log::initFromEnvironment(spdlog::level::warn);
    unstuck::sim::SimOptions options;
    options.scenario = parser.value(scenario);
    options.stateDir = parser.value(stateDir);
    options.latencyMs = parser.value(latency).toInt();
    options.kubePort = static_cast<quint16>(parser.value(port).toUInt());
    options.cloudPort = static_cast<quint16>(parser.value(cloudPort).toUInt());
    options.reconcileIntervalMs = qMax(10, parser.value(reconcile).toInt());
    options.largeNodes = qMax(0, parser.value(largeNodes).toInt());
    options.largeNamespaces = qMax(0, parser.value(largeNamespaces).toInt());
    options.legacyDiscovery = parser.isSet(legacyDiscovery);
    options.routePendingMs = qMax(0, parser.value(routePending).toInt());
    if (!readFaults(parser, faults, faultsSeed, &options))
        return 2;
    if (options.stateDir.isEmpty()) {
        std::fprintf(stderr, "unstuck-sim: --state-dir is required\n");
        return 2;
    }

    installStopHandler();
    unstuck::sim::SimServer server(options);
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "unstuck-sim: %s\n", qPrintable(error));
        return 1;
    }
    const QByteArray line = QJsonDocument(server.info()).toJson(QJsonDocument::Compact);
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
    const int rc = app.exec();
    server.stop();
    if (!options.faults.isEmpty())
        std::fprintf(stderr, "unstuck-sim: faults injected: %s\n",
                     qPrintable(server.faultSummary()));
    return rc;
}
