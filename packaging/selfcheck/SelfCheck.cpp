// SPDX-License-Identifier: GPL-3.0-or-later
// `unstuck --self-check`: what installed copies of Qt applications most often lack, checked the
// way the application itself will need it (plugins are loaded, not just looked for; TLS does a
// real handshake; the simulator is started).
#include "packaging/selfcheck/SelfCheck.h"

#include "models/sim/CertificateFactory.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QPluginLoader>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTimer>

#ifdef UNSTUCK_HAVE_QTKEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace unstuck::selfcheck {

namespace {

using Status = Item::Status;

Item make(Status status, const QString& name, const QString& detail)
{
    Item item;
    item.status = status;
    item.name = name;
    item.detail = detail;
    return item;
}

// Runs the loop until `done` is set or the timeout passes; true when done.
bool waitFor(QEventLoop& loop, const bool& done, int timeoutMs)
{
    if (done)
        return true;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    loop.exec();
    return done;
}

struct Plugin
{
    QString file;
    QStringList keys;
};

// Every plugin of a kind (platforms, imageformats…) on Qt's plugin path, with its keys.
QList<Plugin> pluginsOfKind(const QString& kind)
{
    QList<Plugin> plugins;
    QStringList seen;
    for (const QString& path : QCoreApplication::libraryPaths()) {
        const QDir dir(path + QLatin1Char('/') + kind);
        for (const QFileInfo& file : dir.entryInfoList(QDir::Files)) {
            if (!QLibrary::isLibrary(file.fileName()) || seen.contains(file.fileName()))
                continue;
            const QPluginLoader loader(file.absoluteFilePath());
            const QJsonArray keys = loader.metaData()
                                        .value(QStringLiteral("MetaData"))
                                        .toObject()
                                        .value(QStringLiteral("Keys"))
                                        .toArray();
            if (keys.isEmpty())
                continue; // not a Qt plugin of this Qt
            Plugin plugin{file.absoluteFilePath(), {}};
            for (const auto& key : keys)
                plugin.keys << key.toString().toLower();
            seen << file.fileName();
            plugins << plugin;
        }
    }
    return plugins;
}

// The first plugin of the kind answering one of the keys that also loads (its own libraries
// are present); `error` says why the others did not.
const Plugin* loadable(const QList<Plugin>& plugins, const QStringList& keys, QString* error)
{
    for (const QString& key : keys) {
        for (const Plugin& plugin : plugins) {
            if (!plugin.keys.contains(key))
                continue;
            QPluginLoader loader(plugin.file);
            if (loader.load())
                return &plugin;
            *error += QStringLiteral("%1 does not load: %2. ")
                          .arg(QDir::toNativeSeparators(plugin.file), loader.errorString());
        }
    }
    return nullptr;
}

QString searchedPaths()
{
    QStringList paths;
    for (const QString& path : QCoreApplication::libraryPaths())
        paths << QDir::toNativeSeparators(path);
    return paths.isEmpty() ? QStringLiteral("(no plugin path)") : paths.join(QStringLiteral(", "));
}

QStringList platformKeysNeeded()
{
#if defined(Q_OS_WIN)
    return {QStringLiteral("windows")};
#elif defined(Q_OS_MACOS)
    return {QStringLiteral("cocoa")};
#else
    return {QStringLiteral("xcb"), QStringLiteral("wayland")};
#endif
}

Item checkPlatformPlugin()
{
    const QList<Plugin> plugins = pluginsOfKind(QStringLiteral("platforms"));
    QStringList all;
    for (const Plugin& plugin : plugins)
        all << plugin.keys;
    all.removeDuplicates();
    QString error;
    const QStringList needed = platformKeysNeeded();
    if (const Plugin* plugin = loadable(plugins, needed, &error))
        return make(Status::Ok, QStringLiteral("platform plugin"),
                    QStringLiteral("%1 (%2; all: %3)")
                        .arg(plugin->keys.join(QLatin1Char('/')),
                             QDir::toNativeSeparators(plugin->file),
                             all.join(QStringLiteral(", "))));
    return make(Status::Missing, QStringLiteral("platform plugin"),
                QStringLiteral("none of %1 loads from %2 (found: %3). %4The window cannot open.")
                    .arg(needed.join(QStringLiteral(", ")), searchedPaths(),
                         all.isEmpty() ? QStringLiteral("nothing") : all.join(QStringLiteral(", ")),
                         error));
}

Item checkSvgPlugin()
{
    QString error;
    const QList<Plugin> plugins = pluginsOfKind(QStringLiteral("imageformats"));
    if (const Plugin* plugin = loadable(plugins, {QStringLiteral("svg")}, &error))
        return make(Status::Ok, QStringLiteral("SVG image plugin"),
                    QDir::toNativeSeparators(plugin->file));
    return make(Status::Missing, QStringLiteral("SVG image plugin"),
                QStringLiteral("no imageformats plugin for svg loads from %1. %2Component icons "
                               "would be blank.")
                    .arg(searchedPaths(), error));
}

// A TLS server on 127.0.0.1 with a throw-away certificate authority, and a client that trusts
// only that authority: what connecting to a cluster needs from the TLS backend.
QString loopbackHandshake(int timeoutMs, QString* protocol)
{
    sim::CertificateFactory ca;
    QString error;
    if (!ca.init(&error))
        return QStringLiteral("no certificate for the loopback server (%1)").arg(error);
    const sim::PemPair pem = ca.issueServerCertificate();
    QSslConfiguration server = QSslConfiguration::defaultConfiguration();
    server.setLocalCertificate(QSslCertificate(pem.certificate, QSsl::Pem));
    server.setPrivateKey(QSslKey(pem.privateKey, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey));
    QSslServer listener;
    listener.setSslConfiguration(server);
    if (!listener.listen(QHostAddress::LocalHost, 0))
        return QStringLiteral("cannot listen on 127.0.0.1: %1").arg(listener.errorString());

    QEventLoop loop;
    bool serverDone = false;
    bool clientDone = false;
    QString failure;
    QObject::connect(&listener, &QSslServer::pendingConnectionAvailable, &loop, [&] {
        serverDone = true;
        if (clientDone)
            loop.quit();
    });
    QObject::connect(&listener, &QSslServer::errorOccurred, &loop,
                     [&](QSslSocket*, QAbstractSocket::SocketError) {
                         failure = QStringLiteral("the server side failed");
                         loop.quit();
                     });
    QSslSocket client;
    QSslConfiguration trust = QSslConfiguration::defaultConfiguration();
    trust.setCaCertificates({QSslCertificate(ca.caCertificatePem(), QSsl::Pem)});
    client.setSslConfiguration(trust);
    QObject::connect(&client, &QSslSocket::encrypted, &loop, [&] {
        clientDone = true;
        if (serverDone)
            loop.quit();
    });
    QObject::connect(&client, &QSslSocket::sslErrors, &loop, [&](const QList<QSslError>& errors) {
        failure =
            errors.isEmpty() ? QStringLiteral("certificate error") : errors.first().errorString();
        loop.quit();
    });
    QObject::connect(&client, &QSslSocket::errorOccurred, &loop, [&] {
        if (failure.isEmpty())
            failure = client.errorString();
        loop.quit();
    });
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), listener.serverPort());
    const bool ended = false; // the loop quits on success or failure; waitFor adds the timeout
    waitFor(loop, ended, timeoutMs);
    if (serverDone && clientDone) {
        switch (client.sessionProtocol()) {
        case QSsl::TlsV1_3:
            *protocol = QStringLiteral("TLS 1.3");
            break;
        case QSsl::TlsV1_2:
            *protocol = QStringLiteral("TLS 1.2");
            break;
        default:
            *protocol = QStringLiteral("TLS");
            break;
        }
        return {};
    }
    return failure.isEmpty() ? QStringLiteral("no handshake within %1 ms").arg(timeoutMs) : failure;
}

