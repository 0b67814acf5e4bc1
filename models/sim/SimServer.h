// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sim/FaultSpec.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <memory>
#include <utility>

namespace unstuck::sim {

class SimWorld;

struct SimOptions
{
    QString scenario = QStringLiteral("seed");
    QString stateDir;      // where kubeconfig, ca.crt, sim.json and the profiles are written
    int latencyMs = 0;     // delay added to every answer (benchmarks)
    quint16 kubePort = 0;  // 0 = ephemeral
    quint16 cloudPort = 0; // 0 = ephemeral
    int reconcileIntervalMs = 1000; // how often the controller sims run
    // Large-cluster generation for benchmarks (0 = the scenario's own size).
    int largeNodes = 0;
    int largeNamespaces = 0;
    // Serve only the legacy discovery documents, like an API server before aggregated
    // discovery (< 1.27): clients then fetch /apis/<g>/<v> one by one and an unavailable
    // APIService surfaces as "the server is currently unable to handle the request" (in
    // kubectl api-resources and in the namespace controller's conditions and log).
    bool legacyDiscovery = false;
    // How long a route entry made by CreateRouteEntry is Pending before it is Available (and
    // routes traffic); 0: Available at once.
    int routePendingMs = 1500;
    // A faulty network and API (`--faults`): jitter, 429, 5xx, resets, truncated and dripped
    // bodies, TLS and credential failures, cloud throttling. faultsText is the SPEC as given
    // (shown in sim.json); faultsSeed seeds the choice of requests, so a run can be replayed.
    FaultSpec faults;
    QString faultsText;
    quint32 faultsSeed = 0;
};

// The whole simulator in one object: generates the CA and certificates, builds the world for
// the scenario, serves the Kubernetes API and the cloud OpenAPI over HTTPS on 127.0.0.1, runs
// the reconcilers, and writes the state files. Used by app/unstuck-sim, demo mode and tests.
class SimServer : public QObject
{
    Q_OBJECT
public:
    explicit SimServer(SimOptions options, QObject* parent = nullptr);
    ~SimServer() override;

    // Starts listening and writes the state files. On failure returns false and a
    // user-facing reason in *error.
    bool start(QString* error);
    void stop();

    // The sim.json content: {"kubernetes":{"server":...}, "kubeconfig":path, "caFile":path,
    // "context":"unstuck-sim", "cloud":{"endpoint","regionId","accessKeyId","accessKeySecret",
    // "troubleshooterRoleArn" (a role that key may assume), "caFile"}, "profile":path,
    // "readOnly":{"context":"read-only","user","token","profile",
    // "cloud":{"userName","accessKeyId","accessKeySecret"}}, "scenario":name, "pid":n,
    // "token":bearer token, "basicAuth":{"username","password"}, "stateDir":path}.
    QJsonObject info() const;
    QString kubeconfigPath() const;
    QString profilePath() const;
    // The read-only identity: kube context "read-only" and the read-only RAM user's key.
    QString readOnlyProfilePath() const;

    SimWorld& world();

    static QStringList scenarioNames();

    // --- for client tests -------------------------------------------------------------
    // The next `count` Kubernetes API requests whose path starts with pathPrefix answer
    // `status` (with Retry-After when retryAfterSeconds > 0). An empty body becomes the
    // matching Status JSON.
    void injectFault(const QString& pathPrefix, int status, int count, int retryAfterSeconds = 0,
                     const QByteArray& body = {});
    // Requests under pathPrefix are answered only after delayMs (a black-holed backend).
    void setPathDelay(const QString& pathPrefix, int delayMs);
    QString caCertificatePem() const;
    // Which faults struck so far, e.g. "http429 12, reset 3" ("none" without --faults).
    QString faultSummary() const;
    // A client certificate + key (PEM) signed by the sim CA; CN is the user name.
    std::pair<QByteArray, QByteArray> issueClientCertificate(const QString& cn, bool ec);
    quint16 kubePort() const;
    quint16 cloudPort() const;
    QString token() const;
    QString readOnlyToken() const; // bearer token of the read-only Kubernetes user
    QString basicPassword() const;

private:
    bool writeStateFiles(QString* error) const;
    bool installFaults(QString* error);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace unstuck::sim
