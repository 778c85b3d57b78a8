#include "counterworkload.h"
#include "experiment.h"
#include "runner.h"
#include "tracechecks.h"

#include <QTest>

#include <algorithm>
#include <numeric>

using namespace mtlab;

namespace {

constexpr int Tasks = 5;
constexpr std::uint64_t N = 20'000;
// A racy run that happens to lose nothing (every window ran alone) is run again, this often.
constexpr int Attempts = 5;

Experiment counterExperiment(StrategyKind strategy, SyncKind sync, int permits, bool yieldInside)
{
    Experiment e;
    e.workload = WorkloadKind::Counter;
    e.strategy = strategy;
    e.tasks = Tasks;
    e.n = N;
    e.counter = CounterOptions{.sync = sync, .permits = permits, .yieldInside = yieldInside};
    return e;
}

bool usesState(const CounterReport &report, std::string_view state)
{
    return std::find(report.states.begin(), report.states.end(), state) != report.states.end();
}

} // namespace

class TestCounterWorkload : public QObject
{
    Q_OBJECT

private slots:
    void counts_data();
    void counts();
    void processesKeepTheirOwnCopies();
    void recordsSectionsNotIncrements();
    void stopsWhenCancelled();
};

// What each strategy and guard does to the shared counter: lost updates, lock-waits, and the most
// tasks inside a section at once (0: not checked, it depends on the scheduler).
void TestCounterWorkload::counts_data()
{
    QTest::addColumn<int>("strategy");
    QTest::addColumn<int>("sync");
    QTest::addColumn<int>("permits");
    QTest::addColumn<bool>("yieldInside");
    QTest::addColumn<bool>("loses");
    QTest::addColumn<bool>("lockWaits");
    QTest::addColumn<int>("maxInside");

    const auto row = [](const char *name, StrategyKind strategy, SyncKind sync, int permits, bool yieldInside,
                        bool loses, bool lockWaits, int maxInside) {
        QTest::newRow(name) << int(strategy) << int(sync) << permits << yieldInside << loses << lockWaits
                            << maxInside;
    };
    using enum StrategyKind;
    using enum SyncKind;
    row("sync, none", Sync, None, 2, false, false, false, 1);
    row("threads, none", Threads, None, 2, false, true, false, 0);
    row("threads, lock", Threads, Lock, 2, false, false, true, 1);
    row("threads, semaphore of 2", Threads, Semaphore, 2, false, false, true, 2);
    row("threads, semaphore of 3", Threads, Semaphore, 3, false, false, true, 3);
    row("async, none", Async, None, 2, false, false, false, 1);
    row("async, lock", Async, Lock, 2, false, false, false, 1);
    row("async, none, await inside", Async, None, 2, true, true, false, Tasks);
    row("async, lock, await inside", Async, Lock, 2, true, false, true, 1);
    row("async, semaphore of 2, await inside", Async, Semaphore, 2, true, true, true, 2);
}

