// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/NamespaceControllerSim.h"

#include "models/sim/ApiCatalog.h"
#include "models/sim/Klog.h"
#include "models/sim/KubeStore.h"
#include "models/sim/SimWorld.h"

#include <QDateTime>
#include <QJsonArray>
#include <QMap>
#include <QStringList>

namespace unstuck::sim {

namespace {

QJsonObject meta(const QJsonObject& o)
{
    return o.value(QLatin1String("metadata")).toObject();
}

struct Condition
{
    const char* type;
    bool failing;
    QString reason;
    QString message;
};

} // namespace

NamespaceControllerSim::NamespaceControllerSim(SimWorld& world) : m_world(world) {}

void NamespaceControllerSim::reconcile()
{
    for (const QJsonObject& ns : m_world.kube().list(QStringLiteral("namespaces")))
        if (!meta(ns).value(QLatin1String("deletionTimestamp")).toString().isEmpty())
            process(ns);
}

void NamespaceControllerSim::logFailure(const QString& ns, const QString& error)
{
    // The work queue's exponential backoff (5 ms doubling, at most 60 s) paces the log.
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    Backoff& b = m_backoff[ns];
    if (nowMs < b.nextLogMs)
        return;
    b.failures = qMin(b.failures + 1, 30);
    b.nextLogMs = nowMs + qMin<qint64>(60000, qint64(5) << qMin(b.failures, 14));
    KubeStore& kube = m_world.kube();
    // Before 1.31 HandleError printed the bare message; since then the structured form.
    const QString message = QStringLiteral("deletion of namespace %1 failed: %2").arg(ns, error);
    const QString line =
        m_world.legacyDiscovery()
            ? Klog::line(QLatin1Char('E'), QStringLiteral("namespace_controller.go:162"), message)
            : Klog::unhandledError(QStringLiteral("namespace_controller.go:164"), message);
    for (const QJsonObject& pod : kube.list(QStringLiteral("pods"), QStringLiteral("kube-system")))
        if (meta(pod)
                .value(QLatin1String("labels"))
                .toObject()
                .value(QLatin1String("component"))
                .toString() == QLatin1String("kube-controller-manager"))
            kube.appendPodLog(QStringLiteral("kube-system"),
                              meta(pod).value(QLatin1String("name")).toString(), line);
}

void NamespaceControllerSim::process(QJsonObject ns)
{
    KubeStore& kube = m_world.kube();
    const QString nsName = meta(ns).value(QLatin1String("name")).toString();
    QJsonObject status = ns.value(QLatin1String("status")).toObject();
    const QJsonArray specFinalizers =
        ns.value(QLatin1String("spec")).toObject().value(QLatin1String("finalizers")).toArray();
    if (specFinalizers.isEmpty()) {
        if (meta(ns).value(QLatin1String("finalizers")).toArray().isEmpty()) {
            kube.remove(QStringLiteral("namespaces"), {}, nsName);
            m_backoff.remove(nsName);
        }
        return;
    }

    // 1. Discovery: every unavailable aggregated group version is an error.
    QStringList errors;
    const QStringList failing = ApiCatalog::unavailableGroupVersions(kube);
    QString discoveryError;
    if (!failing.isEmpty()) {
        QStringList parts;
        for (const QString& gv : failing)
            parts << (m_world.legacyDiscovery()
                          ? QStringLiteral(
                                "%1: the server is currently unable to handle the request")
                                .arg(gv)
                          : QStringLiteral("%1: stale GroupVersion discovery: %1").arg(gv));
        discoveryError = QStringLiteral("unable to retrieve the complete list of server APIs: %1")
                             .arg(parts.join(QStringLiteral(", ")));
        errors << discoveryError;
    }

    // 2. Delete what can be deleted, with the partial list (discovery errors are not fatal).
    QStringList contentFailures;
    QMap<QString, int> remaining;           // "configmaps." / "widgets.example.com" -> count
    QMap<QString, int> finalizersRemaining; // finalizer -> count
    for (const ApiResource& r : ApiCatalog::deletableNamespacedResources(kube)) {
        const QList<QJsonObject> items = kube.list(r.storeName(), nsName);
        if (items.isEmpty())
            continue;
        if (const auto denied =
                m_world.admissionError(QStringLiteral("DELETE"), r.group, r.plural)) {
            contentFailures << QStringLiteral("Internal error occurred: %1").arg(*denied);
            remaining[r.plural + QLatin1Char('.') + r.group] += static_cast<int>(items.size());
            continue;
        }
        for (QJsonObject item : items) {
            QJsonObject m = meta(item);
            const QJsonArray finalizers = m.value(QLatin1String("finalizers")).toArray();
            if (finalizers.isEmpty()) {
                kube.remove(r.storeName(), nsName, m.value(QLatin1String("name")).toString());
                continue;
            }
            if (m.value(QLatin1String("deletionTimestamp")).toString().isEmpty()) {
                m.insert(QStringLiteral("deletionTimestamp"),
                         QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
                m.insert(QStringLiteral("deletionGracePeriodSeconds"), 0);
                item.insert(QStringLiteral("metadata"), m);
                kube.put(r.storeName(), item);
            }
            remaining[r.plural + QLatin1Char('.') + r.group] += 1;
            for (const QJsonValue& f : finalizers)
                finalizersRemaining[f.toString()] += 1;
        }
    }
    contentFailures.sort();
    if (!contentFailures.isEmpty())
        errors << contentFailures;

    // 3. The five conditions, in the controller's order.
    QStringList remainingParts;
    for (auto it = remaining.begin(); it != remaining.end(); ++it)
        remainingParts
            << QStringLiteral("%1 has %2 resource instances").arg(it.key()).arg(it.value());
    QStringList finalizerParts;
    for (auto it = finalizersRemaining.begin(); it != finalizersRemaining.end(); ++it)
        finalizerParts
            << QStringLiteral("%1 in %2 resource instances").arg(it.key()).arg(it.value());
    remainingParts.sort();
    finalizerParts.sort();
    const QList<Condition> conditions{
        {"NamespaceDeletionDiscoveryFailure", !failing.isEmpty(),
         failing.isEmpty() ? QStringLiteral("ResourcesDiscovered")
                           : QStringLiteral("DiscoveryFailed"),
         failing.isEmpty() ? QStringLiteral("All resources successfully discovered")
                           : QStringLiteral("Discovery failed for some groups, %1 failing: %2")
                                 .arg(failing.size())
                                 .arg(discoveryError)},
        {"NamespaceDeletionGroupVersionParsingFailure", false,
         QStringLiteral("ParsedGroupVersions"),
         QStringLiteral("All legacy kube types successfully parsed")},
        {"NamespaceDeletionContentFailure", !contentFailures.isEmpty(),
         contentFailures.isEmpty() ? QStringLiteral("ContentDeleted")
                                   : QStringLiteral("ContentDeletionFailed"),
         contentFailures.isEmpty()
             ? QStringLiteral("All content successfully deleted, may be waiting on finalization")
             : QStringLiteral("Failed to delete all resource types, %1 remaining: %2")
                   .arg(contentFailures.size())
                   .arg(contentFailures.join(QStringLiteral(", ")))},
        {"NamespaceContentRemaining", !remainingParts.isEmpty(),
         remainingParts.isEmpty() ? QStringLiteral("ContentRemoved")
                                  : QStringLiteral("SomeResourcesRemain"),
         remainingParts.isEmpty() ? QStringLiteral("All content successfully removed")
                                  : QStringLiteral("Some resources are remaining: %1")
                                        .arg(remainingParts.join(QStringLiteral(", ")))},
        {"NamespaceFinalizersRemaining", !finalizerParts.isEmpty(),
         finalizerParts.isEmpty() ? QStringLiteral("ContentHasNoFinalizers")
                                  : QStringLiteral("SomeFinalizersRemain"),
         finalizerParts.isEmpty()
             ? QStringLiteral("All content-preserving finalizers finished")
             : QStringLiteral("Some content in the namespace has finalizers remaining: %1")
                   .arg(finalizerParts.join(QStringLiteral(", ")))}};
    const QJsonArray oldConditions = status.value(QLatin1String("conditions")).toArray();
    const QString nowText = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    QJsonArray next;
    for (const Condition& c : conditions) {
        const QString type = QString::fromLatin1(c.type);
        const QString st = c.failing ? QStringLiteral("True") : QStringLiteral("False");
        QString transition = nowText;
        for (const QJsonValue& o : oldConditions)
            if (o.toObject().value(QLatin1String("type")).toString() == type &&
                o.toObject().value(QLatin1String("status")).toString() == st)
                transition = o.toObject().value(QLatin1String("lastTransitionTime")).toString();
        next.append(QJsonObject{{QStringLiteral("type"), type},
                                {QStringLiteral("status"), st},
                                {QStringLiteral("lastTransitionTime"), transition},
                                {QStringLiteral("reason"), c.reason},
                                {QStringLiteral("message"), c.message}});
    }
    if (next != oldConditions ||
        status.value(QLatin1String("phase")).toString() != QLatin1String("Terminating")) {
        status.insert(QStringLiteral("phase"), QStringLiteral("Terminating"));
        status.insert(QStringLiteral("conditions"), next);
        ns.insert(QStringLiteral("status"), status);
        ns = kube.put(QStringLiteral("namespaces"), ns);
    }

    if (!errors.isEmpty()) {
        logFailure(nsName,
                   errors.size() == 1
                       ? errors.first()
                       : QLatin1Char('[') + errors.join(QStringLiteral(", ")) + QLatin1Char(']'));
        return;
    }
    if (!remaining.isEmpty())
        return; // ResourcesRemainingError: retried quietly until the finalizers go
    // 4. Finalize: drop "kubernetes" from spec.finalizers (PUT .../finalize).
    QJsonArray kept;
    for (const QJsonValue& f : specFinalizers)
        if (f.toString() != QLatin1String("kubernetes"))
            kept.append(f);
    QJsonObject spec = ns.value(QLatin1String("spec")).toObject();
    spec.insert(QStringLiteral("finalizers"), kept);
    ns.insert(QStringLiteral("spec"), spec);
    m_backoff.remove(nsName);
    if (kept.isEmpty() && meta(ns).value(QLatin1String("finalizers")).toArray().isEmpty())
        kube.remove(QStringLiteral("namespaces"), {}, nsName);
    else
        kube.put(QStringLiteral("namespaces"), ns);
}

} // namespace unstuck::sim
