// SPDX-License-Identifier: GPL-3.0-or-later
// Real captures copied from public issue threads (tests/fixtures/tickets/real/): each one is
// diagnosed through the same `--from` path as `unstuck diagnose --from`, and its verdict is
// compared with what the thread's people established (the sidecar *.expect.json).
//
// `tst_diagnosis_real_tickets score` prints which captures pass, one line each, and the total.
#include "models/engine/DiagnosisEngine.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace unstuck;

namespace {

// Captures the engine does not get right yet, with why. Shrink this list as kinds are fixed;
// a capture listed here that starts passing fails the suite (XPASS) until it is removed.
const QHash<QString, QString>& expectedToFail()
{
    static const QHash<QString, QString> list = {};
    return list;
}

struct Capture
{
    QString name;
    QString path; // the capture file or folder
    QJsonObject expect;
};

QString corpusDir()
{
    return QStringLiteral(UNSTUCK_FIXTURES "/tickets/real");
}

QList<Capture> captures()
{
    QList<Capture> out;
    const QDir dir(corpusDir());
    const QStringList sidecars =
        dir.entryList({QStringLiteral("*.expect.json")}, QDir::Files, QDir::Name);
    for (const QString& sidecar : sidecars) {
        const QString name = sidecar.chopped(int(qstrlen(".expect.json")));
        QString path;
        for (const QFileInfo& info :
             dir.entryInfoList({name, name + QStringLiteral(".*")},
                               QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot))
            if (!info.fileName().endsWith(QLatin1String(".expect.json")))
                path = info.filePath();
        QFile f(dir.filePath(sidecar));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        out.append({name, path, QJsonDocument::fromJson(f.readAll()).object()});
    }
    return out;
}

struct Outcome
{
    DiagnosisResult result;
    int exitCode = 2; // as `unstuck diagnose` computes it
};

Outcome diagnose(const QString& path)
{
    DiagnosisEngine engine;
    QSignalSpy finished(&engine, &DiagnosisEngine::finished);
    DiagnosisRequest request;
    request.fromPath = path;
    engine.start(request);
    Outcome o;
    if (!finished.wait(20000))
        return o;
    o.result = finished.first().first().value<DiagnosisResult>();
    o.exitCode = !o.result.complete && !o.result.error.isEmpty() ? 2 : o.result.rootCause ? 1 : 0;
    return o;
}

QString rootCauseId(const DiagnosisResult& r)
{
    if (!r.rootCause)
        return {};
    if (!r.rootCause->component.isEmpty())
        return r.rootCause->component;
    return r.rootCause->from + QStringLiteral("→") + r.rootCause->to;
}

QString componentState(ComponentState s)
{
    switch (s) {
    case ComponentState::Healthy:
        return QStringLiteral("healthy");
    case ComponentState::Failing:
        return QStringLiteral("failing");
    case ComponentState::Unknown:
        return QStringLiteral("unknown");
    case ComponentState::NotApplicable:
        return QStringLiteral("n/a");
    }
    return {};
}

QString linkState(LinkState s)
{
    return s == LinkState::Ok       ? QStringLiteral("ok")
           : s == LinkState::Broken ? QStringLiteral("broken")
                                    : QStringLiteral("unknown");
}

// The state and summary of a component or link id ("a→b"); empty state when absent.
std::pair<QString, QString> stateOf(const DiagnosisResult& r, const QString& id)
{
    if (id.contains(QStringLiteral("→"))) {
        const QString from = id.section(QStringLiteral("→"), 0, 0);
        const QString to = id.section(QStringLiteral("→"), 1);
        if (const LinkVerdict* l = r.link(from, to))
            return {linkState(l->state), l->summary};
        return {};
    }
    if (const ComponentVerdict* c = r.component(id))
        return {componentState(c->state), c->summary};
    return {};
}

// Everything the verdict says a person can check: summaries and evidence of what is red.
QString quotedText(const DiagnosisResult& r)
{
    QString text = r.rootCause ? r.rootCause->summary + QLatin1Char('\n') : QString();
    auto add = [&text](const QString& summary, const QList<Evidence>& evidence) {
        text += summary + QLatin1Char('\n');
        for (const Evidence& e : evidence)
            text += e.title + QLatin1Char('\n') + e.value + QLatin1Char('\n');
    };
    for (const ComponentVerdict& c : r.components)
        if (c.state == ComponentState::Failing || r.redPath.contains(c.id))
            add(c.summary, c.evidence);
    for (const LinkVerdict& l : r.links)
        if (l.state == LinkState::Broken)
            add(l.summary, l.evidence);
    return text;
}

// What differs from the sidecar's expectation; empty when the capture passes.
QStringList mismatches(const Outcome& o, const QJsonObject& expect)
{
    QStringList out;
    const DiagnosisResult& r = o.result;
    const int exitCode = expect.value(QStringLiteral("exit")).toInt();
    if (o.exitCode != exitCode)
        out << QStringLiteral("exit %1, expected %2 (%3)")
                   .arg(o.exitCode)
                   .arg(exitCode)
                   .arg(r.error.isEmpty() ? r.narrativeEn.left(160) : r.error);
    const QString cause = expect.value(QStringLiteral("rootCause")).toString();
    if (rootCauseId(r) != cause)
        out << QStringLiteral("root cause '%1', expected '%2'").arg(rootCauseId(r), cause);
    const QJsonObject states = expect.value(QStringLiteral("states")).toObject();
    for (auto it = states.begin(); it != states.end(); ++it) {
        const auto [state, summary] = stateOf(r, it.key());
        if (state != it.value().toString())
            out << QStringLiteral("%1 is '%2', expected '%3' (%4)")
                       .arg(it.key(), state, it.value().toString(), summary.left(120));
    }
    for (const QJsonValue& v : expect.value(QStringLiteral("unknowns")).toArray()) {
        const QString id = v[QStringLiteral("id")].toString();
        const QString reason = v[QStringLiteral("reason")].toString();
        const auto [state, summary] = stateOf(r, id);
        if (state != QLatin1String("unknown") || !summary.contains(reason, Qt::CaseInsensitive))
            out << QStringLiteral("%1 should be unknown because of '%2': %3 %4")
                       .arg(id, reason, state, summary.left(120));
        else if (!summary.contains(QLatin1String("kubectl")) &&
                 !summary.contains(QLatin1String("aliyun")))
            out << QStringLiteral("%1 is unknown without the command that would settle it: %2")
                       .arg(id, summary.left(160));
    }
    const QString quoted = quotedText(r);
    for (const QJsonValue& v : expect.value(QStringLiteral("quotes")).toArray())
        if (!quoted.contains(v.toString()))
            out << QStringLiteral("the verdict does not quote '%1'").arg(v.toString());
    // Kind-independent rules: no red without a quoted line, no "API did not answer" for a paste.
    for (const ComponentVerdict& c : r.components)
        if (c.state == ComponentState::Failing &&
            std::none_of(c.evidence.cbegin(), c.evidence.cend(),
                         [](const Evidence& e) { return !e.value.isEmpty(); }))
            out << QStringLiteral("%1 is red with no quoted evidence").arg(c.id);
    for (const LinkVerdict& l : r.links)
        if (l.state == LinkState::Broken &&
            std::none_of(l.evidence.cbegin(), l.evidence.cend(),
                         [](const Evidence& e) { return !e.value.isEmpty(); }))
            out << QStringLiteral("%1 is red with no quoted evidence").arg(l.id());
    // Objects are named as the paste names them: never a stand-in's name, never an empty "/".
    for (const ComponentVerdict& c : r.components) {
        QString said = c.object + QLatin1Char('\n') + c.summary;
        for (const Evidence& e : c.evidence)
            said += e.title + QLatin1Char('\n') + e.value + QLatin1Char('\n') + e.command;
        if (said.contains(QLatin1String("pasted-log")) || c.object == QLatin1String("/") ||
            said.contains(QLatin1String(" / ")))
            out << QStringLiteral("%1 names an object the paste does not: %2")
                       .arg(c.id, said.left(160));
    }
    if (r.error.contains(QLatin1String("Kubernetes API did not answer")))
        out << QStringLiteral("a paste refused as if it were a cluster: ") + r.error;
    return out;
}

} // namespace

