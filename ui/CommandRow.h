// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QToolButton;

namespace unstuck::ui {

// A kubectl / aliyun command a person can run themselves, with a copy button. The whole command
// is shown (it wraps after separators instead of scrolling out of a one-line field); the tooltip
// and Copy give it exactly as typed.
class CommandRow : public QWidget
{
    Q_OBJECT
public:
    explicit CommandRow(const QString& command, QWidget* parent = nullptr);
    QString command() const { return m_command; }
    QLabel* textLabel() const { return m_text; }
    QToolButton* copyButton() const { return m_copy; }

Q_SIGNALS:
    void copied(const QString& command);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QString m_command;
    QLabel* m_text;
    QToolButton* m_copy;
};

} // namespace unstuck::ui
