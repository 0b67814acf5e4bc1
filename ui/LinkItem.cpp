// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/LinkItem.h"

#include "ui/BadgeItem.h"
#include "ui/ComponentItem.h"
#include "ui/ComponentNames.h"
#include "ui/LanguageManager.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QKeyEvent>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>
#include <QtMath>

namespace unstuck::ui {

namespace {
constexpr qreal kArrow = 11;

// The label's font: 11 pt, smaller (down to 8 pt) when a horizontal link's gap between two cards
// is narrower than the label, so the label never runs under a card's edge.
QFont labelFont(const QString& text, const QLineF& line)
{
    QFont f;
    f.setPointSizeF(11);
    if (qAbs(line.dx()) <= qAbs(line.dy()))
        return f;
    const qreal room = qAbs(line.dx()) - 2 * kArrow;
    while (f.pointSizeF() > 8 && QFontMetricsF(f).horizontalAdvance(text) + 14 > room)
        f.setPointSizeF(f.pointSizeF() - 0.5);
    return f;
}

// Where the segment from the card centre towards `other` leaves the card's rectangle.
QPointF borderPoint(const QRectF& rect, const QPointF& other)
{
    const QPointF c = rect.center();
    const QPointF d = other - c;
    if (qFuzzyIsNull(d.x()) && qFuzzyIsNull(d.y()))
        return c;
    const qreal sx = qFuzzyIsNull(d.x()) ? 1e9 : (rect.width() / 2) / qAbs(d.x());
    const qreal sy = qFuzzyIsNull(d.y()) ? 1e9 : (rect.height() / 2) / qAbs(d.y());
    return c + d * qMin(sx, sy);
}
} // namespace

LinkItem::LinkItem(ComponentItem* from, ComponentItem* to, QGraphicsItem* parent)
    : QGraphicsObject(parent), m_from(from), m_to(to)
{
    m_verdict.from = from->id();
    m_verdict.to = to->id();
    setFlags(ItemIsSelectable | ItemIsFocusable);
    setCursor(Qt::PointingHandCursor);
    setZValue(1);
    m_badge = new BadgeItem(this);
    m_badge->setVisible(false);
    from->addLink(this);
    to->addLink(this);
    retranslate();
    adjust();
}

LinkItem::~LinkItem()
{
    m_from->removeLink(this);
    m_to->removeLink(this);
}

void LinkItem::setVerdict(const LinkVerdict& verdict)
{
    m_verdict = verdict;
    updateToolTip();
    update();
}

void LinkItem::setTheme(const Theme& theme)
{
    m_theme = theme;
    m_badge->setColor(theme.redPath);
    update();
}

void LinkItem::setOnRedPath(bool on)
{
    m_onRedPath = on;
    setZValue(on ? 1.5 : 1);
    update();
}

void LinkItem::setAnimated(bool animated)
{
    m_animated = animated;
    if (!animated)
        m_dashOffset = 0;
    update();
}

void LinkItem::setRootCause(bool root)
{
    m_badge->setVisible(root);
    updateToolTip();
}

bool LinkItem::isRootCause() const
{
    return m_badge->isVisible();
}

void LinkItem::advanceDash()
{
    if (!m_animated || !m_onRedPath)
        return;
    m_dashOffset -= 1.5;
    if (m_dashOffset < -1000)
        m_dashOffset = 0;
    update();
}

void LinkItem::retranslate()
{
    m_badge->setText(QCoreApplication::translate("unstuck::ui::ComponentItem", "ROOT CAUSE"));
    prepareGeometryChange();
    placeBadge();
    updateToolTip();
}

QString LinkItem::label() const
{
    return names::relation(m_verdict.from, m_verdict.to);
}

QString LinkItem::summary() const
{
    return m_verdict.summaryText().in(LanguageManager::engineLanguage());
}

QString LinkItem::accessibleText() const
{
    QString text =
        QCoreApplication::translate("unstuck::ui::LinkItem", "%1 → %2 (%3): %4")
            .arg(names::component(m_verdict.from, m_from ? m_from->verdict().label : QString()),
                 names::component(m_verdict.to, m_to ? m_to->verdict().label : QString()), label(),
                 names::state(m_verdict.state));
    if (!summary().isEmpty())
        text += QStringLiteral(", ") + summary();
    return text;
}

void LinkItem::updateToolTip()
{
    QString tip = QStringLiteral("<b>%1</b> — %2")
                      .arg(label().toHtmlEscaped(), names::state(m_verdict.state).toHtmlEscaped());
    if (!summary().isEmpty())
        tip += QStringLiteral("<br/>%1").arg(summary().toHtmlEscaped());
    setToolTip(tip);
}

void LinkItem::adjust()
{
    const QRectF a = m_from->sceneBoundingRect().adjusted(4, 4, -4, -4);
    const QRectF b = m_to->sceneBoundingRect().adjusted(4, 4, -4, -4);
    prepareGeometryChange();
    m_line = QLineF(borderPoint(a, b.center()), borderPoint(b, a.center()));
    placeBadge();
}

QRectF LinkItem::labelRect() const
{
    const QFontMetricsF fm(labelFont(label(), m_line));
    const QSizeF size(fm.horizontalAdvance(label()) + 14, fm.height() + 6);
    const QPointF mid = m_line.center();
    return QRectF(mid - QPointF(size.width() / 2, size.height() / 2), size);
}

void LinkItem::placeBadge()
{
    const QRectF r = labelRect();
    const QRectF b = m_badge->boundingRect();
    m_badge->setPos(r.center().x() - b.width() / 2, r.bottom() + 2);
}

QRectF LinkItem::boundingRect() const
{
    QRectF r =
        QRectF(m_line.p1(), m_line.p2()).normalized().adjusted(-kArrow, -kArrow, kArrow, kArrow);
    return r.united(labelRect().adjusted(-3, -3, 3, 3));
}

QPainterPath LinkItem::shape() const
{
    QPainterPath path(m_line.p1());
    path.lineTo(m_line.p2());
    QPainterPathStroker stroker;
    stroker.setWidth(12);
    QPainterPath s = stroker.createStroke(path);
    s.addRoundedRect(labelRect(), 6, 6);
    return s;
}

void LinkItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    if (m_line.length() < 1)
        return;
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor color = m_onRedPath ? m_theme.redPath : m_theme.linkColor(m_verdict.state);
    QPen pen(color, m_onRedPath ? 4 : 2);
    if (m_onRedPath && m_animated) {
        pen.setDashPattern({3, 2});
        pen.setDashOffset(m_dashOffset);
    } else if (m_verdict.state == LinkState::Unknown) {
        pen.setStyle(Qt::DashLine);
    }
    pen.setCapStyle(Qt::FlatCap);
    painter->setPen(pen);
    const QLineF shaft(m_line.p1(), m_line.pointAt(1 - (kArrow * 0.8) / m_line.length()));
    painter->drawLine(shaft);

