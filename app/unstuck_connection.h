// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sources/DiagnosisRequest.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>
#include <cstdio>
#include <functional>

namespace unstuck::app {

// Writes UTF-8 text and flushes (stdout/stderr).
void print(std::FILE* stream, const QString& text);
bool isTerminal(std::FILE* stream);

// The connection options every headless command takes, the same for `diagnose`, `fix` and the
// rest: --profile, --kubeconfig, --context, --cloud-profile, --namespace, --no-cloud and
// --timeout-ms.
class ConnectionOptions
{
public:
    ConnectionOptions();
    void addTo(QCommandLineParser& parser) const;
    // Fills the connection part of `request`; false and *error (for stderr) when the options
    // contradict each other.
    bool read(const QCommandLineParser& parser, DiagnosisRequest* request, QString* error) const;
    // True when any option saying where to connect was given (not --timeout-ms).
    bool anySet(const QCommandLineParser& parser) const;

private:
    QCommandLineOption m_profile, m_kubeconfig, m_context, m_cloudProfile, m_namespace, m_noCloud,
        m_timeout;
};

// Starts `start(request)` once the request's cloud credentials are usable: an OS keychain entry
// it names is read first (GUI builds only). Returns -1 when started (run the event loop), else
// the exit code (2) after saying why on stderr.
int startWithCredentials(QCoreApplication& app, const DiagnosisRequest& request,
                         const QString& command, std::function<void(const DiagnosisRequest&)> start,
                         int* exitCode);

} // namespace unstuck::app
