// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/verdict/DiagnosisResult.h"

#include <QObject>
#include <QPoint>
#include <QPointer>
#include <functional>
#include <optional>

namespace unstuck::ui {

class FixLauncher;
class FixWizard;
class MainWindow;

// The presenter's autoplay (`unstuck --demo SCENARIO --autoplay heal`): diagnosis, then the
// wizard for the root fix with its pages advancing by themselves (confirmation included: a
// destructive fix gets its name typed), apply, verify, green. It presses the same buttons a
// person would, pausing on each page, and with a screenshot folder saves one PNG per stage
// (01-diagnosis.png … 07-healed.png). finished(0) when healed, 1 when not.
class FixAutoplay : public QObject
{
    Q_OBJECT
public:
    FixAutoplay(MainWindow* window, FixLauncher* launcher, int stepDelayMs, QString screenshotDir,
                QObject* parent = nullptr);
    ~FixAutoplay() override;

    // The PNG of the window with the wizard (if open) drawn over it, as a room would see it.
    QImage picture() const;

Q_SIGNALS:
    void finished(int exitCode);
    void saidWhy(const QString& message); // why it stopped early

private:
    void onDiagnosed(const DiagnosisResult& result);
    void stage(const QString& name, std::function<void()> then);
    void next(std::function<void()> then);
    void whenPlanned();
    void confirm();
    void stepAside();
    void applied();
    void stop(int exitCode, const QString& why = {});

    MainWindow* m_window;
    FixLauncher* m_launcher;
    int m_delayMs;
    QString m_dir;
    QPointer<FixWizard> m_wizard;
    bool m_started = false;
    std::optional<QPoint> m_asideAt; // where the wizard went while applying (window coordinates)
    int m_rounds = 0;                // diagnoses again while the simulator's controllers settle
    static constexpr int kMaxRounds = 20;
};

} // namespace unstuck::ui
