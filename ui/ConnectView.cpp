// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ConnectView.h"

#include "models/cloud/KeychainStore.h"
#include "models/common/Redactor.h"
#include "models/sources/LiveSource.h"
#include "ui/AccessKeyDialog.h"
#include "ui/KeychainEntries.h"
#include "ui/QtKeychainStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace unstuck::ui {

namespace {
const QString kCloudChoiceKey = QStringLiteral("connect/cloudProfile");
const QString kKeychainPrefix = QString::fromLatin1(LiveSource::kKeychainPrefix);
} // namespace

ConnectView::ConnectView(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_intro(new QLabel(this)),
      m_kubeBox(new QGroupBox(this)), m_contexts(new QListWidget(this)),
      m_kubeFiles(new QLabel(this)), m_cloudBox(new QGroupBox(this)),
      m_cloud(new QListWidget(this)), m_cloudUsed(new QLabel(this)),
      m_addKey(new QPushButton(this)), m_removeKey(new QPushButton(this)),
      m_keychainNote(new QLabel(this)), m_noCloud(new QCheckBox(this)),
      m_profileBox(new QGroupBox(this)), m_profile(new QLineEdit(this)),
      m_browse(new QPushButton(this)), m_namespaceLabel(new QLabel(this)),
      m_namespace(new QLineEdit(this)), m_diagnose(new QPushButton(this)),
      m_demoLabel(new QLabel(this)), m_scenario(new QComboBox(this)), m_demo(new QPushButton(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 18, 24, 18);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_title->setFont(big);
    m_intro->setWordWrap(true);
    layout->addWidget(m_title);
    layout->addWidget(m_intro);

    auto* columns = new QHBoxLayout();
    auto* kube = new QVBoxLayout(m_kubeBox);
    m_contexts->setObjectName(QStringLiteral("contexts"));
    kube->addWidget(m_contexts);
    m_kubeFiles->setWordWrap(true);
    m_kubeFiles->setTextInteractionFlags(Qt::TextSelectableByMouse);
    kube->addWidget(m_kubeFiles);
    addErrorLabel(kube, Place::Kube);
    columns->addWidget(m_kubeBox, 3);
    auto* cloud = new QVBoxLayout(m_cloudBox);
    m_cloud->setObjectName(QStringLiteral("cloudSources"));
    m_cloud->setSelectionMode(QAbstractItemView::SingleSelection);
    m_cloud->setWordWrap(true);
    cloud->addWidget(m_cloud);
    m_cloudUsed->setObjectName(QStringLiteral("cloudUsed"));
    m_cloudUsed->setWordWrap(true);
    m_cloudUsed->setTextInteractionFlags(Qt::TextSelectableByMouse);
    cloud->addWidget(m_cloudUsed);
    addErrorLabel(cloud, Place::Cloud);
    auto* keys = new QHBoxLayout();
    m_addKey->setObjectName(QStringLiteral("addAccessKey"));
    m_removeKey->setObjectName(QStringLiteral("removeAccessKey"));
    keys->addWidget(m_addKey);
    keys->addWidget(m_removeKey);
    keys->addStretch(1);
    cloud->addLayout(keys);
    m_keychainNote->setObjectName(QStringLiteral("keychainNote"));
    m_keychainNote->setWordWrap(true);
    m_keychainNote->hide();
    cloud->addWidget(m_keychainNote);
    cloud->addWidget(m_noCloud);
    columns->addWidget(m_cloudBox, 2);
    layout->addLayout(columns, 1);

    auto* profileColumn = new QVBoxLayout(m_profileBox);
    auto* profile = new QHBoxLayout();
    m_profile->setObjectName(QStringLiteral("profileFile"));
    profile->addWidget(m_profile, 1);
    profile->addWidget(m_browse);
    profileColumn->addLayout(profile);
    addErrorLabel(profileColumn, Place::Profile);
    layout->addWidget(m_profileBox);

    auto* form = new QHBoxLayout();
    form->addWidget(m_namespaceLabel);
    form->addWidget(m_namespace, 1);
    form->addStretch(1);
    m_diagnose->setObjectName(QStringLiteral("diagnoseButton"));
    m_diagnose->setDefault(true);
    form->addWidget(m_diagnose);
    layout->addLayout(form);

    addErrorLabel(layout, Place::General);

    auto* demo = new QHBoxLayout();
    demo->addWidget(m_demoLabel);
    m_scenario->setObjectName(QStringLiteral("scenario"));
    demo->addWidget(m_scenario);
    demo->addWidget(m_demo);
    demo->addStretch(1);
    layout->addLayout(demo);
    addErrorLabel(layout, Place::Demo);

    connect(m_diagnose, &QPushButton::clicked, this, &ConnectView::onDiagnose);
    connect(m_contexts, &QListWidget::itemDoubleClicked, this, &ConnectView::onDiagnose);
    connect(m_browse, &QPushButton::clicked, this, &ConnectView::browseProfileRequested);
    connect(m_cloud, &QListWidget::currentItemChanged, this, [this] {
        m_cloudChoice = selectedCloudChoice(); // the user's pick (refills keep it)
        updateCloudSummary();
    });
    connect(m_noCloud, &QCheckBox::toggled, this, &ConnectView::updateCloudSummary);
    connect(m_profile, &QLineEdit::textChanged, this, &ConnectView::updateCloudSummary);
    connect(m_addKey, &QPushButton::clicked, this, &ConnectView::openAddAccessKey);
    connect(m_removeKey, &QPushButton::clicked, this, &ConnectView::confirmRemoveAccessKey);
    connect(m_demo, &QPushButton::clicked, this,
            [this] { Q_EMIT demoRequested(m_scenario->currentText()); });

    QSettings settings;
    m_profile->setText(settings.value(QStringLiteral("connect/profile")).toString());
    m_noCloud->setChecked(settings.value(QStringLiteral("connect/noCloud"), false).toBool());
    m_namespace->setText(settings.value(QStringLiteral("connect/namespace")).toString());
    QString note;
    m_keychain = QtKeychainStore::createDefault(&note);
    setKeychainStore(m_keychain, note);
    m_cloudChoice = settings.value(kCloudChoiceKey).toString();
    retranslate();
}

void ConnectView::setKeychainStore(std::shared_ptr<KeychainStore> store, const QString& note)
{
    m_keychain = std::move(store);
    m_keychainNoteText = note;
    m_keychainNote->setText(note);
    m_keychainNote->setVisible(!note.isEmpty());
}

void ConnectView::setSources(const ConnectionSources& sources)
{
    m_sources = sources;
    m_contexts->clear();
    const QString remembered = QSettings().value(QStringLiteral("connect/context")).toString();
    QString preselect = sources.contexts.contains(remembered) ? remembered : sources.currentContext;
    for (const QString& name : sources.contexts) {
        auto* item = new QListWidgetItem(
            name == sources.currentContext ? tr("%1 (current)").arg(name) : name, m_contexts);
        item->setData(Qt::UserRole, name);
        if (name == preselect)
            m_contexts->setCurrentItem(item);
    }
    retranslate();
    if (!sources.kubeError.isEmpty())
        showError(tr("The kubeconfig could not be read: %1. Fix it, or point --kubeconfig or "
                     "KUBECONFIG at another file; a connection profile or the demo below works "
                     "without one.")
                      .arg(sources.kubeError.endsWith(QLatin1Char('.'))
                               ? sources.kubeError.chopped(1)
                               : sources.kubeError),
                  Place::Kube);
}

QLabel* ConnectView::addErrorLabel(QBoxLayout* layout, Place place)
{
    auto* label = new QLabel(this);
    label->setObjectName(QStringLiteral("connectError"));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setStyleSheet(QStringLiteral("QLabel{color:#e53935;border:1px solid #e53935;"
                                        "border-radius:4px;padding:6px;}"));
    label->hide();
    layout->addWidget(label);
    m_errors[size_t(place)] = label;
    return label;
}

QString ConnectView::automaticLabel() const
{
    return m_sources.automaticSource.isEmpty()
               ? tr("Automatic (none found)")
               : tr("Automatic (first found: %1)").arg(m_sources.automaticSource);
}

void ConnectView::fillCloudList(const QString& select)
{
    const QSignalBlocker blocker(m_cloud);
    m_cloud->clear();
    auto add = [this](const QString& text, const QString& choice, const QString& problem) {
        auto* item = new QListWidgetItem(text, m_cloud);
        item->setData(Qt::UserRole, choice);
        item->setData(Qt::UserRole + 1, problem);
        item->setToolTip(problem.isEmpty() ? text : problem);
        if (!problem.isEmpty())
            item->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
        return item;
    };
    QListWidgetItem* current = add(automaticLabel(), QString(), QString());
    for (const CloudSourceChoice& c : m_sources.cloudChoices) {
        auto* item = add(c.problem.isEmpty() ? c.label : tr("%1 — cannot be used").arg(c.label),
                         c.choice, c.problem);
        if (c.choice == select)
            current = item;
    }
    for (const QString& name : KeychainEntries::names()) {
        auto* item = add(tr("OS keychain: %1").arg(name), kKeychainPrefix + name, QString());
        if (kKeychainPrefix + name == select)
            current = item;
    }
    m_cloud->setCurrentItem(current);
    updateCloudSummary();
}

QString ConnectView::selectedCloudChoice() const
{
    const auto* item = m_cloud->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

QString ConnectView::selectedKeychainName() const
{
    const QString choice = selectedCloudChoice();
    return choice.startsWith(kKeychainPrefix) ? choice.mid(kKeychainPrefix.size()) : QString();
}

QString ConnectView::cloudSummary() const
{
    return m_cloudUsed->text();
}

void ConnectView::updateCloudSummary()
{
    const bool cloud = !m_noCloud->isChecked();
    m_cloud->setEnabled(cloud);
    m_addKey->setEnabled(cloud);
    m_removeKey->setEnabled(cloud && !selectedKeychainName().isEmpty());
    const auto* item = m_cloud->currentItem();
    const QString choice = selectedCloudChoice();
    const bool profile = !m_profile->text().trimmed().isEmpty();
    QString text;
    if (!cloud) {
        text = tr("The cloud side will not be checked.");
    } else if (choice.isEmpty() && profile) {
        text = tr("Will use: the cloud credentials named in the connection profile.");
    } else if (choice.isEmpty() && !m_sources.automaticSource.isEmpty()) {
        text = tr("Will use: %1").arg(m_sources.automaticSource);
    } else if (choice.isEmpty()) {
        text = tr("No cloud credentials found: the cloud side will show as unknown. Add an "
                  "access key, run `aliyun configure`, or set ALIBABA_CLOUD_ACCESS_KEY_ID and "
                  "ALIBABA_CLOUD_ACCESS_KEY_SECRET.");
    } else if (!selectedKeychainName().isEmpty()) {
        text = tr("Will use: the access key '%1' from the OS keychain (read when the diagnosis "
                  "starts).")
                   .arg(selectedKeychainName());
    } else if (const QString problem = item->data(Qt::UserRole + 1).toString();
               !problem.isEmpty()) {
        text = tr("This source cannot be used: %1").arg(problem);
    } else {
        text = tr("Will use: %1").arg(item->text());
    }
    if (cloud && profile && !choice.isEmpty())
        text += QLatin1Char(' ') + tr("It replaces the connection profile's own credentials.");
    m_cloudUsed->setText(text);
}

void ConnectView::openAddAccessKey()
{
    auto* dialog = new AccessKeyDialog(KeychainEntries::names(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        saveAccessKey(dialog->name(), dialog->accessKeyId(), dialog->accessKeySecret());
    });
    dialog->open();
}

void ConnectView::saveAccessKey(const QString& name, const QString& accessKeyId,
                                const QString& accessKeySecret)
{
    Redactor::registerSecret(accessKeySecret);
    clearError();
    m_addKey->setEnabled(false);
    QPointer<ConnectView> self(this);
    m_keychain->writeSecret(
        name, KeychainStore::encodeAccessKey(accessKeyId, accessKeySecret),
        [self, name](const QString& error) {
            if (!self)
                return;
            self->m_addKey->setEnabled(!self->m_noCloud->isChecked());
            if (!error.isEmpty()) {
                self->showError(tr("The access key '%1' was not saved: %2").arg(name, error),
                                Place::Cloud);
                return;
            }
            KeychainEntries::add(name);
            self->m_cloudChoice = kKeychainPrefix + name;
            self->fillCloudList(self->m_cloudChoice);
        });
}

void ConnectView::confirmRemoveAccessKey()
{
    const QString name = selectedKeychainName();
    if (name.isEmpty())
        return;
    auto* box = new QMessageBox(
        QMessageBox::Question, tr("Remove access key"),
        tr("Remove the access key '%1' from the OS keychain? Unstuck cannot use it afterwards "
           "until it is added again.")
            .arg(name),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("removeAccessKeyBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, name] {
        if (box->standardButton(box->clickedButton()) == QMessageBox::Yes)
            removeAccessKey(name);
    });
    box->open();
}

void ConnectView::removeAccessKey(const QString& name)
{
    clearError();
    QPointer<ConnectView> self(this);
    m_keychain->removeSecret(name, [self, name](const QString& error) {
        if (!self)
            return;
        if (!error.isEmpty()) {
            self->showError(tr("The access key '%1' was not removed: %2").arg(name, error),
                            Place::Cloud);
            return;
        }
        KeychainEntries::remove(name);
        self->m_cloudChoice.clear();
        self->fillCloudList(self->m_cloudChoice);
    });
}

void ConnectView::setProfileFile(const QString& path)
{
    m_profile->setText(path);
}

void ConnectView::setScenarios(const QStringList& scenarios)
{
    m_scenario->clear();
    m_scenario->addItems(scenarios);
}

void ConnectView::showError(const QString& message, Place place)
{
    clearError();
    QLabel* label = errorLabel(place);
    label->setText(message);
    label->show();
    // The caption under the contexts would contradict a kubeconfig error shown right there.
    m_kubeFiles->setVisible(place != Place::Kube || !m_sources.kubeconfigFiles.isEmpty());
}

void ConnectView::clearError()
{
    for (QLabel* label : m_errors) {
        label->clear();
        label->hide();
    }
    m_kubeFiles->show();
}

QString ConnectView::errorText() const
{
    for (const QLabel* label : m_errors)
        if (!label->isHidden())
            return label->text();
    return {};
}

QLabel* ConnectView::errorLabel(Place place) const
{
    return m_errors.at(size_t(place));
}

QString ConnectView::selectedContext() const
{
    const auto* item = m_contexts->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

DiagnosisRequest ConnectView::request() const
{
    DiagnosisRequest r;
    r.profileFile = m_profile->text().trimmed();
    if (r.profileFile.isEmpty()) {
        r.context = selectedContext();
        r.kubeconfig = m_sources.kubeconfig; // the file the list was read from
    }
    r.noCloud = m_noCloud->isChecked();
    r.cloudProfile = r.noCloud ? QString() : selectedCloudChoice();
    r.namespaceName = m_namespace->text().trimmed();
    return r;
}

void ConnectView::remember() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("connect/context"), selectedContext());
    settings.setValue(QStringLiteral("connect/profile"), m_profile->text().trimmed());
    settings.setValue(QStringLiteral("connect/noCloud"), m_noCloud->isChecked());
    settings.setValue(kCloudChoiceKey, selectedCloudChoice());
    settings.setValue(QStringLiteral("connect/namespace"), m_namespace->text().trimmed());
}

void ConnectView::onDiagnose()
{
    clearError();
    const DiagnosisRequest r = request();
    if (r.profileFile.isEmpty() && r.context.isEmpty()) {
        showError(m_sources.contexts.isEmpty()
                      ? tr("No Kubernetes context found. Set KUBECONFIG or create "
                           "~/.kube/config, open a connection profile (File → Open), or try "
                           "the demo below.")
                      : tr("Select a context in the list, or open a connection profile."),
                  Place::Kube);
        return;
    }
    remember();
    Q_EMIT diagnoseRequested(r);
}

void ConnectView::retranslate()
{
    m_title->setText(tr("Why is my namespace stuck in Terminating?"));
    m_intro->setText(tr("Unstuck follows the chain from the stuck namespace through the API "
                        "server, aggregated APIs, the pod network and the cloud account, and "
                        "shows where it breaks. It only reads; nothing is changed."));
    m_kubeBox->setTitle(tr("Kubernetes context"));
    m_kubeFiles->setText(
        m_sources.kubeconfigFiles.isEmpty()
            ? tr("No kubeconfig file was read.")
            : tr("From: %1").arg(m_sources.kubeconfigFiles.join(QStringLiteral(", "))));
    m_cloudBox->setTitle(tr("Cloud credentials"));
    fillCloudList(m_cloudChoice);
    m_addKey->setText(tr("Add access key…"));
    m_addKey->setToolTip(tr("Save an AccessKey pair in the OS keychain"));
    m_removeKey->setText(tr("Remove"));
    m_removeKey->setToolTip(tr("Remove the selected access key from the OS keychain"));
    m_noCloud->setText(tr("Do not look at the cloud side"));
    m_profileBox->setTitle(tr("Or a connection profile (profile.json)"));
    m_profile->setPlaceholderText(tr("Path of a connection profile; overrides the context"));
    m_browse->setText(tr("Browse…"));
    m_namespaceLabel->setText(tr("Namespace (empty = every Terminating namespace):"));
    m_diagnose->setText(tr("Diagnose"));
    m_demoLabel->setText(tr("No cluster at hand? Start the built-in simulator:"));
    m_demo->setText(tr("Start demo"));
    for (int i = 0; i < m_contexts->count(); ++i) {
        auto* item = m_contexts->item(i);
        const QString name = item->data(Qt::UserRole).toString();
        item->setText(name == m_sources.currentContext ? tr("%1 (current)").arg(name) : name);
    }
}

void ConnectView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace unstuck::ui