Item checkTls(int timeoutMs)
{
    const QString name = QStringLiteral("TLS backend");
    const QString backend = QSslSocket::activeBackend();
    if (backend.isEmpty() || !QSslSocket::supportsSsl())
        return make(
            Status::Missing, name,
            QStringLiteral("no TLS backend (available: %1; searched %2/tls). HTTPS to "
                           "clusters and clouds is impossible.")
                .arg(QSslSocket::availableBackends().join(QStringLiteral(", ")), searchedPaths()));
    const QString library = QSslSocket::sslLibraryVersionString();
    QString protocol;
    const QString failure = loopbackHandshake(timeoutMs, &protocol);
    if (!failure.isEmpty())
        return make(
            Status::Missing, name,
            QStringLiteral("%1 (%2), but the handshake with a loopback TLS server failed: %3")
                .arg(backend, library, failure));
    return make(Status::Ok, name,
                QStringLiteral("%1 (%2); %3 handshake with a loopback server")
                    .arg(backend, library.isEmpty() ? QStringLiteral("library unnamed") : library,
                         protocol));
}

Item checkKeychain(int timeoutMs)
{
    const QString name = QStringLiteral("keychain backend");
#ifdef UNSTUCK_HAVE_QTKEYCHAIN
#if defined(Q_OS_WIN)
    const QString backend = QStringLiteral("Windows Credential Manager");
#elif defined(Q_OS_MACOS)
    const QString backend = QStringLiteral("macOS Keychain");
#else
    const QString backend = QStringLiteral("Secret Service or KWallet over D-Bus");
#endif
    // Reading an entry nobody wrote: "not found" means the backend answered.
    QKeychain::ReadPasswordJob job(QStringLiteral("unstuck-self-check"));
    job.setAutoDelete(false);
    job.setKey(QStringLiteral("absent"));
    QEventLoop loop;
    bool done = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        done = true;
        loop.quit();
    });
    job.start();
    if (!waitFor(loop, done, timeoutMs))
        return make(Status::Note, name,
                    QStringLiteral("QtKeychain (%1) did not answer within %2 ms: access keys "
                                   "typed into the window stay in memory until it closes")
                        .arg(backend)
                        .arg(timeoutMs));
    if (job.error() == QKeychain::NoError || job.error() == QKeychain::EntryNotFound)
        return make(Status::Ok, name, QStringLiteral("QtKeychain: %1 answers").arg(backend));
    return make(Status::Note, name,
                QStringLiteral("QtKeychain is installed, but %1 is not running here (%2): access "
                               "keys typed into the window stay in memory until it closes")
                    .arg(backend, job.errorString()));
