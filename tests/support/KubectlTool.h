// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QTest>

namespace unstuck::test {

// The kubectl the end-to-end suites drive or compare with: the one on PATH, provided it runs
// (`kubectl version --client` exits 0); "" when there is none.
inline QString findKubectl()
{
    const QString path = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
    if (path.isEmpty())
        return {};
    QProcess probe;
    probe.start(path, {QStringLiteral("version"), QStringLiteral("--client")});
    if (!probe.waitForFinished(10000) || probe.exitStatus() != QProcess::NormalExit ||
        probe.exitCode() != 0) {
        probe.kill();
        probe.waitForFinished();
        return {};
    }
    return path;
}

} // namespace unstuck::test

// In initTestCase(): stores kubectl's path in `path`, or skips the whole suite (ctest reports it
// Skipped) when kubectl is missing. A macro because QSKIP must return from the test function.
#define UNSTUCK_REQUIRE_KUBECTL(path)                                                              \
    do {                                                                                           \
        (path) = unstuck::test::findKubectl();                                                     \
        if ((path).isEmpty())                                                                      \
            QSKIP("kubectl is not installed");                                                     \
    } while (false)
