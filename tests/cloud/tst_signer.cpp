// SPDX-License-Identifier: GPL-3.0-or-later
// The official known-answer vectors for Alibaba Cloud request signatures (V1 HMAC-SHA1 RPC and
// V3 ACS3-HMAC-SHA256), from the Alibaba docs and the official SDKs' own tests.
#include "models/cloud/AcsSigner.h"

#include <QTest>

using unstuck::AcsSigner;

class TstSigner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void percentEncodingFollowsRfc3986()
    {
        QCOMPARE(AcsSigner::percentEncode(QStringLiteral("a b*c~d/e+f")),
                 QByteArray("a%20b%2Ac~d%2Fe%2Bf"));
        QCOMPARE(AcsSigner::percentEncode(QStringLiteral("é")), QByteArray("%C3%A9"));
    }

    // Legacy ECS signature document (doc-detail/25492).
    void v1LegacyDocVector()
    {
        const AcsSigner::Params params{
            {QStringLiteral("AccessKeyId"), QStringLiteral("testid")},
            {QStringLiteral("Action"), QStringLiteral("DescribeRegions")},
            {QStringLiteral("Format"), QStringLiteral("XML")},
            {QStringLiteral("SignatureMethod"), QStringLiteral("HMAC-SHA1")},
            {QStringLiteral("SignatureNonce"),
             QStringLiteral("3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf")},
            {QStringLiteral("SignatureVersion"), QStringLiteral("1.0")},
            {QStringLiteral("Timestamp"), QStringLiteral("2016-02-23T12:46:24Z")},
            {QStringLiteral("Version"), QStringLiteral("2014-05-26")},
        };
        const QByteArray sts = AcsSigner::v1StringToSign("GET", params);
        QCOMPARE(sts, QByteArray("GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%"
                                 "3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-"
                                 "83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%"
                                 "3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26"));
        QCOMPARE(AcsSigner::v1Signature(sts, QStringLiteral("testsecret")),
                 QByteArray("OLeaidS1JvxuMvnyHOwuJ+uX5qY="));
    }

    // alibaba-cloud-sdk-go sdk/auth/rpc_signature_composer_test.go (empty values, space).
    void v1GoSdkVectors()
    {
        AcsSigner::Params params{
            {QStringLiteral("AccessKeyId"), QStringLiteral("accessKeyId")},
            {QStringLiteral("Action"), QString()},
            {QStringLiteral("Format"), QStringLiteral("JSON")},
            {QStringLiteral("RegionId"), QStringLiteral("regionId")},
            {QStringLiteral("SignatureMethod"), QStringLiteral("HMAC-SHA1")},
            {QStringLiteral("SignatureNonce"), QStringLiteral("MOCK_UUID")},
            {QStringLiteral("SignatureType"), QString()},
            {QStringLiteral("SignatureVersion"), QStringLiteral("1.0")},
            {QStringLiteral("Timestamp"), QStringLiteral("mock date")},
            {QStringLiteral("Version"), QString()},
        };
        const QByteArray sts = AcsSigner::v1StringToSign("GET", params);
        QCOMPARE(sts,
                 QByteArray("GET&%2F&AccessKeyId%3DaccessKeyId%26Action%3D%26Format%3DJSON%"
                            "26RegionId%3DregionId%26SignatureMethod%3DHMAC-SHA1%"
                            "26SignatureNonce%3DMOCK_UUID%26SignatureType%3D%"
                            "26SignatureVersion%3D1.0%26Timestamp%3Dmock%2520date%26Version%3D"));
        QCOMPARE(AcsSigner::v1Signature(sts, QStringLiteral("accessKeySecret")),
                 QByteArray("7loPmFjvDnzOVnQeQNj85S6nFGY="));

        params.insert(QStringLiteral("SecurityToken"), QStringLiteral("accessKeyStsToken"));
        QCOMPARE(AcsSigner::v1Signature(AcsSigner::v1StringToSign("GET", params),
                                        QStringLiteral("accessKeySecret")),
                 QByteArray("5Nxdcler+ihqWqv0Hr2On4PsBf4="));
    }

    // darabonba-openapi-util Test_GetRPCSignature.
    void v1DarabonbaVector()
    {
        const QByteArray sts =
            AcsSigner::v1StringToSign("", {{QStringLiteral("test"), QStringLiteral("ok")}});
        QCOMPARE(sts, QByteArray("&%2F&test%3Dok"));
        QCOMPARE(AcsSigner::v1Signature(sts, QStringLiteral("accessKeySecret")),
                 QByteArray("jHx/oHoHNrbVfhncHEvPdHXZwHU="));
    }

    // The V3 doc's step-by-step example (RunInstances).
    void v3DocVector()
    {
        const AcsSigner::Headers headers{
            {"host", "ecs.cn-shanghai.aliyuncs.com"},
            {"x-acs-action", "RunInstances"},
            {"x-acs-version", "2014-05-26"},
            {"x-acs-date", "2023-10-26T10:22:32Z"},
            {"x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d"},
            {"x-acs-content-sha256", AcsSigner::sha256Hex({})},
        };
        const AcsSigner::Params query{
            {QStringLiteral("ImageId"),
             QStringLiteral("win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd")},
            {QStringLiteral("RegionId"), QStringLiteral("cn-shanghai")},
        };
        const QByteArrayList signedHeaders = AcsSigner::v3DefaultSignedHeaders(headers);
        const QByteArray canonical = AcsSigner::v3CanonicalRequest(
            "POST", QStringLiteral("/"), query, headers, signedHeaders, AcsSigner::sha256Hex({}));
        QCOMPARE(canonical,
                 QByteArray("POST\n/\n"
                            "ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId="
                            "cn-shanghai\n"
                            "host:ecs.cn-shanghai.aliyuncs.com\n"
                            "x-acs-action:RunInstances\n"
                            "x-acs-content-sha256:"
                            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n"
                            "x-acs-date:2023-10-26T10:22:32Z\n"
                            "x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d\n"
                            "x-acs-version:2014-05-26\n\n"
                            "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-"
                            "nonce;x-acs-version\n"
                            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        const QByteArray sts = AcsSigner::v3StringToSign(canonical);
        QCOMPARE(sts,
                 QByteArray("ACS3-HMAC-SHA256\n"
                            "7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259"));
        const QByteArray signature =
            AcsSigner::v3Signature(sts, QStringLiteral("YourAccessKeySecret"));
        QCOMPARE(signature,
                 QByteArray("06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"));
        const QByteArray authorization =
            AcsSigner::v3Authorization(QStringLiteral("YourAccessKeyId"), signedHeaders, signature);
        QCOMPARE(authorization,
                 QByteArray("ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-"
                            "action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-"
                            "version,Signature="
                            "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"));
        const auto parsed = AcsSigner::parseV3Authorization(authorization);
        QVERIFY(parsed.valid);
        QCOMPARE(parsed.accessKeyId, QStringLiteral("YourAccessKeyId"));
        QCOMPARE(parsed.signedHeaders, signedHeaders);
        QCOMPARE(parsed.signature, signature);
    }

    // darabonba-openapi-util Test_GetAuthorization: empty method and path, empty query value,
    // a header repeated with different case.
    void v3DarabonbaVector()
    {
        const AcsSigner::Headers headers{{"x-acs-test", "http"}, {"x-acs-TEST", "https"}};
        const AcsSigner::Params query{{QStringLiteral("test"), QStringLiteral("ok")},
                                      {QStringLiteral("empty"), QString()}};
        const QByteArray hash("55e12e91650d2fec56ec74e1d3e4ddbfce2ef3a65890c2a19ecf88a307e76a23");
        const QByteArrayList signedHeaders = AcsSigner::v3DefaultSignedHeaders(headers);
        QCOMPARE(signedHeaders, QByteArrayList{"x-acs-test"});
        const QByteArray canonical =
            AcsSigner::v3CanonicalRequest("", QString(), query, headers, signedHeaders, hash);
        QCOMPARE(canonical,
                 QByteArray("\n/\nempty=&test=ok\nx-acs-test:http,https\n\nx-acs-test\n") + hash);
        const QByteArray signature =
            AcsSigner::v3Signature(AcsSigner::v3StringToSign(canonical), QStringLiteral("secret"));
        QCOMPARE(AcsSigner::v3Authorization(QStringLiteral("acesskey"), signedHeaders, signature),
                 QByteArray("ACS3-HMAC-SHA256 Credential=acesskey,SignedHeaders=x-acs-test,"
                            "Signature="
                            "4ab59fffe3c5738ff8a2729f90cc04fe18b02a4b15b2102cbaf92f9ff3df2ea3"));
    }

    void malformedAuthorizationIsRejected()
    {
        QVERIFY(!AcsSigner::parseV3Authorization("ACS3-HMAC-SHA256 Credential=x").valid);
        QVERIFY(!AcsSigner::parseV3Authorization("garbage").valid);
    }
};

QTEST_GUILESS_MAIN(TstSigner)
#include "tst_signer.moc"
