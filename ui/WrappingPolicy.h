// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSizePolicy>

namespace unstuck::ui {

// For word-wrapped labels in side panels: the width is the panel's (long identifiers never widen
// it), and the height follows that width. A fresh QSizePolicy drops the heightForWidth flag QLabel
// sets for word wrap, which leaves rows as tall as in a much narrower layout.
inline QSizePolicy wrappingPolicy()
{
    QSizePolicy policy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    return policy;
}

} // namespace unstuck::ui
