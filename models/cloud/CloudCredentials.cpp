// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/cloud/CloudCredentials.h"

#include "models/common/BoundedRead.h"
#include "models/common/Redactor.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace unstuck {

using namespace Qt::StringLiterals;

namespace {

struct Attempt
{
    std::optional<CloudCredential> credential;
    QString problem; // why this source gave nothing ("" = source absent)
};

void registerSecrets(const CloudCredential& c)
{
    Redactor::registerSecret(c.accessKeySecret);
    Redactor::registerSecret(c.securityToken);
}

bool isTrue(const QString& value)
{
    return value.compare(u"true"_s, Qt::CaseInsensitive) == 0 || value == u"1"_s;
}

QString cliConfigPath(const QProcessEnvironment& env)
{
    const QString overridden = env.value(u"ALIBABA_CLOUD_CONFIG_FILE"_s);
    return overridden.isEmpty() ? CloudCredentials::homeDir(env) + u"/.aliyun/config.json"_s
                                : overridden;
}

QString iniPath(const QProcessEnvironment& env)
{
    const QString overridden = env.value(u"ALIBABA_CLOUD_CREDENTIALS_FILE"_s);
    return overridden.isEmpty() ? CloudCredentials::homeDir(env) + u"/.alibabacloud/credentials"_s
                                : overridden;
}

QString displayPath(const QString& path, const QProcessEnvironment& env)
{
    const QString home = CloudCredentials::homeDir(env);
    return !home.isEmpty() && path.startsWith(home + u'/') ? u"~"_s + path.mid(home.size()) : path;
}

Attempt fromEnvironment(const QProcessEnvironment& env)
{
    const QString id = env.value(u"ALIBABA_CLOUD_ACCESS_KEY_ID"_s);
    const QString secret = env.value(u"ALIBABA_CLOUD_ACCESS_KEY_SECRET"_s);
    if (id.isEmpty() && secret.isEmpty())
        return {};
    if (id.isEmpty() || secret.isEmpty())
        return {
            std::nullopt,
            id.isEmpty()
                ? u"ALIBABA_CLOUD_ACCESS_KEY_SECRET is set but ALIBABA_CLOUD_ACCESS_KEY_ID is empty"_s
                : u"ALIBABA_CLOUD_ACCESS_KEY_ID is set but ALIBABA_CLOUD_ACCESS_KEY_SECRET is empty"_s};
    CloudCredential c;
    c.accessKeyId = id;
    c.accessKeySecret = secret;
    c.securityToken = env.value(u"ALIBABA_CLOUD_SECURITY_TOKEN"_s);
    c.regionId = env.value(u"ALIBABA_CLOUD_REGION_ID"_s);
    c.source =
        c.securityToken.isEmpty()
            ? u"environment (ALIBABA_CLOUD_ACCESS_KEY_ID)"_s
            : u"environment (ALIBABA_CLOUD_ACCESS_KEY_ID with ALIBABA_CLOUD_SECURITY_TOKEN)"_s;
    return {c, {}};
}

// A credential file's bytes, or why not: unreadable, or over CloudCredentials::kMaxFileBytes.
std::optional<QByteArray> readCredentialFile(const QString& path, const QProcessEnvironment& env,
                                             QString* problem)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = u"%1: %2"_s.arg(displayPath(path, env), file.errorString());
        return std::nullopt;
    }
    // A device or a pipe (/dev/zero) is read only up to the limit, never until memory runs out.
    QString size;
    std::optional<QByteArray> bytes = readAtMost(file, CloudCredentials::kMaxFileBytes, &size);
    if (!bytes)
        *problem = u"%1 is %2; credential files over %3 KiB are not read"_s.arg(
            displayPath(path, env), size, QString::number(CloudCredentials::kMaxFileBytes / 1024));
    return bytes;
}

