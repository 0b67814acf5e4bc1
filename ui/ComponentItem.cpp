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
// The verdict on two lines: the first as much as fits (broken at a word, or anywhere in Chinese),
// the second elided, so a long sentence neither overlaps the card's edge nor ends after a word.
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
        length = line.textLength();
    }
    layout.endLayout();
    return length;
}

QStringList twoLines(const QString& text, const QFont& font, qreal width)
{
    int first = firstLineLength(text, font, width, QTextOption::WrapAtWordBoundaryOrAnywhere);
    // A long identifier right after a short word would leave the first line nearly empty.
    if (first < text.size() && QFontMetricsF(font).horizontalAdvance(text.left(first)) < width / 2)
        first = firstLineLength(text, font, width, QTextOption::WrapAnywhere);
    const QString rest = text.mid(first).trimmed();
    QStringList lines{text.left(first).trimmed()};
    if (!rest.isEmpty())
        lines << QFontMetricsF(font).elidedText(rest, Qt::ElideRight, width);
    return lines;
}
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
        tip += QStringLiteral("<br/>%1").arg(summary().toHtmlEscaped());
    setToolTip(tip);
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
    const bool selected = option->state & QStyle::State_Selected;
    const bool focused = option->state & QStyle::State_HasFocus;

    QPen border(m_onRedPath ? m_theme.redPath : m_theme.border, m_onRedPath ? 3 : 1.2);
    if (m_verdict.state == ComponentState::Unknown)
        border.setStyle(Qt::DashLine);
    painter->setPen(border);
    painter->setBrush(m_theme.card);
    painter->drawRoundedRect(card, 10, 10);

    // State stripe on the left edge.
    painter->setPen(Qt::NoPen);
    painter->setBrush(stateColor);
    painter->drawRoundedRect(QRectF(1.5, 1.5, 8, kHeight - 3), 4, 4);

    iconRenderer(names::iconPath(m_id))->render(painter, QRectF(20, 14, 36, 36));
    // State dot under the icon: the colour is not the only cue (shape + text too).
    painter->setBrush(stateColor);
    painter->drawEllipse(QPointF(38, 66), 7, 7);
    painter->setPen(QPen(Qt::white, 2));
    if (m_verdict.state == ComponentState::Healthy)
        painter->drawPolyline(QPolygonF({{34.5, 66}, {37, 68.5}, {41.5, 63.5}}));
    else if (m_verdict.state == ComponentState::Failing)
        painter->drawLine(QPointF(35, 66), QPointF(41, 66));
    else
        painter->drawPoint(QPointF(38, 66));

    paintText(painter, card);

    if (selected || focused) {
        painter->setPen(QPen(m_theme.focus, 2, focused ? Qt::DotLine : Qt::SolidLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(card.adjusted(-3, -3, 3, 3), 12, 12);
    }
}

void ComponentItem::paintText(QPainter* painter, const QRectF& card)
{
    const qreal left = 66;
    const qreal width = card.width() - left - 10;
    QFont nameFont = painter->font();
    nameFont.setPointSizeF(10.5);
    nameFont.setBold(true);
    QFont small = painter->font();
    small.setPointSizeF(8.5);

    painter->setPen(m_theme.cardText);
    painter->setFont(nameFont);
    const QString name = names::component(m_id, m_verdict.label);
    painter->drawText(QRectF(left, 10, width, 22), Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetricsF(nameFont).elidedText(name, Qt::ElideRight, width));

    painter->setFont(small);
    painter->setPen(m_theme.mutedText);
    const QFontMetricsF fm(small);
    const QString object = m_verdict.object.isEmpty() ? QStringLiteral("—") : m_verdict.object;
    painter->drawText(QRectF(left, 33, width, 18), Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(object, Qt::ElideMiddle, width));

    QString verdict = names::state(m_verdict.state);
    if (!summary().isEmpty())
        verdict = summary();
    painter->setPen(m_verdict.state == ComponentState::Failing ? m_theme.redPath
                                                               : m_theme.cardText);
    const QStringList lines = twoLines(verdict, small, width);
    for (int i = 0; i < lines.size(); ++i)
        painter->drawText(QRectF(left, 53 + i * 17, width, 17), Qt::AlignLeft | Qt::AlignVCenter,
                          lines.at(i));
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
