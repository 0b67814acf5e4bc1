// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/diagnosis/DiagnosisEngine.h"
#include "ui/ConnectionSources.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QGroupBox;

namespace unstuck::ui {

// The start page: pick a kubeconfig context (current one preselected), see which cloud
// credentials were found, or open a connection profile; or start the demo. The last choice is
// remembered.
class ConnectView : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectView(QWidget* parent = nullptr);

    void setSources(const ConnectionSources& sources);
    void setProfileFile(const QString& path);
    void setScenarios(const QStringList& scenarios);
    // Shows a problem in place, with what to do next.
    void showError(const QString& message);
    void clearError();
    QString errorText() const;
    QString selectedContext() const;
    DiagnosisRequest request() const;

Q_SIGNALS:
    void diagnoseRequested(const unstuck::DiagnosisRequest& request);
    void demoRequested(const QString& scenario);
    void browseProfileRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void remember() const;
    void onDiagnose();

    ConnectionSources m_sources;
    QLabel* m_title;
    QLabel* m_intro;
    QGroupBox* m_kubeBox;
    QListWidget* m_contexts;
    QLabel* m_kubeFiles;
    QGroupBox* m_cloudBox;
    QListWidget* m_cloud;
    QCheckBox* m_noCloud;
    QGroupBox* m_profileBox;
    QLineEdit* m_profile;
    QPushButton* m_browse;
    QLabel* m_namespaceLabel;
    QLineEdit* m_namespace;
    QLabel* m_error;
    QPushButton* m_diagnose;
    QLabel* m_demoLabel;
    QComboBox* m_scenario;
    QPushButton* m_demo;
};

} // namespace unstuck::ui