void TestCounterWorkload::counts()
{
    QFETCH(int, strategy);
    QFETCH(int, sync);
    QFETCH(int, permits);
    QFETCH(bool, yieldInside);
    QFETCH(bool, loses);
    QFETCH(bool, lockWaits);
    QFETCH(int, maxInside);
    const Experiment e = counterExperiment(StrategyKind(strategy), SyncKind(sync), permits, yieldInside);

    RunResult run;
    for (int attempt = 0; attempt < Attempts; ++attempt) {
        run = Runner(e).run();
        QVERIFY(run.counter);
        if (!loses || run.counter->lost > 0)
            break;
    }
    QCOMPARE(run.ok, Tasks);
    const CounterReport &report = *run.counter;
    QCOMPARE(report.expected, std::int64_t{Tasks} * std::int64_t{N});
    QCOMPARE(report.result + report.lost, report.expected);
    QVERIFY(report.perProcess.empty());
    const auto semaphore = SyncKind(sync) == SyncKind::Semaphore;
    if (loses) {
        // Lost updates come from windows another task wrote into, which the timeline marks.
        QVERIFY2(report.lost > 0, "no update was lost");
        QVERIFY(report.overlaps > 0);
        QVERIFY(!checks::spansIn(run.trace, State::Race).empty());
        QVERIFY(usesState(report, "race"));
        QVERIFY(!report.note.empty());
    } else if (!semaphore || permits == 1) {
        QCOMPARE(report.lost, std::int64_t{0});
        QCOMPARE(report.overlaps, std::int64_t{0});
        QVERIFY(checks::spansIn(run.trace, State::Race).empty());
        QVERIFY(!usesState(report, "race"));
    }
    QCOMPARE(!checks::spansIn(run.trace, State::LockWait).empty(), lockWaits);
    QCOMPARE(usesState(report, "lock-wait"), lockWaits);
    if (semaphore)
        QVERIFY(report.maxInside <= permits);
    if (maxInside > 0)
        QCOMPARE(report.maxInside, maxInside);
}

// Each worker process counts in its own copy: the parent's counter stays 0, and the copies
// together hold every update.
void TestCounterWorkload::processesKeepTheirOwnCopies()
{
    Experiment e = counterExperiment(StrategyKind::Processes, SyncKind::None, 2, false);
    e.workers = 2;
    e.n = 1'000;
    const RunResult run = Runner(e).run();
    QVERIFY2(run.problem.empty(), run.problem.c_str());
    QCOMPARE(run.ok, Tasks);
    QVERIFY(run.counter);
    const CounterReport &report = *run.counter;
    QCOMPARE(report.result, std::int64_t{0});
    QCOMPARE(int(report.perProcess.size()), checks::lanesOfKind(run.trace, LaneKind::Process));
    QCOMPARE(std::accumulate(report.perProcess.begin(), report.perProcess.end(), std::int64_t{0}),
             std::int64_t{Tasks} * 1'000);
    QCOMPARE(report.lost, std::int64_t{0});
    QVERIFY(report.note.find("parent") != std::string::npos);
}

// A million increments make a few dozen spans per task, never one per increment.
void TestCounterWorkload::recordsSectionsNotIncrements()
{
    Experiment e = counterExperiment(StrategyKind::Threads, SyncKind::Lock, 2, false);
    e.tasks = 2;
    e.n = 100'000;
    const RunResult run = Runner(e).run();
    QCOMPARE(run.counter->lost, std::int64_t{0});
    const std::size_t sections = checks::spansIn(run.trace, State::Cpu).size() +
        checks::spansIn(run.trace, State::Race).size();
    QVERIFY(sections >= 2);
    QVERIFY(sections <= 2 * CounterWorkload::SectionsPerTask);
    // A thread's sections and the waits before them follow one another without overlapping.
    for (const Lane &lane : run.trace.lanes()) {
        if (lane.kind != LaneKind::PoolThread)
            continue;
        std::vector<Span> own;
        for (const Span &s : run.trace.spansOfLane(lane.id))
            if (s.task >= 0)
                own.push_back(s);
        std::sort(own.begin(), own.end(), [](const Span &a, const Span &b) { return a.begin < b.begin; });
        QVERIFY(checks::disjoint(own));
    }
}

void TestCounterWorkload::stopsWhenCancelled()
{
    Experiment e = counterExperiment(StrategyKind::Threads, SyncKind::Lock, 2, false);
    e.n = MaxCounterN;
    std::stop_source stop;
    Runner runner(e);
    const auto stopper = checks::stopAfter(stop, std::chrono::milliseconds(50));
    const RunResult run = runner.run(stop.get_token());
    QVERIFY(run.cancelled);
    QVERIFY(run.failed > 0);
    QVERIFY(run.counter->result < run.counter->expected);
}

QTEST_GUILESS_MAIN(TestCounterWorkload)
#include "tst_counterworkload.moc"
