// SPDX-License-Identifier: GPL-3.0-or-later
// `unstuck --self-check` and `unstuck --version`: the build tree has everything an installed
// copy needs, and a copy of `unstuck` without the simulator next to it says so and exits 1.
#include "packaging/selfcheck/SelfCheck.h"
#include "support/SimProcess.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestSelfCheck : public QObject
{
    Q_OBJECT

    struct Output
    {
        int exitCode = -1;
        QString out;
    };

    // stdout and stderr together: the checks' lines are looked up by name, not by order.
    static Output run(const QString& binary, const QStringList& arguments)
    {
        const unstuck::test::ProcessRun r = unstuck::test::runProcess(binary, arguments);
        return {r.exitCode, QString::fromUtf8(r.out + r.err)};
    }

    static QString line(const QString& text, const QString& name)
    {
        for (const QString& l : text.split(QLatin1Char('\n')))
            if (l.contains(name))
                return l.simplified();
        return {};
    }

private Q_SLOTS:
    void versionNamesRevisionAndQt()
    {
        const Output output = run(QStringLiteral(UNSTUCK_BINARY), {QStringLiteral("--version")});
        QCOMPARE(output.exitCode, 0);
        QVERIFY2(output.out.startsWith(QStringLiteral("unstuck " UNSTUCK_VERSION "\n")),
                 qPrintable(output.out));
        QVERIFY2(output.out.contains(QStringLiteral("git revision ")), qPrintable(output.out));
        QVERIFY2(output.out.contains(QStringLiteral("Qt %1").arg(QString::fromLatin1(qVersion()))),
                 qPrintable(output.out));
    }

    void buildTreePasses()
    {
        const Output output = run(QStringLiteral(UNSTUCK_BINARY), {QStringLiteral("--self-check")});
        QVERIFY2(output.exitCode == 0, qPrintable(output.out));
        QVERIFY2(line(output.out, QStringLiteral("TLS backend")).startsWith(QStringLiteral("ok ")),
                 qPrintable(output.out));
        QVERIFY2(output.out.contains(QStringLiteral("handshake with a loopback server")),
                 qPrintable(output.out));
        QVERIFY2(line(output.out, QStringLiteral("simulator")).startsWith(QStringLiteral("ok ")),
                 qPrintable(output.out));
#ifdef UNSTUCK_WITH_GUI
        for (const QString& name :
             {QStringLiteral("SVG image plugin"), QStringLiteral("platform plugin")})
            QVERIFY2(line(output.out, name).startsWith(QStringLiteral("ok ")),
                     qPrintable(output.out));
        // No keychain service runs under ctest: a note, never a failure.
        QVERIFY2(!line(output.out, QStringLiteral("keychain backend"))
                      .startsWith(QStringLiteral("MISSING")),
                 qPrintable(output.out));
#endif
    }

    // An installation without unstuck-sim next to unstuck: a copy of the binary alone.
    void missingSimulatorFails()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString copy = dir.filePath(QFileInfo(QStringLiteral(UNSTUCK_BINARY)).fileName());
        QVERIFY(QFile::copy(QStringLiteral(UNSTUCK_BINARY), copy));
        QVERIFY(QFile::setPermissions(copy, QFile::permissions(copy) | QFile::ExeOwner));
        // Windows builds find their libraries next to the executable: those come along.
        const QDir buildDir = QFileInfo(QStringLiteral(UNSTUCK_BINARY)).dir();
        for (const QString& dll : buildDir.entryList({QStringLiteral("*.dll")}, QDir::Files))
            QVERIFY(QFile::copy(buildDir.filePath(dll), dir.filePath(dll)));
        const Output output = run(copy, {QStringLiteral("--self-check")});
        QVERIFY2(output.exitCode == 1, qPrintable(output.out));
        const QString simulator = line(output.out, QStringLiteral("simulator"));
        QVERIFY2(simulator.startsWith(QStringLiteral("MISSING ")), qPrintable(output.out));
        QVERIFY2(simulator.contains(
                     QDir::toNativeSeparators(unstuck::selfcheck::simulatorNextTo(dir.path()))),
                 qPrintable(output.out));
        QVERIFY2(output.out.contains(QStringLiteral("1 missing")), qPrintable(output.out));
    }

    // The library on its own: a simulator that does not run is missing too.
    void simulatorThatDoesNotRunIsMissing()
    {
#ifndef Q_OS_UNIX
        QSKIP("the stand-in simulator is a shell script");
#endif
        QTemporaryDir dir;
        const QString fake = dir.filePath(QStringLiteral("unstuck-sim"));
        QFile file(fake);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("#!/bin/sh\nexit 3\n");
        file.close();
        QVERIFY(QFile::setPermissions(fake, QFile::permissions(fake) | QFile::ExeOwner));
        unstuck::selfcheck::Options options;
        options.gui = false;
        options.simulator = fake;
        const QList<unstuck::selfcheck::Item> items = unstuck::selfcheck::run(options);
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0).status, unstuck::selfcheck::Item::Status::Ok); // TLS
        QCOMPARE(items.at(1).name, QStringLiteral("simulator"));
        QCOMPARE(items.at(1).status, unstuck::selfcheck::Item::Status::Missing);
    }
};

QTEST_GUILESS_MAIN(TestSelfCheck)
#include "tst_selfcheck.moc"
