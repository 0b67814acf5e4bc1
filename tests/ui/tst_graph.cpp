// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/UiTestData.h"

#include "models/verdict/Vocabulary.h"
#include "ui/BadgeItem.h"
#include "ui/ComponentItem.h"
#include "ui/GraphScene.h"
#include "ui/GraphView.h"
#include "ui/LanguageManager.h"
#include "ui/LinkItem.h"

#include <QPainter>
#include <QtTest>

using namespace unstuck;
using namespace unstuck::ui;

namespace {
// How many pixels along the card's top edge are painted in the red path's red, as on screen.
int redPixelsOnTopEdge(GraphScene& scene, ComponentItem* card)
{
    const QRectF area = card->sceneBoundingRect();
    QImage image(area.size().toSize(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    scene.render(&painter, QRectF(QPointF(0, 0), area.size()), area);
    painter.end();
    const int edge = int(card->mapToScene(QPointF(0, 0)).y() - area.top());
    int red = 0;
    for (int x = 30; x < int(ComponentItem::kWidth / 2); ++x)
        for (int y = qMax(0, edge - 2); y <= edge + 2; ++y) {
            const QColor c = image.pixelColor(x, y);
            red += (c.red() > 180 && c.green() < 110 && c.blue() < 110) ? 1 : 0;
        }
    return red;
}
} // namespace

class TestGraph : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void seed_drawsRedPathAndBadgesRootCause()
    {
        GraphScene scene;
        scene.setResult(uitest::seedResult(), false);
        QCOMPARE(scene.componentItems().size(), 6);
        QCOMPARE(scene.linkItems().size(), 5);
        for (LinkItem* link : scene.linkItems()) {
            QVERIFY2(link->isOnRedPath(), qPrintable(link->id()));
            QVERIFY(!link->isAnimated()); // done: steady
        }
        ComponentItem* ram = scene.componentItem(QString::fromLatin1(ids::RamPolicy));
        QVERIFY(ram);
        QVERIFY(ram->isRootCause());
        QVERIFY(ram->badge()->isVisible());
        int badges = 0;
        for (ComponentItem* c : scene.componentItems())
            badges += c->isRootCause() ? 1 : 0;
        QCOMPARE(badges, 1);
    }

    void redPath_healthyCardStaysNeutral_failingCardIsRed()
    {
        GraphScene scene;
        scene.setTheme(Theme::fromPalette(QPalette()));
        scene.setResult(uitest::seedResult(), false);
        // The seed's red path runs through the healthy API Server: the links carry the path,
        // the card keeps its neutral border beside its green tick.
        ComponentItem* api = scene.componentItem(QString::fromLatin1(ids::ApiServer));
        QVERIFY(api->isOnRedPath());
        QCOMPARE(api->verdict().state, ComponentState::Healthy);
        QVERIFY(!api->hasAlarmBorder());
        QCOMPARE(redPixelsOnTopEdge(scene, api), 0);
        ComponentItem* ram = scene.componentItem(QString::fromLatin1(ids::RamPolicy));
        QVERIFY(ram->hasAlarmBorder());
        QVERIFY2(redPixelsOnTopEdge(scene, ram) > 100,
                 qPrintable(QString::number(redPixelsOnTopEdge(scene, ram))));
    }

    void cardText_wrapsOverSeveralLines_andLongObjectsWrapInsteadOfEliding()
    {
        DiagnosisResult r = uitest::seedResult();
        r.components[5].object =
            QStringLiteral("KubernetesMasterRole-9614cb81-4c1a-489d-9022-46ae9ac682a6");
        r.components[5].summary =
            QStringLiteral("Role KubernetesMasterRole-9614cb81: an explicit Deny blocks "
                           "vpc:DescribeRouteTableList and vpc:CreateRouteEntry, so the route "
                           "controller cannot read or write routes");
        GraphScene scene;
        scene.setResult(r, false);
        ComponentItem* ram = scene.componentItem(QString::fromLatin1(ids::RamPolicy));
        // The whole object, over two lines, not "KubernetesMaste…22-46ae9ac682a6".
        QCOMPARE(ram->objectLines().join(QString()), r.components[5].object);
        const QStringList lines = ram->verdictLines();
        QVERIFY2(lines.size() >= 4, qPrintable(lines.join(QLatin1Char('|'))));
        QVERIFY2(lines.join(QLatin1Char(' ')).contains(QStringLiteral("Deny blocks")),
                 qPrintable(lines.join(QLatin1Char('|'))));
    }

    void cardVerdict_namesItsObjectOnce()
    {
        DiagnosisResult r = uitest::seedResult();
        const QString role =
            QStringLiteral("KubernetesMasterRole-9614cb81-4c1a-489d-9022-46ae9ac682a6");
        r.components[5].object = role;
        r.components[5].summary =
            QStringLiteral("Role %1: an explicit Deny blocks vpc:DescribeRouteTableList").arg(role);
        GraphScene scene;
        scene.setResult(r, false);
        ComponentItem* ram = scene.componentItem(QString::fromLatin1(ids::RamPolicy));
        QCOMPARE(ram->objectLines().join(QString()), role);
        // The card says the role once, above the verdict, and the verdict says what is wrong.
        const QString verdict = ram->verdictLines().join(QLatin1Char(' '));
        QVERIFY2(!verdict.contains(QStringLiteral("KubernetesMasterRole")), qPrintable(verdict));
        QVERIFY2(verdict.startsWith(QStringLiteral("An explicit")), qPrintable(verdict));
    }

    void fit_graphFillsMostOfThePane_andTextGrowsWithIt()
    {
        GraphScene scene;
        GraphView view(&scene);
        view.resize(900, 500); // the graph pane of a 1440×900 window
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        scene.setResult(uitest::seedResult(), false);
        QRectF cards;
        for (ComponentItem* c : scene.componentItems())
            cards = cards.united(c->sceneBoundingRect());
        const QRect shown = view.mapFromScene(cards).boundingRect();
        const qreal filled = qreal(shown.width()) * shown.height() /
                             (qreal(view.viewport()->width()) * view.viewport()->height());
        QVERIFY2(filled > 0.6, qPrintable(QString::number(filled)));
        // A verdict reads at 13 px or more on screen (it was 9–11 px).
        QFont verdict;
        verdict.setPointSizeF(ComponentItem::kVerdictPointSize);
        const qreal pixels = QFontInfo(verdict).pixelSize() * view.zoomFactor();
        QVERIFY2(pixels >= 13, qPrintable(QString::number(pixels)));
    }

    void running_animatesRedPathThenSteady()
    {
        GraphScene scene;
        DiagnosisResult partial = uitest::seedResult();
        partial.rootCause.reset();
        scene.setResult(partial, true);
        LinkItem* first = scene.linkItems().first();
        QVERIFY(first->isAnimated());
        ComponentItem* before = scene.componentItem(QString::fromLatin1(ids::ApiServer));
        scene.setResult(uitest::seedResult(), false);
        QVERIFY(!first->isAnimated());
        // Items are reused between partial and final results (no flicker, selection kept).
        QCOMPARE(scene.componentItem(QString::fromLatin1(ids::ApiServer)), before);
    }

    void healthy_noRedNoBadge()
    {
        DiagnosisResult r = uitest::seedResult();
        r.rootCause.reset();
        r.redPath.clear();
        for (auto& c : r.components)
            c.state = ComponentState::Healthy;
        for (auto& l : r.links)
            l.state = LinkState::Ok;
        GraphScene scene;
        scene.setResult(r, false);
        for (LinkItem* link : scene.linkItems())
            QVERIFY(!link->isOnRedPath());
        for (ComponentItem* c : scene.componentItems())
            QVERIFY(!c->isRootCause());
    }

    void unknown_isGreyWithReasonInTooltip()
    {
        DiagnosisResult r = uitest::seedResult();
        r.components[5].state = ComponentState::Unknown;
        r.components[5].summary = QStringLiteral("no cloud credentials");
        GraphScene scene;
        scene.setResult(r, false);
        ComponentItem* ram = scene.componentItem(QString::fromLatin1(ids::RamPolicy));
        QVERIFY(ram->toolTip().contains(QStringLiteral("no cloud credentials")));
        QCOMPARE(Theme::fromPalette(QPalette()).stateColor(ComponentState::Unknown),
                 QColor(0x8a, 0x8f, 0x98));
    }

    void rootCauseLink_badgesTheLink()
    {
        DiagnosisResult r = uitest::seedResult();
        r.rootCause = RootCause{{},
                                QString::fromLatin1(ids::MetricsServer),
                                QString::fromLatin1(ids::VpcRouteTable),
                                QStringLiteral("no route")};
        GraphScene scene;
        scene.setResult(r, false);
        LinkItem* l = scene.linkItem(QString::fromLatin1(ids::MetricsServer) + QStringLiteral("→") +
                                     QString::fromLatin1(ids::VpcRouteTable));
        QVERIFY(l);
        QVERIFY(l->isRootCause());
        QVERIFY(!scene.componentItem(QString::fromLatin1(ids::RamPolicy))->isRootCause());
    }

    void extraCause_getsItsOwnCardWithoutOverlap()
    {
        DiagnosisResult r = uitest::seedResult();
        ComponentVerdict f;
        f.id = QStringLiteral("finalizers");
        f.label = QStringLiteral("Finalizers");
        f.state = ComponentState::Failing;
        r.components << f;
        LinkVerdict l;
        l.from = QString::fromLatin1(ids::NamespaceController);
        l.to = f.id;
        l.state = LinkState::Broken;
        r.links << l;
        GraphScene scene;
        scene.setResult(r, false);
        ComponentItem* card = scene.componentItem(f.id);
        QVERIFY(card);
        QVERIFY(scene.linkItem(l.id()));
        for (ComponentItem* other : scene.componentItems())
            if (other != card)
                QVERIFY(!other->sceneBoundingRect().intersects(card->sceneBoundingRect()));
    }

    void cards_doNotOverlap_andLinksFollowMovedCards()
    {
        GraphScene scene;
        scene.setResult(uitest::seedResult(), false);
        const auto cards = scene.componentItems();
        for (int i = 0; i < cards.size(); ++i)
            for (int j = i + 1; j < cards.size(); ++j)
                QVERIFY(!cards[i]->sceneBoundingRect().intersects(cards[j]->sceneBoundingRect()));
        LinkItem* link = scene.linkItems().first();
        const QRectF before = link->boundingRect();
        link->toItem()->moveBy(0, 300);
        QVERIFY(link->boundingRect() != before);
    }

    void keyboard_tabWalksCardsAndEnterInspects()
    {
        GraphScene scene;
        GraphView view(&scene);
        view.resize(900, 500);
        view.show();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        scene.setResult(uitest::seedResult(), false);
        QSignalSpy inspect(&scene, &GraphScene::inspectRequested);
        view.setFocus();
        QTRY_VERIFY(scene.focusItem() != nullptr);
        auto* first = qgraphicsitem_cast<ComponentItem*>(scene.focusItem());
        QVERIFY(first);
        QCOMPARE(first->id(), QString::fromLatin1(ids::NamespaceController));
        QTest::keyClick(&view, Qt::Key_Tab);
        auto* second = qgraphicsitem_cast<ComponentItem*>(scene.focusItem());
        QVERIFY(second);
        QCOMPARE(second->id(), QString::fromLatin1(ids::ApiServer));
        QTest::keyClick(&view, Qt::Key_Return);
        QCOMPARE(inspect.count(), 1);
        QCOMPARE(inspect.first().at(0).toString(), QString::fromLatin1(ids::ApiServer));
        QVERIFY(!view.accessibleDescription().isEmpty());
    }

    void zoom_andFitToWindow()
    {
        GraphScene scene;
        GraphView view(&scene);
        view.resize(800, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        scene.setResult(uitest::seedResult(), false);
        const qreal fitted = view.zoomFactor();
        view.zoomIn();
        QVERIFY(view.zoomFactor() > fitted);
        view.fitToWindow();
        QCOMPARE(view.zoomFactor(), fitted);
        // Fitted: every card is inside the viewport.
        for (ComponentItem* c : scene.componentItems())
            QVERIFY(view.viewport()->rect().contains(
                view.mapFromScene(c->sceneBoundingRect()).boundingRect()));
    }

    // Cards and arrows show the vocabulary's words, in the language the UI speaks.
    void cardsAndArrows_speakTheVocabulary_inBothLanguages()
    {
        LanguageManager languages;
        GraphScene scene;
        scene.setResult(uitest::seedResult(), false);
        for (const char* code : {"zh_CN", "en"}) {
            QVERIFY(languages.setLanguage(QString::fromLatin1(code)));
            const Language language = LanguageManager::engineLanguage();
            for (ComponentItem* card : scene.componentItems()) {
                const ComponentVerdict& v = card->verdict();
                const QString expected = vocabulary::componentLabel(v.id).in(language) +
                                         QStringLiteral(", ") +
                                         vocabulary::stateWord(v.state).in(language);
                QVERIFY2(card->accessibleText().startsWith(expected),
                         qPrintable(card->accessibleText()));
            }
            for (LinkItem* arrow : scene.linkItems())
                QCOMPARE(arrow->label(),
                         vocabulary::relationLabel(arrow->verdict().from, arrow->verdict().to)
                             .in(language));
        }
    }
};

QTEST_MAIN(TestGraph)
#include "tst_graph.moc"
