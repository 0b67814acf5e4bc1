// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QStringList>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace unstuck::ui {

// "Add access key…": a name, an AccessKey ID and its secret (typed hidden). The connect view
// stores the pair in the OS keychain; this dialog only collects it.
class AccessKeyDialog : public QDialog
{
    Q_OBJECT
public:
    // existingNames: entries already saved (saving under one of them replaces it).
    explicit AccessKeyDialog(const QStringList& existingNames, QWidget* parent = nullptr);

    QString name() const;
    QString accessKeyId() const;
    QString accessKeySecret() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void validate();

    QStringList m_existing;
    QLabel* m_intro;
    QLabel* m_nameLabel;
    QLabel* m_idLabel;
    QLabel* m_secretLabel;
    QLineEdit* m_name;
    QLineEdit* m_id;
    QLineEdit* m_secret;
    QLabel* m_hint;
    QDialogButtonBox* m_buttons;
};

} // namespace unstuck::ui
