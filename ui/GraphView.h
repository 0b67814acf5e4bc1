// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsView>

namespace unstuck::ui {

class GraphScene;

// Zoom (wheel, Ctrl +/-), pan (drag), fit-to-window (keeps fitting until the user zooms).
class GraphView : public QGraphicsView
{
    Q_OBJECT
public:
    static constexpr qreal kMaxFitZoom = 2.5;

    explicit GraphView(GraphScene* scene, QWidget* parent = nullptr);

    void zoomIn();
    void zoomOut();
    void fitToWindow();
    qreal zoomFactor() const;

protected:
    void wheelEvent(QWheelEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool focusNextPrevChild(bool next) override;

private:
    void zoomBy(qreal factor);

    GraphScene* m_scene;
    bool m_autoFit = true;
};

} // namespace unstuck::ui
