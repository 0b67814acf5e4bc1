// SPDX-License-Identifier: GPL-3.0-or-later
// End to end in one process: for every simulator scenario, the engine connects through the
// real kubeconfig/TLS/signing code to an in-process SimServer and must name the right root
// cause and red path.
#include "diagnosis/ScenarioDiagnosis.h"

#include <QPointer>
#include <QTest>
#include <QTimer>
#include <algorithm>

using namespace unstuck;

namespace {

// Passes every question to the live source but holds those `held` picks until release(): what
// the engine says before then, it said without them.
class HeldSource : public DiagnosisSource
{
public:
    using Pick = std::function<bool(const SourceQuery&)>;
    // `refused` questions are answered 403 (RBAC allowing list but not get) without asking.
    HeldSource(std::unique_ptr<DiagnosisSource> inner, Pick held, Pick refused = {})
        : m_inner(std::move(inner)), m_pick(std::move(held)), m_refuse(std::move(refused))
    {}

    void fetch(const SourceQuery& query, QObject* receiver, Callback callback) override
    {
        if (m_refuse && m_refuse(query)) {
            ++m_refused;
            QPointer<QObject> guard(receiver);
            QTimer::singleShot(0, this, [guard, callback] {
                SourceAnswer answer;
                answer.status = 403;
                answer.error = QStringLiteral("forbidden");
                answer.message = QStringLiteral("nodes is forbidden: cannot get resource");
                if (guard)
                    callback(answer);
            });
            return;
        }
        if (m_pick(query) && !m_released) {
            m_held.append(
                [this, query, receiver, callback] { m_inner->fetch(query, receiver, callback); });
            return;
        }
        m_inner->fetch(query, receiver, callback);
    }
    void release()
    {
        m_released = true;
        for (const auto& ask : std::exchange(m_held, {}))
            ask();
    }
    int held() const { return int(m_held.size()); }
    int refused() const { return m_refused; }
    QString kind() const override { return m_inner->kind(); }
    QString contextName() const override { return m_inner->contextName(); }
    bool hasCloud() const override { return m_inner->hasCloud(); }
    QString cloudUnavailableReason() const override { return m_inner->cloudUnavailableReason(); }
    void cancelAll() override { m_inner->cancelAll(); }

private:
    std::unique_ptr<DiagnosisSource> m_inner;
    Pick m_pick, m_refuse;
    int m_refused = 0;
    QList<std::function<void()>> m_held;
    bool m_released = false;
};

// The background sweep: every route entry of a table, unfiltered.
bool isRouteSweep(const SourceQuery& query)
{
    return query.kind == SourceQuery::Kind::Cloud &&
           query.action == QStringLiteral("DescribeRouteEntryList") &&
           !query.params.contains(QStringLiteral("DestinationCidrBlock")) &&
           !query.params.contains(QStringLiteral("NextHopId"));
}

// One node asked by name.
bool isNamedNode(const SourceQuery& query)
{
    return query.kind == SourceQuery::Kind::Kube &&
           query.path.startsWith(QStringLiteral("/api/v1/nodes/"));
}

// The whole node list (a node asked by name is not held).
bool isNodeList(const SourceQuery& query)
{
    return query.kind == SourceQuery::Kind::Kube &&
           query.path.startsWith(QStringLiteral("/api/v1/nodes?"));
}

} // namespace

class TestEngineScenarios : public QObject
{
    Q_OBJECT

    struct Run
    {
        DiagnosisResult result;
        bool ok = false;
    };

