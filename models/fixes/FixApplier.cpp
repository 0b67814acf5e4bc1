// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/fixes/FixApplier.h"

#include "models/fixes/StateReader.h"

#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTimer>

namespace unstuck {

using namespace Qt::StringLiterals;

namespace {

using Text = Bilingual;

const QRegularExpression& placeholder()
{
    static const QRegularExpression re(u"\\$response:([^:\"\\s]+):([A-Za-z0-9_.]+)"_s);
    return re;
}

QString at(const QJsonObject& root, const QString& path)
{
    QJsonValue v = root;
    for (const QString& key : path.split(u'.', Qt::SkipEmptyParts)) {
        bool index = false;
        const int i = key.toInt(&index);
        v = index && v.isArray() ? v.toArray().at(i) : v.toObject().value(key);
    }
    return v.isDouble() ? QString::number(v.toDouble()) : v.toString();
}

// "Applying" / "Applied" / "ApplyFailed", "Undoing" / "Undone" / "UndoFailed".
QString stageName(const QString& stage, const QString& when)
{
    const bool undo = stage == u"Undo"_s;
    if (when == u"before"_s)
        return undo ? u"Undoing"_s : u"Applying"_s;
    if (when == u"done"_s)
        return undo ? u"Undone"_s : u"Applied"_s;
    return stage + u"Failed"_s;
}

} // namespace

QJsonObject AuditContext::toJson() const
{
    QJsonObject o{
        {u"cluster"_s, QJsonObject{{u"context"_s, context}, {u"server"_s, server}}},
        {u"cloud"_s, QJsonObject{{u"accountId"_s, cloudAccount}, {u"region"_s, cloudRegion}}},
        {u"identity"_s, QJsonObject{{u"osUser"_s, osUser},
                                    {u"host"_s, host},
                                    {u"kubeUser"_s, kubeUser},
                                    {u"cloudPrincipal"_s, cloudIdentity}}}};
    if (!undoes.isEmpty())
        o.insert(u"undoes"_s, undoes);
    if (!connection.isEmpty())
        o.insert(u"connection"_s, connection);
    return o;
}

AuditContext AuditContext::local(const QString& auditId)
{
    AuditContext c;
    c.auditId = auditId;
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    c.osUser = env.value(u"USER"_s, env.value(u"USERNAME"_s));
    c.host = QHostInfo::localHostName();
    return c;
}

QString FixApplier::substitute(const QString& text, const QMap<QString, QJsonObject>& responses)
{
    QString out = text;
    auto it = placeholder().globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        if (responses.contains(m.captured(1)))
            out.replace(m.captured(0), at(responses.value(m.captured(1)), m.captured(2)));
    }
    return out;
}

bool FixApplier::unresolved(const QString& text)
{
    return text.contains(QLatin1String(FixWrite::kFromResponse));
}

FixWrite FixApplier::resolve(FixWrite w, const QMap<QString, QJsonObject>& responses)
{
    w.request.path = substitute(w.request.path, responses);
    w.request.body = substitute(QString::fromUtf8(w.request.body), responses).toUtf8();
    w.request.command = substitute(w.request.command, responses);
    for (auto it = w.request.params.begin(); it != w.request.params.end(); ++it)
        it.value() = substitute(it.value(), responses);
    return w;
}

StateFact FixApplier::resolve(StateFact f, const QMap<QString, QJsonObject>& responses)
{
    f.value = substitute(f.value, responses);
    f.read.path = substitute(f.read.path, responses);
    for (auto it = f.read.params.begin(); it != f.read.params.end(); ++it)
        it.value() = substitute(it.value(), responses);
    return f;
}

struct FixApplier::Run
{
    PreparedFix fix;
    AuditContext context;
    QString stage;
    Done done;
    ApplyResult result;
    int index = 0;
};

FixApplier::FixApplier(FixTransport& transport, AuditLog& log, QObject* parent)
    : QObject(parent), m_transport(transport), m_log(log)
{}

void FixApplier::apply(const PreparedFix& fix, const AuditContext& context, bool writesEnabled,
                       const QString& stage, Done done)
{
    auto run = std::make_shared<Run>();
    run->fix = fix;
    run->context = context;
    run->stage = stage;
    run->done = std::move(done);
    run->result.fixId = fix.fixId;
    for (const FixWrite& w : fix.writes)
        run->result.notApplied << w.id;
    if (!writesEnabled) {
        run->result.refused = true;
        QTimer::singleShot(0, this, [run] { run->done(run->result); });
        return;
    }
    Q_EMIT progress(fix.fixId, {},
                    Text(u"Reading again what the preview read"_s, u"重新读取预览时读取的状态"_s),
                    u"running"_s);
    StateReader::read(
        fix.state, m_transport, fix.fixId, this, [this, run](const StateReader::Reading& reading) {
            for (qsizetype i = 0; i < run->fix.state.size(); ++i) {
                const StateFact& f = run->fix.state.at(i);
                const PreflightCheck c =
                    StateReader::compare(run->fix.fixId, f, reading.values.at(i), f.value,
                                         reading.errors.at(i), StateReader::Since::Preview);
                if (!c.ok())
                    run->result.moved << f.key + u": "_s + c.reason.en;
            }
            if (!run->result.moved.isEmpty()) {
                run->result.conflict = true;
                run->result.failure = run->result.moved.join(u"; "_s);
                Q_EMIT progress(run->fix.fixId, {},
                                Text(u"Stopped before any write: %1"_s, u"在任何写入之前停止：%1"_s)
                                    .arg(run->result.failure),
                                u"conflict"_s);
                return run->done(run->result);
            }
            next(run);
        });
}

