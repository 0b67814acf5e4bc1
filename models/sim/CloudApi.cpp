// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/CloudApi.h"

#include "models/cloud/AcsSigner.h"
#include "models/cloud/RamPolicyEvaluator.h"
#include "models/sim/CloudWorld.h"
#include "models/sim/cloudapi/CloudEcsHandler.h"
#include "models/sim/cloudapi/CloudIdempotency.h"
#include "models/sim/cloudapi/CloudRamHandler.h"
#include "models/sim/cloudapi/CloudStsHandler.h"
#include "models/sim/cloudapi/CloudVpcHandler.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace unstuck::sim {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMaxSkewSecs = 15 * 60;

using Params = CloudHandler::Params;
using ApiError = CloudHandler::ApiError;
using Result = CloudHandler::Result;

struct Product
{
    QString code;    // "vpc"
    QString name;    // "Vpc" (in Recommend links)
    QString version; // "2016-04-28"
    QString host;    // "vpc.aliyuncs.com"
};

const QList<Product>& products()
{
    static const QList<Product> list{
        {u"vpc"_s, u"Vpc"_s, u"2016-04-28"_s, u"vpc.aliyuncs.com"_s},
        {u"ecs"_s, u"Ecs"_s, u"2014-05-26"_s, u"ecs.aliyuncs.com"_s},
        {u"ram"_s, u"Ram"_s, u"2015-05-01"_s, u"ram.aliyuncs.com"_s},
        {u"sts"_s, u"Sts"_s, u"2015-04-01"_s, u"sts.aliyuncs.com"_s},
    };
    return list;
}

// "a=b&c=d" with percent-decoding; a form body also turns '+' into a space.
Params parseForm(const QByteArray& text, bool form)
{
    Params out;
    if (text.isEmpty())
        return out;
    for (QByteArray pair : text.split('&')) {
        if (pair.isEmpty())
            continue;
        if (form)
            pair.replace('+', ' ');
        const qsizetype eq = pair.indexOf('=');
        const QByteArray name = eq < 0 ? pair : pair.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        out.insert(QString::fromUtf8(QByteArray::fromPercentEncoding(name)),
                   QString::fromUtf8(QByteArray::fromPercentEncoding(value)));
    }
    return out;
}

// One request being served: authenticated (signature, key, freshness), authorized against the
// caller's RAM policies, then run by the handler of its product.
class Session
{
public:
    Session(CloudWorld& world, const HttpRequest& request)
        : m_world(world), m_account(world.account()), m_request(request)
    {
        m_requestId = QUuid::createUuid().toString(QUuid::WithoutBraces).toUpper();
    }

    HttpResponse run();

private:
    Result authenticate();
    Result verifyV1();
    Result verifyV3(const AcsSigner::V3Authorization& auth);
    Result checkKey(const QString& accessKeyId, const QString& securityToken, SimAccessKey* key);
    Result checkFreshness(const QString& timestamp, const QString& nonce);
    Result authorize();
    Result injectedFault();
    QString resourceArn() const;
    Result dispatch();
    HttpResponse respond(const Result& result);

    QString param(const char* name) const { return m_params.value(QLatin1String(name)); }

    CloudWorld& m_world;
    CloudAccount& m_account;
    const HttpRequest& m_request;
    QString m_requestId;
    Params m_params; // query + form body, without the signature
    QString m_action;
    QString m_version;
    Product m_product;
    SimAccessKey m_key;
};

HttpResponse Session::run()
{
    m_world.settleRoutes();
    Result result = authenticate();
    if (!result.error)
        result = authorize();
    if (!result.error)
        result = injectedFault();
    const QString caller =
        m_key.accessKeyId.isEmpty()
            ? QString()
            : (m_key.roleName.isEmpty()
                   ? u"user/"_s + m_key.userName
                   : u"assumed-role/%1/%2"_s.arg(m_key.roleName, m_key.sessionName));
    if (!result.error) {
        const CloudIdempotency idempotency(m_account, caller, m_action, m_params);
        if (const auto replayed = idempotency.replay()) {
            result = *replayed;
        } else {
            result = dispatch();
            idempotency.remember(result);
        }
    }
    m_account.recordCall(SimApiCall{m_action, caller, result.error ? result.error->code : QString(),
                                    result.error ? result.error->status : 200});
    return respond(result);
}

