// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/kube/KubeconfigLoader.h"

#include "models/common/BoundedRead.h"
#include "models/common/Redactor.h"
#include "models/kube/KubeconfigLocation.h"
#include "models/kube/TlsMaterial.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUrl>
#include <yaml-cpp/yaml.h>

namespace unstuck {
namespace {

KubeError configError(const QString& message)
{
    KubeError error;
    error.kind = KubeError::Kind::Config;
    error.message = Redactor::redact(message);
    return error;
}

void setError(KubeError* out, const QString& message)
{
    if (out)
        *out = configError(message);
}

// A parse failure carries its own "line L: message" text; the file is named by loadFile.
struct ParseFailure
{
    QString message;
};

QString location(const YAML::Node& node)
{
    return QStringLiteral("line %1").arg(node.Mark().line + 1);
}

QString qstr(const std::string& s)
{
    return QString::fromStdString(s);
}

class FileParser
{
public:
    FileParser(QString path, Kubeconfig* target) : m_path(std::move(path)), m_target(target)
    {
        m_dir = QFileInfo(m_path).absolutePath();
    }

    void parse(const YAML::Node& root)
    {
        if (!root || root.IsNull())
            return; // kubectl accepts empty files
        if (!root.IsMap())
            fail(root, QStringLiteral("a kubeconfig must be a YAML mapping (apiVersion, "
                                      "clusters, users, contexts…)"));
        if (m_target->currentContext.isEmpty())
            m_target->currentContext = scalar(root, "current-context");
        forEachNamed(root, "clusters", "cluster", [this](const QString& name, const YAML::Node& n) {
            if (m_target->clusters.contains(name))
                return; // the first file to set a map key wins
            m_target->clusters.insert(name, parseCluster(n));
            m_target->originOf.insert(QStringLiteral("cluster:") + name, m_path);
        });
        forEachNamed(root, "users", "user", [this](const QString& name, const YAML::Node& n) {
            if (m_target->users.contains(name))
                return;
            m_target->users.insert(name, parseUser(name, n));
            m_target->originOf.insert(QStringLiteral("user:") + name, m_path);
        });
        forEachNamed(root, "contexts", "context", [this](const QString& name, const YAML::Node& n) {
            if (m_target->contexts.contains(name))
                return;
            KubeContextEntry entry;
            entry.name = name;
            entry.cluster = scalar(n, "cluster");
            entry.user = scalar(n, "user");
            entry.ns = scalar(n, "namespace");
            m_target->contexts.insert(name, entry);
            m_target->originOf.insert(QStringLiteral("context:") + name, m_path);
        });
    }

private:
    [[noreturn]] void fail(const YAML::Node& node, const QString& message) const
    {
        throw ParseFailure{QStringLiteral("%1: %2").arg(location(node), message)};
    }

    template <typename F>
    void forEachNamed(const YAML::Node& root, const char* listKey, const char* itemKey, F&& f)
    {
        const YAML::Node list = root[listKey];
        if (!list || list.IsNull())
            return;
        if (!list.IsSequence())
            fail(list, QStringLiteral("\"%1\" must be a list").arg(QLatin1String(listKey)));
        for (const YAML::Node& item : list) {
            if (!item.IsMap())
                fail(item, QStringLiteral("each entry of \"%1\" must be a mapping with \"name\" "
                                          "and \"%2\"")
                               .arg(QLatin1String(listKey), QLatin1String(itemKey)));
            const QString name = scalar(item, "name");
            if (name.isEmpty())
                fail(item,
                     QStringLiteral("an entry of \"%1\" has no name").arg(QLatin1String(listKey)));
            const YAML::Node body = item[itemKey];
            if (body && !body.IsNull() && !body.IsMap())
                fail(body, QStringLiteral("\"%1\" of %2 \"%3\" must be a mapping")
                               .arg(QLatin1String(itemKey), QLatin1String(itemKey), name));
            f(name, body ? body : YAML::Node(YAML::NodeType::Map));
        }
    }

    QString scalar(const YAML::Node& map, const char* key) const
    {
        if (!map || !map.IsMap())
            return {};
        const YAML::Node node = map[key];
        if (!node || node.IsNull())
            return {};
        if (!node.IsScalar())
            fail(node, QStringLiteral("\"%1\" must be a single value").arg(QLatin1String(key)));
        return qstr(node.Scalar());
    }

    bool boolean(const YAML::Node& map, const char* key) const
    {
        const QString value = scalar(map, key).toLower();
        if (value.isEmpty() || value == QLatin1String("false"))
            return false;
        if (value == QLatin1String("true"))
            return true;
        fail(map[key], QStringLiteral("\"%1\" must be true or false, not \"%2\"")
                           .arg(QLatin1String(key), value));
    }

