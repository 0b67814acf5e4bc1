// SPDX-License-Identifier: GPL-3.0-or-later
// The report's "Fix applied" section: after a fix ran, the exported Markdown and HTML say what
// was changed, when, by whom, where, and what verify found (issue 12 §2), in the report's
// language. Built from the fix engine's FixOutcome and audit records in the shapes
// docs/fix-json.md documents.
#include "models/writers/ReportWriter.h"

#include <QJsonArray>
#include <QTest>

using namespace unstuck;
using namespace Qt::StringLiterals;

namespace {

QJsonObject record(const QString& stage, const QString& time)
{
    QJsonObject r{{u"auditId"_s, u"20261207T073000Z-1a2b3c4d"_s},
                  {u"fixId"_s, u"ram-policy"_s},
                  {u"stepId"_s, u"1"_s},
                  {u"stage"_s, stage},
                  {u"time"_s, time},
                  {u"title"_s, u"Turn the Deny back to Allow"_s},
                  {u"description"_s, u"Create version v4 of k8sMasterRolePolicy"_s},
                  {u"cluster"_s, QJsonObject{{u"context"_s, u"prod-ack"_s},
                                             {u"server"_s, u"https://10.0.0.1:6443"_s}}},
                  {u"cloud"_s,
                   QJsonObject{{u"accountId"_s, u"1234567890"_s}, {u"region"_s, u"cn-hangzhou"_s}}},
                  {u"identity"_s, QJsonObject{{u"osUser"_s, u"alice"_s},
                                              {u"host"_s, u"laptop"_s},
                                              {u"kubeUser"_s, u"alice@example.com"_s},
                                              {u"cloudPrincipal"_s, u"RamUser:alice"_s}}},
                  {u"request"_s, QJsonObject{{u"api"_s, u"cloud"_s},
                                             {u"product"_s, u"ram"_s},
                                             {u"action"_s, u"CreatePolicyVersion"_s}}},
                  {u"diff"_s, QJsonArray{QJsonObject{{u"op"_s, u"replace"_s},
                                                     {u"path"_s, u"/Statement/0/Effect"_s},
                                                     {u"value"_s, u"Allow"_s}}}}};
    if (stage == u"Applied"_s)
        r.insert(u"response"_s, QJsonObject{{u"status"_s, 200}, {u"requestId"_s, u"R-1"_s}});
    return r;
}

AppliedFixRun ramFixRun(bool healed)
{
    AppliedFixRun run;
    FixOutcome& o = run.outcome;
    o.command = u"apply"_s;
    o.auditId = u"20261207T073000Z-1a2b3c4d"_s;
    PreparedFix fix;
    fix.fixId = u"ram-policy"_s;
    fix.title = Bilingual(u"Turn the Deny back to Allow"_s, u"将 Deny 改回 Allow"_s);
    FixWrite write;
    write.id = u"1"_s;
    write.description = Bilingual(u"Create version v4 of k8sMasterRolePolicy"_s,
                                  u"为 k8sMasterRolePolicy 创建版本 v4"_s);
    fix.writes << write;
    o.fixes << fix;
    o.results << FixResult{u"ram-policy"_s, u"applied"_s, {}, {u"1"_s}, {}};
    o.verified = healed;
    if (!healed)
        o.stillRed << u"apiserver→metrics-server: APIService Available=False"_s;
    o.verifyLog << Bilingual(u"route entry 172.16.1.0/24: Pending → Available"_s,
                             u"路由条目 172.16.1.0/24：Pending → Available"_s);
    run.records << record(u"Applying"_s, u"2026-12-07T07:30:00.000Z"_s)
                << record(u"Applied"_s, u"2026-12-07T07:30:02.000Z"_s);
    return run;
}

} // namespace

class TestFixApplied : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void markdown_saysWhatWhenWhoAndTheVerification()
    {
        const QString md = ReportWriter::markdown({}, Language::English, {ramFixRun(true)});
        QVERIFY(md.contains(u"## Fix applied"_s));
        QVERIFY(md.contains(u"Turn the Deny back to Allow (`ram-policy`): applied"_s));
        QVERIFY(md.contains(u"2026-12-07T07:30:00.000Z – 2026-12-07T07:30:02.000Z"_s));
        QVERIFY2(
            md.contains(u"alice@laptop, Kubernetes: alice@example.com, cloud: RamUser:alice"_s),
            qPrintable(md));
        QVERIFY(md.contains(u"prod-ack (https://10.0.0.1:6443) 1234567890 / cn-hangzhou"_s));
        QVERIFY(
            md.contains(u"Create version v4 of k8sMasterRolePolicy — `ram:CreatePolicyVersion`"_s));
        QVERIFY2(md.contains(u"replace /Statement/0/Effect \"Allow\""_s), qPrintable(md));
        QVERIFY(md.contains(u"**Verification:** healed"_s));
        QVERIFY(md.contains(u"unstuck fix undo 20261207T073000Z-1a2b3c4d"_s));
        QVERIFY(md.contains(u"Pending → Available"_s));
        // Each write once, from its record after it ran (not the "Applying" one before it).
        QCOMPARE(md.count(u"Create version v4"_s), 1);
    }

    void notHealed_namesWhatIsStillRed()
    {
        const QString md = ReportWriter::markdown({}, Language::English, {ramFixRun(false)});
        QVERIFY2(md.contains(u"not healed within the deadline; still red: "
                             "apiserver→metrics-server"_s),
                 qPrintable(md));
    }

    void chineseReport_isInChinese()
    {
        const QString md = ReportWriter::markdown({}, Language::Chinese, {ramFixRun(true)});
        QVERIFY(md.contains(u"## 已应用的修复"_s));
        QVERIFY(md.contains(u"将 Deny 改回 Allow"_s));
        QVERIFY(md.contains(u"为 k8sMasterRolePolicy 创建版本 v4"_s));
        QVERIFY(md.contains(u"**验证结果：** 已修复"_s));
    }

    void html_hasTheSectionEscaped()
    {
        const QString html = ReportWriter::html({}, {}, Language::English, {ramFixRun(true)});
        QVERIFY(html.contains(u"<h2>Fix applied</h2>"_s));
        QVERIFY(html.contains(u"<th>By</th><td>alice@laptop"_s));
        QVERIFY(html.contains(
            u"<pre class=\"diff\">replace /Statement/0/Effect &quot;Allow&quot;</pre>"_s));
        QVERIFY(html.indexOf(u"Fix applied"_s) < html.indexOf(u"<h2>Narrative</h2>"_s));
    }

    void noFixRan_noSection()
    {
        AppliedFixRun plan = ramFixRun(true);
        plan.outcome.command = u"plan"_s;
        plan.records.clear(); // a plan writes nothing to the audit log
        QVERIFY(!ReportWriter::markdown({}, Language::English, {plan}).contains(u"Fix applied"_s));
        QVERIFY(!ReportWriter::markdown({}).contains(u"Fix applied"_s));
        QVERIFY(!ReportWriter::html({}, {}, Language::English, {plan}).contains(u"Fix applied"_s));
    }

    void recordsOf_picksOneRun()
    {
        QList<QJsonObject> all = ramFixRun(true).records;
        QJsonObject other = all.first();
        other.insert(u"auditId"_s, u"another"_s);
        all << other;
        QCOMPARE(AppliedFixRun::recordsOf(all, u"20261207T073000Z-1a2b3c4d"_s).size(), 2);
        QCOMPARE(AppliedFixRun::recordsOf(all, u"another"_s).size(), 1);
        QVERIFY(AppliedFixRun::recordsOf(all, {}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFixApplied)
#include "tst_fix_applied.moc"
