// SPDX-License-Identifier: GPL-3.0-or-later
// `unstuck fix list|plan|apply|undo`: the fix engine (models/engine/FixSession) on a terminal.
// Parses, asks for confirmation, prints; the work lives in models/.
#include "app/unstuck_commands.h"
#include "app/unstuck_connection.h"

#include "models/engine/FixSession.h"
#include "models/fixes/AuditLog.h"
#include "models/fixes/FixUndo.h"
#include "models/fixes/SavedPlan.h"
#include "models/writers/FixJson.h"
#include "models/writers/FixText.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>
#include <cstdio>

namespace unstuck::app {

using namespace Qt::StringLiterals;

namespace {

struct FixArgs
{
    QString sub; // list | plan | apply | undo
    QStringList ids;
    bool all = false;
    DiagnosisRequest request;
    FixOptions options;
    QString format = u"text"_s;
    QString out, planFile, auditId, onlyFix;
    bool yes = false;
    Language language = Language::English;
};

const char* kUsage =
    "Usage: unstuck fix list  [connection options] [--format text|json]\n"
    "       unstuck fix plan  <id>|--all [--out FILE] [...]\n"
    "       unstuck fix apply <id>|--all [--yes] [--dry-run] [--confirm-name NAME] "
    "[--timeout-s N] [--plan FILE] [...]\n"
    "       unstuck fix undo  <audit-id> [--fix ID] [--yes] [...]\n";

QString description()
{
    return u"Guided fixes: preview, preflight, apply, verify and undo, every write audited.\n"
           "Nothing is written without --yes or a typed 'yes'; a profile with \"readOnly\": true "
           "never writes.\n"
           "Exit status: 0 applied and verified healthy (plan/dry run: every check passed), 1 "
           "something applied but the chain is still red (the deadline passed, or a later fix "
           "was refused or failed), 2 could not run, 3 a preflight check failed, 4 not "
           "confirmed (2-4: nothing was written), 5 aborted by a conflict.\n\n"_s +
           QString::fromLatin1(kUsage);
}

struct FixParser
{
    QCommandLineParser parser;
    ConnectionOptions connection;
    QCommandLineOption all{u"all"_s, u"Every recommended fix, root first (heal all)."_s};
    QCommandLineOption yes{u"yes"_s, u"Apply without asking (writes are enabled for this run)."_s};
    QCommandLineOption dryRun{u"dry-run"_s,
                              u"Preview and preflight, including the servers' dry runs; write "
                              "nothing."_s};
    QCommandLineOption confirmName{u"confirm-name"_s,
                                   u"The namespace or object name a destructive fix needs typed "
                                   "(repeat for several)."_s,
                                   u"NAME"_s};
    QCommandLineOption timeout{
        u"timeout-s"_s, u"How long verify waits for healthy (default 180)."_s, u"N"_s, u"180"_s};
    QCommandLineOption out{u"out"_s, u"plan: save the plan (exact requests + state read)."_s,
                           u"FILE"_s};
    QCommandLineOption plan{u"plan"_s, u"apply: apply exactly this saved plan."_s, u"FILE"_s};
    QCommandLineOption fix{u"fix"_s, u"undo: only this fix of the run."_s, u"ID"_s};
    QCommandLineOption rotate{u"rotate-policy-versions"_s,
                              u"RAM may delete the oldest non-default policy version when the "
                              "policy has 5 (never the one undo needs)."_s};
    QCommandLineOption format{u"format"_s, u"text (default) or json."_s, u"FORMAT"_s, u"text"_s};
    QCommandLineOption lang{u"lang"_s, u"Text in en (default) or zh."_s, u"LANG"_s, u"en"_s};
    QCommandLineOption auditLog{u"audit-log"_s, u"Audit log file (default: the user's data dir)."_s,
                                u"FILE"_s};