void FixApplier::next(std::shared_ptr<Run> run)
{
    if (run->index >= run->fix.writes.size())
        return run->done(run->result);
    if (m_cancelled) {
        run->result.failure = u"cancelled before write %1"_s.arg(run->fix.writes.at(run->index).id);
        run->result.failedWrite = run->fix.writes.at(run->index).id;
        return run->done(run->result);
    }
    send(run, run->index);
}

void FixApplier::send(std::shared_ptr<Run> run, int index)
{
    // Earlier writes' answers may be needed (an undo deletes the entry a create returned).
    const FixWrite write = resolve(run->fix.writes.at(index), run->result.responses);
    QString error;
    if (!m_log.append(record(*run, write, stageName(run->stage, u"before"_s)), &error)) {
        run->result.auditError = error;
        run->result.failedWrite = write.id;
        run->result.failure = u"the audit log could not be written: "_s + error;
        return run->done(run->result);
    }
    Q_EMIT progress(run->fix.fixId, write.id,
                    Text(u"%1/%2 %3"_s, u"%1/%2 %3"_s)
                        .arg(index + 1)
                        .arg(run->fix.writes.size())
                        .arg(write.description),
                    u"running"_s);
    m_transport.send(write.request, run->fix.fixId, this,
                     [this, run, index](const FixResponse& r) { finished(run, index, r); });
}

void FixApplier::finished(std::shared_ptr<Run> run, int index, const FixResponse& r)
{
    const FixWrite& write = run->fix.writes.at(index);
    const bool ok = r.ok();
    if (ok) {
        run->result.responses.insert(write.id, r.json);
        run->result.applied << write.id;
        run->result.notApplied.removeAll(write.id);
    }
    QJsonObject after = record(*run, resolve(write, run->result.responses),
                               stageName(run->stage, ok ? u"done"_s : u"failed"_s));
    after.insert(u"response"_s, QJsonObject{{u"status"_s, r.status},
                                            {u"code"_s, r.code},
                                            {u"message"_s, r.message},
                                            {u"requestId"_s, r.requestId},
                                            {u"k8sAuditId"_s, r.auditId}});
    if (ok)
        after.insert(u"undo"_s, undoData(*run, write));
    QString error;
    if (!m_log.append(after, &error))
        run->result.auditError = error;
    const QString id = r.requestId.isEmpty() ? r.auditId : r.requestId;
    Q_EMIT progress(run->fix.fixId, write.id,
                    Text(u"%1%2"_s, u"%1%2"_s)
                        .arg(r.summary(), id.isEmpty() ? QString() : u" (id "_s + id + u')'),
                    ok ? u"ok"_s : u"failed"_s);
    if (!ok) {
        run->result.failedWrite = write.id;
        run->result.failure = r.summary();
        run->result.conflict = r.isConflict();
        run->result.forbidden = r.error == u"forbidden"_s;
        return run->done(run->result);
    }
    if (!run->result.auditError.isEmpty()) {
        run->result.failure = u"the audit log could not be written: "_s + run->result.auditError;
        return run->done(run->result);
    }
    ++run->index;
    next(run);
}

QJsonObject FixApplier::record(const Run& run, const FixWrite& write, const QString& stage) const
{
    QJsonObject r = run.context.toJson();
    r.insert(u"auditId"_s, run.context.auditId);
    r.insert(u"fixId"_s, run.fix.fixId);
    r.insert(u"planId"_s, run.fix.planId);
    r.insert(u"stepId"_s, write.id);
    r.insert(u"stage"_s, stage);
    r.insert(u"title"_s, run.fix.title.en);
    r.insert(u"titleZh"_s, run.fix.title.zh);
    r.insert(u"description"_s, write.description.en);
    r.insert(u"request"_s, write.request.toJson());
    r.insert(u"fingerprint"_s, run.fix.fingerprint());
    if (write.request.params.contains(u"ClientToken"_s))
        r.insert(u"clientToken"_s, write.request.params.value(u"ClientToken"_s));
    r.insert(u"before"_s, write.before.isUndefined() ? QJsonValue() : write.before);
    r.insert(u"after"_s, write.after.isUndefined() ? QJsonValue() : write.after);
    r.insert(u"diff"_s, write.diff());
    r.insert(u"tool"_s, QJsonObject{{u"name"_s, u"unstuck"_s},
                                    {u"version"_s, QStringLiteral(UNSTUCK_VERSION)},
                                    {u"fieldManager"_s, u"unstuck"_s},
                                    {u"userAgent"_s,
                                     QString::fromUtf8(FixTransport::userAgent(run.fix.fixId))}});
    return r;
}

// What undoing this write needs, resolved with the answers so far: the reversing writes and the
// facts that must hold before they are sent.
QJsonObject FixApplier::undoData(const Run& run, const FixWrite& write) const
{
    QJsonArray writes, state;
    for (const FixWrite& u : run.fix.undo)
        if (u.reverses == write.id)
            writes.append(resolve(u, run.result.responses).toJson(false));
    for (const StateFact& f : run.fix.undoState) {
        const StateFact resolved = resolve(f, run.result.responses);
        if (!unresolved(resolved.value) && !unresolved(resolved.read.canonical()))
            state.append(resolved.toJson());
    }
    QJsonObject undo{
        {u"possible"_s, !writes.isEmpty()}, {u"writes"_s, writes}, {u"state"_s, state}};
    if (writes.isEmpty())
        undo.insert(u"reason"_s,
                    run.fix.noUndo.isEmpty() ? u"nothing to undo"_s : run.fix.noUndo.en);
    return undo;
}

} // namespace unstuck
