// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/verdict/DiagnosisResult.h"
#include "ui/Theme.h"

#include <QGraphicsObject>
#include <QList>

namespace unstuck::ui {

class BadgeItem;
class LinkItem;

// One card per component: icon, name, the concrete object, state colour and a one-line
// verdict (full text in the tooltip). Links attached to it follow it when it moves.
class ComponentItem : public QGraphicsObject
{
    Q_OBJECT
public:
    static constexpr qreal kWidth = 284;
    static constexpr qreal kHeight = 96;

    explicit ComponentItem(const QString& id, QGraphicsItem* parent = nullptr);

    QString id() const { return m_id; }
    void setVerdict(const ComponentVerdict& verdict);
    const ComponentVerdict& verdict() const { return m_verdict; }
    void setTheme(const Theme& theme);
    void setOnRedPath(bool on);
    bool isOnRedPath() const { return m_onRedPath; }
    void setRootCause(bool root);
    bool isRootCause() const;
    BadgeItem* badge() const { return m_badge; }
    // Re-reads translated names (after a language switch).
    void retranslate();

    void addLink(LinkItem* link);
    void removeLink(LinkItem* link);

    // Text a screen reader announces for this card.
    QString accessibleText() const;
    // The one-line verdict in the current language (the engine writes English and Chinese).
    QString summary() const;

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    enum { Type = UserType + 1 };
    int type() const override { return Type; }

Q_SIGNALS:
    void activated(const QString& id);
    void focused(const QString& id);

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;
    void keyPressEvent(QKeyEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;

private:
    void updateToolTip();
    void paintText(QPainter* painter, const QRectF& card);

    QString m_id;
    ComponentVerdict m_verdict;
    Theme m_theme;
    bool m_onRedPath = false;
    BadgeItem* m_badge = nullptr;
    QList<LinkItem*> m_links;
};

} // namespace unstuck::ui
