#include "idealtime.h"
#include "runner.h"

#include <QTest>

using namespace mtlab;

Q_DECLARE_METATYPE(mtlab::StrategyKind)

class TestIdealTime : public QObject
{
    Q_OBJECT

private slots:
    void embeddedServer_data();
    void embeddedServer();
    void tlsSetUpIsPaidPerConnection_data();
    void tlsSetUpIsPaidPerConnection();
    void otherServerUsesTheMeasuredTaskTime();
    void processesAddTheirStartUp();
};

namespace {

// 100 downloads from the embedded server, which thinks 100 ms per request.
RunResult embeddedRun(StrategyKind strategy, int workers)
{
    RunResult run;
    run.embeddedServer = true;
    run.experiment.workload = WorkloadKind::Io;
    run.experiment.strategy = strategy;
    run.experiment.tasks = 100;
    run.experiment.workers = workers;
    run.experiment.io.delayMs = 100;
    return run;
}

} // namespace

void TestIdealTime::embeddedServer_data()
{
    QTest::addColumn<StrategyKind>("strategy");
    QTest::addColumn<int>("workers");
    QTest::addColumn<int>("maxInFlight");
    QTest::addColumn<qint64>("idealMs");
    QTest::newRow("sync: N x d") << StrategyKind::Sync << 0 << 0 << qint64(10'000);
    QTest::newRow("threads: ceil(N/W) x d") << StrategyKind::Threads << 5 << 0 << qint64(2'000);
    QTest::newRow("threads, W not dividing N") << StrategyKind::Threads << 3 << 0 << qint64(3'400);
    QTest::newRow("async: one d") << StrategyKind::Async << 0 << 0 << qint64(100);
    QTest::newRow("async, K in flight: ceil(N/K) x d") << StrategyKind::Async << 0 << 30 << qint64(400);
}

void TestIdealTime::embeddedServer()
{
    QFETCH(StrategyKind, strategy);
    QFETCH(int, workers);
    QFETCH(int, maxInFlight);
    QFETCH(qint64, idealMs);
    RunResult run = embeddedRun(strategy, workers);
    run.experiment.io.maxInFlight = maxInFlight;
    QCOMPARE(idealNs(run), idealMs * 1'000'000);
}

void TestIdealTime::tlsSetUpIsPaidPerConnection_data()
{
    QTest::addColumn<StrategyKind>("strategy");
    QTest::addColumn<bool>("reuse");
    QTest::addColumn<qint64>("idealMs");
    QTest::newRow("sync, a session: s + N x d") << StrategyKind::Sync << true << qint64(10'050);
    QTest::newRow("sync, no reuse: N x (s + d)") << StrategyKind::Sync << false << qint64(15'000);
    QTest::newRow("threads, a session each: s + ceil(N/W) x d")
        << StrategyKind::Threads << true << qint64(2'050);
    QTest::newRow("threads, no reuse: ceil(N/W) x (s + d)")
        << StrategyKind::Threads << false << qint64(3'000);
    QTest::newRow("async: s + d") << StrategyKind::Async << true << qint64(150);
}

// The same downloads over HTTPS, with a set-up of 50 ms per new connection.
void TestIdealTime::tlsSetUpIsPaidPerConnection()
{
    QFETCH(StrategyKind, strategy);
    QFETCH(bool, reuse);
    QFETCH(qint64, idealMs);
    RunResult run = embeddedRun(strategy, 5);
    run.experiment.io.tls = true;
    run.experiment.io.setupMs = 50;
    run.experiment.io.reuse = reuse;
    QCOMPARE(idealNs(run), idealMs * 1'000'000);
}

void TestIdealTime::otherServerUsesTheMeasuredTaskTime()
{
    RunResult run;
    run.experiment.workload = WorkloadKind::Io;
    run.experiment.strategy = StrategyKind::Sync;
    run.experiment.tasks = 2;
    run.experiment.io.url = "http://example.invalid/";
    run.trace = Trace(
        {Lane{}},
        {Span{.begin = 0, .end = 300, .lane = 0, .task = 0, .state = State::IoWait, .phase = IoPhase::Wait},
         Span{
             .begin = 300, .end = 400, .lane = 0, .task = 1, .state = State::IoWait, .phase = IoPhase::Wait}},
        {}, {}, 0);
    QCOMPARE(idealNs(run), std::int64_t{400}); // 2 tasks x a mean of 200 ns
}

void TestIdealTime::processesAddTheirStartUp()
{
    RunResult run;
    run.embeddedServer = true;
    run.experiment.workload = WorkloadKind::Io;
    run.experiment.strategy = StrategyKind::Processes;
    run.experiment.tasks = 4;
    run.experiment.workers = 2;
    run.experiment.io.delayMs = 1;
    run.trace = Trace({Lane{}}, {Span{.begin = 1000, .end = 51'000, .lane = 0, .state = State::Spawn}}, {},
                      {}, 1000);
    QCOMPARE(idealNs(run), std::int64_t{2'000'000 + 50'000});
}

QTEST_APPLESS_MAIN(TestIdealTime)
#include "tst_idealtime.moc"
