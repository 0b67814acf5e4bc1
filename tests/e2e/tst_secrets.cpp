// SPDX-License-Identifier: GPL-3.0-or-later
// The canary test: the simulator issues distinctive secrets (cloud access key secrets, the STS
// token of a role session, bearer tokens, a basic-auth password, a client key), and the test
// adds wrong ones a user might type. Every path that writes — diagnose in every format with
// --trace and --record, offline replay, an HTML report, role sessions, failed logins, fix plans,
// applies, undo, the audit log, a trace-level log file, the GUI's screenshot run — is driven,
// then every byte written (stdout, stderr, every file under the run's HOME) is searched for
// every canary. Zero hits, and each test first proves the search finds the canaries where they
// belong (the simulator's own state files).
#include "support/SimProcess.h"

#include "models/engine/DiagnosisEngine.h"
#include "models/writers/ReportWriter.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSignalSpy>
#include <memory>

using namespace unstuck;
using namespace unstuck::test;
using namespace Qt::StringLiterals;

namespace {

// A wrong secret, bearer token and client key a user might put in their files: they are secrets
// too, and the errors they cause must not echo them.
const QString kWrongSecret = u"WrongSecretCanary7Qm2Xv9Lp4Rt8"_s;
const QString kWrongToken = u"wrongBearerCanary3f9a1c7e5b2d8a4c6e0f1b3d5a7c9e1f"_s;

// An STS token the simulator issued ("CAIS" and 120 characters, as Alibaba Cloud's).
const QRegularExpression kStsToken(u"CAIS[A-Za-z0-9+/=]{40,}"_s);

struct Hit
{
    QString where, canary;
};

} // namespace

class TestSecrets : public QObject
{
    Q_OBJECT

    std::unique_ptr<SimProcess> m_sim;
    std::unique_ptr<QTemporaryDir> m_home;
    QMap<QString, QString> m_canaries;           // name → value
    QList<QPair<QString, QByteArray>> m_outputs; // label → stdout/stderr bytes

    QString homePath(const QString& name) const { return m_home->filePath(name); }

