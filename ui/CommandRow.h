// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLineEdit;
class QToolButton;

namespace unstuck::ui {

// A kubectl / aliyun command a person can run themselves, with a copy button.
class CommandRow : public QWidget
{
    Q_OBJECT
public:
    explicit CommandRow(const QString& command, QWidget* parent = nullptr);
    QString command() const;
    QToolButton* copyButton() const { return m_copy; }

Q_SIGNALS:
    void copied(const QString& command);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QLineEdit* m_text;
    QToolButton* m_copy;
};

} // namespace unstuck::ui
