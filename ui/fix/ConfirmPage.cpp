// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/fix/ConfirmPage.h"

#include "models/common/Redactor.h"
#include "ui/ComponentNames.h"
#include "ui/LanguageManager.h"
#include "ui/fix/FixWizard.h"
#include "ui/fix/WizardText.h"

#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QVBoxLayout>

namespace unstuck::ui {

ConfirmPage::ConfirmPage(FixWizard* wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_summary(new QLabel), m_namesBox(new QWidget),
      m_namesLayout(new QVBoxLayout(m_namesBox))
{
    setObjectName(QStringLiteral("confirmPage"));
    setCommitPage(true); // after Apply there is no going back: the writes are on their way
    m_summary->setObjectName(QStringLiteral("confirmSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_namesLayout->setContentsMargins(0, 0, 0, 0);
    auto* content = new QWidget;
    auto* inner = new QVBoxLayout(content);
    inner->setContentsMargins(0, 0, 0, 0);
    inner->addWidget(m_summary);
    inner->addWidget(m_namesBox);
    inner->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(wizardtext::scrolled(content, this), 1);
}

void ConfirmPage::initializePage()
{
    render();
    if (!m_names.isEmpty())
        m_names.first()->setFocus();
}

void ConfirmPage::render()
{
    setTitle(tr("Confirm"));
    setSubTitle(tr("Apply sends these writes, in this order. Each one is recorded in the audit "
                   "log before and after it is sent."));
    setButtonText(QWizard::CommitButton, tr("&Apply"));
    const Language l = LanguageManager::engineLanguage();
    QString html;
    int count = 0;
    for (const PreparedFix& fix : m_wizard->plan().fixes) {
        if (fix.manual || fix.writes.isEmpty())
            continue;
        QStringList writes;
        for (const FixWrite& w : fix.writes) {
            writes << QStringLiteral("%1 — %2").arg(w.description.in(l),
                                                    Redactor::redact(w.request.label()));
            ++count;
        }
        html += wizardtext::list(fix.title.in(l), writes);
        if (m_wizard->healAll() && fix.fixId != m_wizard->plan().fixes.first().fixId)
            html += QStringLiteral("<p><i>%1</i></p>")
                        .arg(tr("Only if the chain is still red after the fixes before it.")
                                 .toHtmlEscaped());
    }
    html.prepend(QStringLiteral("<p>%1</p>")
                     .arg(tr("%n write(s) to the cluster or the cloud account:", nullptr, count)
                              .toHtmlEscaped()));
    m_summary->setText(html);

    const QStringList before = typedNames();
    qDeleteAll(m_namesBox->findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly));
    m_names.clear();
    m_expected.clear();
    m_required.clear();
    for (const PreparedFix& fix : m_wizard->plan().fixes) {
        if (!fix.destructive)
            continue;
        for (const QString& name : fix.confirmNames) {
            auto* label = wizardtext::wrapping(
                wizardtext::para(
                    m_wizard->healAll()
                        ? tr("%1 is destructive. Type %2 to include it (otherwise it is skipped):")
                              .arg(fix.title.in(l), name)
                        : tr("%1 is destructive. Type %2 to confirm:").arg(fix.title.in(l), name),
                    fix.risk.in(l), true),
                m_namesBox);
            auto* field = new QLineEdit(m_namesBox);
            field->setObjectName(QStringLiteral("confirmName-") + name);
            field->setPlaceholderText(name);
            field->setAccessibleName(tr("Type %1 to confirm").arg(name));
            field->setText(before.value(int(m_names.size())));
            label->setBuddy(field);
            connect(field, &QLineEdit::textChanged, this, &ConfirmPage::completeChanged);
            m_namesLayout->addWidget(label);
            m_namesLayout->addWidget(field);
            m_names << field;
            m_expected << name;
            if (!m_wizard->healAll())
                m_required << name;
        }
    }
    Q_EMIT completeChanged();
}

QStringList ConfirmPage::typedNames() const
{
    QStringList out;
    for (const QLineEdit* f : m_names)
        out << f->text().trimmed();
    return out;
}

bool ConfirmPage::isComplete() const
{
    if (m_wizard->stage() != FixWizard::Stage::Planned)
        return false;
    const QStringList typed = typedNames();
    for (const QString& name : m_required)
        if (!typed.contains(name))
            return false;
    return true;
}

bool ConfirmPage::validatePage()
{
    QStringList confirmed;
    const QStringList typed = typedNames();
    for (qsizetype i = 0; i < m_expected.size(); ++i)
        if (typed.value(i) == m_expected.at(i))
            confirmed << m_expected.at(i);
    m_wizard->startApply(confirmed);
    return true;
}

QString ConfirmPage::summaryText() const
{
    return m_summary->text();
}

void ConfirmPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange && m_wizard->currentId() == FixWizard::ConfirmId)
        render();
    QWizardPage::changeEvent(event);
}

} // namespace unstuck::ui