    FixParser()
    {
        parser.setApplicationDescription(description());
        parser.addHelpOption();
        connection.addTo(parser);
        parser.addOptions({all, yes, dryRun, confirmName, timeout, out, plan, fix, rotate, format,
                           lang, auditLog});
        parser.addPositionalArgument(u"command"_s, u"list, plan, apply or undo"_s);
    }
};

int usageError(const QString& why)
{
    print(stderr, u"unstuck fix: %1\n%2"_s.arg(why, QString::fromLatin1(kUsage)));
    return 2;
}

// `fix apply --plan FILE` without connection options connects as the plan was made.
int connectAsThePlan(FixArgs* a)
{
    QString error;
    const auto saved = SavedPlan::load(a->planFile, &error);
    if (!saved) {
        print(stderr, u"unstuck fix: %1\n"_s.arg(error));
        return FixOutcome::CouldNotRun;
    }
    const int timeoutMs = a->request.requestTimeoutMs;
    a->request = saved->connection;
    a->request.requestTimeoutMs = timeoutMs;
    return -1;
}

// `fix undo ID` without connection options connects as run ID did (its audit records say how;
// older records do not, and then the usual kubeconfig and credential chain apply).
int connectAsTheRun(FixArgs* a)
{
    const AuditLog log(a->options.auditLogPath.isEmpty() ? AuditLog::defaultPath()
                                                         : a->options.auditLogPath);
    if (const auto connection = FixUndo::connectionOf(log.records(), a->auditId)) {
        const int timeoutMs = a->request.requestTimeoutMs;
        a->request = *connection;
        a->request.requestTimeoutMs = timeoutMs;
    }
    return -1;
}

int checkTargets(const FixArgs& a)
{
    if (a.sub == u"list"_s)
        return a.ids.isEmpty() && !a.all ? -1 : usageError(u"list takes no fix id"_s);
    if (a.sub == u"undo"_s)
        return a.ids.size() == 1 ? -1 : usageError(u"undo takes one audit id"_s);
    if (a.sub == u"apply"_s && !a.planFile.isEmpty())
        return a.ids.isEmpty() && !a.all ? -1 : usageError(u"--plan replaces the fix ids"_s);
    if (a.ids.isEmpty() == a.all) // ids or --all, not both
        return -1;
    return usageError(u"name one or more fix ids, or --all"_s);
}

// Fills `a`; returns an exit code >= 0 when parsing ends the command.
int parse(const QStringList& arguments, FixArgs* a)
{
    FixParser p;
    if (!p.parser.parse(arguments))
        return usageError(p.parser.errorText());
    if (p.parser.isSet(u"help"_s)) {
        print(stdout, p.parser.helpText());
        return 0;
    }
    QStringList words = p.parser.positionalArguments();
    if (words.isEmpty())
        return usageError(u"missing command"_s);
    a->sub = words.takeFirst();
    if (!QStringList{u"list"_s, u"plan"_s, u"apply"_s, u"undo"_s}.contains(a->sub))
        return usageError(u"unknown command '%1'"_s.arg(a->sub));
    a->ids = words;
    a->all = p.parser.isSet(p.all);
    a->planFile = p.parser.value(p.plan);
    a->out = p.parser.value(p.out);
    a->onlyFix = p.parser.value(p.fix);
    a->yes = p.parser.isSet(p.yes);
    a->format = p.parser.value(p.format);
    if (a->format != u"text"_s && a->format != u"json"_s)
        return usageError(u"--format must be text or json"_s);
    a->language = p.parser.value(p.lang) == u"zh"_s ? Language::Chinese : Language::English;
    bool ok = false;
    const int timeoutS = p.parser.value(p.timeout).toInt(&ok);
    if (!ok || timeoutS <= 0)
        return usageError(u"--timeout-s must be a positive number"_s);
    QString error;
    if (!p.connection.read(p.parser, &a->request, &error))
        return usageError(error);
    a->options.dryRun = p.parser.isSet(p.dryRun);
    a->options.confirmNames = p.parser.values(p.confirmName);
    a->options.rotatePolicyVersions = p.parser.isSet(p.rotate);
    a->options.verifyTimeoutMs = timeoutS * 1000;
    a->options.auditLogPath = p.parser.value(p.auditLog);
    a->auditId = a->sub == u"undo"_s ? a->ids.value(0) : QString();
    if (!p.connection.anySet(p.parser)) {
        const int code = !a->planFile.isEmpty() ? connectAsThePlan(a)
                         : a->sub == u"undo"_s  ? connectAsTheRun(a)
                                                : -1;
        if (code != -1)
            return code;
    }
    return checkTargets(*a);
}

// Drives one `unstuck fix` command through the session and prints what comes back.
class FixCommand : public QObject
{
public:
    FixCommand(QCoreApplication& app, FixArgs args) : m_app(app), m_args(std::move(args))
    {
        m_session.setRequest(m_args.request);
        m_session.setOptions(m_args.options);
        connect(&m_session, &FixSession::progress, this, &FixCommand::onProgress);
        connect(&m_session, &FixSession::diagnosed, this, &FixCommand::onDiagnosed);
        connect(&m_session, &FixSession::planned, this, &FixCommand::onPlanned);
        connect(&m_session, &FixSession::finished, this, &FixCommand::onFinished);
    }

