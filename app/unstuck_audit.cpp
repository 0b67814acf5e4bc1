// SPDX-License-Identifier: GPL-3.0-or-later
// `unstuck audit`: prints the fix audit log and verifies its hash chain. Exit 0 intact, 1 the
// chain breaks (the line and why are printed), 2 the log cannot be read.
#include "app/unstuck_commands.h"
#include "app/unstuck_connection.h"

#include "models/fixes/AuditLog.h"
#include "models/writers/FixJson.h"
#include "models/writers/FixText.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

namespace unstuck::app {

using namespace Qt::StringLiterals;

int runAuditCommand(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Unstuck"_s);
    QCoreApplication::setApplicationName(u"unstuck"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"The audit log of every write `unstuck fix` made (a record before and after each), "
        "with its hash chain verified.\nExit status: 0 the chain is intact, 1 it breaks (where "
        "and why is printed), 2 the log cannot be read."_s);
    parser.addHelpOption();
    const QCommandLineOption format(u"format"_s, u"text (default) or json."_s, u"FORMAT"_s,
                                    u"text"_s);
    const QCommandLineOption last(u"last"_s, u"Only the last N records."_s, u"N"_s, u"0"_s);
    const QCommandLineOption file(u"audit-log"_s,
                                  u"Audit log file (default: the user's data dir)."_s, u"FILE"_s);
    parser.addOptions({format, last, file});
    if (!parser.parse(app.arguments())) {
        print(stderr, u"unstuck audit: %1\n"_s.arg(parser.errorText()));
        return 2;
    }
    if (parser.isSet(u"help"_s)) {
        print(stdout, parser.helpText());
        return 0;
    }
    bool ok = false;
    const int count = parser.value(last).toInt(&ok);
    if (!ok || count < 0 ||
        (parser.value(format) != u"text"_s && parser.value(format) != u"json"_s)) {
        print(stderr, u"unstuck audit: --last takes a number, --format text or json\n"_s);
        return 2;
    }
    const AuditLog log(parser.isSet(file) ? parser.value(file) : AuditLog::defaultPath());
    QString error;
    const QList<QJsonObject> records = log.records(&error);
    if (!error.isEmpty()) {
        print(stderr, u"unstuck audit: %1\n"_s.arg(error));
        return 2;
    }
    const AuditLog::Verification chain = log.verify();
    if (parser.value(format) == u"json"_s)
        print(stdout, QString::fromUtf8(FixJson::audit(records, chain, count)));
    else
        print(stdout, QFileInfo::exists(log.path())
                          ? FixText::audit(records, chain, log.path(), count)
                          : u"%1: no fix has written anything yet\n"_s.arg(log.path()));
    if (!chain.ok)
        print(stderr,
              u"unstuck audit: the hash chain breaks at line %1: %2\n"_s.arg(chain.brokenLine)
                  .arg(chain.reason));
    return chain.ok ? 0 : 1;
}

} // namespace unstuck::app
