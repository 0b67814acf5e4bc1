// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sim/HttpMessage.h"
#include "models/sim/kubeapi/KubeAggregationHandler.h"
#include "models/sim/kubeapi/KubeAppsHandler.h"
#include "models/sim/kubeapi/KubeAuthorizationHandler.h"
#include "models/sim/kubeapi/KubeAuthorizer.h"
#include "models/sim/kubeapi/KubeCoreHandler.h"
#include "models/sim/kubeapi/KubeCoreWriteHandler.h"
#include "models/sim/kubeapi/KubeDiscoveryHandler.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace unstuck::sim {

class SimWorld;
class CertificateFactory;

// The simulated kube-apiserver's REST surface: authenticates each request (client certificate
// signed by the sim CA, bearer token, basic auth), authorizes it (KubeAuthorizer: the admin
// identities may do everything, the read-only one only read), reads a write's options (dryRun,
// fieldManager) and routes it to the handler of its API family (models/sim/kubeapi/):
// discovery, the aggregator's APIServices, object reads and writes, the apps scale subresource
// and the review APIs.
class KubeApi
{
public:
    struct Credentials
    {
        QString token; // an admin (system:masters)
        QString basicUser;
        QString basicPassword;
        QString readOnlyToken; // KubeAuthorizer::readOnlyUser()
    };

    KubeApi(SimWorld& world, const CertificateFactory& certificates, Credentials credentials);
    HttpResponse handle(const HttpRequest& request);

    // Status error bodies exactly as the API server writes them.
    static HttpResponse status(int code, const QString& reason, const QString& message,
                               const std::optional<QJsonObject>& details = std::nullopt);
    static HttpResponse notFound(const QString& group, const QString& plural, const QString& name);

private:
    std::optional<KubeUser> authenticate(const HttpRequest& request) const;
    HttpResponse route(const HttpRequest& request, const KubeUser& user);
    HttpResponse resourceRequest(const HttpRequest& request, const KubeUser& user,
                                 const QString& group, const QString& version,
                                 const QStringList& segments);
    HttpResponse write(const HttpRequest& request, const ApiResource& resource,
                       const KubeAccess& access);

    SimWorld& m_world;
    const CertificateFactory& m_certificates;
    Credentials m_credentials;
    KubeDiscoveryHandler m_discovery;
    KubeAggregationHandler m_aggregation;
    KubeCoreHandler m_reads;
    KubeCoreWriteHandler m_writes;
    KubeAppsHandler m_apps;
    KubeAuthorizationHandler m_authorization;
};

} // namespace unstuck::sim
