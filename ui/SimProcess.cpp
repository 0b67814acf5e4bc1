// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/SimProcess.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace unstuck::ui {

SimProcess::SimProcess(QObject* parent) : QObject(parent), m_binary(defaultBinary()) {}

SimProcess::~SimProcess()
{
    stop();
}

QString SimProcess::defaultBinary()
{
#ifdef Q_OS_WIN
    const QString name = QStringLiteral("unstuck-sim.exe");
#else
    const QString name = QStringLiteral("unstuck-sim");
#endif
    return QDir(QCoreApplication::applicationDirPath()).filePath(name);
}

qint64 SimProcess::processId() const
{
    return m_process ? m_process->processId() : 0;
}

void SimProcess::start(const QString& scenario, const QStringList& extraArgs)
{
    stop();
    m_scenario = scenario;
    if (!QFileInfo(m_binary).isExecutable()) {
        Q_EMIT failed(tr("The simulator %1 was not found. Build or install unstuck-sim next "
                         "to unstuck.")
                          .arg(QDir::toNativeSeparators(m_binary)));
        return;
    }
    m_stateDir = std::make_unique<QTemporaryDir>();
    m_process = new QProcess(this);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &SimProcess::readStdout);
    connect(m_process, &QProcess::readyReadStandardError, this, [this] {
        m_stderr += m_process->readAllStandardError();
        m_stderr = m_stderr.right(4000);
    });
    connect(m_process, &QProcess::finished, this, &SimProcess::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            Q_EMIT failed(
                tr("The simulator could not be started: %1").arg(m_process->errorString()));
    });
#ifdef Q_OS_LINUX
    // Even if the GUI is killed (no destructor runs), the kernel stops the simulator with it.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    QStringList args{QStringLiteral("--scenario"), scenario, QStringLiteral("--state-dir"),
                     m_stateDir->path()};
    args << extraArgs;
    m_process->start(m_binary, args);
}

void SimProcess::stop()
{
    if (m_process) {
        m_process->disconnect(this);
        if (m_process->state() != QProcess::NotRunning) {
            m_process->terminate();
            if (!m_process->waitForFinished(1500)) {
                m_process->kill();
                m_process->waitForFinished(1000);
            }
        }
        delete m_process;
        m_process = nullptr;
    }
    m_info = {};
    m_buffer.clear();
    m_stderr.clear();
}

void SimProcess::readStdout()
{
    m_buffer += m_process->readAllStandardOutput();
    while (m_info.isEmpty()) {
        const qsizetype nl = m_buffer.indexOf('\n');
        if (nl < 0)
            return;
        const QByteArray line = m_buffer.left(nl).trimmed();
        m_buffer.remove(0, nl + 1);
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject() && doc.object().contains(QLatin1String("kubeconfig"))) {
            m_info = doc.object();
            Q_EMIT ready(m_info);
        }
    }
}

void SimProcess::onFinished(int exitCode, QProcess::ExitStatus status)
{
    const QString tail = QString::fromUtf8(m_stderr).trimmed().section(QLatin1Char('\n'), -3);
    const bool wasReady = !m_info.isEmpty();
    m_info = {};
    if (status == QProcess::CrashExit)
        Q_EMIT failed(tr("The simulator crashed. %1").arg(tail));
    else
        Q_EMIT failed(wasReady
                          ? tr("The simulator stopped (exit code %1). %2").arg(exitCode).arg(tail)
                          : tr("The simulator exited before it was ready (exit code %1). %2")
                                .arg(exitCode)
                                .arg(tail));
}

} // namespace unstuck::ui
