// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/cloud/ConnectionProfile.h"

#include "models/cloud/KeychainStore.h"
#include "models/common/BoundedRead.h"
#include "models/common/Redactor.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace unstuck {

using namespace Qt::StringLiterals;

namespace {

QString resolveAgainst(const QString& dir, const QString& path)
{
    if (path.isEmpty())
        return {};
    QString expanded = path;
    if (expanded.startsWith(u"~/"_s))
        expanded = QDir::homePath() + expanded.mid(1);
    return QFileInfo(expanded).isAbsolute() ? QDir::cleanPath(expanded)
                                            : QDir::cleanPath(dir + u'/' + expanded);
}

// Others (group or world) can read the file: inline secrets in it are exposed.
bool readableByOthers(const QString& path)
{
#ifdef Q_OS_UNIX
    const QFileDevice::Permissions p = QFile::permissions(path);
    return p & (QFileDevice::ReadGroup | QFileDevice::ReadOther);
#else
    Q_UNUSED(path);
    return false; // NTFS ACLs are not visible through QFile::permissions
#endif
}

// A profile or the CA file it names: at most kMaxFileBytes, even from a device or a pipe.
std::optional<QByteArray> readProfileFile(QFile& file)
{
    QString size;
    return readAtMost(file, ConnectionProfile::kMaxFileBytes, &size);
}

QString tooLargeText()
{
    return u"larger than %1 KiB, not read"_s.arg(ConnectionProfile::kMaxFileBytes / 1024);
}

} // namespace