    // A run's environment: its own HOME and XDG folders (the audit log, settings and caches land
    // there), a trace-level log file, no cloud credentials from the machine running the test.
    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString& key : env.keys())
            if (key.startsWith(u"ALIBABA_CLOUD_"_s) || key.startsWith(u"ALICLOUD_"_s) ||
                key == u"KUBECONFIG"_s)
                env.remove(key);
        env.insert(u"HOME"_s, m_home->path());
        env.insert(u"XDG_CONFIG_HOME"_s, homePath(u".config"_s));
        env.insert(u"XDG_DATA_HOME"_s, homePath(u".local/share"_s));
        env.insert(u"XDG_CACHE_HOME"_s, homePath(u".cache"_s));
        env.insert(u"XDG_STATE_HOME"_s, homePath(u".local/state"_s));
        env.insert(u"UNSTUCK_LOG_LEVEL"_s, u"trace"_s);
        env.insert(u"UNSTUCK_LOG_FILE"_s, homePath(u"unstuck.log"_s));
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        return env;
    }

    ProcessRun unstuck(const QStringList& arguments,
                       const QProcessEnvironment& env = QProcessEnvironment())
    {
        const ProcessRun run = runProcess(QStringLiteral(UNSTUCK_BINARY), arguments,
                                          env.isEmpty() ? environment() : env);
        const QString label = u"unstuck "_s + arguments.join(u' ');
        m_outputs << qMakePair(label + u" (stdout)"_s, run.out)
                  << qMakePair(label + u" (stderr)"_s, run.err);
        return run;
    }

    QString file(const QString& path) const
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

    void writeFile(const QString& path, const QByteArray& content) const
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(content);
    }

    // Every secret the simulator issued, by name.
    void collectCanaries()
    {
        const QJsonObject info = m_sim->info();
        const auto at = [&info](const QStringList& keys) {
            QJsonValue v = info;
            for (const QString& k : keys)
                v = v.toObject().value(k);
            return v.toString();
        };
        m_canaries = {
            {u"cloud access key secret"_s, at({u"cloud"_s, u"accessKeySecret"_s})},
            {u"read-only cloud access key secret"_s,
             at({u"readOnly"_s, u"cloud"_s, u"accessKeySecret"_s})},
            {u"bearer token"_s, at({u"token"_s})},
            {u"read-only bearer token"_s, at({u"readOnly"_s, u"token"_s})},
            {u"basic-auth password"_s, at({u"basicAuth"_s, u"password"_s})},
            {u"wrong secret typed by the user"_s, kWrongSecret},
            {u"wrong bearer token typed by the user"_s, kWrongToken},
        };
        // The client key: kubeconfig's client-key-data, and a line from inside the PEM it holds.
        const QRegularExpressionMatch keyData =
            QRegularExpression(u"client-key-data:\\s*(\\S+)"_s).match(file(m_sim->kubeconfig()));
        QVERIFY(keyData.hasMatch());
        m_canaries.insert(u"client-key-data"_s, keyData.captured(1));
        const QStringList pemLines =
            QString::fromLatin1(QByteArray::fromBase64(keyData.captured(1).toLatin1()))
                .split(u'\n');
        QVERIFY(pemLines.size() > 3);
        m_canaries.insert(u"client key (PEM body)"_s, pemLines.at(1));
        for (auto it = m_canaries.cbegin(); it != m_canaries.cend(); ++it)
            QVERIFY2(it.value().size() >= 16, qPrintable(it.key()));
    }

    QList<Hit> hitsIn(const QString& where, const QByteArray& bytes) const
    {
        QList<Hit> hits;
        for (auto it = m_canaries.cbegin(); it != m_canaries.cend(); ++it)
            if (bytes.contains(it.value().toUtf8()))
                hits.append({where, it.key()});
        const QRegularExpressionMatch sts = kStsToken.match(QString::fromUtf8(bytes));
        if (sts.hasMatch())
            hits.append({where, u"STS token "_s + sts.captured().left(8) + u"…"_s});
        return hits;
    }

    QList<Hit> hitsUnder(const QString& folder) const
    {
        QList<Hit> hits;
        QDirIterator files(folder, QDir::Files | QDir::Hidden | QDir::System,
                           QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString path = files.next();
            QFile f(path);
            if (f.open(QIODevice::ReadOnly))
                hits += hitsIn(path, f.readAll());
        }
        return hits;
    }

    // Every byte this test's runs wrote: their outputs and every file under their HOME, except
    // the credential files the test itself wrote there (they hold the secrets by design).
    void verifyNothingLeaked(const QStringList& inputsWrittenByTheTest = {})
    {
        QList<Hit> hits;
        for (const auto& [label, bytes] : std::as_const(m_outputs))
            hits += hitsIn(label, bytes);
        for (const Hit& hit : hitsUnder(m_home->path()))
            if (!inputsWrittenByTheTest.contains(hit.where))
                hits.append(hit);
        QStringList lines;
        for (const Hit& hit : std::as_const(hits))
            lines << hit.canary + u" in "_s + hit.where;
        QVERIFY2(hits.isEmpty(), qPrintable(u"secrets written:\n"_s + lines.join(u'\n')));
    }

    // The kubeconfig with the admin user's credentials replaced by a wrong bearer token.
    QString kubeconfigWithWrongToken()
    {
        QString text = file(m_sim->kubeconfig());
        text.replace(QRegularExpression(u"client-certificate-data:\\s*\\S+"_s),
                     u"token: "_s + kWrongToken);
        text.remove(QRegularExpression(u"\\s*client-key-data:\\s*\\S+"_s));
        const QString path = homePath(u"wrong-token.kubeconfig"_s);
        writeFile(path, text.toUtf8());
        return path;
    }

    // An aliyun CLI config.json (the official CLI's format) in the run's HOME.
    QString writeAliyunConfig()
    {
        const QJsonObject cloud = m_sim->info().value(u"cloud"_s).toObject();
        const QJsonObject role{{u"name"_s, u"role"_s},
                               {u"mode"_s, u"RamRoleArn"_s},
                               {u"access_key_id"_s, cloud.value(u"accessKeyId"_s)},
                               {u"access_key_secret"_s, cloud.value(u"accessKeySecret"_s)},
                               {u"ram_role_arn"_s, cloud.value(u"troubleshooterRoleArn"_s)},
                               {u"ram_session_name"_s, u"canary-session"_s},
                               {u"region_id"_s, cloud.value(u"regionId"_s)}};
        const QJsonObject wrong{{u"name"_s, u"wrong"_s},
                                {u"mode"_s, u"AK"_s},
                                {u"access_key_id"_s, cloud.value(u"accessKeyId"_s)},
                                {u"access_key_secret"_s, kWrongSecret},
                                {u"region_id"_s, cloud.value(u"regionId"_s)}};
        const QString path = homePath(u".aliyun/config.json"_s);
        writeFile(path, QJsonDocument(QJsonObject{{u"current"_s, u"role"_s},
                                                  {u"profiles"_s, QJsonArray{role, wrong}}})
                            .toJson());
        return path;
    }

