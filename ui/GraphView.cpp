// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/GraphView.h"

#include "ui/GraphScene.h"

#include <QEvent>
#include <QWheelEvent>

namespace unstuck::ui {

GraphView::GraphView(GraphScene* scene, QWidget* parent)
    : QGraphicsView(scene, parent), m_scene(scene)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                   QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Dependency graph"));
    connect(scene, &GraphScene::sceneRectChanged, this, [this] {
        if (m_autoFit)
            fitToWindow();
        // The cards arrived while the view already had focus: Tab starts at the first card.
        if (hasFocus() && !m_scene->focusItem())
            m_scene->focusFirst();
    });
    connect(scene, &GraphScene::focusedTextChanged, this,
            [this](const QString& text) { setAccessibleDescription(text); });
}

void GraphView::zoomBy(qreal factor)
{
    const qreal next = zoomFactor() * factor;
    if (next < 0.15 || next > 6)
        return;
    m_autoFit = false;
    scale(factor, factor);
}

void GraphView::zoomIn()
{
    zoomBy(1.2);
}

void GraphView::zoomOut()
{
    zoomBy(1 / 1.2);
}

qreal GraphView::zoomFactor() const
{
    return transform().m11();
}

void GraphView::fitToWindow()
{
    m_autoFit = true;
    const QRectF r = m_scene->contentRect();
    fitInView(r, Qt::KeepAspectRatio);
    // The graph grows with its pane (a presenter's full-screen window makes the cards' text
    // large), but a lone card is not blown up to poster size.
    if (zoomFactor() > kMaxFitZoom) {
        resetTransform();
        scale(kMaxFitZoom, kMaxFitZoom);
        centerOn(r.center());
    }
}

void GraphView::wheelEvent(QWheelEvent* event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    zoomBy(delta > 0 ? 1.15 : 1 / 1.15);
    event->accept();
}

void GraphView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    if (m_autoFit)
        fitToWindow();
}

void GraphView::focusInEvent(QFocusEvent* event)
{
    QGraphicsView::focusInEvent(event);
    if (!m_scene->focusItem())
        m_scene->focusFirst();
}

bool GraphView::focusNextPrevChild(bool next)
{
    // QGraphicsScene only chains QGraphicsWidgets for Tab; our cards are plain items.
    if (hasFocus() && m_scene->focusNeighbour(next)) {
        if (QGraphicsItem* item = m_scene->focusItem())
            ensureVisible(item, 20, 20);
        return true;
    }
    return QGraphicsView::focusNextPrevChild(next);
}

void GraphView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        setAccessibleName(tr("Dependency graph"));
    QGraphicsView::changeEvent(event);
}

} // namespace unstuck::ui
