// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/BadgeItem.h"

#include <QFontMetricsF>
#include <QPainter>

namespace unstuck::ui {

namespace {
QFont badgeFont()
{
    QFont f;
    f.setPointSizeF(10.5);
    f.setBold(true);
    return f;
}
} // namespace

BadgeItem::BadgeItem(QGraphicsItem* parent) : QGraphicsItem(parent)
{
    setZValue(5);
}

void BadgeItem::setText(const QString& text)
{
    prepareGeometryChange();
    m_text = text;
    update();
}

void BadgeItem::setColor(const QColor& color)
{
    m_color = color;
    update();
}

QRectF BadgeItem::boundingRect() const
{
    const QFontMetricsF fm(badgeFont());
    return QRectF(0, 0, fm.horizontalAdvance(m_text) + 16, fm.height() + 6);
}

void BadgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    const QRectF r = boundingRect();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_color);
    painter->drawRoundedRect(r, r.height() / 2, r.height() / 2);
    painter->setPen(Qt::white);
    painter->setFont(badgeFont());
    painter->drawText(r, Qt::AlignCenter, m_text);
}

} // namespace unstuck::ui
