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

// An answer that may hide an applied write: none, one cut off, or a server error (the server
// may have applied the write before it failed).
bool mayHaveApplied(const FixResponse& r)
{
    static const QStringList lost{u"unreachable"_s, u"timeout"_s, u"badresponse"_s, u"server"_s};
    return lost.contains(r.error) || r.status >= 500;
}

QJsonObject withValueAt(QJsonObject root, QStringList path, const QString& value)
{
    const QString key = path.takeFirst();
    root.insert(key, path.isEmpty() ? QJsonValue(value)
                                    : withValueAt(root.value(key).toObject(), path, value));
    return root;
}

QString withoutQuery(const QString& path)
{
    return path.section(u'?', 0, 0);
}

// Whether reading `fact` reads the object `write` changes: the same Kubernetes path, or a cloud
// read whose identifying parameters (PolicyName, RouteTableId, …) the write names alike.
bool concerns(const StateFact& fact, const FixWrite& write)
{
    const FixRequest& r = fact.read;
    if (r.isKube() != write.request.isKube())
        return false;
    if (r.isKube())
        return withoutQuery(r.path) == withoutQuery(write.request.path);
    int shared = 0;
    for (auto it = r.params.cbegin(); it != r.params.cend(); ++it) {
        if (!write.request.params.contains(it.key()) || it.key() == u"RegionId"_s)
            continue;
        if (write.request.params.value(it.key()) != it.value())
            return false;
        ++shared;
    }
    return shared > 0;
}

// The facts (indices into `facts`) about write `index`'s object and no earlier write's.
QList<qsizetype> ownFacts(const PreparedFix& fix, int index, const QList<StateFact>& facts)
{
    QList<qsizetype> out;
    for (qsizetype i = 0; i < facts.size(); ++i) {
        bool earlier = false;
        for (int w = 0; w < index && !earlier; ++w)
            earlier = concerns(facts.at(i), fix.writes.at(w));
        if (!earlier && concerns(facts.at(i), fix.writes.at(index)))
            out << i;
    }
    return out;
}

// Whether undo fact `f` guards the undo of `write`: it names the write's answer, or (naming no
// answer) reads the write's own object. Another write's facts must not guard it: after a fix that
// stopped part way, the object of a write never sent is not as its undo expects.
bool undoFactOf(const StateFact& f, const FixWrite& write)
{
    const QString any = QLatin1String(FixWrite::kFromResponse);
    const QString own = any + write.id + u':';
    if (f.value.contains(any) || f.read.canonical().contains(any))
        return f.value.contains(own) || f.read.canonical().contains(own);
    return concerns(f, write);
}

// The answer a lost one stands for, from what reading back found: each "$response:<id>:<path>"
// an undo fact expects is the live value of the state fact read the same way.
QJsonObject answerFromFacts(const PreparedFix& fix, const QString& writeId,
                            const QList<StateFact>& facts, const QStringList& values)
{
    QJsonObject answer;
    const QString prefix = QLatin1String(FixWrite::kFromResponse) + writeId + u':';
    for (const StateFact& u : fix.undoState) {
        if (!u.value.startsWith(prefix))
            continue;
        for (qsizetype i = 0; i < facts.size(); ++i)
            if (facts.at(i).read.canonical() == u.read.canonical() &&
                facts.at(i).field == u.field && values.at(i) != QLatin1String(StateFact::kAbsent))
                answer = withValueAt(answer, u.value.mid(prefix.size()).split(u'.'), values.at(i));
    }
    return answer;
}

// One write's answer as the progress line says it, with what reading back found.
Bilingual answerText(const FixResponse& r, const QString& readBack)
{
    if (readBack == u"applied"_s)
        return Text(u"read back: the write took effect"_s, u"回读：写入已生效"_s);
    if (readBack == u"not-applied"_s)
        return Text(u"%1; read back: the write did not take effect"_s, u"%1；回读：写入未生效"_s)
            .arg(r.summary());
    if (readBack == u"unknown"_s)
        return Text(u"%1; reading back could not tell whether the write took effect"_s,
                    u"%1；回读无法确认写入是否生效"_s)
            .arg(r.summary());
    const QString id = r.requestId.isEmpty() ? r.auditId : r.requestId;
    return Text(u"%1%2"_s, u"%1%2"_s)
        .arg(r.summary(), id.isEmpty() ? QString() : u" (id "_s + id + u')');
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
                // A fact that could not be read did not move: the run could not go on, no more.
                run->result.unreadable = run->result.unreadable || !reading.errors.at(i).isEmpty();
            }
            if (!run->result.moved.isEmpty()) {
                run->result.conflict = run->result.moved.size() >
                                       reading.errors.size() - reading.errors.count(QString());
                run->result.failure = run->result.moved.join(u"; "_s);
                Q_EMIT progress(run->fix.fixId, {},
                                Text(u"Stopped before any write: %1"_s, u"在任何写入之前停止：%1"_s)
                                    .arg(run->result.failure),
                                run->result.conflict ? u"conflict"_s : u"failed"_s);
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
    if (r.ok() || !mayHaveApplied(r))
        return concluded(run, index, r, {});
    if (!run->fix.state.isEmpty())
        return readBack(run, index, r);
    // Nothing to read back: the run cannot tell, and says so rather than "nothing changed".
    run->result.uncertainWrite = run->fix.writes.at(index).id;
    concluded(run, index, r,
              QJsonObject{{u"reason"_s, u"no clear answer: "_s + r.summary()},
                          {u"result"_s, u"unknown"_s},
                          {u"moved"_s, QJsonArray()}});
}