std::optional<QJsonObject> readCliConfig(const QProcessEnvironment& env, QString* problem)
{
    const QString path = cliConfigPath(env);
    if (!QFile::exists(path))
        return std::nullopt;
    const std::optional<QByteArray> text = readCredentialFile(path, env, problem);
    if (!text)
        return std::nullopt;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(*text, &parseError);
    if (!doc.isObject()) {
        *problem =
            u"%1 is not valid JSON: %2"_s.arg(displayPath(path, env), parseError.errorString());
        return std::nullopt;
    }
    return doc.object();
}

// One aliyun CLI profile turned into a credential (aliyun-cli config/profile.go modes).
Attempt fromCliProfile(const QJsonObject& profile, const QString& where, bool explicitChoice)
{
    const auto s = [&](const char* key) {
        return profile.value(QLatin1String(key)).toString();
    };
    const QString name = s("name");
    const QString mode = s("mode").isEmpty() ? u"AK"_s : s("mode");
    CloudCredential c;
    c.regionId = s("region_id");
    c.source = u"aliyun CLI profile '%1' (%2, mode %3)"_s.arg(name, where, mode);
    if (mode == u"AK"_s || mode == u"StsToken"_s || mode == u"RamRoleArn"_s) {
        c.accessKeyId = s("access_key_id");
        c.accessKeySecret = s("access_key_secret");
        if (c.accessKeyId.isEmpty() || c.accessKeySecret.isEmpty())
            return {
                std::nullopt,
                u"aliyun CLI profile '%1' (mode %2) has no access_key_id/access_key_secret"_s.arg(
                    name, mode)};
        if (mode == u"StsToken"_s) {
            c.securityToken = s("sts_token");
            if (c.securityToken.isEmpty())
                return {std::nullopt,
                        u"aliyun CLI profile '%1' (mode StsToken) has no sts_token"_s.arg(name)};
        }
        if (mode == u"RamRoleArn"_s) {
            c.roleArn = s("ram_role_arn");
            c.roleSessionName =
                s("ram_session_name").isEmpty() ? u"unstuck"_s : s("ram_session_name");
            if (c.roleArn.isEmpty())
                return {
                    std::nullopt,
                    u"aliyun CLI profile '%1' (mode RamRoleArn) has no ram_role_arn"_s.arg(name)};
        }
        return {c, {}};
    }
    if (mode == u"EcsRamRole"_s) {
        if (!explicitChoice)
            return {
                std::nullopt,
                u"aliyun CLI profile '%1' uses EcsRamRole, which needs the ECS metadata server "
                u"(100.100.100.200, reachable only from an ECS instance); choose it explicitly to use it"_s
                    .arg(name)};
        c.ecsRamRole = s("ram_role_name");
        c.source +=
            u" — credentials come from the ECS metadata server, reachable only on an ECS instance"_s;
        return {c, {}};
    }
    return {
        std::nullopt,
        u"aliyun CLI profile '%1' uses mode %2, which Unstuck does not support (use AK, StsToken or RamRoleArn)"_s
            .arg(name, mode)};
}

Attempt fromCliConfig(const QProcessEnvironment& env, const QString& wantedName,
                      bool explicitChoice)
{
    // The SDKs' switch and the CLI's own.
    if (!explicitChoice && (isTrue(env.value(u"ALIBABA_CLOUD_CLI_PROFILE_DISABLED"_s)) ||
                            isTrue(env.value(u"ALIBABA_CLOUD_IGNORE_PROFILE"_s))))
        return {};
    QString problem;
    const auto config = readCliConfig(env, &problem);
    if (!config)
        return {std::nullopt, problem.isEmpty() && explicitChoice
                                  ? u"%1 does not exist"_s.arg(displayPath(cliConfigPath(env), env))
                                  : problem};
    QString name = wantedName;
    if (name.isEmpty())
        name = env.value(u"ALIBABA_CLOUD_PROFILE"_s);
    // The aliyun CLI also reads these spellings.
    if (name.isEmpty())
        name = env.value(u"ALIBABACLOUD_PROFILE"_s, env.value(u"ALICLOUD_PROFILE"_s));
    if (name.isEmpty())
        name = config->value(u"current"_s).toString();
    if (name.isEmpty())
        name = u"default"_s;
    for (const QJsonValue& v : config->value(u"profiles"_s).toArray())
        if (v.toObject().value(u"name"_s).toString() == name)
            return fromCliProfile(v.toObject(), displayPath(cliConfigPath(env), env),
                                  explicitChoice);
    return {std::nullopt,
            u"%1 has no profile '%2'"_s.arg(displayPath(cliConfigPath(env), env), name)};
}

