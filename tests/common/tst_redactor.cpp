// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/common/Log.h"
#include "models/common/Redactor.h"

#include <QTemporaryDir>
#include <QTest>
#include <spdlog/spdlog.h>

using unstuck::Redactor;

class TestRedactor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void redact_masksPatterns_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("secret");
        QTest::newRow("bearer header") << "Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.abc.def"
                                       << "eyJhbGciOiJSUzI1NiJ9.abc.def";
        QTest::newRow("yaml token") << "    token: kubeadm-token-0123456789"
                                    << "kubeadm-token-0123456789";
        QTest::newRow("json secret")
            << R"({"AccessKeyId":"LTAI5t","AccessKeySecret":"s3cr3tValue0123"})"
            << "s3cr3tValue0123";
        QTest::newRow("query signature") << "GET /?Action=DescribeVpcs&Signature=AbCdEf%3D%3D&x=1"
                                         << "AbCdEf%3D%3D";
        QTest::newRow("pem key") << "key:\n-----BEGIN EC PRIVATE "
                                    "KEY-----\nMHcCAQEEIBbase64\n-----END EC PRIVATE KEY-----\n"
                                 << "MHcCAQEEIBbase64";
        QTest::newRow("password field") << "password: hunter2hunter2"
                                        << "hunter2hunter2";
        QTest::newRow("json token") << R"({"kind":"ExecCredential","status":{"token":"eyJ0.abc"}})"
                                    << "eyJ0.abc";
        QTest::newRow("json token, spaced") << R"({"token": "kubeadm-token-0123456789"})"
                                            << "kubeadm-token-0123456789";
        QTest::newRow("quoted key, bare value") << "    \"token\": kubeadm-token-0123456789\n"
                                                << "kubeadm-token-0123456789";
        QTest::newRow("quoted key, bare value in braces")
            << R"({"password": hunter2hunter2, "user": "admin"})"
            << "hunter2hunter2";
        QTest::newRow("single-quoted") << "{'token': 'kubeadm-token-0123456789'}"
                                       << "kubeadm-token-0123456789";
    }

    // An error text about a secret field names the field; the words after it are the reason,
    // not the secret, and the reader needs them.
    void redact_leavesFieldNamesInErrorsAlone_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("kubeconfig field")
            << R"(kubeconfig:7:14: users[0].user "token": must be a single value)";
        QTest::newRow("yaml path") << R"(users[0].user.token: expected a string, got a mapping)";
        QTest::newRow("quoted path")
            << R"("users[0].user.token": expected a string, got a mapping)";
        QTest::newRow("kubectl unmarshal")
            << "json: cannot unmarshal object into Go struct field AuthInfo.users.user.token of "
               "type string";
        QTest::newRow("credential file field")
            << R"(credentials: "access_key_secret": is empty in profile "default")";
    }
    void redact_leavesFieldNamesInErrorsAlone()
    {
        QFETCH(QString, text);
        QCOMPARE(Redactor::redact(text), text);
    }
    void redact_masksPatterns()
    {
        QFETCH(QString, input);
        QFETCH(QString, secret);
        const QString out = Redactor::redact(input);
        QVERIFY2(!out.contains(secret), qPrintable(out));
        QVERIFY(out.contains(QLatin1String(Redactor::kMask)));
    }

    void redact_masksRegisteredSecretsAnywhere()
    {
        Redactor::registerSecret(QStringLiteral("plain-looking-secret-42"));
        const QString out = Redactor::redact(
            QStringLiteral("exec plugin printed plain-looking-secret-42 on stderr"));
        QCOMPARE(out, QStringLiteral("exec plugin printed [REDACTED] on stderr"));
    }

    void redact_leavesOrdinaryTextAlone()
    {
        const QString text = QStringLiteral("namespace tobedeletedb: Discovery failed for some "
                                            "groups, 1 failing: metrics.k8s.io/v1beta1");
        QCOMPARE(Redactor::redact(text), text);
    }

    void logFile_neverContainsSecrets()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("unstuck.log"));
        unstuck::log::init(spdlog::level::debug, path);
        unstuck::log::info("sending Authorization: Bearer {}", "abcdef-very-secret-token");
        unstuck::log::logger()->flush();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY(content.contains("sending Authorization"));
        QVERIFY(!content.contains("abcdef-very-secret-token"));
    }
};

QTEST_GUILESS_MAIN(TestRedactor)
#include "tst_redactor.moc"
