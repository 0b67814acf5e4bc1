// SPDX-License-Identifier: GPL-3.0-or-later
#include "kube/TestPki.h"
#include "models/common/Redactor.h"
#include "models/kube/ExecCredentialProvider.h"
#include "models/kube/ExecPluginLocator.h"
#include "models/kube/KubeconfigLoader.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace unstuck;

namespace {

QString fixture(const QString& name)
{
    return QStringLiteral(UNSTUCK_FIXTURES "/kube/") + name;
}

QProcessEnvironment envWith(const QString& kubeconfig,
                            const QString& home = QStringLiteral("/nonexistent-home"))
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), home);
    if (!kubeconfig.isNull())
        env.insert(QStringLiteral("KUBECONFIG"), kubeconfig);
    return env;
}

void writeFile(const QString& path, const QByteArray& content, bool executable = false)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    if (executable)
        f.setPermissions(f.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeUser);
}

// A kubeconfig with one context "c" -> cluster "k" / user "u".
QByteArray config(const QByteArray& cluster, const QByteArray& user)
{
    return "apiVersion: v1\nkind: Config\ncurrent-context: c\n"
           "clusters:\n- name: k\n  cluster:\n" +
           cluster + "users:\n- name: u\n  user:\n" + user +
           "contexts:\n- name: c\n  context: {cluster: k, user: u, namespace: ns1}\n";
}

QByteArray credentialJson(const QByteArray& token, const QByteArray& expiry = {},
                          const QByteArray& apiVersion = "client.authentication.k8s.io/v1")
{
    QByteArray status = "\"token\":\"" + token + "\"";
    if (!expiry.isEmpty())
        status += ",\"expirationTimestamp\":\"" + expiry + "\"";
    return "{\"apiVersion\":\"" + apiVersion + "\",\"kind\":\"ExecCredential\",\"status\":{" +
           status + "}}";
}

QByteArray printingScript(const QByteArray& output, const QByteArray& extra = {})
{
    return "#!/bin/sh\n" + extra + "cat <<'JSON'\n" + output + "\nJSON\n";
}

ResolvedContext execContext(const QString& command, const QString& mode = QStringLiteral("Never"))
{
    ResolvedContext ctx;
    ctx.contextName = QStringLiteral("c");
    ctx.userName = QStringLiteral("exec-user");
    ctx.cluster.server = QStringLiteral("https://127.0.0.1:6443");
    ExecConfig exec;
    exec.command = command;
    exec.apiVersion = QStringLiteral("client.authentication.k8s.io/v1");
    exec.interactiveMode = mode;
    ctx.user.exec = exec;
    return ctx;
}

} // namespace

