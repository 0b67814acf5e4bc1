// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/cloud/CloudCredentials.h"

#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QString>
#include <functional>
#include <memory>

namespace unstuck {

struct CloudError
{
    enum class Kind { None, Config, Unreachable, Timeout, Tls, Api, BadResponse, Cancelled };
    Kind kind = Kind::None;
    int httpStatus = 0;
    QString code;      // "Forbidden.RAM", "SignatureDoesNotMatch", "InvalidAccessKeyId.NotFound", ...
    QString message;
    QString requestId;
    QString recommend;
    QString accessDeniedDetail; // raw AccessDeniedDetail (JSON text) when present
    bool ok() const { return kind == Kind::None; }
};

struct CloudResponse
{
    QJsonObject json;
    CloudError error;
    int httpStatus = 0;
    qint64 elapsedMs = 0;
};

// Asynchronous, signed Alibaba Cloud RPC client (VPC, ECS, RAM, STS).
class CloudClient : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const CloudResponse&)>;

    CloudClient(CloudConnection connection, QObject* parent = nullptr);
    ~CloudClient() override;

    // product: "vpc" | "ecs" | "ram" | "sts". Callbacks are dropped when receiver dies.
    void call(const QString& product, const QString& action, const QMap<QString, QString>& params,
              QObject* receiver, Callback callback);
    // Follows PageNumber/PageSize or NextToken/MaxResults until done; merges the list found at
    // listPath (e.g. "RouteEntrys.RouteEntry") into one array in the returned json.
    void callAllPages(const QString& product, const QString& action,
                      const QMap<QString, QString>& params, const QString& listPath,
                      QObject* receiver, Callback callback);

    const CloudConnection& connection() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace unstuck
