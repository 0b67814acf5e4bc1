// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/GraphScene.h"

#include "ui/ComponentItem.h"
#include "ui/LinkItem.h"

#include <QSet>

namespace unstuck::ui {

namespace {
// Gaps leave room for the link labels; the rows are far enough apart that the graph's shape
// is close to a pane's (so fitting it fills the pane instead of a thin strip).
constexpr qreal kColumn = 420;
constexpr qreal kRow = 320;

// The six components in chain order: Tab walks them in this order.
const char* const kChainOrder[] = {ids::NamespaceController, ids::ApiServer,
                                   ids::MetricsServer,       ids::VpcRouteTable,
                                   ids::RouteController,     ids::RamPolicy};

QString canonicalLinkId(QString id)
{
    id.replace(QStringLiteral("->"), QStringLiteral("→"));
    return id;
}
} // namespace

GraphScene::GraphScene(QObject* parent) : QGraphicsScene(parent)
{
    m_dashTimer.setInterval(50);
    connect(&m_dashTimer, &QTimer::timeout, this, [this] {
        for (LinkItem* link : std::as_const(m_links))
            link->advanceDash();
    });
    connect(this, &QGraphicsScene::selectionChanged, this, &GraphScene::onSelectionChanged);
}

GraphScene::~GraphScene()
{
    // Items die in the base destructor; their selection changes must not reach this object.
    disconnect(this, nullptr, this, nullptr);
    m_dashTimer.stop();
    // Links first: a link tells its cards when it dies, so the cards must still be alive.
    qDeleteAll(m_links);
    m_links.clear();
    qDeleteAll(m_components);
    m_components.clear();
}

QPointF GraphScene::gridPosition(const QString& id, int extraIndex)
{
    // Top: Namespace Controller → API Server → Metrics Server. Bottom: RAM policy ←
    // Route Controller → VPC route table, with Metrics Server → VPC route table downwards.
    static const QHash<QString, QPoint> grid = {
        {QString::fromLatin1(ids::NamespaceController), {0, 0}},
        {QString::fromLatin1(ids::ApiServer), {1, 0}},
        {QString::fromLatin1(ids::MetricsServer), {2, 0}},
        {QString::fromLatin1(ids::RamPolicy), {0, 1}},
        {QString::fromLatin1(ids::RouteController), {1, 1}},
        {QString::fromLatin1(ids::VpcRouteTable), {2, 1}},
    };
    const auto it = grid.find(id);
    if (it != grid.end())
        return QPointF(it->x() * kColumn, it->y() * kRow);
    // Extra causes (finalizers, webhooks, …) sit in a row above the chain.
    return QPointF((extraIndex % 3) * kColumn, -(1 + extraIndex / 3) * kRow);
}

void GraphScene::setTheme(const Theme& theme)
{
    m_theme = theme;
    setBackgroundBrush(theme.canvas);
    for (ComponentItem* c : std::as_const(m_components))
        c->setTheme(theme);
    for (LinkItem* l : std::as_const(m_links))
        l->setTheme(theme);
}

void GraphScene::retranslate()
{
    for (ComponentItem* c : std::as_const(m_components))
        c->retranslate();
    for (LinkItem* l : std::as_const(m_links))
        l->retranslate();
    update();
}

QList<ComponentItem*> GraphScene::componentItems() const
{
    QList<ComponentItem*> out;
    for (const QString& id : m_order)
        if (auto* c = m_components.value(id))
            out.append(c);
    return out;
}

QList<LinkItem*> GraphScene::linkItems() const
{
    return m_links.values();
}

ComponentItem* GraphScene::ensureComponent(const ComponentVerdict& verdict, int* extraIndex)
{
    ComponentItem* item = m_components.value(verdict.id);
    if (!item) {
        item = new ComponentItem(verdict.id);
        item->setTheme(m_theme);
        const bool known = gridPosition(verdict.id, 0).y() >= 0;
        item->setPos(gridPosition(verdict.id, known ? 0 : (*extraIndex)++));
        addItem(item);
        m_components.insert(verdict.id, item);
        m_order.append(verdict.id);
        connect(item, &ComponentItem::activated, this,
                [this](const QString& id) { Q_EMIT inspectRequested(id, false); });
        connect(item, &ComponentItem::focused, this, [this, item](const QString&) {
            Q_EMIT focusedTextChanged(item->accessibleText());
        });
    } else if (gridPosition(verdict.id, 0).y() < 0) {
        ++*extraIndex;
    }
    item->setVerdict(verdict);
    return item;
}

LinkItem* GraphScene::ensureLink(const LinkVerdict& verdict)
{
    LinkItem* item = m_links.value(verdict.id());
    if (!item) {
        ComponentItem* from = m_components.value(verdict.from);
        ComponentItem* to = m_components.value(verdict.to);
        if (!from || !to)
            return nullptr; // a link to a component the result does not list
        item = new LinkItem(from, to);
        item->setTheme(m_theme);
        addItem(item);
        m_links.insert(verdict.id(), item);
        m_order.append(verdict.id());
        connect(item, &LinkItem::activated, this,
                [this](const QString& id) { Q_EMIT inspectRequested(id, true); });
        connect(item, &LinkItem::focused, this, [this, item](const QString&) {
            Q_EMIT focusedTextChanged(item->accessibleText());
        });
    }
    item->setVerdict(verdict);
    return item;
}

void GraphScene::removeStale(const DiagnosisResult& result)
{
    QSet<QString> keepLinks, keepComponents;
    for (const auto& l : result.links)
        keepLinks.insert(l.id());
    for (const auto& c : result.components)
        keepComponents.insert(c.id);
    for (auto it = m_links.begin(); it != m_links.end();) {
        if (keepLinks.contains(it.key()) && keepComponents.contains(it.value()->fromItem()->id()) &&
            keepComponents.contains(it.value()->toItem()->id())) {
            ++it;
            continue;
        }
        m_order.removeAll(it.key());
        delete it.value();
        it = m_links.erase(it);
    }
    for (auto it = m_components.begin(); it != m_components.end();) {
        if (keepComponents.contains(it.key())) {
            ++it;
            continue;
        }
        m_order.removeAll(it.key());
        delete it.value();
        it = m_components.erase(it);
    }
}

void GraphScene::setResult(const DiagnosisResult& result, bool running)
{
    removeStale(result);
    // Chain components first so Tab order follows the chain whatever order the engine used.
    QList<ComponentVerdict> ordered;
    for (const char* id : kChainOrder)
        if (const auto* c = result.component(QString::fromLatin1(id)))
            ordered.append(*c);
    for (const auto& c : result.components)
        if (gridPosition(c.id, 0).y() < 0)
            ordered.append(c);
    int extraIndex = 0;
    for (const auto& c : ordered)
        ensureComponent(c, &extraIndex);
    for (const auto& l : result.links)
        ensureLink(l);
    applyRedPath(result);
    setRunning(running);
    setSceneRect(contentRect());
}

void GraphScene::applyRedPath(const DiagnosisResult& result)
{
    QSet<QString> red;
    for (const QString& id : result.redPath)
        red.insert(canonicalLinkId(id));
    for (ComponentItem* c : std::as_const(m_components)) {
        c->setOnRedPath(red.contains(c->id()));
        c->setRootCause(result.rootCause && !result.rootCause->component.isEmpty() &&
                        result.rootCause->component == c->id());
    }
    for (LinkItem* l : std::as_const(m_links)) {
        const auto& v = l->verdict();
        l->setOnRedPath(red.contains(l->id()));
        l->setRootCause(result.rootCause && result.rootCause->component.isEmpty() &&
                        result.rootCause->from == v.from && result.rootCause->to == v.to);
    }
}

void GraphScene::setRunning(bool running)
{
    m_running = running;
    for (LinkItem* l : std::as_const(m_links))
        l->setAnimated(running);
    if (running)
        m_dashTimer.start();
    else
        m_dashTimer.stop();
}

void GraphScene::clearResult()
{
    setResult(DiagnosisResult{}, false);
}

void GraphScene::focusFirst()
{
    // The selected item (the root cause, shown in the inspector) keeps the one active look.
    if (const auto selected = selectedItems(); !selected.isEmpty()) {
        selected.first()->setFocus(Qt::OtherFocusReason);
        return;
    }
    const auto cards = componentItems();
    if (!cards.isEmpty())
        cards.first()->setFocus(Qt::TabFocusReason);
}

bool GraphScene::focusNeighbour(bool next)
{
    QList<QGraphicsItem*> chain;
    for (ComponentItem* c : componentItems())
        chain.append(c);
    for (const QString& id : m_order)
        if (LinkItem* l = m_links.value(id))
            chain.append(l);
    if (chain.isEmpty())
        return false;
    const qsizetype current = chain.indexOf(focusItem());
    const qsizetype target =
        current < 0 ? (next ? 0 : chain.size() - 1) : current + (next ? 1 : -1);
    if (target < 0 || target >= chain.size())
        return false;
    chain.at(target)->setFocus(next ? Qt::TabFocusReason : Qt::BacktabFocusReason);
    return true;
}

void GraphScene::select(const QString& id)
{
    clearSelection();
    QGraphicsItem* item = m_components.value(id);
    if (!item)
        item = m_links.value(canonicalLinkId(id));
    if (!item)
        return;
    item->setSelected(true);
    // Focus follows, so one item looks active (not a focus ring here and a selection there).
    item->setFocus(Qt::OtherFocusReason);
}

QRectF GraphScene::contentRect() const
{
    QRectF r;
    for (ComponentItem* c : std::as_const(m_components))
        r = r.united(c->sceneBoundingRect());
    for (LinkItem* l : std::as_const(m_links))
        r = r.united(l->sceneBoundingRect());
    return r.isNull() ? QRectF(0, 0, 400, 200) : r.adjusted(-20, -20, 20, 20);
}

void GraphScene::onSelectionChanged()
{
    const auto items = selectedItems();
    if (items.isEmpty())
        return;
    if (auto* c = qgraphicsitem_cast<ComponentItem*>(items.first()))
        Q_EMIT inspectRequested(c->id(), false);
    else if (auto* l = qgraphicsitem_cast<LinkItem*>(items.first()))
        Q_EMIT inspectRequested(l->id(), true);
}

} // namespace unstuck::ui