class TestRealTickets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<DiagnosisResult>();
        QVERIFY2(captures().size() >= 40, "the real corpus holds at least 40 captures");
        for (const Capture& c : captures()) {
            QVERIFY2(!c.path.isEmpty(), qPrintable(c.name + QStringLiteral(": no capture")));
            QVERIFY2(c.expect.value(QStringLiteral("source"))
                         .toString()
                         .startsWith(QLatin1String("https://")),
                     qPrintable(c.name + QStringLiteral(": no source URL")));
            QVERIFY2(!c.expect.value(QStringLiteral("why")).toString().isEmpty(),
                     qPrintable(c.name + QStringLiteral(": no 'why'")));
        }
        const QList<Capture> all = captures();
        for (auto it = expectedToFail().cbegin(); it != expectedToFail().cend(); ++it)
            QVERIFY2(std::any_of(all.cbegin(), all.cend(),
                                 [&](const Capture& c) { return c.name == it.key(); }),
                     qPrintable(it.key() + QStringLiteral(" is listed but not in the corpus")));
    }

    void capture_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonObject>("expect");
        for (const Capture& c : captures())
            QTest::newRow(qPrintable(c.name)) << c.path << c.expect;
    }

    void capture()
    {
        QFETCH(QString, path);
        QFETCH(QJsonObject, expect);
        const QStringList problems = mismatches(diagnose(path), expect);
        const QString name = QString::fromUtf8(QTest::currentDataTag());
        if (expectedToFail().contains(name))
            QEXPECT_FAIL("", qPrintable(expectedToFail().value(name)), Continue);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
    }

    // Not a check: the corpus score, for the issue note and for whoever fixes the next kind.
    void score()
    {
        int passed = 0;
        const QList<Capture> all = captures();
        for (const Capture& c : all) {
            const QStringList problems = mismatches(diagnose(c.path), c.expect);
            passed += problems.isEmpty() ? 1 : 0;
            qInfo("%s %s%s", problems.isEmpty() ? "PASS" : "FAIL", qPrintable(c.name),
                  problems.isEmpty() ? "" : qPrintable(QStringLiteral(": ") + problems.first()));
        }
        qInfo("score: %d of %d captures pass", passed, int(all.size()));
    }
};

QTEST_GUILESS_MAIN(TestRealTickets)
#include "tst_real_tickets.moc"
