// SPDX-License-Identifier: GPL-3.0-or-later
// FixRollback on a RAM fix of two writes (two policies carry the Deny): the second
// CreatePolicyVersion fails, so the first is undone with its stored SetDefaultPolicyVersion,
// guarded by its precondition and read back. A small stateful RAM stands in for the cloud, so
// the test reads the policies' default versions as a person would.
#include "FixTestSupport.h"

#include "models/fixes/AuditLog.h"
#include "models/fixes/FixRollback.h"
#include "models/fixes/FixUndo.h"

#include <QJsonArray>

using namespace unstuck;
using namespace unstuck::test;
using namespace Qt::StringLiterals;

namespace {

// Two custom policies, each with a default version; answers GetPolicy, CreatePolicyVersion and
// SetDefaultPolicyVersion, and fails the actions it is told to with a 503.
class FakeRam : public FixTransport
{
public:
    QMap<QString, QStringList> versions{{u"A"_s, {u"v1"_s}}, {u"B"_s, {u"v1"_s}}};
    QMap<QString, QString> defaults{{u"A"_s, u"v1"_s}, {u"B"_s, u"v1"_s}};
    QStringList failing; // "CreatePolicyVersion B", "SetDefaultPolicyVersion A"
    QStringList writes;  // the writes that reached the server, in order

    void send(const FixRequest& r, const QString&, QObject* receiver, Callback callback) override
    {
        const FixResponse answer = answerTo(r);
        QMetaObject::invokeMethod(
            receiver, [callback, answer] { callback(answer); }, Qt::QueuedConnection);
    }
    bool hasCloud() const override { return true; }
    int requestsSent() const override { return 0; }

    QString world() const
    {
        return u"A: %1 [%2]; B: %3 [%4]"_s.arg(defaults[u"A"_s], versions[u"A"_s].join(u' '),
                                               defaults[u"B"_s], versions[u"B"_s].join(u' '));
    }

private:
    FixResponse answerTo(const FixRequest& r)
    {
        const QString policy = r.params.value(u"PolicyName"_s);
        if (failing.contains(r.action + u' ' + policy))
            return failure(503, u"server"_s, u"ServiceUnavailable"_s, u"injected"_s);
        if (r.action == u"GetPolicy"_s)
            return okJson({{u"DefaultPolicyVersion"_s,
                            QJsonObject{{u"VersionId"_s, defaults.value(policy)}}}});
        writes << r.action + u' ' + policy;
        if (r.action == u"CreatePolicyVersion"_s) {
            const QString id = u"v%1"_s.arg(versions[policy].size() + 1);
            versions[policy] << id;
            defaults[policy] = id;
            return okJson({{u"PolicyVersion"_s, QJsonObject{{u"VersionId"_s, id}}}});
        }
        if (r.action == u"SetDefaultPolicyVersion"_s) {
            defaults[policy] = r.params.value(u"VersionId"_s);
            return okJson({});
        }
        return failure(404, u"notfound"_s, {}, {});
    }
};

StateFact defaultVersion(const QString& policy, const QString& value)
{
    StateFact f;
    f.key = u"RAM policy %1 default version"_s.arg(policy);
    f.read = FixRequest::cloud(u"ram"_s, u"GetPolicy"_s,
                               {{u"PolicyName"_s, policy}, {u"PolicyType"_s, u"Custom"_s}});
    f.field = u"DefaultPolicyVersion.VersionId"_s;
    f.value = value;
    return f;
}

// The RAM fix as RamPolicyRecipe prepares it for two policies: a new default version of each,
// undone by making v1 the default again while the fix's version is still the default.
PreparedFix twoPolicyFix()
{
    PreparedFix fix;
    fix.fixId = u"ram-policy-allow"_s;
    fix.planId = u"plan-1"_s;
    for (const QString& policy : {u"A"_s, u"B"_s}) {
        FixWrite w;
        w.id = QString::number(fix.writes.size() + 1);
        w.description = Bilingual::same(u"New default version of "_s + policy);
        w.request = FixRequest::cloud(u"ram"_s, u"CreatePolicyVersion"_s,
                                      {{u"PolicyName"_s, policy},
                                       {u"SetAsDefault"_s, u"true"_s},
                                       {u"PolicyDocument"_s, u"{}"_s}});
        fix.writes << w;
        fix.state << defaultVersion(policy, u"v1"_s);
        FixWrite undo;
        undo.id = u"undo-"_s + w.id;
        undo.reverses = w.id;
        undo.description = Bilingual::same(u"Make v1 the default of "_s + policy + u" again"_s);
        undo.request = FixRequest::cloud(u"ram"_s, u"SetDefaultPolicyVersion"_s,
                                         {{u"PolicyName"_s, policy}, {u"VersionId"_s, u"v1"_s}});
        fix.undo.prepend(undo);
        fix.undoState << defaultVersion(policy, QLatin1String(FixWrite::kFromResponse) + w.id +
                                                    u":PolicyVersion.VersionId"_s);
    }
    return fix;
}

} // namespace

class TstFixRollback : public QObject
{
    Q_OBJECT

    struct Ran
    {
        ApplyResult applied;
        std::optional<RollbackResult> rollback;
        QList<QJsonObject> records;
    };

