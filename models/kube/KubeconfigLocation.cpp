// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/kube/KubeconfigLocation.h"

#include <QDir>
#include <QFileInfo>

namespace unstuck {
namespace {

QString windowsHome(const QProcessEnvironment& env)
{
    const QString home = env.value(QStringLiteral("HOME"));
    const QString drivePath =
        env.value(QStringLiteral("HOMEDRIVE")).isEmpty() ||
                env.value(QStringLiteral("HOMEPATH")).isEmpty()
            ? QString()
            : env.value(QStringLiteral("HOMEDRIVE")) + env.value(QStringLiteral("HOMEPATH"));
    const QString profile = env.value(QStringLiteral("USERPROFILE"));
    for (const QString& dir : {home, drivePath, profile})
        if (!dir.isEmpty() && QFileInfo::exists(QDir(dir).filePath(QStringLiteral(".kube/config"))))
            return dir;
    for (const QString& dir : {home, profile, drivePath})
        if (!dir.isEmpty() && QFileInfo(dir).isDir())
            return dir;
    for (const QString& dir : {home, profile, drivePath})
        if (!dir.isEmpty())
            return dir;
    return {};
}

} // namespace

QStringList KubeconfigLocation::fromEnvironment(const QProcessEnvironment& env,
                                                HostPlatform platform)
{
    QStringList files;
    const QString value = env.value(QStringLiteral("KUBECONFIG"));
    for (const QString& entry : value.split(pathListSeparator(platform), Qt::SkipEmptyParts)) {
        const QString path = QDir::cleanPath(entry.trimmed());
        if (!path.isEmpty() && !files.contains(path))
            files << path;
    }
    return files;
}

QString KubeconfigLocation::homeDir(const QProcessEnvironment& env, HostPlatform platform)
{
    if (platform != HostPlatform::Windows) {
        const QString home = env.value(QStringLiteral("HOME"));
        return home.isEmpty() ? QDir::homePath() : home;
    }
    QString home = windowsHome(env);
    // Qt's separator, whichever host reads these rules.
    return home.isEmpty() ? QDir::homePath() : home.replace(QLatin1Char('\\'), QLatin1Char('/'));
}

QString KubeconfigLocation::defaultFile(const QProcessEnvironment& env, HostPlatform platform)
{
    return QDir(homeDir(env, platform)).filePath(QStringLiteral(".kube/config"));
}

} // namespace unstuck
