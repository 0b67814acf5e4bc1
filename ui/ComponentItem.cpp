// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ComponentItem.h"

#include "ui/BadgeItem.h"
#include "ui/ComponentNames.h"
#include "ui/LanguageManager.h"
#include "ui/LinkItem.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGraphicsSceneMouseEvent>
#include <QHash>
#include <QKeyEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QSvgRenderer>
#include <QTextLayout>
#include <cmath>
#include <map>
#include <memory>

namespace unstuck::ui {

namespace {
// One renderer per icon file: SVG keeps the icons crisp at every zoom and on HiDPI screens.
// Owned by the cache, so they are freed at exit (sanitizer builds report no leak).
QSvgRenderer* iconRenderer(const QString& path)
{
    static std::map<QString, std::unique_ptr<QSvgRenderer>> cache;
    auto& renderer = cache[path];
    if (!renderer)
        renderer = std::make_unique<QSvgRenderer>(path);
    return renderer.get();
}
// Text on the card wraps (at a word, or anywhere in Chinese and in identifiers) and only the last
// line that fits is elided, so a sentence neither overlaps the card's edge nor stops after a word.
int firstLineLength(const QString& text, const QFont& font, qreal width, QTextOption::WrapMode mode)
{
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(mode);
    layout.setTextOption(option);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    int length = int(text.size());
    if (line.isValid()) {
        line.setLineWidth(width);
        length = qMax(1, line.textLength());
    }
    layout.endLayout();
    return length;
}

QStringList wrappedLines(QString text, const QFont& font, qreal width, int maxLines,
                         Qt::TextElideMode lastLine, QTextOption::WrapMode mode)
{
    // Identifiers in the text break after their separators (names::breakable marks those places
    // with zero-width spaces, taken out of the lines drawn).
    constexpr QChar kBreak(0x200B);
    QStringList lines;
    const QFontMetricsF fm(font);
    text = names::breakable(text.trimmed());
    while (!text.isEmpty() && lines.size() < maxLines - 1) {
        int length = firstLineLength(text, font, width, mode);
        // A word longer than a whole line (an identifier) starts on this line, not below it.
        const QString rest = text.mid(length).trimmed();
        const QString word = rest.section(QLatin1Char(' '), 0, 0);
        if (mode != QTextOption::WrapAnywhere &&
            fm.horizontalAdvance(QString(word).remove(kBreak)) > width) {
            length = firstLineLength(text, font, width, QTextOption::WrapAnywhere);
            // … and this line ends after one of its separators when one is in its second half.
            for (int i = length; i > length / 2; --i)
                if (text.at(i - 1) == kBreak) {
                    length = i;
                    break;
                }
        }
        lines << text.left(length).remove(kBreak).trimmed();
        text = text.mid(length).trimmed();
    }
    text.remove(kBreak);
    if (!text.isEmpty() && maxLines > 0)
        lines << fm.elidedText(text, lastLine, width);
    return lines;
}

// An identifier (a role name with a UUID, a pod name) wraps whole, on lines of about even length:
// each line ends after a '-', '/', '.', ':' or '_' where one falls in its second half, else where
// the even share ends (so no line holds a lone character). Only an identifier longer than every
// line together loses its middle ("…"); the tooltip and the inspector hold it whole.
QStringList identifierLines(const QString& text, const QFont& font, qreal width, int maxLines)
{
    const QFontMetricsF fm(font);
    const auto fitting = [&fm](const QString& t, qreal w) {
        int n = 1;
        while (n < t.size() && fm.horizontalAdvance(t.left(n + 1)) <= w)
            ++n;
        return n;
    };
    QStringList lines;
    QString rest = text.trimmed();
    while (!rest.isEmpty() && lines.size() < maxLines - 1 && fm.horizontalAdvance(rest) > width) {
        const int full = fitting(rest, width);
        const int need = std::min(maxLines - int(lines.size()),
                                  int(std::ceil(fm.horizontalAdvance(rest) / width)));
        const int even = fitting(rest, std::min(width, fm.horizontalAdvance(rest) / need + 4));
        int cut = even;
        for (int i = full; i > full / 2; --i) {
            const QChar c = rest.at(i - 1);
            if (c == QLatin1Char('-') || c == QLatin1Char('/') || c == QLatin1Char('.') ||
                c == QLatin1Char(':') || c == QLatin1Char('_') || c.isSpace()) {
                cut = i;
                break;
            }
        }
        lines << rest.left(cut);
        rest = rest.mid(cut);
    }
    if (!rest.isEmpty() && maxLines > 0)
        lines << fm.elidedText(rest, Qt::ElideMiddle, width);
    return lines;
}

QFont cardFont(qreal pointSize, bool bold = false)
{
    QFont font;
    font.setPointSizeF(pointSize);
    font.setBold(bold);
    return font;
}

// The card's text column, right of the icon.
constexpr qreal kTextLeft = 64;
constexpr qreal kTextWidth = ComponentItem::kWidth - kTextLeft - 10;
constexpr qreal kObjectTop = 40;
constexpr qreal kBottomMargin = 8;
// Identifiers (role names with a UUID, pod names) wrap rather than lose their middle.
constexpr int kMaxObjectLines = 3;
constexpr int kMaxVerdictLines = 5;
} // namespace

ComponentItem::ComponentItem(const QString& id, QGraphicsItem* parent)
    : QGraphicsObject(parent), m_id(id)
{
    m_verdict.id = id;
    setFlags(ItemIsSelectable | ItemIsFocusable | ItemIsMovable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    setCursor(Qt::PointingHandCursor);
    setZValue(2);
    m_badge = new BadgeItem(this);
    m_badge->setVisible(false);
    retranslate();
}

void ComponentItem::setVerdict(const ComponentVerdict& verdict)
{
    m_verdict = verdict;
    layoutText();
    updateToolTip();
    update();
}

void ComponentItem::setTheme(const Theme& theme)
{
    m_theme = theme;
    m_badge->setColor(theme.redPath);
    update();
}

void ComponentItem::setOnRedPath(bool on)
{
    if (m_onRedPath == on)
        return;
    m_onRedPath = on;
    update();
}

void ComponentItem::setRootCause(bool root)
{
    m_badge->setVisible(root);
    updateToolTip();
}

bool ComponentItem::isRootCause() const
{
    return m_badge->isVisible();
}

void ComponentItem::retranslate()
{
    m_badge->setText(QCoreApplication::translate("unstuck::ui::ComponentItem", "ROOT CAUSE"));
    // Pinned to the card's top-right corner, half outside so it never covers the text.
    const QRectF b = m_badge->boundingRect();
    m_badge->setPos(kWidth - b.width() - 10, -b.height() / 2);
    layoutText();
    updateToolTip();
    update();
}

void ComponentItem::addLink(LinkItem* link)
{
    if (!m_links.contains(link))
        m_links.append(link);
}

void ComponentItem::removeLink(LinkItem* link)
{
    m_links.removeAll(link);
}

QString ComponentItem::summary() const
{
    return m_verdict.summaryText().in(LanguageManager::engineLanguage());
}

QString ComponentItem::accessibleText() const
{
    QString text = names::component(m_id, m_verdict.label) + QStringLiteral(", ") +
                   names::state(m_verdict.state);
    if (!m_verdict.object.isEmpty())
        text += QStringLiteral(", ") + m_verdict.object;
    if (isRootCause())
        text += QStringLiteral(", ") + m_badge->text();
    if (!summary().isEmpty())
        text += QStringLiteral(": ") + summary();
    return text;
}

void ComponentItem::updateToolTip()
{
    QString tip = QStringLiteral("<b>%1</b> — %2")
                      .arg(names::component(m_id, m_verdict.label).toHtmlEscaped(),
                           names::state(m_verdict.state).toHtmlEscaped());
    if (!m_verdict.object.isEmpty())
        tip += QStringLiteral("<br/><i>%1</i>").arg(m_verdict.object.toHtmlEscaped());
    if (!summary().isEmpty())
        tip += QStringLiteral("<br/>%1").arg(
            names::withoutObject(summary(), m_verdict.object).toHtmlEscaped());
    setToolTip(tip);
}

bool ComponentItem::hasAlarmBorder() const
{
    return m_onRedPath && m_verdict.state == ComponentState::Failing;
}

// Laid out when the text changes, not on every paint (the red path's dashes repaint often).
void ComponentItem::layoutText()
{
    const QString object = m_verdict.object.isEmpty() ? QStringLiteral("—") : m_verdict.object;
    m_objectLines =
        identifierLines(object, cardFont(kObjectPointSize), kTextWidth, kMaxObjectLines);
    // The object is written just above: the verdict does not name it again.
    const QString verdict = summary().isEmpty() ? names::state(m_verdict.state)
                                                : names::withoutObject(summary(), m_verdict.object);
    const QFontMetricsF objectMetrics(cardFont(kObjectPointSize));
    const QFontMetricsF verdictMetrics(cardFont(kVerdictPointSize));
    const qreal top = kObjectTop + m_objectLines.size() * objectMetrics.lineSpacing() + 6;
    // As many lines as the card holds below the object.
    const int room = qBound(1, int((kHeight - kBottomMargin - top) / verdictMetrics.lineSpacing()),
                            kMaxVerdictLines);
    m_verdictLines = wrappedLines(verdict, cardFont(kVerdictPointSize), kTextWidth, room,
                                  Qt::ElideRight, QTextOption::WrapAtWordBoundaryOrAnywhere);
}

QRectF ComponentItem::boundingRect() const
{
    // Room for the focus ring and the thick red-path border.
    return QRectF(-4, -4, kWidth + 8, kHeight + 8);
}

void ComponentItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF card(0, 0, kWidth, kHeight);
    const QColor stateColor = m_theme.stateColor(m_verdict.state);

    QPen border(hasAlarmBorder() ? m_theme.redPath : m_theme.border, hasAlarmBorder() ? 3 : 1.2);
    if (m_verdict.state == ComponentState::Unknown)
        border.setStyle(Qt::DashLine);
    painter->setPen(border);
    painter->setBrush(m_theme.card);
    painter->drawRoundedRect(card, 10, 10);

    // State stripe on the left edge.
    painter->setPen(Qt::NoPen);
    painter->setBrush(stateColor);
    painter->drawRoundedRect(QRectF(1.5, 1.5, 8, kHeight - 3), 4, 4);

    iconRenderer(names::iconPath(m_id))->render(painter, QRectF(18, 14, 36, 36));
    // State dot under the icon: the colour is not the only cue (shape + text too).
    const QPointF dot(36, 72);
    painter->setBrush(stateColor);
    painter->drawEllipse(dot, 8, 8);
    painter->setPen(QPen(Qt::white, 2));
    if (m_verdict.state == ComponentState::Healthy)
        painter->drawPolyline(
            QPolygonF({dot + QPointF(-4, 0), dot + QPointF(-1, 3), dot + QPointF(4.5, -3)}));
    else if (m_verdict.state == ComponentState::Failing)
        painter->drawLine(dot - QPointF(3.5, 0), dot + QPointF(3.5, 0));
    else
        painter->drawPoint(dot);

    paintText(painter);
    paintRing(painter, option);
}

// One ring at a time: solid when selected (the card the inspector shows), dotted when only the
// keyboard focus is on it.
void ComponentItem::paintRing(QPainter* painter, const QStyleOptionGraphicsItem* option)
{
    const bool selected = option->state & QStyle::State_Selected;
    const bool focused = option->state & QStyle::State_HasFocus;
    if (!selected && !focused)
        return;
    painter->setPen(QPen(m_theme.focus, 2, selected ? Qt::SolidLine : Qt::DotLine));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(QRectF(0, 0, kWidth, kHeight).adjusted(-3, -3, 3, 3), 12, 12);
}

void ComponentItem::paintText(QPainter* painter)
{
    // A long name ("Namespace Controller") gets a smaller font before it would be elided.
    const QString name = names::component(m_id, m_verdict.label);
    QFont nameFont = cardFont(kNamePointSize, true);
    while (nameFont.pointSizeF() > kObjectPointSize + 1 &&
           QFontMetricsF(nameFont).horizontalAdvance(name) > kTextWidth)
        nameFont.setPointSizeF(nameFont.pointSizeF() - 0.5);
    painter->setPen(m_theme.cardText);
    painter->setFont(nameFont);
    painter->drawText(QRectF(kTextLeft, 6, kTextWidth, kObjectTop - 6),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetricsF(nameFont).elidedText(name, Qt::ElideRight, kTextWidth));

    const QFont objectFont = cardFont(kObjectPointSize);
    const qreal objectLine = QFontMetricsF(objectFont).lineSpacing();
    painter->setFont(objectFont);
    painter->setPen(m_theme.mutedText);
    const QStringList& objects = m_objectLines;
    for (int i = 0; i < objects.size(); ++i)
        painter->drawText(QRectF(kTextLeft, kObjectTop + i * objectLine, kTextWidth, objectLine),
                          Qt::AlignLeft | Qt::AlignVCenter, objects.at(i));

    const QFont verdictFont = cardFont(kVerdictPointSize);
    const qreal verdictLine = QFontMetricsF(verdictFont).lineSpacing();
    const qreal top = kObjectTop + objects.size() * objectLine + 6;
    painter->setFont(verdictFont);
    painter->setPen(m_verdict.state == ComponentState::Failing ? m_theme.redPath
                                                               : m_theme.cardText);
    const QStringList& lines = m_verdictLines;
    for (int i = 0; i < lines.size(); ++i)
        painter->drawText(QRectF(kTextLeft, top + i * verdictLine, kTextWidth, verdictLine),
                          Qt::AlignLeft | Qt::AlignVCenter, lines.at(i));
}

QVariant ComponentItem::itemChange(GraphicsItemChange change, const QVariant& value)
{
    if (change == ItemPositionHasChanged)
        for (LinkItem* link : std::as_const(m_links))
            link->adjust();
    return QGraphicsObject::itemChange(change, value);
}

void ComponentItem::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter ||
        event->key() == Qt::Key_Space) {
        Q_EMIT activated(m_id);
        return;
    }
    QGraphicsObject::keyPressEvent(event);
}

void ComponentItem::focusInEvent(QFocusEvent* event)
{
    QGraphicsObject::focusInEvent(event);
    Q_EMIT focused(m_id);
}

void ComponentItem::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event)
{
    Q_EMIT activated(m_id);
    QGraphicsObject::mouseDoubleClickEvent(event);
}

} // namespace unstuck::ui
