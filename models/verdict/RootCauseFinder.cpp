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

void RootCauseFinder::find(DiagnosisResult& result)
{
    result.rootCause.reset();
    result.redPath.clear();
    QString current = QString::fromLatin1(ids::NamespaceController);
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
}

} // namespace unstuck