using IniSections = QMap<QString, QMap<QString, QString>>;

// ~/.alibabacloud/credentials: "[section]" then "key = value" lines; '#' and ';' comments.
IniSections parseIni(const QByteArray& text)
{
    IniSections out;
    QString section;
    for (const QByteArray& raw : text.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';'))
            continue;
        if (line.startsWith(u'[') && line.endsWith(u']')) {
            section = line.mid(1, line.size() - 2).trimmed();
            out[section];
            continue;
        }
        const qsizetype eq = line.indexOf(u'=');
        if (eq > 0 && !section.isEmpty())
            out[section].insert(line.left(eq).trimmed(), line.mid(eq + 1).trimmed());
    }
    return out;
}

// One section of an ini already read; where = the file as the user knows it.
Attempt fromIniSection(const IniSections& sections, const QString& name, const QString& where,
                       bool explicitChoice)
{
    const auto it = sections.constFind(name);
    if (it == sections.constEnd())
        return {std::nullopt, u"%1 has no section [%2]"_s.arg(where, name)};
    const QString type = it->value(u"type"_s, u"access_key"_s);
    CloudCredential c;
    c.source = u"credentials file section [%1] (%2, type %3)"_s.arg(name, where, type);
    c.regionId = it->value(u"region_id"_s);
    if (type == u"access_key"_s || type == u"ram_role_arn"_s) {
        c.accessKeyId = it->value(u"access_key_id"_s);
        c.accessKeySecret = it->value(u"access_key_secret"_s);
        if (c.accessKeyId.isEmpty() || c.accessKeySecret.isEmpty())
            return {std::nullopt,
                    u"%1 section [%2] has no access_key_id/access_key_secret"_s.arg(where, name)};
        if (type == u"ram_role_arn"_s) {
            c.roleArn = it->value(u"role_arn"_s);
            c.roleSessionName = it->value(u"role_session_name"_s, u"unstuck"_s);
            if (c.roleArn.isEmpty())
                return {std::nullopt,
                        u"%1 section [%2] (type ram_role_arn) has no role_arn"_s.arg(where, name)};
        }
        return {c, {}};
    }
    if (type == u"ecs_ram_role"_s && explicitChoice) {
        c.ecsRamRole = it->value(u"role_name"_s);
        c.source +=
            u" — credentials come from the ECS metadata server, reachable only on an ECS instance"_s;
        return {c, {}};
    }
    return {std::nullopt,
            u"%1 section [%2] has type %3, which Unstuck cannot use here"_s.arg(where, name, type)};
}

Attempt fromIni(const QProcessEnvironment& env, const QString& wantedSection, bool explicitChoice)
{
    QFile file(iniPath(env));
    if (!file.exists())
        return {std::nullopt, explicitChoice
                                  ? u"%1 does not exist"_s.arg(displayPath(file.fileName(), env))
                                  : QString()};
    QString problem;
    const std::optional<QByteArray> text = readCredentialFile(file.fileName(), env, &problem);
    if (!text)
        return {std::nullopt, problem};
    QString name = wantedSection;
    if (name.isEmpty())
        name = env.value(u"ALIBABA_CLOUD_PROFILE"_s, u"default"_s);
    return fromIniSection(parseIni(*text), name, displayPath(file.fileName(), env), explicitChoice);
}

} // namespace

