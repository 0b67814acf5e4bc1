// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/common/Bilingual.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QString>
#include <functional>

namespace unstuck {

// One question a probe asks: a Kubernetes GET or a cloud API action.
struct SourceQuery
{
    enum class Kind { Kube, Cloud };
    Kind kind = Kind::Kube;
    // Kube: path with query, e.g. "/api/v1/namespaces?fieldSelector=status.phase%3DTerminating".
    QString path;
    bool allPages = false; // Kube lists: follow limit/continue; Cloud: follow paging (listPath)
    // Kube: Accept header when not plain JSON (aggregated discovery asks for
    // "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,...").
    QByteArray accept;
    // Cloud: product "vpc"|"ecs"|"ram"|"sts", action, parameters, and for paging the list path
    // such as "RouteEntrys.RouteEntry".
    QString product, action;
    QMap<QString, QString> params;
    QString listPath;

    // Canonical key: "GET <path>" or "<product>:<Action> k=v&k=v" (params sorted). Bundles and
    // pasted input are indexed by it.
    QString key() const
    {
        if (kind == Kind::Kube) {
            if (accept.contains("apidiscovery"))
                return QStringLiteral("GET ") + path + QStringLiteral(" [aggregated]");
            return QStringLiteral("GET ") + path;
        }
        QString k = product + QLatin1Char(':') + action;
        QString sep = QStringLiteral(" ");
        for (auto it = params.cbegin(); it != params.cend(); ++it) {
            k += sep + it.key() + QLatin1Char('=') + it.value();
            sep = QStringLiteral("&");
        }
        return k;
    }
};

// What came back. error is empty on success.
struct SourceAnswer
{
    int status = 0;  // HTTP status, 0 when none
    QByteArray body; // raw body (redacted in bundles)
    QByteArray contentType;
    QJsonObject json; // parsed body when it is a JSON object
    // "" ok | "missing" (not in the bundle/pasted input) | "unreachable" | "timeout" | "tls" |
    // "unauthorized" | "forbidden" | "notfound" | "unavailable" | "server" | "badresponse" |
    // "cancelled" | "config" | "api" (cloud error with errorCode)
    QString error;
    QString errorCode; // cloud Code ("Forbidden.RAM") or Status.reason
    QString message;   // user-facing
    QDateTime at;
    qint64 elapsedMs = 0;
    QString origin; // "" (live) | "bundle:<file>" | "paste:<file>[, <file>…]" — for Evidence.source
    bool ok() const { return error.isEmpty(); }
};

// Where probes get their answers: live HTTPS, a recorded bundle, or pasted ticket text. Probes
// do not know which. Callbacks are dropped when `receiver` is destroyed.
class DiagnosisSource : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const SourceAnswer&)>;
    using QObject::QObject;

    virtual void fetch(const SourceQuery& query, QObject* receiver, Callback callback) = 0;
    virtual QString kind() const = 0;        // "live" | "bundle" | "paste"
    virtual QString contextName() const = 0; // kube context, bundle file, or pasted folder
    // Whether cloud questions can be asked at all; when not, why (shown as the unknown reason).
    virtual bool hasCloud() const = 0;
    virtual QString cloudUnavailableReason() const { return {}; }
    // The namespace a recorded run was limited to (a bundle made with --namespace), so that a
    // replay without --namespace asks what was recorded; empty for live and pasted input.
    virtual QString recordedNamespace() const { return {}; }
    // What the user should know about how this source connects, e.g. that TLS verification is
    // off; every output shows them.
    virtual QList<Bilingual> warnings() const { return {}; }
    virtual void cancelAll() {}
};

} // namespace unstuck