// Tests: the next calls of an action answer an injected error (e.g. Throttling.User).
Result Session::injectedFault()
{
    Result result;
    for (SimFault& fault : m_account.faults) {
        if (fault.remaining > 0 && (fault.action.isEmpty() || fault.action == m_action)) {
            --fault.remaining;
            result =
                ApiError{fault.httpStatus,
                         fault.code,
                         fault.message.isEmpty() ? u"Request was denied due to user flow control."_s
                                                 : fault.message,
                         {}};
            break;
        }
    }
    m_account.faults.removeIf([](const SimFault& f) { return f.remaining <= 0; });
    return result;
}

Result Session::authenticate()
{
    const QByteArray target = m_request.rawTarget;
    const qsizetype q = target.indexOf('?');
    m_params = parseForm(q < 0 ? QByteArray() : target.mid(q + 1), false);
    const QByteArray contentType = m_request.header("content-type");
    if (!m_request.body.isEmpty() &&
        (contentType.startsWith("application/x-www-form-urlencoded") || contentType.isEmpty()))
        m_params.insert(parseForm(m_request.body, true));

    const QByteArray authorization = m_request.header("authorization");
    const bool v3 = authorization.startsWith("ACS3-");
    m_action = v3 ? QString::fromUtf8(m_request.header("x-acs-action")) : param("Action");
    m_version = v3 ? QString::fromUtf8(m_request.header("x-acs-version")) : param("Version");
    if (m_action.isEmpty())
        return CloudHandler::missing(u"Action"_s);
    if (m_version.isEmpty())
        return CloudHandler::missing(u"Version"_s);
    bool found = false;
    for (const Product& product : products())
        if (product.version == m_version) {
            m_product = product;
            found = true;
        }
    if (!found)
        return ApiError{
            400, u"InvalidVersion"_s, u"Specified parameter Version is not valid."_s, {}};
    if (v3) {
        const auto auth = AcsSigner::parseV3Authorization(authorization);
        if (!auth.valid || auth.algorithm != AcsSigner::kV3Algorithm)
            return ApiError{400,
                            u"IncompleteSignature"_s,
                            u"The request signature does not conform to Aliyun standards."_s,
                            {}};
        return verifyV3(auth);
    }
    return verifyV1();
}

Result Session::checkKey(const QString& accessKeyId, const QString& securityToken,
                         SimAccessKey* key)
{
    const auto it = m_account.keys.constFind(accessKeyId);
    if (accessKeyId.isEmpty() || it == m_account.keys.constEnd())
        return ApiError{
            404, u"InvalidAccessKeyId.NotFound"_s, u"Specified access key is not found."_s, {}};
    if (!it->securityToken.isEmpty()) {
        if (it->expiration < QDateTime::currentDateTimeUtc())
            return ApiError{400,
                            u"InvalidSecurityToken.Expired"_s,
                            u"Specified SecurityToken is expired."_s,
                            {}};
        if (securityToken != it->securityToken)
            return ApiError{400,
                            u"InvalidSecurityToken.Mismatch"_s,
                            u"Specified SecurityToken mismatch with the AccessKey."_s,
                            {}};
    }
    *key = *it;
    return {};
}

Result Session::checkFreshness(const QString& timestamp, const QString& nonce)
{
    const QDateTime when = QDateTime::fromString(timestamp, Qt::ISODate);
    if (!when.isValid())
        return ApiError{400,
                        u"InvalidTimeStamp.Format"_s,
                        u"Specified time stamp or date value is not well formatted."_s,
                        {}};
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (qAbs(now - when.toSecsSinceEpoch()) > kMaxSkewSecs)
        return ApiError{400,
                        u"InvalidTimeStamp.Expired"_s,
                        u"Specified time stamp or date value is expired."_s,
                        {}};
    if (nonce.isEmpty())
        return CloudHandler::missing(u"SignatureNonce"_s);
    // Nonces are remembered for the skew window (older ones could not pass the time check).
    if (m_account.usedNonces.size() > 20000)
        m_account.usedNonces.removeIf(
            [&](const auto& it) { return now - it.value() > kMaxSkewSecs; });
    const QString key = m_key.accessKeyId + QLatin1Char('/') + nonce;
    if (m_account.usedNonces.contains(key))
        return ApiError{
            400, u"SignatureNonceUsed"_s, u"Specified signature nonce was used already."_s, {}};
    m_account.usedNonces.insert(key, now);
    return {};
}