QString CloudCredentials::homeDir(const QProcessEnvironment& env, HostPlatform platform)
{
    if (platform != HostPlatform::Windows) {
        const QString home = env.value(u"HOME"_s);
        return home.isEmpty() ? QDir::homePath() : home;
    }
    QString home = env.value(u"USERPROFILE"_s, env.value(u"HOME"_s));
    return home.isEmpty() ? QDir::homePath() : home.replace(u'\\', u'/');
}

std::optional<CloudCredential> CloudCredentials::resolve(const QString& preferredProfile,
                                                         const QProcessEnvironment& env,
                                                         QString* error)
{
    QStringList problems;
    auto finish = [&](const Attempt& attempt) -> std::optional<CloudCredential> {
        if (attempt.credential) {
            registerSecrets(*attempt.credential);
            return attempt.credential;
        }
        if (!attempt.problem.isEmpty())
            problems.append(attempt.problem);
        return std::nullopt;
    };
    auto fail = [&]() -> std::optional<CloudCredential> {
        if (error)
            *error = problems.isEmpty()
                         ? u"no credentials found in the environment, ~/.aliyun/config.json or "
                           u"~/.alibabacloud/credentials"_s
                         : problems.join(u"; "_s);
        return std::nullopt;
    };

    // 1. A profile chosen in the app wins and does not fall through to the chain.
    if (!preferredProfile.isEmpty()) {
        Attempt attempt;
        if (preferredProfile == u"env"_s) {
            attempt = fromEnvironment(env);
            if (!attempt.credential && attempt.problem.isEmpty())
                attempt.problem =
                    u"ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET are not set"_s;
        } else if (preferredProfile.startsWith(u"ini:"_s)) {
            attempt = fromIni(env, preferredProfile.mid(4), true);
        } else {
            const QString name = preferredProfile.startsWith(u"aliyun-cli:"_s)
                                     ? preferredProfile.mid(11)
                                     : preferredProfile;
            attempt = fromCliConfig(env, name, true);
        }
        if (auto c = finish(attempt))
            return c;
        return fail();
    }
    // 2-4. The default chain.
    for (const Attempt& attempt :
         {fromEnvironment(env), fromCliConfig(env, {}, false), fromIni(env, {}, false)})
        if (auto c = finish(attempt))
            return c;
    return fail();
}

QStringList CloudCredentials::availableSources(const QProcessEnvironment& env)
{
    QStringList out;
    if (auto c = fromEnvironment(env).credential)
        out.append(c->source);
    QString problem;
    if (const auto config = readCliConfig(env, &problem)) {
        for (const QJsonValue& v : config->value(u"profiles"_s).toArray()) {
            const Attempt a =
                fromCliProfile(v.toObject(), displayPath(cliConfigPath(env), env), true);
            if (a.credential)
                out.append(a.credential->source);
        }
    }
    // Read once: every section from the same bytes, and a pipe (<(…)) can only be read once.
    if (const auto ini = readCredentialFile(iniPath(env), env, &problem)) {
        const IniSections sections = parseIni(*ini);
        const QString where = displayPath(iniPath(env), env);
        for (auto it = sections.constBegin(); it != sections.constEnd(); ++it)
            if (const auto c = fromIniSection(sections, it.key(), where, true).credential)
                out.append(c->source);
    }
    return out;
}

QStringList CloudCredentials::profileChoices(const QProcessEnvironment& env)
{
    QStringList out;
    if (fromEnvironment(env).credential)
        out.append(u"env"_s);
    QString problem;
    if (const auto config = readCliConfig(env, &problem))
        for (const QJsonValue& v : config->value(u"profiles"_s).toArray())
            out.append(u"aliyun-cli:"_s + v.toObject().value(u"name"_s).toString());
    if (const auto ini = readCredentialFile(iniPath(env), env, &problem)) {
        const auto sections = parseIni(*ini);
        for (auto it = sections.constBegin(); it != sections.constEnd(); ++it)
            out.append(u"ini:"_s + it.key());
    }
    return out;
}

} // namespace unstuck
