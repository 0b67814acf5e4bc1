// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/EvidenceView.h"

#include "ui/CommandRow.h"
#include "ui/ComponentNames.h"
#include "ui/LanguageManager.h"

#include "ui/WrappingLabel.h"

#include <QEvent>
#include <QFontDatabase>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

namespace unstuck::ui {

EvidenceView::EvidenceView(const Evidence& evidence, QWidget* parent)
    : QFrame(parent), m_evidence(evidence), m_title(new WrappingLabel(this)),
      m_details(new WrappingLabel(this)), m_toggleRaw(new QToolButton(this))
{
    setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(this);
    // Plain text in a bold font looks the same as <b>…</b> and is laid out without a rich-text
    // document, which the inspector's layout would query at every width it tries.
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_details->setTextFormat(Qt::RichText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_title);
    layout->addWidget(m_details);
    if (!evidence.command.isEmpty())
        layout->addWidget(new CommandRow(evidence.command, this));
    m_toggleRaw->setCheckable(true);
    m_toggleRaw->setObjectName(QStringLiteral("toggleRaw"));
    m_toggleRaw->setToolButtonStyle(Qt::ToolButtonTextOnly);
    layout->addWidget(m_toggleRaw, 0, Qt::AlignLeft);
    m_toggleRaw->setVisible(!evidence.raw.isEmpty());
    connect(m_toggleRaw, &QToolButton::toggled, this, &EvidenceView::showRaw);
    findDecisive();
    retranslate();
}

// The raw answer (up to 4,000 characters) is laid out only when asked for: a component can cite
// several answers and the inspector is rebuilt with every partial result.
void EvidenceView::showRaw(bool on)
{
    if (on && !m_raw) {
        m_raw = new QPlainTextEdit(this);
        m_raw->setObjectName(QStringLiteral("rawAnswer"));
        m_raw->setReadOnly(true);
        m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        m_raw->setPlainText(m_evidence.raw);
        m_raw->setMinimumHeight(160);
        m_raw->setAccessibleName(tr("Raw answer"));
        layout()->addWidget(m_raw);
        highlightDecisive();
    }
    if (m_raw)
        m_raw->setVisible(on);
}

// The engine names the decisive field and its value; we find the value's first appearance in
// the raw answer (or the field's last path segment), as QTextDocument::find would (ignoring
// case, within one line), so the eye lands on it once the answer is shown.
void EvidenceView::findDecisive()
{
    QStringList needles;
    if (!m_evidence.value.isEmpty())
        needles << m_evidence.value;
    if (!m_evidence.field.isEmpty()) {
        QString last = m_evidence.field.section(QLatin1Char('.'), -1);
        last = last.section(QLatin1Char('['), 0, 0);
        if (!last.isEmpty())
            needles << last;
    }
    for (const QString& needle : std::as_const(needles)) {
        if (needle.contains(QLatin1Char('\n')))
            continue;
        const qsizetype at = m_evidence.raw.indexOf(needle, 0, Qt::CaseInsensitive);
        if (at < 0)
            continue;
        m_highlightAt = int(at);
        m_highlighted = m_evidence.raw.mid(at, needle.size());
        return;
    }
}

void EvidenceView::highlightDecisive()
{
    if (m_highlightAt < 0)
        return;
    QTextCursor found(m_raw->document());
    found.setPosition(m_highlightAt);
    found.setPosition(m_highlightAt + int(m_highlighted.size()), QTextCursor::KeepAnchor);
    QTextEdit::ExtraSelection sel;
    sel.cursor = found;
    sel.format.setBackground(QColor(0xff, 0xe0, 0x66));
    sel.format.setForeground(Qt::black);
    m_raw->setExtraSelections({sel});
    m_raw->setTextCursor(found);
    m_raw->centerCursor();
}

void EvidenceView::retranslate()
{
    const Evidence& e = m_evidence;
    m_title->setText(names::breakable(e.titleText().in(LanguageManager::engineLanguage())));
    QString html;
    auto row = [&html](const QString& name, const QString& value) {
        if (!value.isEmpty())
            html +=
                QStringLiteral("<tr><td style='padding-right:8px'><i>%1</i></td><td>%2</td></tr>")
                    .arg(name.toHtmlEscaped(), value);
    };
    row(tr("Request"),
        QStringLiteral("<code>%1</code>").arg(names::breakable(e.request).toHtmlEscaped()));
    if (e.status != 0)
        row(tr("Status"), QString::number(e.status));
    if (!e.field.isEmpty() || !e.value.isEmpty())
        row(tr("Answer"), answerHtml());
    if (e.at.isValid())
        row(tr("Observed"), QLocale().toString(e.at.toLocalTime(), QLocale::ShortFormat) +
                                QStringLiteral(" (") + e.at.toUTC().toString(Qt::ISODateWithMs) +
                                QStringLiteral(")"));
    row(tr("Source"), names::breakable(sourceText(e.source)).toHtmlEscaped());
    m_details->setText(QStringLiteral("<table>%1</table>").arg(html));
    m_toggleRaw->setText(tr("Raw answer (JSON/YAML)"));
    if (m_raw)
        m_raw->setAccessibleName(tr("Raw answer"));
}

// The decisive field and its value. An empty value would read as a broken sentence ("… = "):
// it says instead that the answer holds nothing there.
QString EvidenceView::answerHtml() const
{
    const QString value = m_evidence.valueText().in(LanguageManager::engineLanguage());
    const QString field =
        QStringLiteral("<code>%1</code>").arg(names::breakable(m_evidence.field).toHtmlEscaped());
    if (value.trimmed().isEmpty())
        return field + QStringLiteral(": <b>%1</b>")
                           .arg(tr("nothing: the answer has no value there").toHtmlEscaped());
    return field + QStringLiteral(" = <span style='background:#ffe066;color:#000'><b>%1</b></span>")
                       .arg(names::breakable(value).toHtmlEscaped());
}

// Where the answer came from, in words: "live", "bundle:<file>" and "paste:<files>" are the
// engine's data format (docs/diagnosis-json.md), not a sentence.
QString EvidenceView::sourceText(const QString& source)
{
    if (source == QLatin1String("live"))
        return tr("live query");
    if (source.startsWith(QLatin1String("bundle:")))
        return tr("capture bundle %1").arg(source.mid(7));
    if (source.startsWith(QLatin1String("paste:")))
        return tr("pasted text %1").arg(source.mid(6));
    return source;
}

void EvidenceView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

} // namespace unstuck::ui
