// SPDX-License-Identifier: GPL-3.0-or-later
// TEMPORARY scaffolding so the simulator links while its cloud side is written (issue 3).
// The cloud-side author deletes this file when CloudWorld.cpp, CloudApi.cpp and
// RouteControllerSim.cpp exist.
#include "models/sim/CloudApi.h"
#include "models/sim/CloudWorld.h"
#include "models/sim/RouteControllerSim.h"

namespace unstuck::sim {

struct CloudWorld::Private
{
};
CloudWorld::CloudWorld(QObject* parent) : QObject(parent), d(new Private) {}
CloudWorld::~CloudWorld() { delete d; }
void CloudWorld::populate(const QString&, const KubeStore&) {}
bool CloudWorld::routesToInstance(const QString&, const QString&) const { return true; }
QString CloudWorld::regionId() const { return QStringLiteral("cn-hangzhou"); }
QString CloudWorld::vpcId() const { return {}; }
QString CloudWorld::userAccessKeyId() const { return {}; }
QString CloudWorld::userAccessKeySecret() const { return {}; }

CloudApi::CloudApi(CloudWorld& world) : m_world(world) {}
HttpResponse CloudApi::handle(const HttpRequest&)
{
    return HttpResponse::json(501, R"({"Code":"NotImplemented","Message":"cloud side pending"})");
}

RouteControllerSim::RouteControllerSim(KubeStore& kube, CloudWorld& cloud)
    : m_kube(kube), m_cloud(cloud)
{
}
void RouteControllerSim::reconcile() {}

} // namespace unstuck::sim
