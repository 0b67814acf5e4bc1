// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QString>

namespace unstuck::ui {

// The "root cause" pill pinned to a card or a link label.
class BadgeItem : public QGraphicsItem
{
public:
    explicit BadgeItem(QGraphicsItem* parent = nullptr);

    void setText(const QString& text);
    QString text() const { return m_text; }
    void setColor(const QColor& color);

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    enum { Type = UserType + 3 };
    int type() const override { return Type; }

private:
    QString m_text;
    QColor m_color = Qt::red;
};

} // namespace unstuck::ui
