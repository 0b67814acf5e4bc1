// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/InspectorWidget.h"

#include "ui/ComponentNames.h"
#include "ui/EvidenceView.h"
#include "ui/LanguageManager.h"

#include "ui/WrappingLabel.h"

#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QVBoxLayout>

namespace unstuck::ui {

InspectorWidget::InspectorWidget(QWidget* parent)
    : QWidget(parent), m_title(new WrappingLabel(this)), m_verdict(new WrappingLabel(this)),
      m_fix(new QPushButton(this)), m_narrativeHeading(new QLabel(this)),
      m_narrative(new WrappingLabel(this)), m_evidenceHeading(new QLabel(this)),
      m_evidenceBox(new QWidget(this)), m_evidenceLayout(new QVBoxLayout(m_evidenceBox))
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // Long identifiers wrap (see names::breakable) instead of widening the panel.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    outer->addWidget(scroll);
    auto* content = new QWidget(scroll);
    auto* layout = new QVBoxLayout(content);
    scroll->setWidget(content);

    m_title->setObjectName(QStringLiteral("inspectorTitle"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_verdict->setObjectName(QStringLiteral("inspectorVerdict"));
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_narrative->setObjectName(QStringLiteral("inspectorNarrative"));
    m_narrative->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont heading = m_narrativeHeading->font();
    heading.setBold(true);
    m_narrativeHeading->setFont(heading);
    m_evidenceHeading->setFont(heading);
    m_evidenceLayout->setContentsMargins(0, 0, 0, 0);

    layout->addWidget(m_title);
    layout->addWidget(m_verdict);
    m_fix->setObjectName(QStringLiteral("inspectorFix"));
    connect(m_fix, &QPushButton::clicked, this, [this] {
        if (const QString id = fixId(); !id.isEmpty())
            Q_EMIT fixRequested(id);
    });
    layout->addWidget(m_fix, 0, Qt::AlignLeft);
    layout->addSpacing(6);
    layout->addWidget(m_narrativeHeading);
    layout->addWidget(m_narrative);
    layout->addSpacing(6);
    layout->addWidget(m_evidenceHeading);
    layout->addWidget(m_evidenceBox);
    layout->addStretch(1);
    clear();
}

void InspectorWidget::setResult(const DiagnosisResult& result)
{
    m_result = result;
    rebuild();
}

void InspectorWidget::inspect(const QString& id, bool isLink)
{
    m_id = id;
    m_isLink = isLink;
    rebuild();
}

void InspectorWidget::clear()
{
    m_id.clear();
    rebuild();
}

QString InspectorWidget::headline() const
{
    return m_title->text();
}

int InspectorWidget::evidenceCount() const
{
    return m_evidenceBox->findChildren<EvidenceView*>().size();
}

QString InspectorWidget::narrativeStep(const QString& narrative, const QStringList& keys)
{
    const QStringList paragraphs =
        narrative.split(QRegularExpression(QStringLiteral("\\n\\s*\\n|\\n")), Qt::SkipEmptyParts);
    QStringList hits;
    for (const QString& p : paragraphs)
        for (const QString& key : keys)
            if (!key.isEmpty() && p.contains(key, Qt::CaseInsensitive)) {
                hits << p.trimmed();
                break;
            }
    return hits.join(QLatin1Char('\n'));
}

void InspectorWidget::clearEvidence()
{
    const auto old =
        m_evidenceBox->findChildren<EvidenceView*>(QString(), Qt::FindDirectChildrenOnly);
    for (EvidenceView* v : old)
        delete v;
}

void InspectorWidget::addEvidence(const QList<Evidence>& evidence)
{
    for (const Evidence& e : evidence)
        m_evidenceLayout->addWidget(new EvidenceView(e, m_evidenceBox));
    m_evidenceHeading->setText(evidence.isEmpty()
                                   ? tr("Evidence: none recorded")
                                   : tr("Evidence (%n)", nullptr, int(evidence.size())));
}

QString InspectorWidget::fixId() const
{
    for (const FixPlan& f : m_result.fixes)
        if (f.appliesTo == m_id)
            return f.id;
    if (!m_id.isEmpty() && m_result.redPath.contains(m_id) && !m_result.fixes.isEmpty())
        return m_result.fixes.first().id; // root first
    return {};
}

void InspectorWidget::setFixingEnabled(bool enabled, const QString& whyNot)
{
    m_fixing = enabled;
    m_whyNot = whyNot;
    updateFixButton();
}

void InspectorWidget::updateFixButton()
{
    const QString id = fixId();
    m_fix->setVisible(!id.isEmpty());
    m_fix->setEnabled(m_fixing);
    m_fix->setText(tr("Fix…"));
    QString title;
    for (const FixPlan& f : m_result.fixes)
        if (f.id == id)
            title = f.titleText().in(LanguageManager::engineLanguage());
    m_fix->setToolTip(m_fixing ? title : m_whyNot);
    m_fix->setAccessibleName(tr("Fix: %1").arg(title));
}

void InspectorWidget::rebuild()
{
    clearEvidence();
    updateFixButton();
    m_narrativeHeading->setText(tr("In the story"));
    const ComponentVerdict* c = m_isLink ? nullptr : m_result.component(m_id);
    const LinkVerdict* l = nullptr;
    if (m_isLink)
        for (const auto& link : m_result.links)
            if (link.id() == m_id)
                l = &link;
    if (c)
        showComponent(*c);
    else if (l)
        showLink(*l);
    else {
        m_title->setText(tr("Inspector"));
        m_verdict->setText(tr("Click a component or a link in the graph (or press Tab and "
                              "Enter) to see its verdict and evidence."));
        m_narrativeHeading->hide();
        m_narrative->hide();
        m_evidenceHeading->hide();
        return;
    }
    m_narrativeHeading->setVisible(!m_narrative->text().isEmpty());
    m_narrative->setVisible(!m_narrative->text().isEmpty());
    m_evidenceHeading->show();
}

void InspectorWidget::showComponent(const ComponentVerdict& c)
{
    m_title->setText(names::breakable(names::component(c.id, c.label)));
    QString text = QStringLiteral("<b>%1</b>").arg(names::state(c.state).toHtmlEscaped());
    if (!c.object.isEmpty())
        text +=
            QStringLiteral(" · <code>%1</code>").arg(names::breakable(c.object).toHtmlEscaped());
    if (m_result.rootCause && m_result.rootCause->component == c.id)
        text += QStringLiteral(" · <b style='color:#e53935'>%1</b>").arg(tr("root cause"));
    const QString summary =
        names::withoutObject(c.summaryText().in(LanguageManager::engineLanguage()), c.object);
    if (!summary.isEmpty())
        text += QStringLiteral("<br/>%1").arg(names::breakable(summary).toHtmlEscaped());
    m_verdict->setText(text);
    const QString narrative = LanguageManager::isChinese() && !m_result.narrativeZh.isEmpty()
                                  ? m_result.narrativeZh
                                  : m_result.narrativeEn;
    m_narrative->setText(names::breakable(
        narrativeStep(narrative, {c.label, names::component(c.id, c.label), c.object, c.id})));
    addEvidence(c.evidence);
}

void InspectorWidget::showLink(const LinkVerdict& l)
{
    m_title->setText(QStringLiteral("%1 → %2").arg(names::component(m_result, l.from),
                                                   names::component(m_result, l.to)));
    QString text = QStringLiteral("<b>%1</b> · %2")
                       .arg(names::state(l.state).toHtmlEscaped(),
                            names::relation(l.from, l.to).toHtmlEscaped());
    if (m_result.rootCause && m_result.rootCause->component.isEmpty() &&
        m_result.rootCause->from == l.from && m_result.rootCause->to == l.to)
        text += QStringLiteral(" · <b style='color:#e53935'>%1</b>").arg(tr("root cause"));
    const QString summary = l.summaryText().in(LanguageManager::engineLanguage());
    if (!summary.isEmpty())
        text += QStringLiteral("<br/>%1").arg(names::breakable(summary).toHtmlEscaped());
    m_verdict->setText(text);
    const QString narrative = LanguageManager::isChinese() && !m_result.narrativeZh.isEmpty()
                                  ? m_result.narrativeZh
                                  : m_result.narrativeEn;
    const auto* to = m_result.component(l.to);
    m_narrative->setText(names::breakable(
        narrativeStep(narrative, {names::component(m_result, l.to), to ? to->label : QString(),
                                  to ? to->object : QString()})));
    addEvidence(l.evidence);
}

void InspectorWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QWidget::changeEvent(event);
}

} // namespace unstuck::ui