    static Run diagnose(const QString& scenario, bool noCloud = false)
    {
        const auto result = test::diagnoseScenario(scenario, noCloud);
        return result ? Run{*result, true} : Run{};
    }
    static QString describe(const DiagnosisResult& r)
    {
        QStringList lines{QStringLiteral("error: ") + r.error,
                          QStringLiteral("root: ") +
                              (r.rootCause ? r.rootCause->component + r.rootCause->from +
                                                 QStringLiteral("→") + r.rootCause->to +
                                                 QStringLiteral(" ") + r.rootCause->summary
                                           : QStringLiteral("none")),
                          QStringLiteral("path: ") + r.redPath.join(QStringLiteral(" | "))};
        for (const ComponentVerdict& c : r.components)
            lines << QStringLiteral("  %1 %2: %3").arg(c.id).arg(int(c.state)).arg(c.summary);
        for (const LinkVerdict& l : r.links)
            lines << QStringLiteral("  %1 %2: %3").arg(l.id()).arg(int(l.state)).arg(l.summary);
        return lines.join(QLatin1Char('\n'));
    }
    static ComponentState state(const DiagnosisResult& r, const QString& id)
    {
        const ComponentVerdict* c = r.component(id);
        return c ? c->state : ComponentState::NotApplicable;
    }

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<DiagnosisResult>(); }

    void seed_ramPolicyIsTheRootCause()
    {
        const Run run = diagnose(QStringLiteral("seed"));
        QVERIFY(run.ok);
        const DiagnosisResult& r = run.result;
        QVERIFY2(r.rootCause && r.rootCause->component == QStringLiteral("ram-policy"),
                 qPrintable(describe(r)));
        const QStringList start{QStringLiteral("namespace-controller"),
                                QStringLiteral("namespace-controller→apiserver"),
                                QStringLiteral("apiserver"),
                                QStringLiteral("apiserver→metrics-server"),
                                QStringLiteral("metrics-server"),
                                QStringLiteral("metrics-server→vpc-route-table"),
                                QStringLiteral("vpc-route-table")};
        QCOMPARE(r.redPath.mid(0, start.size()), start);
        QCOMPARE(r.redPath.last(), QStringLiteral("ram-policy"));
        QVERIFY(r.redPath.contains(QStringLiteral("route-controller→ram-policy")));
        QCOMPARE(r.fixes.first().id, QStringLiteral("ram-policy-allow"));
        QVERIFY(!r.namespaces.isEmpty());
    }

    void healthy_allGreenNoFalseAlarm()
    {
        const Run run = diagnose(QStringLiteral("healthy"));
        QVERIFY(run.ok);
        const DiagnosisResult& r = run.result;
        QVERIFY2(!r.rootCause, qPrintable(describe(r)));
        QVERIFY(r.complete);
        for (const ComponentVerdict& c : r.components)
            QVERIFY2(c.state == ComponentState::Healthy, qPrintable(describe(r)));
        for (const LinkVerdict& l : r.links)
            QVERIFY2(l.state == LinkState::Ok, qPrintable(describe(r)));
    }

    void backendDown_missingEndpoints()
    {
        const Run run = diagnose(QStringLiteral("backend-down"));
        QVERIFY(run.ok);
        const DiagnosisResult& r = run.result;
        QVERIFY2(r.rootCause && r.rootCause->component == QStringLiteral("metrics-server"),
                 qPrintable(describe(r)));
        QCOMPARE(state(r, QStringLiteral("metrics-server")), ComponentState::Failing);
        QVERIFY2(r.link(QStringLiteral("apiserver"), QStringLiteral("metrics-server"))
                     ->summary.contains(QStringLiteral("Endpoints")),
                 qPrintable(describe(r)));
        QCOMPARE(r.redPath.last(), QStringLiteral("metrics-server"));
    }

    void staleApiService_serviceNotFound()
    {
        const Run run = diagnose(QStringLiteral("stale-apiservice"));
        QVERIFY(run.ok);
        const DiagnosisResult& r = run.result;
        QVERIFY2(r.rootCause && r.rootCause->component == QStringLiteral("metrics-server"),
                 qPrintable(describe(r)));
        QVERIFY2(r.link(QStringLiteral("apiserver"), QStringLiteral("metrics-server"))
                     ->summary.contains(QStringLiteral("ServiceNotFound")),
                 qPrintable(describe(r)));
        bool deleteFix = false;
        for (const FixPlan& f : r.fixes)
            deleteFix |= f.id == QStringLiteral("apiservice-delete");
        QVERIFY(deleteFix);
    }

    void customAggregatedApi_kubevirtBackendRefusesConnections()
    {
        const Run run = diagnose(QStringLiteral("custom-aggregated-api"));
        QVERIFY(run.ok);
        const DiagnosisResult& r = run.result;
        const ComponentVerdict* backend = r.component(QStringLiteral("metrics-server"));
        QVERIFY2(backend && backend->label.contains(QStringLiteral("kubevirt")),
                 qPrintable(describe(r)));
        QCOMPARE(backend->state, ComponentState::Failing);
        QVERIFY2(backend->summary.contains(QStringLiteral("connection refused")),
                 qPrintable(describe(r)));
        QVERIFY(r.rootCause && r.rootCause->component == QStringLiteral("metrics-server"));
    }

    void routeMissing_routeTableWithRamFine()
    {
        const Run run = diagnose(QStringLiteral("route-missing"));
        QVERIFY(run.ok);
        const DiagnosisResult& r = run.result;
        QVERIFY2(r.rootCause && r.rootCause->component == QStringLiteral("vpc-route-table"),
                 qPrintable(describe(r)));
        QCOMPARE(state(r, QStringLiteral("ram-policy")), ComponentState::Healthy);
        QCOMPARE(state(r, QStringLiteral("route-controller")), ComponentState::Healthy);
        QVERIFY(r.link(QStringLiteral("route-controller"), QStringLiteral("vpc-route-table"))
                    ->summary.contains(QStringLiteral("not re-created")));
    }

    void finalizersRemaining_namesTheFinalizer()
    {
        const Run run = diagnose(QStringLiteral("finalizers-remaining"));
        QVERIFY(run.ok);
        const DiagnosisResult& r = run.result;
        QVERIFY2(r.rootCause && r.rootCause->component == QStringLiteral("finalizers"),
                 qPrintable(describe(r)));
        QVERIFY(r.rootCause->summary.contains(QStringLiteral("example.com/cleanup")));
        QVERIFY2(
            r.component(QStringLiteral("finalizers"))->object.contains(QStringLiteral("nightly")),
            qPrintable(describe(r)));
        QCOMPARE(r.redPath, (QStringList{QStringLiteral("namespace-controller"),
                                         QStringLiteral("namespace-controller→finalizers"),
                                         QStringLiteral("finalizers")}));
    }

    void webhookBlocksDelete_namesTheWebhook()
    {
        const Run run = diagnose(QStringLiteral("webhook-blocks-delete"));
        QVERIFY(run.ok);
        const DiagnosisResult& r = run.result;
        QVERIFY2(r.rootCause && r.rootCause->component == QStringLiteral("webhook"),
                 qPrintable(describe(r)));
        QVERIFY(r.component(QStringLiteral("webhook"))
                    ->object.contains(QStringLiteral("policy-guard")));
        QVERIFY(r.rootCause->summary.contains(QStringLiteral("validate.policy-guard.example.com")));
    }

    void noCloudCredentials_cloudUnknownKubeSideFound()
    {
        const Run run = diagnose(QStringLiteral("no-cloud-credentials"));
        QVERIFY(run.ok);
        const DiagnosisResult& r = run.result;
        QCOMPARE(state(r, QStringLiteral("vpc-route-table")), ComponentState::Unknown);
        QCOMPARE(state(r, QStringLiteral("ram-policy")), ComponentState::Unknown);
        QVERIFY2(r.component(QStringLiteral("ram-policy"))
                     ->summary.contains(QStringLiteral("no cloud credentials")),
                 qPrintable(describe(r)));
        QCOMPARE(r.link(QStringLiteral("apiserver"), QStringLiteral("metrics-server"))->state,
                 LinkState::Broken);
        QVERIFY2(r.rootCause.has_value(), qPrintable(describe(r)));
        QVERIFY(r.rootCause->component != QStringLiteral("ram-policy"));
        // The controller's own Forbidden.RAM errors point at the RAM side: the first fix is the
        // read-only check, naming the instance whose role to look at; no restart before it.
        QVERIFY2(!r.fixes.isEmpty(), qPrintable(describe(r)));
        const FixPlan& first = r.fixes.first();
        QCOMPARE(first.id, QStringLiteral("ram-policy-check"));
        QVERIFY(first.titleZh.contains(QStringLiteral("RAM 策略")));
        QVERIFY(std::any_of(first.steps.begin(), first.steps.end(), [](const FixStep& s) {
            return s.command.contains(QStringLiteral("DescribeInstanceRamRole")) &&
                   s.command.contains(QStringLiteral("\"i-"));
        }));
        QVERIFY(std::all_of(first.steps.begin(), first.steps.end(),
                            [](const FixStep& s) { return s.method.isEmpty(); })); // read-only
    }

    // On a large cluster the verdict must not wait for thousands of route entries: the backend
    // node's own routes decide the red path, the sweep only completes the picture, and the
    // complete result keeps the verdict the first one gave.
    void largeCluster_verdictComesBeforeTheRouteSweep() { verdictBeforeTheSweep({}); }

    // A node that cannot be read by name (403 for get while list is allowed) is read from the
    // list: the verdict waits for it and counts every node, as before nodes were asked by name.
    void largeCluster_nodeRefusedByNameComesFromTheList() { verdictBeforeTheSweep(isNamedNode); }

