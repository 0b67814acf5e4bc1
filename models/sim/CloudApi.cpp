// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sim/CloudApi.h"

#include "models/cloud/AcsSigner.h"
#include "models/cloud/RamPolicyEvaluator.h"
#include "models/sim/CloudWorld.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>
#include <functional>
#include <optional>

namespace unstuck::sim {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMaxSkewSecs = 15 * 60;
constexpr int kMaxPolicyVersions = 5;

using Params = QMap<QString, QString>;

struct ApiError
{
    int status = 400;
    QString code;
    QString message;
    QJsonObject extra; // e.g. AccessDeniedDetail
};

struct Result
{
    QJsonObject body;
    std::optional<ApiError> error;
    Result(QJsonObject b = {}) : body(std::move(b)) {}
    Result(ApiError e) : error(std::move(e)) {}
};

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

ApiError missing(const QString& name)
{
    return {400, u"Missing"_s + name, name + u" is mandatory for this action."_s, {}};
}

QString iso(const QDateTime& t)
{
    return t.toUTC().toString(u"yyyy-MM-ddTHH:mm:ssZ"_s);
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

bool truthy(const QString& value)
{
    return value.compare(u"true"_s, Qt::CaseInsensitive) == 0;
}

// InstanceIds / PrivateIpAddresses: a JSON array in a string (also accepts "a,b").
QStringList jsonList(const QString& value)
{
    if (value.isEmpty())
        return {};
    const QJsonDocument doc = QJsonDocument::fromJson(value.toUtf8());
    if (doc.isArray()) {
        QStringList out;
        for (const QJsonValue& v : doc.array())
            out.append(v.toString());
        return out;
    }
    return value.split(QLatin1Char(','), Qt::SkipEmptyParts);
}

struct Page
{
    qsizetype offset = 0;
    qsizetype size = 10;
    int pageNumber = 1;
};

Page pageNumberPage(const Params& p, int defaultSize, int maxSize)
{
    Page page;
    page.pageNumber = qMax(1, p.value(u"PageNumber"_s, u"1"_s).toInt());
    page.size = qBound(1, p.value(u"PageSize"_s, QString::number(defaultSize)).toInt(), maxSize);
    page.offset = qsizetype(page.pageNumber - 1) * page.size;
    return page;
}

QString encodeToken(qsizetype offset)
{
    return QString::fromLatin1(
        QByteArray("offset:" + QByteArray::number(offset))
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<qsizetype> decodeToken(const QString& token)
{
    if (token.isEmpty())
        return 0;
    const QByteArray raw = QByteArray::fromBase64(token.toLatin1(), QByteArray::Base64UrlEncoding);
    if (!raw.startsWith("offset:"))
        return std::nullopt;
    bool ok = false;
    const qsizetype offset = raw.mid(7).toLongLong(&ok);
    return ok && offset >= 0 ? std::optional<qsizetype>(offset) : std::nullopt;
}

// One request being served.
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
    QString resourceArn() const;
    Result dispatch();
    HttpResponse respond(const Result& result);

    // VPC
    Result describeVpcs();
    Result describeVpcAttribute();
    Result describeRouteTableList();
    Result describeRouteEntryList();
    Result createRouteEntry();
    Result deleteRouteEntry();
    QJsonObject vpcJson() const;
    QJsonObject routeEntryJson(const SimRouteEntry& e) const;
    // ECS
    Result describeInstances();
    Result describeInstanceRamRole();
    QJsonObject instanceJson(const SimInstance& i) const;
    // RAM
    Result getRole();
    Result listPoliciesForRole();
    Result getPolicy();
    Result getPolicyVersion();
    Result listPolicyVersions();
    Result createPolicyVersion();
    Result setDefaultPolicyVersion();
    Result deletePolicyVersion();
    Result decodeDiagnosticMessage();
    std::optional<ApiError> findPolicy(SimPolicy** policy);
    QJsonObject versionJson(const SimPolicy& policy, const SimPolicyVersion& v) const;
    QString roleArn(const SimRole& role) const;
    // STS
    Result getCallerIdentity();
    Result assumeRole();

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
    Result result = authenticate();
    if (!result.error)
        result = authorize();
    if (!result.error) {
        for (SimFault& fault : m_account.faults) {
            if (fault.remaining > 0 && (fault.action.isEmpty() || fault.action == m_action)) {
                --fault.remaining;
                result = ApiError{fault.httpStatus,
                                  fault.code,
                                  fault.message.isEmpty()
                                      ? u"Request was denied due to user flow control."_s
                                      : fault.message,
                                  {}};
                break;
            }
        }
        m_account.faults.removeIf([](const SimFault& f) { return f.remaining <= 0; });
    }
    if (!result.error)
        result = dispatch();
    const QString caller =
        m_key.accessKeyId.isEmpty()
            ? QString()
            : (m_key.roleName.isEmpty()
                   ? u"user/"_s + m_key.userName
                   : u"assumed-role/%1/%2"_s.arg(m_key.roleName, m_key.sessionName));
    m_account.recordCall(SimApiCall{m_action, caller, result.error ? result.error->code : QString(),
                                    result.error ? result.error->status : 200});
    return respond(result);
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
        return missing(u"Action"_s);
    if (m_version.isEmpty())
        return missing(u"Version"_s);
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
        return missing(u"SignatureNonce"_s);
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
        return missing(u"Signature"_s);
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
                    {u"acs:CurrentTime"_s, iso(QDateTime::currentDateTimeUtc())},
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
    using Handler = Result (Session::*)();
    static const QMap<QString, Handler> handlers{
        {u"vpc:DescribeVpcs"_s, &Session::describeVpcs},
        {u"vpc:DescribeVpcAttribute"_s, &Session::describeVpcAttribute},
        {u"vpc:DescribeRouteTableList"_s, &Session::describeRouteTableList},
        {u"vpc:DescribeRouteEntryList"_s, &Session::describeRouteEntryList},
        {u"vpc:CreateRouteEntry"_s, &Session::createRouteEntry},
        {u"vpc:DeleteRouteEntry"_s, &Session::deleteRouteEntry},
        {u"ecs:DescribeInstances"_s, &Session::describeInstances},
        {u"ecs:DescribeInstanceRamRole"_s, &Session::describeInstanceRamRole},
        {u"ram:GetRole"_s, &Session::getRole},
        {u"ram:ListPoliciesForRole"_s, &Session::listPoliciesForRole},
        {u"ram:GetPolicy"_s, &Session::getPolicy},
        {u"ram:GetPolicyVersion"_s, &Session::getPolicyVersion},
        {u"ram:ListPolicyVersions"_s, &Session::listPolicyVersions},
        {u"ram:CreatePolicyVersion"_s, &Session::createPolicyVersion},
        {u"ram:SetDefaultPolicyVersion"_s, &Session::setDefaultPolicyVersion},
        {u"ram:DeletePolicyVersion"_s, &Session::deletePolicyVersion},
        {u"ram:DecodeDiagnosticMessage"_s, &Session::decodeDiagnosticMessage},
        {u"sts:GetCallerIdentity"_s, &Session::getCallerIdentity},
        {u"sts:AssumeRole"_s, &Session::assumeRole},
    };
    const auto it = handlers.constFind(m_product.code + QLatin1Char(':') + m_action);
    if (it == handlers.constEnd())
        return ApiError{404,
                        u"InvalidApi.NotFound"_s,
                        u"Specified api is not found, please check your url and method."_s,
                        {}};
    return (this->*(it.value()))();
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

// ---- VPC ---------------------------------------------------------------------------------

QJsonObject Session::vpcJson() const
{
    const SimVpc& v = m_account.vpc;
    return QJsonObject{
        {u"VpcId"_s, v.vpcId},
        {u"RegionId"_s, m_account.regionId},
        {u"Status"_s, u"Available"_s},
        {u"VpcName"_s, v.name},
        {u"Description"_s, QString()},
        {u"CreationTime"_s, iso(v.created)},
        {u"CidrBlock"_s, v.cidrBlock},
        {u"VRouterId"_s, v.routeTable.vRouterId},
        {u"IsDefault"_s, false},
        {u"ResourceGroupId"_s, u"rg-acfmzw2jz2z****"_s},
        {u"OwnerId"_s, m_account.accountId.toLongLong()},
        {u"VSwitchIds"_s, QJsonObject{{u"VSwitchId"_s, QJsonArray{v.vSwitchId}}}},
        {u"RouterTableIds"_s,
         QJsonObject{{u"RouterTableIds"_s, QJsonArray{v.routeTable.routeTableId}}}},
        {u"NatGatewayIds"_s, QJsonObject{{u"NatGatewayIds"_s, QJsonArray{}}}},
        {u"SecondaryCidrBlocks"_s, QJsonObject{{u"SecondaryCidrBlock"_s, QJsonArray{}}}},
        {u"UserCidrs"_s, QJsonObject{{u"UserCidr"_s, QJsonArray{}}}},
        {u"Tags"_s, QJsonObject{{u"Tag"_s, QJsonArray{}}}},
    };
}

Result Session::describeVpcs()
{
    const QStringList ids = param("VpcId").split(QLatin1Char(','), Qt::SkipEmptyParts);
    QJsonArray all;
    if ((ids.isEmpty() || ids.contains(m_account.vpc.vpcId)) &&
        (param("VpcName").isEmpty() || param("VpcName") == m_account.vpc.name) &&
        !truthy(param("IsDefault")))
        all.append(vpcJson());
    if (truthy(param("DryRun")))
        return ApiError{400,
                        u"DryRunOperation"_s,
                        u"Request validation has been passed with DryRun flag set."_s,
                        {}};
    const Page page = pageNumberPage(m_params, 10, 50);
    return QJsonObject{
        {u"PageNumber"_s, page.pageNumber},
        {u"PageSize"_s, int(page.size)},
        {u"TotalCount"_s, int(all.size())},
        {u"Vpcs"_s, QJsonObject{{u"Vpc"_s, QJsonArray::fromVariantList(
                                               all.toVariantList().mid(page.offset, page.size))}}}};
}

Result Session::describeVpcAttribute()
{
    if (param("VpcId").isEmpty())
        return missing(u"VpcId"_s);
    if (param("VpcId") != m_account.vpc.vpcId)
        return ApiError{404, u"InvalidVpcId.NotFound"_s, u"Specified VPC does not exist."_s, {}};
    if (truthy(param("DryRun")))
        return ApiError{400,
                        u"DryRunOperation"_s,
                        u"Request validation has been passed with DryRun flag set."_s,
                        {}};
    QJsonObject out = vpcJson();
    out.remove(u"RouterTableIds"_s);
    out.remove(u"NatGatewayIds"_s);
    out.insert(u"ClassicLinkEnabled"_s, false);
    out.insert(u"Ipv6CidrBlock"_s, QString());
    return out;
}

Result Session::describeRouteTableList()
{
    const SimVpc& v = m_account.vpc;
    const SimRouteTable& t = v.routeTable;
    QJsonArray all;
    const bool match =
        (param("VpcId").isEmpty() || param("VpcId") == v.vpcId) &&
        (param("RouteTableId").isEmpty() || param("RouteTableId") == t.routeTableId) &&
        (param("RouterId").isEmpty() || param("RouterId") == t.vRouterId);
    if (match)
        all.append(
            QJsonObject{{u"VpcId"_s, v.vpcId},
                        {u"RouteTableId"_s, t.routeTableId},
                        {u"RouteTableName"_s, t.name},
                        {u"RouteTableType"_s, t.type},
                        {u"RouterId"_s, t.vRouterId},
                        {u"RouterType"_s, u"VRouter"_s},
                        {u"Status"_s, u"Available"_s},
                        {u"Description"_s, QString()},
                        {u"CreationTime"_s, iso(v.created)},
                        {u"ResourceGroupId"_s, u"rg-acfmzw2jz2z****"_s},
                        {u"OwnerId"_s, m_account.accountId.toLongLong()},
                        {u"VSwitchIds"_s, QJsonObject{{u"VSwitchId"_s, QJsonArray{v.vSwitchId}}}},
                        {u"Tags"_s, QJsonObject{{u"Tag"_s, QJsonArray{}}}}});
    const Page page = pageNumberPage(m_params, 10, 50);
    return QJsonObject{
        {u"Success"_s, true},
        {u"Code"_s, u"200"_s},
        {u"Message"_s, u"successful"_s},
        {u"PageNumber"_s, page.pageNumber},
        {u"PageSize"_s, int(page.size)},
        {u"TotalCount"_s, int(all.size())},
        {u"RouterTableList"_s,
         QJsonObject{{u"RouterTableListType"_s, QJsonArray::fromVariantList(all.toVariantList().mid(
                                                    page.offset, page.size))}}}};
}

QJsonObject Session::routeEntryJson(const SimRouteEntry& e) const
{
    return QJsonObject{
        {u"RouteEntryId"_s, e.routeEntryId},
        {u"RouteTableId"_s, m_account.vpc.routeTable.routeTableId},
        {u"DestinationCidrBlock"_s, e.destinationCidrBlock},
        {u"Type"_s, e.type},
        {u"Status"_s, e.status},
        {u"IpVersion"_s, u"ipv4"_s},
        {u"RouteEntryName"_s, e.name},
        {u"Description"_s, e.description},
        {u"Origin"_s, e.type == u"System"_s ? u"System"_s : u"Custom"_s},
        {u"GmtModified"_s, iso(e.modified)},
        {u"NextHops"_s,
         QJsonObject{
             {u"NextHop"_s, QJsonArray{QJsonObject{{u"NextHopType"_s, e.nextHopType},
                                                   {u"NextHopId"_s, e.nextHopId},
                                                   {u"Enabled"_s, 1},
                                                   {u"Weight"_s, 0},
                                                   {u"NextHopRegionId"_s, m_account.regionId},
                                                   {u"NextHopRelatedInfo"_s, QJsonObject{}}}}}}},
    };
}

Result Session::describeRouteEntryList()
{
    const QString tableId = param("RouteTableId");
    if (tableId.isEmpty())
        return missing(u"RouteTableId"_s);
    if (tableId != m_account.vpc.routeTable.routeTableId)
        return ApiError{
            404, u"InvalidRouteTableId.NotFound"_s, u"Specified route table does not exist."_s, {}};
    const auto offset = decodeToken(param("NextToken"));
    if (!offset)
        return ApiError{
            400, u"InvalidNextToken.Malformed"_s, u"The specified NextToken is invalid."_s, {}};
    // The API documents 1..100; the CCM sends 500: clamp like a tolerant server.
    const qsizetype size =
        qBound(1, param("MaxResult").isEmpty() ? 10 : param("MaxResult").toInt(), 100);
    QList<const SimRouteEntry*> matched;
    for (const SimRouteEntry& e : m_account.vpc.routeTable.entries) {
        auto differs = [&](const char* name, const QString& value) {
            const QString wanted = param(name);
            return !wanted.isEmpty() && wanted.compare(value, Qt::CaseInsensitive) != 0;
        };
        if (differs("RouteEntryType", e.type) || differs("RouteEntryId", e.routeEntryId) ||
            differs("DestinationCidrBlock", e.destinationCidrBlock) ||
            differs("NextHopId", e.nextHopId) || differs("RouteEntryName", e.name) ||
            (!param("NextHopType").isEmpty() && e.type == u"Custom"_s &&
             differs("NextHopType", e.nextHopType)))
            continue;
        matched.append(&e);
    }
    QJsonArray page;
    for (qsizetype i = *offset; i < matched.size() && i < *offset + size; ++i)
        page.append(routeEntryJson(*matched.at(i)));
    const qsizetype next = *offset + size;
    return QJsonObject{{u"NextToken"_s, next < matched.size() ? encodeToken(next) : QString()},
                       {u"TotalCount"_s, int(matched.size())},
                       {u"RouteEntrys"_s, QJsonObject{{u"RouteEntry"_s, page}}}};
}

Result Session::createRouteEntry()
{
    const QString tableId = param("RouteTableId");
    const QString cidr = param("DestinationCidrBlock");
    if (tableId.isEmpty())
        return missing(u"RouteTableId"_s);
    if (cidr.isEmpty())
        return missing(u"DestinationCidrBlock"_s);
    if (tableId != m_account.vpc.routeTable.routeTableId)
        return ApiError{
            404, u"InvalidRouteTableId.NotFound"_s, u"Specified route table does not exist."_s, {}};
    const auto subnet = QHostAddress::parseSubnet(cidr);
    if (subnet.first.isNull())
        return ApiError{400,
                        u"InvalidDestinationCidrBlock.Malformed"_s,
                        u"Specified DestinationCidrBlock is not valid."_s,
                        {}};
    const QString normalized =
        subnet.first.toString() + QLatin1Char('/') + QString::number(subnet.second);
    if (QHostAddress::parseSubnet(u"100.64.0.0/10"_s).first.isInSubnet(subnet) ||
        subnet.first.isInSubnet(QHostAddress::parseSubnet(u"100.64.0.0/10"_s)))
        return ApiError{400,
                        u"InvalidDestinationCidrBlock.Conflict"_s,
                        u"The destination cannot point to or be contained by 100.64.0.0/10."_s,
                        {}};
    const QString hopType = param("NextHopType").isEmpty() ? u"Instance"_s : param("NextHopType");
    const QString hopId = param("NextHopId");
    if (hopType == u"Instance"_s) {
        if (hopId.isEmpty())
            return missing(u"NextHopId"_s);
        if (!m_account.instance(hopId))
            return ApiError{404,
                            u"InvalidInstanceId.NotFound"_s,
                            u"The specified instance does not exist."_s,
                            {}};
    }
    for (const SimRouteEntry& e : m_account.vpc.routeTable.entries)
        if (e.destinationCidrBlock == normalized || e.destinationCidrBlock == cidr)
            return ApiError{400,
                            u"InvalidCIDRBlock.Duplicate"_s,
                            u"Specified CIDR block is already exists."_s,
                            {}};
    if (truthy(param("DryRun")))
        return ApiError{400,
                        u"DryRunOperation"_s,
                        u"Request validation has been passed with DryRun flag set."_s,
                        {}};
    SimRouteEntry entry{m_account.randomId(u"rte-"_s),
                        normalized,
                        u"Custom"_s,
                        hopType,
                        hopId,
                        param("RouteEntryName"),
                        param("Description"),
                        u"Available"_s,
                        QDateTime::currentDateTimeUtc()};
    m_account.vpc.routeTable.entries.append(entry);
    m_world.notifyChanged();
    return QJsonObject{{u"RouteEntryId"_s, entry.routeEntryId}};
}

Result Session::deleteRouteEntry()
{
    QList<SimRouteEntry>& entries = m_account.vpc.routeTable.entries;
    const QString id = param("RouteEntryId");
    if (id.isEmpty() &&
        (param("RouteTableId").isEmpty() || param("DestinationCidrBlock").isEmpty()))
        return missing(id.isEmpty() && param("RouteTableId").isEmpty() ? u"RouteTableId"_s
                                                                       : u"DestinationCidrBlock"_s);
    if (!param("RouteTableId").isEmpty() &&
        param("RouteTableId") != m_account.vpc.routeTable.routeTableId)
        return ApiError{
            404, u"InvalidRouteTableId.NotFound"_s, u"Specified route table does not exist."_s, {}};
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const SimRouteEntry& e = entries.at(i);
        const bool hit = id.isEmpty()
                             ? (e.destinationCidrBlock == param("DestinationCidrBlock") &&
                                (param("NextHopId").isEmpty() || e.nextHopId == param("NextHopId")))
                             : e.routeEntryId == id;
        if (!hit)
            continue;
        if (e.type != u"Custom"_s)
            return ApiError{400,
                            u"OperationUnsupported.SystemRouteEntry"_s,
                            u"System route entries cannot be deleted."_s,
                            {}};
        if (truthy(param("DryRun")))
            return ApiError{400,
                            u"DryRunOperation"_s,
                            u"Request validation has been passed with DryRun flag set."_s,
                            {}};
        entries.removeAt(i);
        m_world.notifyChanged();
        return QJsonObject{};
    }
    return ApiError{
        404, u"InvalidRouteEntry.NotFound"_s, u"The specified route entry does not exist."_s, {}};
}

// ---- ECS ---------------------------------------------------------------------------------

QJsonObject Session::instanceJson(const SimInstance& i) const
{
    return QJsonObject{
        {u"InstanceId"_s, i.instanceId},
        {u"InstanceName"_s, i.instanceName},
        {u"HostName"_s, i.hostName},
        {u"RegionId"_s, m_account.regionId},
        {u"ZoneId"_s, i.zoneId},
        {u"Status"_s, u"Running"_s},
        {u"InstanceType"_s, i.instanceType},
        {u"InstanceNetworkType"_s, u"vpc"_s},
        {u"OSType"_s, u"linux"_s},
        {u"Cpu"_s, 4},
        {u"Memory"_s, 16384},
        {u"ImageId"_s, u"aliyun_3_x64_20G_alibase_20240819.vhd"_s},
        {u"CreationTime"_s, i.created.toUTC().toString(u"yyyy-MM-ddTHH:mmZ"_s)},
        {u"VpcAttributes"_s, QJsonObject{{u"VpcId"_s, m_account.vpc.vpcId},
                                         {u"VSwitchId"_s, m_account.vpc.vSwitchId},
                                         {u"NatIpAddress"_s, QString()},
                                         {u"PrivateIpAddress"_s,
                                          QJsonObject{{u"IpAddress"_s, QJsonArray{i.privateIp}}}}}},
        {u"Tags"_s,
         QJsonObject{{u"Tag"_s, QJsonArray{QJsonObject{
                                    {u"TagKey"_s, u"ack.aliyun.com"_s},
                                    {u"TagValue"_s, u"c"_s + m_account.vpc.vpcId.mid(4, 12)}}}}}},
    };
}

Result Session::describeInstances()
{
    const QStringList ids = jsonList(param("InstanceIds"));
    const QStringList ips = jsonList(param("PrivateIpAddresses"));
    QList<const SimInstance*> matched;
    for (const SimInstance& i : m_account.instances) {
        if ((!ids.isEmpty() && !ids.contains(i.instanceId)) ||
            (!ips.isEmpty() && !ips.contains(i.privateIp)) ||
            (!param("VpcId").isEmpty() && param("VpcId") != m_account.vpc.vpcId) ||
            (!param("InstanceName").isEmpty() && param("InstanceName") != i.instanceName))
            continue;
        matched.append(&i);
    }
    QJsonObject out{{u"TotalCount"_s, int(matched.size())}};
    qsizetype offset = 0, size = 10;
    const bool tokenPaging =
        m_params.contains(u"NextToken"_s) || m_params.contains(u"MaxResults"_s);
    if (tokenPaging) {
        const auto decoded = decodeToken(param("NextToken"));
        if (!decoded)
            return ApiError{
                400, u"InvalidNextToken.Malformed"_s, u"The specified NextToken is invalid."_s, {}};
        offset = *decoded;
        size = qBound(1, param("MaxResults").isEmpty() ? 10 : param("MaxResults").toInt(), 100);
    } else {
        const Page page = pageNumberPage(m_params, 10, 100);
        offset = page.offset;
        size = page.size;
        out.insert(u"PageNumber"_s, page.pageNumber);
    }
    out.insert(u"PageSize"_s, int(size));
    // Token paging answers the next token; page-number paging leaves it empty.
    out.insert(u"NextToken"_s, tokenPaging && offset + size < matched.size()
                                   ? encodeToken(offset + size)
                                   : QString());
    QJsonArray items;
    for (qsizetype i = offset; i < matched.size() && i < offset + size; ++i)
        items.append(instanceJson(*matched.at(i)));
    out.insert(u"Instances"_s, QJsonObject{{u"Instance"_s, items}});
    return out;
}

Result Session::describeInstanceRamRole()
{
    const QStringList ids = jsonList(param("InstanceIds"));
    QJsonArray sets;
    for (const SimInstance& i : m_account.instances) {
        if ((!ids.isEmpty() && !ids.contains(i.instanceId)) || i.ramRoleName.isEmpty() ||
            (!param("RamRoleName").isEmpty() && param("RamRoleName") != i.ramRoleName))
            continue;
        sets.append(
            QJsonObject{{u"InstanceId"_s, i.instanceId}, {u"RamRoleName"_s, i.ramRoleName}});
    }
    const Page page = pageNumberPage(m_params, 10, 100);
    return QJsonObject{
        {u"RegionId"_s, m_account.regionId},
        {u"TotalCount"_s, int(sets.size())},
        {u"InstanceRamRoleSets"_s,
         QJsonObject{{u"InstanceRamRoleSet"_s, QJsonArray::fromVariantList(sets.toVariantList().mid(
                                                   page.offset, page.size))}}}};
}

// ---- RAM ---------------------------------------------------------------------------------

QString Session::roleArn(const SimRole& role) const
{
    return u"acs:ram::%1:role/%2"_s.arg(m_account.accountId, role.name.toLower());
}

Result Session::getRole()
{
    if (param("RoleName").isEmpty())
        return missing(u"RoleName"_s);
    const auto it = m_account.roles.constFind(param("RoleName"));
    if (it == m_account.roles.constEnd())
        return ApiError{404,
                        u"EntityNotExist.Role"_s,
                        u"The role does not exist: %1."_s.arg(param("RoleName")),
                        {}};
    return QJsonObject{{u"Role"_s, QJsonObject{{u"RoleName"_s, it->name},
                                               {u"RoleId"_s, it->roleId},
                                               {u"Arn"_s, roleArn(*it)},
                                               {u"Description"_s, it->description},
                                               {u"AssumeRolePolicyDocument"_s, it->trustPolicy},
                                               {u"CreateDate"_s, iso(it->created)},
                                               {u"UpdateDate"_s, iso(it->created)},
                                               {u"MaxSessionDuration"_s, 3600}}}};
}

Result Session::listPoliciesForRole()
{
    if (param("RoleName").isEmpty())
        return missing(u"RoleName"_s);
    const auto it = m_account.roles.constFind(param("RoleName"));
    if (it == m_account.roles.constEnd())
        return ApiError{404,
                        u"EntityNotExist.Role"_s,
                        u"The role does not exist: %1."_s.arg(param("RoleName")),
                        {}};
    QJsonArray items;
    for (const QString& name : it->policies) {
        const SimPolicy p = m_account.policies.value(name);
        items.append(QJsonObject{{u"PolicyName"_s, p.name},
                                 {u"PolicyType"_s, p.type},
                                 {u"Description"_s, p.description},
                                 {u"DefaultVersion"_s, p.defaultVersion},
                                 {u"AttachDate"_s, iso(it->created)}});
    }
    return QJsonObject{{u"Policies"_s, QJsonObject{{u"Policy"_s, items}}}};
}

std::optional<ApiError> Session::findPolicy(SimPolicy** policy)
{
    if (param("PolicyName").isEmpty())
        return missing(u"PolicyName"_s);
    *policy = m_account.policy(param("PolicyName"));
    if (!*policy || (!param("PolicyType").isEmpty() && param("PolicyType") != (*policy)->type))
        return ApiError{404,
                        u"EntityNotExist.Policy"_s,
                        u"The policy does not exist: %1."_s.arg(param("PolicyName")),
                        {}};
    return std::nullopt;
}

QJsonObject Session::versionJson(const SimPolicy& policy, const SimPolicyVersion& v) const
{
    return QJsonObject{{u"VersionId"_s, v.versionId},
                       {u"IsDefaultVersion"_s, v.versionId == policy.defaultVersion},
                       {u"PolicyDocument"_s, v.document},
                       {u"CreateDate"_s, iso(v.created)}};
}

Result Session::getPolicy()
{
    SimPolicy* policy = nullptr;
    if (auto error = findPolicy(&policy))
        return *error;
    int attachments = 0;
    for (const SimRole& role : std::as_const(m_account.roles))
        attachments += role.policies.count(policy->name);
    for (const SimUser& user : std::as_const(m_account.users))
        attachments += user.policies.count(policy->name);
    const SimPolicyVersion* def = policy->version(policy->defaultVersion);
    return QJsonObject{
        {u"Policy"_s, QJsonObject{{u"PolicyName"_s, policy->name},
                                  {u"PolicyType"_s, policy->type},
                                  {u"Description"_s, policy->description},
                                  {u"DefaultVersion"_s, policy->defaultVersion},
                                  {u"PolicyDocument"_s, def ? def->document : QString()},
                                  {u"CreateDate"_s, iso(policy->created)},
                                  {u"UpdateDate"_s, iso(policy->updated)},
                                  {u"AttachmentCount"_s, attachments}}},
        {u"DefaultPolicyVersion"_s, def ? versionJson(*policy, *def) : QJsonObject{}}};
}

Result Session::getPolicyVersion()
{
    SimPolicy* policy = nullptr;
    if (auto error = findPolicy(&policy))
        return *error;
    if (param("VersionId").isEmpty())
        return missing(u"VersionId"_s);
    const SimPolicyVersion* v = policy->version(param("VersionId"));
    if (!v)
        return ApiError{
            404,
            u"EntityNotExist.Policy.Version"_s,
            u"The policy version does not exist: %1 of %2."_s.arg(param("VersionId"), policy->name),
            {}};
    return QJsonObject{{u"PolicyVersion"_s, versionJson(*policy, *v)}};
}

Result Session::listPolicyVersions()
{
    SimPolicy* policy = nullptr;
    if (auto error = findPolicy(&policy))
        return *error;
    QJsonArray items;
    for (auto it = policy->versions.crbegin(); it != policy->versions.crend(); ++it)
        items.append(versionJson(*policy, *it)); // newest first, as RAM lists them
    return QJsonObject{{u"PolicyVersions"_s, QJsonObject{{u"PolicyVersion"_s, items}}}};
}

Result Session::createPolicyVersion()
{
    SimPolicy* policy = nullptr;
    if (auto error = findPolicy(&policy))
        return *error;
    if (policy->type != u"Custom"_s)
        return ApiError{
            403, u"NoPermission.SystemPolicy"_s, u"System policies cannot be changed."_s, {}};
    const QString document = param("PolicyDocument");
    if (document.isEmpty())
        return missing(u"PolicyDocument"_s);
    if (document.toUtf8().size() > 6144)
        return ApiError{400,
                        u"LimitExceeded.Policy.Document"_s,
                        u"The policy document exceeds the maximum length of 6144 bytes."_s,
                        {}};
    QString parseError;
    if (!RamPolicyDocument::parse(document.toUtf8(), &parseError))
        return ApiError{400,
                        u"MalformedPolicyDocument"_s,
                        u"The policy document is malformed: "_s + parseError,
                        {}};
    if (policy->versions.size() >= kMaxPolicyVersions) {
        if (param("RotateStrategy") != u"DeleteOldestNonDefaultVersionWhenLimitExceeded"_s)
            return ApiError{409,
                            u"LimitExceeded.Policy.Version"_s,
                            u"Exceeded the maximum number of versions (%1) of policy %2."_s
                                .arg(kMaxPolicyVersions)
                                .arg(policy->name),
                            {}};
        for (qsizetype i = 0; i < policy->versions.size(); ++i)
            if (policy->versions.at(i).versionId != policy->defaultVersion) {
                policy->versions.removeAt(i);
                break;
            }
    }
    int highest = 0;
    for (const SimPolicyVersion& v : policy->versions)
        highest = qMax(highest, v.versionId.mid(1).toInt());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    SimPolicyVersion version{u"v%1"_s.arg(highest + 1), document, now};
    policy->versions.append(version);
    if (truthy(param("SetAsDefault")))
        policy->defaultVersion = version.versionId;
    policy->updated = now;
    m_world.notifyChanged();
    return QJsonObject{{u"PolicyVersion"_s, versionJson(*policy, version)}};
}

Result Session::setDefaultPolicyVersion()
{
    SimPolicy* policy = nullptr;
    if (auto error = findPolicy(&policy))
        return *error;
    if (param("VersionId").isEmpty())
        return missing(u"VersionId"_s);
    if (!policy->version(param("VersionId")))
        return ApiError{
            404,
            u"EntityNotExist.Policy.Version"_s,
            u"The policy version does not exist: %1 of %2."_s.arg(param("VersionId"), policy->name),
            {}};
    policy->defaultVersion = param("VersionId");
    policy->updated = QDateTime::currentDateTimeUtc();
    m_world.notifyChanged();
    return QJsonObject{};
}

Result Session::deletePolicyVersion()
{
    SimPolicy* policy = nullptr;
    if (auto error = findPolicy(&policy))
        return *error;
    if (param("VersionId").isEmpty())
        return missing(u"VersionId"_s);
    if (!policy->version(param("VersionId")))
        return ApiError{
            404,
            u"EntityNotExist.Policy.Version"_s,
            u"The policy version does not exist: %1 of %2."_s.arg(param("VersionId"), policy->name),
            {}};
    if (param("VersionId") == policy->defaultVersion)
        return ApiError{409,
                        u"DeleteConflict.PolicyVersion.Default"_s,
                        u"The default version of a policy cannot be deleted."_s,
                        {}};
    policy->versions.removeIf(
        [&](const SimPolicyVersion& v) { return v.versionId == param("VersionId"); });
    m_world.notifyChanged();
    return QJsonObject{};
}

Result Session::decodeDiagnosticMessage()
{
    const QByteArray raw = QByteArray::fromBase64(param("EncodedDiagnosticMessage").toLatin1());
    if (param("EncodedDiagnosticMessage").isEmpty())
        return missing(u"EncodedDiagnosticMessage"_s);
    if (!QJsonDocument::fromJson(raw).isObject())
        return ApiError{400,
                        u"InvalidParameter.EncodedDiagnosticMessage"_s,
                        u"The specified EncodedDiagnosticMessage is invalid."_s,
                        {}};
    return QJsonObject{{u"DecodedDiagnosticMessage"_s, QString::fromUtf8(raw)}};
}

// ---- STS ---------------------------------------------------------------------------------

Result Session::getCallerIdentity()
{
    QJsonObject out{{u"AccountId"_s, m_account.accountId},
                    {u"Arn"_s, m_account.principalArn(m_key)}};
    if (m_key.roleName.isEmpty()) {
        const SimUser user = m_account.users.value(m_key.userName);
        out.insert(u"IdentityType"_s, u"RAMUser"_s);
        out.insert(u"PrincipalId"_s, user.userId);
        out.insert(u"UserId"_s, user.userId);
    } else {
        const SimRole role = m_account.roles.value(m_key.roleName);
        out.insert(u"IdentityType"_s, u"AssumedRoleUser"_s);
        out.insert(u"PrincipalId"_s, role.roleId + QLatin1Char(':') + m_key.sessionName);
        out.insert(u"RoleId"_s, role.roleId);
    }
    return out;
}

Result Session::assumeRole()
{
    if (param("RoleArn").isEmpty())
        return missing(u"RoleArn"_s);
    if (param("RoleSessionName").isEmpty())
        return missing(u"RoleSessionName"_s);
    const QString roleName = param("RoleArn").section(u":role/"_s, 1);
    const SimRole* role = nullptr;
    for (const SimRole& r : std::as_const(m_account.roles))
        if (r.name.compare(roleName, Qt::CaseInsensitive) == 0 &&
            param("RoleArn").startsWith(u"acs:ram::%1:"_s.arg(m_account.accountId)))
            role = &r;
    if (!role)
        return ApiError{
            404, u"EntityNotExist.Role"_s, u"The role not exists: %1."_s.arg(param("RoleArn")), {}};
    // The trust policy must name this account (or the caller) as a RAM principal.
    const QJsonObject trust = QJsonDocument::fromJson(role->trustPolicy.toUtf8()).object();
    bool trusted = false;
    for (const QJsonValue& s : trust.value(u"Statement"_s).toArray()) {
        const QJsonValue ram = s.toObject().value(u"Principal"_s).toObject().value(u"RAM"_s);
        const QJsonArray principals = ram.isArray() ? ram.toArray() : QJsonArray{ram};
        for (const QJsonValue& p : principals)
            trusted = trusted || p.toString() == u"acs:ram::%1:root"_s.arg(m_account.accountId) ||
                      p.toString() == m_account.principalArn(m_key);
    }
    if (!trusted)
        return ApiError{
            403,
            u"NoPermission"_s,
            u"You are not authorized to do this action. You should be authorized by RAM."_s,
            {}};
    const int duration = qBound(
        900, param("DurationSeconds").isEmpty() ? 3600 : param("DurationSeconds").toInt(), 3600);
    const QString session = param("RoleSessionName");
    SimAccessKey key = m_world.roleSession(role->name, session);
    key.expiration = QDateTime::currentDateTimeUtc().addSecs(duration);
    m_account.keys.insert(key.accessKeyId, key);
    return QJsonObject{
        {u"AssumedRoleUser"_s,
         QJsonObject{{u"Arn"_s, roleArn(*role) + QLatin1Char('/') + session},
                     {u"AssumedRoleId"_s, role->roleId + QLatin1Char(':') + session}}},
        {u"Credentials"_s, QJsonObject{{u"AccessKeyId"_s, key.accessKeyId},
                                       {u"AccessKeySecret"_s, key.secret},
                                       {u"SecurityToken"_s, key.securityToken},
                                       {u"Expiration"_s, iso(key.expiration)}}}};
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
    all.insert(u"Timestamp"_s, iso(QDateTime::currentDateTimeUtc()));
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
