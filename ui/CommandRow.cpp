// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/CommandRow.h"

#include "ui/ComponentNames.h"
#include "ui/WrappingLabel.h"

#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace unstuck::ui {

CommandRow::CommandRow(const QString& command, QWidget* parent)
    : QWidget(parent), m_command(command), m_text(new WrappingLabel(this)),
      m_copy(new QToolButton(this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_text->setObjectName(QStringLiteral("commandText"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setText(names::breakable(command));
    // Not selectable: the wrap points are zero-width spaces, which must never reach a shell.
    // Copy and the tooltip give the command exactly.
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setToolTip(command);
    m_text->setFrameShape(QFrame::StyledPanel);
    m_text->setMargin(3);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_copy, 0, Qt::AlignTop);
    m_copy->setObjectName(QStringLiteral("copyCommand"));
    connect(m_copy, &QToolButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_command);
        Q_EMIT copied(m_command);
    });
    retranslate();
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
