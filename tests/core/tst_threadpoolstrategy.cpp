#include "cpuworkload.h"
#include "experiment.h"
#include "runner.h"
#include "tracechecks.h"

#include <QTest>

#include <set>
#include <thread>
#include <unistd.h>

using namespace mtlab;

class TestThreadPoolStrategy : public QObject
{
    Q_OBJECT

private slots:
    void structure_data();
    void structure();
    void interpreterLockSerialisesComputing_data();
    void interpreterLockSerialisesComputing();
    void cancelJoinsEveryThread();
};

namespace {
Experiment threadsExperiment(int tasks, int workers, std::uint64_t n, bool gil)
{
    Experiment e = checks::cpuExperiment(StrategyKind::Threads, tasks, workers, n);
    e.gil = gil;
    e.switchMs = 1;
    return e;
}
} // namespace

void TestThreadPoolStrategy::structure_data()
{
    QTest::addColumn<int>("tasks");
    QTest::addColumn<int>("workers");
    QTest::newRow("1 worker") << 4 << 1;
    QTest::newRow("2 workers") << 8 << 2;
    QTest::newRow("5 workers, 20 tasks (the article)") << 20 << 5;
    QTest::newRow("more workers than tasks") << 3 << 6;
}

void TestThreadPoolStrategy::structure()
{
    QFETCH(int, tasks);
    QFETCH(int, workers);
    // ~8 ms tasks: long enough that threads started together are sure to overlap.
    const Experiment e = threadsExperiment(tasks, workers, 20'000'000, false);
    const RunResult run = Runner(e).run();
    QCOMPARE(run.ok, tasks);
    u128 expected = 0;
    for (int i = 0; i < tasks; ++i)
        expected += sumOfSquaresClosedForm(e.n + i);
    QCOMPARE(toDecimal(run.result), toDecimal(expected));

    const Trace &trace = run.trace;
    QCOMPARE(checks::lanesOfKind(trace, LaneKind::PoolThread), workers);
    QCOMPARE(checks::lanesOfKind(trace, LaneKind::Queue), 1);
    QCOMPARE(trace.workerLaneCount(), workers);
    std::set<std::int64_t> tids;
    for (const Lane &lane : trace.lanes())
        if (lane.kind == LaneKind::PoolThread)
            tids.insert(lane.tid);
    QCOMPARE(int(tids.size()), workers);
    QVERIFY(!tids.count(gettid()));
    // Every task waited in the queue once, and on each thread its tasks ran one at a time.
    QCOMPARE(int(checks::spansIn(trace, State::Queued).size()), tasks);
    for (const Lane &lane : trace.lanes()) {
        std::vector<Span> cpu;
        for (const Span &s : trace.spansOfLane(lane.id))
            if (s.state == State::Cpu)
                cpu.push_back(s);
        QVERIFY(checks::disjoint(cpu));
    }
    if (workers > 1 && tasks > 1)
        QVERIFY2(checks::overlapAcrossLanes(checks::spansIn(trace, State::Cpu)),
                 "without the interpreter lock, threads compute at the same time");
}

void TestThreadPoolStrategy::interpreterLockSerialisesComputing_data()
{
    QTest::addColumn<int>("workers");
    QTest::newRow("2 threads") << 2;
    QTest::newRow("5 threads") << 5;
}

void TestThreadPoolStrategy::interpreterLockSerialisesComputing()
{
    QFETCH(int, workers);
    // Tasks of ~10 ms against a 1 ms switch interval: the threads must take turns many times.
    const RunResult run = Runner(threadsExperiment(2 * workers, workers, 25'000'000, true)).run();
    QCOMPARE(run.ok, 2 * workers);
    const std::vector<Span> cpu = checks::spansIn(run.trace, State::Cpu);
    QVERIFY2(checks::disjoint(cpu), "two threads computed at once under the interpreter lock");
    QVERIFY(cpu.size() > std::size_t(2 * workers)); // tasks were cut into slices
    QVERIFY(!checks::spansIn(run.trace, State::LockWait).empty());
}

void TestThreadPoolStrategy::cancelJoinsEveryThread()
{
    const int threadsBefore = checks::threadsInThisProcess();
    Runner runner(threadsExperiment(20, 5, MaxN, false)); // seconds per task
    std::stop_source stop;
    std::jthread canceller = checks::stopAfter(stop, std::chrono::milliseconds(100));
    const RunResult run = runner.run(stop.get_token());
    canceller.join();
    QVERIFY(run.cancelled);
    QCOMPARE(run.ok, 0);
    // However many threads had picked a task by then, those tasks end as cancelled and no other
    // task starts: the queued ones are dropped.
    std::set<std::int32_t> started;
    for (const Span &s : checks::spansIn(run.trace, State::Cpu))
        started.insert(s.task);
    QVERIFY(int(started.size()) <= 5);
    QCOMPARE(run.failed, int(started.size()));
    for (const TaskRecord &record : run.trace.tasks()) {
        QVERIFY(started.count(record.task));
        QCOMPARE(record.error, std::string("cancelled"));
    }
    QVERIFY(checks::allClosed(run.trace));
    QCOMPARE(checks::threadsInThisProcess(), threadsBefore);
}

QTEST_APPLESS_MAIN(TestThreadPoolStrategy)
#include "tst_threadpoolstrategy.moc"
