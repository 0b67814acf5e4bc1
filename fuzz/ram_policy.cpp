// SPDX-License-Identifier: GPL-3.0-or-later
// A RAM policy document (pasted, or as RAM's GetPolicy answers it), parsed strictly and then
// evaluated for every action the route controller needs, with and without conditions known.
#include "fuzz/FuzzSupport.h"
#include "models/cloud/RamPolicy.h"
#include "models/cloud/RamPolicyEvaluator.h"

#include <QJsonDocument>

using namespace unstuck;

namespace {

void evaluateAll(const QList<RamAttachedPolicy>& policies)
{
    RamRequestContext known;
    known.keys.insert(QStringLiteral("acs:SourceIp"), QStringLiteral("192.168.0.193"));
    known.keys.insert(QStringLiteral("acs:SecureTransport"), QStringLiteral("true"));
    known.absentKeysAreFalse = true;
    for (const QString& action : RamPolicyEvaluator::routeControllerActions()) {
        const QString product = action.section(QLatin1Char(':'), 0, 0);
        const QString arn = RamPolicyEvaluator::resourceArn(
            product, action.section(QLatin1Char(':'), 1), QStringLiteral("cn-hangzhou"),
            QStringLiteral("1234567890"),
            {{QStringLiteral("RouteTableId"), QStringLiteral("vtb-1")}});
        const RamEvaluation offline = RamPolicyEvaluator::evaluate(policies, action, arn);
        offline.explain();
        offline.explainZh();
        RamPolicyEvaluator::evaluate(policies, action, QStringLiteral("*"), known).explain();
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    QString error;
    QList<RamAttachedPolicy> policies;
    if (std::optional<RamPolicyDocument> document = RamPolicyDocument::parse(input, &error))
        policies.append(
            {QStringLiteral("pasted"), QStringLiteral("Custom"), QStringLiteral("v1"), *document});
    const QJsonObject answer = QJsonDocument::fromJson(input).object();
    if (auto fromApi = RamAttachedPolicy::fromApi(QStringLiteral("answered"),
                                                  QStringLiteral("System"), answer, &error))
        policies.append(*fromApi);
    evaluateAll(policies);
    return 0;
}
