// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/SimServer.h"

#include "models/common/Redactor.h"
#include "models/sim/CertificateFactory.h"
#include "models/sim/CloudApi.h"
#include "models/sim/CloudWorld.h"
#include "models/sim/FaultInjector.h"
#include "models/sim/KubeApi.h"
#include "models/sim/KubeStore.h"
#include "models/sim/ScenarioBuilder.h"
#include "models/sim/SimHttpServer.h"
#include "models/sim/SimStateFiles.h"
#include "models/sim/SimWorld.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>
#include <algorithm>

namespace unstuck::sim {

namespace {

struct Fault
{
    QString prefix;
    int status = 500;
    int remaining = 0;
    int retryAfter = 0;
    QByteArray body;
};

QString randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (int i = 0; i < bytes; ++i)
        raw[i] = static_cast<char>(QRandomGenerator::system()->bounded(256));
    return QString::fromLatin1(raw.toHex());
}

HttpResponse faultResponse(const Fault& f)
{
    HttpResponse r;
    if (!f.body.isEmpty()) {
        r = HttpResponse::json(f.status, f.body);
        if (!f.body.trimmed().startsWith('{'))
            r.contentType = "text/plain; charset=utf-8";
    } else {
        QString reason = QStringLiteral("InternalError");
        QString message = QStringLiteral("Internal error occurred: injected fault");
        switch (f.status) {
        case 401:
            reason = QStringLiteral("Unauthorized");
            message = QStringLiteral("Unauthorized");
            break;
        case 403:
            reason = QStringLiteral("Forbidden");
            message = QStringLiteral("forbidden: injected fault");
            break;
        case 404:
            reason = QStringLiteral("NotFound");
            message = QStringLiteral("the server could not find the requested resource");
            break;
        case 409:
            reason = QStringLiteral("Conflict");
            message = QStringLiteral("Operation cannot be fulfilled: injected fault");
            break;
        case 429:
            reason = QStringLiteral("TooManyRequests");
            message = QStringLiteral("Too many requests, please try again later.");
            break;
        case 503:
            reason = QStringLiteral("ServiceUnavailable");
            message = QStringLiteral("the server is currently unable to handle the request");
            break;
        case 504:
            reason = QStringLiteral("Timeout");
            message =
                QStringLiteral("the server was unable to return a response in the time allotted");
            break;
        default:
            break;
        }
        r = KubeApi::status(f.status, reason, message);
    }
    if (f.retryAfter > 0)
        r.headers.append(
            std::pair<QByteArray, QByteArray>("Retry-After", QByteArray::number(f.retryAfter)));
    return r;
}

// The scenario's namespaces have been stuck for hours: their conditions date from a few
// seconds after the deletion, not from the simulator's start.
void backdateStuckNamespaces(KubeStore& kube)
{
    for (QJsonObject ns : kube.list(QStringLiteral("namespaces"))) {
        const QString deleted = ns.value(QLatin1String("metadata"))
                                    .toObject()
                                    .value(QLatin1String("deletionTimestamp"))
                                    .toString();
        const QDateTime when = QDateTime::fromString(deleted, Qt::ISODate);
        if (!when.isValid())
            continue;
        QJsonObject status = ns.value(QLatin1String("status")).toObject();
        QJsonArray conditions = status.value(QLatin1String("conditions")).toArray();
        for (qsizetype i = 0; i < conditions.size(); ++i) {
            QJsonObject c = conditions.at(i).toObject();
            c.insert(QStringLiteral("lastTransitionTime"), when.addSecs(5).toString(Qt::ISODate));
            conditions.replace(i, c);
        }
        status.insert(QStringLiteral("conditions"), conditions);
        ns.insert(QStringLiteral("status"), status);
        kube.put(QStringLiteral("namespaces"), ns);
    }
}

} // namespace

struct SimServer::Private
{
    SimOptions options;
    std::unique_ptr<QTemporaryDir> tempDir;
    QString stateDir;
    CertificateFactory certificates;
    SimWorld* world = nullptr;
    SimHttpServer* kubeServer = nullptr;
    SimHttpServer* cloudServer = nullptr;
    std::unique_ptr<KubeApi> kubeApi;
    std::unique_ptr<CloudApi> cloudApi;
    QString token;
    QString readOnlyToken;
    QString basicPassword;
    PemPair adminCert;
    QList<Fault> faults;
    QList<std::pair<QString, int>> delays;
    std::unique_ptr<FaultInjector> faultInjector;
    bool started = false;

    QString path(const char* name) const
    {
        return QDir(stateDir).absoluteFilePath(QString::fromLatin1(name));
    }
};