private:
    // The sweep is held: the verdict comes before it and the complete result says the same.
    static void verdictBeforeTheSweep(const HeldSource::Pick& refused)
    {
        QTemporaryDir dir;
        sim::SimOptions options;
        options.scenario = QStringLiteral("seed");
        options.stateDir = dir.path();
        options.largeNodes = 2000;
        options.reconcileIntervalMs = 600000; // the incident is in the initial state
        sim::SimServer server(options);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        DiagnosisRequest request;
        request.profileFile = server.profilePath();
        request.requestTimeoutMs = 10000;
        auto live = DiagnosisEngine::openSource(request, &error);
        QVERIFY2(live, qPrintable(error));
        auto held = std::make_unique<HeldSource>(std::move(live), isRouteSweep, refused);
        HeldSource* source = held.get();
        DiagnosisEngine engine;
        QSignalSpy progress(&engine, &DiagnosisEngine::progress);
        QSignalSpy finished(&engine, &DiagnosisEngine::finished);
        engine.start(request, std::move(held));

        auto settled = [&]() -> std::optional<DiagnosisResult> {
            for (const auto& args : std::as_const(progress))
                if (args.first().value<DiagnosisResult>().redPathSettled)
                    return args.first().value<DiagnosisResult>();
            return std::nullopt;
        };
        QTRY_VERIFY_WITH_TIMEOUT(settled() || !finished.isEmpty(), 30000);
        QVERIFY2(finished.isEmpty(), "the run ended while its sweep was held");
        QCOMPARE(source->held(), 1); // one route table, its sweep not answered
        QVERIFY(!refused || source->refused() > 0);
        const DiagnosisResult first = *settled();
        QVERIFY2(first.rootCause && first.rootCause->component == QStringLiteral("ram-policy"),
                 qPrintable(describe(first)));
        QVERIFY(first.redPath.contains(QStringLiteral("vpc-route-table")));
        const ComponentVerdict* routes = first.component(QStringLiteral("vpc-route-table"));
        QVERIFY(routes && routes->state == ComponentState::Failing);
        // Whether the node list came before the verdict is a race unless the nodes by name were
        // refused: then the verdict waited for the list and counts the nodes it has not checked.
        const QString others = refused ? QStringLiteral("other 2002 nodes are being checked")
                                       : QStringLiteral(" nodes are being checked");
        QVERIFY2(routes->summary.contains(QStringLiteral("172.16.1.0/24")) &&
                     routes->summary.contains(others),
                 qPrintable(routes->summary));

        source->release();
        QVERIFY(finished.wait(30000));
        const auto last = finished.first().first().value<DiagnosisResult>();
        QVERIFY(last.complete && last.redPathSettled);
        QCOMPARE(last.rootCause->component, first.rootCause->component);
        QCOMPARE(last.redPath, first.redPath);
        QVERIFY2(last.component(QStringLiteral("vpc-route-table"))
                     ->summary.startsWith(QStringLiteral("1 of 2003 node pod CIDRs")),
                 qPrintable(last.component(QStringLiteral("vpc-route-table"))->summary));
    }

