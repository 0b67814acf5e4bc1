// SPDX-License-Identifier: GPL-3.0-or-later
// The real `unstuck diagnose` executable against a started `unstuck-sim` process: exit codes,
// the JSON document's shape, the formats, and a clear message for a broken kubeconfig.
#include "support/DiagnosisJson.h"
#include "support/SimProcess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using unstuck::test::SimProcess;

class TestCli : public QObject
{
    Q_OBJECT

    using Output = unstuck::test::ProcessRun;

    static Output diagnose(const QStringList& arguments)
    {
        return unstuck::test::runProcess(QStringLiteral(UNSTUCK_BINARY),
                                         QStringList{QStringLiteral("diagnose")} + arguments);
    }

private Q_SLOTS:
    void seed_exitsOneWithTheDocumentedJson()
    {
        SimProcess sim;
        QVERIFY(sim.start(QStringLiteral("seed")));
        const Output output = diagnose({QStringLiteral("--profile"), sim.profile(),
                                        QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(output.exitCode, 1);
        const QJsonObject json = QJsonDocument::fromJson(output.out).object();
        QCOMPARE(json.value(QStringLiteral("schemaVersion")).toInt(), 1);
        QVERIFY(json.value(QStringLiteral("components")).toArray().size() >= 6);
        QVERIFY(json.value(QStringLiteral("links")).toArray().size() >= 5);
        QVERIFY(json.value(QStringLiteral("rootCause")).isObject());
        QVERIFY(!json.value(QStringLiteral("redPath")).toArray().isEmpty());
        QVERIFY(!json.value(QStringLiteral("fixes")).toArray().isEmpty());
        QCOMPARE(json.value(QStringLiteral("namespaces"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("tobedeletedb"));
        QVERIFY(!json.value(QStringLiteral("narrative"))
                     .toObject()
                     .value(QStringLiteral("en"))
                     .toString()
                     .isEmpty());
        for (const QJsonValue& c : json.value(QStringLiteral("components")).toArray())
            for (const char* key : {"id", "state", "summary", "evidence"})
                QVERIFY(c.toObject().contains(QLatin1String(key)));
        // One namespace asked by name; one that does not exist cannot be diagnosed.
        QCOMPARE(diagnose({QStringLiteral("--profile"), sim.profile(),
                           QStringLiteral("--namespace"), QStringLiteral("tobedeletedb")})
                     .exitCode,
                 1);
        const Output missing = diagnose({QStringLiteral("--profile"), sim.profile(),
                                         QStringLiteral("--namespace"), QStringLiteral("nope")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains("namespace \"nope\" not found"), missing.err.constData());
        // No secret of the sim's account leaks into the output.
        const QJsonObject info =
            QJsonDocument::fromJson([&] {
                QFile f(sim.dir.filePath(QStringLiteral("sim.json")));
                return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
            }())
                .object();
        const QString secret = info.value(QStringLiteral("cloud"))
                                   .toObject()
                                   .value(QStringLiteral("accessKeySecret"))
                                   .toString();
        QVERIFY(!secret.isEmpty());
        QVERIFY(!output.out.contains(secret.toUtf8()));
    }

    void recordedRun_replaysOfflineToTheSameVerdict()
    {
        SimProcess sim;
        QVERIFY(sim.start(QStringLiteral("route-missing")));
        const QString bundle = sim.dir.filePath(QStringLiteral("capture.json"));
        const Output live =
            diagnose({QStringLiteral("--profile"), sim.profile(), QStringLiteral("--format"),
                      QStringLiteral("json"), QStringLiteral("--record"), bundle});
        QCOMPARE(live.exitCode, 1);
        QVERIFY(QFile::exists(bundle));
        const Output replay = diagnose(
            {QStringLiteral("--from"), bundle, QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(replay.exitCode, 1);
        const QJsonObject a = QJsonDocument::fromJson(live.out).object();
        const QJsonObject b = QJsonDocument::fromJson(replay.out).object();
        QCOMPARE(b.value(QStringLiteral("source")).toString(), QStringLiteral("bundle"));
        QCOMPARE(b.value(QStringLiteral("rootCause"))
                     .toObject()
                     .value(QStringLiteral("component"))
                     .toString(),
                 QStringLiteral("vpc-route-table"));
        QCOMPARE(b.value(QStringLiteral("redPath")), a.value(QStringLiteral("redPath")));
    }

    void healthy_exitsZeroAndTextSaysHealthy()
    {
        SimProcess sim;
        QVERIFY(sim.start(QStringLiteral("healthy")));
        const Output output = diagnose({QStringLiteral("--profile"), sim.profile()});
        QCOMPARE(output.exitCode, 0);
        QVERIFY(output.out.contains("Healthy: no root cause found"));
        QVERIFY(!output.out.contains("\x1b[")); // not a terminal: no colour codes
    }

    void markdown_hasTheSections()
    {
        SimProcess sim;
        QVERIFY(sim.start(QStringLiteral("stale-apiservice")));
        const Output output = diagnose({QStringLiteral("--profile"), sim.profile(),
                                        QStringLiteral("--format"), QStringLiteral("markdown")});
        QCOMPARE(output.exitCode, 1);
        QVERIFY(output.out.startsWith("# Unstuck diagnosis"));
        QVERIFY(output.out.contains("## Recommended fixes"));
        QVERIFY(output.out.contains("ServiceNotFound"));
    }

    void brokenKubeconfig_exitsTwoWithAClearMessage()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("kubeconfig")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("apiVersion: v1\nkind: Config\nclusters: [ this is: not valid\n");
        file.close();
        const Output output = diagnose({QStringLiteral("--kubeconfig"), file.fileName()});
        QCOMPARE(output.exitCode, 2);
        QVERIFY2(output.err.contains("could not diagnose"), output.err.constData());
        QVERIFY2(output.err.contains("kubeconfig"), output.err.constData());
    }

    void unreachableCluster_exitsTwo()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("kubeconfig")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: "
                   "https://127.0.0.1:1\n"
                   "contexts:\n- name: x\n  context:\n    cluster: c\n    user: "
                   "u\ncurrent-context: x\nusers:\n- name: u\n  user:\n    token: abcdefgh123\n");
        file.close();
        const Output output =
            diagnose({QStringLiteral("--kubeconfig"), file.fileName(), QStringLiteral("--no-cloud"),
                      QStringLiteral("--timeout-ms"), QStringLiteral("2000")});
        QCOMPARE(output.exitCode, 2);
        QVERIFY2(output.err.contains("did not answer"), output.err.constData());
        QVERIFY(!output.err.contains("abcdefgh123"));
    }

    void guiHelp_needsNoDisplay()
    {
#ifndef UNSTUCK_WITH_GUI
        QSKIP("built without the GUI");
#endif
        // Over SSH or in a plain terminal: no X, no Wayland, no platform plugin chosen.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
            env.remove(QString::fromLatin1(name));
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(UNSTUCK_BINARY), {QStringLiteral("--help")});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        const QByteArray out = process.readAllStandardOutput();
        QVERIFY2(out.contains("--demo") && out.contains("--screenshot"), out.constData());
        QVERIFY2(out.contains("unstuck diagnose"), out.constData()); // the headless commands too
    }

    void unknownCommand_exitsTwoWithTheCommandList()
    {
        // A typo must not fall through to the GUI (which would open a window, or abort in Qt's
        // platform plugin over SSH).
        QProcess process;
        process.start(
            QStringLiteral(UNSTUCK_BINARY),
            {QStringLiteral("diagnoze"), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 2);
        const QByteArray err = process.readAllStandardError();
        QVERIFY2(err.contains("unknown command 'diagnoze'"), err.constData());
        QVERIFY2(err.contains("unstuck diagnose"), err.constData());
        QVERIFY(process.readAllStandardOutput().isEmpty());
    }

    void guiWithoutDisplay_exitsTwoAndNamesTheHeadlessCommands()
    {
#ifndef UNSTUCK_WITH_GUI
        QSKIP("built without the GUI");
#endif
#if !defined(Q_OS_UNIX) || defined(Q_OS_MACOS)
        QSKIP("Windows and macOS always have a display");
#endif
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
            env.remove(QString::fromLatin1(name));
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(UNSTUCK_BINARY), {QStringLiteral("--demo")});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit); // not Qt's abort()
        QCOMPARE(process.exitCode(), 2);
        const QByteArray err = process.readAllStandardError();
        QVERIFY2(err.contains("no display"), err.constData());
        QVERIFY2(err.contains("unstuck diagnose"), err.constData());
    }

    void screenshotWithNothingToDiagnose_picturesTheConnectView()
    {
#ifndef UNSTUCK_WITH_GUI
        QSKIP("built without the GUI");
#endif
        // Only a (broken) kubeconfig: the window is the connect view with the YAML error, and
        // --screenshot saves it instead of waiting for a diagnosis that never starts.
        QTemporaryDir dir;
        QFile kubeconfig(dir.filePath(QStringLiteral("kubeconfig")));
        QVERIFY(kubeconfig.open(QIODevice::WriteOnly));
        kubeconfig.write("apiVersion: v1\nclusters: [ this is: not valid\n");
        kubeconfig.close();
        const QString png = dir.filePath(QStringLiteral("connect.png"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path()); // not the user's settings
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(UNSTUCK_BINARY),
                      {QStringLiteral("--kubeconfig"), kubeconfig.fileName(),
                       QStringLiteral("--screenshot"), png});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        QFile picture(png);
        QVERIFY(picture.open(QIODevice::ReadOnly));
        QVERIFY(picture.read(8) == QByteArray("\x89PNG\r\n\x1a\n", 8));
    }

    void screenshotWithMissingProfile_exitsOneAtOnceWithThePicture()
    {
#ifndef UNSTUCK_WITH_GUI
        QSKIP("built without the GUI");
#endif
        // docs/gui.md: --screenshot exits 1 when it could not diagnose, with the window (the
        // connect view, the problem beside the profile field) saved; it used to wait 180 s.
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("missing.png"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path());
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(UNSTUCK_BINARY),
                      {QStringLiteral("--profile"), QStringLiteral("/nonexistent/profile.json"),
                       QStringLiteral("--screenshot"), png});
        QVERIFY(process.waitForFinished(60000)); // it used to wait for the 180 s deadline
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 1);
        QVERIFY(process.readAllStandardError().contains("/nonexistent/profile.json"));
        QFile picture(png);
        QVERIFY(picture.open(QIODevice::ReadOnly));
        QVERIFY(picture.read(8) == QByteArray("\x89PNG\r\n\x1a\n", 8));
    }

