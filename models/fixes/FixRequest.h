// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QString>

namespace unstuck {

// One request the fix engine reads or writes with: a Kubernetes REST call or an Alibaba Cloud
// RPC action. It is data first, so the preview, the saved plan, the audit log and the wire all
// show the same request.
struct FixRequest
{
    enum class Api { Kube, Cloud };
    Api api = Api::Kube;
    // Kubernetes: method, path with query, body and its Content-Type.
    QByteArray method = "GET";
    QString path;
    QByteArray body;
    QByteArray contentType;
    // Cloud: product ("ram", "vpc", …), action and parameters; listPath pages a list read
    // (e.g. "RouteEntrys.RouteEntry").
    QString product, action;
    QMap<QString, QString> params;
    QString listPath;
    QString command; // the kubectl / aliyun command a person could type instead

    // A Kubernetes request; writes that take it get fieldManager=unstuck (their managedFields
    // and the cluster's audit log then name us).
    static FixRequest kube(const QByteArray& method, const QString& path,
                           const QByteArray& body = {}, const QByteArray& contentType = {});
    static FixRequest cloud(const QString& product, const QString& action,
                            const QMap<QString, QString>& params = {});

    bool isKube() const { return api == Api::Kube; }
    bool isWrite() const;
    // "DELETE /apis/…/v1beta1.metrics.k8s.io" or "vpc:CreateRouteEntry RouteTableId=vtb-…".
    QString label() const;
    // "ram:CreatePolicyVersion": what RAM authorizes.
    QString ramAction() const { return product + QLatin1Char(':') + action; }
    // The same request as a server-side dry run: ?dryRun=All (and DeleteOptions.dryRun, which a
    // DELETE with a body is read from) for Kubernetes, DryRun=true for the cloud.
    FixRequest asDryRun() const;
    // The exact request as one canonical string (fingerprints, ClientTokens).
    QString canonical() const;

    // Secrets redacted (previews, the audit log); exact only for a saved plan, which is applied
    // as written (and kept 0600).
    QJsonObject toJson(bool redacted = true) const;
    static FixRequest fromJson(const QJsonObject& object);
};

} // namespace unstuck
