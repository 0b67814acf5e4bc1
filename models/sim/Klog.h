// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace unstuck::sim {

// Formats log lines the way Kubernetes components write them (klog header:
// "E1127 00:01:02.123456       1 file.go:123] message").
class Klog
{
public:
    static QString line(QChar severity, const QString& fileLine, const QString& message)
    {
        const QDateTime t = QDateTime::currentDateTimeUtc();
        return QStringLiteral("%1%2 %3.%4       1 %5] %6")
            .arg(severity)
            .arg(t.toString(QStringLiteral("MMdd")), t.toString(QStringLiteral("hh:mm:ss")))
            .arg(t.time().msec() * 1000 + 437, 6, 10, QLatin1Char('0'))
            .arg(fileLine, message);
    }
    // Go's %q for the structured "Unhandled Error" err="..." form (1.31+).
    static QString quote(const QString& s)
    {
        QString out = s;
        out.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
            .replace(QLatin1Char('"'), QLatin1String("\\\""));
        return QLatin1Char('"') + out + QLatin1Char('"');
    }
    static QString unhandledError(const QString& fileLine, const QString& error)
    {
        return line(QLatin1Char('E'), fileLine,
                    QStringLiteral("\"Unhandled Error\" err=%1 logger=\"UnhandledError\"")
                        .arg(quote(error)));
    }
};

} // namespace unstuck::sim
