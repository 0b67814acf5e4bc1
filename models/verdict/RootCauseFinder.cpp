// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/verdict/RootCauseFinder.h"

namespace unstuck {

// The walk's order: what each component's health depends on. The VPC route table's content
// depends on the route controller (the link is named route-controller→vpc-route-table).
QList<RootCauseFinder::Step> RootCauseFinder::stepsFrom(const DiagnosisResult& result,
                                                        const QString& component)
{
    const QString nc = QString::fromLatin1(ids::NamespaceController),
                  api = QString::fromLatin1(ids::ApiServer),
                  ms = QString::fromLatin1(ids::MetricsServer),
                  vpc = QString::fromLatin1(ids::VpcRouteTable),
                  rc = QString::fromLatin1(ids::RouteController),
                  ram = QString::fromLatin1(ids::RamPolicy);
    QList<Step> steps;
    if (component == nc) {
        steps.append({nc, api, api});
        for (const LinkVerdict& link : result.links)
            if (link.from == nc && link.to != api)
                steps.append({nc, link.to, link.to});
    } else if (component == api) {
        steps.append({api, ms, ms});
    } else if (component == ms) {
        steps.append({ms, vpc, vpc});
    } else if (component == vpc) {
        steps.append({rc, vpc, rc});
    } else if (component == rc) {
        steps.append({rc, ram, ram});
    }
    return steps;
}

bool RootCauseFinder::hasBrokenOnward(const DiagnosisResult& result, const QString& component)
{
    for (const Step& step : stepsFrom(result, component)) {
        const LinkVerdict* link = result.link(step.from, step.to);
        if (link && link->state == LinkState::Broken)
            return true;
    }
    return false;
}

bool RootCauseFinder::walk(DiagnosisResult& result, const QString& start)
{
    QString current = start;
    QStringList path{current};
    const LinkVerdict* lastResort = nullptr;
    for (int guard = 0; guard < 10; ++guard) {
        bool moved = false;
        lastResort = nullptr;
        for (const Step& step : stepsFrom(result, current)) {
            const LinkVerdict* link = result.link(step.from, step.to);
            if (!link || link->state != LinkState::Broken || path.contains(step.next))
                continue;
            const ComponentVerdict* next = result.component(step.next);
            if (next &&
                (next->state == ComponentState::Failing || hasBrokenOnward(result, step.next))) {
                path << link->id() << step.next;
                current = step.next;
                moved = true;
                break;
            }
            if (!lastResort)
                lastResort = link;
        }
        if (!moved)
            break;
    }
    const ComponentVerdict* here = result.component(current);
    if (here && here->state == ComponentState::Failing) {
        result.rootCause = RootCause{current, {}, {}, here->summary, here->summaryZh};
    } else if (lastResort) {
        path << lastResort->id();
        result.rootCause = RootCause{
            {}, lastResort->from, lastResort->to, lastResort->summary, lastResort->summaryZh};
    }
    if (result.rootCause)
        result.redPath = path;
    return result.rootCause.has_value();
}

bool RootCauseFinder::namespacesUnknown(const DiagnosisResult& result)
{
    const ComponentVerdict* nc = result.component(QString::fromLatin1(ids::NamespaceController));
    return nc && nc->state == ComponentState::Unknown;
}

// Nothing is stuck, yet a link fails: the RAM policy still denies the route controller after the
// namespace was force-finalized, say. The next node added gets no route, so that is a finding:
// the walk starts at the first component along the chain that fails or has a broken link onward.
bool RootCauseFinder::findLatent(DiagnosisResult& result)
{
    for (const char* start : {ids::ApiServer, ids::MetricsServer, ids::VpcRouteTable,
                              ids::RouteController, ids::RamPolicy}) {
        const QString id = QString::fromLatin1(start);
        const ComponentVerdict* c = result.component(id);
        if (!c || (c->state != ComponentState::Failing && !hasBrokenOnward(result, id)))
            continue;
        if (!walk(result, id))
            continue;
        RootCause& root = *result.rootCause;
        root.latent = true;
        if (namespacesUnknown(result)) {
            // A paste of a log alone: it shows the failure, not whether a namespace waits on it.
            root.summary += QStringLiteral(" (no namespace is in the input, so which namespace "
                                           "deletion waits on it is not known)");
            root.summaryZh += QStringLiteral("（输入中没有命名空间，因此不知道哪个命名空间的删除在"
                                             "等待它）");
            return true;
        }
        const bool routes = result.redPath.contains(QString::fromLatin1(ids::VpcRouteTable)) ||
                            result.redPath.contains(QString::fromLatin1(ids::RouteController)) ||
                            result.redPath.contains(QString::fromLatin1(ids::RamPolicy));
        root.summary += routes
                            ? QStringLiteral(" (latent: no namespace is stuck now, but the next "
                                             "node added gets no route, and whatever runs on it, "
                                             "such as an aggregated API's backend, cannot be "
                                             "reached)")
                            : QStringLiteral(" (latent: no namespace is stuck now, but the next "
                                             "namespace deletion will wait on it)");
        root.summaryZh +=
            routes ? QStringLiteral("（潜在问题：目前没有卡住的命名空间，但下一个新加入的"
                                    "节点将得不到路由，运行在其上的服务（如聚合 API "
                                    "的后端）将无法访问）")
                   : QStringLiteral("（潜在问题：目前没有卡住的命名空间，但下一次删除"
                                    "命名空间时会卡在这里）");
        return true;
    }
    return false;
}

void RootCauseFinder::find(DiagnosisResult& result)
{
    result.rootCause.reset();
    result.redPath.clear();
    if (walk(result, QString::fromLatin1(ids::NamespaceController)))
        return;
    if (result.namespaces.isEmpty())
        findLatent(result);
}

} // namespace unstuck
