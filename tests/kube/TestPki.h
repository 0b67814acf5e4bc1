// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Test-only PKI made with the openssl command line: a CA, a server certificate for 127.0.0.1,
// client certificates with RSA and EC keys, and a second unrelated CA.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace unstuck::test {

class TestPki
{
public:
    explicit TestPki(const QString& dir) : m_dir(dir) {}

    QString path(const QString& name) const { return QDir(m_dir).filePath(name); }
    QByteArray read(const QString& name) const
    {
        QFile f(path(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    // Creates ca.crt/ca.key, server.crt/key, client-rsa.crt/key, client-ec.crt/key (SEC1),
    // client-ec8.key (PKCS#8 EC) + client-ec8.crt, other-ca.crt/key. False with *error on failure.
    bool generate(QString* error)
    {
        return run({"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out",
                    "ca.crt", "-days", "2", "-subj", "/CN=unstuck-test-ca"},
                   error) &&
               run({"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "other-ca.key",
                    "-out", "other-ca.crt", "-days", "2", "-subj", "/CN=some-other-ca"},
                   error) &&
               writeFile("server.ext",
                         "subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kube.internal.test\n"
                         "extendedKeyUsage=serverAuth\n") &&
               writeFile("client.ext", "extendedKeyUsage=clientAuth\n") &&
               run({"genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out",
                    "server.key"},
                   error) &&
               sign("server", "/CN=kube-apiserver", "server.ext", error) &&
               run({"genrsa", "-traditional", "-out", "client-rsa.key", "2048"}, error) &&
               sign("client-rsa", "/O=system:masters/CN=alice", "client.ext", error) &&
               run({"ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "client-ec.key"},
                   error) &&
               sign("client-ec", "/O=system:masters/CN=bob", "client.ext", error) &&
               run({"genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out",
                    "client-ec8.key"},
                   error) &&
               sign("client-ec8", "/O=system:masters/CN=carol", "client.ext", error) &&
               run({"genrsa", "-traditional", "-out", "stray-rsa.key", "2048"}, error) &&
               run({"ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "stray-ec.key"},
                   error) &&
               run({"genrsa", "-aes128", "-passout", "pass:secretpass", "-out", "encrypted.key",
                    "2048"},
                   error);
    }

private:
    bool sign(const QString& name, const QString& subject, const QString& ext, QString* error)
    {
        return run({"req", "-new", "-key", name + ".key", "-out", name + ".csr", "-subj", subject},
                   error) &&
               run({"x509", "-req", "-in", name + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                    "-CAcreateserial", "-out", name + ".crt", "-days", "2", "-extfile", ext},
                   error);
    }

    bool writeFile(const QString& name, const QByteArray& content)
    {
        QFile f(path(name));
        return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
    }

    bool run(const QStringList& args, QString* error)
    {
        QProcess p;
        p.setWorkingDirectory(m_dir);
        p.start(QStringLiteral("openssl"), args);
        if (!p.waitForFinished(60000) || p.exitCode() != 0) {
            *error = QStringLiteral("openssl %1 failed: %2")
                         .arg(args.join(QLatin1Char(' ')),
                              QString::fromLocal8Bit(p.readAllStandardError()));
            return false;
        }
        return true;
    }

    QString m_dir;
};

} // namespace unstuck::test