#else
    (void)timeoutMs;
    return make(Status::Missing, name,
                QStringLiteral("this build has no QtKeychain: access keys typed into the window "
                               "cannot be stored"));
#endif
}

Item checkSimulator(const QString& binary, int timeoutMs)
{
    const QString name = QStringLiteral("simulator");
    const QString shown = QDir::toNativeSeparators(binary);
    if (!QFileInfo(binary).isExecutable())
        return make(
            Status::Missing, name,
            QStringLiteral("%1 is missing: the demo and `unstuck-sim` cannot start").arg(shown));
    QProcess process;
    process.start(binary, {QStringLiteral("--version")});
    if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        return make(Status::Missing, name,
                    QStringLiteral("%1 does not run (%2)").arg(shown, process.errorString()));
    const QString version = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    return make(Status::Ok, name, QStringLiteral("%1 (%2)").arg(shown, version));
}

} // namespace

QString simulatorNextTo(const QString& directory)
{
#ifdef Q_OS_WIN
    return QDir(directory).filePath(QStringLiteral("unstuck-sim.exe"));
#else
    return QDir(directory).filePath(QStringLiteral("unstuck-sim"));
#endif
}

QString statusWord(Item::Status status)
{
    switch (status) {
    case Status::Ok:
        return QStringLiteral("ok");
    case Status::Note:
        return QStringLiteral("note");
    case Status::Missing:
        return QStringLiteral("MISSING");
    }
    return {};
}

QList<Item> run(const Options& options)
{
    QList<Item> items;
    items << checkTls(options.timeoutMs);
    if (options.gui) {
        items << checkSvgPlugin();
        items << checkPlatformPlugin();
        items << checkKeychain(options.timeoutMs);
    }
    const QString simulator = options.simulator.isEmpty()
                                  ? simulatorNextTo(QCoreApplication::applicationDirPath())
                                  : options.simulator;
    items << checkSimulator(simulator, options.timeoutMs);
    return items;
}

} // namespace unstuck::selfcheck