    void start(const DiagnosisRequest& request)
    {
        m_session.setRequest(request);
        if (m_args.sub == u"undo"_s)
            m_session.planUndo(m_args.auditId, m_args.onlyFix);
        else
            m_session.diagnose();
    }
    int exitCode = FixOutcome::CouldNotRun;

private:
    void done(int code)
    {
        exitCode = code;
        m_app.quit();
    }

    void onProgress(const FixProgress& p)
    {
        if (p.stage == u"diagnose"_s && p.result == u"running"_s)
            return;
        print(stderr, u"[%1]%2 %3\n"_s.arg(p.stage, p.fixId.isEmpty() ? QString() : u' ' + p.fixId,
                                           p.message.in(m_args.language)));
    }

    void onDiagnosed(const DiagnosisResult& result)
    {
        if (!result.complete) {
            print(stderr, u"unstuck fix: could not diagnose: %1\n"_s.arg(result.error));
            return done(FixOutcome::CouldNotRun);
        }
        if (m_args.sub == u"list"_s)
            return list(result);
        if (m_args.planFile.isEmpty())
            return m_session.plan(m_args.all ? QStringList() : m_args.ids);
        QString error;
        const auto saved = SavedPlan::load(m_args.planFile, &error);
        if (!saved || saved->context != result.context) {
            print(stderr, u"unstuck fix: %1\n"_s.arg(
                              saved ? u"the plan was made for context %1, not %2"_s.arg(
                                          saved->context, result.context)
                                    : error));
            return done(FixOutcome::CouldNotRun);
        }
        m_healAll = saved->healAll;
        m_session.recheck(saved->fixes);
    }

    void list(const DiagnosisResult& result)
    {
        QJsonArray fixes;
        QStringList lines{u"%1  %2  %3  %4  %5"_s.arg(u"ID"_s.leftJustified(24),
                                                      u"RISK"_s.leftJustified(6), u"DESTRUCTIVE"_s,
                                                      u"TARGET"_s.leftJustified(28), u"TITLE"_s)};
        for (const FixPlan& f : result.fixes) {
            const QString risk = f.risk.section(u':', 0, 0);
            fixes.append(QJsonObject{{u"id"_s, f.id},
                                     {u"title"_s, f.title},
                                     {u"titleZh"_s, f.titleZh},
                                     {u"risk"_s, risk},
                                     {u"target"_s, f.appliesTo},
                                     {u"destructive"_s, f.destructive}});
            lines << u"%1  %2  %3  %4  %5"_s.arg(
                f.id.leftJustified(24), risk.leftJustified(6),
                (f.destructive ? u"yes"_s : u"no"_s).leftJustified(11),
                f.appliesTo.leftJustified(28), f.titleText().in(m_args.language));
        }
        if (m_args.format == u"json"_s)
            print(stdout,
                  QString::fromUtf8(QJsonDocument(QJsonObject{{u"fixes"_s, fixes}}).toJson()));
        else
            print(stdout, lines.join(u'\n') + u'\n');
        done(FixOutcome::Healed);
    }

    void printPlan(const FixOutcome& o)
    {
        if (m_args.format == u"json"_s && (m_args.sub == u"plan"_s || m_args.options.dryRun))
            return print(stdout, QString::fromUtf8(FixJson::toText(o)));
        if (m_args.format == u"json"_s)
            return;
        for (const PreparedFix& f : o.fixes)
            print(stdout, FixText::preview(f, m_args.language) + u'\n');
    }

