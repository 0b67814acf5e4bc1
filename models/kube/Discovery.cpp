// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/kube/Discovery.h"

#include <QJsonObject>
#include <algorithm>

namespace unstuck {
namespace {

const QString kAggregatedList = QStringLiteral("APIGroupDiscoveryList");

// The aggregated format names resources differently; keep APIResource's field names so
// callers read one shape whichever way discovery went.
QJsonArray toApiResources(const QJsonArray& aggregated)
{
    QJsonArray out;
    for (const QJsonValue& v : aggregated) {
        const QJsonObject r = v.toObject();
        out.append(QJsonObject{
            {QStringLiteral("name"), r.value(QStringLiteral("resource"))},
            {QStringLiteral("namespaced"),
             r.value(QStringLiteral("scope")).toString() == QLatin1String("Namespaced")},
            {QStringLiteral("kind"),
             r.value(QStringLiteral("responseKind")).toObject().value(QStringLiteral("kind"))},
            {QStringLiteral("verbs"), r.value(QStringLiteral("verbs"))}});
    }
    return out;
}

} // namespace

QList<DiscoveryGroupVersion> DiscoveryResult::failed() const
{
    QList<DiscoveryGroupVersion> out;
    for (const DiscoveryGroupVersion& gv : groupVersions) {
        if (!gv.ok)
            out << gv;
    }
    return out;
}

QString DiscoveryResult::aggregateMessage() const
{
    QStringList parts;
    for (const DiscoveryGroupVersion& gv : failed())
        parts << QStringLiteral("%1: %2").arg(gv.groupVersion, gv.message);
    if (parts.isEmpty())
        return {};
    std::sort(parts.begin(), parts.end());
    return QStringLiteral("unable to retrieve the complete list of server APIs: ") +
           parts.join(QStringLiteral(", "));
}

KubeDiscovery::KubeDiscovery(KubeClient* client, QObject* parent)
    : QObject(parent), m_client(client)
{}

QByteArray KubeDiscovery::aggregatedAccept()
{
    return QByteArrayLiteral("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
                             "application/json;g=apidiscovery.k8s.io;v=v2beta1;as="
                             "APIGroupDiscoveryList,application/json");
}

void KubeDiscovery::run()
{
    if (m_running || !m_client)
        return;
    m_running = true;
    ++m_generation;
    m_result = DiscoveryResult{};
    m_api = m_apis = KubeResponse{};
    m_rootsAnswered = 0;
    m_pending = 0;
    m_timer.start();
    fetchRoot(QStringLiteral("/api"), &m_api);
    fetchRoot(QStringLiteral("/apis"), &m_apis);
}

void KubeDiscovery::fetchRoot(const QString& path, KubeResponse* slot)
{
    KubeRequest request;
    request.path = path;
    request.accept = m_useAggregated ? aggregatedAccept() : QByteArray("application/json");
    const quint64 generation = m_generation;
    m_client->send(request, this, [this, path, slot, generation, request](const KubeResponse& r) {
        if (generation != m_generation)
            return;
        addRecord(request.accept, path, r);
        *slot = r;
        if (++m_rootsAnswered == 2)
            onRootsAnswered();
    });
}

void KubeDiscovery::onRootsAnswered()
{
    for (const KubeResponse* root : {&m_api, &m_apis}) {
        if (!root->error.ok()) {
            // Without the group list nothing can be listed: the whole discovery failed.
            m_result.error = root->error;
            finishIfIdle();
            return;
        }
    }
    readRoot(m_api.json, true);
    readRoot(m_apis.json, false);
    finishIfIdle();
}

void KubeDiscovery::readRoot(const QJsonObject& json, bool core)
{
    const QString kind = json.value(QStringLiteral("kind")).toString();
    if (kind == kAggregatedList) {
        m_result.aggregated = true;
        m_result.groupVersions << aggregatedGroupVersions(json);
        return;
    }
    if (core) {
        for (const QJsonValue& v : json.value(QStringLiteral("versions")).toArray())
            fetchGroupVersion(v.toString());
        return;
    }
    for (const QJsonValue& g : json.value(QStringLiteral("groups")).toArray()) {
        for (const QJsonValue& v : g.toObject().value(QStringLiteral("versions")).toArray())
            fetchGroupVersion(v.toObject().value(QStringLiteral("groupVersion")).toString());
    }
}

QList<DiscoveryGroupVersion> KubeDiscovery::aggregatedGroupVersions(const QJsonObject& list)
{
    QList<DiscoveryGroupVersion> groupVersions;
    for (const QJsonValue& item : list.value(QStringLiteral("items")).toArray()) {
        const QJsonObject group = item.toObject();
        const QString name = group.value(QStringLiteral("metadata"))
                                 .toObject()
                                 .value(QStringLiteral("name"))
                                 .toString();
        for (const QJsonValue& v : group.value(QStringLiteral("versions")).toArray()) {
            const QJsonObject version = v.toObject();
            DiscoveryGroupVersion gv;
            const QString ver = version.value(QStringLiteral("version")).toString();
            gv.groupVersion = name.isEmpty() ? ver : name + QLatin1Char('/') + ver;
            gv.stale =
                version.value(QStringLiteral("freshness")).toString() == QLatin1String("Stale");
            gv.ok = !gv.stale;
            gv.resources = toApiResources(version.value(QStringLiteral("resources")).toArray());
            if (gv.stale) {
                gv.reason = QStringLiteral("Stale");
                gv.message =
                    QStringLiteral("stale GroupVersion discovery: %1").arg(gv.groupVersion);
                gv.error.kind = KubeError::Kind::ServiceUnavailable;
                gv.error.reason = gv.reason;
                gv.error.message = gv.message;
            }
            groupVersions << gv;
        }
    }
    return groupVersions;
}

void KubeDiscovery::fetchGroupVersion(const QString& gv)
{
    if (gv.isEmpty())
        return;
    KubeRequest request;
    request.path =
        (gv.contains(QLatin1Char('/')) ? QStringLiteral("/apis/") : QStringLiteral("/api/")) + gv;
    request.timeoutMs = m_gvTimeoutMs;
    request.maxRetries = 1; // discovery must stay fast; the client retries a dead APIService once
    ++m_pending;
    const quint64 generation = m_generation;
    m_client->send(request, this, [this, gv, request, generation](const KubeResponse& r) {
        if (generation != m_generation)
            return;
        addRecord(QByteArray("application/json"), request.path, r);
        onGroupVersion(gv, r);
        --m_pending;
        finishIfIdle();
    });
}

void KubeDiscovery::onGroupVersion(const QString& name, const KubeResponse& response)
{
    DiscoveryGroupVersion gv;
    gv.groupVersion = name;
    gv.httpStatus = response.httpStatus;
    gv.error = response.error;
    gv.ok = response.error.ok();
    if (gv.ok) {
        gv.resources = response.json.value(QStringLiteral("resources")).toArray();
    } else {
        gv.reason = response.error.reason;
        gv.message = response.error.message;
    }
    m_result.groupVersions << gv;
}

void KubeDiscovery::finishIfIdle()
{
    if (m_pending > 0 || m_rootsAnswered < 2 || !m_running)
        return;
    std::sort(m_result.groupVersions.begin(), m_result.groupVersions.end(),
              [](const DiscoveryGroupVersion& a, const DiscoveryGroupVersion& b) {
                  return a.groupVersion < b.groupVersion;
              });
    m_result.elapsedMs = m_timer.elapsed();
    m_running = false;
    Q_EMIT finished(m_result);
}

void KubeDiscovery::addRecord(const QByteArray& accept, const QString& path,
                              const KubeResponse& response)
{
    KubeRequestRecord rec;
    rec.method = "GET";
    rec.path = path;
    rec.accept = accept;
    rec.elapsedMs = response.elapsedMs;
    rec.startedAt = QDateTime::currentDateTimeUtc().addMSecs(-response.elapsedMs);
    rec.attempt = response.attempts;
    rec.httpStatus = response.httpStatus;
    rec.contentType = response.contentType;
    rec.errorKind = response.error.kind;
    rec.errorMessage = response.error.message;
    m_result.requests << rec;
}

} // namespace unstuck
