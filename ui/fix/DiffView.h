// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/fix/LineDiff.h"

#include <QJsonValue>
#include <QTextBrowser>

namespace unstuck::ui {

// What a write changes, shown as a diff: the object (or RAM policy document) as read and as it
// will be, pretty-printed, removed lines red with "−", added lines green with "+", a few
// unchanged lines around each change. Lines naming a RAM statement's Effect are bold, so
// "Deny" → "Allow" is seen at a glance.
class DiffView : public QTextBrowser
{
    Q_OBJECT
public:
    explicit DiffView(QWidget* parent = nullptr);

    void setChange(const QJsonValue& before, const QJsonValue& after);
    const QList<LineDiff::Line>& lines() const { return m_lines; }
    int removedCount() const;
    int addedCount() const;
    QSize sizeHint() const override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();
    static QStringList linesOf(const QJsonValue& value);

    QList<LineDiff::Line> m_lines;
};

} // namespace unstuck::ui
