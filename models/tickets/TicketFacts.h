// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace unstuck {

// What was recognised in pasted ticket text. Every item remembers the file it came from, so
// evidence can say "paste:<file>".
struct TicketFacts
{
    struct Object
    {
        QJsonObject object; // real Kubernetes JSON (possibly partial: a bare status block)
        QString file;
        QString how; // "kubectl get -o json", "kubectl describe", "kubectl get table", ...
    };
    struct LogLine
    {
        QString component; // "kube-controller-manager", "cloud-controller-manager",
                           // "kube-apiserver", ""
        QString line;      // the log line without a journald prefix
        QString file;
    };
    struct DiscoveryFailure
    {
        QString groupVersion; // "metrics.k8s.io/v1beta1"
        QString message;      // "the server is currently unable to handle the request"
        QString file;
        QString line; // the pasted line it was read from (quoted as evidence)
    };
    struct CloudAnswer
    {
        QString product, action; // "vpc", "DescribeRouteEntryList"
        QJsonObject json;
        QString file;
    };
    struct Exchange // from `kubectl -v=8` traces: a GET and the body it returned
    {
        QString path;
        int status = 0;
        QByteArray body;
        QString file;
    };

    QList<Object> objects;
    QList<LogLine> logs;
    QList<DiscoveryFailure> discoveryFailures;
    QList<CloudAnswer> cloudAnswers;
    QList<Exchange> exchanges;
    QStringList ignoredFiles; // read but nothing recognised (shown to the user)
    QStringList files;        // every file read

    bool isEmpty() const
    {
        return objects.isEmpty() && logs.isEmpty() && discoveryFailures.isEmpty() &&
               cloudAnswers.isEmpty() && exchanges.isEmpty();
    }
};

} // namespace unstuck
