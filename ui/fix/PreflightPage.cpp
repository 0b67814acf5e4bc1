// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/fix/PreflightPage.h"

#include "ui/ComponentNames.h"
#include "ui/LanguageManager.h"
#include "ui/fix/FixWizard.h"
#include "ui/fix/WizardText.h"

#include <QEvent>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace unstuck::ui {

namespace {

// The cloud write a check is about: the one whose action the check names, else the first.
const FixWrite* cloudWrite(const PreflightCheck& check, const PreparedFix* fix)
{
    if (!fix)
        return nullptr;
    const FixWrite* first = nullptr;
    for (const FixWrite& w : fix->writes) {
        if (w.request.isKube())
            continue;
        if (!first)
            first = &w;
        if (check.check.contains(w.request.ramAction()) || check.check.contains(w.request.label()))
            return &w;
    }
    return first;
}

// "policy k8sMasterRolePolicy-…", "route table vtb-…": what the cloud action acts on.
QString cloudTarget(const FixWrite& w)
{
    if (const QString p = w.request.params.value(QStringLiteral("PolicyName")); !p.isEmpty())
        return PreflightPage::tr("policy %1").arg(p);
    if (const QString t = w.request.params.value(QStringLiteral("RouteTableId")); !t.isEmpty())
        return PreflightPage::tr("route table %1").arg(t);
    return PreflightPage::tr("its resource");
}

} // namespace

