// SPDX-License-Identifier: GPL-3.0-or-later
// Errors Unstuck words as kubectl and client-go word them, checked against the kubectl binary
// itself: both are given the same broken kubeconfig or server (a missing file, a file that is
// not a kubeconfig, an unknown or unset context, a closed loopback port, a CA that did not sign
// the server's certificate, a token the server does not know, a write RBAC forbids, an exec
// plugin that is missing or fails), and what kubectl prints after its "error: " / "Unable to
// connect to the server: " prefix must appear in what Unstuck prints. Whole lines differ
// (Unstuck adds the file, the user and what to do), the phrases a user searches for must not.
#include "support/KubectlTool.h"
#include "support/SimProcess.h"

#include <QDir>
#include <QRegularExpression>
#include <QTcpServer>
#include <memory>

using namespace unstuck::test;
using namespace Qt::StringLiterals;

class TestKubectlErrors : public QObject
{
    Q_OBJECT

    QString m_kubectl;
    QTemporaryDir m_dir;
    std::unique_ptr<SimProcess> m_sim; // seed: read by every case, changed by none
    QString m_server, m_caFile;
    QByteArray m_otherCa; // a CA that did not sign the simulator's certificate

    QString write(const QString& name, const QByteArray& content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            f.write(content);
        return path;
    }

    // One cluster, one user, one context "ctx" (current unless noCurrent).
    static QByteArray kubeconfig(const QString& server, const QByteArray& clusterExtra,
                                 const QByteArray& user, bool noCurrent = false)
    {
        return "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: " +
               server.toUtf8() + "\n" + clusterExtra + "contexts:\n- name: ctx\n  context:\n" +
               "    cluster: c\n    user: u\ncurrent-context: " +
               (noCurrent ? QByteArray("\"\"") : QByteArray("ctx")) + "\nusers:\n- name: u\n" +
               "  user:\n" + user;
    }

    QByteArray simCa() const { return "    certificate-authority: " + m_caFile.toUtf8() + "\n"; }

    // Both programs get the same private HOME (kubectl's discovery cache starts empty, so a
    // 401 is met by discovery as on a first run) and no KUBECONFIG.
    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOME"_s, m_dir.filePath(u"home"_s));
        env.remove(u"KUBECONFIG"_s);
        return env;
    }

    ProcessRun kubectl(const QStringList& arguments) const
    {
        return runProcess(m_kubectl, QStringList{u"--request-timeout=20s"_s} + arguments,
                          environment());
    }

    ProcessRun unstuck(const QStringList& arguments) const
    {
        return runProcess(QStringLiteral(UNSTUCK_BINARY), arguments, environment());
    }

    ProcessRun diagnose(const QStringList& arguments) const
    {
        return unstuck(QStringList{u"diagnose"_s, u"--no-cloud"_s} + arguments);
    }

    // kubectl's own message without its prefix: the first line (after the plugin's stderr and
    // client-go's klog lines) that starts with one of the prefixes kubectl puts before an
    // error; "The connection to the server … was refused" has none and is kept whole.
    static QString kubectlSays(const ProcessRun& run)
    {
        static const QStringList prefixes{u"error: "_s, u"Unable to connect to the server: "_s,
                                          u"Error in configuration: "_s,
                                          u"Error from server (Forbidden): "_s};
        for (const QString& line : QString::fromUtf8(run.err).split(u'\n')) {
            for (const QString& prefix : prefixes)
                if (line.startsWith(prefix))
                    return line.mid(prefix.size()).trimmed();
            if (line.startsWith(u"The connection to the server "_s))
                return line.trimmed();
        }
        return {};
    }

    // The phrase must be in Unstuck's error (stderr), case aside: kubectl capitalises the
    // start of a line where Unstuck's phrase sits inside a sentence.
    static void compare(const QString& phrase, const ProcessRun& kubectlRun,
                        const ProcessRun& unstuckRun, int unstuckExit = 2)
    {
        const QString theirs = QString::fromUtf8(kubectlRun.err).trimmed();
        const QString ours = QString::fromUtf8(unstuckRun.err + unstuckRun.out).trimmed();
        QVERIFY2(!phrase.isEmpty(), qPrintable(u"kubectl printed no error: "_s + theirs));
        QVERIFY2(kubectlRun.exitCode != 0, qPrintable(theirs));
        qInfo().noquote() << "kubectl:" << phrase;
        for (const QString& line : ours.split(u'\n'))
            if (line.contains(phrase, Qt::CaseInsensitive))
                qInfo().noquote() << "unstuck:" << line;
        QCOMPARE(unstuckRun.exitCode, unstuckExit);
        QVERIFY2(ours.contains(phrase, Qt::CaseInsensitive),
                 qPrintable(u"kubectl says: "_s + phrase + u"\nunstuck says: "_s + ours));
    }

    // A loopback port nobody listens on: taken from the system, then given back.
    static quint16 closedPort()
    {
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHost, 0))
            return 0;
        const quint16 port = server.serverPort();
        server.close();
        return port;
    }

