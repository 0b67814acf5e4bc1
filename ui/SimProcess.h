// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QTemporaryDir>
#include <memory>

namespace unstuck::ui {

// Demo mode: runs `unstuck-sim --scenario NAME --state-dir DIR` as a child process and waits
// for its ready line ({"kubeconfig":…, "profile":…, "context":…}). The child is killed when
// this object goes away, so quitting the GUI never leaves a simulator behind.
class SimProcess : public QObject
{
    Q_OBJECT
public:
    explicit SimProcess(QObject* parent = nullptr);
    ~SimProcess() override;

    // Binary: `unstuck-sim` next to the running executable unless overridden.
    static QString defaultBinary();
    void setBinary(const QString& path) { m_binary = path; }
    void start(const QString& scenario, const QStringList& extraArgs = {});
    void stop();
    bool isReady() const { return !m_info.isEmpty(); }
    QJsonObject info() const { return m_info; }
    QString scenario() const { return m_scenario; }
    qint64 processId() const;

Q_SIGNALS:
    void ready(const QJsonObject& info);
    void failed(const QString& message);

private:
    void readStdout();
    void onFinished(int exitCode, QProcess::ExitStatus status);

    QString m_binary;
    QString m_scenario;
    std::unique_ptr<QTemporaryDir> m_stateDir;
    QProcess* m_process = nullptr;
    QByteArray m_buffer;
    QByteArray m_stderr;
    QJsonObject m_info;
};

} // namespace unstuck::ui
