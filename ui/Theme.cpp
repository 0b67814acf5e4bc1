// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/Theme.h"

namespace unstuck::ui {

Theme Theme::fromPalette(const QPalette& palette)
{
    Theme t;
    t.dark = palette.color(QPalette::Window).lightness() < 128;
    t.canvas = t.dark ? QColor(0x1e, 0x1f, 0x22) : QColor(0xf4, 0xf5, 0xf7);
    t.card = t.dark ? QColor(0x2b, 0x2d, 0x31) : QColor(0xff, 0xff, 0xff);
    t.cardText = t.dark ? QColor(0xe8, 0xea, 0xed) : QColor(0x20, 0x21, 0x24);
    t.mutedText = t.dark ? QColor(0xa0, 0xa4, 0xab) : QColor(0x5f, 0x63, 0x68);
    t.border = t.dark ? QColor(0x44, 0x47, 0x4d) : QColor(0xd0, 0xd3, 0xd8);
    t.focus = palette.color(QPalette::Highlight);
    t.redPath = QColor(0xe5, 0x39, 0x35);
    return t;
}

QColor Theme::stateColor(ComponentState state) const
{
    switch (state) {
    case ComponentState::Healthy:
        return QColor(0x2e, 0x9e, 0x5b);
    case ComponentState::Failing:
        return redPath;
    case ComponentState::NotApplicable:
        return dark ? QColor(0x55, 0x58, 0x5e) : QColor(0xc4, 0xc7, 0xcc);
    case ComponentState::Unknown:
        break;
    }
    return QColor(0x8a, 0x8f, 0x98);
}

QColor Theme::linkColor(LinkState state) const
{
    switch (state) {
    case LinkState::Ok:
        return QColor(0x2e, 0x9e, 0x5b);
    case LinkState::Broken:
        return redPath;
    case LinkState::Unknown:
        break;
    }
    return QColor(0x8a, 0x8f, 0x98);
}

QPalette Theme::darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
    p.setColor(QPalette::WindowText, QColor(0xe8, 0xea, 0xed));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    p.setColor(QPalette::AlternateBase, QColor(0x2b, 0x2d, 0x31));
    p.setColor(QPalette::Text, QColor(0xe8, 0xea, 0xed));
    p.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3c));
    p.setColor(QPalette::ButtonText, QColor(0xe8, 0xea, 0xed));
    p.setColor(QPalette::ToolTipBase, QColor(0x35, 0x37, 0x3c));
    p.setColor(QPalette::ToolTipText, QColor(0xe8, 0xea, 0xed));
    p.setColor(QPalette::Highlight, QColor(0x4c, 0x8b, 0xf5));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    // Without these, disabled actions (Cancel when nothing runs) look as bright as enabled ones.
    const QColor disabledText(0x7a, 0x7e, 0x85);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    return p;
}

} // namespace unstuck::ui
