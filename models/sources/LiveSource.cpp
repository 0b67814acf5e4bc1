// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sources/LiveSource.h"

#include "models/cloud/ConnectionProfile.h"
#include "models/common/Redactor.h"
#include "models/kube/KubeconfigLoader.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QPointer>

namespace unstuck {

LiveSource::LiveSource(ResolvedContext context, std::optional<CloudConnection> cloud,
                       QString cloudReason, int timeoutMs, QObject* parent)
    : DiagnosisSource(parent), m_kube(std::make_unique<KubeClient>(std::move(context))),
      m_cloudReason(std::move(cloudReason))
{
    m_kube->setTimeoutMs(timeoutMs);
    // Reads are retried as client-go retries them (429 with Retry-After, 5xx, a connection
    // reset mid-answer): one flaky answer must not turn a component unknown. Discovery of a
    // dead aggregated API still gives up after one retry (KubeClient, Discovery).
    m_kube->setMaxRetries(3);
    if (cloud) {
        cloud->timeoutMs = timeoutMs;
        m_cloud = std::make_unique<CloudClient>(*cloud);
    }
}

LiveSource::~LiveSource() = default;

QList<Bilingual> LiveSource::warnings() const
{
    using namespace Qt::StringLiterals;
    const ResolvedContext& context = m_kube->context();
    if (!context.cluster.insecureSkipTlsVerify)
        return {};
    return {Bilingual{
        u"TLS verification is off: the kubeconfig's cluster \"%1\" sets insecure-skip-tls-verify, "
        "so the API server's certificate is not checked and anyone on the network path could "
        "pose as the cluster. Give the cluster its CA (certificate-authority-data) and remove "
        "the flag."_s,
        u"TLS 校验已关闭：kubeconfig 中的集群“%1”设置了 insecure-skip-tls-verify，不校验 API "
        "服务器的证书，网络路径上的任何人都可以冒充该集群。请为该集群配置 CA"
        "（certificate-authority-data）并去掉该设置。"_s}
                .arg(context.clusterName)};
}

QString LiveSource::contextName() const
{
    return m_kube->context().contextName;
}

void LiveSource::cancelAll()
{
    // Answers still on their way are dropped by the receivers (the run is closed); new
    // questions are refused.
    m_cancelled = true;
}

static QString kubeErrorName(KubeError::Kind kind)
{
    switch (kind) {
    case KubeError::Kind::None:
        return {};
    case KubeError::Kind::Config:
    case KubeError::Kind::Auth:
        return QStringLiteral("config");
    case KubeError::Kind::Unreachable:
        return QStringLiteral("unreachable");
    case KubeError::Kind::Timeout:
        return QStringLiteral("timeout");
    case KubeError::Kind::Tls:
        return QStringLiteral("tls");
    case KubeError::Kind::Unauthorized:
        return QStringLiteral("unauthorized");
    case KubeError::Kind::Forbidden:
        return QStringLiteral("forbidden");
    case KubeError::Kind::NotFound:
        return QStringLiteral("notfound");
    case KubeError::Kind::ServiceUnavailable:
        return QStringLiteral("unavailable");
    case KubeError::Kind::Conflict:
    case KubeError::Kind::Server:
        return QStringLiteral("server");
    case KubeError::Kind::BadResponse:
        return QStringLiteral("badresponse");
    case KubeError::Kind::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("server");
}

SourceAnswer LiveSource::fromKube(const KubeResponse& response)
{
    SourceAnswer answer;
    answer.status = response.httpStatus;
    answer.body = response.body;
    answer.contentType = response.contentType;
    answer.json = response.json;
    answer.error = kubeErrorName(response.error.kind);
    answer.errorCode = response.error.reason;
    answer.message = response.error.message;
    answer.at = QDateTime::currentDateTimeUtc();
    answer.elapsedMs = response.elapsedMs;
    return answer;
}

SourceAnswer LiveSource::fromCloud(const CloudResponse& response)
{
    SourceAnswer answer;
    answer.status = response.httpStatus;
    answer.json = response.json;
    answer.body = QJsonDocument(response.json).toJson(QJsonDocument::Compact);
    answer.contentType = "application/json";
    answer.errorCode = response.error.code;
    answer.message = response.error.message;
    answer.at = QDateTime::currentDateTimeUtc();
    answer.elapsedMs = response.elapsedMs;
    switch (response.error.kind) {
    case CloudError::Kind::None:
        break;
    case CloudError::Kind::Config:
        answer.error = QStringLiteral("config");
        break;
    case CloudError::Kind::Unreachable:
        answer.error = QStringLiteral("unreachable");
        break;
    case CloudError::Kind::Timeout:
        answer.error = QStringLiteral("timeout");
        break;
    case CloudError::Kind::Tls:
        answer.error = QStringLiteral("tls");
        break;
    case CloudError::Kind::BadResponse:
        answer.error = QStringLiteral("badresponse");
        break;
    case CloudError::Kind::Cancelled:
        answer.error = QStringLiteral("cancelled");
        break;
    case CloudError::Kind::Api:
        if (response.error.httpStatus == 403 ||
            response.error.code.startsWith(QStringLiteral("Forbidden")) ||
            response.error.code.contains(QStringLiteral("NoPermission")))
            answer.error = QStringLiteral("forbidden");
        else if (response.error.httpStatus == 404 ||
                 response.error.code.contains(QStringLiteral("NotFound")))
            answer.error = QStringLiteral("notfound");
        else
            answer.error = QStringLiteral("api");
        break;
    }
    return answer;
}

void LiveSource::fetch(const SourceQuery& query, QObject* receiver, Callback callback)
{
    QPointer<QObject> guard(receiver);
    if (m_cancelled) {
        SourceAnswer answer;
        answer.error = QStringLiteral("cancelled");
        answer.message = QStringLiteral("cancelled");
        QMetaObject::invokeMethod(
            receiver, [callback, answer] { callback(answer); }, Qt::QueuedConnection);
        return;
    }
    if (query.kind == SourceQuery::Kind::Kube) {
        auto done = [callback](const KubeResponse& response) {
            callback(fromKube(response));
        };
        if (query.allPages)
            m_kube->list(query.path, receiver, done);
        else
            m_kube->get(query.path, receiver, done);
        return;
    }
    if (!m_cloud) {
        SourceAnswer answer;
        answer.error = QStringLiteral("config");
        answer.message = m_cloudReason;
        QMetaObject::invokeMethod(
            receiver, [callback, answer] { callback(answer); }, Qt::QueuedConnection);
        return;
    }
    auto done = [callback](const CloudResponse& response) {
        callback(fromCloud(response));
    };
    if (query.allPages && !query.listPath.isEmpty())
        m_cloud->callAllPages(query.product, query.action, query.params, query.listPath, receiver,
                              done);
    else
        m_cloud->call(query.product, query.action, query.params, receiver, done);
}

QString LiveSource::keychainEntryNeeded(const DiagnosisRequest& request)
{
    if (request.noCloud || !request.fromPath.isEmpty() || request.cloudCredential)
        return {};
    if (request.cloudProfile.startsWith(QLatin1String(kKeychainPrefix)))
        return request.cloudProfile.mid(int(qstrlen(kKeychainPrefix)));
    if (!request.cloudProfile.isEmpty() || request.profileFile.isEmpty())
        return {};
    QString ignored;
    const auto profile = ConnectionProfile::load(
        request.profileFile, QProcessEnvironment::systemEnvironment(), &ignored);
    return profile && profile->credentialSource == QLatin1String("keychain") ? profile->keychainName
                                                                             : QString();
}

namespace {

QString keychainNotReadReason(const QString& name)
{
    return QStringLiteral("no cloud credentials: the OS keychain entry '%1' was not read (only "
                          "the GUI build of unstuck reads the OS keychain; use an aliyun CLI "
                          "profile or ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET instead)")
        .arg(name);
}

void useCredential(CloudConnection& connection, const CloudCredential& credential)
{
    Redactor::registerSecret(credential.accessKeySecret);
    Redactor::registerSecret(credential.securityToken);
    connection.credential = credential;
    if (connection.regionId.isEmpty())
        connection.regionId = credential.regionId;
}

} // namespace

std::unique_ptr<LiveSource> LiveSource::open(const DiagnosisRequest& request, QString* error)
{
    auto connection = resolve(request, error);
    if (!connection)
        return nullptr;
    return std::make_unique<LiveSource>(connection->kube, connection->cloud,
                                        connection->cloudReason, request.requestTimeoutMs);
}

std::optional<LiveConnection> LiveSource::resolve(const DiagnosisRequest& request, QString* error)
{
    QString kubeconfig = request.kubeconfig, context = request.context;
    std::optional<CloudConnection> cloud;
    QString cloudReason;
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    std::optional<ConnectionProfile> profile;
    if (!request.profileFile.isEmpty()) {
        profile = ConnectionProfile::load(request.profileFile, env, error);
        if (!profile)
            return std::nullopt;
        kubeconfig = profile->kubeconfigPath;
        context = profile->kubeContext;
    }
    KubeError kubeError;
    const auto config = KubeconfigLoader::load(kubeconfig, env, &kubeError);
    if (!config) {
        *error = kubeError.message;
        return std::nullopt;
    }
    const auto resolved = KubeconfigLoader::resolve(*config, context, &kubeError);
    if (!resolved) {
        *error = kubeError.message;
        return std::nullopt;
    }
    // Where the cloud calls go (endpoint, CA, region) comes from the profile when there is one;
    // who signs them is, in order: a credential the caller resolved, a source chosen in the
    // app, the profile's own credentials, the credential chain.
    CloudConnection connection;
    if (profile) {
        connection = profile->cloud;
        connection.credential = {};
    } else {
        connection.regionId = env.value(QStringLiteral("ALIBABA_CLOUD_REGION_ID"),
                                        env.value(QStringLiteral("ALICLOUD_REGION")));
    }
    if (request.noCloud) {
        cloudReason = QStringLiteral("cloud checks turned off (--no-cloud)");
    } else if (request.cloudCredential && !request.cloudCredential->isEmpty()) {
        useCredential(connection, *request.cloudCredential);
        cloud = connection;
    } else if (request.cloudProfile.startsWith(QLatin1String(kKeychainPrefix))) {
        cloudReason =
            keychainNotReadReason(request.cloudProfile.mid(int(qstrlen(kKeychainPrefix))));
    } else if (profile && request.cloudProfile.isEmpty()) {
        if (profile->hasCredentials()) {
            useCredential(connection, profile->cloud.credential);
            cloud = connection;
        } else if (profile->credentialSource == QLatin1String("keychain")) {
            cloudReason = keychainNotReadReason(profile->keychainName);
        } else {
            cloudReason = profile->cloudProblem.isEmpty()
                              ? QStringLiteral("no cloud credentials in profile %1")
                                    .arg(QFileInfo(request.profileFile).fileName())
                              : QStringLiteral("no cloud credentials: ") + profile->cloudProblem;
        }
    } else {
        QString credentialError;
        const auto credential =
            CloudCredentials::resolve(request.cloudProfile, env, &credentialError);
        if (credential) {
            if (profile)
                useCredential(connection, *credential);
            else
                connection.credential = *credential;
            cloud = connection;
        } else {
            cloudReason =
                QStringLiteral("no cloud credentials") +
                (credentialError.isEmpty() ? QString()
                                           : QStringLiteral(" (%1)").arg(credentialError));
        }
    }
    return LiveConnection{*resolved, cloud, cloudReason, profile && profile->readOnly};
}

} // namespace unstuck
