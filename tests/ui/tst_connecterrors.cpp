// SPDX-License-Identifier: GPL-3.0-or-later
// What a person reads when the connection fails, end to end: the real window, the real engine and
// the simulator (child processes, loopback only). A wrong bearer token (401), a certificate
// authority that did not sign the server (TLS), a closed port, and a simulator that answers 401
// to everyone: the error beside the choice names the cause in plain words, in English and in
// Chinese, and the window stays usable — Diagnose runs again.
#include "support/SimProcess.h"

#include "ui/ConnectView.h"
#include "ui/ConnectionSources.h"
#include "ui/DiagnosisPage.h"
#include "ui/EngineRunner.h"
#include "ui/GraphScene.h"
#include "ui/LanguageManager.h"
#include "ui/MainWindow.h"

#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QTcpServer>
#include <QtTest>

using namespace unstuck;
using namespace unstuck::ui;
using namespace Qt::StringLiterals;

namespace {

// A kubeconfig with one context, "ctx", for server; ca is a file path (certificate-authority).
QByteArray kubeconfig(const QString& server, const QString& ca, const QString& token)
{
    return QStringLiteral("apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n"
                          "    server: %1\n    certificate-authority: %2\n"
                          "contexts:\n- name: ctx\n  context:\n    cluster: c\n    user: u\n"
                          "current-context: ctx\nusers:\n- name: u\n  user:\n    token: %3\n")
        .arg(server, ca, token)
        .toUtf8();
}

// The read-only identity's bearer token, as the simulator wrote it into its kubeconfig.
QString readOnlyToken(const test::SimProcess& sim)
{
    QFile f(sim.kubeconfig());
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const auto m = QRegularExpression(u"token: (\\S+)"_s).match(QString::fromUtf8(f.readAll()));
    return m.hasMatch() ? m.captured(1) : QString();
}

// A loopback port nothing listens on.
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

// The window as a person meets it: the connect view lists the kubeconfig's context, the cloud
// side is switched off, Diagnose is pressed.
struct Window
{
    LanguageManager languages;
    MainWindow window{new EngineRunner, &languages};
    QSignalSpy done{&window, &MainWindow::diagnosisFinished};
    QString kubeconfigPath;

    explicit Window(const QString& language = u"en"_s)
    {
        languages.setLanguage(language);
        window.setSimulatorBinary(QStringLiteral(UNSTUCK_SIM_BINARY));
        window.show();
    }
    ConnectView* connect() const { return window.connectView(); }
    void open(const QString& path)
    {
        kubeconfigPath = path;
        window.setSourcesProvider([path] { return ConnectionSources::discover(path); });
        window.showConnect();
        connect()->findChild<QCheckBox*>()->setChecked(true); // "Do not look at the cloud side"
    }
    QPushButton* diagnoseButton() const
    {
        return connect()->findChild<QPushButton*>(u"diagnoseButton"_s);
    }
    // Presses Diagnose and waits for the run's end; the result it ended with.
    DiagnosisResult pressDiagnose()
    {
        const int before = int(done.count());
        QTest::mouseClick(diagnoseButton(), Qt::LeftButton);
        if (!QTest::qWaitFor([&] { return done.count() > before; }, 60000))
            return {};
        return done.last().first().value<DiagnosisResult>();
    }
    // Every error label a person can see in the connect view.
    int visibleErrors() const
    {
        int n = 0;
        for (QLabel* label : connect()->findChildren<QLabel*>(u"connectError"_s))
            n += label->isVisible() ? 1 : 0;
        return n;
    }
};

} // namespace

class TestConnectErrors : public QObject
{
    Q_OBJECT

    test::SimProcess m_sim;
    QTemporaryDir m_dir;

