// SPDX-License-Identifier: GPL-3.0-or-later
// The credential chain (as the official SDKs and the aliyun CLI resolve it) against temporary
// HOME folders and hand-made environments, and profile.json loading.
#include "models/cloud/CloudCredentials.h"
#include "models/cloud/CloudRegion.h"
#include "models/cloud/ConnectionProfile.h"
#include "models/cloud/KeychainStore.h"
#include "models/common/Redactor.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace unstuck;
using namespace Qt::StringLiterals;

namespace {

void writeFile(const QString& path, const QByteArray& content,
               QFileDevice::Permissions permissions = QFileDevice::ReadOwner |
                                                      QFileDevice::WriteOwner)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(content);
    f.close();
    QFile::setPermissions(path, permissions);
}

const QByteArray kCliConfig = R"({
  "current": "work",
  "profiles": [
    {"name": "work", "mode": "AK", "access_key_id": "LTAIworkkey", "access_key_secret": "work-secret-123456", "region_id": "cn-beijing"},
    {"name": "sts", "mode": "StsToken", "access_key_id": "STS.temp", "access_key_secret": "sts-secret-123456", "sts_token": "sts-token-abcdef"},
    {"name": "role", "mode": "RamRoleArn", "access_key_id": "LTAIbase", "access_key_secret": "base-secret-123456", "ram_role_arn": "acs:ram::123:role/ops", "ram_session_name": "me"},
    {"name": "ecs", "mode": "EcsRamRole", "ram_role_name": "KubernetesMasterRole-x"},
    {"name": "sso", "mode": "CloudSSO"}
  ],
  "meta_path": ""
})";

const QByteArray kIni = "# comment\n[default]\ntype = access_key\naccess_key_id = LTAIinikey\n"
                        "access_key_secret = ini-secret-123456\n\n[client1]\ntype = ram_role_arn\n"
                        "access_key_id = LTAIc1\naccess_key_secret = c1-secret-123456\n"
                        "role_arn = acs:ram::123:role/c1\nrole_session_name = s1\n";

} // namespace

class TstCredentials : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;
    QProcessEnvironment env(std::initializer_list<std::pair<QString, QString>> vars = {}) const
    {
        QProcessEnvironment e;
        e.insert(u"HOME"_s, m_home.path());
        e.insert(u"USERPROFILE"_s, m_home.path());
        for (const auto& [k, v] : vars)
            e.insert(k, v);
        return e;
    }
    void clearHome()
    {
        QDir(m_home.path() + u"/.aliyun"_s).removeRecursively();
        QDir(m_home.path() + u"/.alibabacloud"_s).removeRecursively();
    }

