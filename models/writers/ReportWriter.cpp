// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/writers/ReportWriter.h"

#include "models/common/Redactor.h"
#include "models/verdict/Vocabulary.h"
#include "models/writers/FixAppliedSection.h"
#include "models/writers/ReportWords.h"

namespace unstuck {

using namespace Qt::StringLiterals;

namespace {

using Words = ReportWords;

struct Paint
{
    bool on;
    QString operator()(const QString& text, const char* code) const
    {
        return on ? QStringLiteral("\x1b[%1m%2\x1b[0m").arg(QLatin1String(code), text) : text;
    }
};

const char* componentColour(ComponentState state)
{
    switch (state) {
    case ComponentState::Healthy:
        return "32";
    case ComponentState::Failing:
        return "1;31";
    case ComponentState::Unknown:
        return "90";
    case ComponentState::NotApplicable:
        return "90";
    }
    return "0";
}

const char* linkColour(LinkState state)
{
    return state == LinkState::Ok ? "32" : state == LinkState::Broken ? "1;31" : "90";
}

QString componentMark(ComponentState state)
{
    switch (state) {
    case ComponentState::Healthy:
        return QStringLiteral("✔");
    case ComponentState::Failing:
        return QStringLiteral("✘");
    case ComponentState::Unknown:
        return QStringLiteral("?");
    case ComponentState::NotApplicable:
        return QStringLiteral("–");
    }
    return {};
}

QString linkMark(LinkState state)
{
    return state == LinkState::Ok       ? QStringLiteral("✔")
           : state == LinkState::Broken ? QStringLiteral("✘")
                                        : QStringLiteral("?");
}

QString escape(const QString& text)
{
    return text.toHtmlEscaped();
}

QString mdCell(const QString& text)
{
    QString t = text;
    return t.replace(QLatin1Char('|'), QStringLiteral("\\|"))
        .replace(QLatin1Char('\n'), QLatin1Char(' '));
}

QString headline(const DiagnosisResult& r, Language language = Language::English)
{
    const Words w{language};
    if (!r.error.isEmpty() && !r.complete)
        return w(u"Could not diagnose: "_s, u"无法诊断："_s) + r.error;
    if (!r.rootCause)
        return w(u"Healthy: no root cause found"_s, u"正常：未发现根因"_s);
    return w(u"Root cause: "_s, u"根因："_s) + r.rootCause->summaryText().in(language);
}

// The chosen language's narrative first, the other one after it.
QStringList narratives(const DiagnosisResult& r, Language language)
{
    return language == Language::Chinese ? QStringList{r.narrativeZh, r.narrativeEn}
                                         : QStringList{r.narrativeEn, r.narrativeZh};
}

} // namespace

QString ReportWriter::text(const DiagnosisResult& r, bool colour)
{
    const Paint paint{colour};
    QStringList out;
    out << paint(QStringLiteral("unstuck diagnose — %1 (%2)").arg(r.context, r.source), "1");
    for (const Bilingual& warning : r.warnings)
        out << paint(QStringLiteral("Warning: ") + warning.en, "1;33");
    if (!r.namespaces.isEmpty()) {
        QStringList names;
        for (const StuckNamespace& ns : r.namespaces)
            names << ns.name;
        out << QStringLiteral("Stuck in Terminating: %1").arg(names.join(QStringLiteral(", ")));
    }
    out << QString();
    out << paint(QStringLiteral("Components"), "1");
    for (const ComponentVerdict& c : r.components)
        out << QStringLiteral("  %1 %2  %3")
                   .arg(paint(componentMark(c.state), componentColour(c.state)),
                        paint(vocabulary::componentName(c.id, c.label, Language::English)
                                  .leftJustified(24),
                              componentColour(c.state)),
                        c.summary);
    out << QString();
    out << paint(QStringLiteral("Links"), "1");
    for (const LinkVerdict& l : r.links)
        out << QStringLiteral("  %1 %2  %3")
                   .arg(paint(linkMark(l.state), linkColour(l.state)),
                        paint(l.id().leftJustified(34), linkColour(l.state)), l.summary);
    out << QString();
    out << paint(headline(r), r.rootCause ? "1;31" : (r.complete ? "1;32" : "1;33"));
    if (!r.redPath.isEmpty())
        out << QStringLiteral("Red path: ") + r.redPath.join(QStringLiteral("  ⇢  "));
    if (r.rootCause) {
        // The evidence that decided the root cause, with the command to see it yourself.
        const QList<Evidence>* evidence = nullptr;
        if (const ComponentVerdict* c = r.component(r.rootCause->component))
            evidence = &c->evidence;
        else if (const LinkVerdict* l = r.link(r.rootCause->from, r.rootCause->to))
            evidence = &l->evidence;
        if (evidence && !evidence->isEmpty()) {
            out << QString() << paint(QStringLiteral("Evidence"), "1");
            for (const Evidence& e : evidence->mid(0, 3)) {
                out << QStringLiteral("  • %1").arg(e.title);
                if (!e.value.isEmpty())
                    out << QStringLiteral("    %1 = %2").arg(e.field, e.value.left(400));
                if (!e.command.isEmpty())
                    out << QStringLiteral("    $ %1").arg(paint(e.command, "36"));
            }
        }
    }
    if (!r.fixes.isEmpty()) {
        out << QString() << paint(QStringLiteral("Recommended fixes (root cause first)"), "1");
        int n = 1;
        for (const FixPlan& f : r.fixes) {
            out << QStringLiteral("  %1. %2  [risk: %3]")
                       .arg(n++)
                       .arg(f.title, f.risk.section(QLatin1Char(':'), 0, 0));
            for (const FixStep& s : f.steps.mid(0, 3))
                if (!s.command.isEmpty())
                    out << QStringLiteral("     $ %1").arg(paint(s.command.left(300), "36"));
        }
    }
    out << QString() << r.narrativeEn;
    return Redactor::redact(out.join(QLatin1Char('\n'))) + QLatin1Char('\n');
}

QString ReportWriter::markdown(const DiagnosisResult& r, Language language,
                               const QList<AppliedFixRun>& fixesApplied)
{
    const Words w{language};
    QStringList out;
    out << w(u"# Unstuck diagnosis — %1"_s, u"# Unstuck 诊断报告 — %1"_s).arg(r.context)
        << QString();
    out << QStringLiteral("**%1**").arg(headline(r, language)) << QString();
    for (const Bilingual& warning : r.warnings)
        out << w(u"> **Warning:** %1"_s, u"> **警告：**%1"_s).arg(warning.in(language))
            << QString();
    if (!r.redPath.isEmpty())
        out << w(u"Red path: `%1`"_s, u"红色路径：`%1`"_s)
                   .arg(r.redPath.join(QStringLiteral(" ⇢ ")))
            << QString();
    if (!r.namespaces.isEmpty()) {
        out << w(u"## Stuck namespaces"_s, u"## 卡住的命名空间"_s) << QString();
        for (const StuckNamespace& ns : r.namespaces)
            out << w(u"- `%1` (%2 since %3)"_s, u"- `%1`（自 %3 起处于 %2）"_s)
                       .arg(ns.name, ns.phase, ns.deletionTimestamp.toString(Qt::ISODate));
        out << QString();
    }
    out << w(u"## Components"_s, u"## 组件"_s) << QString()
        << w(u"| component | state | summary |"_s, u"| 组件 | 状态 | 结论 |"_s)
        << QStringLiteral("|---|---|---|");
    for (const ComponentVerdict& c : r.components)
        out << QStringLiteral("| %1 (`%2`) | %3 | %4 |")
                   .arg(mdCell(vocabulary::componentName(c.id, c.label, language)), c.id,
                        vocabulary::stateWord(c.state).in(language),
                        mdCell(c.summaryText().in(language)));
    out << QString() << w(u"## Links"_s, u"## 链路"_s) << QString()
        << w(u"| link | state | summary |"_s, u"| 链路 | 状态 | 结论 |"_s)
        << QStringLiteral("|---|---|---|");
    for (const LinkVerdict& l : r.links)
        out << QStringLiteral("| `%1` | %2 | %3 |")
                   .arg(l.id(), vocabulary::stateWord(l.state).in(language),
                        mdCell(l.summaryText().in(language)));
    out << QString() << w(u"## Evidence"_s, u"## 证据"_s) << QString();
    auto evidenceBlock = [&](const QString& name, const QList<Evidence>& list) {
        for (const Evidence& e : list) {
            out << QStringLiteral("- **%1** — %2").arg(name, e.titleText().in(language));
            if (!e.request.isEmpty())
                out << w(u"  - asked: `%1` → %2"_s, u"  - 请求：`%1` → %2"_s)
                           .arg(e.request)
                           .arg(e.status);
            if (!e.value.isEmpty())
                out << QStringLiteral("  - `%1`: %2")
                           .arg(e.field, mdCell(e.valueText().in(language).left(500)));
            if (!e.command.isEmpty())
                out << w(u"  - see it: `%1`"_s, u"  - 自行查看：`%1`"_s).arg(e.command);
        }
    };
    for (const ComponentVerdict& c : r.components)
        evidenceBlock(c.id, c.evidence);
    for (const LinkVerdict& l : r.links)
        evidenceBlock(l.id(), l.evidence);
    if (const QStringList applied = FixAppliedSection::markdown(fixesApplied, language);
        !applied.isEmpty())
        out << QString() << applied;
    if (!r.fixes.isEmpty()) {
        out << QString()
            << w(u"## Recommended fixes (root cause first)"_s, u"## 建议的修复（从根因开始）"_s)
            << QString();
        int n = 1;
        for (const FixPlan& f : r.fixes) {
            out << QStringLiteral("%1. **%2** — %3  ")
                       .arg(n++)
                       .arg(f.titleText().in(language), f.whyText().in(language))
                << w(u"   Risk: %1"_s, u"   风险：%1"_s).arg(f.riskText().in(language));
            out << QStringLiteral("   ```sh");
            for (const FixStep& s : f.steps)
                out << QStringLiteral("   %1").arg(s.command);
            out << QStringLiteral("   ```");
            if (!f.undo.isEmpty())
                out << w(u"   Undo: `%1`"_s, u"   回滚：`%1`"_s)
                           .arg(f.undo.first().command.isEmpty()
                                    ? f.undo.first().descriptionText().in(language)
                                    : f.undo.first().command);
        }
    }
    out << QString() << w(u"## Narrative"_s, u"## 经过"_s) << QString();
    for (const QString& narrative : narratives(r, language))
        out << narrative << QString();
    return Redactor::redact(out.join(QLatin1Char('\n')));
}

QString ReportWriter::html(const DiagnosisResult& r, const QString& svg, Language language,
                           const QList<AppliedFixRun>& fixesApplied)
{
    const Words w{language};
    const bool en = language == Language::English;
    QStringList out;
    out << QStringLiteral("<!DOCTYPE html><html lang=\"%1\"><head><meta "
                          "charset=\"utf-8\"><title>%2</title>")
               .arg(en ? u"en"_s : u"zh-Hans"_s,
                    w(u"Unstuck diagnosis — %1"_s, u"Unstuck 诊断报告 — %1"_s)
                        .arg(escape(r.context)));
    out << QStringLiteral(
        "<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}"
        "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:4px "
        "8px;text-align:left;vertical-align:top}"
        ".healthy,.ok{color:#1a7f37}.failing,.broken{color:#cf222e;font-weight:bold}.unknown,.not-"
        "applicable{color:#6e7781}"
        ".warning{background:#fff8c5;border:1px solid #d4a72c;padding:6px 8px}"
        "code,pre{background:#f6f8fa;padding:2px "
        "4px}pre{white-space:pre-wrap}</style></head><body>");
    out << QStringLiteral("<h1>%1</h1><p><strong>%2</strong></p>")
               .arg(w(u"Unstuck diagnosis — %1"_s, u"Unstuck 诊断报告 — %1"_s)
                        .arg(escape(r.context)),
                    escape(headline(r, language)));
    for (const Bilingual& warning : r.warnings)
        out << QStringLiteral("<p class=\"warning\"><strong>%1</strong>%2</p>")
                   .arg(w(u"Warning: "_s, u"警告："_s), escape(warning.in(language)));
    if (!svg.isEmpty())
        out << QStringLiteral("<div class=\"graph\">%1</div>").arg(svg);
    if (!r.redPath.isEmpty())
        out << QStringLiteral("<p>%1<code>%2</code></p>")
                   .arg(w(u"Red path: "_s, u"红色路径："_s),
                        escape(r.redPath.join(QStringLiteral(" ⇢ "))));
    const QString columns = w(u"<th>state</th><th>summary</th><th>evidence</th></tr>"_s,
                              u"<th>状态</th><th>结论</th><th>证据</th></tr>"_s);
    out << w(u"<h2>Components</h2><table><tr><th>component</th>"_s,
             u"<h2>组件</h2><table><tr><th>组件</th>"_s) +
               columns;
    auto evidenceCell = [language](const QList<Evidence>& list) {
        QStringList items;
        for (const Evidence& e : list)
            items << QStringLiteral("<div>%1<br><code>%2</code></div>")
                         .arg(escape(e.titleText().in(language)), escape(e.command));
        return items.join(QString());
    };
    // The class is the stable (JSON) state name: the style sheet colours by it.
    for (const ComponentVerdict& c : r.components) {
        out << QStringLiteral("<tr><td>%1</td><td class=\"%2\">%3</td><td>%4</td><td>%5</td></tr>")
                   .arg(escape(vocabulary::componentName(c.id, c.label, language)),
                        vocabulary::stateName(c.state), vocabulary::stateWord(c.state).in(language),
                        escape(c.summaryText().in(language)), evidenceCell(c.evidence));
    }
    out << QStringLiteral("</table>") +
               w(u"<h2>Links</h2><table><tr><th>link</th>"_s,
                 u"<h2>链路</h2><table><tr><th>链路</th>"_s) +
               columns;
    for (const LinkVerdict& l : r.links) {
        out << QStringLiteral("<tr><td>%1</td><td class=\"%2\">%3</td><td>%4</td><td>%5</td></tr>")
                   .arg(escape(l.id()), vocabulary::stateName(l.state),
                        vocabulary::stateWord(l.state).in(language),
                        escape(l.summaryText().in(language)), evidenceCell(l.evidence));
    }
    out << QStringLiteral("</table>");
    if (const QString applied = FixAppliedSection::html(fixesApplied, language); !applied.isEmpty())
        out << applied;
    if (!r.fixes.isEmpty()) {
        out << w(u"<h2>Recommended fixes (root cause first)</h2><ol>"_s,
                 u"<h2>建议的修复（从根因开始）</h2><ol>"_s);
        for (const FixPlan& f : r.fixes) {
            QStringList commands;
            for (const FixStep& s : f.steps)
                commands << escape(s.command);
            out << QStringLiteral("<li><strong>%1</strong> — %2<br>%3%4<pre>%5</pre></li>")
                       .arg(escape(f.titleText().in(language)), escape(f.whyText().in(language)),
                            w(u"Risk: "_s, u"风险："_s), escape(f.riskText().in(language)),
                            commands.join(QLatin1Char('\n')));
        }
        out << QStringLiteral("</ol>");
    }
    const QStringList story = narratives(r, language);
    out << QStringLiteral(
               "<h2>%1</h2><pre lang=\"%2\">%3</pre><pre lang=\"%4\">%5</pre></body></html>")
               .arg(w(u"Narrative"_s, u"经过"_s), en ? u"en"_s : u"zh-Hans"_s, escape(story.at(0)),
                    en ? u"zh-Hans"_s : u"en"_s, escape(story.at(1)));
    return Redactor::redact(out.join(QLatin1Char('\n')));
}

} // namespace unstuck
