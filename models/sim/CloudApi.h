// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sim/CloudAccount.h"
#include "models/sim/HttpMessage.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace unstuck::sim {

class CloudWorld;

// Serves the Alibaba Cloud RPC OpenAPI (VPC, ECS, RAM, STS) of the simulated account:
// verifies signatures (V1 and V3), enforces the caller's RAM policies, then hands the action to
// its product's handler (models/sim/cloudapi/). Requests are routed by Action + Version (every
// product answers on one endpoint).
class CloudApi
{
public:
    explicit CloudApi(CloudWorld& world);
    HttpResponse handle(const HttpRequest& request);

    // In-process call signed with `key` (the route controller sim calling as the master
    // role): builds a V1-signed GET request and passes it through handle(), so the call goes
    // through exactly the same signature and RAM checks as one from the network.
    HttpResponse callAs(const SimAccessKey& key, const QString& action, const QString& version,
                        const QMap<QString, QString>& params);

    // The API version of a product ("vpc" → "2016-04-28"), "" when unknown.
    static QString versionOf(const QString& product);

private:
    CloudWorld& m_world;
};

} // namespace unstuck::sim