    // Arrow head at the dependency's end.
    const qreal angle = qDegreesToRadians(-m_line.angle());
    const QPointF tip = m_line.p2();
    const QPointF left = tip - QPointF(qCos(angle - 0.45), qSin(angle - 0.45)) * kArrow * 1.4;
    const QPointF right = tip - QPointF(qCos(angle + 0.45), qSin(angle + 0.45)) * kArrow * 1.4;
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawPolygon(QPolygonF({tip, left, right}));

    const QRectF r = labelRect();
    const bool selected = option->state & (QStyle::State_Selected | QStyle::State_HasFocus);
    painter->setBrush(m_theme.card);
    painter->setPen(QPen(selected ? m_theme.focus : color, selected ? 2 : 1));
    painter->drawRoundedRect(r, 6, 6);
    painter->setFont(labelFont(label(), m_line));
    painter->setPen(m_theme.cardText);
    painter->drawText(r, Qt::AlignCenter, label());
}

void LinkItem::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter ||
        event->key() == Qt::Key_Space) {
        Q_EMIT activated(id());
        return;
    }
    QGraphicsObject::keyPressEvent(event);
}

void LinkItem::focusInEvent(QFocusEvent* event)
{
    QGraphicsObject::focusInEvent(event);
    Q_EMIT focused(id());
}

void LinkItem::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event)
{
    Q_EMIT activated(id());
    QGraphicsObject::mouseDoubleClickEvent(event);
}

} // namespace unstuck::ui
