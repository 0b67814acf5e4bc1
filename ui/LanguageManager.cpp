// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/LanguageManager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace unstuck::ui {

namespace {
QString g_current = QStringLiteral("en");
}

LanguageManager::LanguageManager(QObject* parent) : QObject(parent) {}

QString LanguageManager::current()
{
    return g_current;
}

bool LanguageManager::setLanguage(const QString& requested)
{
    QString code = requested;
    if (code.isEmpty())
        code = QLocale::system().name().startsWith(QLatin1String("zh")) ? QStringLiteral("zh_CN")
                                                                        : QStringLiteral("en");
    if (!available().contains(code))
        return false;
    QCoreApplication::removeTranslator(&m_app);
    QCoreApplication::removeTranslator(&m_qt);
    if (code != QLatin1String("en")) {
        if (m_app.load(QStringLiteral(":/i18n/unstuck_%1.qm").arg(code)))
            QCoreApplication::installTranslator(&m_app);
        if (m_qt.load(QStringLiteral("qtbase_%1").arg(code),
                      QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&m_qt);
    }
    const bool changed = g_current != code;
    g_current = code;
    QLocale::setDefault(QLocale(code == QLatin1String("en") ? QStringLiteral("en_US") : code));
    // removeTranslator/installTranslator already sent LanguageChange to every widget.
    if (changed)
        Q_EMIT languageChanged(code);
    return true;
}

} // namespace unstuck::ui
