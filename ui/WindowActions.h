// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QKeySequence>
#include <QList>
#include <QObject>

class QAction;
class QActionGroup;
class QMainWindow;
class QMenu;

namespace unstuck::ui {

// The window's commands, found by object name: their shortcuts, where they sit in the menus and
// the toolbar, and their words in the current language. What a command does is wired by the
// window (MainWindow), which owns the behaviour.
class WindowActions : public QObject
{
    Q_OBJECT
public:
    explicit WindowActions(QMainWindow* window);

    QAction* action(const QString& objectName) const;
    // One checkable action per language, its code in QAction::data().
    QActionGroup* languageGroup() const { return m_languageGroup; }
    QMenu* demoMenu() const { return m_demoMenu; }
    void retranslate();

private:
    QAction* add(const char* objectName, const QKeySequence& shortcut = {}, bool checkable = false);
    void addLanguages();
    void buildMenus(QMainWindow* window);
    QMenu* menu(QMainWindow* window, const QList<const char*>& actions);

    QList<QAction*> m_actions;
    QActionGroup* m_languageGroup = nullptr;
    QList<QMenu*> m_menus; // in menu bar order, the Export submenu after File
    QMenu* m_demoMenu = nullptr;
};

} // namespace unstuck::ui
