#include "asynccontext.h"
#include "asynctask.h"
#include "clock.h"
#include "cpuworkload.h"
#include "decimal.h"
#include "eventloop.h"
#include "eventloopstrategy.h"
#include "recorder.h"
#include "experiment.h"
#include "runner.h"
#include "tracechecks.h"
#include "tracecollector.h"

#include <QTest>

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <span>
#include <stdexcept>
#include <thread>
#include <unistd.h>

using namespace mtlab;

class TestEventLoopStrategy : public QObject
{
    Q_OBJECT

private slots:
    void structure_data();
    void structure();
    void cancelStopsTheRunningTaskAndDropsTheRest_data();
    void cancelStopsTheRunningTaskAndDropsTheRest();
    void cancelBeforeStartRunsNothing();
    void throwingTaskIsReportedAsFailed();
    void awaitingTasksRunSideBySide_data();
    void awaitingTasksRunSideBySide();
    void cancelEndsTheTasksInFlight();
};

namespace {

Experiment asyncExperiment(int tasks, int maxInFlight, std::uint64_t n)
{
    Experiment e = checks::cpuExperiment(StrategyKind::Async, tasks, 0, n);
    e.io.maxInFlight = maxInFlight;
    return e;
}

// The CPU workload, noting which threads ran its tasks and when the first one started.
class WatchedWorkload final : public Workload
{
public:
    WatchedWorkload(int tasks, std::uint64_t n)
        : m_cpu(tasks, n)
    {
    }
    int taskCount() const override { return m_cpu.taskCount(); }
    TaskOutcome run(int task, WorkerContext &context) override
    {
        {
            std::lock_guard lock(m_mutex);
            m_threads.insert(gettid());
        }
        m_started.fetch_add(1);
        if (task % 2 == 1 && m_throwOdd)
            throw std::runtime_error("odd task");
        return m_cpu.run(task, context);
    }

    void throwOnOddTasks() { m_throwOdd = true; }
    int started() const { return m_started.load(); }
    std::set<std::int64_t> threads() const
    {
        std::lock_guard lock(m_mutex);
        return m_threads;
    }

private:
    CpuWorkload m_cpu;
    bool m_throwOdd = false;
    std::atomic<int> m_started{0};
    mutable std::mutex m_mutex;
    std::set<std::int64_t> m_threads;
};

// A workload that overrides the coroutine entry point, as an I/O one does: each task waits on
// the loop (a timer standing in for a download) and records the wait on its sub-lane.
class SleepyWorkload final : public Workload
{
public:
    SleepyWorkload(int tasks, std::chrono::milliseconds sleep)
        : m_tasks(tasks)
        , m_sleep(sleep)
    {
    }
    int taskCount() const override { return m_tasks; }
    TaskOutcome run(int, WorkerContext &) override { return TaskOutcome::failure("not async"); }
    AsyncTask<TaskOutcome> runAsync(std::int32_t task, AsyncContext &context) override
    {
        m_started.fetch_add(1);
        m_maxInFlight = std::max(m_maxInFlight, ++m_inFlight);
        const std::int64_t begin = nowNs();
        co_await context.loop.sleepFor(m_sleep);
        context.worker.recorder.recordOn(context.lane, State::IoWait, task, begin, nowNs(), IoPhase::Wait);
        --m_inFlight;
        co_return TaskOutcome{};
    }

    int started() const { return m_started.load(); }
    int maxInFlight() const { return m_maxInFlight; } // read once the run has joined the loop

private:
    int m_tasks;
    std::chrono::milliseconds m_sleep;
    std::atomic<int> m_started{0};
    int m_inFlight = 0;
    int m_maxInFlight = 0;
};

Trace runStrategy(Workload &workload, const Experiment &e, std::stop_token stop = {})
{
    TraceCollector collector(nowNs());
    EventLoopStrategy().run(workload, e, collector, stop);
    return collector.finish();
}

std::vector<Span> spansOf(const Trace &trace, State state, LaneKind kind)
{
    std::vector<Span> out;
    for (const Span &s : checks::spansIn(trace, state))
        if (trace.lanes().at(static_cast<std::size_t>(s.lane)).kind == kind)
            out.push_back(s);
    return out;
}

} // namespace

void TestEventLoopStrategy::structure_data()
{
    QTest::addColumn<int>("tasks");
    QTest::addColumn<int>("maxInFlight");
    QTest::addColumn<int>("subLanes");
    QTest::newRow("1 task") << 1 << 0 << 1;
    QTest::newRow("20 tasks, all in flight (the article)") << 20 << 0 << 20;
    QTest::newRow("10 tasks, 3 in flight") << 10 << 3 << 3;
    QTest::newRow("6 tasks, 1 in flight") << 6 << 1 << 1;
    QTest::newRow("4 tasks, limit above the count") << 4 << 10 << 4;
}

