// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace unstuck {

// The languages the engine writes its sentences in (the GUI's zh_CN maps to Chinese).
enum class Language { English, Chinese };

// One human-readable sentence in English and Simplified Chinese. The engine writes each sentence
// once per language, side by side, so the two cannot drift apart. Raw data (object names, IPs,
// log lines, HTTP bodies) goes through arg() or `+ QString` into both languages unchanged; an
// argument that is itself a Bilingual contributes its own language to each side.
class Bilingual
{
public:
    Bilingual() = default;
    Bilingual(QString english, QString chinese) : en(std::move(english)), zh(std::move(chinese)) {}
    // Data that reads the same in both languages.
    static Bilingual same(const QString& text) { return {text, text}; }

    // QString::arg on both sides; same rules (several string arguments or one number).
    template <typename... Args> Bilingual arg(const Args&... args) const
    {
        return {en.arg(pick(args, Language::English)...), zh.arg(pick(args, Language::Chinese)...)};
    }

    Bilingual operator+(const Bilingual& other) const { return {en + other.en, zh + other.zh}; }
    Bilingual operator+(const QString& data) const { return {en + data, zh + data}; }
    Bilingual& operator+=(const Bilingual& other)
    {
        en += other.en;
        zh += other.zh;
        return *this;
    }
    bool operator==(const Bilingual& other) const = default;

    bool isEmpty() const { return en.isEmpty() && zh.isEmpty(); }
    // The text in `language`; English when no translation was written.
    const QString& in(Language language) const
    {
        return language == Language::Chinese && !zh.isEmpty() ? zh : en;
    }

    // Joins with the separator each language uses for lists (", " / "、" or "; " / "；").
    static Bilingual join(const QList<Bilingual>& parts, const QString& enSeparator,
                          const QString& zhSeparator)
    {
        QStringList e, z;
        for (const Bilingual& part : parts) {
            e << part.en;
            z << part.zh;
        }
        return {e.join(enSeparator), z.join(zhSeparator)};
    }

    QString en;
    QString zh;

private:
    template <typename T> static const T& pick(const T& value, Language) { return value; }
    static const QString& pick(const Bilingual& value, Language language)
    {
        return value.in(language);
    }
};

} // namespace unstuck
