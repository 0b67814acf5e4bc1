// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/verdict/DiagnosisResult.h"
#include "ui/Theme.h"

#include <QGraphicsScene>
#include <QHash>
#include <QTimer>

namespace unstuck::ui {

class ComponentItem;
class LinkItem;

// Holds one card per component and one arrow per link of a DiagnosisResult. Items are reused
// across updates (partial results arrive many times per run) so the view never flickers and
// the selection survives.
class GraphScene : public QGraphicsScene
{
    Q_OBJECT
public:
    explicit GraphScene(QObject* parent = nullptr);
    ~GraphScene() override;

    // running = the diagnosis is still probing: the red path marches.
    void setResult(const DiagnosisResult& result, bool running);
    void clearResult();
    void setRunning(bool running);
    void setTheme(const Theme& theme);
    void retranslate();

    ComponentItem* componentItem(const QString& id) const { return m_components.value(id); }
    LinkItem* linkItem(const QString& linkId) const { return m_links.value(linkId); }
    QList<ComponentItem*> componentItems() const;
    QList<LinkItem*> linkItems() const;
    // Moves keyboard focus to the selected item, else the first card (Tab then walks the cards
    // in chain order).
    void focusFirst();
    // Moves keyboard focus to the next/previous card or link in chain order; false at the end
    // (focus then leaves the graph, as Tab does everywhere else).
    bool focusNeighbour(bool next);
    // Selects a card or link and gives it the keyboard focus.
    void select(const QString& id);
    // The scene's content rect with a margin (used for fit-to-window and exports).
    QRectF contentRect() const;

    // Where each known component sits: columns and rows of the incident picture.
    static QPointF gridPosition(const QString& componentId, int extraIndex);

Q_SIGNALS:
    void inspectRequested(const QString& id, bool isLink);
    void focusedTextChanged(const QString& accessibleText);

private:
    ComponentItem* ensureComponent(const ComponentVerdict& verdict, int* extraIndex);
    LinkItem* ensureLink(const LinkVerdict& verdict);
    void removeStale(const DiagnosisResult& result);
    void applyRedPath(const DiagnosisResult& result);
    void onSelectionChanged();

    QHash<QString, ComponentItem*> m_components;
    QHash<QString, LinkItem*> m_links;
    QList<QString> m_order; // insertion order = Tab order
    Theme m_theme;
    QTimer m_dashTimer;
    bool m_running = false;
};

} // namespace unstuck::ui