void TestEventLoopStrategy::structure()
{
    QFETCH(int, tasks);
    QFETCH(int, maxInFlight);
    QFETCH(int, subLanes);
    const Experiment e = asyncExperiment(tasks, maxInFlight, 2'000'000);
    const RunResult run = Runner(e).run();
    QCOMPARE(run.ok, tasks);
    QCOMPARE(run.failed, 0);
    const Trace &trace = run.trace;
    for (const TaskRecord &record : trace.tasks())
        QCOMPARE(toDecimal(record.value),
                 toDecimal(sumOfSquaresClosedForm(e.n + std::uint64_t(record.task))));

    // One loop lane, one sub-lane per slot under it, all on one OS thread that is not this one.
    QCOMPARE(checks::lanesOfKind(trace, LaneKind::EventLoop), 1);
    QCOMPARE(checks::lanesOfKind(trace, LaneKind::AsyncTask), subLanes);
    const bool limited = maxInFlight > 0 && maxInFlight < tasks;
    QCOMPARE(checks::lanesOfKind(trace, LaneKind::Queue), limited ? 1 : 0);
    std::int32_t loopLane = -1;
    std::set<std::int64_t> tids;
    for (const Lane &lane : trace.lanes()) {
        tids.insert(lane.tid);
        QCOMPARE(lane.pid, std::int64_t(getpid()));
        if (lane.kind == LaneKind::EventLoop)
            loopLane = lane.id;
    }
    QCOMPARE(int(tids.size()), 1);
    QVERIFY(*tids.begin() != 0);
    QVERIFY(*tids.begin() != gettid());
    for (const Lane &lane : trace.lanes())
        if (lane.kind == LaneKind::AsyncTask)
            QCOMPARE(lane.parent, loopLane);

    // The one thread computed every task, one after another, in order of creation.
    const std::vector<Span> cpu = checks::computingOfTasks(trace);
    QCOMPARE(int(cpu.size()), tasks);
    QVERIFY(checks::disjoint(cpu));
    for (int i = 0; i < tasks; ++i) {
        QCOMPARE(cpu[std::size_t(i)].lane, loopLane);
        QCOMPARE(cpu[std::size_t(i)].task, i);
    }

    // Each task was in the loop's ready list once (ready on its sub-lane), until just before it
    // computed; a sub-lane holds one task at a time.
    const std::vector<Span> queued = spansOf(trace, State::Ready, LaneKind::AsyncTask);
    QCOMPARE(int(queued.size()), tasks);
    std::map<std::int32_t, Span> queuedOf;
    for (const Span &s : queued)
        queuedOf[s.task] = s;
    QCOMPARE(int(queuedOf.size()), tasks);
    for (int i = 0; i < tasks; ++i) {
        const Span &q = queuedOf.at(i);
        QVERIFY(q.end <= cpu[std::size_t(i)].begin);
        if (i > 0)
            QVERIFY(q.end >= queuedOf.at(i - 1).end);
        if (!limited) {
            // All created up front: the same start, waits growing with the place in line.
            QCOMPARE(q.begin, queuedOf.at(0).begin);
            if (i > 0)
                QVERIFY(q.duration() >= queuedOf.at(i - 1).duration());
        }
    }
    for (const Lane &lane : trace.lanes()) {
        const std::span<const Span> spans = trace.spansOfLane(lane.id);
        const std::vector<Span> onLane(spans.begin(), spans.end());
        if (lane.kind == LaneKind::AsyncTask)
            QVERIFY(checks::disjoint(onLane));
    }
    // Beyond the limit, a task first waited for a permit on the queue lane.
    const int permitWaits = limited ? tasks - maxInFlight : 0;
    QCOMPARE(int(spansOf(trace, State::Queued, LaneKind::Queue).size()), permitWaits);
}

void TestEventLoopStrategy::cancelStopsTheRunningTaskAndDropsTheRest_data()
{
    QTest::addColumn<int>("maxInFlight");
    QTest::newRow("all in flight") << 0;
    QTest::newRow("2 in flight") << 2;
}

