// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sim/CloudAccount.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <optional>

namespace unstuck::sim {

class CloudWorld;

// Base of the simulated cloud's product handlers (VPC, ECS, RAM, STS): the authenticated request
// they serve and the conventions every product shares (error codes, timestamps, paging), so an
// error or a page looks the same whichever product answers.
class CloudHandler
{
public:
    using Params = QMap<QString, QString>;

    struct ApiError
    {
        int status = 400;
        QString code;
        QString message;
        QJsonObject extra; // e.g. AccessDeniedDetail
    };

    // What an action answers: its body, or an error.
    struct Result
    {
        QJsonObject body;
        std::optional<ApiError> error;
        Result(QJsonObject b = {}) : body(std::move(b)) {}
        Result(ApiError e) : error(std::move(e)) {}
    };

    // params: the request's parameters (query and form body); key: the verified caller.
    CloudHandler(CloudWorld& world, const Params& params, const SimAccessKey& key);

    static ApiError missing(const QString& name);
    static ApiError apiNotFound();
    // What a DryRun=true request answers when it would have passed (HTTP 400 DryRunOperation).
    static ApiError dryRunPassed();
    static QString iso(const QDateTime& t);

protected:
    struct Page
    {
        qsizetype offset = 0;
        qsizetype size = 10;
        int pageNumber = 1;
    };

    // Runs `action` from a handler's table; InvalidApi.NotFound when the table has no such action.
    template <typename Handler>
    static Result run(Handler& handler, const QMap<QString, Result (Handler::*)()>& actions,
                      const QString& action)
    {
        const auto it = actions.constFind(action);
        if (it == actions.constEnd())
            return apiNotFound();
        return (handler.*(it.value()))();
    }

    QString param(const char* name) const { return m_params.value(QLatin1String(name)); }
    QString roleArn(const SimRole& role) const;

    static bool truthy(const QString& value);
    static Page pageNumberPage(const Params& p, int defaultSize, int maxSize);
    static QString encodeToken(qsizetype offset);
    static std::optional<qsizetype> decodeToken(const QString& token);

    CloudWorld& m_world;
    CloudAccount& m_account;
    const Params& m_params;
    const SimAccessKey& m_key;
};

} // namespace unstuck::sim
