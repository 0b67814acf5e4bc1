// SPDX-License-Identifier: GPL-3.0-or-later
// The Windows, macOS and Linux rules for where kubeconfig files and exec credential plugins are
// found, run on any host: KUBECONFIG split on ';' or ':', client-go's Windows home folder
// (HOME, HOMEDRIVE+HOMEPATH, USERPROFILE), and PATHEXT ("aws" is found as aws.cmd).
#include "models/cloud/CloudCredentials.h"
#include "models/kube/ExecPluginLocator.h"
#include "models/kube/KubeconfigLocation.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace unstuck;
using namespace Qt::StringLiterals;

class TestHostPaths : public QObject
{
    Q_OBJECT

    static QProcessEnvironment env(const QList<std::pair<QString, QString>>& values)
    {
        QProcessEnvironment e;
        for (const auto& [name, value] : values)
            e.insert(name, value);
        return e;
    }

    static void touch(const QString& path, bool executable = false)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("x");
        f.close();
        if (executable)
            f.setPermissions(f.permissions() | QFileDevice::ExeOwner);
    }

private Q_SLOTS:
    void kubeconfigList_splitsOnThePlatformsSeparator()
    {
        const auto windows = env({{u"KUBECONFIG"_s, u"C:/k/a.yaml;C:/k/b.yaml;;C:/k/a.yaml"_s}});
        QCOMPARE(KubeconfigLocation::fromEnvironment(windows, HostPlatform::Windows),
                 (QStringList{u"C:/k/a.yaml"_s, u"C:/k/b.yaml"_s}));
        const auto unix = env({{u"KUBECONFIG"_s, u"/k/a.yaml:/k/./b.yaml::/k/a.yaml"_s}});
        for (HostPlatform p : {HostPlatform::Linux, HostPlatform::MacOS})
            QCOMPARE(KubeconfigLocation::fromEnvironment(unix, p),
                     (QStringList{u"/k/a.yaml"_s, u"/k/b.yaml"_s}));
    }

    void windowsHome_prefersTheFolderHoldingKubeConfig()
    {
        QTemporaryDir root;
        const QString home = root.filePath(u"home"_s), profile = root.filePath(u"profile"_s);
        const QString drive = root.filePath(u"drive"_s);
        QDir().mkpath(home);
        QDir().mkpath(drive + u"/users/me"_s);
        touch(profile + u"/.kube/config"_s);
        const auto all = env({{u"HOME"_s, home},
                              {u"HOMEDRIVE"_s, drive},
                              {u"HOMEPATH"_s, u"/users/me"_s},
                              {u"USERPROFILE"_s, profile}});
        // Only %USERPROFILE% holds .kube\config: it wins although %HOME% is set and exists.
        QCOMPARE(KubeconfigLocation::homeDir(all, HostPlatform::Windows), profile);
        QCOMPARE(KubeconfigLocation::defaultFile(all, HostPlatform::Windows),
                 profile + u"/.kube/config"_s);
        // Unix rules never look past HOME.
        QCOMPARE(KubeconfigLocation::homeDir(all, HostPlatform::Linux), home);
        QCOMPARE(KubeconfigLocation::homeDir(all, HostPlatform::MacOS), home);

        // %HOMEDRIVE%%HOMEPATH% comes before %USERPROFILE% when both hold one.
        touch(drive + u"/users/me/.kube/config"_s);
        QCOMPARE(KubeconfigLocation::homeDir(all, HostPlatform::Windows), drive + u"/users/me"_s);
    }

    void windowsHome_withoutKubeConfig_firstExistingThenFirstSet()
    {
        QTemporaryDir root;
        const QString profile = root.filePath(u"profile"_s);
        QDir().mkpath(profile);
        const auto missingHome =
            env({{u"HOME"_s, root.filePath(u"gone"_s)}, {u"USERPROFILE"_s, profile}});
        QCOMPARE(KubeconfigLocation::homeDir(missingHome, HostPlatform::Windows), profile);
        const auto noneExists = env({{u"USERPROFILE"_s, root.filePath(u"nowhere"_s)}});
        QCOMPARE(KubeconfigLocation::homeDir(noneExists, HostPlatform::Windows),
                 root.filePath(u"nowhere"_s));
        // Windows paths come back with forward slashes, as Qt uses them.
        QCOMPARE(KubeconfigLocation::homeDir(env({{u"USERPROFILE"_s, u"C:\\Users\\me"_s}}),
                                             HostPlatform::Windows),
                 u"C:/Users/me"_s);
    }

    void aliyunHome_isUserProfileOnWindows()
    {
        const auto both = env({{u"HOME"_s, u"/home/me"_s}, {u"USERPROFILE"_s, u"C:\\Users\\me"_s}});
        QCOMPARE(CloudCredentials::homeDir(both, HostPlatform::Windows), u"C:/Users/me"_s);
        QCOMPARE(CloudCredentials::homeDir(both, HostPlatform::Linux), u"/home/me"_s);
        QCOMPARE(
            CloudCredentials::homeDir(env({{u"HOME"_s, u"C:/msys/me"_s}}), HostPlatform::Windows),
            u"C:/msys/me"_s);
    }

    void pathext_findsTheScriptAWindowsShellWould()
    {
        QCOMPARE(ExecPluginLocator::candidateNames(u"aws"_s, {}, HostPlatform::Windows),
                 (QStringList{u"aws.com"_s, u"aws.exe"_s, u"aws.bat"_s, u"aws.cmd"_s}));
        QCOMPARE(ExecPluginLocator::candidateNames(
                     u"kubelogin"_s, env({{u"PATHEXT"_s, u".EXE;.PS1"_s}}), HostPlatform::Windows),
                 (QStringList{u"kubelogin.exe"_s, u"kubelogin.ps1"_s}));
        // A name with an extension is looked up as it is; Unix never adds one.
        QCOMPARE(ExecPluginLocator::candidateNames(u"aws.exe"_s, {}, HostPlatform::Windows),
                 QStringList{u"aws.exe"_s});
        QCOMPARE(ExecPluginLocator::candidateNames(u"aws"_s, {}, HostPlatform::MacOS),
                 QStringList{u"aws"_s});

        QTemporaryDir root;
        const QString first = root.filePath(u"tools"_s), second = root.filePath(u"bin"_s);
        touch(second + u"/aws.cmd"_s, true);
        const auto windows =
            env({{u"PATH"_s, first + u";"_s + second}, {u"PATHEXT"_s, u".EXE;.CMD"_s}});
        const ExecPluginLocator::Search search =
            ExecPluginLocator::initialSearch(windows, HostPlatform::Windows);
        QCOMPARE(search.environmentPath, (QStringList{first, second}));
        QVERIFY(search.commonDirs.isEmpty()); // no /usr/local/bin guesses on Windows
        QVERIFY(search.shell.isEmpty());      // and no login shell to ask
        QCOMPARE(ExecPluginLocator::find(u"aws"_s, search, windows, HostPlatform::Windows),
                 second + u"/aws.cmd"_s);
        QCOMPARE(ExecPluginLocator::find(u"aws"_s, search, windows, HostPlatform::Linux),
                 QString());
    }

    void macOS_looksInHomebrewAndTheUsersFolders()
    {
        const QStringList dirs =
            ExecPluginLocator::commonDirs(env({{u"HOME"_s, u"/Users/me"_s}}), HostPlatform::MacOS);
        QVERIFY(dirs.contains(u"/opt/homebrew/bin"_s));
        QVERIFY(dirs.contains(u"/usr/local/bin"_s));
        QVERIFY(dirs.contains(u"/Users/me/.krew/bin"_s));
    }
};

QTEST_GUILESS_MAIN(TestHostPaths)
#include "tst_hostpaths.moc"
