// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/fixes/FixOrder.h"

#include <algorithm>

namespace unstuck {

using namespace Qt::StringLiterals;

namespace {

constexpr const char* kLastResort = "namespace-finalize";

// Bands of the order; within a band, nearer the root first, then the planner's (deepest first).
enum Band : int {
    FindOut = 0,       // a check for what the story could not see
    Root = 100,        // mends the root cause
    RedPath = 200,     // mends a link or component between the root and the subject
    OtherCause = 300,  // another broken link out of the namespace controller
    AlsoFailing = 400, // failing, but not what keeps a namespace stuck
    LaterCheck = 500,  // a check once the repairs are listed
    Workaround = 600,  // unblocks the namespace, leaves the fault
    LastResort = 1000, // force-finalize
};

bool isLink(const QString& id)
{
    return id.contains(QStringLiteral("→"));
}

} // namespace

QString FixOrder::rootTarget(const DiagnosisResult& result)
{
    if (!result.rootCause)
        return {};
    return result.rootCause->component.isEmpty()
               ? ids::link(result.rootCause->from, result.rootCause->to)
               : result.rootCause->component;
}

bool FixOrder::targetFailing(const FixPlan& fix, const DiagnosisResult& result)
{
    if (fix.id == QLatin1String(kLastResort))
        return !result.namespaces.isEmpty();
    if (isLink(fix.appliesTo)) {
        const QString from = fix.appliesTo.section(QStringLiteral("→"), 0, 0),
                      to = fix.appliesTo.section(QStringLiteral("→"), 1);
        const LinkVerdict* link = result.link(from, to);
        return link && (link->state == LinkState::Broken ||
                        (fix.kind == u"check"_s && link->state == LinkState::Unknown));
    }
    const ComponentVerdict* c = result.component(fix.appliesTo);
    return c && (c->state == ComponentState::Failing ||
                 (fix.kind == u"check"_s && c->state == ComponentState::Unknown));
}

int FixOrder::rank(const FixPlan& fix, const DiagnosisResult& result)
{
    if (fix.id == QLatin1String(kLastResort))
        return LastResort;
    const QString root = rootTarget(result);
    const qsizetype at = result.redPath.indexOf(fix.appliesTo);
    // Steps from the root back towards the subject (the red path runs subject → root).
    const int fromRoot = at < 0 ? 0 : int(result.redPath.size() - 1 - at);
    if (fix.kind == u"check"_s)
        return result.rootCause && !result.rootCause->component.isEmpty() ? LaterCheck : FindOut;
    if (fix.kind == u"workaround"_s)
        return Workaround + (at < 0 ? 99 : fromRoot);
    if (fix.appliesTo == root)
        return Root;
    if (at >= 0)
        return RedPath + fromRoot;
    const LinkVerdict* cause =
        result.link(QString::fromLatin1(ids::NamespaceController), fix.appliesTo);
    if (cause && cause->state == LinkState::Broken)
        return OtherCause;
    return AlsoFailing;
}

QList<FixPlan> FixOrder::order(const QList<FixPlan>& fixes, const DiagnosisResult& result)
{
    QList<FixPlan> kept;
    for (const FixPlan& f : fixes)
        if (targetFailing(f, result))
            kept.append(f);
    std::stable_sort(kept.begin(), kept.end(), [&result](const FixPlan& a, const FixPlan& b) {
        return rank(a, result) < rank(b, result);
    });
    return kept;
}

} // namespace unstuck