// The answer to a write was lost: sending it again could apply it twice, so its state facts are
// read back instead. Unmoved since the read before the first write: it did not take effect.
// Moved: it did, when the facts are about its own object (or it is the fix's first write).
// Otherwise, or unreadable: nobody can tell, and the run says so.
void FixApplier::readBack(std::shared_ptr<Run> run, int index, const FixResponse& lost)
{
    Q_EMIT progress(run->fix.fixId, run->fix.writes.at(index).id,
                    Text(u"No clear answer (%1): reading back whether the write took effect"_s,
                         u"未得到明确应答（%1）：回读以确认写入是否生效"_s)
                        .arg(lost.summary()),
                    u"running"_s);
    QList<StateFact> facts;
    for (const StateFact& f : std::as_const(run->fix.state))
        facts << resolve(f, run->result.responses);
    StateReader::read(
        facts, m_transport, run->fix.fixId, this,
        [this, run, index, lost, facts](const StateReader::Reading& reading) {
            // The facts about this write's own object, which no earlier write touched, tell
            // about it alone; without such facts only the first write can be told apart.
            QList<qsizetype> own = ownFacts(run->fix, index, facts);
            const bool alone = !own.isEmpty() || index == 0;
            if (own.isEmpty())
                for (qsizetype i = 0; i < facts.size(); ++i)
                    own << i;
            QJsonArray moved;
            bool unreadable = false;
            for (const qsizetype i : std::as_const(own)) {
                unreadable = unreadable || !reading.errors.at(i).isEmpty();
                if (reading.errors.at(i).isEmpty() && reading.values.at(i) != facts.at(i).value)
                    moved.append(u"%1: %2 → %3"_s.arg(facts.at(i).key, facts.at(i).value.left(200),
                                                      reading.values.at(i).left(200)));
            }
            const QString result = unreadable        ? u"unknown"_s
                                   : moved.isEmpty() ? u"not-applied"_s
                                   : alone           ? u"applied"_s
                                                     : u"unknown"_s;
            const QJsonObject found{{u"reason"_s, u"no clear answer: "_s + lost.summary()},
                                    {u"result"_s, result},
                                    {u"moved"_s, moved}};
            if (result != u"applied"_s) {
                if (result == u"unknown"_s)
                    run->result.uncertainWrite = run->fix.writes.at(index).id;
                return concluded(run, index, lost, found);
            }
            FixResponse applied = lost;
            applied.error.clear();
            applied.json =
                answerFromFacts(run->fix, run->fix.writes.at(index).id, facts, reading.values);
            applied.message = u"no clear answer (%1); reading back shows the write took "
                              "effect"_s.arg(lost.summary());
            concluded(run, index, applied, found);
        });
}

void FixApplier::concluded(std::shared_ptr<Run> run, int index, const FixResponse& r,
                           const QJsonObject& readBack)
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
    if (!readBack.isEmpty())
        after.insert(u"readBack"_s, readBack);
    if (ok)
        after.insert(u"undo"_s, undoData(*run, write));
    QString error;
    if (!m_log.append(after, &error))
        run->result.auditError = error;
    Q_EMIT progress(run->fix.fixId, write.id, answerText(r, readBack.value(u"result"_s).toString()),
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
    bool unknownIds = false;
    for (const FixWrite& u : run.fix.undo) {
        if (u.reverses != write.id)
            continue;
        const FixWrite resolved = resolve(u, run.result.responses);
        unknownIds = unknownIds || unresolved(resolved.request.canonical());
        writes.append(resolved.toJson(false));
    }
    if (unknownIds) // the write's answer was lost, and with it what the undo must name
        return QJsonObject{{u"possible"_s, false},
                           {u"writes"_s, QJsonArray()},
                           {u"state"_s, QJsonArray()},
                           {u"reason"_s, u"the write's answer was lost, so the id its undo needs "
                                         "is unknown: undo it by hand"_s}};
    for (const StateFact& f : run.fix.undoState) {
        if (!undoFactOf(f, write))
            continue;
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
