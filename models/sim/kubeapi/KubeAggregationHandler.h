// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sim/kubeapi/KubeHandler.h"

#include <QJsonArray>
#include <QStringList>

namespace unstuck::sim {

struct ApiGroupVersion;

// The kube-aggregator's side of the API server: group versions an APIService serves. While the
// APIService is unavailable they answer its plain-text 503 (what blocks namespace deletion);
// once available, metrics.k8s.io answers a plausible usage for every node and pod.
class KubeAggregationHandler : public KubeHandler
{
public:
    explicit KubeAggregationHandler(SimWorld& world);

    // segments: the path after /apis/<group>/<version>.
    HttpResponse handle(const HttpRequest& request, const QString& group, const QString& version,
                        const QStringList& segments);

private:
    HttpResponse metrics(const ApiGroupVersion& gv, const QStringList& segments);
    QJsonArray metricsItems(bool nodes, const QString& ns) const;
};

} // namespace unstuck::sim
