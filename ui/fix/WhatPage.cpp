// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/fix/WhatPage.h"

#include "ui/ComponentNames.h"
#include "ui/LanguageManager.h"
#include "ui/fix/FixWizard.h"
#include "ui/fix/WizardText.h"

#include <QEvent>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace unstuck::ui {

WhatPage::WhatPage(FixWizard* wizard) : QWizardPage(wizard), m_wizard(wizard), m_body(new QLabel)
{
    setObjectName(QStringLiteral("whatPage"));
    m_body->setObjectName(QStringLiteral("whatText"));
    m_body->setWordWrap(true);
    m_body->setTextFormat(Qt::RichText);
    m_body->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_body->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(wizardtext::scrolled(m_body, this));
    connect(wizard, &FixWizard::diagnosisUpdated, this, &WhatPage::render);
    render();
}

QString WhatPage::text() const
{
    return m_body->text();
}

void WhatPage::render()
{
    setTitle(tr("What and why"));
    const Language l = LanguageManager::engineLanguage();
    const QList<FixPlan> plans = m_wizard->plans();
    setSubTitle(m_wizard->healAll()
                    ? tr("Heal all: the recommended fixes, root cause first. After each one "
                         "Unstuck verifies, and goes on only while the chain is still red.")
                    : tr("What this fix does, before anything is read or written."));
    QStringList html;
    if (plans.isEmpty())
        html << tr("No fix is recommended for what is broken now.").toHtmlEscaped();
    for (const FixPlan& p : plans) {
        html << QStringLiteral("<h3>%1</h3>").arg(p.titleText().in(l).toHtmlEscaped());
        html << wizardtext::para(tr("Why"), p.whyText().in(l));
        html << wizardtext::para(tr("Acts on"),
                                 wizardtext::target(m_wizard->latest(), p.appliesTo));
        html << wizardtext::para(tr("Risk"), p.riskText().in(l), wizardtext::isHighRisk(p.risk));
        QStringList changes;
        for (const FixStep& s : p.steps)
            changes << s.descriptionText().in(l);
        html << wizardtext::list(tr("What it changes"),
                                 changes.isEmpty() ? QStringList{tr("Nothing: these steps are "
                                                                    "for a person.")}
                                                   : changes);
        html << wizardtext::para(
            tr("What it does not change"),
            p.destructive ? tr("Nothing beyond the writes above; what they give up on is said "
                               "under Risk. Nothing is written until you type the name and "
                               "press Apply.")
                          : tr("Nothing beyond the writes above: no other object, policy or "
                               "route. Nothing is written until you press Apply."));
        QStringList undo;
        for (const FixStep& s : p.undo)
            undo << s.descriptionText().in(l);
        if (!undo.isEmpty())
            html << wizardtext::list(tr("Undo"), undo);
        if (!p.verify.isEmpty())
            html << wizardtext::para(tr("Done when"), p.verifyText().in(l));
    }
    m_body->setText(html.join(QString()));
}

void WhatPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        render();
    QWizardPage::changeEvent(event);
}

} // namespace unstuck::ui
