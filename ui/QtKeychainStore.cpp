// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/QtKeychainStore.h"

#include "models/common/Log.h"

#include <QCoreApplication>
#include <QTimer>

#ifdef UNSTUCK_HAVE_QTKEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace unstuck::ui {

namespace {

QString otherSources()
{
    return QtKeychainStore::tr(
        "Use an aliyun CLI profile (aliyun configure) or the ALIBABA_CLOUD_ACCESS_KEY_ID "
        "and ALIBABA_CLOUD_ACCESS_KEY_SECRET environment variables instead.");
}

QString unreachable(const QString& detail)
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    return QtKeychainStore::tr(
               "The OS keychain is not available (%1). On Linux Unstuck reaches it through the "
               "Secret Service over D-Bus (GNOME Keyring, KWallet or KeePassXC), which needs a "
               "desktop session. %2")
        .arg(detail, otherSources());
#else
    return QtKeychainStore::tr("The OS keychain is not available (%1). %2")
        .arg(detail, otherSources());
#endif
}

#ifdef UNSTUCK_HAVE_QTKEYCHAIN
QString describe(const QKeychain::Job& job, const QString& name)
{
    switch (job.error()) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return QtKeychainStore::tr(
                   "There is no entry '%1' in the OS keychain. Add the access key again (Add "
                   "access key… in the connect view) or choose another cloud credential source.")
            .arg(name);
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return QtKeychainStore::tr(
                   "The OS keychain refused access to the entry '%1' (%2). Unlock the keychain and "
                   "allow Unstuck to use it, then try again.")
            .arg(name, job.errorString());
    case QKeychain::CouldNotDeleteEntry:
        return QtKeychainStore::tr("The OS keychain could not delete the entry '%1' (%2).")
            .arg(name, job.errorString());
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        break;
    }
    return unreachable(job.errorString());
}

// Starts the job; finish runs exactly once: when the job is done or when timeoutMs passed
// (a D-Bus keyring can wait forever on an unlock prompt). The job deletes itself.
void run(QKeychain::Job* job, int timeoutMs, const QString& name,
         std::function<void(const QKeychain::Job* job, const QString& error)> finish)
{
    auto answered = std::make_shared<bool>(false);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain-text file
    QObject::connect(job, &QKeychain::Job::finished, job, [answered, finish, name](auto* done) {
        if (*answered)
            return;
        *answered = true;
        finish(done, describe(*done, name));
    });
    QTimer::singleShot(timeoutMs, job, [answered, finish, timeoutMs] {
        if (*answered)
            return;
        *answered = true;
        log::warn("OS keychain did not answer within {} ms", timeoutMs);
        finish(nullptr,
               unreachable(QtKeychainStore::tr("no answer within %1 s; a locked keyring may be "
                                               "waiting for its password")
                               .arg(timeoutMs / 1000)));
    });
    job->start();
}
#else
// Answers later, like a job would.
void later(std::function<void()> f)
{
    QTimer::singleShot(0, QCoreApplication::instance(), std::move(f));
}
#endif

} // namespace

QtKeychainStore::QtKeychainStore(int timeoutMs) : m_timeoutMs(timeoutMs) {}

bool QtKeychainStore::isAvailable()
{
#ifdef UNSTUCK_HAVE_QTKEYCHAIN
    return true;
#else
    return false;
#endif
}

QString QtKeychainStore::unavailableReason()
{
    return isAvailable() ? QString()
                         : QtKeychainStore::tr(
                               "this build of Unstuck has no OS keychain support (it was built "
                               "without QtKeychain)");
}

std::shared_ptr<KeychainStore> QtKeychainStore::createDefault(QString* note)
{
    if (isAvailable()) {
        if (note)
            note->clear();
        return std::make_shared<QtKeychainStore>();
    }
    if (note)
        *note = QtKeychainStore::tr(
            "This build has no OS keychain support: access keys added here are kept in "
            "memory only, until Unstuck quits.");
    return std::make_shared<MemoryKeychainStore>();
}

void QtKeychainStore::readSecret(const QString& name, ReadCallback done)
{
#ifdef UNSTUCK_HAVE_QTKEYCHAIN
    auto* job = new QKeychain::ReadPasswordJob(serviceName());
    job->setKey(name);
    run(job, m_timeoutMs, name, [done](const QKeychain::Job* finished, const QString& error) {
        const auto* read = static_cast<const QKeychain::ReadPasswordJob*>(finished);
        done(error.isEmpty() && read ? read->textData() : QString(), error);
    });
#else
    later([done] { done({}, unreachable(unavailableReason())); });
    Q_UNUSED(name)
#endif
}

void QtKeychainStore::writeSecret(const QString& name, const QString& secret, WriteCallback done)
{
#ifdef UNSTUCK_HAVE_QTKEYCHAIN
    auto* job = new QKeychain::WritePasswordJob(serviceName());
    job->setKey(name);
    job->setTextData(secret);
    run(job, m_timeoutMs, name,
        [done](const QKeychain::Job*, const QString& error) { done(error); });
#else
    later([done] { done(unreachable(unavailableReason())); });
    Q_UNUSED(name)
    Q_UNUSED(secret)
#endif
}

void QtKeychainStore::removeSecret(const QString& name, WriteCallback done)
{
#ifdef UNSTUCK_HAVE_QTKEYCHAIN
    auto* job = new QKeychain::DeletePasswordJob(serviceName());
    job->setKey(name);
    run(job, m_timeoutMs, name, [done](const QKeychain::Job* finished, const QString& error) {
        // Already gone is what the caller wanted.
        const bool missing = finished && finished->error() == QKeychain::EntryNotFound;
        done(missing ? QString() : error);
    });
#else
    later([done] { done(unreachable(unavailableReason())); });
    Q_UNUSED(name)
#endif
}

} // namespace unstuck::ui