class TestKubeconfig : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_pkiDir;
    std::unique_ptr<test::TestPki> m_pki;
    QTemporaryDir m_dir;

    QString write(const QString& name, const QByteArray& content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(content);
        return path;
    }

    std::optional<ResolvedContext> loadAndResolve(const QByteArray& yaml, KubeError* error,
                                                  const QString& name = QStringLiteral("kc.yaml"))
    {
        const QString path = write(name, yaml);
        auto cfg = KubeconfigLoader::load(path, QProcessEnvironment(), error);
        if (!cfg)
            return std::nullopt;
        return KubeconfigLoader::resolve(*cfg, {}, error);
    }

    QByteArray pem(const QString& name) const { return m_pki->read(name); }
    QByteArray b64(const QString& name) const { return m_pki->read(name).toBase64(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_pkiDir.isValid());
        m_pki = std::make_unique<test::TestPki>(m_pkiDir.path());
        QString error;
        QVERIFY2(m_pki->generate(&error), qPrintable(error));
    }

    void everyClusterField_isRead()
    {
        writeFile(m_dir.filePath(QStringLiteral("ca.crt")), pem(QStringLiteral("ca.crt")));
        KubeError error;
        auto ctx = loadAndResolve(config("    server: https://127.0.0.1:6443/prefix\n"
                                         "    certificate-authority: ca.crt\n"
                                         "    tls-server-name: kube.internal.test\n"
                                         "    proxy-url: socks5://127.0.0.1:1080\n"
                                         "    disable-compression: true\n",
                                         "    token: abcdef-token-1234567\n"),
                                  &error);
        QVERIFY2(ctx, qPrintable(error.message));
        QCOMPARE(ctx->contextName, QStringLiteral("c"));
        QCOMPARE(ctx->ns, QStringLiteral("ns1"));
        QCOMPARE(ctx->cluster.server, QStringLiteral("https://127.0.0.1:6443/prefix"));
        QCOMPARE(ctx->cluster.tlsServerName, QStringLiteral("kube.internal.test"));
        QCOMPARE(ctx->cluster.proxyUrl, QStringLiteral("socks5://127.0.0.1:1080"));
        QVERIFY(ctx->cluster.disableCompression);
        QVERIFY(!ctx->cluster.insecureSkipTlsVerify);
        QCOMPARE(ctx->cluster.certificateAuthorityPath, m_dir.filePath(QStringLiteral("ca.crt")));
        QCOMPARE(ctx->cluster.certificateAuthorityData, pem(QStringLiteral("ca.crt")));
        QCOMPARE(ctx->user.token, QStringLiteral("abcdef-token-1234567"));
    }

    void caData_overridesCaPath()
    {
        KubeError error;
        auto ctx = loadAndResolve(config("    server: https://127.0.0.1:6443\n"
                                         "    certificate-authority: does-not-exist.crt\n"
                                         "    certificate-authority-data: " +
                                             b64(QStringLiteral("other-ca.crt")) + "\n",
                                         "    token: abcdef-token-1234567\n"),
                                  &error);
        QVERIFY2(ctx, qPrintable(error.message));
        QCOMPARE(ctx->cluster.certificateAuthorityData, pem(QStringLiteral("other-ca.crt")));
    }

    void insecureWithCa_isRejectedLikeKubectl()
    {
        KubeError error;
        auto ctx = loadAndResolve(config("    server: https://127.0.0.1:6443\n"
                                         "    insecure-skip-tls-verify: true\n"
                                         "    certificate-authority-data: " +
                                             b64(QStringLiteral("ca.crt")) + "\n",
                                         "    token: abcdef-token-1234567\n"),
                                  &error);
        QVERIFY(!ctx);
        QCOMPARE(error.kind, KubeError::Kind::Config);
        QVERIFY2(error.message.contains(QStringLiteral(
                     "specifying a root certificates file with the insecure flag is not allowed")),
                 qPrintable(error.message));
    }

    void insecureWithoutCa_isAccepted()
    {
        KubeError error;
        auto ctx = loadAndResolve(config("    server: https://127.0.0.1:6443\n"
                                         "    insecure-skip-tls-verify: true\n",
                                         "    username: admin\n    password: pa55word-xyz\n"),
                                  &error);
        QVERIFY2(ctx, qPrintable(error.message));
        QVERIFY(ctx->cluster.insecureSkipTlsVerify);
        QCOMPARE(ctx->user.username, QStringLiteral("admin"));
        QCOMPARE(ctx->user.password, QStringLiteral("pa55word-xyz"));
    }

    void unreadableCaFile_isNamed()
    {
        KubeError error;
        auto ctx = loadAndResolve(config("    server: https://127.0.0.1:6443\n"
                                         "    certificate-authority: missing/ca.pem\n",
                                         "    token: abcdef-token-1234567\n"),
                                  &error);
        QVERIFY(!ctx);
        QVERIFY2(error.message.startsWith(QStringLiteral("unable to read certificate-authority ") +
                                          m_dir.filePath(QStringLiteral("missing/ca.pem"))),
                 qPrintable(error.message));
    }

    void garbageCa_isRejected()
    {
        KubeError error;
        auto ctx = loadAndResolve(config("    server: https://127.0.0.1:6443\n"
                                         "    certificate-authority-data: " +
                                             QByteArray("not a certificate").toBase64() + "\n",
                                         "    token: abcdef-token-1234567\n"),
                                  &error);
        QVERIFY(!ctx);
        QVERIFY2(error.message.contains(QStringLiteral("contains no PEM certificate")),
                 qPrintable(error.message));
    }

    void invalidBase64_namesLine()
    {
        KubeError error;
        auto ctx = loadAndResolve(config("    server: https://127.0.0.1:6443\n"
                                         "    certificate-authority-data: '%%%not-base64%%%'\n",
                                         "    token: abcdef-token-1234567\n"),
                                  &error);
        QVERIFY(!ctx);
        QVERIFY2(error.message.contains(QStringLiteral("kc.yaml\": line 8:")),
                 qPrintable(error.message));
        QVERIFY(error.message.contains(QStringLiteral("not valid base64")));
    }

    void relativePaths_resolveAgainstTheirFile()
    {
        QTemporaryDir other;
        QDir(other.path()).mkpath(QStringLiteral("certs"));
        writeFile(other.filePath(QStringLiteral("certs/ca.crt")), pem(QStringLiteral("ca.crt")));
        writeFile(other.filePath(QStringLiteral("certs/me.crt")),
                  pem(QStringLiteral("client-rsa.crt")));
        writeFile(other.filePath(QStringLiteral("certs/me.key")),
                  pem(QStringLiteral("client-rsa.key")));
        writeFile(other.filePath(QStringLiteral("certs/token")), "file-token-abcdefgh\n");
        writeFile(other.filePath(QStringLiteral("kc.yaml")),
                  config("    server: https://127.0.0.1:6443\n"
                         "    certificate-authority: certs/ca.crt\n",
                         "    client-certificate: certs/me.crt\n"
                         "    client-key: ./certs/me.key\n"
                         "    tokenFile: certs/token\n"));
        // Run from a different working directory: paths must not depend on it.
        KubeError error;
        auto cfg =
            KubeconfigLoader::load({}, envWith(other.filePath(QStringLiteral("kc.yaml"))), &error);
        QVERIFY2(cfg, qPrintable(error.message));
        auto ctx = KubeconfigLoader::resolve(*cfg, {}, &error);
        QVERIFY2(ctx, qPrintable(error.message));
        QCOMPARE(ctx->cluster.certificateAuthorityPath,
                 other.filePath(QStringLiteral("certs/ca.crt")));
        QCOMPARE(ctx->user.clientKeyPath, other.filePath(QStringLiteral("certs/me.key")));
        QCOMPARE(ctx->user.clientCertificateData, pem(QStringLiteral("client-rsa.crt")));
        QCOMPARE(ctx->user.clientKeyData, pem(QStringLiteral("client-rsa.key")));
        QCOMPARE(ctx->user.token, QStringLiteral("file-token-abcdefgh"));
        QCOMPARE(ctx->sourceFile, other.filePath(QStringLiteral("kc.yaml")));
    }

    void merge_firstFileWinsPerKey()
    {
        const QString list = fixture(QStringLiteral("merge-first.yaml")) + QDir::listSeparator() +
                             fixture(QStringLiteral("merge-second.yaml"));
        KubeError error;
        auto cfg = KubeconfigLoader::load({}, envWith(list), &error);
        QVERIFY2(cfg, qPrintable(error.message));
        QCOMPARE(cfg->files.size(), 2);
        // current-context: the first file that sets it (only the second does).
        QCOMPARE(cfg->currentContext, QStringLiteral("ctx-second"));
        // Same cluster name: the first file's value, never the second's.
        QCOMPARE(cfg->clusters.value(QStringLiteral("shared")).server,
                 QStringLiteral("https://first.example:6443"));
        // Same user: even non-conflicting fields of the second red-user are discarded.
        QCOMPARE(cfg->users.value(QStringLiteral("red-user")).token,
                 QStringLiteral("first-file-token-111"));
        QVERIFY(cfg->users.value(QStringLiteral("red-user")).username.isEmpty());
        // Same context name: first wins; new names from the second file are added.
        QCOMPARE(cfg->contexts.value(QStringLiteral("ctx-first")).cluster,
                 QStringLiteral("shared"));
        QVERIFY(cfg->contexts.contains(QStringLiteral("ctx-second")));
        QVERIFY(cfg->clusters.contains(QStringLiteral("only-second")));
        QCOMPARE(cfg->originOf.value(QStringLiteral("user:blue-user")),
                 fixture(QStringLiteral("merge-second.yaml")));

        auto ctx = KubeconfigLoader::resolve(*cfg, {}, &error);
        QVERIFY2(ctx, qPrintable(error.message));
        QCOMPARE(ctx->cluster.server, QStringLiteral("https://only-second.example"));
        QCOMPARE(ctx->user.token, QStringLiteral("second-file-token-222"));
        QCOMPARE(ctx->ns, QStringLiteral("default"));

        // --context override.
        auto first = KubeconfigLoader::resolve(*cfg, QStringLiteral("ctx-first"), &error);
        QVERIFY2(first, qPrintable(error.message));
        QCOMPARE(first->cluster.server, QStringLiteral("https://first.example:6443"));
        QCOMPARE(first->ns, QStringLiteral("team-a"));
    }

    void merge_currentContextFromFirstFileThatSetsIt()
    {
        const QString sep = QDir::listSeparator();
        const QString list = fixture(QStringLiteral("merge-third.yaml")) + sep +
                             fixture(QStringLiteral("merge-second.yaml")) + sep +
                             fixture(QStringLiteral("merge-first.yaml"));
        KubeError error;
        auto cfg = KubeconfigLoader::load({}, envWith(list), &error);
        QVERIFY2(cfg, qPrintable(error.message));
        QCOMPARE(cfg->currentContext, QStringLiteral("ctx-first"));
        QCOMPARE(cfg->users.value(QStringLiteral("blue-user")).token,
                 QStringLiteral("third-file-token-333"));
        // ctx-first now comes from the second file (listed before merge-first.yaml).
        auto ctx = KubeconfigLoader::resolve(*cfg, {}, &error);
        QVERIFY2(ctx, qPrintable(error.message));
        QCOMPARE(ctx->cluster.server, QStringLiteral("https://only-second.example"));
        QCOMPARE(ctx->user.token, QStringLiteral("third-file-token-333"));
    }

    void kubeconfigList_skipsMissingAndDuplicates()
    {
        const QString sep = QDir::listSeparator();
        const QString list = m_dir.filePath(QStringLiteral("nope.yaml")) + sep +
                             fixture(QStringLiteral("merge-first.yaml")) + sep + sep +
                             fixture(QStringLiteral("merge-first.yaml"));
        KubeError error;
        auto cfg = KubeconfigLoader::load({}, envWith(list), &error);
        QVERIFY2(cfg, qPrintable(error.message));
        QCOMPARE(cfg->files, QStringList{fixture(QStringLiteral("merge-first.yaml"))});

        auto none = KubeconfigLoader::load({}, envWith(m_dir.filePath(QStringLiteral("nope.yaml"))),
                                           &error);
        QVERIFY(!none);
        QVERIFY2(error.message.contains(QStringLiteral("none of the files in KUBECONFIG exists")),
                 qPrintable(error.message));
    }

    void explicitPath_overridesEnvAndMustExist()
    {
        KubeError error;
        auto cfg =
            KubeconfigLoader::load(fixture(QStringLiteral("merge-first.yaml")),
                                   envWith(fixture(QStringLiteral("merge-second.yaml"))), &error);
        QVERIFY2(cfg, qPrintable(error.message));
        QCOMPARE(cfg->files, QStringList{fixture(QStringLiteral("merge-first.yaml"))});
        QVERIFY(!cfg->clusters.contains(QStringLiteral("only-second")));

        const QString missing = m_dir.filePath(QStringLiteral("missing.yaml"));
        QVERIFY(!KubeconfigLoader::load(
            missing, envWith(fixture(QStringLiteral("merge-first.yaml"))), &error));
        QCOMPARE(error.kind, KubeError::Kind::Config);
        QVERIFY2(error.message.contains(missing) &&
                     error.message.contains(QStringLiteral("does not exist")),
                 qPrintable(error.message));
    }

    void homeKubeConfig_isTheDefault()
    {
        QTemporaryDir home;
        QDir(home.path()).mkpath(QStringLiteral(".kube"));
        QFile::copy(fixture(QStringLiteral("merge-second.yaml")),
                    home.filePath(QStringLiteral(".kube/config")));
        KubeError error;
        auto cfg = KubeconfigLoader::load({}, envWith(QString(), home.path()), &error);
        QVERIFY2(cfg, qPrintable(error.message));
        QCOMPARE(cfg->currentContext, QStringLiteral("ctx-second"));

        QTemporaryDir empty;
        QVERIFY(!KubeconfigLoader::load({}, envWith(QString(), empty.path()), &error));
        QVERIFY2(error.message.contains(empty.filePath(QStringLiteral(".kube/config"))),
                 qPrintable(error.message));
    }

    void yamlSyntaxError_namesFileAndLine()
    {
        KubeError error;
        QVERIFY(!KubeconfigLoader::load(fixture(QStringLiteral("bad-indent.yaml")), {}, &error));
        QCOMPARE(error.kind, KubeError::Kind::Config);
        // Worded as kubectl words it: error loading config file "PATH": ...
        QVERIFY2(error.message.startsWith(QStringLiteral("error loading config file \"%1\": YAML "
                                                         "error at line 7, column ")
                                              .arg(fixture(QStringLiteral("bad-indent.yaml")))),
                 qPrintable(error.message));
    }

    void oversizedKubeconfig_isRefusedWithTheLimit()
    {
        QByteArray huge = config("    server: https://127.0.0.1:6443\n", "    token: abcdef-1\n");
        huge += '#' + QByteArray(KubeconfigLoader::kMaxFileBytes, 'x') + '\n';
        const QString path = write(QStringLiteral("huge.yaml"), huge);
        KubeError error;
        QVERIFY(!KubeconfigLoader::load(path, {}, &error));
        QCOMPARE(error.kind, KubeError::Kind::Config);
        QVERIFY2(error.message.contains(path) &&
                     error.message.contains(QStringLiteral("at most 16 MiB")),
                 qPrintable(error.message));
    }

    void endlessFile_isRefusedWithTheLimit()
    {
#ifndef Q_OS_UNIX
        QSKIP("/dev/zero is a Unix device");
#endif
        // A device says its size is 0 and never ends: it used to be read until memory ran out.
        KubeError error;
        QVERIFY(!KubeconfigLoader::load(QStringLiteral("/dev/zero"), {}, &error));
        QVERIFY2(error.message.contains(QStringLiteral("at most 16 MiB")),
                 qPrintable(error.message));
        auto ctx = loadAndResolve(config("    server: https://127.0.0.1:6443\n"
                                         "    certificate-authority: /dev/zero\n",
                                         "    token: abcdef-token-1234567\n"),
                                  &error);
        QVERIFY(!ctx);
        QVERIFY2(error.message.startsWith(QStringLiteral("unable to read certificate-authority "
                                                         "/dev/zero")) &&
                     error.message.contains(QStringLiteral("16 MiB")),
                 qPrintable(error.message));
    }

    void kubeconfigFromAPipe_isReadWhole()
    {
#ifndef Q_OS_UNIX
        QSKIP("a FIFO is a Unix pipe");
#endif
        // `--kubeconfig <(…)`, which kubectl reads: a pipe delivers in pieces, and all of them
        // are read.
        QByteArray yaml = config("    server: https://127.0.0.1:6443\n", "    token: abcdef-1\n");
        yaml += '#' + QByteArray(200000, 'x') + "\n";
        const QString fifo = m_dir.filePath(QStringLiteral("kubeconfig.fifo"));
        QCOMPARE(QProcess::execute(QStringLiteral("mkfifo"), {fifo}), 0);
        // The shell opens the FIFO in the child: opening it here would wait for a reader.
        QProcess writer;
        writer.start(QStringLiteral("sh"),
                     {QStringLiteral("-c"), QStringLiteral("cat \"$0\" > \"$1\""),
                      write(QStringLiteral("piped.yaml"), yaml), fifo});
        QVERIFY(writer.waitForStarted());
        KubeError error;
        const auto cfg = KubeconfigLoader::load(fifo, {}, &error);
        QVERIFY2(cfg, qPrintable(error.message));
        QVERIFY(cfg->contexts.contains(QStringLiteral("c")));
        QVERIFY(writer.waitForFinished(10000));
    }

    void wrongShape_namesLine()
    {
        KubeError error;
        QVERIFY(!KubeconfigLoader::load(fixture(QStringLiteral("wrong-shape.yaml")), {}, &error));
        QVERIFY2(error.message.contains(QStringLiteral("wrong-shape.yaml\": line 4:")) &&
                     error.message.contains(QStringLiteral("\"clusters\" must be a list")),
                 qPrintable(error.message));

        const QString path =
            write(QStringLiteral("scalar-server.yaml"),
                  config("    server: [a, b]\n", "    token: abcdef-token-1234567\n"));
        QVERIFY(!KubeconfigLoader::load(path, {}, &error));
        QVERIFY2(
            error.message.contains(QStringLiteral("line 7: \"server\" must be a single value")),
            qPrintable(error.message));
    }

    void unknownNames_areReported_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("expected");
        const QByteArray base =
            config("    server: https://127.0.0.1:6443\n", "    token: abcdef-token-1234567\n");
        QTest::newRow("context")
            << base << QStringLiteral("prod")
            << QStringLiteral(
                   "context was not found for specified context: prod (known contexts: c;");
        QByteArray badCluster = base;
        badCluster.replace("context: {cluster: k", "context: {cluster: gone");
        QTest::newRow("cluster") << badCluster << QString()
                                 << QStringLiteral(
                                        "cluster \"gone\" was not found for context \"c\"");
        QByteArray badUser = base;
        badUser.replace("user: u, namespace", "user: ghost, namespace");
        QTest::newRow("user") << badUser << QString()
                              << QStringLiteral("user \"ghost\" was not found for context \"c\"");
        QByteArray noCurrent = base;
        noCurrent.replace("current-context: c\n", "");
        QTest::newRow("no current")
            << noCurrent << QString()
            << QStringLiteral("no context chosen: current-context is not set");
        QByteArray noServer = base;
        noServer.replace("    server: https://127.0.0.1:6443\n", "    tls-server-name: x\n");
        QTest::newRow("no server")
            << noServer << QString() << QStringLiteral("no server found for cluster \"k\"");
        QByteArray badServer = base;
        badServer.replace("https://127.0.0.1:6443", "127.0.0.1:6443");
        QTest::newRow("bad server")
            << badServer << QString() << QStringLiteral("is not an http(s) URL");
        QByteArray badProxy = base;
        badProxy.replace("    server: https://127.0.0.1:6443\n",
                         "    server: https://127.0.0.1:6443\n    proxy-url: ftp://proxy:21\n");
        QTest::newRow("bad proxy")
            << badProxy << QString()
            << QStringLiteral("proxy-url \"ftp://proxy:21\" of cluster \"k\" is not supported");
    }

    void unknownNames_areReported()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, context);
        QFETCH(QString, expected);
        KubeError error;
        auto cfg = KubeconfigLoader::load(write(QStringLiteral("names.yaml"), yaml), {}, &error);
        QVERIFY2(cfg, qPrintable(error.message));
        QVERIFY(!KubeconfigLoader::resolve(*cfg, context, &error));
        QCOMPARE(error.kind, KubeError::Kind::Config);
        QVERIFY2(error.message.contains(expected), qPrintable(error.message));
    }

    void clientCertificates_rsaAndEcKeysLoad_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("rsa pkcs1") << QStringLiteral("client-rsa");
        QTest::newRow("ec sec1") << QStringLiteral("client-ec");
        QTest::newRow("ec pkcs8") << QStringLiteral("client-ec8");
    }

    void clientCertificates_rsaAndEcKeysLoad()
    {
        QFETCH(QString, name);
        KubeError error;
        auto ctx = loadAndResolve(
            config("    server: https://127.0.0.1:6443\n",
                   "    client-certificate-data: " + b64(name + QStringLiteral(".crt")) +
                       "\n    client-key-data: " + b64(name + QStringLiteral(".key")) + "\n"),
            &error);
        QVERIFY2(ctx, qPrintable(error.message));
        QCOMPARE(ctx->user.clientKeyData, pem(name + QStringLiteral(".key")));
    }

    void clientCertificates_badKeysAreRejected_data()
    {
        QTest::addColumn<QString>("cert");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("expected");
        const QString mismatch = QStringLiteral("do not belong together");
        QTest::newRow("rsa cert, other rsa key") << "client-rsa.crt"
                                                 << "stray-rsa.key" << mismatch;
        QTest::newRow("ec cert, other ec key") << "client-ec.crt"
                                               << "stray-ec.key" << mismatch;
        QTest::newRow("rsa cert, ec key") << "client-rsa.crt"
                                          << "client-ec.key" << mismatch;
        QTest::newRow("encrypted key")
            << "client-rsa.crt"
            << "encrypted.key" << QStringLiteral("is encrypted with a passphrase");
        QTest::newRow("cert as key")
            << "client-rsa.crt"
            << "client-rsa.crt" << QStringLiteral("is not a PEM private key");
        QTest::newRow("key as cert")
            << "client-rsa.key"
            << "client-rsa.key" << QStringLiteral("contains no PEM certificate");
    }

    void clientCertificates_badKeysAreRejected()
    {
        QFETCH(QString, cert);
        QFETCH(QString, key);
        QFETCH(QString, expected);
        KubeError error;
        auto ctx = loadAndResolve(config("    server: https://127.0.0.1:6443\n",
                                         "    client-certificate-data: " + b64(cert) +
                                             "\n    client-key-data: " + b64(key) + "\n"),
                                  &error);
        QVERIFY(!ctx);
        QCOMPARE(error.kind, KubeError::Kind::Config);
        QVERIFY2(error.message.contains(expected), qPrintable(error.message));
        // Key material never reaches the message.
        QVERIFY(!error.message.contains(QStringLiteral("PRIVATE KEY")));
        QVERIFY(!error.message.contains(QString::fromLatin1(b64(key).left(40))));
    }

    void clientCertificateWithABrokenPublicKey_isAnErrorNotACrash()
    {
        // Found by fuzz_exec_credential: a certificate whose EC point is not on the curve
        // parses, but OpenSSL cannot decode its key, and QSslCertificate::publicKey() (Qt 6.4)
        // dereferenced the null key: the kubeconfig loader and an exec plugin's answer crashed.
        const QSslCertificate good(pem(QStringLiteral("client-ec.crt")));
        QByteArray der = good.toDer();
        const qsizetype point = der.indexOf(QByteArray("\x03\x42\x00\x04", 4));
        QVERIFY(point > 0);
        der[point + 10] = char(der[point + 10] ^ 0x01);
        const QByteArray broken = QSslCertificate(der, QSsl::Der).toPem();
        QVERIFY(!broken.isEmpty());
        KubeError error;
        auto ctx = loadAndResolve(
            config("    server: https://127.0.0.1:6443\n",
                   "    client-certificate-data: " + broken.toBase64() +
                       "\n    client-key-data: " + b64(QStringLiteral("client-ec.key")) + "\n"),
            &error);
        QVERIFY(!ctx);
        QVERIFY2(error.message.contains(QStringLiteral("do not belong together")),
                 qPrintable(error.message));
        ExecCredential credential;
        QString why;
        const QByteArray answer =
            "{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
            "\"status\":{\"clientCertificateData\":" +
            QJsonDocument(QJsonArray{QString::fromLatin1(broken)}).toJson().mid(1).chopped(2) +
            ",\"clientKeyData\":" +
            QJsonDocument(QJsonArray{QString::fromLatin1(pem(QStringLiteral("client-ec.key")))})
                .toJson()
                .mid(1)
                .chopped(2) +
            "}}";
        QVERIFY(!ExecCredentialProvider::parseOutput(
            answer, QStringLiteral("client.authentication.k8s.io/v1"), &credential, &why));
        QVERIFY2(why.contains(QStringLiteral("do not belong together")), qPrintable(why));
    }

    void clientKeyFile_unreadable()
    {
        KubeError error;
        auto ctx = loadAndResolve(
            config("    server: https://127.0.0.1:6443\n",
                   "    client-certificate-data: " + b64(QStringLiteral("client-rsa.crt")) +
                       "\n    client-key: no-such.key\n"),
            &error);
        QVERIFY(!ctx);
        QVERIFY2(error.message.startsWith(QStringLiteral("unable to read client-key ") +
                                          m_dir.filePath(QStringLiteral("no-such.key"))),
                 qPrintable(error.message));
    }

    void authMethods_validatedLikeKubectl_data()
    {
        QTest::addColumn<QByteArray>("user");
        QTest::addColumn<QString>("expected");
        QTest::newRow("token+basic")
            << QByteArray("    token: tok-secret-999999\n    username: bob\n    password: "
                          "pw-secret-777777\n")
            << QStringLiteral("more than one authentication method found for u; found [token "
                              "basicAuth], only one is allowed");
        QTest::newRow("cert without key")
            << QByteArray("    client-certificate: some.crt\n")
            << QStringLiteral("client-key-data or client-key must be specified for u to use the "
                              "clientCert authentication method.");
        QTest::newRow("key without cert")
            << QByteArray("    client-key: some.key\n")
            << QStringLiteral("client-cert-data or client-cert must be specified for u to use the "
                              "clientCert authentication method.");
        QTest::newRow("v1 without interactiveMode")
            << QByteArray("    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      "
                          "command: aws\n")
            << QStringLiteral(
                   "interactiveMode must be specified for u to use exec authentication plugin");
        QTest::newRow("no apiVersion")
            << QByteArray("    exec:\n      command: aws\n      interactiveMode: Never\n")
            << QStringLiteral(
                   "apiVersion must be specified for u to use exec authentication plugin");
        QTest::newRow("no command")
            << QByteArray("    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n")
            << QStringLiteral("command must be specified for u to use exec authentication plugin");
        QTest::newRow("bad mode")
            << QByteArray("    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      "
                          "command: aws\n      interactiveMode: Sometimes\n")
            << QStringLiteral("invalid interactiveMode for u: \"Sometimes\"");
        QTest::newRow("env without name")
            << QByteArray(
                   "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: "
                   "aws\n      interactiveMode: Never\n      env:\n      - value: x\n")
            << QStringLiteral(
                   "env variable name must be specified for u to use exec authentication plugin");
        QTest::newRow("bad apiVersion")
            << QByteArray("    exec:\n      apiVersion: client.authentication.k8s.io/v2\n      "
                          "command: aws\n      interactiveMode: Never\n")
            << QStringLiteral("invalid apiVersion \"client.authentication.k8s.io/v2\"");
        QTest::newRow("legacy auth-provider")
            << QByteArray("    auth-provider:\n      name: gcp\n")
            << QStringLiteral("uses the auth-provider \"gcp\", which kubectl no longer supports");
    }

    void authMethods_validatedLikeKubectl()
    {
        QFETCH(QByteArray, user);
        QFETCH(QString, expected);
        KubeError error;
        auto ctx = loadAndResolve(config("    server: https://127.0.0.1:6443\n", user), &error);
        QVERIFY(!ctx);
        QCOMPARE(error.kind, KubeError::Kind::Config);
        QVERIFY2(error.message.contains(expected), qPrintable(error.message));
        QVERIFY(!error.message.contains(QStringLiteral("tok-secret-999999")));
        QVERIFY(!error.message.contains(QStringLiteral("pw-secret-777777")));
    }

    void execConfig_isReadWithDefaults()
    {
        KubeError error;
        auto ctx = loadAndResolve(config("    server: https://127.0.0.1:6443\n",
                                         "    exec:\n"
                                         "      apiVersion: client.authentication.k8s.io/v1beta1\n"
                                         "      command: ./bin/plugin\n"
                                         "      args: [get-token, --cluster, prod]\n"
                                         "      env:\n      - {name: AWS_PROFILE, value: prod}\n"
                                         "      installHint: brew install plugin\n"
                                         "      provideClusterInfo: true\n"),
                                  &error);
        QVERIFY2(ctx, qPrintable(error.message));
        QVERIFY(ctx->user.exec);
        const ExecConfig& e = *ctx->user.exec;
        QCOMPARE(e.command, m_dir.filePath(QStringLiteral("bin/plugin")));
        QCOMPARE(e.args, (QStringList{QStringLiteral("get-token"), QStringLiteral("--cluster"),
                                      QStringLiteral("prod")}));
        QCOMPARE(e.env.size(), 1);
        QCOMPARE(e.env.first().first, QStringLiteral("AWS_PROFILE"));
        QCOMPARE(e.installHint, QStringLiteral("brew install plugin"));
        QVERIFY(e.provideClusterInfo);
        QCOMPARE(e.interactiveMode, QStringLiteral("IfAvailable")); // v1beta1 default
    }

    void secrets_areRegisteredForRedaction()
    {
        KubeError error;
        auto ctx = loadAndResolve(
            config("    server: https://127.0.0.1:6443\n", "    token: zz-registered-token-42\n"),
            &error);
        QVERIFY2(ctx, qPrintable(error.message));
        QCOMPARE(Redactor::redact(QStringLiteral("x zz-registered-token-42 y")),
                 QStringLiteral("x [REDACTED] y"));
    }

    void execPlugin_foundThroughLoginShellPath()
    {
        QTemporaryDir dir;
        QDir(dir.path()).mkpath(QStringLiteral("loginbin"));
        writeFile(dir.filePath(QStringLiteral("loginbin/my-auth-plugin")),
                  printingScript(credentialJson("login-shell-token-1234")), true);
        // A login shell whose profile prints a banner and adds a folder to PATH.
        writeFile(dir.filePath(QStringLiteral("fakeshell")),
                  "#!/bin/sh\necho 'Welcome, banner text'\nPATH=\"" +
                      dir.filePath(QStringLiteral("loginbin")).toUtf8() +
                      ":/usr/bin:/bin\"\nexport PATH\neval \"$3\"\n",
                  true);
        QProcessEnvironment env;
        env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
        env.insert(QStringLiteral("HOME"), dir.path());
        env.insert(QStringLiteral("SHELL"), dir.filePath(QStringLiteral("fakeshell")));

        ExecCredentialProvider provider(execContext(QStringLiteral("my-auth-plugin")), env);
        QSignalSpy ready(&provider, &ExecCredentialProvider::ready);
        QSignalSpy failed(&provider, &ExecCredentialProvider::failed);
        provider.fetch();
        QVERIFY(ready.wait(10000) || !failed.isEmpty());
        QVERIFY2(failed.isEmpty(),
                 failed.isEmpty() ? ""
                                  : qPrintable(failed.first().first().value<KubeError>().message));
        QCOMPARE(provider.credential().token, QStringLiteral("login-shell-token-1234"));
        QCOMPARE(ExecPluginLocator::cachedLoginShellPath(env).value_or(QStringList{}).value(0),
                 dir.filePath(QStringLiteral("loginbin")));
    }

    void execPlugin_notFound_saysWhereItLooked()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("fakeshell")),
                  "#!/bin/sh\nPATH=/opt/login-only/bin:/usr/bin\nexport PATH\neval \"$3\"\n", true);
        QProcessEnvironment env;
        env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
        env.insert(QStringLiteral("HOME"), dir.path());
        env.insert(QStringLiteral("SHELL"), dir.filePath(QStringLiteral("fakeshell")));
        ResolvedContext ctx = execContext(QStringLiteral("gke-gcloud-auth-plugin-missing"));
        ctx.user.exec->installHint =
            QStringLiteral("Install it with: gcloud components install gke-gcloud-auth-plugin");
        ExecCredentialProvider provider(ctx, env);
        QSignalSpy failed(&provider, &ExecCredentialProvider::failed);
        provider.fetch();
        QVERIFY(failed.wait(10000));
        const KubeError error = failed.first().first().value<KubeError>();
        QCOMPARE(error.kind, KubeError::Kind::Auth);
        const QString m = error.message;
        QVERIFY2(
            m.contains(QStringLiteral(
                "\"gke-gcloud-auth-plugin-missing\" used by user \"exec-user\" was not found")),
            qPrintable(m));
        QVERIFY2(m.contains(QStringLiteral("Unstuck's environment): /usr/bin:/bin")),
                 qPrintable(m));
        QVERIFY2(m.contains(QStringLiteral("login shell ") +
                            dir.filePath(QStringLiteral("fakeshell")) +
                            QStringLiteral(" -l): /opt/login-only/bin:/usr/bin")),
                 qPrintable(m));
        QVERIFY2(m.contains(dir.filePath(QStringLiteral(".local/bin"))), qPrintable(m));
        QVERIFY2(m.contains(QStringLiteral("gcloud components install gke-gcloud-auth-plugin")),
                 qPrintable(m));
        QVERIFY2(m.contains(QStringLiteral("To fix:")), qPrintable(m));
    }

    void execPlugin_hangingLoginShell_isBoundedByItsTimeout()
    {
        QTemporaryDir dir;
        // A login profile that never returns (e.g. waits for input): we must not wait for it.
        writeFile(dir.filePath(QStringLiteral("slowshell")), "#!/bin/sh\nexec sleep 30\n", true);
        QProcessEnvironment env;
        env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
        env.insert(QStringLiteral("HOME"), dir.path());
        env.insert(QStringLiteral("SHELL"), dir.filePath(QStringLiteral("slowshell")));
        ExecCredentialProvider provider(execContext(QStringLiteral("kubelogin-not-installed")),
                                        env);
        QSignalSpy failed(&provider, &ExecCredentialProvider::failed);
        QElapsedTimer t;
        t.start();
        provider.fetch();
        QVERIFY(failed.isEmpty()); // fetch() returned at once; the shell runs in the background
        QVERIFY(failed.wait(10000));
        QVERIFY2(t.elapsed() < 6000, qPrintable(QString::number(t.elapsed())));
        const QString m = failed.first().first().value<KubeError>().message;
        QVERIFY2(m.contains(QStringLiteral("-l): (none reported)")), qPrintable(m));
        QVERIFY(ExecPluginLocator::cachedLoginShellPath(env).has_value());
    }

    void execPlugin_getsArgsEnvAndClusterInfo()
    {
        QTemporaryDir dir;
        const QByteArray out = dir.filePath(QStringLiteral("seen.txt")).toUtf8();
        writeFile(dir.filePath(QStringLiteral("plugin")),
                  printingScript(credentialJson("args-env-token-5678"),
                                 "printf '%s|' \"$@\" > " + out + "\necho \"$MY_PROFILE\" >> " +
                                     out + "\necho \"$KUBERNETES_EXEC_INFO\" >> " + out + "\n"),
                  true);
        ResolvedContext ctx = execContext(dir.filePath(QStringLiteral("plugin")));
        ctx.cluster.certificateAuthorityData = pem(QStringLiteral("ca.crt"));
        ctx.cluster.tlsServerName = QStringLiteral("kube.internal.test");
        ctx.user.exec->args =
            QStringList{QStringLiteral("token"), QStringLiteral("--name"), QStringLiteral("a b")};
        ctx.user.exec->env = {{QStringLiteral("MY_PROFILE"), QStringLiteral("prod-profile")}};
        ctx.user.exec->provideClusterInfo = true;
        ExecCredentialProvider provider(ctx, QProcessEnvironment::systemEnvironment());
        QSignalSpy ready(&provider, &ExecCredentialProvider::ready);
        provider.fetch();
        QVERIFY(ready.wait(10000));
        QFile seen(QString::fromUtf8(out));
        QVERIFY(seen.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = seen.readAll().split('\n');
        QCOMPARE(lines.value(0), QByteArray("token|--name|a b|prod-profile"));
        const QJsonObject info = QJsonDocument::fromJson(lines.value(1)).object();
        QCOMPARE(info.value(QStringLiteral("kind")).toString(), QStringLiteral("ExecCredential"));
        QCOMPARE(info.value(QStringLiteral("apiVersion")).toString(),
                 QStringLiteral("client.authentication.k8s.io/v1"));
        const QJsonObject spec = info.value(QStringLiteral("spec")).toObject();
        QCOMPARE(spec.value(QStringLiteral("interactive")).toBool(true), false);
        const QJsonObject cluster = spec.value(QStringLiteral("cluster")).toObject();
        QCOMPARE(cluster.value(QStringLiteral("server")).toString(),
                 QStringLiteral("https://127.0.0.1:6443"));
        QCOMPARE(cluster.value(QStringLiteral("tls-server-name")).toString(),
                 QStringLiteral("kube.internal.test"));
        QCOMPARE(
            QByteArray::fromBase64(
                cluster.value(QStringLiteral("certificate-authority-data")).toString().toLatin1()),
            pem(QStringLiteral("ca.crt")));
    }

    void execPlugin_failure_showsRedactedStderr()
    {
        QTemporaryDir dir;
        Redactor::registerSecret(QStringLiteral("zz-stderr-secret-123"));
        writeFile(
            dir.filePath(QStringLiteral("plugin")),
            "#!/bin/sh\necho 'error: refresh token zz-stderr-secret-123 has expired' >&2\nexit 3\n",
            true);
        ExecCredentialProvider provider(execContext(dir.filePath(QStringLiteral("plugin"))),
                                        QProcessEnvironment::systemEnvironment());
        QSignalSpy failed(&provider, &ExecCredentialProvider::failed);
        provider.fetch();
        QVERIFY(failed.wait(10000));
        const QString m = failed.first().first().value<KubeError>().message;
        QVERIFY2(m.contains(QStringLiteral("failed with exit code 3")), qPrintable(m));
        QVERIFY2(m.contains(QStringLiteral("has expired")), qPrintable(m));
        QVERIFY2(!m.contains(QStringLiteral("zz-stderr-secret-123")), qPrintable(m));
    }

    void execPlugin_endlessOutput_isStoppedAtTheLimit()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("plugin")), "#!/bin/sh\nexec yes token\n", true);
        ExecCredentialProvider provider(execContext(dir.filePath(QStringLiteral("plugin"))),
                                        QProcessEnvironment::systemEnvironment());
        QSignalSpy failed(&provider, &ExecCredentialProvider::failed);
        provider.fetch();
        QVERIFY(failed.wait(30000));
        const QString m = failed.first().first().value<KubeError>().message;
        QVERIFY2(m.contains(QStringLiteral("printed more than 1024 KiB")), qPrintable(m));
        QVERIFY(!provider.isRunning());
        // The same limit for output that was all read before the plugin ended.
        ExecCredential credential;
        QString why;
        QVERIFY(!ExecCredentialProvider::parseOutput(
            QByteArray(ExecCredentialProvider::kMaxOutputBytes + 1, ' '),
            QStringLiteral("client.authentication.k8s.io/v1"), &credential, &why));
        QVERIFY2(why.contains(QStringLiteral("more than 1024 KiB is not read")), qPrintable(why));
    }

    void execPlugin_badOutput_data()
    {
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no token") << QByteArray("{\"apiVersion\":\"client.authentication.k8s.io/"
                                                "v1\",\"kind\":\"ExecCredential\",\"status\":{}}")
                                  << QStringLiteral(
                                         "exec plugin didn't return a token or cert/key pair");
        QTest::newRow("cert only")
            << QByteArray(
                   "{\"apiVersion\":\"client.authentication.k8s.io/"
                   "v1\",\"kind\":\"ExecCredential\",\"status\":{\"clientCertificateData\":\"x\"}}")
            << QStringLiteral("exec plugin returned only certificate or key, not both");
        QTest::newRow("no status") << QByteArray("{\"apiVersion\":\"client.authentication.k8s.io/"
                                                 "v1\",\"kind\":\"ExecCredential\"}")
                                   << QStringLiteral("exec plugin didn't return a status field");
        QTest::newRow("version")
            << credentialJson("tok-version-1234", {}, "client.authentication.k8s.io/v1beta1")
            << QStringLiteral(
                   "exec plugin is configured to use API version client.authentication.k8s.io/v1, "
                   "plugin returned version client.authentication.k8s.io/v1beta1");
        QTest::newRow("not json") << QByteArray("Please open https://login.example in a browser")
                                  << QStringLiteral("did not print an ExecCredential JSON object");
        QTest::newRow("bad expiry")
            << credentialJson("tok-expiry-1234", "tomorrow")
            << QStringLiteral("expirationTimestamp \"tomorrow\" is not an RFC 3339 time");
    }

    void execPlugin_badOutput()
    {
        QFETCH(QByteArray, output);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("plugin")), printingScript(output), true);
        ExecCredentialProvider provider(execContext(dir.filePath(QStringLiteral("plugin"))),
                                        QProcessEnvironment::systemEnvironment());
        QSignalSpy failed(&provider, &ExecCredentialProvider::failed);
        provider.fetch();
        QVERIFY(failed.wait(10000));
        const QString m = failed.first().first().value<KubeError>().message;
        QVERIFY2(m.contains(expected), qPrintable(m));
        QVERIFY(!provider.hasValidCredential());
    }

    void execPlugin_cachesUntilExpiry()
    {
        QTemporaryDir dir;
        const QByteArray future =
            QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate).toLatin1();
        const QByteArray past =
            QDateTime::currentDateTimeUtc().addSecs(-5).toString(Qt::ISODate).toLatin1();
        writeFile(dir.filePath(QStringLiteral("fresh")),
                  printingScript(credentialJson("fresh-token-1234", future)), true);
        writeFile(dir.filePath(QStringLiteral("expired")),
                  printingScript(credentialJson("old-token-1234", past)), true);

        ExecCredentialProvider fresh(execContext(dir.filePath(QStringLiteral("fresh"))),
                                     QProcessEnvironment::systemEnvironment());
        QSignalSpy ready(&fresh, &ExecCredentialProvider::ready);
        fresh.fetch();
        QVERIFY(ready.wait(10000));
        QVERIFY(fresh.hasValidCredential());
        QCOMPARE(fresh.credential().expiration,
                 QDateTime::fromString(QString::fromLatin1(future), Qt::ISODate));
        fresh.invalidate(); // what the client does after a 401
        QVERIFY(!fresh.hasValidCredential());
        fresh.fetch();
        QVERIFY(ready.wait(10000));
        QCOMPARE(fresh.runCount(), 2);

        ExecCredentialProvider expired(execContext(dir.filePath(QStringLiteral("expired"))),
                                       QProcessEnvironment::systemEnvironment());
        QSignalSpy readyExpired(&expired, &ExecCredentialProvider::ready);
        expired.fetch();
        QVERIFY(readyExpired.wait(10000));
        QVERIFY(!expired.hasValidCredential());
    }

    void execPlugin_alwaysInteractive_isExplained()
    {
        ExecCredentialProvider provider(
            execContext(QStringLiteral("/bin/true"), QStringLiteral("Always")),
            QProcessEnvironment::systemEnvironment());
        QSignalSpy failed(&provider, &ExecCredentialProvider::failed);
        provider.fetch();
        QVERIFY(failed.wait(5000));
        QVERIFY(failed.first().first().value<KubeError>().message.contains(
            QStringLiteral("needs an interactive terminal")));
        QCOMPARE(provider.runCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestKubeconfig)
#include "tst_kubeconfig.moc"
