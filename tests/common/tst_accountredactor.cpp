// SPDX-License-Identifier: GPL-3.0-or-later
// `--redact-account`: the account id disappears from ARNs, JSON fields (plain and escaped inside
// a bundle), texts that mention it again later, and base64 EncodedDiagnosticMessage values, which
// still decode; JSON stays valid; nothing changes when the user did not ask.
#include "models/common/AccountRedactor.h"
#include "models/common/Redactor.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using unstuck::AccountRedactor;
using unstuck::Redactor;
using namespace Qt::StringLiterals;

namespace {
const QString kAccount = u"5810293847561023"_s;
const QString kHidden = u"0000000000000000"_s;
} // namespace

class TestAccountRedactor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { AccountRedactor::setEnabled(false); }

    void off_changesNothing()
    {
        const QString arn = u"acs:ram::%1:role/ops"_s.arg(kAccount);
        QCOMPARE(Redactor::redact(arn), arn);
    }

    void arn_hidesTheAccountOnly()
    {
        AccountRedactor::setEnabled(true);
        QCOMPARE(Redactor::redact(u"you: acs:ram::%1:assumed-role/Ops/me"_s.arg(kAccount)),
                 u"you: acs:ram::%1:assumed-role/Ops/me"_s.arg(kHidden));
        QCOMPARE(Redactor::redact(u"acs:vpc:cn-hangzhou:%1:routetable/*"_s.arg(kAccount)),
                 u"acs:vpc:cn-hangzhou:%1:routetable/*"_s.arg(kHidden));
        // A number that is no account is left alone.
        QCOMPARE(Redactor::redact(u"3 nodes, 1234567890123 bytes"_s),
                 u"3 nodes, 1234567890123 bytes"_s);
    }

    void jsonNumber_staysValidJson()
    {
        AccountRedactor::setEnabled(true);
        const QString body = u"{\"OwnerId\":%1,\"VpcId\":\"vpc-1\"}"_s.arg(kAccount);
        const QString hidden = Redactor::redact(body);
        QVERIFY2(!hidden.contains(kAccount), qPrintable(hidden));
        QJsonParseError error;
        const QJsonObject parsed = QJsonDocument::fromJson(hidden.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(parsed.value(u"VpcId"_s).toString(), u"vpc-1"_s);

        // The same body escaped inside a bundle's JSON string.
        const QString escaped = u"\"body\":\"{\\\"OwnerId\\\":%1}\""_s.arg(kAccount);
        QCOMPARE(Redactor::redact(escaped), u"\"body\":\"{\\\"OwnerId\\\":0}\""_s);
    }

    void seenOnce_hiddenEverywhere()
    {
        AccountRedactor::setEnabled(true);
        QVERIFY(!Redactor::redact(u"AuthPrincipalOwnerId:%1"_s.arg(kAccount)).contains(kAccount));
        // Later, the bare number in a sentence.
        QCOMPARE(Redactor::redact(u"account %1 owns the VPC"_s.arg(kAccount)),
                 u"account %1 owns the VPC"_s.arg(kHidden));
    }

    void encodedDiagnostic_stillDecodes()
    {
        AccountRedactor::setEnabled(true);
        const QByteArray inner =
            u"{\"AuthPrincipalArn\":\"acs:ram::%1:assumed-role/R/s\",\"PolicyName\":\"p\"}"_s
                .arg(u"7710293847561099"_s)
                .toUtf8();
        const QString text =
            u"EncodedDiagnosticMessage:"_s + QString::fromLatin1(inner.toBase64()) + u" next"_s;
        const QString hidden = Redactor::redact(text);
        QVERIFY(hidden.endsWith(u" next"_s));
        const QByteArray decoded =
            QByteArray::fromBase64(hidden.section(u':', 1).section(u' ', 0, 0).toLatin1());
        QVERIFY2(decoded.contains("acs:ram::0000000000000000:assumed-role/R/s"),
                 decoded.constData());
        QVERIFY(!decoded.contains("7710293847561099"));
        QVERIFY(decoded.contains("\"PolicyName\":\"p\""));
    }
};

QTEST_GUILESS_MAIN(TestAccountRedactor)
#include "tst_accountredactor.moc"
