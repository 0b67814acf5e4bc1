// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/verdict/DiagnosisResult.h"
#include "ui/Theme.h"

#include <QGraphicsObject>

namespace unstuck::ui {

class BadgeItem;
class ComponentItem;

// A labelled arrow "A depends on B" between two cards. It follows its cards when they move;
// on the red path it is drawn thick red, with marching dashes while the diagnosis runs.
class LinkItem : public QGraphicsObject
{
    Q_OBJECT
public:
    LinkItem(ComponentItem* from, ComponentItem* to, QGraphicsItem* parent = nullptr);
    ~LinkItem() override;

    QString id() const { return m_verdict.id(); }
    ComponentItem* fromItem() const { return m_from; }
    ComponentItem* toItem() const { return m_to; }
    void setVerdict(const LinkVerdict& verdict);
    const LinkVerdict& verdict() const { return m_verdict; }
    void setTheme(const Theme& theme);
    void setOnRedPath(bool on);
    bool isOnRedPath() const { return m_onRedPath; }
    void setAnimated(bool animated);
    bool isAnimated() const { return m_animated; }
    void setRootCause(bool root);
    bool isRootCause() const;
    BadgeItem* badge() const { return m_badge; }
    void advanceDash();
    void retranslate();
    QString label() const;
    QString accessibleText() const;
    // The verdict in the current language (the engine writes English and Chinese).
    QString summary() const;

    // Recomputes the line after a card moved.
    void adjust();

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    enum { Type = UserType + 2 };
    int type() const override { return Type; }

Q_SIGNALS:
    void activated(const QString& id);
    void focused(const QString& id);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;

private:
    QRectF labelRect() const;
    void updateToolTip();
    void placeBadge();

    ComponentItem* m_from;
    ComponentItem* m_to;
    LinkVerdict m_verdict;
    Theme m_theme;
    QLineF m_line;
    bool m_onRedPath = false;
    bool m_animated = false;
    qreal m_dashOffset = 0;
    BadgeItem* m_badge = nullptr;
};

} // namespace unstuck::ui
