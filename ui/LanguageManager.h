// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/common/Bilingual.h"

#include <QObject>
#include <QTranslator>

namespace unstuck::ui {

// Loads the compiled Qt Linguist catalogue (:/i18n/unstuck_<lang>.qm) and Qt's own strings.
// Installing a translator makes Qt send LanguageChange to every widget, which retranslates.
class LanguageManager : public QObject
{
    Q_OBJECT
public:
    explicit LanguageManager(QObject* parent = nullptr);

    // "en", "zh_CN", or empty = follow the system locale. Returns false for an unknown language.
    bool setLanguage(const QString& code);
    static QString current();
    static bool isChinese() { return current().startsWith(QLatin1String("zh")); }
    // The language the engine's own sentences (verdicts, evidence titles, fixes) are shown in.
    static Language engineLanguage() { return isChinese() ? Language::Chinese : Language::English; }
    static QStringList available() { return {QStringLiteral("en"), QStringLiteral("zh_CN")}; }

Q_SIGNALS:
    void languageChanged(const QString& code);

private:
    QTranslator m_app;
    QTranslator m_qt;
};

} // namespace unstuck::ui
