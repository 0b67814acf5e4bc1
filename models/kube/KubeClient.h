// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/kube/KubeError.h"
#include "models/kube/Kubeconfig.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <functional>
#include <memory>

namespace unstuck {

struct KubeResponse
{
    int httpStatus = 0;
    QByteArray body;          // raw (decompressed) body
    QByteArray contentType;
    QJsonObject json;         // parsed when the body is a JSON object
    KubeError error;          // kind None on success
    qint64 elapsedMs = 0;
};

// Asynchronous Kubernetes REST client for one resolved kubeconfig context. One instance owns
// its QNetworkAccessManager; callbacks run on the owner's thread and are dropped if `context`
// (the receiver) is destroyed first.
class KubeClient : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const KubeResponse&)>;

    explicit KubeClient(ResolvedContext context, QObject* parent = nullptr);
    ~KubeClient() override;

    void setTimeoutMs(int ms);
    void setMaxRetries(int retries);

    // path includes the query, e.g. "/api/v1/namespaces?fieldSelector=status.phase%3DTerminating".
    void get(const QString& path, QObject* receiver, Callback callback);
    void request(const QByteArray& method, const QString& path, const QByteArray& body,
                 const QByteArray& contentType, QObject* receiver, Callback callback);
    // GETs every page of a list (limit/continue) and returns one List with all items.
    void list(const QString& path, QObject* receiver, Callback callback, int pageSize = 500);

    const ResolvedContext& context() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace unstuck
