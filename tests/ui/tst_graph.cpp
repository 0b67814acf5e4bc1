// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/UiTestData.h"

#include "ui/BadgeItem.h"
#include "ui/ComponentItem.h"
#include "ui/GraphScene.h"
#include "ui/GraphView.h"
#include "ui/LinkItem.h"

#include <QtTest>

using namespace unstuck;
using namespace unstuck::ui;

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
};

QTEST_MAIN(TestGraph)
#include "tst_graph.moc"