private Q_SLOTS:
    // The red path's nodes are asked by name beside the list: with the list held, the verdict
    // still comes, from the backend's node and the controller's node alone, and says what the
    // complete result says.
    void largeCluster_verdictDoesNotWaitForTheNodeList()
    {
        QTemporaryDir dir;
        sim::SimOptions options;
        options.scenario = QStringLiteral("seed");
        options.stateDir = dir.path();
        options.largeNodes = 2000;
        options.reconcileIntervalMs = 600000; // the incident is in the initial state
        sim::SimServer server(options);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        DiagnosisRequest request;
        request.profileFile = server.profilePath();
        request.requestTimeoutMs = 10000;
        auto live = DiagnosisEngine::openSource(request, &error);
        QVERIFY2(live, qPrintable(error));
        auto held = std::make_unique<HeldSource>(std::move(live), isNodeList);
        HeldSource* source = held.get();
        DiagnosisEngine engine;
        QSignalSpy progress(&engine, &DiagnosisEngine::progress);
        QSignalSpy finished(&engine, &DiagnosisEngine::finished);
        engine.start(request, std::move(held));

        auto settled = [&]() -> std::optional<DiagnosisResult> {
            for (const auto& args : std::as_const(progress))
                if (args.first().value<DiagnosisResult>().redPathSettled)
                    return args.first().value<DiagnosisResult>();
            return std::nullopt;
        };
        QTRY_VERIFY_WITH_TIMEOUT(settled() || !finished.isEmpty(), 30000);
        QVERIFY2(finished.isEmpty(), "the run ended while the node list was held");
        QCOMPARE(source->held(), 1);
        const DiagnosisResult first = *settled();
        QVERIFY2(first.rootCause && first.rootCause->component == QStringLiteral("ram-policy"),
                 qPrintable(describe(first)));
        const ComponentVerdict* routes = first.component(QStringLiteral("vpc-route-table"));
        QVERIFY(routes && routes->state == ComponentState::Failing);
        QVERIFY2(routes->summary.contains(QStringLiteral("172.16.1.0/24")) &&
                     routes->summary.contains(QStringLiteral("other nodes are being checked")),
                 qPrintable(routes->summary));

        source->release();
        QVERIFY(finished.wait(30000));
        const auto last = finished.first().first().value<DiagnosisResult>();
        QVERIFY(last.complete && last.redPathSettled);
        QCOMPARE(last.rootCause->component, first.rootCause->component);
        QCOMPARE(last.redPath, first.redPath);
        QVERIFY2(last.component(QStringLiteral("vpc-route-table"))
                     ->summary.startsWith(QStringLiteral("1 of 2003 node pod CIDRs")),
                 qPrintable(last.component(QStringLiteral("vpc-route-table"))->summary));
    }
};

QTEST_GUILESS_MAIN(TestEngineScenarios)
#include "tst_engine_scenarios.moc"
