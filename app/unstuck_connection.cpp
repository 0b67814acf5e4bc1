// SPDX-License-Identifier: GPL-3.0-or-later
// The connection options and credential resolution shared by the headless commands.
#include "app/unstuck_connection.h"

#include "models/sources/LiveSource.h"

#include <QTimer>
#include <memory>

#ifdef UNSTUCK_WITH_GUI
#include "ui/KeychainRequestResolver.h"
#include "ui/QtKeychainStore.h"
#endif

#ifdef Q_OS_WIN
#include <io.h>
#define UNSTUCK_ISATTY(fd) _isatty(fd)
#define UNSTUCK_FILENO(f) _fileno(f)
#else
#include <unistd.h>
#define UNSTUCK_ISATTY(fd) isatty(fd)
#define UNSTUCK_FILENO(f) fileno(f)
#endif

namespace unstuck::app {

using namespace Qt::StringLiterals;

void print(std::FILE* stream, const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

bool isTerminal(std::FILE* stream)
{
    return UNSTUCK_ISATTY(UNSTUCK_FILENO(stream)) != 0;
}

ConnectionOptions::ConnectionOptions()
    : m_profile(u"profile"_s, u"Connection profile (profile.json)."_s, u"FILE"_s),
      m_kubeconfig(u"kubeconfig"_s, u"Kubeconfig file (default: KUBECONFIG or ~/.kube/config)."_s,
                   u"FILE"_s),
      m_context(u"context"_s, u"Kubeconfig context (default: current)."_s, u"NAME"_s),
      m_cloudProfile(u"cloud-profile"_s,
                     u"Alibaba Cloud credentials instead of the chain (or of the profile's): an "
                     "aliyun CLI profile name, \"env\", \"ini:SECTION\" "
                     "(~/.alibabacloud/credentials) or \"keychain:NAME\" (an access key saved in "
                     "the OS keychain by the GUI)."_s,
                     u"NAME"_s),
      m_namespace(u"namespace"_s, u"Diagnose this namespace only."_s, u"NAME"_s),
      m_noCloud(u"no-cloud"_s, u"Do not ask the cloud API."_s),
      m_timeout(u"timeout-ms"_s, u"Per-request timeout (default 5000)."_s, u"N"_s, u"5000"_s)
{}

void ConnectionOptions::addTo(QCommandLineParser& parser) const
{
    parser.addOptions(
        {m_profile, m_kubeconfig, m_context, m_cloudProfile, m_namespace, m_noCloud, m_timeout});
}

bool ConnectionOptions::read(const QCommandLineParser& parser, DiagnosisRequest* r,
                             QString* error) const
{
    if (parser.isSet(m_profile) && (parser.isSet(m_kubeconfig) || parser.isSet(m_context))) {
        *error = u"use --profile or --kubeconfig/--context, not both"_s;
        return false;
    }
    bool ok = false;
    const int timeoutMs = parser.value(m_timeout).toInt(&ok);
    if (!ok || timeoutMs <= 0) {
        *error = u"--timeout-ms must be a positive number"_s;
        return false;
    }
    r->profileFile = parser.value(m_profile);
    r->kubeconfig = parser.value(m_kubeconfig);
    r->context = parser.value(m_context);
    r->cloudProfile = parser.value(m_cloudProfile);
    r->namespaceName = parser.value(m_namespace);
    r->noCloud = parser.isSet(m_noCloud);
    r->requestTimeoutMs = timeoutMs;
    return true;
}

bool ConnectionOptions::anySet(const QCommandLineParser& parser) const
{
    for (const QCommandLineOption* o :
         {&m_profile, &m_kubeconfig, &m_context, &m_cloudProfile, &m_namespace, &m_noCloud})
        if (parser.isSet(*o))
            return true;
    return false;
}

int startWithCredentials(QCoreApplication& app, const DiagnosisRequest& request,
                         const QString& command, std::function<void(const DiagnosisRequest&)> start,
                         int* exitCode)
{
    const QString entry = LiveSource::keychainEntryNeeded(request);
    if (entry.isEmpty()) {
        QTimer::singleShot(0, &app, [start, request] { start(request); });
        return -1;
    }
    // The OS keychain is reached through QtKeychain, which only the GUI build links.
#ifdef UNSTUCK_WITH_GUI
    if (ui::QtKeychainStore::isAvailable()) {
        auto resolver =
            std::make_shared<ui::KeychainRequestResolver>(std::make_shared<ui::QtKeychainStore>());
        QTimer::singleShot(0, &app, [&app, resolver, request, command, start, exitCode] {
            resolver->resolve(request, [&app, resolver, command, start, exitCode](
                                           const DiagnosisRequest& resolved, const QString& error) {
                if (error.isEmpty())
                    return start(resolved);
                print(stderr, u"unstuck %1: %2\n"_s.arg(command, error));
                *exitCode = 2;
                app.quit();
            });
        });
        return -1;
    }
    const QString why = ui::QtKeychainStore::unavailableReason();
#else
    Q_UNUSED(app);
    Q_UNUSED(start);
    Q_UNUSED(exitCode);
    const QString why = u"this build of unstuck has no GUI and so no OS keychain support (built "
                        u"with -DUNSTUCK_BUILD_GUI=OFF)"_s;
#endif
    print(stderr, u"unstuck %1: the cloud credentials are in the OS keychain entry '%2', but %3. "
                  u"Use an aliyun CLI profile (--cloud-profile aliyun-cli:NAME), --cloud-profile "
                  u"env with ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or "
                  u"inline keys in the profile.\n"_s.arg(command, entry, why));
    return 2;
}

} // namespace unstuck::app
