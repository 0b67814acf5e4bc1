// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/verdict/DiagnosisResult.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTextBrowser;

namespace unstuck::ui {

class FixesWidget;
class GraphScene;
class GraphView;
class HistoryChart;
class InspectorWidget;
class ProbeTimelineChart;

// The diagnosis screen: stuck namespaces on the left, the root cause in one large sentence above
// the graph in the middle, the story and the charts below it, the inspector and the fixes on the
// right. Presenter mode keeps only the sentence and the graph, so both fill the screen.
class DiagnosisPage : public QWidget
{
    Q_OBJECT
public:
    explicit DiagnosisPage(QWidget* parent = nullptr);

    void begin();
    void showPartial(const DiagnosisResult& partial);
    void showFinal(const DiagnosisResult& result);
    void showBanner(const QString& message);
    void clearBanner();
    QString warningText() const;
    QString bannerText() const;
    void applyPalette();
    void setPresenterMode(bool on);
    bool isPresenterMode() const { return m_presenter; }

    const DiagnosisResult& result() const { return m_result; }
    GraphScene* scene() const { return m_scene; }
    GraphView* view() const { return m_view; }
    InspectorWidget* inspector() const { return m_inspector; }
    FixesWidget* fixes() const { return m_fixes; }
    ProbeTimelineChart* timeline() const { return m_timeline; }
    HistoryChart* history() const { return m_history; }
    QListWidget* namespaces() const { return m_namespaces; }
    QTextBrowser* narrative() const { return m_narrative; }
    QTabWidget* sideTabs() const { return m_sideTabs; }
    QTabWidget* bottomTabs() const { return m_bottomTabs; }

Q_SIGNALS:
    void backRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void showRootCause();
    void applyHeadlineFont();
    void render(bool running);
    void fillNamespaces();
    void fillNarrative();
    void fillWarnings();
    void onNamespaceSelected();
    void inspect(const QString& id, bool isLink);

    DiagnosisResult m_result;
    bool m_running = false;
    bool m_presenter = false;
    GraphScene* m_scene;
    GraphView* m_view;
    InspectorWidget* m_inspector;
    FixesWidget* m_fixes;
    ProbeTimelineChart* m_timeline;
    HistoryChart* m_history;
    QListWidget* m_namespaces;
    QLabel* m_namespacesTitle;
    QWidget* m_left;
    QLabel* m_root;
    QLabel* m_banner;
    QLabel* m_warning; // about the connection (TLS verification off), in amber
    QPushButton* m_back;
    QTextBrowser* m_narrative;
    QTabWidget* m_sideTabs;
    QTabWidget* m_bottomTabs;
    quint64 m_renders = 0;         // results rendered so far
    QString m_narrativeHtml;       // what m_narrative shows
    QStringList m_namespacesShown; // name, phase and since of each row in m_namespaces
};

} // namespace unstuck::ui
