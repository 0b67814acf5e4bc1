// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/Exporter.h"

#include "models/common/Redactor.h"
#include "ui/ComponentNames.h"
#include "ui/GraphScene.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSvgGenerator>

namespace unstuck::ui::exporter {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("unstuck::ui::exporter", text);
}

void render(GraphScene* scene, QPainter* painter, const QRectF& target)
{
    // Exports show the graph, not the keyboard focus or the user's selection.
    const auto selected = scene->selectedItems();
    QGraphicsItem* focus = scene->focusItem();
    scene->clearSelection();
    scene->clearFocus();
    scene->render(painter, target, scene->contentRect());
    for (QGraphicsItem* item : selected)
        item->setSelected(true);
    if (focus)
        focus->setFocus();
}

QString narrativeOf(const DiagnosisResult& r, bool chinese)
{
    return chinese && !r.narrativeZh.isEmpty() ? r.narrativeZh : r.narrativeEn;
}

QString rootText(const DiagnosisResult& r)
{
    if (!r.rootCause)
        return tr("No root cause found.");
    const QString where = r.rootCause->component.isEmpty()
                              ? names::component(r.rootCause->from, {}) + QStringLiteral(" → ") +
                                    names::component(r.rootCause->to, {})
                              : names::component(r.rootCause->component, {});
    return where + QStringLiteral(": ") + r.rootCause->summary;
}

void markdownEvidence(QString& md, const QList<Evidence>& evidence)
{
    for (const Evidence& e : evidence) {
        md += QStringLiteral("- **%1**").arg(e.title);
        if (!e.request.isEmpty())
            md += QStringLiteral(" — `%1`").arg(e.request);
        if (e.status)
            md += QStringLiteral(" → %1").arg(e.status);
        if (!e.field.isEmpty() || !e.value.isEmpty())
            md += QStringLiteral("; `%1` = **%2**").arg(e.field, e.value);
        if (e.at.isValid())
            md += QStringLiteral(" (%1)").arg(e.at.toUTC().toString(Qt::ISODate));
        md += QLatin1Char('\n');
        if (!e.command.isEmpty())
            md += QStringLiteral("  - `%1`\n").arg(e.command);
    }
}
} // namespace

bool writePng(GraphScene* scene, const QString& path, QString* error)
{
    const QRectF source = scene->contentRect();
    // Twice the scene size: sharp when pasted into a ticket or a slide.
    QImage image((source.size() * 2).toSize(), QImage::Format_ARGB32);
    image.fill(scene->backgroundBrush().color());
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    render(scene, &painter, QRectF(QPointF(0, 0), image.size()));
    painter.end();
    if (!image.save(path, "PNG")) {
        *error = tr("Could not write %1.").arg(path);
        return false;
    }
    return true;
}

QByteArray svgBytes(GraphScene* scene)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const QRectF source = scene->contentRect();
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(source.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
    generator.setTitle(tr("Unstuck dependency graph"));
    QPainter painter(&generator);
    painter.fillRect(QRectF(QPointF(0, 0), source.size()), scene->backgroundBrush());
    render(scene, &painter, QRectF(QPointF(0, 0), source.size()));
    painter.end();
    return buffer.data();
}

