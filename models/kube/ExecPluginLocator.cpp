// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/kube/ExecPluginLocator.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QPointer>
#include <QProcess>
#include <QTimer>

namespace unstuck {
namespace {

QMutex& cacheMutex()
{
    static QMutex mutex;
    return mutex;
}

QHash<QString, QStringList>& shellCache()
{
    static QHash<QString, QStringList> cache;
    return cache;
}

QStringList splitPath(const QString& value, HostPlatform platform)
{
    QStringList dirs;
    for (const QString& dir : value.split(pathListSeparator(platform), Qt::SkipEmptyParts)) {
        if (!dirs.contains(dir))
            dirs << dir;
    }
    return dirs;
}

bool isExecutableFile(const QString& path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}

QString homeOf(const QProcessEnvironment& env)
{
    const QString home = env.value(QStringLiteral("HOME"));
    return home.isEmpty() ? QDir::homePath() : home;
}

const char* const kBegin = "__UNSTUCK_PATH_BEGIN__";
const char* const kEnd = "__UNSTUCK_PATH_END__";

} // namespace

QStringList ExecPluginLocator::Search::allDirs() const
{
    QStringList dirs;
    for (const QStringList* list : {&environmentPath, &loginShellPath, &commonDirs}) {
        for (const QString& dir : *list) {
            if (!dirs.contains(dir))
                dirs << dir;
        }
    }
    return dirs;
}

QStringList ExecPluginLocator::commonDirs(const QProcessEnvironment& env, HostPlatform platform)
{
    if (platform == HostPlatform::Windows)
        return {};
    const QDir home(homeOf(env));
    return {QStringLiteral("/usr/local/bin"),
            QStringLiteral("/opt/homebrew/bin"),
            QStringLiteral("/usr/bin"),
            QStringLiteral("/bin"),
            QStringLiteral("/snap/bin"),
            home.filePath(QStringLiteral(".local/bin")),
            home.filePath(QStringLiteral("bin")),
            home.filePath(QStringLiteral("go/bin")),
            home.filePath(QStringLiteral(".krew/bin")),
            home.filePath(QStringLiteral("google-cloud-sdk/bin"))};
}

ExecPluginLocator::Search ExecPluginLocator::initialSearch(const QProcessEnvironment& env,
                                                           HostPlatform platform)
{
    Search search;
    // Windows keeps it as "Path"; QProcessEnvironment compares names without case there.
    search.environmentPath = splitPath(env.value(QStringLiteral("PATH")), platform);
    search.commonDirs = commonDirs(env, platform);
    if (platform != HostPlatform::Windows) {
        search.shell = env.value(QStringLiteral("SHELL"));
        if (auto cached = cachedLoginShellPath(env))
            search.loginShellPath = *cached;
    }
    return search;
}

QStringList ExecPluginLocator::candidateNames(const QString& command,
                                              const QProcessEnvironment& env, HostPlatform platform)
{
    if (platform != HostPlatform::Windows || !QFileInfo(command).suffix().isEmpty())
        return {command};
    QStringList names;
    const QString pathExt =
        env.value(QStringLiteral("PATHEXT"), QStringLiteral(".COM;.EXE;.BAT;.CMD"));
    for (const QString& ext : pathExt.split(QLatin1Char(';'), Qt::SkipEmptyParts))
        names << command + ext.toLower();
    return names.isEmpty() ? QStringList{command} : names;
}

QString ExecPluginLocator::find(const QString& command, const Search& search,
                                const QProcessEnvironment& env, HostPlatform platform)
{
    if (command.contains(QLatin1Char('/')) || command.contains(QLatin1Char('\\')))
        return isExecutableFile(command) ? QFileInfo(command).absoluteFilePath() : QString();
    const QStringList names = candidateNames(command, env, platform);
    for (const QString& dir : search.allDirs()) {
        for (const QString& name : names) {
            const QString candidate = QDir(dir).filePath(name);
            if (isExecutableFile(candidate))
                return candidate;
        }
    }
    return {};
}

std::optional<QStringList> ExecPluginLocator::cachedLoginShellPath(const QProcessEnvironment& env)
{
    const QString shell = env.value(QStringLiteral("SHELL"));
    QMutexLocker lock(&cacheMutex());
    const auto it = shellCache().constFind(shell);
    if (it == shellCache().constEnd())
        return std::nullopt;
    return *it;
}

void ExecPluginLocator::queryLoginShellPath(const QProcessEnvironment& env, QObject* receiver,
                                            std::function<void(const QStringList&)> done,
                                            int timeoutMs)
{
    const QString shell = env.value(QStringLiteral("SHELL"));
    if (auto cached = cachedLoginShellPath(env)) {
        QTimer::singleShot(0, receiver, [done, list = *cached] { done(list); });
        return;
    }
#ifdef Q_OS_WIN
    Q_UNUSED(timeoutMs);
    QTimer::singleShot(0, receiver, [done] { done({}); });
#else
    if (shell.isEmpty() || !isExecutableFile(shell)) {
        QMutexLocker lock(&cacheMutex());
        shellCache().insert(shell, {});
        QTimer::singleShot(0, receiver, [done] { done({}); });
        return;
    }
    auto* process = new QProcess(receiver);
    process->setProcessEnvironment(env);
    process->setProgram(shell);
    // Markers keep banners and motd text of login scripts out of the result.
    process->setArguments({QStringLiteral("-l"), QStringLiteral("-c"),
                           QStringLiteral("printf '%1%s%2' \"$PATH\"")
                               .arg(QLatin1String(kBegin), QLatin1String(kEnd))});
    process->setStandardInputFile(QProcess::nullDevice());
    auto finish = [process, shell, done](bool timedOut) {
        if (process->property("unstuckDone").toBool())
            return;
        process->setProperty("unstuckDone", true);
        QStringList dirs;
        if (!timedOut) {
            const QString out = QString::fromLocal8Bit(process->readAllStandardOutput());
            const qsizetype begin = out.indexOf(QLatin1String(kBegin));
            const qsizetype end = out.indexOf(QLatin1String(kEnd));
            if (begin >= 0 && end > begin) {
                const qsizetype start = begin + qsizetype(qstrlen(kBegin));
                dirs = splitPath(out.mid(start, end - start), currentHostPlatform());
            }
        } else {
            process->kill();
        }
        {
            QMutexLocker lock(&cacheMutex());
            shellCache().insert(shell, dirs);
        }
        process->deleteLater();
        done(dirs);
    };
    QObject::connect(process, &QProcess::finished, process, [finish] { finish(false); });
    QObject::connect(process, &QProcess::errorOccurred, process,
                     [finish](QProcess::ProcessError e) {
                         if (e == QProcess::FailedToStart)
                             finish(false);
                     });
    QTimer::singleShot(timeoutMs, process, [finish] { finish(true); });
    process->start();
#endif
}

QString ExecPluginLocator::notFoundMessage(const QString& command, const QString& userName,
                                           const QString& installHint, const Search& search)
{
    // kubectl's words first ("getting credentials: exec: executable X not found"), then where
    // Unstuck looked.
    QString text = QStringLiteral("The credential plugin \"%1\" used by user \"%2\" was not found "
                                  "(getting credentials: exec: executable %1 not found).")
                       .arg(command, userName);
    const QString sep = QDir::listSeparator();
    text += QStringLiteral("\nSearched PATH (from Unstuck's environment): %1")
                .arg(search.environmentPath.isEmpty() ? QStringLiteral("(empty)")
                                                      : search.environmentPath.join(sep));
    if (!search.shell.isEmpty())
        text += QStringLiteral("\nSearched PATH (from your login shell %1 -l): %2")
                    .arg(search.shell, search.loginShellPath.isEmpty()
                                           ? QStringLiteral("(none reported)")
                                           : search.loginShellPath.join(sep));
    if (!search.commonDirs.isEmpty())
        text += QStringLiteral("\nAlso searched: %1").arg(search.commonDirs.join(sep));
    if (!installHint.trimmed().isEmpty())
        text += QStringLiteral("\nInstall hint from the kubeconfig: %1").arg(installHint.trimmed());
    text += QStringLiteral(
                "\nTo fix: install \"%1\", or find it in a terminal (`command -v %1`) and put that "
                "absolute path in the kubeconfig as users[].user.exec.command, or add its folder "
                "to the PATH of your login shell profile.")
                .arg(command);
    return text;
}

} // namespace unstuck
