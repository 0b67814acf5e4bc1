// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/WindowActions.h"

#include "ui/LanguageManager.h"

#include <QAction>
#include <QActionGroup>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>

namespace unstuck::ui {

WindowActions::WindowActions(QMainWindow* window) : QObject(window)
{
    add("openProfile", QKeySequence::Open);
    add("openBundle");
    for (const char* name : {"exportPng", "exportSvg", "exportHtml", "exportMarkdown"})
        add(name);
    add("quit", QKeySequence::Quit);
    add("paste", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    add("zoomIn", QKeySequence::ZoomIn);
    add("zoomOut", QKeySequence::ZoomOut);
    add("fit", QKeySequence(Qt::CTRL | Qt::Key_0));
    add("presenter", QKeySequence(Qt::Key_F11), true);
    add("darkPalette", {}, true);
    add("diagnose", QKeySequence::Refresh);
    add("cancel", QKeySequence(Qt::Key_Escape));
    add("autoRefresh", {}, true);
    add("connect");
    add("about");
    addLanguages();
    buildMenus(window);
    retranslate();
}

QAction* WindowActions::add(const char* objectName, const QKeySequence& shortcut, bool checkable)
{
    auto* a = new QAction(this);
    a->setObjectName(QString::fromLatin1(objectName));
    if (!shortcut.isEmpty())
        a->setShortcut(shortcut);
    a->setCheckable(checkable);
    m_actions.append(a);
    return a;
}

void WindowActions::addLanguages()
{
    m_languageGroup = new QActionGroup(this);
    for (const QString& code : LanguageManager::available()) {
        QAction* a = add(qPrintable(QStringLiteral("lang_") + code), {}, true);
        a->setData(code);
        a->setChecked(code == LanguageManager::current());
        // Each language is named in itself, so it can be found whatever the current one is.
        a->setText(code == QLatin1String("en") ? QStringLiteral("English")
                                               : QStringLiteral("简体中文"));
        m_languageGroup->addAction(a);
    }
}

QAction* WindowActions::action(const QString& objectName) const
{
    for (QAction* a : m_actions)
        if (a->objectName() == objectName)
            return a;
    return nullptr;
}

QMenu* WindowActions::menu(QMainWindow* window, const QList<const char*>& actions)
{
    QMenu* m = window->menuBar()->addMenu(QString());
    for (const char* name : actions)
        m->addAction(action(QString::fromLatin1(name)));
    m_menus.append(m);
    return m;
}

void WindowActions::buildMenus(QMainWindow* window)
{
    QMenu* file = menu(window, {"connect", "openProfile", "openBundle"});
    QMenu* exports = file->addMenu(QString());
    for (const char* name : {"exportPng", "exportSvg", "exportHtml", "exportMarkdown"})
        exports->addAction(action(QString::fromLatin1(name)));
    m_menus.append(exports);
    file->addSeparator();
    file->addAction(action(QStringLiteral("quit")));
    menu(window, {"paste"});
    menu(window, {"zoomIn", "zoomOut", "fit", "presenter", "darkPalette"});
    menu(window, {"diagnose", "cancel", "autoRefresh"});
    m_demoMenu = menu(window, {});
    menu(window, {})->addActions(m_languageGroup->actions());
    menu(window, {"about"});

    QToolBar* bar = window->addToolBar(QStringLiteral("main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (const char* name : {"connect", "diagnose", "cancel", "autoRefresh", "fit", "presenter"})
        bar->addAction(action(QString::fromLatin1(name)));
}

void WindowActions::retranslate()
{
    auto set = [this](const char* name, const QString& text, const QString& tip = {}) {
        QAction* a = action(QString::fromLatin1(name));
        a->setText(text);
        a->setToolTip(tip.isEmpty() ? text : tip);
    };
    set("connect", tr("&Connect…"), tr("Choose a cluster, a profile or the demo"));
    set("openProfile", tr("&Open connection profile…"));
    set("openBundle", tr("Open &capture bundle…"), tr("Replay a recorded diagnosis"));
    set("exportPng", tr("Graph as &PNG…"));
    set("exportSvg", tr("Graph as &SVG…"));
    set("exportHtml", tr("&HTML report…"));
    set("exportMarkdown", tr("&Markdown report…"));
    set("quit", tr("&Quit"));
    set("paste", tr("&Paste diagnosis input"),
        tr("Diagnose from ticket text on the clipboard (kubectl output, logs, YAML)"));
    set("zoomIn", tr("Zoom &in"));
    set("zoomOut", tr("Zoom &out"));
    set("fit", tr("&Fit to window"));
    set("presenter", tr("&Presenter view"),
        tr("Only the root cause and the graph, large enough for a projector (F11)"));
    set("darkPalette", tr("&Dark palette"));
    set("diagnose", tr("&Diagnose again"), tr("Run the diagnosis again (F5)"));
    set("cancel", tr("&Cancel"), tr("Stop the running diagnosis (Esc)"));
    set("autoRefresh", tr("&Auto-refresh"), tr("Diagnose again every 30 seconds"));
    set("about", tr("&About Unstuck"));
    const QStringList titles = {tr("&File"),     tr("&Export"), tr("&Edit"),     tr("&View"),
                                tr("&Diagnose"), tr("De&mo"),   tr("&Language"), tr("&Help")};
    for (int i = 0; i < m_menus.size(); ++i)
        m_menus.at(i)->setTitle(titles.value(i));
}

} // namespace unstuck::ui