bool writeSvg(GraphScene* scene, const QString& path, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(svgBytes(scene));
    if (!file.commit()) {
        *error = tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QString markdown(const DiagnosisResult& r, const QList<ProbeTimelineChart::Probe>& probes,
                 bool chinese)
{
    QString md = QStringLiteral("# %1\n\n").arg(tr("Unstuck diagnosis"));
    md += QStringLiteral("- %1: %2\n").arg(tr("Context"), r.context);
    md +=
        QStringLiteral("- %1: %2\n").arg(tr("Started"), r.startedAt.toUTC().toString(Qt::ISODate));
    for (const auto& ns : r.namespaces)
        md += QStringLiteral("- %1: `%2` (%3)\n").arg(tr("Stuck namespace"), ns.name, ns.phase);
    md += QStringLiteral("\n## %1\n\n%2\n\n").arg(tr("Root cause"), rootText(r));
    md += QStringLiteral("## %1\n\n%2\n\n").arg(tr("What happened"), narrativeOf(r, chinese));
    md += QStringLiteral("## %1\n\n").arg(tr("Components"));
    for (const auto& c : r.components) {
        md += QStringLiteral("### %1 — %2\n\n`%3` %4\n\n")
                  .arg(names::component(c.id, c.label), names::state(c.state), c.object, c.summary);
        markdownEvidence(md, c.evidence);
        md += QLatin1Char('\n');
    }
    md += QStringLiteral("## %1\n\n").arg(tr("Links"));
    for (const auto& l : r.links) {
        md += QStringLiteral("### %1 → %2 — %3\n\n%4\n\n")
                  .arg(names::component(l.from, {}), names::component(l.to, {}),
                       names::state(l.state), l.summary);
        markdownEvidence(md, l.evidence);
        md += QLatin1Char('\n');
    }
    if (!r.fixes.isEmpty()) {
        md += QStringLiteral("## %1\n\n").arg(tr("Recommended fixes"));
        for (const auto& f : r.fixes) {
            md += QStringLiteral("### %1\n\n%2\n\n%3 %4\n\n")
                      .arg(f.title, f.why, tr("Risk:"), f.risk);
            for (const auto& s : f.steps)
                md += QStringLiteral("1. %1%2\n")
                          .arg(s.description, s.command.isEmpty()
                                                  ? QString()
                                                  : QStringLiteral(" — `%1`").arg(s.command));
            md += QLatin1Char('\n');
        }
    }
    if (!probes.isEmpty()) {
        md += QStringLiteral("## %1\n\n| # | %2 | %3 | %4 | %5 |\n|---|---|---|---|---|\n")
                  .arg(tr("Probe timeline"), tr("Probe"), tr("Start (ms)"), tr("End (ms)"),
                       tr("Result"));
        for (const auto& p : probes)
            md += QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
                      .arg(p.id)
                      .arg(p.label)
                      .arg(p.startMs)
                      .arg(p.endMs)
                      .arg(p.endMs < 0 ? tr("running")
                           : p.ok      ? tr("ok")
                                       : tr("failed"));
    }
    return Redactor::redact(md);
}

QString html(const DiagnosisResult& r, const QList<ProbeTimelineChart::Probe>& probes,
             const QByteArray& svg, bool chinese)
{
    auto esc = [](const QString& s) {
        return s.toHtmlEscaped();
    };
    QString h = QStringLiteral("<!DOCTYPE html><html><head><meta charset='utf-8'><title>%1</title>"
                               "<style>body{font-family:sans-serif;max-width:1100px;margin:2em "
                               "auto;color:#202124}code,pre{background:#f1f3f4;padding:2px 4px}"
                               "pre{white-space:pre-wrap;max-height:20em;overflow:auto}"
                               ".failing,.broken{color:#e53935}.healthy,.ok{color:#2e9e5b}"
                               ".unknown{color:#8a8f98}mark{background:#ffe066}"
                               "table{border-collapse:collapse}td,th{border:1px solid #ddd;"
                               "padding:2px 6px}</style></head><body>")
                    .arg(esc(tr("Unstuck diagnosis")));
    h += QStringLiteral("<h1>%1</h1><p>%2: <code>%3</code> · %4</p>")
             .arg(esc(tr("Unstuck diagnosis")), esc(tr("Context")), esc(r.context),
                  esc(r.startedAt.toUTC().toString(Qt::ISODate)));
    QString svgText = QString::fromUtf8(svg);
    svgText.remove(QRegularExpression(QStringLiteral("^<\\?xml[^>]*>")));
    h += QStringLiteral("<div>%1</div>").arg(svgText);
    h += QStringLiteral("<h2>%1</h2><p><b>%2</b></p>").arg(esc(tr("Root cause")), esc(rootText(r)));
    h += QStringLiteral("<h2>%1</h2><p>%2</p>")
             .arg(esc(tr("What happened")),
                  esc(narrativeOf(r, chinese)).replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    auto evidenceHtml = [&](const QList<Evidence>& list) {
        QString out = QStringLiteral("<ul>");
        for (const Evidence& e : list) {
            out += QStringLiteral("<li><b>%1</b> <code>%2</code> %3 <code>%4</code> = "
                                  "<mark>%5</mark> <small>%6</small>")
                       .arg(esc(e.title), esc(e.request),
                            e.status ? QString::number(e.status) : QString(), esc(e.field),
                            esc(e.value), esc(e.at.toUTC().toString(Qt::ISODate)));
            if (!e.command.isEmpty())
                out += QStringLiteral("<br><code>%1</code>").arg(esc(e.command));
            if (!e.raw.isEmpty())
                out += QStringLiteral("<details><summary>%1</summary><pre>%2</pre></details>")
                           .arg(esc(tr("Raw answer")), esc(e.raw));
            out += QStringLiteral("</li>");
        }
        return out + QStringLiteral("</ul>");
    };
    h += QStringLiteral("<h2>%1</h2>").arg(esc(tr("Components")));
    for (const auto& c : r.components) {
        const QString cls = c.state == ComponentState::Healthy   ? QStringLiteral("healthy")
                            : c.state == ComponentState::Failing ? QStringLiteral("failing")
                                                                 : QStringLiteral("unknown");
        h += QStringLiteral("<h3>%1 <span class='%2'>%3</span></h3><p><code>%4</code> %5</p>")
                 .arg(esc(names::component(c.id, c.label)), cls, esc(names::state(c.state)),
                      esc(c.object), esc(c.summary));
        h += evidenceHtml(c.evidence);
    }
    h += QStringLiteral("<h2>%1</h2>").arg(esc(tr("Links")));
    for (const auto& l : r.links) {
        h += QStringLiteral("<h3>%1 → %2 <span class='%3'>%4</span></h3><p>%5</p>")
                 .arg(esc(names::component(l.from, {})), esc(names::component(l.to, {})),
                      l.state == LinkState::Broken ? QStringLiteral("broken")
                      : l.state == LinkState::Ok   ? QStringLiteral("ok")
                                                   : QStringLiteral("unknown"),
                      esc(names::state(l.state)), esc(l.summary));
        h += evidenceHtml(l.evidence);
    }
    if (!probes.isEmpty()) {
        h += QStringLiteral("<h2>%1</h2><table><tr><th>#</th><th>%2</th><th>%3</th><th>%4</th>"
                            "<th>%5</th></tr>")
                 .arg(esc(tr("Probe timeline")), esc(tr("Probe")), esc(tr("Start (ms)")),
                      esc(tr("End (ms)")), esc(tr("Result")));
        for (const auto& p : probes)
            h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td class='%5'>%6"
                                "</td></tr>")
                     .arg(p.id)
                     .arg(esc(p.label))
                     .arg(p.startMs)
                     .arg(p.endMs)
                     .arg(p.ok ? QStringLiteral("ok") : QStringLiteral("failing"))
                     .arg(esc(p.endMs < 0 ? tr("running")
                              : p.ok      ? tr("ok")
                                          : tr("failed")));
        h += QStringLiteral("</table>");
    }
    h += QStringLiteral("</body></html>\n");
    return Redactor::redact(h);
}

bool writeText(const QString& text, const QString& path, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(text.toUtf8());
    if (!file.commit()) {
        *error = tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace unstuck::ui::exporter
