// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sim/HttpMessage.h"

#include <QJsonObject>
#include <QString>

namespace unstuck::sim {

class SimWorld;
class CertificateFactory;
struct ApiResource;

// The simulated kube-apiserver's REST surface: authentication (client certificate signed by
// the sim CA, bearer token, basic auth), discovery (legacy and aggregated v2), CRUD on the
// world's objects with the real Status errors, Table output for kubectl, pod logs, scale,
// namespace finalize and the aggregator's 503 for unavailable APIServices.
class KubeApi
{
public:
    struct Credentials
    {
        QString token;
        QString basicUser;
        QString basicPassword;
    };

    KubeApi(SimWorld& world, const CertificateFactory& certificates, Credentials credentials);
    HttpResponse handle(const HttpRequest& request);

    // Status error bodies exactly as the API server writes them.
    static HttpResponse status(int code, const QString& reason, const QString& message,
                               const QJsonObject& details = {});
    static HttpResponse notFound(const QString& group, const QString& plural, const QString& name);

private:
    QString authenticate(const HttpRequest& request) const;
    HttpResponse route(const HttpRequest& request);
    HttpResponse discovery(const HttpRequest& request, bool* handled);
    HttpResponse openApiV3(const QString& path);
    HttpResponse resourceRequest(const HttpRequest& request, const QString& group,
                                 const QString& version, const QStringList& segments);
    HttpResponse aggregated(const HttpRequest& request, const QString& group,
                            const QString& version, const QStringList& segments);
    HttpResponse list(const HttpRequest& request, const ApiResource& resource, const QString& ns);
    HttpResponse getOne(const HttpRequest& request, const ApiResource& resource, const QString& ns,
                        const QString& name);
    HttpResponse create(const HttpRequest& request, const ApiResource& resource, const QString& ns);
    HttpResponse update(const HttpRequest& request, const ApiResource& resource, const QString& ns,
                        const QString& name, const QString& subresource);
    HttpResponse remove(const ApiResource& resource, const QString& ns, const QString& name);
    HttpResponse podLog(const HttpRequest& request, const QString& ns, const QString& name);
    HttpResponse scale(const HttpRequest& request, const QString& ns, const QString& name);
    HttpResponse review(const HttpRequest& request, const ApiResource& resource);
    QJsonObject storeAfterUpdate(const ApiResource& resource, QJsonObject object);

    SimWorld& m_world;
    const CertificateFactory& m_certificates;
    Credentials m_credentials;
};

} // namespace unstuck::sim
