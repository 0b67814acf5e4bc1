// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A running simulator and an HTTPS client of its Kubernetes API, configured like a kubeconfig
// user: the suites in tests/sim speak to the sim exactly as any client would.
#include "models/sim/SimServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTemporaryDir>
#include <memory>

namespace unstuck::test {

using unstuck::sim::SimOptions;
using unstuck::sim::SimServer;

struct Answer
{
    int status = 0;
    QByteArray contentType;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QByteArray header(const QByteArray& name) const
    {
        for (const auto& [k, v] : headers)
            if (k.compare(name, Qt::CaseInsensitive) == 0)
                return v;
        return {};
    }
};

enum class Auth { ClientCert, Token, Basic, None, WrongToken, ReadOnly };

// One running simulator plus a client configured like a kubeconfig user would be.
class Sim
{
public:
    explicit Sim(const QString& scenario, int largeNodes = 0)
    {
        SimOptions o;
        o.scenario = scenario;
        o.stateDir = m_dir.path();
        o.reconcileIntervalMs = 100;
        o.largeNodes = largeNodes;
        server = std::make_unique<SimServer>(o);
        QString error;
        ok = server->start(&error);
        if (!ok)
            qWarning("sim did not start: %s", qPrintable(error));
        const auto [cert, key] = server->issueClientCertificate(QStringLiteral("tester"), true);
        m_cert = QSslCertificate(cert, QSsl::Pem);
        m_key = QSslKey(key, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
        m_ca = QSslCertificate::fromData(server->caCertificatePem().toLatin1(), QSsl::Pem);
    }

    Answer request(const QByteArray& method, const QString& pathAndQuery,
                   const QByteArray& body = {}, const QByteArray& contentType = "application/json",
                   const QByteArray& accept = "application/json", Auth auth = Auth::ClientCert)
    {
        QNetworkRequest req(QUrl(
            QStringLiteral("https://127.0.0.1:%1%2").arg(server->kubePort()).arg(pathAndQuery)));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(m_ca);
        if (auth == Auth::ClientCert) {
            tls.setLocalCertificate(m_cert);
            tls.setPrivateKey(m_key);
        }
        req.setSslConfiguration(tls);
        req.setRawHeader("Accept", accept);
        if (!body.isEmpty())
            req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        if (auth == Auth::Token || auth == Auth::WrongToken || auth == Auth::ReadOnly)
            req.setRawHeader("Authorization", "Bearer " + bearer(auth));
        if (auth == Auth::Basic)
            req.setRawHeader("Authorization",
                             "Basic " + ("admin:" + server->basicPassword().toLatin1()).toBase64());
        // Without a client certificate use a fresh manager: no pooled TLS connection or session
        // may carry the certificate identity over.
        QNetworkAccessManager fresh;
        QNetworkAccessManager& nam = auth == Auth::ClientCert ? m_nam : fresh;
        QNetworkReply* reply = nam.sendCustomRequest(req, method, body);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(10000);
        Answer a;
        a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        a.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        a.body = reply->readAll();
        a.headers = reply->rawHeaderPairs();
        reply->deleteLater();
        return a;
    }
    // An open watch; the caller reads events from the reply as they come.
    QNetworkReply* watch(const QString& pathAndQuery)
    {
        QNetworkRequest req(QUrl(
            QStringLiteral("https://127.0.0.1:%1%2").arg(server->kubePort()).arg(pathAndQuery)));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(m_ca);
        tls.setLocalCertificate(m_cert);
        tls.setPrivateKey(m_key);
        req.setSslConfiguration(tls);
        return m_nam.get(req);
    }
    Answer get(const QString& path, const QByteArray& accept = "application/json")
    {
        return request("GET", path, {}, {}, accept);
    }
    QJsonObject condition(const QJsonObject& o, const QString& type)
    {
        for (const QJsonValue& c : o.value(QLatin1String("status"))
                                       .toObject()
                                       .value(QLatin1String("conditions"))
                                       .toArray())
            if (c.toObject().value(QLatin1String("type")).toString() == type)
                return c.toObject();
        return {};
    }
    QJsonObject apiServiceAvailable(const QString& name)
    {
        return condition(
            get(QStringLiteral("/apis/apiregistration.k8s.io/v1/apiservices/") + name).json(),
            QStringLiteral("Available"));
    }

    std::unique_ptr<SimServer> server;
    bool ok = false;

private:
    QByteArray bearer(Auth auth) const
    {
        if (auth == Auth::Token)
            return server->token().toLatin1();
        if (auth == Auth::ReadOnly)
            return server->readOnlyToken().toLatin1();
        return "nope";
    }

    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    QSslCertificate m_cert;
    QSslKey m_key;
    QList<QSslCertificate> m_ca;
};

} // namespace unstuck::test
