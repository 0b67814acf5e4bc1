// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/CommandRow.h"

#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

namespace unstuck::ui {

CommandRow::CommandRow(const QString& command, QWidget* parent)
    : QWidget(parent), m_text(new QLineEdit(command, this)), m_copy(new QToolButton(this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setCursorPosition(0);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_copy);
    m_copy->setObjectName(QStringLiteral("copyCommand"));
    connect(m_copy, &QToolButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(this->command());
        Q_EMIT copied(this->command());
    });
    retranslate();
}

QString CommandRow::command() const
{
    return m_text->text();
}

void CommandRow::retranslate()
{
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copy this command to the clipboard"));
    m_text->setAccessibleName(tr("Command"));
}

void CommandRow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace unstuck::ui
