// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sim/kubeapi/KubeHandler.h"

#include <QList>

namespace unstuck::sim {

struct ApiGroupVersion;

// What clients read before they touch an object: /version, the health endpoints, legacy and
// aggregated (v2) discovery and a skeleton OpenAPI v3. Stale aggregated groups show up here.
class KubeDiscoveryHandler : public KubeHandler
{
public:
    explicit KubeDiscoveryHandler(SimWorld& world);

    // Answers a discovery path; sets *handled to false (and answers nothing) for any other path.
    HttpResponse handle(const HttpRequest& request, bool* handled);
    // The APIResourceList of one group version (an available aggregated API serves it too).
    static QJsonObject resourceList(const ApiGroupVersion& gv);

private:
    HttpResponse version() const;
    HttpResponse groupDocuments(const HttpRequest& request, bool* handled);
    HttpResponse openApiV2(const HttpRequest& request);
    HttpResponse openApiV3(const QString& path);
    static HttpResponse aggregatedList(const QList<ApiGroupVersion>& gvs,
                                       const QByteArray& aggregatedVersion, bool core);
};

} // namespace unstuck::sim
