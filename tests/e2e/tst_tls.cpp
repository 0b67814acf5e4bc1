// SPDX-License-Identifier: GPL-3.0-or-later
// TLS as a user meets it, end to end against a started simulator: a kubeconfig whose CA is not
// the server's fails with a TLS error that says so (exit 2), and a kubeconfig that turns
// verification off (insecure-skip-tls-verify) diagnoses, with a warning in every output format.
#include "support/SimProcess.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace unstuck::test;
using namespace Qt::StringLiterals;

class TestTls : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static QByteArray read(const QString& path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    QString write(const QString& name, const QByteArray& content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            f.write(content);
        return path;
    }

    static ProcessRun diagnose(const QStringList& arguments)
    {
        return runProcess(QStringLiteral(UNSTUCK_BINARY),
                          QStringList{u"diagnose"_s, u"--no-cloud"_s} + arguments);
    }

    // The simulator's kubeconfig with the cluster's CA replaced or removed and lines added below
    // its server.
    static QByteArray kubeconfigWith(const SimProcess& sim, const QByteArray& caData,
                                     const QByteArray& serverExtra)
    {
        QString text = QString::fromUtf8(read(sim.kubeconfig()));
        text.replace(QRegularExpression(u"\\n\\s*certificate-authority-data:\\s*\\S+"_s),
                     caData.isEmpty() ? QString()
                                      : u"\n    certificate-authority-data: "_s +
                                            QString::fromLatin1(caData.toBase64()));
        text.replace(QRegularExpression(u"(\\n    server: \\S+)"_s),
                     u"\\1"_s + QString::fromUtf8(serverExtra));
        return text.toUtf8();
    }

private Q_SLOTS:
    void wrongCa_failsWithATlsErrorAndExitTwo()
    {
        SimProcess sim, other;
        QVERIFY(sim.start(u"seed"_s));
        QVERIFY(other.start(u"healthy"_s)); // a CA of its own, not the first server's
        const QString kubeconfig =
            write(u"wrong-ca.kubeconfig"_s,
                  kubeconfigWith(sim, read(other.path(u"ca.crt"_s)), QByteArray()));
        const ProcessRun run = diagnose({u"--kubeconfig"_s, kubeconfig, u"--format"_s, u"json"_s});
        QCOMPARE(run.exitCode, 2);
        const QString error = run.json().value(u"error"_s).toString();
        QVERIFY2(error.contains(u"TLS handshake"_s) &&
                     error.contains(u"not signed by the cluster's certificate-authority"_s),
                 qPrintable(error));
        QVERIFY2(run.err.contains("could not diagnose"), run.err.constData());
    }

    void insecureSkipTlsVerify_diagnosesAndWarnsInEveryFormat()
    {
        SimProcess sim;
        QVERIFY(sim.start(u"seed"_s));
        const QString kubeconfig =
            write(u"insecure.kubeconfig"_s,
                  kubeconfigWith(sim, QByteArray(), "\n    insecure-skip-tls-verify: true"));

        const ProcessRun json = diagnose({u"--kubeconfig"_s, kubeconfig, u"--format"_s, u"json"_s});
        QVERIFY2(json.exitCode == 1, json.err.constData()); // diagnosed: the seed is broken
        const QJsonArray warnings = json.json().value(u"warnings"_s).toArray();
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings.first()[u"en"_s].toString().contains(u"insecure-skip-tls-verify"_s));
        QVERIFY(warnings.first()[u"zh"_s].toString().contains(u"TLS 校验已关闭"_s));

        const ProcessRun text = diagnose({u"--kubeconfig"_s, kubeconfig});
        QCOMPARE(text.exitCode, 1);
        QVERIFY2(text.out.contains("Warning: TLS verification is off"), text.out.constData());
        const ProcessRun markdown =
            diagnose({u"--kubeconfig"_s, kubeconfig, u"--format"_s, u"markdown"_s});
        QCOMPARE(markdown.exitCode, 1);
        QVERIFY2(markdown.out.contains("> **Warning:** TLS verification is off"),
                 markdown.out.constData());

        // With the CA, the same cluster gives no warning.
        const ProcessRun verified =
            diagnose({u"--kubeconfig"_s, sim.kubeconfig(), u"--format"_s, u"json"_s});
        QCOMPARE(verified.exitCode, 1);
        QVERIFY(verified.json().value(u"warnings"_s).toArray().isEmpty());
    }

    void insecureFlagWithACa_isRefusedAsKubectlDoes()
    {
        SimProcess sim;
        QVERIFY(sim.start(u"seed"_s));
        const QString kubeconfig =
            write(u"both.kubeconfig"_s, kubeconfigWith(sim, read(sim.path(u"ca.crt"_s)),
                                                       "\n    insecure-skip-tls-verify: true"));
        const ProcessRun run = diagnose({u"--kubeconfig"_s, kubeconfig});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("insecure flag is not allowed"), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
