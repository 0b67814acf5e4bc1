// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sim/HttpMessage.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace unstuck::sim {

class SimWorld;
struct ApiResource;

// Base of the simulated kube-apiserver's handlers (one per API family): the world they serve
// and the answers every family writes alike, so a Status error looks the same from each of them.
class KubeHandler
{
public:
    // Status error bodies exactly as the API server writes them.
    static HttpResponse status(int code, const QString& reason, const QString& message,
                               const QJsonObject& details = {});
    static HttpResponse notFound(const QString& group, const QString& plural, const QString& name);

    static QByteArray toJson(const QJsonObject& o);
    static HttpResponse ok(const QJsonObject& o, int code = 200);
    static QString now();
    static QJsonObject meta(const QJsonObject& o);
    // "namespaces", "deployments.apps": the resource as error messages name it.
    static QString qualified(const QString& group, const QString& plural);
    static QJsonObject withTypeMeta(QJsonObject o, const ApiResource& r);

protected:
    explicit KubeHandler(SimWorld& world);

    SimWorld& m_world;
};

} // namespace unstuck::sim
