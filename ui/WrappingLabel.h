// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

#include <array>

namespace unstuck::ui {

// A word-wrapped label for side panels (wrappingPolicy: the panel's width, the height follows
// it) that remembers its height for the last few widths. A layout asks a wrapped label's
// heightForWidth many times per pass (minimum, preferred, each row), and QLabel answers every
// call by laying its text out again: for rich text a whole QTextDocument, reshaped each time.
class WrappingLabel : public QLabel
{
    Q_OBJECT
public:
    explicit WrappingLabel(QWidget* parent = nullptr);
    explicit WrappingLabel(const QString& text, QWidget* parent = nullptr);

    int heightForWidth(int width) const override;
    // The width is the panel's (wrappingPolicy ignores the hint), so the hint is the height at
    // the width the label has, not QLabel's search for a pleasant width: that search lays the
    // text out up to six times, again for every layout pass after a change.
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Known
    {
        int width = -1;
        int height = 0;
    };
    // What the heights depend on besides the font and the style (see changeEvent).
    struct Shape
    {
        QString text;
        Qt::TextFormat format = Qt::AutoText;
        int margin = 0;
        int indent = -1;
        bool operator==(const Shape&) const = default;
    };
    Shape shape() const;
    int hintWidth() const;
    void forget() const;

    mutable Shape m_shape;
    mutable std::array<Known, 4> m_known{};
    mutable size_t m_next = 0;
};

} // namespace unstuck::ui