PreflightPage::PreflightPage(FixWizard* wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_status(new QLabel(this)), m_box(new QWidget),
      m_boxLayout(new QVBoxLayout(m_box))
{
    setObjectName(QStringLiteral("preflightPage"));
    m_status->setObjectName(QStringLiteral("preflightStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    m_boxLayout->setContentsMargins(0, 0, 0, 0);
    auto* content = new QWidget;
    auto* inner = new QVBoxLayout(content);
    inner->setContentsMargins(0, 0, 0, 0);
    inner->addWidget(m_box);
    inner->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(wizardtext::scrolled(content, this), 1);
    connect(wizard, &FixWizard::checkAnswered, this, [this](const PreflightCheck& c) {
        if (m_wizard->stage() <= FixWizard::Stage::Planning)
            addRow(c, nullptr);
    });
    connect(wizard, &FixWizard::planReady, this, &PreflightPage::render);
    connect(wizard, &FixWizard::stageChanged, this, [this] {
        if (m_wizard->stage() <= FixWizard::Stage::Planning)
            render();
    });
    render();
}

bool PreflightPage::blocked() const
{
    const FixOutcome& plan = m_wizard->plan();
    return !m_wizard->error().isEmpty() ||
           !(plan.preflightPassed() || plan.mayApply(m_wizard->healAll())) ||
           !m_wizard->anyWrites();
}

bool PreflightPage::isComplete() const
{
    return m_wizard->stage() >= FixWizard::Stage::Planned && !blocked();
}

QString PreflightPage::statusText() const
{
    return m_status->text();
}

QStringList PreflightPage::rows() const
{
    QStringList out;
    for (const QLabel* row : m_box->findChildren<QLabel*>(QStringLiteral("preflightRow")))
        out << row->accessibleName();
    return out;
}

QString PreflightPage::advice(const PreflightCheck& c, const PreparedFix* fix)
{
    const QString what = c.check.section(QStringLiteral(": "), 1);
    if (c.conflict || c.kind == QLatin1String("state"))
        return tr("Something changed since the diagnosis. Close this wizard, diagnose again "
                  "(F5) and open the fix again: it will be planned against the new state.");
    if (c.kind == QLatin1String("read-only"))
        return tr("This connection only reads. To apply fixes, use a connection profile without "
                  "\"readOnly\": true, or ask whoever gave you this one for write access.");
    if (c.kind == QLatin1String("rbac"))
        return tr("Ask a cluster administrator to let your identity %1, or connect as an "
                  "identity that may.")
            .arg(what);
    if (c.kind == QLatin1String("dry-run"))
        return tr("The API server would refuse this write. Fix what its answer names, then "
                  "diagnose again.");
    if (c.kind == QLatin1String("version-limit"))
        return tr("Delete an old version of the policy yourself, or run `unstuck fix apply "
                  "--rotate-policy-versions` to let RAM delete the oldest non-default one.");
    if (c.kind == QLatin1String("cloud") && !cloudWrite(c, fix))
        return tr("Add cloud credentials (the connect view's cloud list), then diagnose again.");
    if (const FixWrite* w = cloudWrite(c, fix))
        return tr("Your cloud identity may not run %1: ask an account administrator to allow "
                  "%1 on %2.")
            .arg(w->request.ramAction(), cloudTarget(*w));
    return tr("Resolve what the reason names, then diagnose again.");
}

void PreflightPage::render()
{
    setTitle(tr("Preflight"));
    setSubTitle(tr("Checks that write nothing: permissions, the servers' own dry runs, and that "
                   "nothing moved since the preview."));
    qDeleteAll(m_box->findChildren<QLabel*>(QString(), Qt::FindDirectChildrenOnly));
    const FixWizard::Stage stage = m_wizard->stage();
    if (stage < FixWizard::Stage::Planned) {
        m_status->setText(tr("Checking…"));
        for (const PreflightCheck& c : m_wizard->liveChecks())
            addRow(c, nullptr);
        Q_EMIT completeChanged();
        return;
    }
    int failed = 0;
    for (const PreparedFix& fix : m_wizard->plan().fixes) {
        for (const PreflightCheck& c : fix.checks) {
            addRow(c, &fix);
            failed += c.ok() ? 0 : 1;
        }
        if (!fix.error.isEmpty()) {
            PreflightCheck prepared{fix.fixId,
                                    QStringLiteral("state"),
                                    tr("preparation"),
                                    PreflightCheck::Outcome::Failed,
                                    {fix.error, fix.error}};
            addRow(prepared, &fix);
            ++failed;
        }
    }
    const QString red = QStringLiteral("<b style='color:#e53935'>%1</b>");
    if (!m_wizard->error().isEmpty())
        m_status->setText(
            red.arg(tr("Apply is blocked: %1").arg(m_wizard->error()).toHtmlEscaped()));
    else if (failed > 0 && !blocked())
        // Heal all, as `fix apply --all`: the fixes that passed run root first, and a refused
        // one is planned and checked again after them.
        m_status->setText(QStringLiteral("<b style='color:#ef6c00'>%1</b>")
                              .arg(tr("%n check(s) failed. The fixes that passed run first; the "
                                      "others are checked again after them. Nothing has been "
                                      "written yet.",
                                      nullptr, failed)
                                       .toHtmlEscaped()));
    else if (failed > 0)
        m_status->setText(red.arg(tr("Apply is blocked: %n check(s) failed. Nothing has been "
                                     "written.",
                                     nullptr, failed)
                                      .toHtmlEscaped()));
    else if (!m_wizard->anyWrites())
        m_status->setText(tr("Nothing to apply: these steps are for a person.").toHtmlEscaped());
    else
        m_status->setText(
            QStringLiteral("<b style='color:#2e7d32'>%1</b>")
                .arg(tr("Every check passed. Nothing has been written yet.").toHtmlEscaped()));
    Q_EMIT completeChanged();
}

void PreflightPage::addRow(const PreflightCheck& c, const PreparedFix* fix)
{
    const Language l = LanguageManager::engineLanguage();
    QString html = QStringLiteral("<span style='color:%1;font-size:large'>%2</span> "
                                  "<b>%3</b> <i>%4</i><br/>%5")
                       .arg(wizardtext::colour(c.outcome), wizardtext::symbol(c.outcome),
                            names::breakable(wizardtext::checkLabel(c)).toHtmlEscaped(),
                            wizardtext::outcomeWord(c.outcome).toHtmlEscaped(),
                            names::breakable(c.reason.in(l)).toHtmlEscaped());
    QString accessible =
        QStringLiteral("%1 %2 — %3")
            .arg(wizardtext::symbol(c.outcome), wizardtext::checkLabel(c), c.reason.in(l));
    if (!c.ok()) {
        const QString todo = advice(c, fix);
        html += QStringLiteral("<br/><b>%1</b> %2")
                    .arg(tr("What to do:").toHtmlEscaped(), names::breakable(todo).toHtmlEscaped());
        accessible += QStringLiteral(" — ") + todo;
    }
    QLabel* row = wizardtext::wrapping(html, m_box);
    row->setObjectName(QStringLiteral("preflightRow"));
    row->setAccessibleName(accessible);
    m_boxLayout->addWidget(row);
}

void PreflightPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        render();
    QWizardPage::changeEvent(event);
}

} // namespace unstuck::ui
