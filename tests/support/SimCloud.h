// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/cloud/CloudClient.h"
#include "models/cloud/ConnectionProfile.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTest>
#include <optional>

namespace unstuck::test {

// One call to the simulator's cloud API with the operator's keys from its profile.json; the
// answer's JSON, or {} when it failed. A read may be asked up to `attempts` times (a world that
// faults every cloud call may strike a read too; reads are safe to repeat).
inline QJsonObject cloudCall(const QString& profilePath, const QString& product,
                             const QString& action, const QMap<QString, QString>& params,
                             int attempts = 1)
{
    QString error;
    const auto profile = ConnectionProfile::load(profilePath, QProcessEnvironment(), &error);
    if (!profile)
        return {};
    CloudClient client(profile->cloud);
    for (int attempt = 0; attempt < attempts; ++attempt) {
        std::optional<CloudResponse> answer;
        QObject receiver;
        client.call(product, action, params, &receiver,
                    [&](const CloudResponse& r) { answer = r; });
        (void)QTest::qWaitFor([&] { return answer.has_value(); }, 30000);
        if (answer && answer->error.ok())
            return answer->json;
    }
    return {};
}

// "v2 [v1 v2]": the default version and every version of a custom RAM policy.
inline QString ramPolicyVersions(const QString& profilePath, const QString& policy,
                                 int attempts = 1)
{
    const QJsonObject list =
        cloudCall(profilePath, QStringLiteral("ram"), QStringLiteral("ListPolicyVersions"),
                  {{QStringLiteral("PolicyName"), policy},
                   {QStringLiteral("PolicyType"), QStringLiteral("Custom")}},
                  attempts);
    QString def;
    QStringList ids;
    for (const QJsonValue& v : list.value(QStringLiteral("PolicyVersions"))
                                   .toObject()
                                   .value(QStringLiteral("PolicyVersion"))
                                   .toArray()) {
        ids << v.toObject().value(QStringLiteral("VersionId")).toString();
        if (v.toObject().value(QStringLiteral("IsDefaultVersion")).toBool())
            def = ids.last();
    }
    ids.sort();
    return def + QStringLiteral(" [") + ids.join(QLatin1Char(' ')) + QLatin1Char(']');
}

} // namespace unstuck::test
