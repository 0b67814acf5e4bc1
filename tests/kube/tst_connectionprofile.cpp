// SPDX-License-Identifier: GPL-3.0-or-later
// A connection profile (profile.json) someone shared, read with its input limits: a file, or a
// CA file it names, larger than ConnectionProfile::kMaxFileBytes is a clear error, never read
// into memory — also when it is a device that never ends. (The profile's other rules are in
// tests/cloud/tst_credentials.cpp; these cases came with the profile fuzz target.)
#include "models/cloud/ConnectionProfile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace unstuck;
using namespace Qt::StringLiterals;

class TestConnectionProfile : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QString& name, const QByteArray& content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            f.write(content);
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        return path;
    }

    // No raw string literals here: moc does not read them.
    static QByteArray withCaFile(const QByteArray& caFile)
    {
        return "{\"version\":1,\"cloud\":{\"regionId\":\"cn-hangzhou\",\"caFile\":\"" + caFile +
               "\",\"credentials\":{\"source\":\"inline\",\"accessKeyId\":\"LTAItest0001\","
               "\"accessKeySecret\":\"test-secret-000001\"}}}";
    }

private Q_SLOTS:
    void oversizedProfile_isRefusedWithTheLimit()
    {
        QByteArray big = withCaFile({});
        big.chop(1);
        big += ",\"padding\":\"" + QByteArray(ConnectionProfile::kMaxFileBytes, 'x') + "\"}";
        const QString path = write(u"big.json"_s, big);
        QString error;
        QVERIFY(!ConnectionProfile::load(path, {}, &error));
        QVERIFY2(error.contains(path) && error.contains(u"larger than 1024 KiB, not read"_s),
                 qPrintable(error));
    }

    void endlessCaFile_isRefusedWithTheLimit()
    {
#ifndef Q_OS_UNIX
        QSKIP("/dev/zero is a Unix device");
#endif
        // A device says its size is 0 and never ends: read whole, it exhausted memory.
        QString error;
        QVERIFY(
            !ConnectionProfile::load(write(u"zero.json"_s, withCaFile("/dev/zero")), {}, &error));
        QVERIFY2(error.contains(u"cloud caFile /dev/zero: larger than 1024 KiB, not read"_s),
                 qPrintable(error));
    }

    void caFileWithinTheLimit_isRead()
    {
        const QByteArray pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
        write(u"ca.crt"_s, pem);
        QString error;
        const auto profile =
            ConnectionProfile::load(write(u"ok.json"_s, withCaFile("ca.crt")), {}, &error);
        QVERIFY2(profile, qPrintable(error));
        QCOMPARE(profile->cloud.caCertificatesPem, pem);
        QVERIFY(profile->hasCredentials());
    }
};

QTEST_GUILESS_MAIN(TestConnectionProfile)
#include "tst_connectionprofile.moc"