    QByteArray base64(const YAML::Node& map, const char* key) const
    {
        const QString text = scalar(map, key);
        if (text.isEmpty())
            return {};
        Redactor::registerSecret(text);
        const auto decoded = QByteArray::fromBase64Encoding(
            text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            fail(map[key], QStringLiteral("\"%1\" is not valid base64").arg(QLatin1String(key)));
        return *decoded;
    }

    QString path(const YAML::Node& map, const char* key) const
    {
        const QString p = scalar(map, key);
        if (p.isEmpty() || QDir::isAbsolutePath(p))
            return p;
        return QDir::cleanPath(QDir(m_dir).filePath(p)); // relative to the kubeconfig's folder
    }

    KubeCluster parseCluster(const YAML::Node& n) const
    {
        KubeCluster c;
        c.server = scalar(n, "server");
        c.tlsServerName = scalar(n, "tls-server-name");
        c.insecureSkipTlsVerify = boolean(n, "insecure-skip-tls-verify");
        c.certificateAuthorityData = base64(n, "certificate-authority-data");
        c.certificateAuthorityPath = path(n, "certificate-authority");
        c.proxyUrl = scalar(n, "proxy-url");
        c.disableCompression = boolean(n, "disable-compression");
        return c;
    }

    KubeUser parseUser(const QString& name, const YAML::Node& n) const
    {
        KubeUser u;
        u.clientCertificateData = base64(n, "client-certificate-data");
        u.clientKeyData = base64(n, "client-key-data");
        u.clientCertificatePath = path(n, "client-certificate");
        u.clientKeyPath = path(n, "client-key");
        u.token = scalar(n, "token");
        u.tokenFile = path(n, "tokenFile");
        u.username = scalar(n, "username");
        u.password = scalar(n, "password");
        Redactor::registerSecret(u.token);
        Redactor::registerSecret(u.password);
        Redactor::registerSecret(QString::fromLatin1(u.clientKeyData));
        const YAML::Node exec = n["exec"];
        if (exec && !exec.IsNull())
            u.exec = parseExec(exec);
        // Legacy auth providers (gcp, azure, oidc) are gone from kubectl; remember the name so
        // resolve() can say what replaced them.
        const YAML::Node provider = n["auth-provider"];
        if (provider && provider.IsMap())
            m_target->originOf.insert(QStringLiteral("auth-provider:") + name,
                                      scalar(provider, "name"));
        return u;
    }

    ExecConfig parseExec(const YAML::Node& n) const
    {
        if (!n.IsMap())
            fail(n, QStringLiteral("\"exec\" must be a mapping"));
        ExecConfig e;
        e.command = scalar(n, "command");
        // A relative command with a separator is relative to the kubeconfig's folder; a bare
        // name is looked up in PATH when it runs.
        if (e.command.contains(QLatin1Char('/')) || e.command.contains(QLatin1Char('\\')))
            e.command = path(n, "command");
        e.apiVersion = scalar(n, "apiVersion");
        e.installHint = scalar(n, "installHint");
        e.provideClusterInfo = boolean(n, "provideClusterInfo");
        e.interactiveMode = scalar(n, "interactiveMode");
        if (e.interactiveMode.isEmpty() && e.apiVersion != kExecV1)
            e.interactiveMode = QStringLiteral("IfAvailable"); // kubectl's default before v1
        const YAML::Node args = n["args"];
        if (args && !args.IsNull()) {
            if (!args.IsSequence())
                fail(args, QStringLiteral("exec \"args\" must be a list of strings"));
            for (const YAML::Node& a : args) {
                if (!a.IsScalar())
                    fail(a, QStringLiteral("exec \"args\" must be a list of strings"));
                e.args << qstr(a.Scalar());
            }
        }
        const YAML::Node env = n["env"];
        if (env && !env.IsNull()) {
            if (!env.IsSequence())
                fail(env, QStringLiteral("exec \"env\" must be a list of {name, value}"));
            for (const YAML::Node& v : env) {
                if (!v.IsMap())
                    fail(v, QStringLiteral("exec \"env\" must be a list of {name, value}"));
                e.env.append({scalar(v, "name"), scalar(v, "value")});
            }
        }
        return e;
    }

public:
    static inline const QString kExecV1 = QStringLiteral("client.authentication.k8s.io/v1");

private:
    QString m_path, m_dir;
    Kubeconfig* m_target;
};

bool loadFile(const QString& path, Kubeconfig* config, KubeError* error)
{
    // Every failure starts as kubectl's does: error loading config file "PATH": ...
    auto failed = [&](const QString& why) {
        setError(error, QStringLiteral("error loading config file \"%1\": %2").arg(path, why));
        return false;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failed(file.errorString());
    QString size;
    const std::optional<QByteArray> bytes =
        readAtMost(file, KubeconfigLoader::kMaxFileBytes, &size);
    if (!bytes)
        return failed(QStringLiteral("the file is %1; Unstuck reads kubeconfig files of at most "
                                     "%2 MiB")
                          .arg(size)
                          .arg(KubeconfigLoader::kMaxFileBytes / (1024 * 1024)));
    const QByteArray& text = *bytes;
    try {
        const YAML::Node root = YAML::Load(text.toStdString());
        FileParser(path, config).parse(root);
    } catch (const YAML::ParserException& e) {
        return failed(QStringLiteral("YAML error at line %1, column %2: %3")
                          .arg(e.mark.line + 1)
                          .arg(e.mark.column + 1)
                          .arg(qstr(e.msg)));
    } catch (const YAML::Exception& e) {
        return failed(QStringLiteral("line %1: %2").arg(e.mark.line + 1).arg(qstr(e.msg)));
    } catch (const ParseFailure& e) {
        return failed(e.message);
    }
    config->files << path;
    return true;
}

} // namespace

std::optional<Kubeconfig> KubeconfigLoader::load(const QString& explicitPath,
                                                 const QProcessEnvironment& env, KubeError* error)
{
    Kubeconfig config;
    if (!explicitPath.isEmpty()) {
        if (!QFileInfo::exists(explicitPath)) {
            // kubectl says "stat PATH: no such file or directory".
            setError(error, QStringLiteral("kubeconfig \"%1\" does not exist (stat %1: no such "
                                           "file or directory). Check the path given with "
                                           "--kubeconfig.")
                                .arg(explicitPath));
            return std::nullopt;
        }
        if (!loadFile(explicitPath, &config, error))
            return std::nullopt;
        return config;
    }
    const QStringList list = KubeconfigLocation::fromEnvironment(env);
    if (!list.isEmpty()) {
        for (const QString& path : list) {
            if (!QFileInfo::exists(path))
                continue; // kubectl skips missing files of the KUBECONFIG list
            if (!loadFile(path, &config, error))
                return std::nullopt;
        }
        if (config.files.isEmpty()) {
            setError(error, QStringLiteral("none of the files in KUBECONFIG exists: %1")
                                .arg(list.join(QStringLiteral(", "))));
            return std::nullopt;
        }
        return config;
    }
    const QString fallback = KubeconfigLocation::defaultFile(env);
    if (!QFileInfo::exists(fallback)) {
        setError(error, QStringLiteral("no kubeconfig found: KUBECONFIG is not set and \"%1\" "
                                       "does not exist. Choose a kubeconfig file or set "
                                       "KUBECONFIG.")
                            .arg(fallback));
        return std::nullopt;
    }
    if (!loadFile(fallback, &config, error))
        return std::nullopt;
    return config;
}

namespace {

QString originOf(const Kubeconfig& config, const QString& key)
{
    const QString file = config.originOf.value(key);
    return file.isEmpty() ? config.files.join(QStringLiteral(", ")) : file;
}

bool readFile(const QString& path, QByteArray* out, QString* why)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *why = file.errorString();
        return false;
    }
    QString size;
    const std::optional<QByteArray> bytes =
        readAtMost(file, KubeconfigLoader::kMaxFileBytes, &size);
    if (!bytes) {
        *why = QStringLiteral("the file is %1, more than the %2 MiB Unstuck reads")
                   .arg(size)
                   .arg(KubeconfigLoader::kMaxFileBytes / (1024 * 1024));
        return false;
    }
    *out = *bytes;
    return true;
}

bool resolveCluster(const Kubeconfig& config, const QString& name, KubeCluster* c, KubeError* error)
{
    const QString where = originOf(config, QStringLiteral("cluster:") + name);
    if (c->server.isEmpty()) {
        setError(error,
                 QStringLiteral("no server found for cluster \"%1\" (in %2)").arg(name, where));
        return false;
    }
    const QUrl url(c->server);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        setError(error, QStringLiteral("server \"%1\" of cluster \"%2\" is not an http(s) URL "
                                       "(in %3)")
                            .arg(c->server, name, where));
        return false;
    }
    const bool hasCa =
        !c->certificateAuthorityData.isEmpty() || !c->certificateAuthorityPath.isEmpty();
    if (c->insecureSkipTlsVerify && hasCa) {
        setError(error, QStringLiteral("cluster \"%1\" (in %2): specifying a root certificates "
                                       "file with the insecure flag is not allowed")
                            .arg(name, where));
        return false;
    }
    if (c->certificateAuthorityData.isEmpty() && !c->certificateAuthorityPath.isEmpty()) {
        QString why;
        if (!readFile(c->certificateAuthorityPath, &c->certificateAuthorityData, &why)) {
            setError(error, QStringLiteral("unable to read certificate-authority %1 for %2 due "
                                           "to %3")
                                .arg(c->certificateAuthorityPath, name, why));
            return false;
        }
    }
    if (!c->certificateAuthorityData.isEmpty()) {
        QString why;
        if (TlsMaterial::caCertificates(
                c->certificateAuthorityData,
                QStringLiteral("certificate-authority of cluster \"%1\"").arg(name), &why)
                .isEmpty()) {
            setError(error, why);
            return false;
        }
    }
    if (!c->proxyUrl.isEmpty()) {
        const QUrl proxy(c->proxyUrl);
        const QString scheme = proxy.scheme();
        if (proxy.host().isEmpty() ||
            (scheme != QLatin1String("http") && scheme != QLatin1String("https") &&
             scheme != QLatin1String("socks5"))) {
            setError(error, QStringLiteral("proxy-url \"%1\" of cluster \"%2\" is not supported: "
                                           "use http://, https:// or socks5://host:port")
                                .arg(c->proxyUrl, name));
            return false;
        }
    }
    return true;
}

bool validateExec(const QString& name, const ExecConfig& e, QStringList* problems)
{
    const int before = problems->size();
    if (e.command.isEmpty())
        *problems << QStringLiteral("command must be specified for %1 to use exec authentication "
                                    "plugin")
                         .arg(name);
    if (e.apiVersion.isEmpty())
        *problems << QStringLiteral("apiVersion must be specified for %1 to use exec "
                                    "authentication plugin")
                         .arg(name);
    else if (e.apiVersion != QLatin1String("client.authentication.k8s.io/v1") &&
             e.apiVersion != QLatin1String("client.authentication.k8s.io/v1beta1"))
        *problems << QStringLiteral("exec plugin: invalid apiVersion \"%1\" for %2 (supported: "
                                    "client.authentication.k8s.io/v1, "
                                    "client.authentication.k8s.io/v1beta1)")
                         .arg(e.apiVersion, name);
    for (const auto& [key, value] : e.env) {
        if (key.isEmpty())
            *problems << QStringLiteral("env variable name must be specified for %1 to use exec "
                                        "authentication plugin")
                             .arg(name);
    }
    static const QStringList modes = {QStringLiteral("Never"), QStringLiteral("IfAvailable"),
                                      QStringLiteral("Always")};
    if (e.interactiveMode.isEmpty())
        *problems << QStringLiteral("interactiveMode must be specified for %1 to use exec "
                                    "authentication plugin")
                         .arg(name);
    else if (!modes.contains(e.interactiveMode))
        *problems << QStringLiteral("invalid interactiveMode for %1: \"%2\"")
                         .arg(name, e.interactiveMode);
    return problems->size() == before;
}

bool resolveUser(const Kubeconfig& config, const QString& name, KubeUser* u, KubeError* error)
{
    const QString where = originOf(config, QStringLiteral("user:") + name);
    QStringList problems;
    QStringList methods;
    if (!u->token.isEmpty() || !u->tokenFile.isEmpty())
        methods << QStringLiteral("token");
    if (!u->username.isEmpty() || !u->password.isEmpty())
        methods << QStringLiteral("basicAuth");
    const bool hasCert = !u->clientCertificateData.isEmpty() || !u->clientCertificatePath.isEmpty();
    const bool hasKey = !u->clientKeyData.isEmpty() || !u->clientKeyPath.isEmpty();
    if (hasCert && !hasKey)
        problems << QStringLiteral("client-key-data or client-key must be specified for %1 to use "
                                   "the clientCert authentication method.")
                        .arg(name);
    if (hasKey && !hasCert)
        problems << QStringLiteral("client-cert-data or client-cert must be specified for %1 to "
                                   "use the clientCert authentication method.")
                        .arg(name);
    if (u->exec)
        validateExec(name, *u->exec, &problems);
    if (methods.size() > 1)
        problems << QStringLiteral("more than one authentication method found for %1; found [%2], "
                                   "only one is allowed")
                        .arg(name, methods.join(QLatin1Char(' ')));
    const QString provider = config.originOf.value(QStringLiteral("auth-provider:") + name);
    if (!provider.isNull() && !u->exec && methods.isEmpty() && !hasCert)
        problems << QStringLiteral("user %1 uses the auth-provider \"%2\", which kubectl no longer "
                                   "supports; regenerate the kubeconfig with the cloud CLI so it "
                                   "uses an exec plugin (gke-gcloud-auth-plugin, kubelogin, …)")
                        .arg(name, provider);
    if (!problems.isEmpty()) {
        setError(error, QStringLiteral("invalid configuration (%1): %2")
                            .arg(where, problems.join(QStringLiteral("; "))));
        return false;
    }
    QString why;
    if (u->clientCertificateData.isEmpty() && !u->clientCertificatePath.isEmpty() &&
        !readFile(u->clientCertificatePath, &u->clientCertificateData, &why)) {
        setError(error, QStringLiteral("unable to read client-cert %1 for %2 due to %3")
                            .arg(u->clientCertificatePath, name, why));
        return false;
    }
    if (u->clientKeyData.isEmpty() && !u->clientKeyPath.isEmpty()) {
        if (!readFile(u->clientKeyPath, &u->clientKeyData, &why)) {
            setError(error, QStringLiteral("unable to read client-key %1 for %2 due to %3")
                                .arg(u->clientKeyPath, name, why));
            return false;
        }
        Redactor::registerSecret(QString::fromLatin1(u->clientKeyData));
    }
    if (hasCert) {
        QSslCertificate cert;
        QSslKey key;
        if (!TlsMaterial::loadClientPair(u->clientCertificateData, u->clientKeyData,
                                         QStringLiteral("user \"%1\"").arg(name), &cert, &key,
                                         &why)) {
            setError(error, why);
            return false;
        }
    }
    if (!u->tokenFile.isEmpty()) {
        QByteArray token;
        if (!readFile(u->tokenFile, &token, &why)) {
            setError(error, QStringLiteral("unable to read tokenFile %1 for %2 due to %3")
                                .arg(u->tokenFile, name, why));
            return false;
        }
        u->token = QString::fromUtf8(token).trimmed(); // the file wins over an inline token
        Redactor::registerSecret(u->token);
    }
    return true;
}

} // namespace

