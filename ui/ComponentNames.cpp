// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ComponentNames.h"

#include <QCoreApplication>
#include <QFile>

namespace unstuck::ui::names {

namespace {
QString t(const char* text)
{
    return QCoreApplication::translate("unstuck::ui::names", text);
}
} // namespace

QString component(const QString& id, const QString& engineLabel)
{
    static const struct
    {
        const char* id;
        const char* name;
    } table[] = {
        {ids::ApiServer, QT_TRANSLATE_NOOP("unstuck::ui::names", "API Server")},
        {ids::MetricsServer, QT_TRANSLATE_NOOP("unstuck::ui::names", "Metrics Server")},
        {ids::NamespaceController, QT_TRANSLATE_NOOP("unstuck::ui::names", "Namespace Controller")},
        {ids::RouteController, QT_TRANSLATE_NOOP("unstuck::ui::names", "Route Controller")},
        {ids::VpcRouteTable, QT_TRANSLATE_NOOP("unstuck::ui::names", "VPC route table")},
        {ids::RamPolicy, QT_TRANSLATE_NOOP("unstuck::ui::names", "RAM policy")},
        {"finalizers", QT_TRANSLATE_NOOP("unstuck::ui::names", "Finalizers")},
        {"webhook", QT_TRANSLATE_NOOP("unstuck::ui::names", "Webhook")},
    };
    for (const auto& row : table)
        if (id == QLatin1String(row.id))
            return t(row.name);
    return engineLabel.isEmpty() ? id : engineLabel;
}

QString state(ComponentState s)
{
    switch (s) {
    case ComponentState::Healthy:
        return t(QT_TRANSLATE_NOOP("unstuck::ui::names", "healthy"));
    case ComponentState::Failing:
        return t(QT_TRANSLATE_NOOP("unstuck::ui::names", "failing"));
    case ComponentState::NotApplicable:
        return t(QT_TRANSLATE_NOOP("unstuck::ui::names", "not applicable"));
    case ComponentState::Unknown:
        break;
    }
    return t(QT_TRANSLATE_NOOP("unstuck::ui::names", "unknown"));
}

QString state(LinkState s)
{
    switch (s) {
    case LinkState::Ok:
        return t(QT_TRANSLATE_NOOP("unstuck::ui::names", "ok"));
    case LinkState::Broken:
        return t(QT_TRANSLATE_NOOP("unstuck::ui::names", "broken"));
    case LinkState::Unknown:
        break;
    }
    return t(QT_TRANSLATE_NOOP("unstuck::ui::names", "unknown"));
}

QString relation(const QString& from, const QString& to)
{
    if (from == QLatin1String(ids::NamespaceController) && to == QLatin1String(ids::ApiServer))
        return t(QT_TRANSLATE_NOOP("unstuck::ui::names", "discovery"));
    if (from == QLatin1String(ids::ApiServer) && to == QLatin1String(ids::MetricsServer))
        return t(QT_TRANSLATE_NOOP("unstuck::ui::names", "APIService proxy"));
    if (from == QLatin1String(ids::MetricsServer) && to == QLatin1String(ids::VpcRouteTable))
        return t(QT_TRANSLATE_NOOP("unstuck::ui::names", "pod route"));
    if (from == QLatin1String(ids::RouteController) && to == QLatin1String(ids::VpcRouteTable))
        return t(QT_TRANSLATE_NOOP("unstuck::ui::names", "maintains routes"));
    if (from == QLatin1String(ids::RouteController) && to == QLatin1String(ids::RamPolicy))
        return t(QT_TRANSLATE_NOOP("unstuck::ui::names", "permission"));
    if (from == QLatin1String(ids::NamespaceController))
        return t(QT_TRANSLATE_NOOP("unstuck::ui::names", "deletes content"));
    return t(QT_TRANSLATE_NOOP("unstuck::ui::names", "depends on"));
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

} // namespace unstuck::ui::names