    // Applies the fix, then rolls back what it wrote, as FixRun does after a failure part way.
    static Ran run(FakeRam& ram, const QString& logPath)
    {
        AuditLog log(logPath);
        FixApplier applier(ram, log);
        FixRollback rollback(ram, log);
        const PreparedFix fix = twoPolicyFix();
        const AuditContext context = AuditContext::local(u"run-1"_s);
        Ran out;
        bool applyDone = false;
        applier.apply(fix, context, true, u"Apply"_s, [&](const ApplyResult& r) {
            out.applied = r;
            applyDone = true;
        });
        if (!QTest::qWaitFor([&] { return applyDone; }))
            return out;
        rollback.start(fix, out.applied, context,
                       [&](const RollbackResult& r) { out.rollback = r; });
        (void)QTest::qWaitFor([&] { return out.rollback.has_value(); });
        out.records = log.records();
        return out;
    }

    static QStringList stages(const QList<QJsonObject>& records)
    {
        QStringList out;
        for (const QJsonObject& r : records)
            out << r.value(u"stage"_s).toString() + u'#' + r.value(u"stepId"_s).toString();
        return out;
    }

private Q_SLOTS:
    void secondCreateFails_firstIsUndone_policiesAsBefore()
    {
        QTemporaryDir dir;
        FakeRam ram;
        ram.failing << u"CreatePolicyVersion B"_s;
        const Ran ran = run(ram, dir.filePath(u"audit.jsonl"_s));
        QCOMPARE(ran.applied.applied, QStringList{u"1"_s});
        QVERIFY(ran.rollback);

        // The default is v1 again; the fix's version stays as a non-default one (RAM's undo).
        QCOMPARE(ram.world(), u"A: v1 [v1 v2]; B: v1 [v1]"_s);
        QCOMPARE(ram.writes,
                 (QStringList{u"CreatePolicyVersion A"_s, u"SetDefaultPolicyVersion A"_s}));
        QCOMPARE(ran.rollback->result, u"unchanged"_s);
        QCOMPARE(ran.rollback->undone, QStringList{u"1"_s});
        QVERIFY(ran.rollback->left.isEmpty());
        QVERIFY2(ran.rollback->summary.en.startsWith(u"rolled back: unchanged"_s),
                 qPrintable(ran.rollback->summary.en));
        QCOMPARE(stages(ran.records),
                 (QStringList{u"Applying#1"_s, u"Applied#1"_s, u"Applying#2"_s, u"ApplyFailed#2"_s,
                              u"Undoing#undo-1"_s, u"Undone#undo-1"_s, u"RolledBack#"_s}));
        QCOMPARE(ran.records.last().value(u"undoes"_s).toString(), u"run-1"_s);
        // Nothing is left for `fix undo`.
        QString error;
        QVERIFY(FixUndo::fromAudit(ran.records, u"run-1"_s, {}, &error).isEmpty());
        QVERIFY2(error.contains(u"undone already"_s), qPrintable(error));
    }

    void undoWriteFails_namesWhatIsLeftChanged()
    {
        QTemporaryDir dir;
        FakeRam ram;
        ram.failing << u"CreatePolicyVersion B"_s << u"SetDefaultPolicyVersion A"_s;
        const Ran ran = run(ram, dir.filePath(u"audit.jsonl"_s));
        QVERIFY(ran.rollback);

        QCOMPARE(ram.world(), u"A: v2 [v1 v2]; B: v1 [v1]"_s);
        QCOMPARE(ran.rollback->result, u"changed"_s);
        QCOMPARE(ran.rollback->left, QStringList{u"1"_s});
        QVERIFY(ran.rollback->undone.isEmpty());
        // Read back, not assumed: A's default is the fix's version.
        QCOMPARE(ran.rollback->moved, QStringList{u"RAM policy A default version: v1 → v2"_s});
        QVERIFY2(ran.rollback->summary.en.contains(
                     u"left changed: write 1 (New default version of A)"_s),
                 qPrintable(ran.rollback->summary.en));
        QCOMPARE(stages(ran.records).last(), u"RollbackFailed#"_s);
        // Neither its write nor its undo was sent twice.
        QCOMPARE(ram.writes, QStringList{u"CreatePolicyVersion A"_s});
        // `fix undo` by hand still has the undo of what was left, and only that.
        QString error;
        const QList<PreparedFix> undo = FixUndo::fromAudit(ran.records, u"run-1"_s, {}, &error);
        QCOMPARE(undo.size(), 1);
        QCOMPARE(undo.first().writes.size(), 1);
        QCOMPARE(undo.first().writes.first().request.params.value(u"PolicyName"_s), u"A"_s);
        QCOMPARE(undo.first().state.size(), 1); // A's default is the fix's version; not B's
    }

    void undoPrecondition_movedDefault_isNotOverwritten()
    {
        // Someone made another version the default after the fix's write: the undo's
        // precondition (the fix's version is still the default) fails, nothing is overwritten.
        QTemporaryDir dir;
        FakeRam ram;
        ram.failing << u"CreatePolicyVersion B"_s;
        AuditLog log(dir.filePath(u"audit.jsonl"_s));
        FixApplier applier(ram, log);
        const PreparedFix fix = twoPolicyFix();
        const AuditContext context = AuditContext::local(u"run-1"_s);
        std::optional<ApplyResult> applied;
        applier.apply(fix, context, true, u"Apply"_s, [&](const ApplyResult& r) { applied = r; });
        QVERIFY(QTest::qWaitFor([&] { return applied.has_value(); }));
        ram.defaults[u"A"_s] = u"v9"_s;
        FixRollback rollback(ram, log);
        std::optional<RollbackResult> result;
        rollback.start(fix, *applied, context, [&](const RollbackResult& r) { result = r; });
        QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }));
        QCOMPARE(ram.defaults[u"A"_s], u"v9"_s);
        QCOMPARE(result->result, u"changed"_s);
        QCOMPARE(result->left, QStringList{u"1"_s});
    }
};

QTEST_GUILESS_MAIN(TstFixRollback)
#include "tst_fixrollback.moc"
