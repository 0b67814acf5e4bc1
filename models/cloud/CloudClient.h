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
    QString code; // "Forbidden.RAM", "SignatureDoesNotMatch", "InvalidAccessKeyId.NotFound", ...
    QString message;
    QString requestId;
    QString recommend;
    QString accessDeniedDetail; // raw AccessDeniedDetail (JSON text) when present
    bool ok() const { return kind == Kind::None; }

    // Extensions.
    // The AccessDeniedDetail object (AuthAction, NoPermissionType, EncodedDiagnosticMessage…).
    QJsonObject accessDeniedDetailObject() const;
    bool isThrottling() const { return code.startsWith(QLatin1String("Throttling")); }
    // A DryRun request that would have succeeded (the API answers it as an error).
    bool isDryRunPassed() const { return code == QLatin1String("DryRunOperation"); }
    // One line for people: "Forbidden.RAM (HTTP 403): User not authorized … [RequestId …]".
    QString summary() const;
    static QString kindName(Kind kind);
};

struct CloudResponse
{
    QJsonObject json;
    CloudError error;
    int httpStatus = 0;
    qint64 elapsedMs = 0;
    // Extensions.
    int attempts = 0; // requests sent (retries after throttling / 5xx included)
    QString cli;      // the equivalent aliyun CLI command (evidence)
};

// Asynchronous, signed Alibaba Cloud RPC client (VPC, ECS, RAM, STS).
// Endpoints per product and region (vpc, ecs regional; ram, sts global) unless the connection
// has an endpointOverride, which then serves every product (routed by Action + Version).
// Retries with backoff on Throttling* (any action: nothing ran) and on 5xx / timeouts for read
// actions and for writes that carry a ClientToken (the server answers a repeat with the first
// result instead of acting twice); other writes are never sent twice.
// RamRoleArn credentials AssumeRole through STS first and reuse the session until 3 minutes
// before it expires.
class CloudClient : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const CloudResponse&)>;
    enum class SignatureVersion { V1, V3 };

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

    // Extensions.
    void setSignatureVersion(SignatureVersion version); // default V3 (ACS3-HMAC-SHA256)
    SignatureVersion signatureVersion() const;
    void setRetryPolicy(int maxRetries, int baseDelayMs); // default 3 retries, 400 ms doubling
    // Appended to "unstuck/<version>" in the User-Agent of the calls made from now on, e.g.
    // "(fix/vpc-route-create)", so ActionTrail's userAgent names what sent them.
    void setUserAgentSuffix(const QString& suffix);

    // What an HTTP answer says: its JSON, and the API error it carries (HTTP >= 400, or a Code
    // that is not a success code next to a Message) or BadResponse when the body is not a JSON
    // object. Attempts, timing and the CLI equivalent are left to the caller.
    static CloudResponse readAnswer(int httpStatus, const QByteArray& payload);

    // "vpc.aliyuncs.com" (cn-hangzhou) / "vpc.<region>.aliyuncs.com", "ecs-cn-hangzhou…" /
    // "ecs.<region>…", "ram.aliyuncs.com", "sts.aliyuncs.com".
    static QString endpointFor(const QString& product, const QString& regionId);
    static QString apiVersion(const QString& product);
    // "aliyun vpc DescribeRouteEntryList --RouteTableId vtb-…" (values shell-quoted).
    static QString cliEquivalent(const QString& product, const QString& action,
                                 const QMap<QString, QString>& params);
    // The same with this connection's region and endpoint override filled in.
    QString cliFor(const QString& product, const QString& action,
                   const QMap<QString, QString>& params) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace unstuck