Result Session::verifyV1()
{
    const QString signature = m_params.take(u"Signature"_s);
    if (signature.isEmpty())
        return CloudHandler::missing(u"Signature"_s);
    if (param("SignatureMethod") != u"HMAC-SHA1"_s)
        return ApiError{
            400, u"InvalidSignatureMethod"_s, u"Specified signature method is not valid."_s, {}};
    Result keyCheck = checkKey(param("AccessKeyId"), param("SecurityToken"), &m_key);
    if (keyCheck.error)
        return keyCheck;
    const QByteArray stringToSign = AcsSigner::v1StringToSign(m_request.method, m_params);
    const QByteArray expected = AcsSigner::v1Signature(stringToSign, m_key.secret);
    if (expected != signature.toLatin1())
        return ApiError{
            400,
            u"SignatureDoesNotMatch"_s,
            u"Specified signature is not matched with our calculation. server string to sign is:"_s +
                QString::fromLatin1(stringToSign),
            {}};
    return checkFreshness(param("Timestamp"), param("SignatureNonce"));
}

Result Session::verifyV3(const AcsSigner::V3Authorization& auth)
{
    Result keyCheck = checkKey(auth.accessKeyId,
                               QString::fromUtf8(m_request.header("x-acs-security-token")), &m_key);
    if (keyCheck.error)
        return keyCheck;
    const QByteArray payloadHash = m_request.header("x-acs-content-sha256");
    if (payloadHash != AcsSigner::sha256Hex(m_request.body))
        return ApiError{
            400,
            u"SignatureDoesNotMatch"_s,
            u"Specified signature is not matched with our calculation. (x-acs-content-sha256 does not match the body)"_s,
            {}};
    AcsSigner::Headers headers;
    for (auto it = m_request.headers.constBegin(); it != m_request.headers.constEnd(); ++it)
        headers.append({it.key(), it.value()});
    const QByteArray target = m_request.rawTarget;
    const qsizetype q = target.indexOf('?');
    const Params query = parseForm(q < 0 ? QByteArray() : target.mid(q + 1), false);
    const QByteArray canonical = AcsSigner::v3CanonicalRequest(
        m_request.method, m_request.path, query, headers, auth.signedHeaders, payloadHash);
    const QByteArray stringToSign = AcsSigner::v3StringToSign(canonical);
    if (AcsSigner::v3Signature(stringToSign, m_key.secret) != auth.signature)
        return ApiError{
            400,
            u"SignatureDoesNotMatch"_s,
            u"Specified signature is not matched with our calculation. server string to sign is:"_s +
                QString::fromLatin1(stringToSign),
            {}};
    return checkFreshness(QString::fromUtf8(m_request.header("x-acs-date")),
                          QString::fromUtf8(m_request.header("x-acs-signature-nonce")));
}

QString Session::resourceArn() const
{
    return RamPolicyEvaluator::resourceArn(m_product.code, m_action, m_account.regionId,
                                           m_account.accountId, m_params);
}

Result Session::authorize()
{
    if (m_product.code == u"sts"_s && m_action == u"GetCallerIdentity"_s)
        return {}; // needs no permission
    const QString authAction = m_product.code + QLatin1Char(':') + m_action;
    RamRequestContext context;
    context.absentKeysAreFalse = true;
    context.keys = {{u"acs:SourceIp"_s, u"127.0.0.1"_s},
                    {u"acs:SecureTransport"_s, u"true"_s},
                    {u"acs:CurrentTime"_s, CloudHandler::iso(QDateTime::currentDateTimeUtc())},
                    {u"acs:AccessId"_s, m_key.accessKeyId}};
    const QString resource = resourceArn();
    const RamEvaluation evaluation = RamPolicyEvaluator::evaluate(m_account.policiesInForce(m_key),
                                                                  authAction, resource, context);
    if (evaluation.allowed())
        return {};
    const bool explicitDeny = evaluation.decision == RamEvaluation::Decision::ExplicitDeny;
    QJsonArray matched;
    for (const RamStatementRef& ref : evaluation.deciding)
        matched.append(QJsonObject{{u"PolicyName"_s, ref.policyName},
                                   {u"PolicyType"_s, ref.policyType},
                                   {u"PolicyVersion"_s, ref.versionId},
                                   {u"StatementIndex"_s, ref.statementIndex},
                                   {u"Effect"_s, explicitDeny ? u"Deny"_s : u"Allow"_s}});
    const QJsonObject diagnostic{
        {u"AuthAction"_s, authAction},
        {u"AuthResource"_s, resource},
        {u"AuthPrincipalArn"_s, m_account.principalArn(m_key)},
        {u"NoPermissionType"_s, explicitDeny ? u"ExplicitDeny"_s : u"ImplicitDeny"_s},
        {u"PolicyType"_s, u"AccountLevelIdentityBasedPolicy"_s},
        {u"MatchedPolicies"_s, matched}};
    const QJsonObject detail{
        {u"AuthAction"_s, authAction},
        {u"AuthPrincipalType"_s, m_key.roleName.isEmpty() ? u"SubUser"_s : u"AssumedRoleUser"_s},
        {u"AuthPrincipalOwnerId"_s, m_account.accountId},
        {u"AuthPrincipalDisplayName"_s,
         m_key.roleName.isEmpty() ? m_key.userName
                                  : m_key.roleName + QLatin1Char(':') + m_key.sessionName},
        {u"PolicyType"_s, u"AccountLevelIdentityBasedPolicy"_s},
        {u"NoPermissionType"_s, explicitDeny ? u"ExplicitDeny"_s : u"ImplicitDeny"_s},
        {u"EncodedDiagnosticMessage"_s,
         QString::fromLatin1(QJsonDocument(diagnostic).toJson(QJsonDocument::Compact).toBase64())}};
    return ApiError{
        403,
        u"Forbidden.RAM"_s,
        u"User not authorized to operate on the specified resource, or this API doesn't support RAM."_s,
        {{u"AccessDeniedDetail"_s, detail}}};
}

