// SPDX-License-Identifier: GPL-3.0-or-later
// Healing all when a fix's first preflight fails only because a fix before it has not run yet:
// in ram-two-policies a change-freeze policy denies route writes to the route controller and to
// the operator, so the operator's route fix fails its dry run until the RAM fix has turned the
// freeze to Allow. FixSession against the in-process simulator, as `fix apply --all` drives it.
#include "FixTestSupport.h"

#include "models/engine/FixSession.h"
#include "models/sim/CloudWorld.h"

using namespace unstuck;
using namespace unstuck::test;
using namespace Qt::StringLiterals;

namespace {

const PreparedFix* fixIn(const FixOutcome& outcome, const QString& id)
{
    for (const PreparedFix& f : outcome.fixes)
        if (f.fixId == id)
            return &f;
    return nullptr;
}

// The last result of a fix in a run: "applied: applied 2 write(s)".
QString resultOf(const FixOutcome& outcome, const QString& id)
{
    for (auto it = outcome.results.crbegin(); it != outcome.results.crend(); ++it)
        if (it->fixId == id)
            return it->result + u": "_s + it->reason.en;
    return u"no result"_s;
}

// A session on the simulator, diagnosed and planned with every recommended fix.
struct Session
{
    QTemporaryDir data;
    FixSession session;
    FixOptions options;
    std::optional<FixOutcome> planned, finished;

    bool plan(const SimFixture& sim)
    {
        options.auditLogPath = data.filePath(u"audit.jsonl"_s);
        options.verifyIntervalMs = 200;
        options.verifyTimeoutMs = 60000;
        session.setRequest(sim.request);
        session.setOptions(options);
        bool diagnosed = false;
        QObject::connect(&session, &FixSession::diagnosed, [&] { diagnosed = true; });
        QObject::connect(&session, &FixSession::planned,
                         [this](const FixOutcome& o) { planned = o; });
        QObject::connect(&session, &FixSession::finished,
                         [this](const FixOutcome& o) { finished = o; });
        session.diagnose();
        if (!QTest::qWaitFor([&] { return diagnosed; }, 30000))
            return false;
        session.plan({});
        return QTest::qWaitFor([this] { return planned.has_value(); }, 30000);
    }
    bool healAll(const QList<PreparedFix>& fixes)
    {
        options.writesEnabled = true;
        session.setOptions(options);
        session.apply(fixes, true);
        return QTest::qWaitFor([this] { return finished.has_value(); }, 120000);
    }
};

} // namespace

class TstHealAll : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void laterFixRefusedFirst_healAllAppliesTheRootAndHeals()
    {
        SimFixture sim;
        QVERIFY(sim.start(u"ram-two-policies"_s));
        Session s;
        QVERIFY(s.plan(sim));
        const FixOutcome& plan = *s.planned;
        const PreparedFix* ram = fixIn(plan, u"ram-policy-allow"_s);
        const PreparedFix* route = fixIn(plan, u"vpc-route-create"_s);
        QVERIFY(ram && route);
        QVERIFY(ram->preflightPassed());
        QCOMPARE(ram->writes.size(), 2);
        QVERIFY(!route->preflightPassed());
        QCOMPARE(plan.exitCode, int(FixOutcome::Refused));
        // Healing all may start; applying the named fixes as they are may not.
        QVERIFY(plan.mayApply(true));
        QVERIFY(!plan.mayApply(false));

        QVERIFY(s.healAll(plan.fixes));
        const FixOutcome& run = *s.finished;
        QCOMPARE(run.exitCode, int(FixOutcome::Healed));
        QVERIFY(run.verified);
        QVERIFY2(resultOf(run, u"ram-policy-allow"_s).startsWith(u"applied"_s),
                 qPrintable(resultOf(run, u"ram-policy-allow"_s)));
        QVERIFY2(resultOf(run, u"vpc-route-create"_s).contains(u"not needed"_s),
                 qPrintable(resultOf(run, u"vpc-route-create"_s)));
    }

    // A refused fix ahead of one that passes waits: the passing fix runs, and the refused one is
    // not needed once the chain heals.
    void refusedFixAhead_waits_thePassingOneRuns()
    {
        SimFixture sim;
        QVERIFY(sim.start(u"ram-two-policies"_s));
        Session s;
        QVERIFY(s.plan(sim));
        const PreparedFix* ram = fixIn(*s.planned, u"ram-policy-allow"_s);
        const PreparedFix* route = fixIn(*s.planned, u"vpc-route-create"_s);
        QVERIFY(ram && route && !route->preflightPassed());

        QVERIFY(s.healAll({*route, *ram}));
        const FixOutcome& run = *s.finished;
        QCOMPARE(run.exitCode, int(FixOutcome::Healed));
        QVERIFY2(resultOf(run, u"ram-policy-allow"_s).startsWith(u"applied"_s),
                 qPrintable(resultOf(run, u"ram-policy-allow"_s)));
        QVERIFY2(resultOf(run, u"vpc-route-create"_s).contains(u"not needed"_s),
                 qPrintable(resultOf(run, u"vpc-route-create"_s)));
    }

    // Nothing passes: the run writes nothing and says which check refused each fix.
    void onlyRefusedFixes_nothingIsWritten()
    {
        SimFixture sim;
        QVERIFY(sim.start(u"ram-two-policies"_s));
        Session s;
        QVERIFY(s.plan(sim));
        const PreparedFix* route = fixIn(*s.planned, u"vpc-route-create"_s);
        QVERIFY(route && !route->preflightPassed());

        QVERIFY(s.healAll({*route}));
        const FixOutcome& run = *s.finished;
        QCOMPARE(run.exitCode, int(FixOutcome::Refused));
        QVERIFY2(resultOf(run, u"vpc-route-create"_s).startsWith(u"refused: preflight failed"_s),
                 qPrintable(resultOf(run, u"vpc-route-create"_s)));
        // The RAM policy still denies: nothing was written.
        const auto& cloud = sim.server->world().cloud();
        QCOMPARE(cloud.account().policies.value(cloud.masterPolicyName()).defaultVersion, u"v2"_s);
    }
};

QTEST_GUILESS_MAIN(TstHealAll)
#include "tst_healall.moc"