std::optional<ResolvedContext>
KubeconfigLoader::resolve(const Kubeconfig& config, const QString& contextName, KubeError* error)
{
    const QString name = contextName.isEmpty() ? config.currentContext : contextName;
    const QString files = config.files.join(QStringLiteral(", "));
    if (name.isEmpty()) {
        setError(error, QStringLiteral("no context chosen: current-context is not set in %1. "
                                       "Pick a context (kubectl config use-context <name>).")
                            .arg(files));
        return std::nullopt;
    }
    if (!config.contexts.contains(name)) {
        const QStringList known = config.contexts.keys();
        setError(error, QStringLiteral("context was not found for specified context: %1 (known "
                                       "contexts: %2; read from %3)")
                            .arg(name,
                                 known.isEmpty() ? QStringLiteral("none")
                                                 : known.join(QStringLiteral(", ")),
                                 files));
        return std::nullopt;
    }
    const KubeContextEntry entry = config.contexts.value(name);
    if (entry.cluster.isEmpty() || !config.clusters.contains(entry.cluster)) {
        setError(error,
                 entry.cluster.isEmpty()
                     ? QStringLiteral("cluster was not specified for context \"%1\"").arg(name)
                     : QStringLiteral("cluster \"%1\" was not found for context \"%2\" "
                                      "(read from %3)")
                           .arg(entry.cluster, name, files));
        return std::nullopt;
    }
    if (entry.user.isEmpty() || !config.users.contains(entry.user)) {
        setError(error, entry.user.isEmpty()
                            ? QStringLiteral("user was not specified for context \"%1\"").arg(name)
                            : QStringLiteral("user \"%1\" was not found for context \"%2\" (read "
                                             "from %3)")
                                  .arg(entry.user, name, files));
        return std::nullopt;
    }
    ResolvedContext resolved;
    resolved.contextName = name;
    resolved.ns = entry.ns.isEmpty() ? QStringLiteral("default") : entry.ns;
    resolved.clusterName = entry.cluster;
    resolved.userName = entry.user;
    resolved.cluster = config.clusters.value(entry.cluster);
    resolved.user = config.users.value(entry.user);
    resolved.sourceFile = config.originOf.value(QStringLiteral("user:") + entry.user);
    if (!resolveCluster(config, entry.cluster, &resolved.cluster, error) ||
        !resolveUser(config, entry.user, &resolved.user, error))
        return std::nullopt;
    return resolved;
}

} // namespace unstuck
