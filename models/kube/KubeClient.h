// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/kube/KubeError.h"
#include "models/kube/Kubeconfig.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QProcessEnvironment>
#include <functional>
#include <memory>

namespace unstuck {

struct KubeResponse
{
    int httpStatus = 0;
    QByteArray body; // raw (decompressed) body
    QByteArray contentType;
    QJsonObject json; // parsed when the body is a JSON object
    KubeError error;  // kind None on success
    qint64 elapsedMs = 0;
    int attempts = 1; // 1 + retries
    // The API server's Audit-Id response header: joins this call to the cluster's audit log.
    QByteArray auditId;
};

// A request with the options discovery and probes need beyond a plain GET.
struct KubeRequest
{
    QByteArray method = "GET";
    QString path; // with query
    QByteArray body;
    QByteArray contentType;
    QByteArray accept;   // empty = application/json
    int timeoutMs = -1;  // -1 = the client's timeout
    int maxRetries = -1; // -1 = the client's setting
    // Empty = "unstuck/<version>"; fixes add what they are, e.g. "unstuck/0.4.0 (fix/…)", so the
    // cluster's audit log names them.
    QByteArray userAgent;
};

// One attempt on the wire, kept as evidence (what was asked, what came back, when).
struct KubeRequestRecord
{
    QByteArray method;
    QString path;
    QByteArray accept;
    QDateTime startedAt;
    qint64 elapsedMs = 0;
    int attempt = 1;
    int httpStatus = 0;
    QByteArray contentType;
    KubeError::Kind errorKind = KubeError::Kind::None;
    QString errorMessage;
};

// Asynchronous Kubernetes REST client for one resolved kubeconfig context. One instance owns
// its QNetworkAccessManager; callbacks run on the owner's thread and are dropped if `context`
// (the receiver) is destroyed first. Reads are retried on 429/5xx; writes only on 429 (the API
// server's flow control turned them away before they ran), never on a 5xx that may have applied.
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

    void send(const KubeRequest& request, QObject* receiver, Callback callback);

    // Aborts every request in flight, queued behind the exec plugin or waiting to retry; their
    // callbacks get KubeError::Kind::Cancelled (unless their receiver is gone).
    void cancelAll();

    const ResolvedContext& context() const;

    // Environment for exec credential plugins and, without proxy-url, HTTPS_PROXY/NO_PROXY
    // (default: this process's environment). Call before the first request.
    void setProcessEnvironment(const QProcessEnvironment& env);
    // First backoff step when the server sent no Retry-After (doubles per retry).
    void setRetryBaseDelayMs(int ms);
    // How many times an exec plugin ran (0 when the user has none).
    int execPluginRuns() const;
    // Every attempt made so far (bounded to the last 2000).
    QList<KubeRequestRecord> requestLog() const;

    // Maps a non-2xx answer the way client-go does: a Status body is used as is; anything
    // else (e.g. the aggregator's text/plain "service unavailable") gets a synthesised Status.
    static KubeError errorFromResponse(int httpStatus, const QByteArray& body,
                                       const QByteArray& contentType);
    // The server base URL joined with a path (keeps a server path prefix such as Rancher's).
    static QString joinUrl(const QString& server, const QString& path);

Q_SIGNALS:
    void requestRecorded(const unstuck::KubeRequestRecord& record);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace unstuck
