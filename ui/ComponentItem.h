// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/verdict/DiagnosisResult.h"
#include "ui/Theme.h"

#include <QGraphicsObject>
#include <QList>

namespace unstuck::ui {

class BadgeItem;
class LinkItem;

// One card per component: icon, name, the concrete object, state colour and the verdict on a few
// wrapped lines (full text in the tooltip). Links attached to it follow it when it moves.
class ComponentItem : public QGraphicsObject
{
    Q_OBJECT
public:
    static constexpr qreal kWidth = 300;
    static constexpr qreal kHeight = 200;
    // Text sizes in scene units: the view scales them with the graph (fit, zoom, presenter), so
    // a graph fitted to a 900×500 pane shows its verdicts at about 13 px.
    static constexpr qreal kNamePointSize = 15;
    static constexpr qreal kObjectPointSize = 11;
    static constexpr qreal kVerdictPointSize = 13.5;

    explicit ComponentItem(const QString& id, QGraphicsItem* parent = nullptr);

    QString id() const { return m_id; }
    void setVerdict(const ComponentVerdict& verdict);
    const ComponentVerdict& verdict() const { return m_verdict; }
    void setTheme(const Theme& theme);
    void setOnRedPath(bool on);
    bool isOnRedPath() const { return m_onRedPath; }
    // The thick red border: only a failing card on the red path. Healthy cards on the path stay
    // neutral; the red links carry the path.
    bool hasAlarmBorder() const;
    void setRootCause(bool root);
    bool isRootCause() const;
    BadgeItem* badge() const { return m_badge; }
    // Re-reads translated names (after a language switch).
    void retranslate();

    void addLink(LinkItem* link);
    void removeLink(LinkItem* link);

    // Text a screen reader announces for this card.
    QString accessibleText() const;
    // The verdict in the current language (the engine writes English and Chinese).
    QString summary() const;
    // The lines drawn on the card: object lines then verdict lines (wrapped, the last elided).
    QStringList objectLines() const { return m_objectLines; }
    QStringList verdictLines() const { return m_verdictLines; }

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
    void layoutText();
    void paintText(QPainter* painter);
    void paintRing(QPainter* painter, const QStyleOptionGraphicsItem* option);

    QString m_id;
    ComponentVerdict m_verdict;
    Theme m_theme;
    bool m_onRedPath = false;
    BadgeItem* m_badge = nullptr;
    QList<LinkItem*> m_links;
    QStringList m_objectLines;
    QStringList m_verdictLines;
};

} // namespace unstuck::ui