private Q_SLOTS:
    void initTestCase()
    {
        UNSTUCK_REQUIRE_KUBECTL(m_kubectl);
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(m_dir.filePath(u"home"_s)));
        m_sim = std::make_unique<SimProcess>();
        QVERIFY(m_sim->start(u"seed"_s));
        const QJsonObject info = m_sim->info();
        m_server = info.value(u"kubernetes"_s).toObject().value(u"server"_s).toString();
        m_caFile = info.value(u"caFile"_s).toString();
        QVERIFY2(m_server.startsWith(u"https://127.0.0.1:"_s), qPrintable(m_server));
        QVERIFY(QFile::exists(m_caFile));
        SimProcess other; // started only for a CA of its own
        QVERIFY(other.start(u"healthy"_s));
        QFile ca(other.info().value(u"caFile"_s).toString());
        QVERIFY(ca.open(QIODevice::ReadOnly));
        m_otherCa = ca.readAll();
        QVERIFY(m_otherCa.contains("BEGIN CERTIFICATE"));
    }

    void cleanupTestCase() { m_sim.reset(); }

    void missingKubeconfig()
    {
        const QString missing = m_dir.filePath(u"no-such-kubeconfig"_s);
        const ProcessRun theirs = kubectl({u"--kubeconfig"_s, missing, u"get"_s, u"ns"_s});
        QCOMPARE(kubectlSays(theirs), u"stat %1: no such file or directory"_s.arg(missing));
        compare(kubectlSays(theirs), theirs, diagnose({u"--kubeconfig"_s, missing}));
    }

    void kubeconfigThatIsNotYaml_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("broken flow") << QByteArray("apiVersion: v1\nclusters: [ this is: wrong\n");
        QTest::newRow("tab indent") << QByteArray("apiVersion: v1\n\t- : :\n{{{\n");
        QTest::newRow("plain text") << QByteArray("this is not a kubeconfig\n");
    }
    void kubeconfigThatIsNotYaml()
    {
        QFETCH(QByteArray, content);
        const QString path = write(u"not-yaml-%1"_s.arg(QTest::currentDataTag()), content);
        const ProcessRun theirs = kubectl({u"--kubeconfig"_s, path, u"get"_s, u"ns"_s});
        // The parsers differ (go-yaml, yaml-cpp), so does their text; the sentence around it
        // is kubectl's.
        const QString says = kubectlSays(theirs);
        const QString phrase = u"error loading config file \"%1\""_s.arg(path);
        QVERIFY2(says.startsWith(phrase + u": "_s), qPrintable(says));
        compare(phrase, theirs, diagnose({u"--kubeconfig"_s, path}));
    }

    void unknownContext()
    {
        const QString path = m_sim->kubeconfig();
        const ProcessRun theirs = kubectl(
            {u"--kubeconfig"_s, path, u"--context"_s, u"no-such-context"_s, u"get"_s, u"ns"_s});
        QCOMPARE(kubectlSays(theirs),
                 u"context was not found for specified context: no-such-context"_s);
        compare(kubectlSays(theirs), theirs,
                diagnose({u"--kubeconfig"_s, path, u"--context"_s, u"no-such-context"_s}));
    }

    void noCurrentContext()
    {
        // `kubectl get` falls back to localhost:8080 without a context; `config
        // current-context` names the problem.
        const QString path =
            write(u"no-current.yaml"_s, kubeconfig(m_server, simCa(), "    token: abcdef-123456\n",
                                                   /*noCurrent=*/true));
        const ProcessRun theirs =
            kubectl({u"--kubeconfig"_s, path, u"config"_s, u"current-context"_s});
        QCOMPARE(kubectlSays(theirs), u"current-context is not set"_s);
        compare(kubectlSays(theirs), theirs, diagnose({u"--kubeconfig"_s, path}));
    }

    void serverRefusesConnections()
    {
        const quint16 port = closedPort();
        QVERIFY(port != 0);
        const QString path =
            write(u"refused.yaml"_s, kubeconfig(u"https://127.0.0.1:%1"_s.arg(port), simCa(),
                                                "    token: abcdef-123456\n"));
        const ProcessRun theirs = kubectl({u"--kubeconfig"_s, path, u"get"_s, u"ns"_s});
        QCOMPARE(kubectlSays(theirs), u"The connection to the server 127.0.0.1:%1 was refused - "
                                      u"did you specify the right host or port?"_s.arg(port));
        compare(kubectlSays(theirs), theirs, diagnose({u"--kubeconfig"_s, path}));
    }

    void caThatDidNotSignTheServer()
    {
        const QString path = write(
            u"wrong-ca.yaml"_s,
            kubeconfig(m_server, "    certificate-authority-data: " + m_otherCa.toBase64() + "\n",
                       "    token: abcdef-123456\n"));
        const ProcessRun theirs = kubectl({u"--kubeconfig"_s, path, u"get"_s, u"ns"_s});
        // Go adds why a candidate CA of the same name did not verify: "(possibly because of
        // "x509: ECDSA verification failure" while trying …)", and kubectl's words before it
        // vary by version ("tls: failed to verify certificate: …" in current ones, "Unable to
        // connect to the server: …" in Debian 12's 1.20); the x509 sentence is stable.
        const QString phrase = u"x509: certificate signed by unknown authority"_s;
        QVERIFY2(kubectlSays(theirs).contains(phrase), theirs.err.constData());
        compare(phrase, theirs, diagnose({u"--kubeconfig"_s, path}));
    }

    void tokenTheServerDoesNotKnow()
    {
        const QString path =
            write(u"bad-token.yaml"_s,
                  kubeconfig(m_server, simCa(), "    token: unstuck-e2e-wrong-token-0123456\n"));
        // A request that reads the Status (as every request of Unstuck's does) ...
        const ProcessRun raw = kubectl({u"--kubeconfig"_s, path, u"get"_s, u"--raw"_s, u"/api"_s});
        QCOMPARE(kubectlSays(raw), u"You must be logged in to the server (Unauthorized)"_s);
        const ProcessRun ours = diagnose({u"--kubeconfig"_s, path});
        compare(kubectlSays(raw), raw, ours);
        // ... and kubectl's first discovery, which words the 401 with client-go's generic text:
        // the sentence around it is the same.
        const ProcessRun get = kubectl({u"--kubeconfig"_s, path, u"get"_s, u"ns"_s});
        QVERIFY2(kubectlSays(get).startsWith(u"You must be logged in to the server ("_s),
                 get.err.constData());
        compare(u"You must be logged in to the server ("_s, get, ours);
        QVERIFY(!ours.err.contains("unstuck-e2e-wrong-token"));
    }

    void writeRbacForbids()
    {
        // `unstuck diagnose` only reads, which the read-only identity may; the first write a
        // user meets is a fix's server dry run.
        const QString path = m_sim->kubeconfig();
        const ProcessRun theirs =
            kubectl({u"--kubeconfig"_s, path, u"--context"_s, u"read-only"_s, u"delete"_s,
                     u"apiservice"_s, u"v1beta1.metrics.k8s.io"_s, u"--dry-run=server"_s});
        QVERIFY2(kubectlSays(theirs).contains(u"is forbidden: User \"unstuck-read-only\" cannot "
                                              u"delete resource \"apiservices\""_s),
                 theirs.err.constData());
        const ProcessRun ours =
            unstuck({u"fix"_s, u"apply"_s, u"apiservice-delete"_s, u"--dry-run"_s, u"--no-cloud"_s,
                     u"--kubeconfig"_s, path, u"--context"_s, u"read-only"_s, u"--audit-log"_s,
                     m_dir.filePath(u"audit.jsonl"_s)});
        compare(kubectlSays(theirs), theirs, ours, /*preflight failed*/ 3);
    }

    void execPluginMissing()
    {
        const QString path =
            write(u"exec-missing.yaml"_s,
                  kubeconfig(m_server, simCa(),
                             "    exec:\n"
                             "      apiVersion: client.authentication.k8s.io/v1beta1\n"
                             "      command: unstuck-e2e-no-such-plugin\n"));
        const ProcessRun theirs = kubectl({u"--kubeconfig"_s, path, u"get"_s, u"ns"_s});
        QCOMPARE(kubectlSays(theirs), u"getting credentials: exec: executable "
                                      u"unstuck-e2e-no-such-plugin not found"_s);
        compare(kubectlSays(theirs), theirs, diagnose({u"--kubeconfig"_s, path}));
    }

    void execPluginFails()
    {
#ifndef Q_OS_UNIX
        QSKIP("the failing plugin is a shell script");
#endif
        const QString plugin =
            write(u"failing-plugin.sh"_s, "#!/bin/sh\necho 'unstuck-e2e: the login expired' >&2\n"
                                          "exit 3\n");
        QVERIFY(
            QFile::setPermissions(plugin, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        const QString path =
            write(u"exec-fails.yaml"_s,
                  kubeconfig(m_server, simCa(),
                             "    exec:\n"
                             "      apiVersion: client.authentication.k8s.io/v1beta1\n"
                             "      command: " +
                                 plugin.toUtf8() + "\n"));
        const ProcessRun theirs = kubectl({u"--kubeconfig"_s, path, u"get"_s, u"ns"_s});
        QCOMPARE(kubectlSays(theirs),
                 u"getting credentials: exec: executable %1 failed with exit code 3"_s.arg(plugin));
        const ProcessRun ours = diagnose({u"--kubeconfig"_s, path});
        compare(kubectlSays(theirs), theirs, ours);
        // Both show what the plugin said on stderr.
        QVERIFY(theirs.err.contains("unstuck-e2e: the login expired"));
        QVERIFY2(ours.err.contains("unstuck-e2e: the login expired"), ours.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestKubectlErrors)
#include "tst_kubectl_errors.moc"
