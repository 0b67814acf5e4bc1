// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/tickets/TicketLogFacts.h"

#include "models/tickets/ImpliedNamespace.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace unstuck {
namespace {

const QString kPastedLine = QStringLiteral("unstuck.dev/pasted-line");

QJsonObject withLine(QJsonObject object, const QString& line, bool partial)
{
    QJsonObject metadata = object.value(QStringLiteral("metadata")).toObject();
    QJsonObject annotations = metadata.value(QStringLiteral("annotations")).toObject();
    annotations.insert(kPastedLine, line.trimmed().left(2000));
    if (partial)
        annotations.insert(QStringLiteral("unstuck.dev/partial"), QStringLiteral("true"));
    metadata.insert(QStringLiteral("annotations"), annotations);
    object.insert(QStringLiteral("metadata"), metadata);
    return object;
}

QJsonObject terminatingNamespace(const QString& name, const QJsonObject& cond, const QString& line)
{
    return withLine(ImpliedNamespace::terminating(name, cond, {}, true), line, true);
}

// The condition the namespace controller writes for an error it logged
// (status_condition_utils.go): discovery errors and content deletion errors.
QJsonObject deletionCondition(const QString& error)
{
    if (error.contains(QLatin1String("unable to retrieve the complete list of server APIs")))
        return ImpliedNamespace::condition(QStringLiteral("NamespaceDeletionDiscoveryFailure"),
                                           QStringLiteral("DiscoveryFailed"), error);
    return ImpliedNamespace::condition(QStringLiteral("NamespaceDeletionContentFailure"),
                                       QStringLiteral("ContentDeletionFailed"), error);
}

// The error as the controller wrote it: without the structured-log wrapper around it
// (`err="…" logger="UnhandledError"`, escaped quotes).
QString unwrapError(QString error)
{
    static const QRegularExpression tail(QStringLiteral(R"("\s+logger=.*$|"\s*$)"));
    error.remove(tail);
    error.replace(QLatin1String("\\\""), QLatin1String("\""));
    return error.trimmed();
}

bool fileHasObject(const TicketFacts& facts, const QString& file, const QString& kind)
{
    for (const TicketFacts::Object& o : facts.objects)
        if (o.file == file && o.object.value(QStringLiteral("kind")).toString() == kind)
            return true;
    return false;
}

} // namespace

QJsonObject TicketLogFacts::apiService(const QString& name, const QString& reason,
                                       const QString& message, const QString& line)
{
    const int dot = name.indexOf(QLatin1Char('.'));
    QJsonObject available{{QStringLiteral("type"), QStringLiteral("Available")},
                          {QStringLiteral("status"), QStringLiteral("False")},
                          {QStringLiteral("message"), message}};
    if (!reason.isEmpty())
        available.insert(QStringLiteral("reason"), reason);
    QJsonObject object{
        {QStringLiteral("apiVersion"), QStringLiteral("apiregistration.k8s.io/v1")},
        {QStringLiteral("kind"), QStringLiteral("APIService")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), name},
                     {QStringLiteral("annotations"),
                      QJsonObject{{QStringLiteral("unstuck.dev/service-unknown"),
                                   QStringLiteral("true")}}}}},
        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("version"), name.left(dot)},
                                             {QStringLiteral("group"), name.mid(dot + 1)}}},
        {QStringLiteral("status"),
         QJsonObject{{QStringLiteral("conditions"), QJsonArray{available}}}},
    };
    return withLine(object, line, true);
}

void TicketLogFacts::fromLogLine(const QString& goFile, const QString& message, const QString& line,
                                 const QString& file, TicketFacts* facts)
{
    // available_controller.go: "%v failed with: %v" (HandleError of the discovery check).
    static const QRegularExpression availability(
        QStringLiteral(R"re(^"?(v\d\w*\.[a-z0-9][a-z0-9.-]*)"? failed with: (.+)$)re"));
    // The OpenAPI aggregator: the proxied APIService answered an error status.
    static const QRegularExpression openApi(QStringLiteral(
        R"re((?:loading OpenAPI spec for|Error updating APIService) \\?"(v\d\w*\.[a-z0-9.-]+)\\?".*ResponseCode: (\d{3}), Body: ([^,]+))re"));
    if (goFile.contains(QLatin1String("available_controller"))) {
        const auto m = availability.match(message);
        // "Operation cannot be fulfilled … the object has been modified" is an update conflict
        // of the controller itself, not an availability verdict.
        if (m.hasMatch() && !m.captured(2).startsWith(QLatin1String("Operation cannot be")))
            facts->objects.append({apiService(m.captured(1), QStringLiteral("FailedDiscoveryCheck"),
                                              m.captured(2).trimmed(), line),
                                   file, QStringLiteral("kube-apiserver log")});
        return;
    }
    if (const auto m = openApi.match(message);
        m.hasMatch() && m.captured(2).toInt() >= 500 && !m.captured(3).trimmed().isEmpty()) {
        facts->objects.append({apiService(m.captured(1), QString(),
                                          QStringLiteral("the aggregator answers %1: %2")
                                              .arg(m.captured(2), m.captured(3).trimmed()),
                                          line),
                               file, QStringLiteral("kube-apiserver log")});
    }
}

void TicketLogFacts::scanMessages(const QString& joinedText, const QString& file,
                                  TicketFacts* facts)
{
    // namespace_controller.go: "deletion of namespace %v failed: %v", bare or wrapped as
    // "Unhandled Error" err="…".
    static const QRegularExpression deletion(
        QStringLiteral(R"(deletion of namespace ([a-z0-9A-Z][\w.-]*) failed:\s*([^\n]+))"));
    static const QRegularExpression contentFailure(
        QStringLiteral(R"(Failed to delete all resource types, \d+ remaining:\s*([^\n]+))"));
    if (!joinedText.contains(QLatin1String("deletion of namespace")) &&
        !joinedText.contains(QLatin1String("Failed to delete all resource types")))
        return;
    QSet<QString> seen;
    auto it = deletion.globalMatch(joinedText);
    while (it.hasNext()) {
        const auto m = it.next();
        if (seen.contains(m.captured(1)))
            continue;
        seen.insert(m.captured(1));
        facts->objects.append(
            {terminatingNamespace(m.captured(1), deletionCondition(unwrapError(m.captured(2))),
                                  m.captured(0)),
             file, QStringLiteral("kube-controller-manager log")});
    }
    if (!seen.isEmpty() || fileHasObject(*facts, file, QStringLiteral("Namespace")))
        return;
    if (const auto m = contentFailure.match(joinedText); m.hasMatch())
        facts->objects.append(
            {terminatingNamespace(
                 QStringLiteral("unnamed-namespace"),
                 ImpliedNamespace::condition(QStringLiteral("NamespaceDeletionContentFailure"),
                                             QStringLiteral("ContentDeletionFailed"),
                                             unwrapError(m.captured(0)).simplified()),
                 m.captured(0)),
             file, QStringLiteral("namespace condition message")});
}

} // namespace unstuck
