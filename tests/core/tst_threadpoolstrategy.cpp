#include "cpusampler.h"
#include "cpuworkload.h"
#include "experiment.h"
#include "runner.h"
#include "tracechecks.h"

#include <QTest>

#include <algorithm>
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
    void moreThreadsThanCoresWaitForACore();
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
    // Every moment of a thread's lane is a state, the hand-overs and the moments between tasks too.
    for (const Lane &lane : run.trace.lanes())
        if (lane.kind == LaneKind::PoolThread)
            QVERIFY2(checks::gapless(run.trace.spansOfLane(lane.id)), lane.name.c_str());
}

// Three runnable threads per core: most of the time two of them wait for a core (ready), and the
// lanes never show more threads computing at once than there are cores (one more for noise).
// Each task's CPU time is its own, less than its wall time.
void TestThreadPoolStrategy::moreThreadsThanCoresWaitForACore()
{
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const int workers = 3 * cores;
    // ~20 ms of work per thread: several of the scheduler's turns.
    const RunResult run = Runner(threadsExperiment(workers, workers, 50'000'000, false)).run();
    QCOMPARE(run.ok, workers);
    QCOMPARE(run.cores, cores);
    std::vector<Span> cpu;
    std::int64_t cpuNs = 0, readyNs = 0;
    for (const Span &s : run.trace.spans()) {
        if (run.trace.lanes()[std::size_t(s.lane)].kind != LaneKind::PoolThread)
            continue;
        if (s.state == State::Cpu) {
            cpu.push_back(s);
            cpuNs += s.duration();
        } else if (s.state == State::Ready) {
            readyNs += s.duration();
        }
    }
    const double readyShare = double(readyNs) / double(cpuNs + readyNs);
    QVERIFY2(readyShare > 0.3, qPrintable(QStringLiteral("ready %1 % of cpu + ready").arg(100 * readyShare)));
    // A slice's ends are placed to within a chunk of work, and losses shorter than the sampler's
    // threshold stay cpu: more lanes than that may overlap only for less than the threshold.
    const std::int64_t tooMany = checks::longestAbove(cpu, cores + 1);
    QVERIFY2(tooMany < CpuSampler::DefaultMinReadyNs,
             qPrintable(QStringLiteral("more than %1 lanes in cpu for %2 ns").arg(cores + 1).arg(tooMany)));
    for (const TaskRecord &task : run.trace.tasks()) {
        std::int64_t begin = INT64_MAX, end = 0;
        for (const Span &s : run.trace.spansOfLane(task.lane))
            if (s.task == task.task) {
                begin = std::min(begin, s.begin);
                end = std::max(end, s.end);
            }
        QVERIFY(task.cpuNs > 0);
        // The CPU clock and the steady clock may tick at rates a few hundred ppm apart (NTP slews
        // the steady clock), hence the thousandth.
        QVERIFY2(task.cpuNs <= end - begin + (end - begin) / 1000,
                 qPrintable(QStringLiteral("task %1: %2 ns CPU in %3 ns")
                                .arg(task.task)
                                .arg(task.cpuNs)
                                .arg(end - begin)));
    }
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
