// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/WrappingLabel.h"

#include "ui/WrappingPolicy.h"

#include <QEvent>

#include <algorithm>

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

// Before the first layout the label has no width yet: QLabel's own first guess, 80 characters.
int WrappingLabel::hintWidth() const
{
    return width() > 0 && testAttribute(Qt::WA_Resized) ? width()
                                                        : fontMetrics().averageCharWidth() * 80;
}

QSize WrappingLabel::sizeHint() const
{
    if (sizePolicy().horizontalPolicy() != QSizePolicy::Ignored || !wordWrap())
        return QLabel::sizeHint();
    const int width = hintWidth();
    return {width, heightForWidth(width)};
}

// One line of text high, as QLabel's, without laying the text out at width zero.
QSize WrappingLabel::minimumSizeHint() const
{
    if (sizePolicy().horizontalPolicy() != QSizePolicy::Ignored || !wordWrap())
        return QLabel::minimumSizeHint();
    const QMargins m = contentsMargins();
    const int line = fontMetrics().height() + 2 * margin() + m.top() + m.bottom();
    return {0, std::min(line, sizeHint().height())};
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
