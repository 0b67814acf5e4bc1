// SPDX-License-Identifier: GPL-3.0-or-later
// TEMPORARY: keeps the ui library non-empty until the first widgets land (issue 5).
namespace unstuck::ui {
void uiScaffold() {}
} // namespace unstuck::ui
