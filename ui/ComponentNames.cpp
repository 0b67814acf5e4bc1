// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ComponentNames.h"

#include "models/verdict/Vocabulary.h"
#include "ui/LanguageManager.h"

#include <QFile>

namespace unstuck::ui::names {

namespace {
// The UI's language decides which of the vocabulary's two words the view shows.
Language language()
{
    return LanguageManager::engineLanguage();
}
} // namespace

QString component(const QString& id, const QString& engineLabel)
{
    return vocabulary::componentName(id, engineLabel, language());
}

QString component(const DiagnosisResult& result, const QString& id)
{
    const ComponentVerdict* c = result.component(id);
    return component(id, c ? c->label : QString());
}

QString state(ComponentState s)
{
    return vocabulary::stateWord(s).in(language());
}

QString state(LinkState s)
{
    return vocabulary::stateWord(s).in(language());
}

QString relation(const QString& from, const QString& to)
{
    return vocabulary::relationLabel(from, to).in(language());
}

QString iconPath(const QString& componentId)
{
    const QString path = QStringLiteral(":/icons/%1.svg").arg(componentId);
    return QFile::exists(path) ? path : QStringLiteral(":/icons/component.svg");
}

QString breakable(const QString& text)
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    int run = 0;
    for (const QChar c : text) {
        out += c;
        // Chinese text breaks between any two ideographs: only Latin runs need help.
        run = c.isSpace() || c.unicode() >= 0x2E80 ? 0 : run + 1;
        const bool separator = c == QLatin1Char('-') || c == QLatin1Char('/') ||
                               c == QLatin1Char(',') || c == QLatin1Char('.') ||
                               c == QLatin1Char(':') || c == QLatin1Char('_');
        if ((run > 12 && separator) || run >= 24) {
            out += QChar(0x200B);
            run = 0;
        }
    }
    return out;
}

QString withoutObject(const QString& summary, const QString& object)
{
    // Only a short lead-in before the object ("Role ", "角色 "), then the sentence goes on.
    const qsizetype at = object.isEmpty() ? -1 : summary.indexOf(object);
    if (at < 0 || at > 8)
        return summary;
    QString rest = summary.mid(at + object.size());
    while (!rest.isEmpty() && (rest.front() == QLatin1Char(':') || rest.front() == QChar(0xff1a) ||
                               rest.front().isSpace()))
        rest.remove(0, 1);
    if (rest.isEmpty())
        return summary;
    rest[0] = rest.front().toUpper();
    return rest;
}

} // namespace unstuck::ui::names
