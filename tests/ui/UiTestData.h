// SPDX-License-Identifier: GPL-3.0-or-later
// Results built by hand for the view tests (the engine's own output is tested in e2e/diagnosis).
#pragma once

#include "models/verdict/DiagnosisResult.h"
#include "ui/DiagnosisRunner.h"

#include <QJsonObject>
#include <QTimer>

namespace unstuck::uitest {

// True when the text holds Chinese ideographs (a translated sentence, not plain English).
inline bool hasCjk(const QString& text)
{
    for (const QChar c : text)
        if (c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff)
            return true;
    return false;
}

inline Evidence evidence(const QString& title, const QString& field, const QString& value,
                         const QString& raw, const QString& command)
{
    Evidence e;
    e.title = title;
    e.request = QStringLiteral("GET /test");
    e.status = 200;
    e.field = field;
    e.value = value;
    e.raw = raw;
    e.at = QDateTime::currentDateTimeUtc();
    e.command = command;
    e.source = QStringLiteral("live");
    return e;
}

// The seed incident: every link of the chain broken, the RAM policy denies vpc:*.
inline DiagnosisResult seedResult()
{
    DiagnosisResult r;
    r.context = QStringLiteral("test");
    r.source = QStringLiteral("live");
    r.complete = true;
    r.startedAt = QDateTime::currentDateTimeUtc().addMSecs(-500);
    r.finishedAt = QDateTime::currentDateTimeUtc();
    StuckNamespace ns;
    ns.name = QStringLiteral("tobedeletedb");
    ns.phase = QStringLiteral("Terminating");
    ns.deletionTimestamp = QDateTime::currentDateTimeUtc().addSecs(-3600);
    ns.conditions << QJsonObject{
        {QStringLiteral("type"), QStringLiteral("NamespaceDeletionDiscoveryFailure")},
        {QStringLiteral("status"), QStringLiteral("True")},
        {QStringLiteral("message"), QStringLiteral("metrics.k8s.io/v1beta1: 503")}};
    r.namespaces << ns;
    auto comp = [&r](const char* id, const char* label, ComponentState s, const char* summary) {
        ComponentVerdict v;
        v.id = QString::fromLatin1(id);
        v.label = QString::fromLatin1(label);
        v.object = QStringLiteral("obj-") + v.id;
        v.state = s;
        v.summary = QString::fromLatin1(summary);
        r.components << v;
    };
    comp(ids::NamespaceController, "Namespace Controller", ComponentState::Failing,
         "discovery failed");
    comp(ids::ApiServer, "API Server", ComponentState::Healthy, "serving");
    comp(ids::MetricsServer, "Metrics Server", ComponentState::Failing,
         "APIService Available=False");
    comp(ids::VpcRouteTable, "VPC route table", ComponentState::Failing, "route missing");
    comp(ids::RouteController, "Route Controller", ComponentState::Failing, "cannot describe VPC");
    comp(ids::RamPolicy, "RAM policy", ComponentState::Failing, "vpc:* denied");
    r.components.last().evidence << evidence(
        QStringLiteral("Policy denies vpc:*"), QStringLiteral("Statement[0].Effect"),
        QStringLiteral("Deny"),
        QStringLiteral("{\"Statement\":[{\"Action\":\"vpc:*\",\"Effect\":\"Deny\"}]}"),
        QStringLiteral("aliyun ram GetPolicyVersion --PolicyName p"));
    auto link = [&r](const char* from, const char* to, LinkState s) {
        LinkVerdict l;
        l.from = QString::fromLatin1(from);
        l.to = QString::fromLatin1(to);
        l.state = s;
        l.summary = QStringLiteral("summary ") + l.id();
        r.links << l;
    };
    link(ids::NamespaceController, ids::ApiServer, LinkState::Broken);
    link(ids::ApiServer, ids::MetricsServer, LinkState::Broken);
    link(ids::MetricsServer, ids::VpcRouteTable, LinkState::Broken);
    link(ids::RouteController, ids::VpcRouteTable, LinkState::Broken);
    link(ids::RouteController, ids::RamPolicy, LinkState::Broken);
    r.rootCause =
        RootCause{QString::fromLatin1(ids::RamPolicy), {}, {}, QStringLiteral("vpc:* denied")};
    for (const auto& l : r.links)
        r.redPath << l.id();
    for (const auto& c : r.components)
        r.redPath << c.id;
    FixPlan f;
    f.id = QStringLiteral("ram-policy-allow");
    f.title = QStringLiteral("Allow vpc actions");
    f.why = QStringLiteral("the route controller needs them");
    f.risk = QStringLiteral("low");
    FixStep s;
    s.description = QStringLiteral("new policy version");
    s.command = QStringLiteral("aliyun ram CreatePolicyVersion");
    f.steps << s;
    f.undo << s;
    r.fixes << f;
    r.narrativeEn = QStringLiteral("The namespace is stuck.\nThe RAM policy denies vpc:*.");
    r.narrativeZh = QStringLiteral("命名空间卡住了。\nRAM policy 拒绝了 vpc:*。");
    return r;
}

// Plays a result back like the engine would: probes, a partial result, then the final one.
class ScriptedRunner : public ui::DiagnosisRunner
{
public:
    DiagnosisResult next = seedResult();
    int starts = 0;
    DiagnosisRequest lastRequest;
    void start(const DiagnosisRequest& request) override
    {
        ++starts;
        lastRequest = request;
        m_running = true;
        QTimer::singleShot(10, this, [this] {
            Q_EMIT probeStarted(1, Bilingual(QStringLiteral("Terminating namespaces"),
                                             QStringLiteral("Terminating 状态的命名空间")));
            Q_EMIT probeStarted(2, Bilingual::same(QStringLiteral("ram:GetPolicyVersion")));
            DiagnosisResult partial = next;
            partial.complete = false;
            partial.rootCause.reset();
            Q_EMIT progress(partial);
            QTimer::singleShot(30, this, [this] {
                if (!m_running)
                    return;
                Q_EMIT probeFinished(1, true, QStringLiteral("ok"));
                Q_EMIT probeFinished(2, false, QStringLiteral("denied"));
                m_running = false;
                Q_EMIT finished(next);
            });
        });
    }
    void cancel() override
    {
        if (!m_running)
            return;
        m_running = false;
        DiagnosisResult r = next;
        r.complete = false;
        Q_EMIT finished(r);
    }
    bool isRunning() const override { return m_running; }

private:
    bool m_running = false;
};

} // namespace unstuck::uitest
