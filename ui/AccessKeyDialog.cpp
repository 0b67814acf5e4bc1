// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/AccessKeyDialog.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace unstuck::ui {

AccessKeyDialog::AccessKeyDialog(const QStringList& existingNames, QWidget* parent)
    : QDialog(parent), m_existing(existingNames), m_intro(new QLabel(this)),
      m_nameLabel(new QLabel(this)), m_idLabel(new QLabel(this)), m_secretLabel(new QLabel(this)),
      m_name(new QLineEdit(this)), m_id(new QLineEdit(this)), m_secret(new QLineEdit(this)),
      m_hint(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("accessKeyDialog"));
    m_name->setObjectName(QStringLiteral("keyName"));
    m_id->setObjectName(QStringLiteral("accessKeyId"));
    m_secret->setObjectName(QStringLiteral("accessKeySecret"));
    m_secret->setEchoMode(QLineEdit::Password);
    // Keep the secret out of input-method history and the clipboard.
    m_secret->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData |
                                  Qt::ImhNoPredictiveText);
    m_intro->setWordWrap(true);
    m_hint->setWordWrap(true);
    m_hint->setObjectName(QStringLiteral("accessKeyHint"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    auto* form = new QFormLayout();
    form->addRow(m_nameLabel, m_name);
    form->addRow(m_idLabel, m_id);
    form->addRow(m_secretLabel, m_secret);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit* edit : {m_name, m_id, m_secret})
        connect(edit, &QLineEdit::textChanged, this, &AccessKeyDialog::validate);
    retranslate();
    validate();
    setMinimumWidth(460);
}

QString AccessKeyDialog::name() const
{
    return m_name->text().trimmed();
}

QString AccessKeyDialog::accessKeyId() const
{
    return m_id->text().trimmed();
}

QString AccessKeyDialog::accessKeySecret() const
{
    return m_secret->text().trimmed();
}

void AccessKeyDialog::validate()
{
    const bool complete =
        !name().isEmpty() && !accessKeyId().isEmpty() && !accessKeySecret().isEmpty();
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(complete);
    m_hint->setText(
        m_existing.contains(name())
            ? tr("An access key named '%1' is already saved; saving replaces it.").arg(name())
            : tr("The secret goes to the OS keychain only: never to Unstuck's "
                 "settings, logs or reports."));
}

void AccessKeyDialog::retranslate()
{
    setWindowTitle(tr("Add access key"));
    m_intro->setText(tr("An Alibaba Cloud RAM user's AccessKey pair. Read-only permissions are "
                        "enough for a diagnosis (vpc, ecs and ram Describe/Get/List)."));
    m_nameLabel->setText(tr("Name:"));
    m_name->setPlaceholderText(tr("e.g. prod-readonly"));
    m_idLabel->setText(tr("AccessKey ID:"));
    m_secretLabel->setText(tr("AccessKey secret:"));
    validate();
}

void AccessKeyDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace unstuck::ui