private Q_SLOTS:
    void init() { clearHome(); }

    void nothingConfigured()
    {
        QString error;
        QVERIFY(!CloudCredentials::resolve({}, env(), &error));
        QVERIFY(error.contains(u"no credentials found"_s));
        QVERIFY(CloudCredentials::availableSources(env()).isEmpty());
    }

    void environmentWinsOverFiles()
    {
        writeFile(m_home.path() + u"/.aliyun/config.json"_s, kCliConfig);
        QString error;
        const auto c = CloudCredentials::resolve(
            {},
            env({{u"ALIBABA_CLOUD_ACCESS_KEY_ID"_s, u"LTAIenv"_s},
                 {u"ALIBABA_CLOUD_ACCESS_KEY_SECRET"_s, u"env-secret-123456"_s},
                 {u"ALIBABA_CLOUD_SECURITY_TOKEN"_s, u"env-token-123456"_s}}),
            &error);
        QVERIFY2(c, qPrintable(error));
        QCOMPARE(c->accessKeyId, u"LTAIenv"_s);
        QCOMPARE(c->securityToken, u"env-token-123456"_s);
        QVERIFY(c->source.startsWith(u"environment"_s));
        // Loaded secrets are masked in anything exported from now on.
        QVERIFY(
            !Redactor::redact(u"secret is env-secret-123456"_s).contains(u"env-secret-123456"_s));
        QVERIFY(!Redactor::redact(u"env-token-123456"_s).contains(u"env-token-123456"_s));
    }

    void halfSetEnvironmentIsReported()
    {
        QString error;
        QVERIFY(!CloudCredentials::resolve(
            {}, env({{u"ALIBABA_CLOUD_ACCESS_KEY_ID"_s, u"LTAIenv"_s}}), &error));
        QVERIFY(error.contains(u"ALIBABA_CLOUD_ACCESS_KEY_SECRET is empty"_s));
    }

    void oversizedCredentialFiles_areRefusedWithTheLimit()
    {
        const QByteArray padding(CloudCredentials::kMaxFileBytes, ' ');
        writeFile(m_home.path() + u"/.aliyun/config.json"_s, kCliConfig + padding);
        writeFile(m_home.path() + u"/.alibabacloud/credentials"_s, kIni + '#' + padding);
        QString error;
        QVERIFY(!CloudCredentials::resolve({}, env(), &error));
        QVERIFY2(error.contains(u"config.json is "_s) &&
                     error.contains(u"credential files over 1024 KiB are not read"_s),
                 qPrintable(error));
        QVERIFY(!CloudCredentials::resolve(u"ini:default"_s, env(), &error));
        QVERIFY2(error.contains(u"credentials is "_s) &&
                     error.contains(u"credential files over 1024 KiB are not read"_s),
                 qPrintable(error));
    }

    void credentialsFileOnADevice_isReadOnlyUpToTheLimit()
    {
        if (!QFile::exists(u"/dev/zero"_s))
            QSKIP("no /dev/zero on this system");
        QString error;
        QVERIFY(!CloudCredentials::resolve(
            u"ini:default"_s, env({{u"ALIBABA_CLOUD_CREDENTIALS_FILE"_s, u"/dev/zero"_s}}),
            &error));
        QVERIFY2(error.contains(u"more than 1048576 bytes"_s) &&
                     error.contains(u"credential files over 1024 KiB are not read"_s),
                 qPrintable(error));
    }

    // ALIBABA_CLOUD_CREDENTIALS_FILE=<(vault read …): a pipe gives its bytes once.
    void credentialsFileFromAPipe_listsEverySection()
    {
#ifdef Q_OS_UNIX
        int fds[2];
        QVERIFY(::pipe(fds) == 0);
        QCOMPARE(::write(fds[1], kIni.constData(), size_t(kIni.size())), ssize_t(kIni.size()));
        ::close(fds[1]);
        QProcessEnvironment e = env();
        e.insert(u"ALIBABA_CLOUD_CREDENTIALS_FILE"_s, u"/dev/fd/%1"_s.arg(fds[0]));
        const QStringList sources = CloudCredentials::availableSources(e);
        ::close(fds[0]);
        QCOMPARE(sources.size(), 2);
        QVERIFY2(sources.at(0).startsWith(u"credentials file section [client1]"_s),
                 qPrintable(sources.join(u"; "_s)));
        QVERIFY2(sources.at(1).startsWith(u"credentials file section [default]"_s),
                 qPrintable(sources.join(u"; "_s)));
#else
        QSKIP("no /dev/fd on this system");
#endif
    }

    void cliCurrentProfile()
    {
        writeFile(m_home.path() + u"/.aliyun/config.json"_s, kCliConfig);
        QString error;
        const auto c = CloudCredentials::resolve({}, env(), &error);
        QVERIFY2(c, qPrintable(error));
        QCOMPARE(c->accessKeyId, u"LTAIworkkey"_s);
        QCOMPARE(c->regionId, u"cn-beijing"_s);
        QCOMPARE(c->source, u"aliyun CLI profile 'work' (~/.aliyun/config.json, mode AK)"_s);
    }

    void cliProfileFromEnvironmentVariable()
    {
        writeFile(m_home.path() + u"/.aliyun/config.json"_s, kCliConfig);
        QString error;
        const auto c =
            CloudCredentials::resolve({}, env({{u"ALIBABA_CLOUD_PROFILE"_s, u"sts"_s}}), &error);
        QVERIFY2(c, qPrintable(error));
        QCOMPARE(c->securityToken, u"sts-token-abcdef"_s);
    }

    void cliProfileAliasesAndIgnoreSwitch()
    {
        writeFile(m_home.path() + u"/.aliyun/config.json"_s, kCliConfig);
        QString error;
        const auto c =
            CloudCredentials::resolve({}, env({{u"ALICLOUD_PROFILE"_s, u"sts"_s}}), &error);
        QVERIFY2(c, qPrintable(error));
        QCOMPARE(c->accessKeyId, u"STS.temp"_s);
        QVERIFY(!CloudCredentials::resolve(
            {}, env({{u"ALIBABA_CLOUD_IGNORE_PROFILE"_s, u"TRUE"_s}}), &error));
    }

    void cliRamRoleArn()
    {
        writeFile(m_home.path() + u"/.aliyun/config.json"_s, kCliConfig);
        QString error;
        const auto c = CloudCredentials::resolve(u"aliyun-cli:role"_s, env(), &error);
        QVERIFY2(c, qPrintable(error));
        QCOMPARE(c->accessKeyId, u"LTAIbase"_s);
        QCOMPARE(c->roleArn, u"acs:ram::123:role/ops"_s);
        QCOMPARE(c->roleSessionName, u"me"_s);
    }

    void ecsRamRoleOnlyWhenChosen()
    {
        QByteArray config = kCliConfig;
        config.replace("\"current\": \"work\"", "\"current\": \"ecs\"");
        writeFile(m_home.path() + u"/.aliyun/config.json"_s, config);
        QString error;
        QVERIFY(!CloudCredentials::resolve({}, env(), &error));
        QVERIFY2(error.contains(u"100.100.100.200"_s), qPrintable(error));
        // With an INI file behind it, the chain falls through to it.
        writeFile(m_home.path() + u"/.alibabacloud/credentials"_s, kIni);
        const auto fallback = CloudCredentials::resolve({}, env(), &error);
        QVERIFY(fallback);
        QCOMPARE(fallback->accessKeyId, u"LTAIinikey"_s);
        // Chosen explicitly, it resolves to the role (keys come from the metadata server).
        const auto chosen = CloudCredentials::resolve(u"ecs"_s, env(), &error);
        QVERIFY2(chosen, qPrintable(error));
        QCOMPARE(chosen->ecsRamRole, u"KubernetesMasterRole-x"_s);
        QVERIFY(chosen->accessKeyId.isEmpty());
    }

    void unsupportedModeAndUnknownProfile()
    {
        writeFile(m_home.path() + u"/.aliyun/config.json"_s, kCliConfig);
        QString error;
        QVERIFY(!CloudCredentials::resolve(u"aliyun-cli:sso"_s, env(), &error));
        QVERIFY(error.contains(u"mode CloudSSO"_s));
        QVERIFY(!CloudCredentials::resolve(u"nope"_s, env(), &error));
        QVERIFY(error.contains(u"no profile 'nope'"_s));
    }

    void cliDisabledFallsToIni()
    {
        writeFile(m_home.path() + u"/.aliyun/config.json"_s, kCliConfig);
        writeFile(m_home.path() + u"/.alibabacloud/credentials"_s, kIni);
        QString error;
        const auto c = CloudCredentials::resolve(
            {}, env({{u"ALIBABA_CLOUD_CLI_PROFILE_DISABLED"_s, u"true"_s}}), &error);
        QVERIFY2(c, qPrintable(error));
        QCOMPARE(c->accessKeyId, u"LTAIinikey"_s);
        QCOMPARE(
            c->source,
            u"credentials file section [default] (~/.alibabacloud/credentials, type access_key)"_s);
    }

    void iniSectionAndFileOverride()
    {
        const QString custom = m_home.path() + u"/elsewhere/creds.ini"_s;
        writeFile(custom, kIni);
        QString error;
        const auto c = CloudCredentials::resolve({},
                                                 env({{u"ALIBABA_CLOUD_CREDENTIALS_FILE"_s, custom},
                                                      {u"ALIBABA_CLOUD_PROFILE"_s, u"client1"_s}}),
                                                 &error);
        QVERIFY2(c, qPrintable(error));
        QCOMPARE(c->roleArn, u"acs:ram::123:role/c1"_s);
        QCOMPARE(c->roleSessionName, u"s1"_s);
    }

    void cliConfigFileOverrideAndChoices()
    {
        const QString custom = m_home.path() + u"/cfg/aliyun.json"_s;
        writeFile(custom, kCliConfig);
        writeFile(m_home.path() + u"/.alibabacloud/credentials"_s, kIni);
        const QProcessEnvironment e = env({{u"ALIBABA_CLOUD_CONFIG_FILE"_s, custom}});
        QString error;
        QVERIFY(CloudCredentials::resolve({}, e, &error));
        const QStringList choices = CloudCredentials::profileChoices(e);
        QVERIFY(choices.contains(u"aliyun-cli:work"_s));
        QVERIFY(choices.contains(u"ini:client1"_s));
        const QStringList sources = CloudCredentials::availableSources(e);
        QVERIFY(sources.size() >= 5); // work, sts, role, ecs (explicit), 2 ini sections
    }

    void preferredEnvWithoutEnvironment()
    {
        QString error;
        QVERIFY(!CloudCredentials::resolve(u"env"_s, env(), &error));
        QVERIFY(error.contains(u"ALIBABA_CLOUD_ACCESS_KEY_ID"_s));
    }

    // ---- profile.json ----------------------------------------------------------------------

    void profileInlineWarnsWhenReadableByOthers()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(u"ca.crt"_s),
                  "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        const QByteArray json =
            R"({"version":1,"name":"prod","kubernetes":{"kubeconfig":"kube/config","context":"ack"},
          "cloud":{"regionId":"cn-hangzhou","endpoint":"https://127.0.0.1:9","caFile":"ca.crt",
                   "credentials":{"source":"inline","accessKeyId":"LTAIinline","accessKeySecret":"inline-secret-123456"}}})";
        writeFile(dir.filePath(u"profile.json"_s), json,
                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                      QFileDevice::ReadOther);
        QString error;
        auto p = ConnectionProfile::load(dir.filePath(u"profile.json"_s), env(), &error);
        QVERIFY2(p, qPrintable(error));
        QCOMPARE(p->name, u"prod"_s);
        QCOMPARE(p->kubeconfigPath, QDir::cleanPath(dir.path() + u"/kube/config"_s));
        QCOMPARE(p->kubeContext, u"ack"_s);
        QCOMPARE(p->cloud.credential.accessKeyId, u"LTAIinline"_s);
        QCOMPARE(p->cloud.endpointOverride, u"https://127.0.0.1:9"_s);
        QVERIFY(p->cloud.caCertificatesPem.startsWith("-----BEGIN CERTIFICATE-----"));
        QVERIFY(!Redactor::redact(u"inline-secret-123456"_s).contains(u"inline-secret"_s));
