// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sim/kubeapi/KubeHandler.h"
#include "models/sim/kubeapi/KubeWriteOptions.h"

#include <optional>

namespace unstuck::sim {

class CertificateFactory;

// Writes to the world's objects, for every group, with the API server's rules and errors:
// create (defaults, terminating namespaces, admission webhooks), update and patch (the status
// and namespace finalize subresources, stale resourceVersions) and delete (preconditions,
// finalizers, namespaces turning Terminating). Every write may be a dry run (KubeCommit).
class KubeCoreWriteHandler : public KubeHandler
{
public:
    KubeCoreWriteHandler(SimWorld& world, const CertificateFactory& certificates);

    HttpResponse create(const HttpRequest& request, const ApiResource& resource, const QString& ns,
                        const KubeWriteOptions& options);
    HttpResponse update(const HttpRequest& request, const ApiResource& resource, const QString& ns,
                        const QString& name, const QString& subresource,
                        const KubeWriteOptions& options);
    HttpResponse remove(const ApiResource& resource, const QString& ns, const QString& name,
                        const KubeWriteOptions& options);

private:
    std::optional<HttpResponse> placeInNamespace(const ApiResource& resource, const QString& ns,
                                                 const QString& name, QJsonObject* m) const;
    static std::optional<HttpResponse> applyCreateDefaults(const ApiResource& resource,
                                                           const QString& name, QJsonObject* o,
                                                           QJsonObject* m);
    void publishRootCa(const QString& ns);
    static std::optional<HttpResponse>
    readUpdateBody(const HttpRequest& request, const ApiResource& resource, const QString& name,
                   const QJsonObject& existing, QJsonObject* next);
    static void keepServerMetadata(const QJsonObject& existing, const QString& subresource,
                                   QJsonObject* next);
    static std::optional<HttpResponse>
    applySubresource(const HttpRequest& request, const ApiResource& resource,
                     const QString& subresource, const QJsonObject& existing, QJsonObject* next);
    static std::optional<HttpResponse> failedPrecondition(const ApiResource& resource,
                                                          const QJsonObject& existing,
                                                          const KubeWriteOptions& options);

    const CertificateFactory& m_certificates;
};

} // namespace unstuck::sim
