// SPDX-License-Identifier: GPL-3.0-or-later
// Random bytes and mutated real captures through the whole `--from` path: the engine in process
// and the `unstuck diagnose` executable. Whatever comes in, the answer is defined (exit 0, 1 or 2
// with a reason) and nothing crashes. Fixed seed: a failure reproduces.
#include "models/engine/DiagnosisEngine.h"

#include <QDir>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace unstuck;

namespace {

constexpr quint32 kSeed = 20261207;

QByteArray randomBytes(QRandomGenerator& rng, int size)
{
    QByteArray bytes(size, '\0');
    for (char& c : bytes)
        c = char(rng.bounded(256));
    return bytes;
}

// Text-like noise: printable ASCII, newlines, UTF-8 and the characters parsers key on.
QByteArray randomText(QRandomGenerator& rng, int size)
{
    static const QByteArray alphabet =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 \t\n\n:;,./-_\"'`{}[]()<>"
        "|#$%=*?!\\";
    static const QList<QByteArray> tokens = {
        "status:\n",
        "  conditions:\n",
        "- type: Available\n",
        "Name:  x\n",
        "Conditions:\n",
        "\xe2\x94\x82",
        "```\n",
        "msg=\"",
        "err=<\n",
        "E0101 00:00:00.000000       1 ",
        "available_controller.go:1] ",
        "route_controller.go:2] ",
        "{\"kind\":\"List\",\"items\":[",
        "Warning  FailedToCreateRoute  1m  route_controller  ",
        "Response Status: 503\n",
        "deletion of namespace x failed: ",
        "unable to retrieve the complete list of server APIs: ",
        "v1beta1.metrics.k8s.io",
        "\xe4\xb8\xad\xe6\x96\x87",
        "Level: Warning\n"};
    QByteArray out;
    while (out.size() < size) {
        if (rng.bounded(8) == 0)
            out += tokens.at(int(rng.bounded(int(tokens.size()))));
        else
            out += alphabet.at(int(rng.bounded(int(alphabet.size()))));
    }
    return out;
}

QByteArray mutate(QRandomGenerator& rng, QByteArray data)
{
    const int steps = 1 + int(rng.bounded(12));
    for (int i = 0; i < steps && !data.isEmpty(); ++i) {
        const int at = int(rng.bounded(int(data.size())));
        switch (rng.bounded(6)) {
        case 0: // flip a byte
            data[at] = char(rng.bounded(256));
            break;
        case 1: // cut the rest off, as a page or a pager does
            data.truncate(at);
            break;
        case 2: // drop a range
            data.remove(at, int(rng.bounded(200)));
            break;
        case 3: // repeat a range
            data.insert(at, data.mid(at, int(rng.bounded(400))));
            break;
        case 4: // splice noise in
            data.insert(at, randomText(rng, int(rng.bounded(120))));
            break;
        default: // swap the halves: lines arrive out of order
            data = data.mid(at) + data.left(at);
            break;
        }
    }
    return data;
}

QStringList corpusFiles()
{
    QStringList files;
    const QDir dir(QStringLiteral(UNSTUCK_FIXTURES "/tickets/real"));
    for (const QFileInfo& info : dir.entryInfoList(QDir::Files, QDir::Name))
        if (!info.fileName().endsWith(QLatin1String(".expect.json")))
            files << info.filePath();
    return files;
}

void write(const QString& path, const QByteArray& data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(data);
}

// Diagnoses `path` in process; returns the exit code `unstuck diagnose` would give, -1 if none.
int diagnose(const QString& path)
{
    DiagnosisEngine engine;
    QSignalSpy finished(&engine, &DiagnosisEngine::finished);
    DiagnosisRequest request;
    request.fromPath = path;
    engine.start(request);
    if (!finished.wait(20000))
        return -1;
    const auto r = finished.first().first().value<DiagnosisResult>();
    if (!r.complete && !r.error.isEmpty())
        return 2;
    if (!r.complete)
        return -1; // incomplete without a reason: not a defined answer
    return r.rootCause ? 1 : 0;
}

} // namespace

class TestPasteFuzz : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<DiagnosisResult>(); }

    void randomBytes_giveADefinedAnswer()
    {
        QRandomGenerator rng(kSeed);
        QTemporaryDir dir;
        for (int i = 0; i < 40; ++i) {
            const QString path = dir.filePath(QStringLiteral("random-%1.txt").arg(i));
            const int size = int(rng.bounded(64 * 1024));
            write(path, i % 2 ? randomBytes(rng, size) : randomText(rng, size));
            const int code = diagnose(path);
            QVERIFY2(code >= 0 && code <= 2, qPrintable(path));
        }
    }

    void mutatedCaptures_giveADefinedAnswer()
    {
        QRandomGenerator rng(kSeed + 1);
        QTemporaryDir dir;
        const QStringList files = corpusFiles();
        QVERIFY(files.size() >= 40);
        for (int round = 0; round < 2; ++round)
            for (const QString& file : files) {
                QFile f(file);
                QVERIFY(f.open(QIODevice::ReadOnly));
                const QString path = dir.filePath(
                    QStringLiteral("%1-%2").arg(round).arg(QFileInfo(file).fileName()));
                write(path, mutate(rng, f.readAll()));
                const int code = diagnose(path);
                QVERIFY2(code >= 0 && code <= 2, qPrintable(file));
            }
    }

    void executable_exitsWithADefinedCode()
    {
        QRandomGenerator rng(kSeed + 2);
        QTemporaryDir dir;
        const QStringList files = corpusFiles();
        for (int i = 0; i < 8; ++i) {
            const QString path = dir.filePath(QStringLiteral("cli-%1.txt").arg(i));
            QFile f(files.at(int(rng.bounded(int(files.size())))));
            QVERIFY(f.open(QIODevice::ReadOnly));
            write(path, i % 4 == 3 ? randomBytes(rng, 4096) : mutate(rng, f.readAll()));
            QProcess unstuck;
            unstuck.start(QStringLiteral(UNSTUCK_BINARY),
                          {QStringLiteral("diagnose"), QStringLiteral("--from"), path,
                           QStringLiteral("--format"), QStringLiteral("json")});
            QVERIFY(unstuck.waitForFinished(120000));
            QCOMPARE(unstuck.exitStatus(), QProcess::NormalExit);
            QVERIFY2(unstuck.exitCode() >= 0 && unstuck.exitCode() <= 2,
                     qPrintable(QString::number(unstuck.exitCode())));
        }
    }
};

QTEST_GUILESS_MAIN(TestPasteFuzz)
#include "tst_paste_fuzz.moc"
