// SPDX-License-Identifier: GPL-3.0-or-later
// The audit log: hash-chained JSON Lines, an edited, removed or reordered line is found and named,
// the file is private to the user, and no registered secret reaches it.
#include "models/common/Redactor.h"
#include "models/fixes/AuditLog.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace unstuck;
using namespace Qt::StringLiterals;

class TstAuditLog : public QObject
{
    Q_OBJECT

    static QByteArrayList lines(const QString& path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        QByteArrayList out = f.readAll().split('\n');
        out.removeAll(QByteArray());
        return out;
    }

    static void rewrite(const QString& path, const QByteArrayList& lines)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(lines.join('\n') + '\n');
    }

    static QString filled(QTemporaryDir& dir, int records)
    {
        const QString path = dir.filePath(u"audit.jsonl"_s);
        AuditLog log(path);
        for (int i = 1; i <= records; ++i) {
            QString error;
            if (!log.append({{u"auditId"_s, u"run-1"_s},
                             {u"stage"_s, i % 2 ? u"Applying"_s : u"Applied"_s},
                             {u"stepId"_s, QString::number(i)}},
                            &error))
                qWarning("%s", qPrintable(error));
        }
        return path;
    }

private Q_SLOTS:
    void appendedRecords_formAnIntactChain()
    {
        QTemporaryDir dir;
        const AuditLog log(filled(dir, 4));
        const AuditLog::Verification v = log.verify();
        QVERIFY2(v.ok, qPrintable(v.reason));
        QCOMPARE(v.records, 4);
        const QList<QJsonObject> records = log.records();
        QCOMPARE(records.size(), 4);
        QCOMPARE(records.at(1).value(u"prevHash"_s), records.at(0).value(u"hash"_s));
        QCOMPARE(records.at(3).value(u"seq"_s).toInt(), 4);
        QCOMPARE(records.at(0).value(u"schema"_s).toString(), QLatin1String(AuditLog::kSchema));
    }

    void editedLine_isDetectedAndNamed()
    {
        QTemporaryDir dir;
        const QString path = filled(dir, 4);
        QByteArrayList all = lines(path);
        all[2].replace("Applying", "Applied!");
        rewrite(path, all);
        const AuditLog::Verification v = AuditLog(path).verify();
        QVERIFY(!v.ok);
        QCOMPARE(v.brokenLine, 3);
        QVERIFY2(v.reason.contains(u"changed"_s), qPrintable(v.reason));
    }

    void removedOrReorderedLine_isDetected_data()
    {
        QTest::addColumn<bool>("reorder");
        QTest::newRow("removed") << false;
        QTest::newRow("reordered") << true;
    }
    void removedOrReorderedLine_isDetected()
    {
        QFETCH(bool, reorder);
        QTemporaryDir dir;
        const QString path = filled(dir, 4);
        QByteArrayList all = lines(path);
        if (reorder)
            all.swapItemsAt(1, 2);
        else
            all.removeAt(1);
        rewrite(path, all);
        const AuditLog::Verification v = AuditLog(path).verify();
        QVERIFY(!v.ok);
        QCOMPARE(v.brokenLine, 2);
        QVERIFY2(v.reason.contains(u"does not follow"_s), qPrintable(v.reason));
    }

    void newLog_isReadableByItsOwnerOnly()
    {
#ifdef Q_OS_UNIX
        QTemporaryDir dir;
        const QString path = filled(dir, 1);
        QCOMPARE(QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther |
                                             QFileDevice::WriteGroup | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
#else
        QSKIP("file modes are a Unix notion");
#endif
    }

    void registeredSecret_neverReachesTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"audit.jsonl"_s);
        const QString secret = u"s3cr3t-AccessKeySecret-value"_s;
        Redactor::registerSecret(secret);
        QString error;
        QVERIFY(AuditLog(path).append(
            {{u"request"_s, QJsonObject{{u"body"_s, u"{\"key\":\"%1\"}"_s.arg(secret)}}},
             {u"note"_s, u"Authorization: Bearer abcdefghijklmnop"_s}},
            &error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(!text.contains(secret.toUtf8()));
        QVERIFY(!text.contains("abcdefghijklmnop"));
        QVERIFY(AuditLog(path).verify().ok); // the chain covers the redacted text
    }
};

QTEST_GUILESS_MAIN(TstAuditLog)
#include "tst_auditlog.moc"
