// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ConnectView.h"

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
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace unstuck::ui {

ConnectView::ConnectView(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_intro(new QLabel(this)),
      m_kubeBox(new QGroupBox(this)), m_contexts(new QListWidget(this)),
      m_kubeFiles(new QLabel(this)), m_cloudBox(new QGroupBox(this)),
      m_cloud(new QListWidget(this)), m_noCloud(new QCheckBox(this)),
      m_profileBox(new QGroupBox(this)), m_profile(new QLineEdit(this)),
      m_browse(new QPushButton(this)), m_namespaceLabel(new QLabel(this)),
      m_namespace(new QLineEdit(this)), m_error(new QLabel(this)),
      m_diagnose(new QPushButton(this)), m_demoLabel(new QLabel(this)),
      m_scenario(new QComboBox(this)), m_demo(new QPushButton(this))
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
    columns->addWidget(m_kubeBox, 3);
    auto* cloud = new QVBoxLayout(m_cloudBox);
    m_cloud->setObjectName(QStringLiteral("cloudSources"));
    m_cloud->setSelectionMode(QAbstractItemView::NoSelection);
    cloud->addWidget(m_cloud);
    cloud->addWidget(m_noCloud);
    columns->addWidget(m_cloudBox, 2);
    layout->addLayout(columns, 1);

    auto* profile = new QHBoxLayout(m_profileBox);
    m_profile->setObjectName(QStringLiteral("profileFile"));
    profile->addWidget(m_profile, 1);
    profile->addWidget(m_browse);
    layout->addWidget(m_profileBox);

    auto* form = new QHBoxLayout();
    form->addWidget(m_namespaceLabel);
    form->addWidget(m_namespace, 1);
    form->addStretch(1);
    m_diagnose->setObjectName(QStringLiteral("diagnoseButton"));
    m_diagnose->setDefault(true);
    form->addWidget(m_diagnose);
    layout->addLayout(form);

    m_error->setObjectName(QStringLiteral("connectError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("QLabel{color:#e53935;border:1px solid #e53935;"
                                          "border-radius:4px;padding:6px;}"));
    m_error->hide();
    layout->addWidget(m_error);

    auto* demo = new QHBoxLayout();
    demo->addWidget(m_demoLabel);
    m_scenario->setObjectName(QStringLiteral("scenario"));
    demo->addWidget(m_scenario);
    demo->addWidget(m_demo);
    demo->addStretch(1);
    layout->addLayout(demo);

    connect(m_diagnose, &QPushButton::clicked, this, &ConnectView::onDiagnose);
    connect(m_contexts, &QListWidget::itemDoubleClicked, this, &ConnectView::onDiagnose);
    connect(m_browse, &QPushButton::clicked, this, &ConnectView::browseProfileRequested);
    connect(m_demo, &QPushButton::clicked, this,
            [this] { Q_EMIT demoRequested(m_scenario->currentText()); });

    QSettings settings;
    m_profile->setText(settings.value(QStringLiteral("connect/profile")).toString());
    m_noCloud->setChecked(settings.value(QStringLiteral("connect/noCloud"), false).toBool());
    m_namespace->setText(settings.value(QStringLiteral("connect/namespace")).toString());
    retranslate();
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
    if (!sources.kubeError.isEmpty())
        showError(sources.kubeError);
    retranslate();
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

void ConnectView::showError(const QString& message)
{
    m_error->setText(message);
    m_error->show();
}

void ConnectView::clearError()
{
    m_error->clear();
    m_error->hide();
}

QString ConnectView::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
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
    if (r.profileFile.isEmpty())
        r.context = selectedContext();
    r.noCloud = m_noCloud->isChecked();
    r.namespaceName = m_namespace->text().trimmed();
    return r;
}

void ConnectView::remember() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("connect/context"), selectedContext());
    settings.setValue(QStringLiteral("connect/profile"), m_profile->text().trimmed());
    settings.setValue(QStringLiteral("connect/noCloud"), m_noCloud->isChecked());
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
                      : tr("Select a context in the list, or open a connection profile."));
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
    m_cloud->clear();
    if (m_sources.cloudSources.isEmpty())
        m_cloud->addItem(tr("none found — the cloud side will show as unknown"));
    else
        m_cloud->addItems(m_sources.cloudSources);
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