SimServer::SimServer(SimOptions options, QObject* parent) : QObject(parent), d(new Private)
{
    d->options = std::move(options);
    d->world = new SimWorld(this);
    d->kubeServer = new SimHttpServer(this);
    d->cloudServer = new SimHttpServer(this);
}

SimServer::~SimServer()
{
    stop();
}

QStringList SimServer::scenarioNames()
{
    return ScenarioBuilder::names();
}

SimWorld& SimServer::world()
{
    return *d->world;
}

bool SimServer::start(QString* error)
{
    const SimOptions& o = d->options;
    if (!ScenarioBuilder::names().contains(o.scenario)) {
        if (error)
            *error = QStringLiteral("unknown scenario \"%1\"; valid scenarios: %2")
                         .arg(o.scenario, ScenarioBuilder::names().join(QStringLiteral(", ")));
        return false;
    }
    if (o.stateDir.isEmpty()) {
        d->tempDir = std::make_unique<QTemporaryDir>();
        d->stateDir = d->tempDir->path();
    } else {
        d->stateDir = QDir(o.stateDir).absolutePath();
    }
    if (!QDir().mkpath(d->stateDir)) {
        if (error)
            *error = QStringLiteral("cannot create the state directory %1").arg(d->stateDir);
        return false;
    }
    if (!d->certificates.init(error))
        return false;
    const PemPair server = d->certificates.issueServerCertificate();
    d->adminCert = d->certificates.issueClientCertificate(QStringLiteral("kubernetes-admin"),
                                                          QStringLiteral("system:masters"), false);
    if (server.certificate.isEmpty() || d->adminCert.certificate.isEmpty()) {
        if (error)
            *error = QStringLiteral("OpenSSL could not issue the simulator certificates");
        return false;
    }
    d->token = randomHex(24);
    d->readOnlyToken = randomHex(24);
    d->basicPassword = randomHex(12);
    Redactor::registerSecret(d->token);
    Redactor::registerSecret(d->readOnlyToken);
    Redactor::registerSecret(d->basicPassword);

    // The world: the scenario's cluster, then the cloud account that matches it.
    if (!ScenarioBuilder::build(o.scenario, d->world->kube(), error))
        return false;
    if (o.largeNodes > 0 || o.largeNamespaces > 0)
        ScenarioBuilder::addLargeCluster(d->world->kube(), o.largeNodes, o.largeNamespaces);
    d->world->cloud().setRoutePendingMs(o.routePendingMs);
    d->world->cloud().populate(o.scenario, d->world->kube());
    Redactor::registerSecret(d->world->cloud().userAccessKeySecret());
    Redactor::registerSecret(d->world->cloud().readOnlyAccessKeySecret());
    d->world->setReconcileIntervalMs(o.reconcileIntervalMs);
    d->world->setLegacyDiscovery(o.legacyDiscovery);
    d->world->reconcileNow();
    backdateStuckNamespaces(d->world->kube());

    const QSslCertificate serverCert(server.certificate, QSsl::Pem);
    const QSslKey serverKey(server.privateKey, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    const QList<QSslCertificate> ca =
        QSslCertificate::fromData(d->certificates.caCertificatePem(), QSsl::Pem);
    if (serverCert.isNull() || serverKey.isNull() || ca.isEmpty()) {
        if (error)
            *error = QStringLiteral(
                "Qt could not load the simulator certificates (TLS backend missing?)");
        return false;
    }

    d->kubeApi =
        std::make_unique<KubeApi>(*d->world, d->certificates,
                                  KubeApi::Credentials{d->token, QStringLiteral("admin"),
                                                       d->basicPassword, d->readOnlyToken});
    d->kubeServer->setCertificate(serverCert, serverKey, ca);
    d->kubeServer->setRequestClientCertificate(true);
    d->kubeServer->setLatencyMs(o.latencyMs);
    d->kubeServer->setHandler([this](const HttpRequest& request) {
        for (Fault& f : d->faults) {
            if (f.remaining > 0 && request.path.startsWith(f.prefix)) {
                --f.remaining;
                return faultResponse(f);
            }
        }
        FaultInjector* faults = d->faultInjector.get();
        if (!faults)
            return d->kubeApi->handle(request);
        constexpr auto port = FaultInjector::Port::Kube;
        // A replaced answer means the request never reached the API (nothing was written).
        std::optional<HttpResponse> injected = faults->replaceAnswer(port, request);
        HttpResponse response = injected ? *injected : d->kubeApi->handle(request);
        faults->shapeDelivery(port, request, &response);
        return response;
    });
    d->kubeServer->setDelayFunction([this](const HttpRequest& request) {
        int delay = 0;
        int longest = -1;
        for (const auto& [prefix, ms] : d->delays) {
            if (request.path.startsWith(prefix) && prefix.size() > longest) {
                longest = static_cast<int>(prefix.size());
                delay = ms;
            }
        }
        if (d->faultInjector)
            delay += d->faultInjector->jitterMs(FaultInjector::Port::Kube, request);
        return delay;
    });
    if (!d->kubeServer->listen(o.kubePort, error))
        return false;

    d->cloudApi = std::make_unique<CloudApi>(d->world->cloud());
    d->cloudServer->setCertificate(serverCert, serverKey, ca);
    d->cloudServer->setRequestClientCertificate(false);
    d->cloudServer->setLatencyMs(o.latencyMs);
    d->cloudServer->setHandler([this](const HttpRequest& request) {
        FaultInjector* faults = d->faultInjector.get();
        if (!faults)
            return d->cloudApi->handle(request);
        constexpr auto port = FaultInjector::Port::Cloud;
        // A replaced answer means the request never reached the API (nothing was written).
        std::optional<HttpResponse> injected = faults->replaceAnswer(port, request);
        HttpResponse response = injected ? *injected : d->cloudApi->handle(request);
        faults->shapeDelivery(port, request, &response);
        return response;
    });
    d->cloudServer->setDelayFunction([this](const HttpRequest& request) {
        return d->faultInjector ? d->faultInjector->jitterMs(FaultInjector::Port::Cloud, request)
                                : 0;
    });
    if (!installFaults(error))
        return false;
    if (!d->cloudServer->listen(o.cloudPort, error)) {
        d->kubeServer->close();
        return false;
    }

    if (!writeStateFiles(error)) {
        stop();
        return false;
    }
    d->world->start();
    d->started = true;
    return true;
}

// `--faults`: the injector both servers consult, and for tls= a certificate from a CA the
// clients never heard of, offered on the connections whose handshake is to fail.
bool SimServer::installFaults(QString* error)
{
    if (d->options.faults.isEmpty())
        return true;
    d->faultInjector = std::make_unique<FaultInjector>(d->options.faults, d->options.faultsSeed);
    const bool tls =
        std::any_of(d->options.faults.rules().begin(), d->options.faults.rules().end(),
                    [](const FaultRule& rule) { return rule.kind == FaultRule::Kind::Tls; });
    if (!tls)
        return true;
    CertificateFactory stranger;
    if (!stranger.init(error))
        return false;
    const PemPair pem = stranger.issueServerCertificate();
    const QSslCertificate certificate(pem.certificate, QSsl::Pem);
    const QSslKey key(pem.privateKey, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    FaultInjector* faults = d->faultInjector.get();
    d->kubeServer->setHandshakeFault(
        [faults] { return faults->failHandshake(FaultInjector::Port::Kube); }, certificate, key);
    d->cloudServer->setHandshakeFault(
        [faults] { return faults->failHandshake(FaultInjector::Port::Cloud); }, certificate, key);
    return true;
}

QString SimServer::faultSummary() const
{
    return d->faultInjector ? d->faultInjector->summary() : QStringLiteral("none");
}

// kubeconfig, ca.crt, profile.json, profile-read-only.json, sim.json (all 0600).
bool SimServer::writeStateFiles(QString* error) const
{
    const QString name = QStringLiteral("unstuck-sim (%1)").arg(d->options.scenario);
    const CloudWorld& world = d->world->cloud();
    SimStateFiles::Cloud cloud{QStringLiteral("https://127.0.0.1:%1").arg(cloudPort()),
                               world.regionId(),
                               d->path("ca.crt"),
                               {},
                               {}};
    SimStateFiles::Cloud readOnlyCloud = cloud;
    if (d->options.scenario != QLatin1String("no-cloud-credentials")) {
        cloud.accessKeyId = world.userAccessKeyId();
        cloud.accessKeySecret = world.userAccessKeySecret();
        readOnlyCloud.accessKeyId = world.readOnlyAccessKeyId();
        readOnlyCloud.accessKeySecret = world.readOnlyAccessKeySecret();
    }
    const QByteArray kubeconfig = SimStateFiles::kubeconfig(
        {QStringLiteral("https://127.0.0.1:%1").arg(kubePort()), d->certificates.caCertificatePem(),
         d->adminCert.certificate, d->adminCert.privateKey, d->readOnlyToken});
    const QJsonObject profile =
        SimStateFiles::profile(name, d->path("kubeconfig"), SimStateFiles::adminContext(), cloud);
    const QJsonObject readOnly =
        SimStateFiles::profile(name + QStringLiteral(" read-only"), d->path("kubeconfig"),
                               SimStateFiles::readOnlyContext(), readOnlyCloud);
    return SimStateFiles::writePrivate(d->path("kubeconfig"), kubeconfig, error) &&
           SimStateFiles::writePrivate(d->path("ca.crt"), d->certificates.caCertificatePem(),
                                       error) &&
           SimStateFiles::writePrivate(d->path("profile.json"), QJsonDocument(profile).toJson(),
                                       error) &&
           SimStateFiles::writePrivate(d->path("profile-read-only.json"),
                                       QJsonDocument(readOnly).toJson(), error) &&
           SimStateFiles::writePrivate(d->path("sim.json"), QJsonDocument(info()).toJson(), error);
}

void SimServer::stop()
{
    if (d->world)
        d->world->stop();
    if (d->kubeServer)
        d->kubeServer->close();
    if (d->cloudServer)
        d->cloudServer->close();
    d->started = false;
}

QJsonObject SimServer::info() const
{
    const CloudWorld& cloud = d->world->cloud();
    return QJsonObject{
        {QStringLiteral("kubernetes"),
         QJsonObject{
             {QStringLiteral("server"), QStringLiteral("https://127.0.0.1:%1").arg(kubePort())}}},
        {QStringLiteral("kubeconfig"), d->path("kubeconfig")},
        {QStringLiteral("caFile"), d->path("ca.crt")},
        {QStringLiteral("context"), QStringLiteral("unstuck-sim")},
        {QStringLiteral("cloud"),
         QJsonObject{
             {QStringLiteral("endpoint"), QStringLiteral("https://127.0.0.1:%1").arg(cloudPort())},
             {QStringLiteral("regionId"), cloud.regionId()},
             {QStringLiteral("accessKeyId"), cloud.userAccessKeyId()},
             {QStringLiteral("accessKeySecret"), cloud.userAccessKeySecret()},
             {QStringLiteral("troubleshooterRoleArn"), cloud.troubleshooterRoleArn()},
             {QStringLiteral("caFile"), d->path("ca.crt")}}},
        {QStringLiteral("profile"), d->path("profile.json")},
        {QStringLiteral("readOnly"),
         QJsonObject{
             {QStringLiteral("context"), SimStateFiles::readOnlyContext()},
             {QStringLiteral("user"), KubeAuthorizer::readOnlyUser()},
             {QStringLiteral("token"), d->readOnlyToken},
             {QStringLiteral("profile"), d->path("profile-read-only.json")},
             {QStringLiteral("cloud"),
              QJsonObject{{QStringLiteral("userName"), cloud.readOnlyUserName()},
                          {QStringLiteral("accessKeyId"), cloud.readOnlyAccessKeyId()},
                          {QStringLiteral("accessKeySecret"), cloud.readOnlyAccessKeySecret()}}}}},
        {QStringLiteral("scenario"), d->options.scenario},
        {QStringLiteral("pid"), QCoreApplication::applicationPid()},
        {QStringLiteral("token"), d->token},
        {QStringLiteral("basicAuth"),
         QJsonObject{{QStringLiteral("username"), QStringLiteral("admin")},
                     {QStringLiteral("password"), d->basicPassword}}},
        {QStringLiteral("stateDir"), d->stateDir},
        {QStringLiteral("faults"),
         d->faultInjector
             ? QJsonValue(QJsonObject{{QStringLiteral("spec"), d->options.faultsText},
                                      {QStringLiteral("seed"), qint64(d->options.faultsSeed)}})
             : QJsonValue()}};
}

QString SimServer::kubeconfigPath() const
{
    return d->path("kubeconfig");
}

QString SimServer::profilePath() const
{
    return d->path("profile.json");
}

void SimServer::injectFault(const QString& pathPrefix, int status, int count, int retryAfterSeconds,
                            const QByteArray& body)
{
    d->faults.append(Fault{pathPrefix, status, count, retryAfterSeconds, body});
}

void SimServer::setPathDelay(const QString& pathPrefix, int delayMs)
{
    for (auto& entry : d->delays) {
        if (entry.first == pathPrefix) {
            entry.second = delayMs;
            return;
        }
    }
    d->delays.append({pathPrefix, delayMs});
}

QString SimServer::caCertificatePem() const
{
    return QString::fromLatin1(d->certificates.caCertificatePem());
}

std::pair<QByteArray, QByteArray> SimServer::issueClientCertificate(const QString& cn, bool ec)
{
    const PemPair pair =
        d->certificates.issueClientCertificate(cn, QStringLiteral("system:masters"), ec);
    return {pair.certificate, pair.privateKey};
}

quint16 SimServer::kubePort() const
{
    return d->kubeServer->port();
}

quint16 SimServer::cloudPort() const
{
    return d->cloudServer->port();
}

QString SimServer::token() const
{
    return d->token;
}

QString SimServer::readOnlyToken() const
{
    return d->readOnlyToken;
}

QString SimServer::readOnlyProfilePath() const
{
    return d->path("profile-read-only.json");
}

QString SimServer::basicPassword() const
{
    return d->basicPassword;
}

} // namespace unstuck::sim