Result Session::dispatch()
{
    if (m_product.code == u"vpc"_s)
        return CloudVpcHandler(m_world, m_params, m_key).handle(m_action);
    if (m_product.code == u"ecs"_s)
        return CloudEcsHandler(m_world, m_params, m_key).handle(m_action);
    if (m_product.code == u"ram"_s)
        return CloudRamHandler(m_world, m_params, m_key).handle(m_action);
    if (m_product.code == u"sts"_s)
        return CloudStsHandler(m_world, m_params, m_key).handle(m_action);
    return CloudHandler::apiNotFound();
}

HttpResponse Session::respond(const Result& result)
{
    QJsonObject body = result.body;
    int status = 200;
    if (result.error) {
        status = result.error->status;
        body = result.error->extra;
        body.insert(u"Code"_s, result.error->code);
        body.insert(u"Message"_s, result.error->message);
        body.insert(u"HostId"_s, m_product.host.isEmpty() ? u"vpc.aliyuncs.com"_s : m_product.host);
        body.insert(u"Recommend"_s,
                    u"https://api.aliyun.com/troubleshoot?q=%1&product=%2&requestId=%3"_s.arg(
                        result.error->code, m_product.name.isEmpty() ? u"Vpc"_s : m_product.name,
                        m_requestId));
    }
    body.insert(u"RequestId"_s, m_requestId);
    HttpResponse response =
        HttpResponse::json(status, QJsonDocument(body).toJson(QJsonDocument::Compact));
    response.contentType = "application/json;charset=utf-8";
    response.headers.append({"x-acs-request-id", m_requestId.toLatin1()});
    return response;
}

} // namespace

CloudApi::CloudApi(CloudWorld& world) : m_world(world) {}

HttpResponse CloudApi::handle(const HttpRequest& request)
{
    Session session(m_world, request);
    return session.run();
}

HttpResponse CloudApi::callAs(const SimAccessKey& key, const QString& action,
                              const QString& version, const QMap<QString, QString>& params)
{
    AcsSigner::Params all = params;
    all.insert(u"Action"_s, action);
    all.insert(u"Version"_s, version);
    all.insert(u"Format"_s, u"JSON"_s);
    all.insert(u"AccessKeyId"_s, key.accessKeyId);
    all.insert(u"SignatureMethod"_s, u"HMAC-SHA1"_s);
    all.insert(u"SignatureVersion"_s, u"1.0"_s);
    all.insert(u"SignatureNonce"_s, QUuid::createUuid().toString(QUuid::WithoutBraces));
    all.insert(u"Timestamp"_s, CloudHandler::iso(QDateTime::currentDateTimeUtc()));
    if (!key.securityToken.isEmpty())
        all.insert(u"SecurityToken"_s, key.securityToken);
    const QByteArray signature =
        AcsSigner::v1Signature(AcsSigner::v1StringToSign("GET", all), key.secret);
    HttpRequest request;
    request.method = "GET";
    request.path = u"/"_s;
    request.rawTarget = "/?" + AcsSigner::canonicalQuery(all) +
                        "&Signature=" + AcsSigner::percentEncode(QString::fromLatin1(signature));
    request.headers.insert("host", "vpc-vpc." + m_world.regionId().toLatin1() + ".aliyuncs.com");
    request.headers.insert("user-agent",
                           "AlibabaCloud (linux; amd64) Golang/1.25.9 Core/0.0.1 ack.ccm/v2.12.1");
    return handle(request);
}

QString CloudApi::versionOf(const QString& product)
{
    for (const Product& p : products())
        if (p.code == product)
            return p.version;
    return {};
}

} // namespace unstuck::sim
