// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/Exporter.h"

#include "models/common/Redactor.h"
#include "models/writers/ReportWriter.h"
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

// The report itself is the engine's (ReportWriter: the CLI writes the same one); the GUI adds
// what only it saw: the live probe timeline.
QString markdown(const DiagnosisResult& r, const QList<ProbeTimelineChart::Probe>& probes, bool zh,
                 const QList<AppliedFixRun>& fixRuns)
{
    QString md = ReportWriter::markdown(r, zh ? Language::Chinese : Language::English, fixRuns);
    if (!probes.isEmpty()) {
        md += QStringLiteral("\n## %1\n\n| # | %2 | %3 | %4 | %5 |\n|---|---|---|---|---|\n")
                  .arg(tr("Probe timeline"), tr("Probe"), tr("Start (ms)"), tr("End (ms)"),
                       tr("Result"));
        for (const auto& p : probes)
            md += QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
                      .arg(p.id)
                      .arg(p.label.in(zh ? Language::Chinese : Language::English))
                      .arg(p.startMs)
                      .arg(p.endMs)
                      .arg(p.endMs < 0 ? tr("running")
                           : p.ok      ? tr("ok")
                                       : tr("failed"));
    }
    return Redactor::redact(md);
}

QString html(const DiagnosisResult& r, const QList<ProbeTimelineChart::Probe>& probes,
             const QByteArray& svg, bool zh, const QList<AppliedFixRun>& fixRuns)
{
    QString svgText = QString::fromUtf8(svg);
    svgText.remove(QRegularExpression(QStringLiteral("^<\\?xml[^>]*>\\s*")));
    QString h = ReportWriter::html(r, svgText, zh ? Language::Chinese : Language::English, fixRuns);
    if (probes.isEmpty())
        return h;
    auto esc = [](const QString& s) {
        return s.toHtmlEscaped();
    };
    QString table = QStringLiteral("<h2>%1</h2><table><tr><th>#</th><th>%2</th><th>%3</th>"
                                   "<th>%4</th><th>%5</th></tr>")
                        .arg(esc(tr("Probe timeline")), esc(tr("Probe")), esc(tr("Start (ms)")),
                             esc(tr("End (ms)")), esc(tr("Result")));
    for (const auto& p : probes)
        table += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>")
                     .arg(p.id)
                     .arg(esc(p.label.in(zh ? Language::Chinese : Language::English)))
                     .arg(p.startMs)
                     .arg(p.endMs)
                     .arg(esc(p.endMs < 0 ? tr("running")
                              : p.ok      ? tr("ok")
                                          : tr("failed")));
    table += QStringLiteral("</table>");
    const qsizetype end = h.lastIndexOf(QStringLiteral("</body>"));
    h.insert(end < 0 ? h.size() : end, Redactor::redact(table));
    return h;
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