private Q_SLOTS:
    void init()
    {
        // Reset here, not only in cleanup(): Qt Test skips cleanup() when init() fails.
        m_sim = std::make_unique<SimProcess>();
        m_home = std::make_unique<QTemporaryDir>();
        m_outputs.clear();
        QVERIFY(m_sim->start(u"seed"_s));
        collectCanaries();
        // The search finds what it looks for: the simulator's state files hold every secret it
        // issued (the client key as the kubeconfig's base64, so not its PEM body).
        const QList<Hit> inState = hitsUnder(m_sim->dir.path());
        QSet<QString> found;
        for (const Hit& hit : inState)
            found.insert(hit.canary);
        for (const QString& name : m_canaries.keys())
            if (!name.contains(u"typed by the user"_s) && !name.contains(u"PEM"_s))
                QVERIFY2(found.contains(name), qPrintable(name + u" not found in sim state"_s));
    }

    void cleanup()
    {
        m_sim.reset();
        m_home.reset();
    }
    void cleanupTestCase() { cleanup(); }

    void diagnose_everyFormatTraceRecordAndReplay()
    {
        const QString bundle = homePath(u"capture.unstuck"_s);
        for (const QString& format : {u"text"_s, u"json"_s, u"markdown"_s}) {
            const QString record = format == u"json"_s ? bundle : homePath(format + u".bundle"_s);
            const ProcessRun run =
                unstuck({u"diagnose"_s, u"--profile"_s, m_sim->profile(), u"--format"_s, format,
                         u"--trace"_s, u"--record"_s, record});
            // The seed's RAM root cause; on failure the exit code and the end of the trace.
            QVERIFY2(run.exitCode == 1,
                     qPrintable(u"exit %1: …%2"_s.arg(run.exitCode)
                                    .arg(QString::fromUtf8(run.err.right(1500)))));
        }
        QVERIFY(QFile::exists(bundle));
        for (const QString& format : {u"text"_s, u"json"_s, u"markdown"_s})
            QCOMPARE(unstuck({u"diagnose"_s, u"--from"_s, bundle, u"--format"_s, format}).exitCode,
                     1);

        // The HTML report the GUI exports, from the same bundle.
        DiagnosisEngine engine;
        QSignalSpy finished(&engine, &DiagnosisEngine::finished);
        DiagnosisRequest request;
        request.fromPath = bundle;
        engine.start(request);
        QVERIFY(finished.wait(30000));
        const QString html = ReportWriter::html(finished.first().first().value<DiagnosisResult>());
        QVERIFY(html.contains(u"<html"_s, Qt::CaseInsensitive));
        writeFile(homePath(u"report.html"_s), html.toUtf8());
        verifyNothingLeaked();
    }

    void roleSession_stsTokenIsNeverWritten()
    {
        const QString config = writeAliyunConfig();
        const ProcessRun run = unstuck({u"diagnose"_s, u"--profile"_s, m_sim->profile(),
                                        u"--cloud-profile"_s, u"role"_s, u"--format"_s, u"json"_s,
                                        u"--trace"_s, u"--record"_s, homePath(u"role.unstuck"_s)});
        QVERIFY2(run.exitCode == 1, run.err.constData());
        // A fix's preview and preflight with the same profile: the permission check names the
        // role session it ran as, so the STS token was issued and used.
        const ProcessRun preview =
            unstuck({u"fix"_s, u"apply"_s, u"ram-policy-allow"_s, u"--dry-run"_s, u"--profile"_s,
                     m_sim->profile(), u"--cloud-profile"_s, u"role"_s, u"--format"_s, u"json"_s,
                     u"--audit-log"_s, homePath(u"audit.jsonl"_s)});
        QVERIFY2(preview.exitCode == 0, preview.err.constData());
        QVERIFY2(preview.out.contains("assumed-role/UnstuckTroubleshooterRole/canary-session"),
                 preview.out.constData());
        verifyNothingLeaked({config});
    }

    void wrongCredentials_errorsDoNotEchoThem()
    {
        const QString config = writeAliyunConfig();
        const ProcessRun cloud =
            unstuck({u"diagnose"_s, u"--profile"_s, m_sim->profile(), u"--cloud-profile"_s,
                     u"wrong"_s, u"--format"_s, u"json"_s, u"--trace"_s});
        QVERIFY2(cloud.out.contains("SignatureDoesNotMatch"), cloud.out.constData());

        const QString kubeconfig = kubeconfigWithWrongToken();
        const ProcessRun kube = unstuck({u"diagnose"_s, u"--kubeconfig"_s, kubeconfig,
                                         u"--no-cloud"_s, u"--trace"_s, u"--format"_s, u"json"_s});
        QCOMPARE(kube.exitCode, 2);
        QVERIFY2(kube.out.contains("401") || kube.out.contains("Unauthorized"),
                 kube.out.constData());
        verifyNothingLeaked({config, kubeconfig});
    }

    void fixPlanApplyAuditUndo()
    {
        const QString audit = homePath(u"audit.jsonl"_s);
        const QStringList connection{u"--profile"_s, m_sim->profile(), u"--audit-log"_s, audit};
        QCOMPARE(unstuck(QStringList{u"fix"_s, u"list"_s, u"--format"_s, u"json"_s} + connection)
                     .exitCode,
                 0);
        const QString plan = homePath(u"plan.json"_s);
        const ProcessRun planned =
            unstuck(QStringList{u"fix"_s, u"plan"_s, u"--all"_s, u"--out"_s, plan} + connection);
        QVERIFY2(planned.exitCode == 0, planned.err.constData());
        const ProcessRun applied = unstuck(
            QStringList{u"fix"_s, u"apply"_s, u"--all"_s, u"--yes"_s, u"--format"_s, u"json"_s} +
            connection);
        QVERIFY2(applied.exitCode == 0, applied.out.constData());
        const QString auditId = applied.json().value(u"auditId"_s).toString();
        QVERIFY2(!auditId.isEmpty(), applied.out.constData());
        const ProcessRun log =
            unstuck({u"audit"_s, u"--format"_s, u"json"_s, u"--audit-log"_s, audit});
        QCOMPARE(log.exitCode, 0);
        QVERIFY(!log.json().value(u"records"_s).toArray().isEmpty());
        const ProcessRun undone =
            unstuck(QStringList{u"fix"_s, u"undo"_s, auditId, u"--yes"_s} + connection);
        QVERIFY2(undone.exitCode == 0, undone.out.constData());
        QCOMPARE(unstuck({u"audit"_s, u"--audit-log"_s, audit}).exitCode, 0);
        verifyNothingLeaked();
    }

    // --redact-account: the bundle and every report name no account, and the bundle still
    // replays to the same verdict.
    void redactAccount_outputsAndBundleNameNoAccount()
    {
        const QString account = m_sim->info()
                                    .value(u"cloud"_s)
                                    .toObject()
                                    .value(u"troubleshooterRoleArn"_s)
                                    .toString()
                                    .section(u':', 3, 3);
        QVERIFY2(account.size() >= 12, qPrintable(account));
        const QString bundle = homePath(u"shared.unstuck"_s);
        const ProcessRun json =
            unstuck({u"diagnose"_s, u"--profile"_s, m_sim->profile(), u"--format"_s, u"json"_s,
                     u"--record"_s, bundle, u"--redact-account"_s});
        QCOMPARE(json.exitCode, 1);
        const ProcessRun markdown =
            unstuck({u"diagnose"_s, u"--from"_s, bundle, u"--format"_s, u"markdown"_s});
        QCOMPARE(markdown.exitCode, 1);
        const QByteArray id = account.toLatin1();
        QVERIFY(!json.out.contains(id));
        QVERIFY(!markdown.out.contains(id));
        QVERIFY(!QByteArray(file(bundle).toUtf8()).contains(id));
        // The account was there to hide: without the option the same run names it.
        QVERIFY(unstuck({u"diagnose"_s, u"--profile"_s, m_sim->profile(), u"--format"_s, u"json"_s})
                    .out.contains(id));
        const ProcessRun replay =
            unstuck({u"diagnose"_s, u"--from"_s, bundle, u"--format"_s, u"json"_s});
        QCOMPARE(replay.json().value(u"rootCause"_s), json.json().value(u"rootCause"_s));
        QCOMPARE(replay.json().value(u"redPath"_s), json.json().value(u"redPath"_s));
        verifyNothingLeaked();
    }

#ifdef UNSTUCK_WITH_GUI
    void gui_screenshotRunAndItsLog()
    {
        const ProcessRun run = unstuck(
            {u"--profile"_s, m_sim->profile(), u"--screenshot"_s, homePath(u"window.png"_s)});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(QFileInfo(homePath(u"window.png"_s)).size() > 0);
        verifyNothingLeaked();
    }
#endif
};

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
