// SPDX-License-Identifier: GPL-3.0-or-later
// The real kubectl against the unstuck-sim executable: the simulator must be a cluster that
// third-party clients believe, and its namespace must heal when the APIService goes.
#include "support/KubectlTool.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestKubectl : public QObject
{
    Q_OBJECT

private:
    QString m_kubectl;
    QTemporaryDir m_home;
    // A fresh simulator per test: several tests change the world (create and delete
    // namespaces, delete the APIService), and no test may depend on another's order.
    std::unique_ptr<QTemporaryDir> m_state;
    std::unique_ptr<QProcess> m_sim;
    QJsonObject m_info;

    void stopSim()
    {
        if (!m_sim || m_sim->state() == QProcess::NotRunning)
            return;
        m_sim->terminate(); // SIGTERM
        QVERIFY(m_sim->waitForFinished(10000));
        QCOMPARE(m_sim->exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_sim->exitCode(), 0);
    }

    Run kubectl(const QStringList& args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_home.path()); // private discovery cache
        env.remove(QStringLiteral("KUBECONFIG"));
        p.setProcessEnvironment(env);
        p.start(m_kubectl, QStringList{QStringLiteral("--kubeconfig"),
                                       m_info.value(QLatin1String("kubeconfig")).toString(),
                                       QStringLiteral("--request-timeout=20s")} +
                               args);
        Run r;
        if (!p.waitForFinished(40000)) {
            p.kill();
            p.waitForFinished();
            r.err = QStringLiteral("kubectl timed out");
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

private Q_SLOTS:
    void initTestCase() { UNSTUCK_REQUIRE_KUBECTL(m_kubectl); }

    void init()
    {
        stopSim(); // Qt Test skips cleanup() when init() failed
        m_state = std::make_unique<QTemporaryDir>();
        QVERIFY(m_state->isValid());
        m_sim = std::make_unique<QProcess>();
        m_sim->setProgram(QStringLiteral(UNSTUCK_SIM_BINARY));
        m_sim->setArguments({QStringLiteral("--scenario"), QStringLiteral("seed"),
                             QStringLiteral("--state-dir"), m_state->path(),
                             QStringLiteral("--reconcile-ms"), QStringLiteral("200")});
        m_sim->setProcessChannelMode(QProcess::SeparateChannels);
        m_sim->start();
        QVERIFY2(m_sim->waitForStarted(10000), qPrintable(m_sim->errorString()));
        QElapsedTimer t;
        t.start();
        while (!m_sim->canReadLine() && t.elapsed() < 30000)
            m_sim->waitForReadyRead(1000);
        const QByteArray line = m_sim->readLine();
        m_info = QJsonDocument::fromJson(line).object();
        QVERIFY2(!m_info.isEmpty(), line.constData());
        QVERIFY(QFile::exists(m_info.value(QLatin1String("kubeconfig")).toString()));
        QVERIFY(QFile::exists(m_state->filePath(QStringLiteral("profile.json"))));
        QCOMPARE(m_info.value(QLatin1String("scenario")).toString(), QStringLiteral("seed"));
    }

    // The simulator stops cleanly on SIGTERM (exit 0).
    void cleanup() { stopSim(); }

    void stuckNamespaceIsTerminating()
    {
        const Run phase =
            kubectl({QStringLiteral("get"), QStringLiteral("ns"), QStringLiteral("tobedeletedb"),
                     QStringLiteral("-o"), QStringLiteral("jsonpath={.status.phase}")});
        QCOMPARE(phase.exitCode, 0);
        QCOMPARE(phase.out, QStringLiteral("Terminating"));
        const Run table = kubectl({QStringLiteral("get"), QStringLiteral("ns")});
        QCOMPARE(table.exitCode, 0);
        const QStringList lines = table.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(!lines.isEmpty());
        QCOMPARE(lines.first().simplified(), QStringLiteral("NAME STATUS AGE"));
        bool found = false;
        for (const QString& l : lines)
            found = found || l.simplified().startsWith(QLatin1String("tobedeletedb Terminating"));
        QVERIFY2(found, qPrintable(table.out));
    }

    void apiServiceReportsTheFailedDiscoveryCheck()
    {
        const Run r = kubectl({QStringLiteral("get"), QStringLiteral("apiservice"),
                               QStringLiteral("v1beta1.metrics.k8s.io")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("kube-system/metrics-server")) &&
                     r.out.contains(QLatin1String("False (FailedDiscoveryCheck)")),
                 qPrintable(r.out));
        const Run message = kubectl({QStringLiteral("get"), QStringLiteral("apiservice"),
                                     QStringLiteral("v1beta1.metrics.k8s.io"), QStringLiteral("-o"),
                                     QStringLiteral("jsonpath={.status.conditions[0].message}")});
        QVERIFY2(message.out.endsWith(QLatin1String("dial tcp 172.16.1.12:4443: i/o timeout")),
                 qPrintable(message.out));
    }

    void discoveryOfTheMetricsGroupFails()
    {
        // The aggregator's 503 reaches kubectl as ServiceUnavailable.
        const Run raw = kubectl({QStringLiteral("get"), QStringLiteral("--raw"),
                                 QStringLiteral("/apis/metrics.k8s.io/v1beta1")});
        QVERIFY(raw.exitCode != 0);
        QVERIFY2(
            raw.err.contains(QLatin1String("the server is currently unable to handle the request")),
            qPrintable(raw.err));
        const Run top = kubectl({QStringLiteral("top"), QStringLiteral("nodes")});
        QVERIFY(top.exitCode != 0);
        // kubectl 1.32 reads aggregated discovery: the Stale group version is left out of
        // api-resources (it only fails loudly with legacy per-group discovery).
        const Run resources = kubectl({QStringLiteral("api-resources")});
        QVERIFY2(resources.out.contains(QLatin1String("namespaces")), qPrintable(resources.err));
        QVERIFY(!resources.out.contains(QLatin1String("metrics.k8s.io/v1beta1")));
    }

    void readOnlyContextMayReadButNotWrite()
    {
        const Run del = kubectl({QStringLiteral("--context"), QStringLiteral("read-only"),
                                 QStringLiteral("delete"), QStringLiteral("ns"),
                                 QStringLiteral("tobedeletedb"), QStringLiteral("--wait=false")});
        QCOMPARE(del.exitCode, 1);
        QVERIFY2(del.err.contains(QLatin1String(
                     R"(Error from server (Forbidden): namespaces "tobedeletedb" is forbidden: )"
                     R"(User "unstuck-read-only" cannot delete resource "namespaces" in API group )"
                     R"("" in the namespace "tobedeletedb")")),
                 qPrintable(del.err));
        const Run get =
            kubectl({QStringLiteral("--context"), QStringLiteral("read-only"),
                     QStringLiteral("get"), QStringLiteral("ns"), QStringLiteral("tobedeletedb"),
                     QStringLiteral("-o"), QStringLiteral("jsonpath={.status.phase}")});
        QCOMPARE(get.exitCode, 0);
        QCOMPARE(get.out, QStringLiteral("Terminating"));
    }

    void authCanIAnswersPerContext()
    {
        auto canI = [&](const QStringList& args) {
            return kubectl(QStringList{QStringLiteral("auth"), QStringLiteral("can-i")} + args);
        };
        const Run admin = canI({QStringLiteral("delete"), QStringLiteral("namespaces")});
        QCOMPARE(admin.exitCode, 0);
        QCOMPARE(admin.out.trimmed(), QStringLiteral("yes"));
        const QStringList readOnly{QStringLiteral("--context"), QStringLiteral("read-only")};
        const Run no =
            canI(readOnly + QStringList{QStringLiteral("delete"), QStringLiteral("namespaces")});
        QCOMPARE(no.exitCode, 1);
        QCOMPARE(no.out.trimmed(), QStringLiteral("no"));
        const Run finalize = canI(readOnly + QStringList{QStringLiteral("update"),
                                                         QStringLiteral("namespaces/tobedeletedb"),
                                                         QStringLiteral("--subresource=finalize")});
        QCOMPARE(finalize.out.trimmed(), QStringLiteral("no"));
        const Run get =
            canI(readOnly + QStringList{QStringLiteral("get"), QStringLiteral("namespaces")});
        QCOMPARE(get.exitCode, 0);
        QCOMPARE(get.out.trimmed(), QStringLiteral("yes"));
    }

    void serverDryRunChangesNothing()
    {
        const QStringList version{
            QStringLiteral("get"), QStringLiteral("ns"), QStringLiteral("default"),
            QStringLiteral("-o"),
            QStringLiteral("jsonpath={.metadata.resourceVersion}/{.metadata.labels}")};
        const Run before = kubectl(version);
        QCOMPARE(before.exitCode, 0);
        const Run patched =
            kubectl({QStringLiteral("patch"), QStringLiteral("ns"), QStringLiteral("default"),
                     QStringLiteral("--dry-run=server"), QStringLiteral("-p"),
                     QStringLiteral(R"({"metadata":{"labels":{"dry":"run"}}})")});
        QCOMPARE(patched.exitCode, 0);
        // kubectl prints no "(server dry run)" after a patch; label does since 1.21 (Debian 12's
        // kubectl is 1.20), create does in both.
        QCOMPARE(patched.out.trimmed(), QStringLiteral("namespace/default patched"));
        const Run labeled =
            kubectl({QStringLiteral("label"), QStringLiteral("ns"), QStringLiteral("default"),
                     QStringLiteral("dry=run"), QStringLiteral("--dry-run=server")});
        QCOMPARE(labeled.exitCode, 0);
        QVERIFY2(labeled.out.trimmed() ==
                         QStringLiteral("namespace/default labeled (server dry run)") ||
                     labeled.out.trimmed() == QStringLiteral("namespace/default labeled"),
                 qPrintable(labeled.out));
        QCOMPARE(kubectl(version).out, before.out);
        QVERIFY(!before.out.contains(QLatin1String("dry")));
        const Run created =
            kubectl({QStringLiteral("create"), QStringLiteral("namespace"),
                     QStringLiteral("dry-demo"), QStringLiteral("--dry-run=server")});
        QCOMPARE(created.out.trimmed(),
                 QStringLiteral("namespace/dry-demo created (server dry run)"));
        QVERIFY(kubectl({QStringLiteral("get"), QStringLiteral("ns"), QStringLiteral("dry-demo")})
                    .err.contains(QLatin1String(R"(namespaces "dry-demo" not found)")));
    }

    void failedJsonPatchTestIsInvalid()
    {
        const Run r =
            kubectl({QStringLiteral("patch"), QStringLiteral("ns"), QStringLiteral("default"),
                     QStringLiteral("--type=json"), QStringLiteral("-p"),
                     QStringLiteral(R"([{"op":"test","path":"/metadata/name","value":"x"}])")});
        QCOMPARE(r.exitCode, 1);
        // kubectl 1.20 prints only the first part; later ones add the Status message.
        QVERIFY2(r.err.startsWith(QLatin1String("The request is invalid")), qPrintable(r.err));
        if (r.err.contains(u':'))
            QVERIFY2(r.err.contains(QLatin1String("The request is invalid: the server rejected "
                                                  "our request due to an error in our request")),
                     qPrintable(r.err));
    }

    void controllerLogShowsTheDiscoveryFailure()
    {
        QTRY_VERIFY_WITH_TIMEOUT(
            kubectl({QStringLiteral("logs"), QStringLiteral("-n"), QStringLiteral("kube-system"),
                     QStringLiteral("kube-controller-manager-cn-hangzhou.192.168.0.193"),
                     QStringLiteral("--tail=3")})
                .out.contains(QLatin1String(
                    "deletion of namespace tobedeletedb failed: unable to retrieve the complete "
                    "list "
                    "of server APIs: metrics.k8s.io/v1beta1: stale GroupVersion discovery")),
            5000);
    }

    void newNamespaceStaysTerminatingUntilTheApiServiceIsDeleted()
    {
        QCOMPARE(kubectl({QStringLiteral("create"), QStringLiteral("namespace"),
                          QStringLiteral("e2e-demo")})
                     .exitCode,
                 0);
        QCOMPARE(kubectl({QStringLiteral("create"), QStringLiteral("configmap"),
                          QStringLiteral("-n"), QStringLiteral("e2e-demo"),
                          QStringLiteral("settings"), QStringLiteral("--from-literal=a=b")})
                     .exitCode,
                 0);
        const Run del = kubectl({QStringLiteral("delete"), QStringLiteral("namespace"),
                                 QStringLiteral("e2e-demo"), QStringLiteral("--wait=false")});
        QCOMPARE(del.exitCode, 0);
        QTest::qWait(1000); // several controller passes
        const Run phase =
            kubectl({QStringLiteral("get"), QStringLiteral("ns"), QStringLiteral("e2e-demo"),
                     QStringLiteral("-o"), QStringLiteral("jsonpath={.status.phase}")});
        QCOMPARE(phase.out, QStringLiteral("Terminating"));
        // Its content went (discovery errors are not fatal); only the finalizer holds it.
        const Run content =
            kubectl({QStringLiteral("get"), QStringLiteral("configmaps"), QStringLiteral("-n"),
                     QStringLiteral("e2e-demo"), QStringLiteral("-o"), QStringLiteral("name")});
        QCOMPARE(content.out.trimmed(), QString());

        // Save it first, as the product's fix does, so it can be put back.
        const Run saved = kubectl({QStringLiteral("get"), QStringLiteral("apiservice"),
                                   QStringLiteral("v1beta1.metrics.k8s.io"), QStringLiteral("-o"),
                                   QStringLiteral("yaml")});
        QCOMPARE(saved.exitCode, 0);
        QFile backup(m_home.filePath(QStringLiteral("apiservice.yaml")));
        QVERIFY(backup.open(QIODevice::WriteOnly));
        backup.write(saved.out.toUtf8());
        backup.close();
        const Run removed = kubectl({QStringLiteral("delete"), QStringLiteral("apiservice"),
                                     QStringLiteral("v1beta1.metrics.k8s.io")});
        QCOMPARE(removed.exitCode, 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            kubectl({QStringLiteral("get"), QStringLiteral("ns"), QStringLiteral("e2e-demo")})
                .err.contains(QLatin1String("namespaces \"e2e-demo\" not found")),
            10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            kubectl({QStringLiteral("get"), QStringLiteral("ns"), QStringLiteral("tobedeletedb")})
                    .exitCode == 1,
            10000);

        // Undo: kubectl create -f of the saved object (validated by the server via OpenAPI v3).
        const Run restored =
            kubectl({QStringLiteral("create"), QStringLiteral("-f"), backup.fileName()});
        QVERIFY2(restored.exitCode == 0, qPrintable(restored.err));
        QTRY_VERIFY_WITH_TIMEOUT(kubectl({QStringLiteral("get"), QStringLiteral("apiservice"),
                                          QStringLiteral("v1beta1.metrics.k8s.io")})
                                     .out.contains(QLatin1String("False (FailedDiscoveryCheck)")),
                                 5000);
    }

    void legacyDiscoveryMakesApiResourcesFail()
    {
        // A cluster without aggregated discovery: kubectl asks each group version and the
        // 503 reaches the user exactly as in the incident.
        QTemporaryDir state;
        QProcess sim;
        sim.start(QStringLiteral(UNSTUCK_SIM_BINARY),
                  {QStringLiteral("--scenario"), QStringLiteral("backend-down"),
                   QStringLiteral("--state-dir"), state.path(), QStringLiteral("--reconcile-ms"),
                   QStringLiteral("200"), QStringLiteral("--legacy-discovery")});
        QVERIFY(sim.waitForStarted(10000));
        QElapsedTimer t;
        t.start();
        while (!sim.canReadLine() && t.elapsed() < 30000)
            sim.waitForReadyRead(1000);
        const QJsonObject info = QJsonDocument::fromJson(sim.readLine()).object();
        QVERIFY(!info.isEmpty());
        const QJsonObject saved = m_info;
        m_info = info;
        const Run resources = kubectl({QStringLiteral("api-resources")});
        const Run phase = kubectl({QStringLiteral("get"), QStringLiteral("ns"),
                                   QStringLiteral("tobedeletedb"), QStringLiteral("-o"),
                                   QStringLiteral("jsonpath={.status.conditions[0].message}")});
        m_info = saved;
        sim.terminate();
        QVERIFY(sim.waitForFinished(10000));
        QCOMPARE(sim.exitCode(), 0);
        QVERIFY(resources.exitCode != 0);
        QVERIFY2(resources.err.contains(QLatin1String(
                     "unable to retrieve the complete list of server APIs: metrics.k8s.io/v1beta1: "
                     "the server is currently unable to handle the request")),
                 qPrintable(resources.err));
        QCOMPARE(
            phase.out,
            QStringLiteral(
                "Discovery failed for some groups, 1 failing: unable to retrieve the complete list "
                "of server APIs: metrics.k8s.io/v1beta1: the server is currently unable to handle "
                "the request"));
    }

    void cleanupTestCase() { stopSim(); }
};

QTEST_GUILESS_MAIN(TestKubectl)
#include "tst_kubectl.moc"