#ifdef Q_OS_UNIX
        QCOMPARE(p->warnings.size(), 1);
        QVERIFY(p->warnings.first().contains(u"chmod 600"_s));
        QFile::setPermissions(dir.filePath(u"profile.json"_s),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        p = ConnectionProfile::load(dir.filePath(u"profile.json"_s), env(), &error);
        QVERIFY(p && p->warnings.isEmpty());
#endif
    }

    void profileFromAliyunCliAndEnv()
    {
        writeFile(m_home.path() + u"/.aliyun/config.json"_s, kCliConfig);
        QTemporaryDir dir;
        writeFile(
            dir.filePath(u"p.json"_s),
            R"({"version":1,"name":"x","cloud":{"credentials":{"source":"aliyun-cli","profile":"sts"}}})");
        QString error;
        auto p = ConnectionProfile::load(dir.filePath(u"p.json"_s), env(), &error);
        QVERIFY2(p, qPrintable(error));
        QCOMPARE(p->credentialSource, u"aliyun-cli"_s);
        QCOMPARE(p->cloud.credential.securityToken, u"sts-token-abcdef"_s);

        writeFile(
            dir.filePath(u"e.json"_s),
            R"({"version":1,"cloud":{"regionId":"cn-shanghai","credentials":{"source":"env"}}})");
        p = ConnectionProfile::load(dir.filePath(u"e.json"_s), env(), &error);
        QVERIFY2(p, qPrintable(error));
        QVERIFY(!p->hasCredentials());
        QVERIFY(p->cloudProblem.contains(u"ALIBABA_CLOUD_ACCESS_KEY_ID"_s));
        p = ConnectionProfile::load(
            dir.filePath(u"e.json"_s),
            env({{u"ALIBABA_CLOUD_ACCESS_KEY_ID"_s, u"LTAIe"_s},
                 {u"ALIBABA_CLOUD_ACCESS_KEY_SECRET"_s, u"e-secret-123456"_s}}),
            &error);
        QVERIFY(p && p->hasCredentials());
        QCOMPARE(p->cloud.regionId, u"cn-shanghai"_s);
    }

    void profileFromKeychain()
    {
        QTemporaryDir dir;
        writeFile(
            dir.filePath(u"k.json"_s),
            R"({"version":1,"cloud":{"credentials":{"source":"keychain","name":"prod-ak"}}})");
        QString error;
        const auto p = ConnectionProfile::load(dir.filePath(u"k.json"_s), env(), &error);
        QVERIFY2(p, qPrintable(error));
        QCOMPARE(p->keychainName, u"prod-ak"_s);
        QVERIFY(!p->hasCredentials());
        MemoryKeychainStore store;
        QString missingError;
        p->resolveKeychain(store,
                           [&](const CloudCredential&, const QString& e) { missingError = e; });
        QVERIFY(missingError.contains(u"prod-ak"_s));
        store.writeSecret(u"prod-ak"_s,
                          KeychainStore::encodeAccessKey(u"LTAIkc"_s, u"kc-secret-123456"_s),
                          [](const QString&) {});
        CloudCredential got;
        p->resolveKeychain(store, [&](const CloudCredential& c, const QString&) { got = c; });
        QCOMPARE(got.accessKeyId, u"LTAIkc"_s);
        QCOMPARE(got.source, u"keychain entry 'prod-ak'"_s);
        QVERIFY(!Redactor::redact(u"kc-secret-123456"_s).contains(u"kc-secret"_s));
    }

    void profileWithoutCredentials()
    {
        QTemporaryDir dir;
        writeFile(
            dir.filePath(u"n.json"_s),
            R"({"version":1,"kubernetes":{"kubeconfig":"/abs/kc"},"cloud":{"regionId":"cn-hangzhou"}})");
        QString error;
        const auto p = ConnectionProfile::load(dir.filePath(u"n.json"_s), env(), &error);
        QVERIFY2(p, qPrintable(error));
        QVERIFY(p->hasCloud);
        QVERIFY(!p->hasCredentials());
        QCOMPARE(p->kubeconfigPath, u"/abs/kc"_s);
        QVERIFY(p->cloudProblem.contains(u"no cloud credentials"_s));
    }

    void profileErrors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("json") << QByteArray("{") << "not valid JSON";
        QTest::newRow("version") << QByteArray(R"({"version":2})") << "\"version\" must be 1";
        QTest::newRow("source")
            << QByteArray(R"({"version":1,"cloud":{"credentials":{"source":"vault"}}})")
            << "must be inline, aliyun-cli, env or keychain, not \"vault\"";
        QTest::newRow("inline")
            << QByteArray(
                   R"({"version":1,"cloud":{"credentials":{"source":"inline","accessKeyId":"x"}}})")
            << "need \"accessKeyId\" and \"accessKeySecret\"";
        QTest::newRow("ca") << QByteArray(R"({"version":1,"cloud":{"caFile":"missing.pem"}})")
                            << "caFile";
    }

    void profileErrors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        QTemporaryDir dir;
        writeFile(dir.filePath(u"bad.json"_s), json);
        QString actual;
        QVERIFY(!ConnectionProfile::load(dir.filePath(u"bad.json"_s), env(), &actual));
        QVERIFY2(actual.contains(error), qPrintable(actual));
    }

    void regionFromNodes()
    {
        const QJsonObject labelled{
            {u"metadata"_s,
             QJsonObject{{u"name"_s, u"n1"_s},
                         {u"labels"_s,
                          QJsonObject{{u"topology.kubernetes.io/region"_s, u"cn-shenzhen"_s}}}}}};
        const QJsonObject provider{
            {u"metadata"_s, QJsonObject{{u"name"_s, u"n2"_s}}},
            {u"spec"_s, QJsonObject{{u"providerID"_s, u"alicloud://cn-hangzhou.i-bp1abc"_s}}}};
        QString evidence;
        QCOMPARE(CloudRegion::fromNodes({provider, labelled}, &evidence), u"cn-hangzhou"_s);
        QVERIFY(evidence.contains(u"spec.providerID"_s));
        QCOMPARE(CloudRegion::fromNodes({labelled}, &evidence), u"cn-shenzhen"_s);
        QCOMPARE(CloudRegion::instanceOfNode(provider), u"i-bp1abc"_s);
        QCOMPARE(CloudRegion::splitProviderId(u"garbage"_s).first, QString());
    }
};

QTEST_GUILESS_MAIN(TstCredentials)
#include "tst_credentials.moc"
