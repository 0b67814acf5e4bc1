// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/fix/PreviewPage.h"

#include "models/common/Redactor.h"
#include "ui/CommandRow.h"
#include "ui/ComponentNames.h"
#include "ui/LanguageManager.h"
#include "ui/fix/DiffView.h"
#include "ui/fix/FixWizard.h"
#include "ui/fix/WizardText.h"

#include <QEvent>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace unstuck::ui {

namespace {

// A RAM statement's Effect turning from Deny to Allow is the whole point of the RAM fix: say it
// in one line above the diff ("Statement 2: Effect Deny → Allow").
QString effectChange(const FixWrite& w)
{
    QStringList lines;
    for (const QJsonValue& v : w.diff()) {
        const QJsonObject op = v.toObject();
        const QStringList path =
            op.value(QLatin1String("path")).toString().split(u'/', Qt::SkipEmptyParts);
        if (path.size() != 3 || path[0] != QLatin1String("Statement") ||
            path[2] != QLatin1String("Effect"))
            continue;
        const int index = path[1].toInt();
        const QString was = w.before.toObject()
                                .value(QLatin1String("Statement"))
                                .toArray()
                                .at(index)
                                .toObject()
                                .value(QLatin1String("Effect"))
                                .toString();
        lines << PreviewPage::tr("Statement %1: Effect <span style='color:#e53935'>%2</span> → "
                                 "<span style='color:#2e7d32'>%3</span>")
                     .arg(index + 1)
                     .arg(was.toHtmlEscaped(),
                          op.value(QLatin1String("value")).toString().toHtmlEscaped());
    }
    return lines.isEmpty() ? QString()
                           : QStringLiteral("<b>%1</b>").arg(lines.join(QStringLiteral("<br/>")));
}

} // namespace

PreviewPage::PreviewPage(FixWizard* wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_status(new QLabel(this)), m_box(new QWidget),
      m_boxLayout(new QVBoxLayout(m_box))
{
    setObjectName(QStringLiteral("previewPage"));
    m_status->setObjectName(QStringLiteral("previewStatus"));
    m_status->setWordWrap(true);
    m_boxLayout->setContentsMargins(0, 0, 0, 0);
    auto* content = new QWidget;
    auto* inner = new QVBoxLayout(content);
    inner->setContentsMargins(0, 0, 0, 0);
    inner->addWidget(m_box);
    inner->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(wizardtext::scrolled(content, this), 1);
    connect(wizard, &FixWizard::planReady, this, &PreviewPage::render);
    connect(wizard, &FixWizard::stageChanged, this, [this] {
        if (m_wizard->stage() <= FixWizard::Stage::Planning)
            render();
    });
    connect(wizard, &FixWizard::progressed, this, [this](const FixProgress& p) {
        if (m_wizard->stage() <= FixWizard::Stage::Planning && p.stage == QLatin1String("preview"))
            m_status->setText(p.message.in(LanguageManager::engineLanguage()));
    });
    render();
}

bool PreviewPage::isComplete() const
{
    return m_wizard->stage() >= FixWizard::Stage::Planned && m_wizard->error().isEmpty();
}

QList<DiffView*> PreviewPage::diffs() const
{
    return m_box->findChildren<DiffView*>();
}

QString PreviewPage::statusText() const
{
    return m_status->text();
}

void PreviewPage::render()
{
    setTitle(tr("Preview"));
    setSubTitle(tr("Read from the cluster and the cloud account just now: the exact requests "
                   "and what they change. Nothing has been written."));
    qDeleteAll(m_box->findChildren<QGroupBox*>(QString(), Qt::FindDirectChildrenOnly));
    if (m_wizard->stage() < FixWizard::Stage::Planned) {
        m_status->setText(m_wizard->stage() == FixWizard::Stage::Diagnosing
                              ? tr("Diagnosing again, so the fix is planned against the state "
                                   "now…")
                              : tr("Reading what the fix would change…"));
        Q_EMIT completeChanged();
        return;
    }
    m_status->setText(m_wizard->error().isEmpty()
                          ? tr("%n fix(es) previewed.", nullptr, int(m_wizard->plan().fixes.size()))
                          : tr("Could not prepare the fix: %1").arg(m_wizard->error()));
    for (const PreparedFix& fix : m_wizard->plan().fixes)
        addFix(fix);
    Q_EMIT completeChanged();
}

void PreviewPage::addFix(const PreparedFix& fix)
{
    const Language l = LanguageManager::engineLanguage();
    auto* box = new QGroupBox(m_box);
    box->setObjectName(QStringLiteral("preview-") + fix.fixId);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(wizardtext::wrapping(
        QStringLiteral("<h3>%1</h3>").arg(fix.title.in(l).toHtmlEscaped()), box));
    if (fix.destructive)
        layout->addWidget(wizardtext::wrapping(
            wizardtext::para(tr("Destructive: you will type %1 to confirm")
                                 .arg(fix.confirmNames.join(QStringLiteral(", "))),
                             fix.risk.in(l), true),
            box));
    if (!fix.error.isEmpty())
        layout->addWidget(wizardtext::wrapping(
            wizardtext::para(tr("Could not be prepared"), fix.error, true), box));
    if (fix.manual)
        layout->addWidget(
            wizardtext::wrapping(tr("Steps for a person: nothing is sent.").toHtmlEscaped(), box));
    for (const FixWrite& w : fix.writes)
        addWrite(w, box, layout);
    QStringList undo;
    for (const FixWrite& u : fix.undo)
        undo << QStringLiteral("%1 (%2)").arg(u.description.in(l), u.request.label());
    if (!undo.isEmpty())
        layout->addWidget(wizardtext::wrapping(wizardtext::list(tr("Undo"), undo), box));
    else if (!fix.noUndo.isEmpty())
        layout->addWidget(
            wizardtext::wrapping(wizardtext::para(tr("Undo"), fix.noUndo.in(l), true), box));
    m_boxLayout->addWidget(box);
}

void PreviewPage::addWrite(const FixWrite& w, QWidget* parent, QVBoxLayout* layout)
{
    const Language l = LanguageManager::engineLanguage();
    layout->addWidget(wizardtext::wrapping(
        QStringLiteral("<b>%1. %2</b><br/><code>%3</code>")
            .arg(w.id.toHtmlEscaped(), w.description.in(l).toHtmlEscaped(),
                 names::breakable(Redactor::redact(w.request.label())).toHtmlEscaped()),
        parent));
    if (!w.request.command.isEmpty())
        layout->addWidget(new CommandRow(Redactor::redact(w.request.command), parent));
    if (w.diff().isEmpty())
        return;
    if (const QString effect = effectChange(w); !effect.isEmpty())
        layout->addWidget(wizardtext::wrapping(effect, parent));
    auto* diff = new DiffView(parent);
    diff->setObjectName(QStringLiteral("diff-") + w.id);
    diff->setChange(w.before, w.after);
    diff->setAccessibleName(tr("Change made by write %1: %2 line(s) removed, %3 added")
                                .arg(w.id)
                                .arg(diff->removedCount())
                                .arg(diff->addedCount()));
    layout->addWidget(diff);
}

void PreviewPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        render();
    QWizardPage::changeEvent(event);
}

} // namespace unstuck::ui
