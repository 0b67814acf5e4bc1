// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/engine/FixVerifier.h"

#include "models/engine/DiagnosisEngine.h"
#include "models/fixes/FixPreflight.h"
#include "models/fixes/StateReader.h"
#include "models/tickets/KubePath.h"
#include "models/verdict/Vocabulary.h"

namespace unstuck {

using namespace Qt::StringLiterals;

namespace {

using Text = Bilingual;

Bilingual shown(const QString& value)
{
    if (value == QLatin1String(StateFact::kAbsent))
        return {u"gone"_s, u"已消失"_s};
    if (value == u"<none>"_s)
        return {u"none"_s, u"无"_s};
    return Bilingual::same(value);
}

using Watched = FixVerifier::WatchedFact;

Watched watch(const QString& key, const FixRequest& read, const QString& field,
              const QStringList& healed)
{
    Watched w;
    w.fact.key = key;
    w.fact.read = read;
    w.fact.field = field;
    w.healed = healed;
    return w;
}

const QString kAbsent = QString::fromLatin1(StateFact::kAbsent);

Watched routeEntry(const FixStep& s)
{
    QMap<QString, QString> p{
        {u"RouteTableId"_s, s.params.value(u"RouteTableId"_s)},
        {u"DestinationCidrBlock"_s, s.params.value(u"DestinationCidrBlock"_s)}};
    if (!s.params.value(u"RegionId"_s).isEmpty())
        p.insert(u"RegionId"_s, s.params.value(u"RegionId"_s));
    return watch(u"route entry %1"_s.arg(p.value(u"DestinationCidrBlock"_s)),
                 FixRequest::cloud(u"vpc"_s, u"DescribeRouteEntryList"_s, p),
                 u"RouteEntrys.RouteEntry.0.Status"_s, {u"Available"_s});
}

void watchPlan(const FixPlan& plan, QList<Watched>& out, QStringList& keys)
{
    for (const FixStep& s : plan.steps) {
        Watched w;
        if (plan.id == u"apiservice-delete"_s && s.method == u"DELETE"_s)
            // Healed either way: available again, or deleted as a stale one.
            w = watch(u"APIService %1 Available"_s.arg(KubePath::parse(s.target).name),
                      FixRequest::kube("GET", s.target),
                      u"status.conditions[type=Available].status"_s, {u"True"_s, kAbsent});
        else if (s.method == u"vpc:CreateRouteEntry"_s)
            w = routeEntry(s);
        if (!w.fact.key.isEmpty() && !keys.contains(w.fact.key)) {
            keys << w.fact.key;
            out << w;
        }
    }
}

// A component or link as the graph's cards name it, in both languages.
Bilingual nameOf(const DiagnosisResult& result, const QString& id)
{
    const ComponentVerdict* c = result.component(id);
    const QString label = c ? c->label : QString();
    return {vocabulary::componentName(id, label, Language::English),
            vocabulary::componentName(id, label, Language::Chinese)};
}

Bilingual linkName(const DiagnosisResult& result, const LinkVerdict& link)
{
    const Bilingual from = nameOf(result, link.from), to = nameOf(result, link.to);
    return {from.en + u" → "_s + to.en, from.zh + u" → "_s + to.zh};
}

} // namespace

FixVerifier::FixVerifier(DiagnosisRequest request, FixTransport& transport, QObject* parent)
    : QObject(parent), m_request(std::move(request)), m_transport(transport),
      m_engine(std::make_unique<DiagnosisEngine>())
{
    m_next.setSingleShot(true);
    connect(&m_next, &QTimer::timeout, this, &FixVerifier::round);
    connect(m_engine.get(), &DiagnosisEngine::probeStarted, this, [this] { ++m_probes; });
    connect(m_engine.get(), &DiagnosisEngine::finished, this,
            [this](const DiagnosisResult& result) {
                if (!m_running)
                    return;
                ++m_diagnoses;
                diagnosed(result);
            });
}

FixVerifier::~FixVerifier() = default;

QList<FixVerifier::WatchedFact> FixVerifier::watchFacts(const DiagnosisResult& before)
{
    QList<WatchedFact> out;
    QStringList keys;
    for (const FixPlan& plan : before.fixes)
        watchPlan(plan, out, keys);
    for (const StuckNamespace& ns : before.namespaces) {
        WatchedFact w = watch(u"namespace %1"_s.arg(ns.name),
                              FixRequest::kube("GET", u"/api/v1/namespaces/"_s + ns.name),
                              u"status.phase"_s, {kAbsent});
        w.isNamespace = true;
        out << w;
    }
    return out;
}

bool FixVerifier::looksHealed(const QList<WatchedFact>& watch, const QStringList& values)
{
    bool anyNamespace = false, namespacesGone = true, allHealed = !watch.isEmpty();
    for (qsizetype i = 0; i < watch.size(); ++i) {
        const bool healedValue = watch.at(i).healed.contains(values.value(i));
        allHealed &= healedValue;
        if (watch.at(i).isNamespace) {
            anyNamespace = true;
            namespacesGone &= healedValue;
        }
    }
    // A namespace goes last: once each is gone the rest is for the diagnosis to confirm.
    return anyNamespace ? namespacesGone : allHealed;
}

bool FixVerifier::healed(const DiagnosisResult& before, const DiagnosisResult& now)
{
    if (!now.complete || now.rootCause)
        return false;
    for (const StuckNamespace& was : before.namespaces)
        for (const StuckNamespace& is : now.namespaces)
            if (was.name == is.name)
                return false;
    return true;
}

QStringList FixVerifier::red(const DiagnosisResult& result)
{
    QStringList out;
    if (!result.complete && !result.error.isEmpty())
        out << u"diagnosis: "_s + result.error;
    for (const ComponentVerdict& c : result.components)
        if (c.state == ComponentState::Failing)
            out << c.id + u": "_s + c.summary;
    for (const LinkVerdict& l : result.links)
        if (l.state == LinkState::Broken)
            out << l.id() + u": "_s + l.summary;
    for (const StuckNamespace& ns : result.namespaces)
        out << u"namespace %1: %2"_s.arg(ns.name, ns.phase);
    return out;
}

QList<Bilingual> FixVerifier::redText(const DiagnosisResult& result)
{
    QList<Bilingual> out;
    if (!result.complete && !result.error.isEmpty())
        out << Text(u"diagnosis: %1"_s, u"诊断：%1"_s).arg(result.error);
    const auto named = [](const Bilingual& name, const Bilingual& summary) {
        return Text(u"%1: %2"_s, u"%1：%2"_s).arg(name, summary);
    };
    // The root cause first: it is what a person has to act on.
    const auto& root = result.rootCause;
    for (const ComponentVerdict& c : result.components)
        if (c.state == ComponentState::Failing) {
            const bool first = root && root->component == c.id;
            out.insert(first ? 0 : out.size(), named(nameOf(result, c.id), c.summaryText()));
        }
    for (const LinkVerdict& l : result.links)
        if (l.state == LinkState::Broken) {
            const bool first =
                root && root->component.isEmpty() && root->from == l.from && root->to == l.to;
            out.insert(first ? 0 : out.size(), named(linkName(result, l), l.summaryText()));
        }
    for (const StuckNamespace& ns : result.namespaces)
        out << named(FixPreflight::stateLabel(u"namespace "_s + ns.name),
                     Bilingual::same(ns.phase));
    return out;
}

void FixVerifier::start(const DiagnosisResult& before, int timeoutMs, int intervalMs)
{
    m_before = m_last = before;
    m_watch = watchFacts(before);
    m_watchValues = QStringList(m_watch.size(), QString());
    m_valuesDiagnosed.clear();
    m_timeoutMs = timeoutMs;
    m_intervalMs = intervalMs;
    m_readsSinceDiagnosis = 0;
    m_running = true;
    m_clock.start();
    round();
}

void FixVerifier::cancel()
{
    m_running = false;
    m_next.stop();
    m_engine->cancel();
}

void FixVerifier::round()
{
    if (!m_running)
        return;
    ++m_rounds;
    QList<StateFact> facts;
    for (const WatchedFact& w : std::as_const(m_watch))
        facts << w.fact;
    StateReader::read(facts, m_transport, u"verify"_s, this,
                      [this](const StateReader::Reading& reading) {
                          if (m_running)
                              factsRead(reading.values);
                      });
}

void FixVerifier::factsRead(const QStringList& values)
{
    reportFacts(values);
    if (needsDiagnosis(values))
        return diagnose(values);
    ++m_readsSinceDiagnosis;
    // Waiting for the facts still short of healed, as they were read.
    QStringList stillRed;
    QList<Bilingual> text;
    for (qsizetype i = 0; i < m_watch.size(); ++i)
        if (!m_watch.at(i).healed.contains(values.at(i))) {
            const QString key = m_watch.at(i).fact.key;
            stillRed << key + u": "_s + values.at(i);
            text << Text(u"%1: %2"_s, u"%1：%2"_s)
                        .arg(FixPreflight::stateLabel(key), shown(values.at(i)));
        }
    waitFor(stillRed, text, m_intervalMs);
}

// A whole diagnosis when the facts cannot tell: they say healed (and moved since the last one
// said otherwise), one could not be read, there are none, the safety net is due, or time is up;
// following the chain, whenever they moved.
bool FixVerifier::needsDiagnosis(const QStringList& values)
{
    if (m_watch.isEmpty() || values.contains(QString()))
        return true;
    const bool moved = values != m_valuesDiagnosed;
    if (moved && (m_followsChain || looksHealed(m_watch, values)))
        return true;
    return m_readsSinceDiagnosis + 1 >= kReadsPerDiagnosis || m_clock.elapsed() >= m_timeoutMs;
}

void FixVerifier::diagnose(const QStringList& values)
{
    m_valuesDiagnosed = values;
    m_readsSinceDiagnosis = 0;
    m_engine->start(m_request);
}

void FixVerifier::reportFacts(const QStringList& values)
{
    for (qsizetype i = 0; i < m_watch.size(); ++i) {
        const QString now = values.at(i);
        const QString was = m_watchValues.at(i);
        if (now.isEmpty() || now == was)
            continue; // unreadable (no cloud access) or unchanged
        m_watchValues[i] = now;
        const QString key = m_watch.at(i).fact.key;
        Q_EMIT progress(
            was.isEmpty()
                ? Text(u"%1: %2"_s, u"%1：%2"_s).arg(FixPreflight::stateLabel(key), shown(now))
                : Text(u"%1: %2 → %3"_s, u"%1：%2 → %3"_s)
                      .arg(FixPreflight::stateLabel(key), shown(was), shown(now)),
            key);
    }
}

void FixVerifier::report(const DiagnosisResult& now)
{
    for (const ComponentVerdict& c : now.components) {
        const ComponentVerdict* was = m_last.component(c.id);
        if (was && was->state == ComponentState::Failing && c.state == ComponentState::Healthy)
            Q_EMIT progress(Text(u"%1 is healthy now"_s, u"%1 已恢复正常"_s).arg(nameOf(now, c.id)),
                            c.id);
    }
    for (const LinkVerdict& l : now.links) {
        const LinkVerdict* was = m_last.link(l.from, l.to);
        if (was && was->state == LinkState::Broken && l.state == LinkState::Ok)
            Q_EMIT progress(Text(u"%1 is ok now"_s, u"%1 已恢复"_s).arg(linkName(now, l)), l.id());
    }
    if (now.complete)
        m_last = now;
}

void FixVerifier::diagnosed(const DiagnosisResult& now)
{
    report(now);
    if (now.complete)
        Q_EMIT rediagnosed(now);
    else
        m_valuesDiagnosed.clear(); // the facts have not been confirmed: ask again next round
    if (healed(m_before, now)) {
        m_running = false;
        Q_EMIT progress(Text(u"healed: the diagnosis finds no root cause and the stuck namespaces "
                             "are gone"_s,
                             u"已修复：诊断不再发现根因，卡住的命名空间已消失"_s),
                        {});
        Q_EMIT finished(true, now, {});
        return;
    }
    const QStringList stillRed = red(now.complete ? now : m_last);
    if (m_clock.elapsed() >= m_timeoutMs) {
        m_running = false;
        Q_EMIT finished(false, m_last, stillRed);
        return;
    }
    // A diagnosis costs some 28 requests, a reading 3: after one, twice the pause (a second by
    // default, as when every round was a diagnosis), even when each round needs one because a
    // fact cannot be read.
    waitFor(stillRed, redText(now.complete ? now : m_last), 2 * m_intervalMs);
}

// Says what is still red when it changes (compared whole: the first item alone can be 300
// characters long), and every 15 s while nothing does; then the next round after `pauseMs`.
void FixVerifier::waitFor(const QStringList& stillRed, const QList<Bilingual>& text, int pauseMs)
{
    const QString waiting = stillRed.join(u'\n');
    if (waiting != m_lastWaiting || m_clock.elapsed() - m_lastWaitingAt >= 15000) {
        m_lastWaiting = waiting;
        m_lastWaitingAt = m_clock.elapsed();
        const Bilingual list = Bilingual::join(text.mid(0, 3), u"; "_s, u"；"_s);
        Q_EMIT progress(Text(u"waiting (%1 s of %2 s) for: %3"_s, u"等待中（%1 秒 / %2 秒）：%3"_s)
                            .arg(QString::number(m_clock.elapsed() / 1000),
                                 QString::number(m_timeoutMs / 1000),
                                 Text(list.en.left(300), list.zh.left(300))),
                        stillRed.value(0));
    }
    m_next.start(pauseMs);
}

} // namespace unstuck