    // --cloud-profile in each form reads the same access key from where the official tools keep
    // it; a name nothing defines leaves the cloud side unknown, saying where it looked.
    void cloudProfile_eachForm_data()
    {
        QTest::addColumn<QString>("choice");
        QTest::addColumn<QString>("root"); // component id, or "from→to" of a link
        QTest::newRow("aliyun CLI profile") << "work"
                                            << "ram-policy";
        QTest::newRow("aliyun-cli:NAME") << "aliyun-cli:work"
                                         << "ram-policy";
        QTest::newRow("ini:SECTION") << "ini:work"
                                     << "ram-policy";
        QTest::newRow("env") << "env"
                             << "ram-policy";
        QTest::newRow("undefined name") << "nosuch"
                                        << "apiserver→metrics-server";
    }

    void cloudProfile_eachForm()
    {
        QFETCH(QString, choice);
        QFETCH(QString, root);
        SimProcess sim;
        QVERIFY(sim.start(QStringLiteral("seed")));
        const QJsonObject cloud = sim.info().value(QStringLiteral("cloud")).toObject();
        const QString id = cloud.value(QStringLiteral("accessKeyId")).toString();
        const QString secret = cloud.value(QStringLiteral("accessKeySecret")).toString();
        QTemporaryDir home;
        QDir().mkpath(home.filePath(QStringLiteral(".aliyun")));
        QDir().mkpath(home.filePath(QStringLiteral(".alibabacloud")));
        QFile config(home.filePath(QStringLiteral(".aliyun/config.json")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(
            QJsonDocument(QJsonObject{{QStringLiteral("current"), QStringLiteral("work")},
                                      {QStringLiteral("profiles"),
                                       QJsonArray{QJsonObject{
                                           {QStringLiteral("name"), QStringLiteral("work")},
                                           {QStringLiteral("mode"), QStringLiteral("AK")},
                                           {QStringLiteral("access_key_id"), id},
                                           {QStringLiteral("access_key_secret"), secret}}}}})
                .toJson());
        config.close();
        QFile ini(home.filePath(QStringLiteral(".alibabacloud/credentials")));
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write(QStringLiteral("[work]\ntype = access_key\naccess_key_id = %1\n"
                                 "access_key_secret = %2\n")
                      .arg(id, secret)
                      .toUtf8());
        ini.close();

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.remove(QStringLiteral("ALIBABA_CLOUD_PROFILE"));
        if (choice == QStringLiteral("env")) {
            env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), id);
            env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), secret);
        } else {
            env.remove(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"));
            env.remove(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"));
        }
        const Output run =
            unstuck::test::runProcess(QStringLiteral(UNSTUCK_BINARY),
                                      {QStringLiteral("diagnose"), QStringLiteral("--profile"),
                                       sim.profile(), QStringLiteral("--cloud-profile"), choice,
                                       QStringLiteral("--format"), QStringLiteral("json")},
                                      env);
        QVERIFY2(run.exitCode == 1, run.err.constData());
        const QString found = unstuck::test::rootCauseOf(run.json());
        QCOMPARE(found, root);
        if (choice == QStringLiteral("nosuch")) {
            QVERIFY2(run.out.contains("has no profile 'nosuch'"), run.out.constData());
        }
    }

    void timeoutMs_mustBeAPositiveNumber_data()
    {
        QTest::addColumn<QString>("value");
        for (const char* v : {"abc", "0", "-5", "99999999999", ""})
            QTest::newRow(v) << QString::fromLatin1(v);
    }

    void timeoutMs_mustBeAPositiveNumber()
    {
        QFETCH(QString, value);
        const Output run =
            diagnose({QStringLiteral("--no-cloud"), QStringLiteral("--timeout-ms"), value,
                      QStringLiteral("--kubeconfig"), QStringLiteral("/nonexistent")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("--timeout-ms must be a positive number"), run.err.constData());
    }

    void badArguments_exitTwo()
    {
        QCOMPARE(diagnose({QStringLiteral("--format"), QStringLiteral("yaml")}).exitCode, 2);
        QCOMPARE(diagnose({QStringLiteral("--profile"), QStringLiteral("a"),
                           QStringLiteral("--context"), QStringLiteral("b")})
                     .exitCode,
                 2);
        QCOMPARE(
            diagnose({QStringLiteral("--profile"), QStringLiteral("/nonexistent/profile.json")})
                .exitCode,
            2);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
