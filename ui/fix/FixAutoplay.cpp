// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/fix/FixAutoplay.h"

#include "ui/ComponentItem.h"
#include "ui/DiagnosisPage.h"
#include "ui/GraphScene.h"
#include "ui/GraphView.h"
#include "ui/MainWindow.h"
#include "ui/fix/ConfirmPage.h"
#include "ui/fix/FixLauncher.h"
#include "ui/fix/FixWizard.h"

#include <QAbstractButton>
#include <QDir>
#include <QImage>
#include <QLineEdit>
#include <QPainter>
#include <QTimer>
#include <algorithm>

namespace unstuck::ui {

FixAutoplay::FixAutoplay(MainWindow* window, FixLauncher* launcher, int stepDelayMs,
                         QString screenshotDir, QObject* parent)
    : QObject(parent), m_window(window), m_launcher(launcher), m_delayMs(std::max(0, stepDelayMs)),
      m_dir(std::move(screenshotDir))
{
    connect(window, &MainWindow::diagnosisFinished, this, &FixAutoplay::onDiagnosed);
}

FixAutoplay::~FixAutoplay() = default;

QImage FixAutoplay::picture() const
{
    QImage image = m_window->grab().toImage();
    if (!m_wizard || !m_wizard->isVisible())
        return image;
    const QImage over = m_wizard->grab().toImage();
    // Where the wizard is over the window: centred, as a window manager places a dialog, or
    // where it stepped aside to while applying; with a frame and a shadow so it reads as a window
    // of its own.
    const QPoint at = m_asideAt.value_or(QPoint((m_window->width() - m_wizard->width()) / 2,
                                                (m_window->height() - m_wizard->height()) / 2));
    const QRectF frame(QPointF(at), QSizeF(m_wizard->size()));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(Qt::NoBrush);
    for (int i = 1; i <= 8; ++i) {
        painter.setPen(QPen(QColor(0, 0, 0, 40 - 4 * i), 1));
        painter.drawRoundedRect(frame.adjusted(-i, -i, i + 2, i + 2), 4 + i, 4 + i);
    }
    painter.drawImage(frame.topLeft(), over);
    painter.setPen(QPen(QColor(0x60, 0x60, 0x60), 1.5));
    painter.drawRect(frame.adjusted(-0.5, -0.5, 0.5, 0.5));
    return image;
}

// While the fix applies and verifies, the wizard moves below the graph's cards, so the room
// watches the red path shrink and turn green behind it (the inspector stays in view too).
void FixAutoplay::stepAside()
{
    if (!m_wizard)
        return;
    GraphView* view = m_window->page()->view();
    QRectF cards;
    for (ComponentItem* c : m_window->page()->scene()->componentItems())
        cards = cards.united(c->sceneBoundingRect());
    const QRect pane(view->mapTo(m_window, QPoint(0, 0)), view->size());
    const QPoint cardsBottom =
        view->viewport()->mapTo(m_window, view->mapFromScene(cards).boundingRect().bottomLeft());
    // The wizard's own minimum suits a person reading every page; the compact apply page needs
    // less, but never less than its layout does (or the end state would be drawn over the steps).
    m_wizard->setCompact(true);
    const int minHeight = std::max(340, m_wizard->minimumSizeHint().height());
    m_wizard->setMinimumSize(640, minHeight);
    const int top = std::min(cardsBottom.y() + 6, m_window->height() - minHeight);
    const QSize size(std::max(640, pane.width()), m_window->height() - top);
    m_wizard->resize(size);
    m_asideAt = QPoint(pane.left(), top);
    m_wizard->move(m_window->geometry().topLeft() + *m_asideAt);
}

// Saves the stage's picture (when asked to), then pauses on it before going on.
void FixAutoplay::stage(const QString& name, std::function<void()> then)
{
    QTimer::singleShot(m_delayMs / 2 + 200, this, [this, name, then] {
        if (!m_dir.isEmpty()) {
            QDir().mkpath(m_dir);
            picture().save(QDir(m_dir).filePath(name + QStringLiteral(".png")), "PNG");
        }
        QTimer::singleShot(m_delayMs / 2, this, then);
    });
}

// Presses Next (or Apply) once the page allows it, as a person would.
void FixAutoplay::next(std::function<void()> then)
{
    if (!m_wizard)
        return stop(1, QStringLiteral("the wizard was closed"));
    QAbstractButton* button = m_wizard->button(
        m_wizard->currentPage()->isCommitPage() ? QWizard::CommitButton : QWizard::NextButton);
    if (!button->isEnabled())
        return QTimer::singleShot(100, this, [this, then] { next(then); });
    button->click();
    then();
}

void FixAutoplay::onDiagnosed(const DiagnosisResult& result)
{
    if (m_started)
        return;
    if (!result.complete) {
        m_started = true;
        return stop(1, QStringLiteral("could not diagnose: ") + result.error);
    }
    // A freshly started simulator's controllers need a few rounds before the chain shows its
    // cause: diagnose again for a while, as a presenter would press F5.
    if (!result.rootCause && m_rounds < kMaxRounds) {
        ++m_rounds;
        QTimer::singleShot(1000, this, [this] { m_window->diagnose(m_window->lastRequest()); });
        return;
    }
    m_started = true;
    if (!result.rootCause || result.fixes.isEmpty())
        return stage(QStringLiteral("01-diagnosis"),
                     [this] { stop(1, QStringLiteral("no root cause with a fix to play")); });
    const QString rootFix = result.fixes.first().id;
    stage(QStringLiteral("01-diagnosis"), [this, rootFix] {
        m_wizard = m_launcher->open({rootFix});
        m_wizard->resize(900, 680);
        stage(QStringLiteral("02-what"), [this] { next([this] { whenPlanned(); }); });
    });
}

void FixAutoplay::whenPlanned()
{
    if (!m_wizard)
        return stop(1, QStringLiteral("the wizard was closed"));
    if (m_wizard->stage() < FixWizard::Stage::Planned)
        return QTimer::singleShot(100, this, [this] { whenPlanned(); });
    if (!m_wizard->error().isEmpty())
        return stage(QStringLiteral("03-preview"), [this] { stop(1, m_wizard->error()); });
    stage(QStringLiteral("03-preview"), [this] {
        m_wizard->next();
        stage(QStringLiteral("04-preflight"), [this] {
            if (!m_wizard->currentPage()->isComplete())
                return stop(1, QStringLiteral("a preflight check failed: nothing was written"));
            m_wizard->next();
            confirm();
        });
    });
}

void FixAutoplay::confirm()
{
    // The confirmation is played too: a destructive fix gets its name typed, as asked.
    if (auto* page = m_wizard->findChild<ConfirmPage*>())
        for (QLineEdit* field : page->nameFields())
            field->setText(field->placeholderText());
    stage(QStringLiteral("05-confirm"), [this] {
        next([this] {
            stepAside();
            stage(QStringLiteral("06-applying"), [this] { applied(); });
        });
    });
}

void FixAutoplay::applied()
{
    if (!m_wizard)
        return stop(1, QStringLiteral("the wizard was closed"));
    if (m_wizard->stage() != FixWizard::Stage::Done)
        return QTimer::singleShot(200, this, [this] { applied(); });
    const bool healed = m_wizard->healed();
    stage(QStringLiteral("07-healed"), [this, healed] {
        stop(healed ? 0 : 1, healed ? QString() : QStringLiteral("applied, but not healed"));
    });
}

void FixAutoplay::stop(int exitCode, const QString& why)
{
    if (!why.isEmpty())
        Q_EMIT saidWhy(why);
    Q_EMIT finished(exitCode);
}

} // namespace unstuck::ui
