// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/engine/DiagnosisEngine.h"
#include "ui/ConnectionSources.h"

#include <QWidget>
#include <array>
#include <memory>

class QBoxLayout;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QGroupBox;
class QListWidgetItem;

namespace unstuck {
class KeychainStore;
}

namespace unstuck::ui {

// The start page: pick a kubeconfig context (current one preselected) and a cloud credential
// source (automatic = the SDK chain, or any source found, or an access key saved in the OS
// keychain), or open a connection profile; or start the demo. The last choices are remembered.
class ConnectView : public QWidget
{
    Q_OBJECT
public:
    // Where a problem is shown: beside the choice that caused it.
    enum class Place { General, Kube, Cloud, Profile, Demo };

    explicit ConnectView(QWidget* parent = nullptr);

    void setSources(const ConnectionSources& sources);
    void setProfileFile(const QString& path);
    void setScenarios(const QStringList& scenarios);
    // Shows a problem in place, with what to do next (one at a time: a new one replaces it).
    void showError(const QString& message, Place place = Place::General);
    void clearError();
    // The problem shown, wherever it is ("" when none).
    QString errorText() const;
    // The label that shows problems of that place.
    QLabel* errorLabel(Place place) const;
    QString selectedContext() const;
    // DiagnosisRequest::cloudProfile of the selected source: "" automatic, "env",
    // "aliyun-cli:<name>", "ini:<section>", "keychain:<name>".
    QString selectedCloudChoice() const;
    // What the selected source will be, for people ("Will use: …").
    QString cloudSummary() const;
    DiagnosisRequest request() const;

    // Where "Add access key…" stores secrets (the OS keychain in the app, a memory store in
    // tests). note, when not empty, is shown under the list (e.g. keys kept in memory only).
    void setKeychainStore(std::shared_ptr<KeychainStore> store, const QString& note = {});
    // Saves an access key under name in the keychain store, then lists and selects it.
    void saveAccessKey(const QString& name, const QString& accessKeyId,
                       const QString& accessKeySecret);

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
    void fillCloudList(const QString& select);
    void updateCloudSummary();
    void openAddAccessKey();
    void confirmRemoveAccessKey();
    void removeAccessKey(const QString& name);
    QString selectedKeychainName() const;
    QString automaticLabel() const;
    QLabel* addErrorLabel(QBoxLayout* layout, Place place);

    ConnectionSources m_sources;
    QLabel* m_title;
    QLabel* m_intro;
    QGroupBox* m_kubeBox;
    QListWidget* m_contexts;
    QLabel* m_kubeFiles;
    QGroupBox* m_cloudBox;
    QListWidget* m_cloud;
    QLabel* m_cloudUsed;
    QPushButton* m_addKey;
    QPushButton* m_removeKey;
    QLabel* m_keychainNote;
    QCheckBox* m_noCloud;
    std::shared_ptr<KeychainStore> m_keychain;
    QString m_keychainNoteText;
    QString m_cloudChoice; // wanted source: remembered, or the user's last pick
    QGroupBox* m_profileBox;
    QLineEdit* m_profile;
    QPushButton* m_browse;
    QLabel* m_namespaceLabel;
    QLineEdit* m_namespace;
    std::array<QLabel*, 5> m_errors{};
    QPushButton* m_diagnose;
    QLabel* m_demoLabel;
    QComboBox* m_scenario;
    QPushButton* m_demo;
};

} // namespace unstuck::ui