void TestEventLoopStrategy::cancelStopsTheRunningTaskAndDropsTheRest()
{
    QFETCH(int, maxInFlight);
    const int threadsBefore = checks::threadsInThisProcess();
    const Experiment e = asyncExperiment(20, maxInFlight, MaxN);
    WatchedWorkload workload(e.tasks, e.n);
    std::stop_source stop;
    std::jthread canceller([&] {
        while (workload.started() == 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        stop.request_stop();
    });
    const Trace trace = runStrategy(workload, e, stop.get_token());
    canceller.join();
    QCOMPARE(workload.started(), 1);
    QCOMPARE(int(trace.tasks().size()), 1);
    QVERIFY(!trace.tasks().front().ok);
    QCOMPARE(trace.tasks().front().error, std::string("cancelled"));
    QVERIFY(checks::allClosed(trace));
    // Only the running task computed; on a loaded machine its computing may be split by `ready`
    // (its thread waiting for a core), so it can be more than one span.
    const auto cpu = checks::spansIn(trace, State::Cpu);
    QVERIFY(!cpu.empty());
    for (const Span &span : cpu)
        QCOMPARE(span.task, trace.tasks().front().task);
    QCOMPARE(int(checks::spansIn(trace, State::Failed).size()), 1);
    QCOMPARE(checks::threadsInThisProcess(), threadsBefore);
}

void TestEventLoopStrategy::cancelBeforeStartRunsNothing()
{
    const Experiment e = asyncExperiment(5, 0, 2'000'000);
    WatchedWorkload workload(e.tasks, e.n);
    std::stop_source stop;
    stop.request_stop();
    const Trace trace = runStrategy(workload, e, stop.get_token());
    QCOMPARE(workload.started(), 0);
    QVERIFY(trace.tasks().empty());
    QVERIFY(trace.spans().empty());
    QCOMPARE(checks::lanesOfKind(trace, LaneKind::EventLoop), 1);
}

void TestEventLoopStrategy::throwingTaskIsReportedAsFailed()
{
    const Experiment e = asyncExperiment(6, 0, 2'000'000);
    WatchedWorkload workload(e.tasks, e.n);
    workload.throwOnOddTasks();
    const Trace trace = runStrategy(workload, e);
    QCOMPARE(int(trace.tasks().size()), 6);
    for (const TaskRecord &record : trace.tasks()) {
        QCOMPARE(record.ok, record.task % 2 == 0);
        if (!record.ok)
            QCOMPARE(record.error, std::string("odd task"));
    }
    const std::vector<Span> failed = spansOf(trace, State::Failed, LaneKind::AsyncTask);
    QCOMPARE(int(failed.size()), 3);
    QCOMPARE(trace.detail(failed.front().detail), std::string("odd task"));
    // Every task, thrown or not, ran on the loop's one thread.
    QCOMPARE(int(workload.threads().size()), 1);
    QVERIFY(!workload.threads().count(gettid()));
}

void TestEventLoopStrategy::awaitingTasksRunSideBySide_data()
{
    QTest::addColumn<int>("maxInFlight");
    QTest::addColumn<int>("expected");
    QTest::newRow("all in flight") << 0 << 8;
    QTest::newRow("3 in flight") << 3 << 3;
}

void TestEventLoopStrategy::awaitingTasksRunSideBySide()
{
    QFETCH(int, maxInFlight);
    QFETCH(int, expected);
    const Experiment e = asyncExperiment(8, maxInFlight, 0);
    SleepyWorkload workload(e.tasks, std::chrono::milliseconds(5));
    const Trace trace = runStrategy(workload, e);
    QCOMPARE(int(trace.tasks().size()), e.tasks);
    for (const TaskRecord &record : trace.tasks())
        QVERIFY(record.ok);
    // Every task starts its wait before any timer can fire, so the limit is reached exactly.
    QCOMPARE(workload.maxInFlight(), expected);
    QCOMPARE(checks::lanesOfKind(trace, LaneKind::AsyncTask), expected);
    const std::vector<Span> waits = spansOf(trace, State::IoWait, LaneKind::AsyncTask);
    QCOMPARE(int(waits.size()), e.tasks);
    for (const Lane &lane : trace.lanes()) {
        const std::span<const Span> spans = trace.spansOfLane(lane.id);
        const std::vector<Span> onLane(spans.begin(), spans.end());
        if (lane.isWorker())
            QVERIFY(checks::disjoint(onLane)); // the queue lane holds the permit waits side by side
    }
}

void TestEventLoopStrategy::cancelEndsTheTasksInFlight()
{
    const int threadsBefore = checks::threadsInThisProcess();
    const Experiment e = asyncExperiment(10, 3, 0);
    SleepyWorkload workload(e.tasks, std::chrono::hours(1));
    std::stop_source stop;
    std::jthread canceller([&] {
        while (workload.started() < 3)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        stop.request_stop();
    });
    const Trace trace = runStrategy(workload, e, stop.get_token());
    canceller.join();
    // The three waiting downloads end cancelled; the seven waiting for a permit never start.
    QCOMPARE(workload.started(), 3);
    QCOMPARE(int(trace.tasks().size()), 3);
    for (const TaskRecord &record : trace.tasks()) {
        QVERIFY(!record.ok);
        QCOMPARE(record.error, std::string("cancelled"));
    }
    QCOMPARE(int(spansOf(trace, State::Failed, LaneKind::AsyncTask).size()), 3);
    QVERIFY(checks::allClosed(trace));
    QCOMPARE(checks::threadsInThisProcess(), threadsBefore);
}

QTEST_APPLESS_MAIN(TestEventLoopStrategy)
#include "tst_eventloopstrategy.moc"