std::optional<ConnectionProfile>
ConnectionProfile::load(const QString& path, const QProcessEnvironment& env, QString* error)
{
    auto fail = [&](const QString& text) -> std::optional<ConnectionProfile> {
        if (error)
            *error = u"profile %1: %2"_s.arg(QDir::toNativeSeparators(path), text);
        return std::nullopt;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(file.errorString());
    const std::optional<QByteArray> text = readProfileFile(file);
    if (!text)
        return fail(tooLargeText());
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(*text, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(u"not valid JSON at offset %1: %2"_s.arg(parseError.offset)
                        .arg(parseError.errorString()));
    if (!doc.isObject())
        return fail(u"must be a JSON object"_s);
    const QJsonObject root = doc.object();
    const QJsonValue version = root.value(u"version"_s);
    if (!version.isUndefined() && version.toInt(-1) != 1)
        return fail(u"\"version\" must be 1"_s);

    ConnectionProfile out;
    out.path = QFileInfo(path).absoluteFilePath();
    const QString dir = QFileInfo(path).absolutePath();
    out.name = root.value(u"name"_s).toString(QFileInfo(path).completeBaseName());
    const QJsonValue readOnly = root.value(u"readOnly"_s);
    if (!readOnly.isUndefined() && !readOnly.isBool())
        return fail(u"\"readOnly\" must be true or false"_s);
    out.readOnly = readOnly.toBool(false);
    const QJsonObject kube = root.value(u"kubernetes"_s).toObject();
    out.kubeconfigPath = resolveAgainst(
        dir, kube.value(u"kubeconfig"_s).toString(root.value(u"kubeconfig"_s).toString()));
    out.kubeContext = kube.value(u"context"_s).toString(root.value(u"context"_s).toString());

    const QJsonValue cloudValue = root.value(u"cloud"_s);
    if (cloudValue.isUndefined() || cloudValue.isNull()) {
        out.cloudProblem = u"the profile has no cloud section"_s;
        return out;
    }
    if (!cloudValue.isObject())
        return fail(u"\"cloud\" must be an object"_s);
    const QJsonObject cloud = cloudValue.toObject();
    out.hasCloud = true;
    out.cloud.regionId = cloud.value(u"regionId"_s).toString();
    out.cloud.endpointOverride = cloud.value(u"endpoint"_s).toString();
    const QString caFile =
        resolveAgainst(dir, cloud.value(u"caFile"_s).toString(root.value(u"caFile"_s).toString()));
    if (!caFile.isEmpty()) {
        QFile ca(caFile);
        if (!ca.open(QIODevice::ReadOnly))
            return fail(
                u"cloud caFile %1: %2"_s.arg(QDir::toNativeSeparators(caFile), ca.errorString()));
        const std::optional<QByteArray> pem = readProfileFile(ca);
        if (!pem)
            return fail(
                u"cloud caFile %1: %2"_s.arg(QDir::toNativeSeparators(caFile), tooLargeText()));
        out.cloud.caCertificatesPem = *pem;
        if (!out.cloud.caCertificatesPem.contains("-----BEGIN CERTIFICATE-----"))
            return fail(u"cloud caFile %1 holds no PEM certificate"_s.arg(
                QDir::toNativeSeparators(caFile)));
    }

    QJsonObject credentials = cloud.value(u"credentials"_s).toObject();
    if (credentials.isEmpty() && cloud.contains(u"accessKeyId"_s)) // the simulator's flat form
        credentials = QJsonObject{{u"source"_s, u"inline"_s},
                                  {u"accessKeyId"_s, cloud.value(u"accessKeyId"_s)},
                                  {u"accessKeySecret"_s, cloud.value(u"accessKeySecret"_s)}};
    if (credentials.isEmpty()) {
        out.cloudProblem = u"the profile names no cloud credentials"_s;
        return out;
    }
    out.credentialSource = credentials.value(u"source"_s).toString();
    const QString fileName = QFileInfo(path).fileName();
    if (out.credentialSource == u"inline"_s) {
        CloudCredential& c = out.cloud.credential;
        c.accessKeyId = credentials.value(u"accessKeyId"_s).toString();
        c.accessKeySecret = credentials.value(u"accessKeySecret"_s).toString();
        Redactor::registerSecret(c.accessKeySecret);
        if (c.accessKeyId.isEmpty() || c.accessKeySecret.isEmpty())
            return fail(u"inline cloud credentials need \"accessKeyId\" and \"accessKeySecret\""_s);
        c.source = u"profile %1 (inline keys)"_s.arg(fileName);
        if (readableByOthers(path))
            out.warnings.append(u"%1 holds an access key secret and other users can read it; "
                                u"run: chmod 600 %2"_s.arg(fileName, path));
    } else if (out.credentialSource == u"aliyun-cli"_s || out.credentialSource == u"env"_s) {
        out.credentialProfile = credentials.value(u"profile"_s).toString();
        const QString choice =
            out.credentialSource == u"env"_s ? u"env"_s : u"aliyun-cli:"_s + out.credentialProfile;
        QString problem;
        // An aliyun-cli source without a profile name follows the CLI's own choice.
        const auto credential =
            out.credentialSource == u"aliyun-cli"_s && out.credentialProfile.isEmpty()
                ? CloudCredentials::resolve(
                      u"aliyun-cli:"_s + env.value(u"ALIBABA_CLOUD_PROFILE"_s), env, &problem)
                : CloudCredentials::resolve(choice, env, &problem);
        if (credential)
            out.cloud.credential = *credential;
        else
            out.cloudProblem = problem;
    } else if (out.credentialSource == u"keychain"_s) {
        out.keychainName = credentials.value(u"name"_s).toString();
        if (out.keychainName.isEmpty())
            return fail(u"keychain cloud credentials need a \"name\""_s);
        out.cloud.credential.source = u"keychain entry '%1'"_s.arg(out.keychainName);
    } else {
        return fail(
            u"cloud credentials \"source\" must be inline, aliyun-cli, env or keychain, not \"%1\""_s
                .arg(out.credentialSource));
    }
    if (out.cloud.regionId.isEmpty())
        out.cloud.regionId = out.cloud.credential.regionId;
    return out;
}

void ConnectionProfile::resolveKeychain(
    KeychainStore& store,
    std::function<void(const CloudCredential& credential, const QString& error)> done) const
{
    const QString name = keychainName;
    store.readSecret(name, [name, done](const QString& secret, const QString& error) {
        CloudCredential c;
        if (!error.isEmpty()) {
            done(c, error);
            return;
        }
        if (!KeychainStore::decodeAccessKey(secret, &c.accessKeyId, &c.accessKeySecret)) {
            done(CloudCredential{}, u"keychain entry '%1' does not hold an access key"_s.arg(name));
            return;
        }
        c.source = u"keychain entry '%1'"_s.arg(name);
        done(c, {});
    });
}

} // namespace unstuck