    QString write(const QString& name, const QByteArray& text)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        f.write(text);
        return f.fileName();
    }
    QString server() const
    {
        return m_sim.info().value(u"kubernetes").toObject().value(u"server").toString();
    }
    QString caFile() const { return m_sim.info().value(u"caFile").toString(); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_sim.start(u"seed"_s));
        QVERIFY(!server().isEmpty());
        QVERIFY(!readOnlyToken(m_sim).isEmpty());
    }

    void wrongToken_says401CredentialsRejected_andDiagnoseRunsAgainWithTheRightOne()
    {
        const QString path =
            write(u"kubeconfig-token"_s, kubeconfig(server(), caFile(), u"not-the-token-0451"_s));
        Window w;
        w.open(path);
        const DiagnosisResult failed = w.pressDiagnose();
        QVERIFY(!failed.complete);
        QTRY_VERIFY(w.connect()->isVisible());
        QLabel* shown = w.connect()->errorLabel(ConnectView::Place::Kube);
        QVERIFY(shown->isVisible());
        QCOMPARE(w.visibleErrors(), 1);
        const QString text = shown->text();
        QVERIFY2(text.contains(u"rejected the credentials"_s), qPrintable(text));
        QVERIFY2(text.contains(u"401"_s), qPrintable(text));
        QVERIFY2(text.contains(u"token"_s), qPrintable(text));
        // A server that answered "no" is not a network problem: no VPN advice.
        QVERIFY2(!text.contains(u"VPN"_s), qPrintable(text));
        QVERIFY2(!text.contains(u"not-the-token-0451"_s), qPrintable(text));
        QCOMPARE(w.window.statusText(), u"Could not diagnose."_s);

        // The person fixes the token and presses Diagnose again: the graph, no error left.
        write(u"kubeconfig-token"_s, kubeconfig(server(), caFile(), readOnlyToken(m_sim)));
        QVERIFY(w.diagnoseButton()->isEnabled());
        const DiagnosisResult healed = w.pressDiagnose();
        QVERIFY2(healed.complete, qPrintable(healed.error));
        QVERIFY(!healed.components.isEmpty());
        QTRY_VERIFY(w.window.page()->isVisible());
        QCOMPARE(w.visibleErrors(), 0);
    }

    void wrongCertificateAuthority_saysTheCertificateIsNotTrusted()
    {
        test::SimProcess other; // its own CA, which did not sign m_sim's server certificate
        QVERIFY(other.start(u"healthy"_s));
        const QString path = write(u"kubeconfig-ca"_s, kubeconfig(server(), other.path(u"ca.crt"_s),
                                                                  readOnlyToken(m_sim)));
        Window w;
        w.open(path);
        QVERIFY(!w.pressDiagnose().complete);
        QTRY_VERIFY(w.connect()->isVisible());
        const QString text = w.connect()->errorText();
        QVERIFY2(text.contains(u"certificate is not trusted"_s), qPrintable(text));
        QVERIFY2(text.contains(u"certificate-authority"_s), qPrintable(text));
        QVERIFY2(!text.contains(u"VPN"_s), qPrintable(text));
        QVERIFY(w.connect()->errorLabel(ConnectView::Place::Kube)->isVisible());
    }

    void wrongCertificateAuthority_inChinese_saysItInChinese()
    {
        test::SimProcess other;
        QVERIFY(other.start(u"healthy"_s));
        const QString path =
            write(u"kubeconfig-ca-zh"_s,
                  kubeconfig(server(), other.path(u"ca.crt"_s), readOnlyToken(m_sim)));
        Window w(u"zh_CN"_s);
        w.open(path);
        QVERIFY(!w.pressDiagnose().complete);
        QTRY_VERIFY(w.connect()->isVisible());
        const QString text = w.connect()->errorText();
        QVERIFY2(text.startsWith(u"无法诊断。"_s), qPrintable(text));
        QVERIFY2(text.contains(u"服务器证书不受信任"_s), qPrintable(text));
        QVERIFY2(text.contains(u"证书颁发机构"_s), qPrintable(text));
        QVERIFY2(w.window.statusText().contains(u"无法诊断"_s), qPrintable(w.window.statusText()));
    }

    void closedPort_saysNothingAnswered_andARetryShowsTheErrorOnce()
    {
        const quint16 port = closedPort();
        QVERIFY(port != 0);
        const QString path =
            write(u"kubeconfig-closed"_s,
                  kubeconfig(u"https://127.0.0.1:%1"_s.arg(port), caFile(), readOnlyToken(m_sim)));
        Window w;
        w.open(path);
        for (int attempt = 0; attempt < 2; ++attempt) {
            QVERIFY(!w.pressDiagnose().complete);
            QTRY_VERIFY(w.connect()->isVisible());
            const QString text = w.connect()->errorText();
            QVERIFY2(text.contains(u"Nothing answered at the server address"_s), qPrintable(text));
            QVERIFY2(text.contains(u"VPN"_s), qPrintable(text));
            QVERIFY2(text.contains(u"127.0.0.1:%1"_s.arg(port)), qPrintable(text));
            QCOMPARE(text.count(u"Nothing answered"_s), 1);
            QCOMPARE(w.visibleErrors(), 1);
            QVERIFY(w.diagnoseButton()->isEnabled());
        }
    }

    void demoSimulatorAnswering401_theDemoRowSaysTheCredentialsWereRejected()
    {
        Window w;
        w.window.setScenarios({u"seed"_s});
        w.window.setSimulatorArgs({u"--faults"_s, u"auth=1"_s});
        QPushButton* start = nullptr;
        for (QPushButton* button : w.connect()->findChildren<QPushButton*>())
            if (button->text() == u"Start demo"_s)
                start = button;
        QVERIFY(start);
        QTest::mouseClick(start, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(w.done.count() > 0, 60000);
        QTRY_VERIFY(w.connect()->isVisible());
        QLabel* demo = w.connect()->errorLabel(ConnectView::Place::Demo);
        QVERIFY(demo->isVisible());
        QVERIFY2(demo->text().contains(u"rejected the credentials"_s), qPrintable(demo->text()));
        QVERIFY2(demo->text().contains(u"401"_s), qPrintable(demo->text()));
    }
};

QTEST_MAIN(TestConnectErrors)
#include "tst_connecterrors.moc"
