// SPDX-License-Identifier: GPL-3.0-or-later
// A diagnosis recorded through RecordingSource and replayed from the saved capture bundle
// reaches the same verdict offline: same root cause, same red path, same states.
#include "diagnosis/FakeWorld.h"
#include "models/engine/DiagnosisEngine.h"
#include "models/sources/BundleSource.h"
#include "models/sources/CaptureBundle.h"
#include "models/sources/RecordingSource.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace unstuck;

class TestEngineReplay : public QObject
{
    Q_OBJECT

    static DiagnosisResult run(std::unique_ptr<DiagnosisSource> source,
                               const DiagnosisRequest& request = {})
    {
        DiagnosisEngine engine;
        QSignalSpy finished(&engine, &DiagnosisEngine::finished);
        engine.start(request, std::move(source));
        if (!finished.wait(10000))
            return {};
        return finished.first().first().value<DiagnosisResult>();
    }

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<DiagnosisResult>(); }

    void recordedSeed_replaysToTheSameVerdict()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("seed.unstuck.json"));
        auto recorder = std::make_unique<RecordingSource>(
            std::make_unique<test::FakeWorld>(test::WorldOptions{}), path);
        const DiagnosisResult live = run(std::move(recorder));
        QVERIFY(live.rootCause.has_value());
        QVERIFY(QFile::exists(path)); // the engine saves the recording when the run ends

        QString error;
        auto bundle = CaptureBundle::load(path, &error);
        QVERIFY2(bundle.has_value(), qPrintable(error));
        const DiagnosisResult replay = run(std::make_unique<BundleSource>(*bundle, path));
        QCOMPARE(replay.source, QStringLiteral("bundle"));
        QVERIFY(replay.rootCause.has_value());
        QCOMPARE(replay.rootCause->component, live.rootCause->component);
        QCOMPARE(replay.redPath, live.redPath);
        QCOMPARE(replay.components.size(), live.components.size());
        for (int i = 0; i < live.components.size(); ++i)
            QCOMPARE(replay.components.at(i).state, live.components.at(i).state);
    }

    void bundleRecordedForOneNamespace_replaysForThatNamespace()
    {
        // `diagnose --namespace X --record F` then `diagnose --from F`: the replay asks about X,
        // as the recording did, instead of a list of namespaces that was never recorded.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("one.unstuck.json"));
        DiagnosisRequest request;
        request.namespaceName = QStringLiteral("tobedeletedb");
        auto recorder = std::make_unique<RecordingSource>(
            std::make_unique<test::FakeWorld>(test::WorldOptions{}), path);
        recorder->setNamespace(request.namespaceName);
        const DiagnosisResult live = run(std::move(recorder), request);
        QVERIFY(live.rootCause.has_value());

        QString error;
        auto bundle = CaptureBundle::load(path, &error);
        QVERIFY2(bundle.has_value(), qPrintable(error));
        QCOMPARE(bundle->namespaceName, request.namespaceName);
        const DiagnosisResult replay = run(std::make_unique<BundleSource>(*bundle, path));
        QVERIFY(replay.rootCause.has_value());
        QCOMPARE(replay.rootCause->component, live.rootCause->component);
        QCOMPARE(replay.redPath, live.redPath);
        for (int i = 0; i < live.components.size(); ++i)
            QCOMPARE(replay.components.at(i).state, live.components.at(i).state);
        QVERIFY(!replay.components.first().summary.contains(QStringLiteral("not recorded")));
    }

    void supersededStart_deliversOnlyTheNewerResult()
    {
        // A start that cannot open its input answers asynchronously; a newer start made before
        // that answer arrives must not receive it as its own.
        DiagnosisEngine engine;
        QSignalSpy finished(&engine, &DiagnosisEngine::finished);
        DiagnosisRequest first;
        first.fromPath = QStringLiteral("/nonexistent/first-input");
        DiagnosisRequest second;
        second.fromPath = QStringLiteral("/nonexistent/second-input");
        engine.start(first);
        engine.start(second);
        QVERIFY(finished.wait(5000));
        QTest::qWait(50);
        QCOMPARE(finished.size(), 1);
        const auto result = finished.first().first().value<DiagnosisResult>();
        QVERIFY2(result.error.contains(QLatin1String("second-input")), qPrintable(result.error));
    }
};

QTEST_GUILESS_MAIN(TestEngineReplay)
#include "tst_engine_replay.moc"
