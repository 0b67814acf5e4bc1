// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/WrappingLabel.h"

#include "ui/WrappingPolicy.h"

#include <QEvent>

namespace unstuck::ui {

WrappingLabel::WrappingLabel(QWidget* parent) : WrappingLabel(QString(), parent) {}

WrappingLabel::WrappingLabel(const QString& text, QWidget* parent) : QLabel(text, parent)
{
    setWordWrap(true);
    setSizePolicy(wrappingPolicy());
}

WrappingLabel::Shape WrappingLabel::shape() const
{
    return {text(), textFormat(), margin(), indent()};
}

void WrappingLabel::forget() const
{
    m_known.fill({});
    m_next = 0;
}

int WrappingLabel::heightForWidth(int width) const
{
    if (Shape now = shape(); !(now == m_shape)) {
        m_shape = std::move(now);
        forget();
    }
    for (const Known& k : m_known)
        if (k.width == width)
            return k.height;
    const int height = QLabel::heightForWidth(width);
    m_known[m_next] = {width, height};
    m_next = (m_next + 1) % m_known.size();
    return height;
}

void WrappingLabel::changeEvent(QEvent* event)
{
    switch (event->type()) {
    case QEvent::FontChange:
    case QEvent::StyleChange:
    case QEvent::ContentsRectChange:
        forget();
        break;
    default:
        break;
    }
    QLabel::changeEvent(event);
}

} // namespace unstuck::ui
