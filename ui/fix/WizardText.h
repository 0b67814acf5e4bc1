// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/fixes/PreparedFix.h"
#include "models/verdict/DiagnosisResult.h"

#include <QString>
#include <QStringList>

class QLabel;
class QScrollArea;
class QWidget;

namespace unstuck::ui::wizardtext {

// Small pieces of rich text and widgets the wizard's pages share.
QString para(const QString& heading, const QString& text, bool alarm = false);
QString list(const QString& heading, const QStringList& items);
bool isHighRisk(const QString& riskEn);
// The card (or the two cards of a link) a fix acts on, in the UI's language.
QString target(const DiagnosisResult& diagnosis, const QString& appliesTo);
// ✔ ✘ ~ ? and their colours: a check that was not a dry run is never painted green.
QString symbol(PreflightCheck::Outcome outcome);
QString colour(PreflightCheck::Outcome outcome);
QString outcomeWord(PreflightCheck::Outcome outcome);
// What a preflight check asked, in the UI's language.
QString checkLabel(const PreflightCheck& check);
// A word-wrapped label in a frameless, vertically scrolling area.
QScrollArea* scrolled(QWidget* content, QWidget* parent);
QLabel* wrapping(const QString& html, QWidget* parent);

} // namespace unstuck::ui::wizardtext
