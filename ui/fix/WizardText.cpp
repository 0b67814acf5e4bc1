// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/fix/WizardText.h"

#include "ui/ComponentNames.h"
#include "ui/LanguageManager.h"
#include "ui/WrappingPolicy.h"

#include <QCoreApplication>
#include <QLabel>
#include <QScrollArea>

namespace unstuck::ui::wizardtext {

QString para(const QString& heading, const QString& text, bool alarm)
{
    const QString body = names::breakable(text).toHtmlEscaped();
    return QStringLiteral("<p><b>%1</b><br/>%2</p>")
        .arg(heading.toHtmlEscaped(),
             alarm ? QStringLiteral("<span style='color:#e53935'>%1</span>").arg(body) : body);
}

QString list(const QString& heading, const QStringList& items)
{
    QString html =
        QStringLiteral("<p><b>%1</b></p><ul style='margin-top:0'>").arg(heading.toHtmlEscaped());
    for (const QString& item : items)
        html += QStringLiteral("<li>%1</li>").arg(names::breakable(item).toHtmlEscaped());
    return html + QStringLiteral("</ul>");
}

bool isHighRisk(const QString& riskEn)
{
    // The engine's English risk always starts with its level.
    return riskEn.startsWith(QLatin1String("high"));
}

QString target(const DiagnosisResult& diagnosis, const QString& appliesTo)
{
    for (const ComponentVerdict& c : diagnosis.components)
        if (c.id == appliesTo)
            return names::component(c.id, c.label);
    for (const LinkVerdict& l : diagnosis.links)
        if (l.id() == appliesTo)
            return QStringLiteral("%1 → %2").arg(names::component(l.from, l.from),
                                                 names::component(l.to, l.to));
    return appliesTo;
}

QString symbol(PreflightCheck::Outcome outcome)
{
    switch (outcome) {
    case PreflightCheck::Outcome::Passed:
        return QStringLiteral("✔");
    case PreflightCheck::Outcome::Failed:
        return QStringLiteral("✘");
    case PreflightCheck::Outcome::NotDryRunnable:
        return QStringLiteral("~");
    case PreflightCheck::Outcome::CouldNotCheck:
        return QStringLiteral("?");
    }
    return {};
}

QString colour(PreflightCheck::Outcome outcome)
{
    switch (outcome) {
    case PreflightCheck::Outcome::Passed:
        return QStringLiteral("#2e7d32");
    case PreflightCheck::Outcome::Failed:
        return QStringLiteral("#e53935");
    case PreflightCheck::Outcome::NotDryRunnable:
        return QStringLiteral("#ef8f00");
    case PreflightCheck::Outcome::CouldNotCheck:
        return QStringLiteral("#757575");
    }
    return {};
}

QString outcomeWord(PreflightCheck::Outcome outcome)
{
    switch (outcome) {
    case PreflightCheck::Outcome::Passed:
        return QCoreApplication::translate("unstuck::ui::FixWizardText", "passed");
    case PreflightCheck::Outcome::Failed:
        return QCoreApplication::translate("unstuck::ui::FixWizardText", "failed");
    case PreflightCheck::Outcome::NotDryRunnable:
        return QCoreApplication::translate("unstuck::ui::FixWizardText",
                                           "unverified (not dry-runnable)");
    case PreflightCheck::Outcome::CouldNotCheck:
        return QCoreApplication::translate("unstuck::ui::FixWizardText", "could not check");
    }
    return {};
}

QString checkLabel(const PreflightCheck& check)
{
    return check.label.isEmpty() ? check.check : check.label.in(LanguageManager::engineLanguage());
}

QScrollArea* scrolled(QWidget* content, QWidget* parent)
{
    auto* scroll = new QScrollArea(parent);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(content);
    return scroll;
}

QLabel* wrapping(const QString& html, QWidget* parent)
{
    auto* label = new QLabel(html, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setSizePolicy(wrappingPolicy());
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace unstuck::ui::wizardtext
