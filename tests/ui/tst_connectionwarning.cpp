// SPDX-License-Identifier: GPL-3.0-or-later
// A kubeconfig that turns TLS verification off: the real engine diagnoses the simulator through
// it, and the diagnosis page shows the warning above the graph, in the window's language; the
// same cluster with its CA shows none.
#include "support/SimProcess.h"

#include "models/engine/DiagnosisEngine.h"
#include "ui/DiagnosisPage.h"
#include "ui/LanguageManager.h"

#include <QApplication>
#include <QRegularExpression>
#include <QSignalSpy>

using namespace unstuck;
using namespace unstuck::test;
using namespace unstuck::ui;
using namespace Qt::StringLiterals;

class TestConnectionWarning : public QObject
{
    Q_OBJECT

    static DiagnosisResult diagnose(const QString& kubeconfig)
    {
        DiagnosisEngine engine;
        QSignalSpy finished(&engine, &DiagnosisEngine::finished);
        DiagnosisRequest request;
        request.kubeconfig = kubeconfig;
        request.noCloud = true;
        engine.start(request);
        if (!finished.wait(30000))
            return {};
        return finished.first().first().value<DiagnosisResult>();
    }

    static QString insecureCopy(const SimProcess& sim, const QTemporaryDir& dir)
    {
        QFile in(sim.kubeconfig());
        if (!in.open(QIODevice::ReadOnly))
            return {};
        QString text = QString::fromUtf8(in.readAll());
        text.remove(QRegularExpression(u"\\n\\s*certificate-authority-data:\\s*\\S+"_s));
        text.replace(QRegularExpression(u"(\\n    server: \\S+)"_s),
                     u"\\1\n    insecure-skip-tls-verify: true"_s);
        const QString path = dir.filePath(u"insecure.kubeconfig"_s);
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly))
            return {};
        out.write(text.toUtf8());
        return path;
    }

private Q_SLOTS:
    void insecureKubeconfig_pageWarnsInBothLanguages()
    {
        SimProcess sim;
        QVERIFY(sim.start(u"seed"_s));
        QTemporaryDir dir;
        const DiagnosisResult insecure = diagnose(insecureCopy(sim, dir));
        QVERIFY2(insecure.complete, qPrintable(insecure.error));

        LanguageManager languages;
        QVERIFY(languages.setLanguage(u"en"_s));
        DiagnosisPage page;
        page.resize(1280, 800);
        page.show();
        page.showFinal(insecure);
        QVERIFY2(page.warningText().contains(u"TLS verification is off"_s) &&
                     page.warningText().contains(u"\"unstuck-sim\""_s),
                 qPrintable(page.warningText()));
        page.grab().save(dir.filePath(u"warning-en.png"_s));

        QVERIFY(languages.setLanguage(u"zh_CN"_s));
        QTRY_VERIFY2(page.warningText().contains(u"TLS 校验已关闭"_s),
                     qPrintable(page.warningText()));

        QVERIFY(languages.setLanguage(u"en"_s));
        const DiagnosisResult verified = diagnose(sim.kubeconfig());
        QVERIFY(verified.complete);
        page.showFinal(verified);
        QCOMPARE(page.warningText(), QString());
    }
};

QTEST_MAIN(TestConnectionWarning)
#include "tst_connectionwarning.moc"