    void onPlanned(const FixOutcome& o)
    {
        printPlan(o);
        if (!o.error.isEmpty())
            print(stderr, u"unstuck fix: %1\n"_s.arg(o.error));
        if (m_args.sub == u"plan"_s && !m_args.out.isEmpty() && o.error.isEmpty())
            save(o);
        const bool healAll = m_args.all || m_healAll;
        const bool stop = m_args.sub == u"plan"_s || m_args.options.dryRun || !o.mayApply(healAll);
        if (stop) {
            if (m_args.format == u"text"_s)
                print(stdout, FixText::outcome(o, m_args.language));
            else if (m_args.sub != u"plan"_s && !m_args.options.dryRun)
                print(stdout, QString::fromUtf8(FixJson::toText(o)));
            return done(m_args.options.dryRun && o.exitCode == FixOutcome::Conflict
                            ? FixOutcome::Refused
                            : o.exitCode);
        }
        if (o.exitCode != FixOutcome::Healed)
            print(stderr, u"unstuck fix: %1 failed a preflight check now; healing all checks it "
                          "again when its turn comes\n"_s.arg(refusedFixes(o)));
        if (!confirm(o)) {
            print(stderr, u"unstuck fix: not confirmed: nothing was written\n"_s);
            FixOutcome refused = o;
            refused.exitCode = FixOutcome::NotConfirmed;
            if (m_args.format == u"json"_s)
                print(stdout, QString::fromUtf8(FixJson::toText(refused)));
            return done(FixOutcome::NotConfirmed);
        }
        FixOptions options = m_args.options;
        options.writesEnabled = true;
        m_session.setOptions(options);
        if (m_args.sub == u"undo"_s)
            m_session.applyUndo(o.fixes, m_args.auditId);
        else
            m_session.apply(o.fixes, healAll);
    }

    static QString refusedFixes(const FixOutcome& o)
    {
        QStringList ids;
        for (const PreparedFix& f : o.fixes)
            if (!f.preflightPassed())
                ids << f.fixId;
        return ids.join(u", "_s);
    }

    void save(const FixOutcome& o)
    {
        SavedPlan plan;
        plan.context = m_session.diagnosis().context;
        plan.connection = m_args.request;
        plan.healAll = m_args.all;
        plan.fixes = o.fixes;
        QString error;
        if (plan.save(m_args.out, &error))
            print(stderr, u"plan saved to %1 (apply it with: unstuck fix apply --plan %1)\n"_s.arg(
                              m_args.out));
        else
            print(stderr, u"unstuck fix: %1\n"_s.arg(error));
    }

    // Terraform's rule: only "yes" approves; a destructive fix also needs its name typed.
    bool confirm(const FixOutcome& o)
    {
        bool destructivePending = false;
        for (const PreparedFix& f : o.fixes)
            for (const QString& name : f.confirmNames)
                destructivePending |= f.destructive && !m_args.options.confirmNames.contains(name);
        if (m_args.yes)
            return true;
        if (!isTerminal(stdin)) {
            print(stderr, u"unstuck fix: stdin is not a terminal: pass --yes to apply\n"_s);
            return false;
        }
        QTextStream in(stdin);
        print(stderr, u"Do you want to perform these actions?\n  Only 'yes' will be accepted to "
                      "approve.\n  Enter a value: "_s);
        if (in.readLine().trimmed() != u"yes"_s)
            return false;
        if (!destructivePending)
            return true;
        for (const PreparedFix& f : o.fixes)
            for (const QString& name : f.confirmNames)
                if (f.destructive && !m_args.options.confirmNames.contains(name)) {
                    print(stderr, u"%1 is destructive. Type the name \"%2\" to confirm (anything "
                                  "else skips it): "_s.arg(f.fixId, name));
                    if (in.readLine().trimmed() == name)
                        m_args.options.confirmNames << name;
                }
        return true;
    }

    void onFinished(const FixOutcome& o)
    {
        if (m_args.format == u"json"_s)
            print(stdout, QString::fromUtf8(FixJson::toText(o)));
        else
            print(stdout, FixText::outcome(o, m_args.language));
        done(o.exitCode);
    }

    QCoreApplication& m_app;
    FixArgs m_args;
    FixSession m_session;
    bool m_healAll = false;
};

} // namespace

int runFixCommand(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    // The audit log lives where the GUI keeps its data (QStandardPaths::AppDataLocation).
    QCoreApplication::setOrganizationName(u"Unstuck"_s);
    QCoreApplication::setApplicationName(u"unstuck"_s);
    FixArgs args;
    if (const int code = parse(app.arguments(), &args); code >= 0)
        return code;
    FixCommand command(app, args);
    const int code = startWithCredentials(
        app, args.request, u"fix"_s,
        [&command](const DiagnosisRequest& request) { command.start(request); }, &command.exitCode);
    if (code >= 0)
        return code;
    app.exec();
    return command.exitCode;
}

} // namespace unstuck::app
