// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/fix/DiffView.h"

#include "models/common/Redactor.h"

#include <QEvent>
#include <QFontDatabase>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace unstuck::ui {

namespace {

struct Colours
{
    QString removedBack, removedText, addedBack, addedText, muted;
};

Colours colours(const QPalette& palette)
{
    // Dark desktops get deep backgrounds and light text; both keep red = removed, green = added.
    if (palette.color(QPalette::Base).lightness() < 128)
        return {QStringLiteral("#5c1a1f"), QStringLiteral("#ffcdd2"), QStringLiteral("#17402a"),
                QStringLiteral("#c8e6c9"), QStringLiteral("#9e9e9e")};
    return {QStringLiteral("#fde7e9"), QStringLiteral("#b71c1c"), QStringLiteral("#e6f4ea"),
            QStringLiteral("#1b5e20"), QStringLiteral("#757575")};
}

} // namespace

DiffView::DiffView(QWidget* parent) : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("diffView"));
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QTextEdit::NoWrap);
    setOpenLinks(false);
    setTabChangesFocus(true);
}

QStringList DiffView::linesOf(const QJsonValue& value)
{
    if (value.isUndefined() || value.isNull())
        return {};
    QString text;
    if (value.isObject())
        text = QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented));
    else if (value.isArray())
        text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented));
    else
        text = value.toVariant().toString();
    // Secrets never reach the screen (a Secret's data, a token in an annotation).
    return Redactor::redact(text).split(u'\n', Qt::SkipEmptyParts);
}

void DiffView::setChange(const QJsonValue& before, const QJsonValue& after)
{
    m_lines = LineDiff::collapse(LineDiff::diff(linesOf(before), linesOf(after)));
    render();
}

int DiffView::removedCount() const
{
    return int(std::count_if(m_lines.cbegin(), m_lines.cend(),
                             [](const auto& l) { return l.kind == LineDiff::Kind::Removed; }));
}

int DiffView::addedCount() const
{
    return int(std::count_if(m_lines.cbegin(), m_lines.cend(),
                             [](const auto& l) { return l.kind == LineDiff::Kind::Added; }));
}

void DiffView::render()
{
    const Colours c = colours(palette());
    QString html = QStringLiteral("<table width='100%' cellspacing='0' cellpadding='1'>");
    for (const LineDiff::Line& line : std::as_const(m_lines)) {
        QString sign = QStringLiteral("&nbsp;"), style;
        QString text = line.text.toHtmlEscaped().replace(u' ', QStringLiteral("&nbsp;"));
        if (line.kind == LineDiff::Kind::Removed) {
            sign = QStringLiteral("−");
            style = QStringLiteral("background:%1;color:%2;").arg(c.removedBack, c.removedText);
        } else if (line.kind == LineDiff::Kind::Added) {
            sign = QStringLiteral("+");
            style = QStringLiteral("background:%1;color:%2;").arg(c.addedBack, c.addedText);
        } else if (line.kind == LineDiff::Kind::Skipped) {
            style = QStringLiteral("color:%1;").arg(c.muted);
            text = tr("… %n unchanged line(s)", nullptr, line.skipped).toHtmlEscaped();
        }
        if (line.kind != LineDiff::Kind::Same && line.text.contains(u"\"Effect\""))
            style += QStringLiteral("font-weight:bold;");
        html += QStringLiteral("<tr><td style='%1' width='14'>%2</td><td style='%1'>%3</td></tr>")
                    .arg(style, sign, text);
    }
    html += QStringLiteral("</table>");
    setHtml(html);
}

QSize DiffView::sizeHint() const
{
    const int rows = std::clamp(int(m_lines.size()), 3, 16);
    return {480, rows * fontMetrics().lineSpacing() + 2 * frameWidth() + 12};
}

void DiffView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange)
        render();
    QTextBrowser::changeEvent(event);
}

} // namespace unstuck::ui
