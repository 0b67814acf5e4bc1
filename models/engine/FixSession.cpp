// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/engine/FixSession.h"

#include "models/engine/DiagnosisEngine.h"
#include "models/fixes/FixUndo.h"
#include "models/fixes/LiveFixTransport.h"
#include "models/fixes/StateReader.h"
#include "models/sources/ConnectionRecord.h"

#include <QTimer>

namespace unstuck {

using namespace Qt::StringLiterals;

namespace {
using Text = Bilingual;
}

struct FixSession::Private
{
    std::unique_ptr<FixTransport> transport;
    std::unique_ptr<FixPreflight> preflight;
    std::unique_ptr<AuditLog> log;
    std::unique_ptr<FixRun> run;
    DiagnosisEngine engine;
    bool readOnly = false;
    QString transportError;
    LiveConnection connection;
    int probes = 0;
};

FixSession::FixSession(QObject* parent) : QObject(parent), d(std::make_unique<Private>())
{
    connect(&d->engine, &DiagnosisEngine::probeStarted, this, [this] { ++d->probes; });
    connect(&d->engine, &DiagnosisEngine::finished, this, [this](const DiagnosisResult& result) {
        m_diagnosis = result;
        Q_EMIT progress(FixProgress{
            u"diagnose"_s,
            {},
            {},
            result.complete
                ? Text(u"diagnosed: %1 fix(es) recommended"_s, u"诊断完成：建议 %1 个修复"_s)
                      .arg(result.fixes.size())
                : Text(u"could not diagnose: %1"_s, u"无法诊断：%1"_s).arg(result.error),
            result.complete ? u"ok"_s : u"failed"_s});
        Q_EMIT diagnosed(result);
    });
}

FixSession::~FixSession()
{
    d->run.reset();
    d->preflight.reset();
}

void FixSession::setRequest(const DiagnosisRequest& request)
{
    m_request = request;
}

void FixSession::setOptions(const FixOptions& options)
{
    m_options = options;
    d->log.reset();
}

void FixSession::setTransport(std::unique_ptr<FixTransport> transport, bool readOnlyProfile)
{
    d->preflight.reset();
    d->transport = std::move(transport);
    d->readOnly = readOnlyProfile;
    makePreflight();
}

void FixSession::makePreflight()
{
    d->preflight = std::make_unique<FixPreflight>(*d->transport);
    connect(d->preflight.get(), &FixPreflight::answered, this, &FixSession::checked);
}

QString FixSession::contextName() const
{
    return d->connection.kube.contextName;
}

bool FixSession::ensureTransport(FixOutcome* outcome)
{
    if (!d->log)
        d->log = std::make_unique<AuditLog>(
            m_options.auditLogPath.isEmpty() ? AuditLog::defaultPath() : m_options.auditLogPath);
    if (d->transport)
        return true;
    if (!m_request.fromPath.isEmpty()) {
        outcome->error = u"fixes need a live connection, not a capture bundle or pasted text"_s;
        return false;
    }
    QString error;
    const auto connection = LiveSource::resolve(m_request, &error);
    if (!connection) {
        outcome->error = error;
        return false;
    }
    d->connection = *connection;
    d->readOnly = connection->readOnly;
    d->transport = std::make_unique<LiveFixTransport>(*connection, m_options.requestTimeoutMs);
    makePreflight();
    return true;
}

void FixSession::diagnose()
{
    Q_EMIT progress(
        FixProgress{u"diagnose"_s, {}, {}, Text(u"diagnosing"_s, u"正在诊断"_s), u"running"_s});
    d->engine.start(m_request);
}

void FixSession::fail(const QString& command, const QString& error, bool asPlan)
{
    FixOutcome outcome;
    outcome.command = command;
    outcome.error = error;
    outcome.exitCode = FixOutcome::CouldNotRun;
    outcome.dryRun = m_options.dryRun;
    QTimer::singleShot(0, this, [this, outcome, asPlan] {
        asPlan ? Q_EMIT planned(outcome) : Q_EMIT finished(outcome);
    });
}

void FixSession::plan(const QStringList& fixIds)
{
    auto outcome = std::make_shared<FixOutcome>();
    outcome->command = u"plan"_s;
    outcome->dryRun = m_options.dryRun;
    outcome->healAll = fixIds.isEmpty();
    outcome->diagnoses = 1;
    outcome->diagnosisRequests = d->probes;
    if (!m_diagnosis.complete)
        return fail(u"plan"_s,
                    m_diagnosis.error.isEmpty() ? u"nothing diagnosed yet"_s
                                                : u"could not diagnose: "_s + m_diagnosis.error,
                    true);
    if (!ensureTransport(outcome.get()))
        return fail(u"plan"_s, outcome->error, true);
    QList<FixPlan> plans;
    QStringList recommended;
    for (const FixPlan& p : m_diagnosis.fixes)
        recommended << p.id;
    for (const FixPlan& p : m_diagnosis.fixes)
        if (fixIds.isEmpty() || fixIds.contains(p.id))
            plans << p;
    for (const QString& id : fixIds)
        if (!recommended.contains(id))
            return fail(u"plan"_s,
                        u"%1 is not recommended for what is broken now (recommended: %2)"_s.arg(
                            id, recommended.isEmpty() ? u"none"_s : recommended.join(u", "_s)),
                        true);
    prepareAll(outcome, plans);
}

// Every fix is previewed and preflighted at once (they only read and dry-run); the outcome
// keeps them in the order asked, root first.
void FixSession::prepareAll(std::shared_ptr<FixOutcome> outcome, const QList<FixPlan>& plans)
{
    if (plans.isEmpty())
        return finishPlan(outcome);
    auto ready = std::make_shared<QList<std::optional<PreparedFix>>>(plans.size());
    for (qsizetype i = 0; i < plans.size(); ++i)
        prepareOne(plans.at(i), [this, outcome, ready, i](const PreparedFix& fix) {
            (*ready)[i] = fix;
            for (const auto& f : std::as_const(*ready))
                if (!f)
                    return;
            for (const auto& f : std::as_const(*ready))
                outcome->fixes.append(*f);
            finishPlan(outcome);
        });
}

void FixSession::prepareOne(const FixPlan& plan, std::function<void(const PreparedFix&)> done)
{
    Q_EMIT progress(
        FixProgress{u"preview"_s,
                    plan.id,
                    {},
                    Text(u"reading what %1 would change"_s, u"读取 %1 将更改的对象"_s).arg(plan.id),
                    u"running"_s});
    PrepareOptions options;
    options.rotatePolicyVersions = m_options.rotatePolicyVersions;
    FixPreparer::prepare(
        plan, *d->transport, options, this, [this, done](const PreparedFix& prepared) {
            Q_EMIT progress(FixProgress{
                u"preflight"_s,
                prepared.fixId,
                {},
                Text(u"checking before anything is written"_s, u"在写入任何内容之前进行检查"_s),
                u"running"_s});
            d->preflight->run(prepared, d->readOnly, [this, done](const PreparedFix& fix) {
                Q_EMIT progress(FixProgress{u"preflight"_s,
                                            fix.fixId,
                                            {},
                                            fix.preflightPassed()
                                                ? Text(u"every check passed"_s, u"全部检查通过"_s)
                                                : Text(u"a check failed"_s, u"有检查未通过"_s),
                                            fix.preflightPassed() ? u"ok"_s : u"failed"_s});
                done(fix);
            });
        });
}

void FixSession::finishPlan(std::shared_ptr<FixOutcome> outcome)
{
    outcome->exitCode = outcome->planExitCode();
    outcome->requests = d->transport->requestsSent();
    Q_EMIT planned(*outcome);
}

void FixSession::planUndo(const QString& auditId, const QString& onlyFix)
{
    auto outcome = std::make_shared<FixOutcome>();
    outcome->command = u"undo"_s;
    outcome->auditId = auditId;
    outcome->dryRun = m_options.dryRun;
    if (!ensureTransport(outcome.get()))
        return fail(u"undo"_s, outcome->error, true);
    QString error;
    const AuditLog::Verification chain = d->log->verify();
    if (!chain.ok)
        return fail(u"undo"_s,
                    u"the audit log %1 is damaged at line %2 (%3): its undo data cannot be "
                    u"trusted"_s.arg(d->log->path())
                        .arg(chain.brokenLine)
                        .arg(chain.reason),
                    true);
    const QList<PreparedFix> fixes =
        FixUndo::fromAudit(d->log->records(&error), auditId, onlyFix, &error);
    if (fixes.isEmpty())
        return fail(u"undo"_s, error, true);
    checkNext(outcome, fixes, int(StateReader::Since::Fix));
}

void FixSession::recheck(const QList<PreparedFix>& saved)
{
    auto outcome = std::make_shared<FixOutcome>();
    outcome->command = u"plan"_s;
    outcome->dryRun = m_options.dryRun;
    if (!ensureTransport(outcome.get()))
        return fail(u"plan"_s, outcome->error, true);
    checkNext(outcome, saved, int(StateReader::Since::Preview));
}

// Each fix: are things still as they were (at the preview, or as the fix left them for an
// undo), then the usual preflight.
void FixSession::checkNext(std::shared_ptr<FixOutcome> outcome, QList<PreparedFix> fixes, int since)
{
    if (fixes.isEmpty())
        return finishPlan(outcome);
    PreparedFix fix = fixes.takeFirst();
    fix.checks.clear();
    Q_EMIT progress(
        FixProgress{u"preview"_s,
                    fix.fixId,
                    {},
                    Text(u"checking nothing changed since then"_s, u"检查此后是否有变化"_s),
                    u"running"_s});
    StateReader::check(fix, fix.state, StateReader::Since(since), *d->transport, this,
                       [this, outcome, fixes, since](const PreparedFix& checked) {
                           d->preflight->run(
                               checked, d->readOnly,
                               [this, outcome, fixes, since](const PreparedFix& done) {
                                   outcome->fixes.append(done);
                                   checkNext(outcome, fixes, since);
                               });
                       });
}

AuditContext FixSession::auditContext(const QString& auditId) const
{
    AuditContext c = AuditContext::local(auditId);
    c.context = d->connection.kube.contextName;
    c.server = d->connection.kube.cluster.server;
    c.kubeUser = d->connection.kube.userName;
    c.connection = ConnectionRecord::toJson(m_request);
    if (d->connection.cloud)
        c.cloudRegion = d->connection.cloud->regionId;
    c.cloudAccount = d->preflight->caller().accountId();
    c.cloudIdentity = d->preflight->caller().arn();
    return c;
}

void FixSession::apply(const QList<PreparedFix>& reviewed, bool healAll)
{
    startRun(healAll ? FixRun::Mode::HealAll : FixRun::Mode::Apply, reviewed, {});
}

void FixSession::applyUndo(const QList<PreparedFix>& reviewed, const QString& auditId)
{
    startRun(FixRun::Mode::Undo, reviewed, auditId);
}

void FixSession::startRun(FixRun::Mode mode, const QList<PreparedFix>& reviewed,
                          const QString& undoes)
{
    FixOutcome probe;
    if (!ensureTransport(&probe))
        return fail(mode == FixRun::Mode::Undo ? u"undo"_s : u"apply"_s, probe.error, false);
    d->run = std::make_unique<FixRun>(*d->transport, *d->preflight, *d->log, m_request, m_options,
                                      d->readOnly);
    connect(d->run.get(), &FixRun::progress, this, &FixSession::progress);
    connect(d->run.get(), &FixRun::rediagnosed, this, &FixSession::rediagnosed);
    connect(d->run.get(), &FixRun::finished, this, [this](const FixOutcome& outcome) {
        FixOutcome out = outcome;
        out.diagnoses += 1;
        out.diagnosisRequests += d->probes;
        Q_EMIT finished(out);
    });
    const DiagnosisResult before = m_diagnosis;
    // Who writes, for the audit log: the cloud identity is read first when there is a cloud.
    d->preflight->caller().whenReady([this, mode, reviewed, undoes, before] {
        AuditContext context = auditContext(AuditLog::newAuditId());
        context.undoes = undoes;
        d->run->start(mode, before, reviewed, context);
    });
}

void FixSession::cancel()
{
    d->engine.cancel();
    if (d->run)
        d->run->cancel();
}

} // namespace unstuck
