// SPDX-License-Identifier: GPL-3.0-or-later
// LiveSource signs cloud calls with a credential the caller resolved beforehand (the GUI reads
// the OS keychain before a run): against an in-process simulator, the pre-resolved keys are the
// ones the cloud API sees.
#include "models/common/Redactor.h"
#include "models/sim/SimServer.h"
#include "models/sources/LiveSource.h"
#include "support/SimProfile.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace unstuck;

class TestLiveCredential : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<sim::SimServer> m_server;
    QString m_keylessProfile;
    QString m_keychainProfile;
    CloudCredential m_simKeys;

    // The simulator's profile.json with its cloud credentials replaced (endpoint and CA kept).
    QString writeProfile(const QString& name, const QJsonValue& credentials)
    {
        return test::writeSimProfile(m_server->profilePath(), m_dir.filePath(name), credentials);
    }

    // One cloud question through the source: the caller identity (no permission needed).
    static SourceAnswer callerIdentity(LiveSource& source)
    {
        SourceQuery q;
        q.kind = SourceQuery::Kind::Cloud;
        q.product = QStringLiteral("sts");
        q.action = QStringLiteral("GetCallerIdentity");
        SourceAnswer answer;
        bool done = false;
        QObject receiver;
        source.fetch(q, &receiver, [&](const SourceAnswer& a) {
            answer = a;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 15000))
            answer.error = QStringLiteral("no answer within 15 s");
        return answer;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        sim::SimOptions options;
        options.scenario = QStringLiteral("seed");
        options.stateDir = m_dir.filePath(QStringLiteral("sim"));
        m_server = std::make_unique<sim::SimServer>(options);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        const QJsonObject cloud = m_server->info().value(QStringLiteral("cloud")).toObject();
        m_simKeys.accessKeyId = cloud.value(QStringLiteral("accessKeyId")).toString();
        m_simKeys.accessKeySecret = cloud.value(QStringLiteral("accessKeySecret")).toString();
        m_simKeys.source = QStringLiteral("OS keychain entry 'sim'");
        QVERIFY(!m_simKeys.accessKeyId.isEmpty());
        m_keylessProfile = writeProfile(QStringLiteral("keyless.json"), QJsonValue::Undefined);
        m_keychainProfile =
            writeProfile(QStringLiteral("keychain.json"),
                         QJsonObject{{QStringLiteral("source"), QStringLiteral("keychain")},
                                     {QStringLiteral("name"), QStringLiteral("sim")}});
        QVERIFY(!m_keylessProfile.isEmpty() && !m_keychainProfile.isEmpty());
    }

    void preResolvedCredential_signsTheCloudCalls()
    {
        DiagnosisRequest request;
        request.profileFile = m_keylessProfile;
        request.cloudCredential = m_simKeys;
        QString error;
        auto source = LiveSource::open(request, &error);
        QVERIFY2(source, qPrintable(error));
        QVERIFY(source->hasCloud());
        const SourceAnswer answer = callerIdentity(*source);
        QVERIFY2(answer.ok(), qPrintable(answer.error + QLatin1Char(' ') + answer.message));
        QVERIFY(QJsonDocument(answer.json).toJson().contains("unstuck-operator"));
        // The secret is known to the redactor: it never reaches logs or bundles.
        QVERIFY(!Redactor::redact(m_simKeys.accessKeySecret).contains(m_simKeys.accessKeySecret));
    }

    void preResolvedCredential_winsOverTheProfileKeys()
    {
        CloudCredential wrong = m_simKeys;
        wrong.accessKeySecret = QStringLiteral("not-the-secret-0123456789");
        DiagnosisRequest request;
        request.profileFile = m_server->profilePath(); // holds the right inline keys
        request.cloudCredential = wrong;
        QString error;
        auto source = LiveSource::open(request, &error);
        QVERIFY2(source, qPrintable(error));
        const SourceAnswer answer = callerIdentity(*source);
        QVERIFY(!answer.ok());
        QCOMPARE(answer.errorCode, QStringLiteral("SignatureDoesNotMatch"));
    }

    void withoutCredential_cloudIsUnknownAndSaysWhy()
    {
        DiagnosisRequest request;
        request.profileFile = m_keylessProfile;
        QString error;
        auto keyless = LiveSource::open(request, &error);
        QVERIFY2(keyless, qPrintable(error));
        QVERIFY(!keyless->hasCloud());

        request.profileFile = m_keychainProfile;
        auto keychain = LiveSource::open(request, &error);
        QVERIFY2(keychain, qPrintable(error));
        QVERIFY(!keychain->hasCloud());
        QVERIFY2(
            keychain->cloudUnavailableReason().contains(QStringLiteral("keychain entry 'sim'")),
            qPrintable(keychain->cloudUnavailableReason()));
    }

    void keychainEntryNeeded_namesTheEntry()
    {
        DiagnosisRequest request;
        request.profileFile = m_keychainProfile;
        QCOMPARE(LiveSource::keychainEntryNeeded(request), QStringLiteral("sim"));
        request.cloudProfile = QStringLiteral("keychain:other");
        QCOMPARE(LiveSource::keychainEntryNeeded(request), QStringLiteral("other"));
        request.cloudProfile = QStringLiteral("env"); // a chosen source replaces the profile's
        QCOMPARE(LiveSource::keychainEntryNeeded(request), QString());
        request.cloudProfile.clear();
        request.cloudCredential = m_simKeys; // already read
        QCOMPARE(LiveSource::keychainEntryNeeded(request), QString());
        request.cloudCredential.reset();
        request.noCloud = true;
        QCOMPARE(LiveSource::keychainEntryNeeded(request), QString());
    }
};

QTEST_GUILESS_MAIN(TestLiveCredential)
#include "tst_live_credential.moc"
