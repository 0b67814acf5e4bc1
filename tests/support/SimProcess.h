// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

namespace unstuck::test {

// What a child process did.
struct ProcessRun
{
    int exitCode = -1; // -1: crashed or never finished
    QByteArray out, err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

// Runs `program` to its end (stdin closed, so never a terminal).
inline ProcessRun
runProcess(const QString& program, const QStringList& arguments,
           const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    process.closeWriteChannel();
    ProcessRun run;
    if (!process.waitForFinished(600000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

// One `unstuck-sim` process for a scenario, in its own state folder, stopped at the end.
struct SimProcess
{
    QTemporaryDir dir;
    QProcess process;

    bool start(const QString& scenario, const QStringList& extra = {})
    {
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.start(QStringLiteral(UNSTUCK_SIM_BINARY),
                      QStringList{QStringLiteral("--scenario"), scenario,
                                  QStringLiteral("--state-dir"), dir.path(),
                                  QStringLiteral("--reconcile-ms"), QStringLiteral("100")} +
                          extra);
        if (!process.waitForStarted(10000))
            return false;
        return QTest::qWaitFor([this] { return QFile::exists(path(QStringLiteral("sim.json"))); },
                               20000);
    }
    QString path(const QString& name) const { return dir.filePath(name); }
    QString profile() const { return path(QStringLiteral("profile.json")); }
    QString kubeconfig() const { return path(QStringLiteral("kubeconfig")); }
    QJsonObject info() const
    {
        QFile f(path(QStringLiteral("sim.json")));
        return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object()
                                           : QJsonObject();
    }
    ~SimProcess()
    {
        process.terminate();
        if (!process.waitForFinished(5000)) {
            process.kill();
            process.waitForFinished();
        }
    }
};

} // namespace unstuck::test
