// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/kubeapi/KubeCoreHandler.h"

#include "models/sim/ApiCatalog.h"
#include "models/sim/KubeStore.h"
#include "models/sim/KubeWatch.h"
#include "models/sim/ListFilter.h"
#include "models/sim/SimWorld.h"
#include "models/sim/TableWriter.h"
#include "models/sim/kubeapi/KubeListBody.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace unstuck::sim {

namespace {

bool wantsTable(const HttpRequest& r)
{
    return r.header("accept").contains("as=Table");
}

} // namespace

KubeCoreHandler::KubeCoreHandler(SimWorld& world) : KubeHandler(world) {}

HttpResponse KubeCoreHandler::list(const HttpRequest& request, const ApiResource& resource,
                                   const QString& ns)
{
    ListFilter filter;
    QString error;
    if (!filter.parse(
            request.query.queryItemValue(QStringLiteral("labelSelector"), QUrl::FullyDecoded),
            request.query.queryItemValue(QStringLiteral("fieldSelector"), QUrl::FullyDecoded),
            &error))
        return status(400, QStringLiteral("BadRequest"), error);
    const QString watchParam = request.query.queryItemValue(QStringLiteral("watch"));
    if (watchParam == QLatin1String("true") || watchParam == QLatin1String("1"))
        return watch(request, resource, ns, filter);
    QList<StoredObject> items;
    for (const StoredObject& o : m_world.kube().listStored(resource.storeName(), ns))
        if (filter.matches(o.object()))
            items << o;
    int offset = 0;
    const QString cont =
        request.query.queryItemValue(QStringLiteral("continue"), QUrl::FullyDecoded);
    if (!cont.isEmpty()) {
        const QJsonObject token =
            QJsonDocument::fromJson(QByteArray::fromBase64(cont.toLatin1())).object();
        if (!token.contains(QLatin1String("start")))
            return status(400, QStringLiteral("BadRequest"),
                          QStringLiteral("continue key is not valid: illegal base64 data"));
        offset = token.value(QLatin1String("start")).toInt();
    }
    const int limit = request.query.queryItemValue(QStringLiteral("limit")).toInt();
    QJsonObject listMeta{
        {QStringLiteral("resourceVersion"), QString::number(m_world.kube().resourceVersion())}};
    QList<StoredObject> page = items.mid(offset);
    if (limit > 0 && page.size() > limit) {
        page = page.mid(0, limit);
        const QJsonObject token{{QStringLiteral("v"), QStringLiteral("meta.k8s.io/v1")},
                                {QStringLiteral("rv"), m_world.kube().resourceVersion()},
                                {QStringLiteral("start"), offset + limit}};
        listMeta.insert(QStringLiteral("continue"), QString::fromLatin1(toJson(token).toBase64()));
        listMeta.insert(QStringLiteral("remainingItemCount"), items.size() - offset - limit);
    }
    if (wantsTable(request)) {
        const QString include = request.query.queryItemValue(QStringLiteral("includeObject"));
        const auto mode = include == QLatin1String("Object") ? TableWriter::Include::Object
                          : include == QLatin1String("None") ? TableWriter::Include::None
                                                             : TableWriter::Include::Metadata;
        QList<QJsonObject> typed;
        for (const StoredObject& o : page)
            typed << withTypeMeta(o.object(), resource);
        return ok(TableWriter::table(resource.kind, typed, mode, listMeta));
    }
    return HttpResponse::json(200, KubeListBody::build(resource, page, listMeta));
}

// ?watch=true: the initial events, then a stream of the store's changes (as Table rows when
// kubectl asks for them).
HttpResponse KubeCoreHandler::watch(const HttpRequest& request, const ApiResource& resource,
                                    const QString& ns, const ListFilter& filter)
{
    const bool table = wantsTable(request);
    const ApiResource r = resource;
    auto render = [r, table](const QJsonObject& o) {
        const QJsonObject typed = withTypeMeta(o, r);
        return table ? TableWriter::table(r.kind, {typed}, TableWriter::Include::Metadata,
                                          QJsonObject())
                     : typed;
    };
    const int timeout = request.query.queryItemValue(QStringLiteral("timeoutSeconds")).toInt();
    auto stream = std::make_shared<KubeWatch>(m_world.kube(), resource.storeName(), ns, filter,
                                              render, timeout > 0 ? timeout : 1800);
    HttpResponse streaming = ok(QJsonObject());
    streaming.body =
        stream->initialEvents(request.query.queryItemValue(QStringLiteral("resourceVersion")));
    streaming.stream = stream;
    return streaming;
}

HttpResponse KubeCoreHandler::getOne(const HttpRequest& request, const ApiResource& resource,
                                     const QString& ns, const QString& name)
{
    const auto o = m_world.kube().get(resource.storeName(), ns, name);
    if (!o)
        return notFound(resource.group, resource.plural, name);
    if (wantsTable(request)) {
        const QString include = request.query.queryItemValue(QStringLiteral("includeObject"));
        return ok(
            TableWriter::table(resource.kind, {withTypeMeta(*o, resource)},
                               include == QLatin1String("Object") ? TableWriter::Include::Object
                                                                  : TableWriter::Include::Metadata,
                               QJsonObject{{QStringLiteral("resourceVersion"),
                                            meta(*o).value(QLatin1String("resourceVersion"))}}));
    }
    return ok(withTypeMeta(*o, resource));
}

HttpResponse KubeCoreHandler::podLog(const HttpRequest& request, const QString& ns,
                                     const QString& name)
{
    const KubeStore& store = m_world.kube();
    const auto pod = store.get(QStringLiteral("pods"), ns, name);
    if (!pod)
        return notFound({}, QStringLiteral("pods"), name);
    QStringList containers;
    for (const QJsonValue& c :
         pod->value(QLatin1String("spec")).toObject().value(QLatin1String("containers")).toArray())
        containers << c.toObject().value(QLatin1String("name")).toString();
    QString container = request.query.queryItemValue(QStringLiteral("container"));
    if (container.isEmpty())
        container = containers.value(0);
    if (!containers.contains(container))
        return status(400, QStringLiteral("BadRequest"),
                      QStringLiteral("container %1 is not valid for pod %2").arg(container, name));
    if (request.query.queryItemValue(QStringLiteral("previous")) == QLatin1String("true"))
        return status(400, QStringLiteral("BadRequest"),
                      QStringLiteral("previous terminated container \"%1\" in pod \"%2\" not found")
                          .arg(container, name));
    QStringList lines = store.podLog(ns, name);
    QList<qint64> times = store.podLogTimes(ns, name);
    bool ok = false;
    const int tail = request.query.queryItemValue(QStringLiteral("tailLines")).toInt(&ok);
    if (ok && tail >= 0 && tail < lines.size()) {
        lines = lines.mid(lines.size() - tail);
        times = times.mid(times.size() - tail);
    }
    const bool timestamps =
        request.query.queryItemValue(QStringLiteral("timestamps")) == QLatin1String("true");
    QByteArray body;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (timestamps) {
            const QDateTime t = QDateTime::fromMSecsSinceEpoch(times.value(i), Qt::UTC);
            body += t.toString(QStringLiteral("yyyy-MM-ddThh:mm:ss.zzz")).toLatin1() + "000000Z ";
        }
        body += lines[i].toUtf8() + '\n';
    }
    return HttpResponse::text(200, body);
}

} // namespace unstuck::sim
