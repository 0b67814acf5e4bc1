// SPDX-License-Identifier: GPL-3.0-or-later
// Every simulator scenario through the two shipped executables: `unstuck-sim --scenario X`
// and `unstuck diagnose --format json`. Checks the exit code, the root cause and the end of
// the red path a person would see.
#include "support/DiagnosisJson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestScenarios : public QObject
{
    Q_OBJECT

    static QJsonObject diagnose(const QString& profile, int* exitCode)
    {
        QProcess process;
        process.start(QStringLiteral(UNSTUCK_BINARY),
                      {QStringLiteral("diagnose"), QStringLiteral("--profile"), profile,
                       QStringLiteral("--format"), QStringLiteral("json"),
                       QStringLiteral("--timeout-ms"), QStringLiteral("3000")});
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
            *exitCode = -1;
            return {};
        }
        *exitCode = process.exitCode();
        return QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    }

private Q_SLOTS:
    void scenario_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("root");
        QTest::newRow("seed") << "seed" << 1 << "ram-policy";
        QTest::newRow("healthy") << "healthy" << 0 << "none";
        QTest::newRow("backend-down") << "backend-down" << 1 << "metrics-server";
        QTest::newRow("stale-apiservice") << "stale-apiservice" << 1 << "metrics-server";
        QTest::newRow("custom-aggregated-api") << "custom-aggregated-api" << 1 << "metrics-server";
        QTest::newRow("route-missing") << "route-missing" << 1 << "vpc-route-table";
        QTest::newRow("finalizers-remaining") << "finalizers-remaining" << 1 << "finalizers";
        QTest::newRow("webhook-blocks-delete") << "webhook-blocks-delete" << 1 << "webhook";
        QTest::newRow("no-cloud-credentials")
            << "no-cloud-credentials" << 1 << "apiserver→metrics-server";
        QTest::newRow("ram-two-policies") << "ram-two-policies" << 1 << "ram-policy";
    }

    void scenario()
    {
        QFETCH(QString, scenario);
        QFETCH(int, exitCode);
        QFETCH(QString, root);
        QTemporaryDir dir;
        QProcess sim;
        sim.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        sim.start(QStringLiteral(UNSTUCK_SIM_BINARY),
                  {QStringLiteral("--scenario"), scenario, QStringLiteral("--state-dir"),
                   dir.path(), QStringLiteral("--reconcile-ms"), QStringLiteral("100")});
        QVERIFY(sim.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(dir.filePath(QStringLiteral("sim.json"))), 10000);
        // The simulator writes sim.json once its controllers have settled: the first verdict is
        // the verdict (one that changes on the next run would be a bug).
        int code = -1;
        const QJsonObject json = diagnose(dir.filePath(QStringLiteral("profile.json")), &code);
        QCOMPARE(unstuck::test::rootCauseOf(json), root);
        QCOMPARE(code, exitCode);
        const QJsonArray path = json.value(QStringLiteral("redPath")).toArray();
        if (root == QStringLiteral("none")) {
            QVERIFY(path.isEmpty());
        } else {
            QCOMPARE(path.first().toString(), QStringLiteral("namespace-controller"));
            QCOMPARE(path.last().toString(), root);
        }
        sim.terminate();
        if (!sim.waitForFinished(5000))
            sim.kill();
        sim.waitForFinished();
    }
};

QTEST_GUILESS_MAIN(TestScenarios)
#include "tst_scenarios.moc"
