// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/diagnosis/ReportWriter.h"

#include "models/common/Redactor.h"
#include "models/diagnosis/ResultJson.h"

namespace unstuck {

namespace {

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

QString headline(const DiagnosisResult& r)
{
    if (!r.error.isEmpty() && !r.complete)
        return QStringLiteral("Could not diagnose: ") + r.error;
    if (!r.rootCause)
        return QStringLiteral("Healthy: no root cause found");
    return QStringLiteral("Root cause: ") + r.rootCause->summary;
}

} // namespace

QString ReportWriter::text(const DiagnosisResult& r, bool colour)
{
    const Paint paint{colour};
    QStringList out;
    out << paint(QStringLiteral("unstuck diagnose — %1 (%2)").arg(r.context, r.source), "1");
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
                        paint(c.label.leftJustified(24), componentColour(c.state)), c.summary);
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
        out << QString() << paint(QStringLiteral("Recommended fixes (deepest first)"), "1");
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

QString ReportWriter::markdown(const DiagnosisResult& r)
{
    QStringList out;
    out << QStringLiteral("# Unstuck diagnosis — %1").arg(r.context) << QString();
    out << QStringLiteral("**%1**").arg(headline(r)) << QString();
    if (!r.redPath.isEmpty())
        out << QStringLiteral("Red path: `%1`").arg(r.redPath.join(QStringLiteral(" ⇢ ")))
            << QString();
    if (!r.namespaces.isEmpty()) {
        out << QStringLiteral("## Stuck namespaces") << QString();
        for (const StuckNamespace& ns : r.namespaces)
            out << QStringLiteral("- `%1` (%2 since %3)")
                       .arg(ns.name, ns.phase, ns.deletionTimestamp.toString(Qt::ISODate));
        out << QString();
    }
    out << QStringLiteral("## Components") << QString()
        << QStringLiteral("| component | state | summary |") << QStringLiteral("|---|---|---|");
    for (const ComponentVerdict& c : r.components)
        out << QStringLiteral("| %1 (`%2`) | %3 | %4 |")
                   .arg(mdCell(c.label), c.id, ResultJson::componentStateName(c.state),
                        mdCell(c.summary));
    out << QString() << QStringLiteral("## Links") << QString()
        << QStringLiteral("| link | state | summary |") << QStringLiteral("|---|---|---|");
    for (const LinkVerdict& l : r.links)
        out << QStringLiteral("| `%1` | %2 | %3 |")
                   .arg(l.id(), ResultJson::linkStateName(l.state), mdCell(l.summary));
    out << QString() << QStringLiteral("## Evidence") << QString();
    auto evidenceBlock = [&](const QString& name, const QList<Evidence>& list) {
        for (const Evidence& e : list) {
            out << QStringLiteral("- **%1** — %2").arg(name, e.title);
            if (!e.request.isEmpty())
                out << QStringLiteral("  - asked: `%1` → %2").arg(e.request).arg(e.status);
            if (!e.value.isEmpty())
                out << QStringLiteral("  - `%1`: %2").arg(e.field, mdCell(e.value.left(500)));
            if (!e.command.isEmpty())
                out << QStringLiteral("  - see it: `%1`").arg(e.command);
        }
    };
    for (const ComponentVerdict& c : r.components)
        evidenceBlock(c.id, c.evidence);
    for (const LinkVerdict& l : r.links)
        evidenceBlock(l.id(), l.evidence);
    if (!r.fixes.isEmpty()) {
        out << QString() << QStringLiteral("## Recommended fixes (deepest first)") << QString();
        int n = 1;
        for (const FixPlan& f : r.fixes) {
            out << QStringLiteral("%1. **%2** — %3  ").arg(n++).arg(f.title, f.why)
                << QStringLiteral("   Risk: %1").arg(f.risk);
            out << QStringLiteral("   ```sh");
            for (const FixStep& s : f.steps)
                out << QStringLiteral("   %1").arg(s.command);
            out << QStringLiteral("   ```");
            if (!f.undo.isEmpty())
                out << QStringLiteral("   Undo: `%1`")
                           .arg(f.undo.first().command.isEmpty() ? f.undo.first().description
                                                                 : f.undo.first().command);
        }
    }
    out << QString() << QStringLiteral("## Narrative") << QString() << r.narrativeEn << QString()
        << r.narrativeZh << QString();
    return Redactor::redact(out.join(QLatin1Char('\n')));
}

QString ReportWriter::html(const DiagnosisResult& r, const QString& svg)
{
    QStringList out;
    out << QStringLiteral("<!DOCTYPE html><html lang=\"en\"><head><meta "
                          "charset=\"utf-8\"><title>Unstuck diagnosis — %1</title>")
               .arg(escape(r.context));
    out << QStringLiteral(
        "<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}"
        "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:4px "
        "8px;text-align:left;vertical-align:top}"
        ".healthy,.ok{color:#1a7f37}.failing,.broken{color:#cf222e;font-weight:bold}.unknown,.not-"
        "applicable{color:#6e7781}"
        "code,pre{background:#f6f8fa;padding:2px "
        "4px}pre{white-space:pre-wrap}</style></head><body>");
    out << QStringLiteral("<h1>Unstuck diagnosis — %1</h1><p><strong>%2</strong></p>")
               .arg(escape(r.context), escape(headline(r)));
    if (!svg.isEmpty())
        out << QStringLiteral("<div class=\"graph\">%1</div>").arg(svg);
    if (!r.redPath.isEmpty())
        out << QStringLiteral("<p>Red path: <code>%1</code></p>")
                   .arg(escape(r.redPath.join(QStringLiteral(" ⇢ "))));
    out << QStringLiteral("<h2>Components</h2><table><tr><th>component</th><th>state</"
                          "th><th>summary</th><th>evidence</th></tr>");
    auto evidenceCell = [](const QList<Evidence>& list) {
        QStringList items;
        for (const Evidence& e : list)
            items << QStringLiteral("<div>%1<br><code>%2</code></div>")
                         .arg(escape(e.title), escape(e.command));
        return items.join(QString());
    };
    for (const ComponentVerdict& c : r.components) {
        const QString state = ResultJson::componentStateName(c.state);
        out << QStringLiteral("<tr><td>%1</td><td class=\"%2\">%2</td><td>%3</td><td>%4</td></tr>")
                   .arg(escape(c.label), state, escape(c.summary), evidenceCell(c.evidence));
    }
    out << QStringLiteral("</table><h2>Links</h2><table><tr><th>link</th><th>state</"
                          "th><th>summary</th><th>evidence</th></tr>");
    for (const LinkVerdict& l : r.links) {
        const QString state = ResultJson::linkStateName(l.state);
        out << QStringLiteral("<tr><td>%1</td><td class=\"%2\">%2</td><td>%3</td><td>%4</td></tr>")
                   .arg(escape(l.id()), state, escape(l.summary), evidenceCell(l.evidence));
    }
    out << QStringLiteral("</table>");
    if (!r.fixes.isEmpty()) {
        out << QStringLiteral("<h2>Recommended fixes (deepest first)</h2><ol>");
        for (const FixPlan& f : r.fixes) {
            QStringList commands;
            for (const FixStep& s : f.steps)
                commands << escape(s.command);
            out << QStringLiteral("<li><strong>%1</strong> — %2<br>Risk: %3<pre>%4</pre></li>")
                       .arg(escape(f.title), escape(f.why), escape(f.risk),
                            commands.join(QLatin1Char('\n')));
        }
        out << QStringLiteral("</ol>");
    }
    out << QStringLiteral(
               "<h2>Narrative</h2><pre>%1</pre><pre lang=\"zh-Hans\">%2</pre></body></html>")
               .arg(escape(r.narrativeEn), escape(r.narrativeZh));
    return Redactor::redact(out.join(QLatin1Char('\n')));
}

} // namespace unstuck
