#include "handbuilttraces.h"
#include "runner.h"
#include "snapshot.h"

#include <QTest>

#include <set>

using namespace mtlab;
using namespace mtlab::handbuilt;

using TaskList = std::vector<std::int32_t>;
Q_DECLARE_METATYPE(TaskList)

// The state of a run at an instant, read back from its trace: the event loop's ready and waiting
// lists, a pool's workers and queue, the interpreter lock.
class TestSnapshot : public QObject
{
    Q_OBJECT

private slots:
    void eventLoopLists_data();
    void eventLoopLists();
    void waitingSaysWhatFor_data();
    void waitingSaysWhatFor();
    void loopWorkerIsBusyInsideLibcurl();
    void workOfNoTaskOnATaskLane();
    void poolWorkersAndQueue();
    void interpreterLockHolderAndWaiters_data();
    void interpreterLockHolderAndWaiters();
    void stepsOneEventAtATime();
    void realAsyncRunWaitsThenIsReady();
};

namespace {

TaskList waitingTasks(const Snapshot &s)
{
    TaskList out;
    for (const WaitingTask &w : s.waiting)
        out.push_back(w.task);
    return out;
}

std::int64_t ms(double value)
{
    return static_cast<std::int64_t>(value * Ms);
}

} // namespace

void TestSnapshot::eventLoopLists_data()
{
    QTest::addColumn<double>("atMs");
    QTest::addColumn<TaskList>("running");
    QTest::addColumn<TaskList>("ready");
    QTest::addColumn<TaskList>("waiting");
    QTest::addColumn<int>("done");
    QTest::newRow("all created, none run yet") << 0.5 << TaskList{} << TaskList{0, 1, 2} << TaskList{} << 0;
    QTest::newRow("the first step of task 0") << 1.5 << TaskList{0} << TaskList{1, 2} << TaskList{} << 0;
    QTest::newRow("at an edge the new state counts") << 2.0 << TaskList{1} << TaskList{2} << TaskList{0} << 0;
    QTest::newRow("all waiting for the server") << 8.0 << TaskList{} << TaskList{} << TaskList{0, 1, 2} << 0;
    QTest::newRow("answers in, waiting for the loop")
        << 12.5 << TaskList{} << TaskList{0, 1} << TaskList{2} << 0;
    QTest::newRow("one handled, two ready") << 13.5 << TaskList{0} << TaskList{1, 2} << TaskList{} << 0;
    QTest::newRow("the last one") << 15.5 << TaskList{2} << TaskList{} << TaskList{} << 2;
    QTest::newRow("the end") << 16.0 << TaskList{} << TaskList{} << TaskList{} << 3;
    QTest::newRow("after the end") << 99.0 << TaskList{} << TaskList{} << TaskList{} << 3;
    QTest::newRow("before the start") << -1.0 << TaskList{} << TaskList{} << TaskList{} << 0;
}

void TestSnapshot::eventLoopLists()
{
    QFETCH(double, atMs);
    QFETCH(TaskList, running);
    QFETCH(TaskList, ready);
    QFETCH(TaskList, waiting);
    QFETCH(int, done);
    const Trace trace = asyncThreeDownloads();
    const SnapshotIndex index(trace);
    const Snapshot s = index.at(ms(atMs));
    QCOMPARE(s.at, ms(atMs));
    QCOMPARE(s.running, running);
    QCOMPARE(s.ready, ready);
    QCOMPARE(waitingTasks(s), waiting);
    QVERIFY(s.queued.empty());
    QCOMPARE(s.done, done);
    QVERIFY(!s.interpreterLock);
    // The loop is the one worker; its sub-lanes are task slots, not workers.
    QCOMPARE(int(s.workers.size()), 1);
    QCOMPARE(s.workers.front().lane, 0);
    QCOMPARE(s.workers.front().busy, !running.empty());
    if (!running.empty())
        QCOMPARE(s.workers.front().task, running.front());
}

void TestSnapshot::waitingSaysWhatFor_data()
{
    QTest::addColumn<bool>("permit");
    QTest::addColumn<double>("atMs");
    QTest::addColumn<int>("task");
    QTest::addColumn<QString>("what");
    QTest::newRow("connect") << false << 2.5 << 0 << "connect";
    QTest::newRow("the server") << false << 9.0 << 1 << "server";
    QTest::newRow("the body") << false << 10.5 << 0 << "transfer";
    QTest::newRow("a sleep") << true << 2.0 << 0 << "timer";
    QTest::newRow("a permit") << true << 2.0 << 1 << "semaphore";
}

void TestSnapshot::waitingSaysWhatFor()
{
    QFETCH(bool, permit);
    QFETCH(double, atMs);
    QFETCH(int, task);
    QFETCH(QString, what);
    const Trace trace = permit ? asyncWithOnePermit() : asyncThreeDownloads();
    const Snapshot s = SnapshotIndex(trace).at(ms(atMs));
    const auto found = std::find_if(s.waiting.begin(), s.waiting.end(),
                                    [task](const WaitingTask &w) { return w.task == task; });
    QVERIFY(found != s.waiting.end());
    QCOMPARE(QString::fromUtf8(waitForName(found->what)), what);
    QVERIFY(s.queued.empty()); // waiting for a permit is the waiting list's, not a pool's queue
}

void TestSnapshot::loopWorkerIsBusyInsideLibcurl()
{
    const Trace trace = asyncThreeDownloads();
    const Snapshot s = SnapshotIndex(trace).at(ms(4.5));
    QVERIFY(s.running.empty()); // the loop's own work runs no task
    QCOMPARE(int(s.workers.size()), 1);
    QVERIFY(s.workers.front().busy);
    QCOMPARE(s.workers.front().state, State::Cpu);
    QCOMPARE(s.workers.front().task, -1);
    QCOMPARE(waitingTasks(s), (TaskList{0, 1, 2}));
}

// The hog of --hog-ms computes on a lane of its own without a task id: it runs on the loop.
void TestSnapshot::workOfNoTaskOnATaskLane()
{
    TraceBuilder b;
    const std::int32_t loop = b.lane(LaneKind::EventLoop, "event loop");
    const std::int32_t hog = b.lane(LaneKind::AsyncTask, "hog", loop);
    b.span(hog, State::Cpu, -1, 0, 5).span(hog, State::Ready, -1, 5, 6).span(loop, State::Cpu, -1, 6, 7);
    const Trace trace = b.build();
    const SnapshotIndex index(trace);
    QCOMPARE(index.at(ms(2)).otherRunning, TaskList{hog});
    QVERIFY(index.at(ms(2)).running.empty());
    QCOMPARE(index.at(ms(5.5)).otherReady, TaskList{hog});
    QVERIFY(index.at(ms(6.5)).otherRunning.empty()); // the loop's own work is no task's
}

void TestSnapshot::poolWorkersAndQueue()
{
    const Trace trace = threadPoolWithQueue();
    const SnapshotIndex index(trace);
    Snapshot s = index.at(ms(3));
    QCOMPARE(s.running, TaskList{0});
    QCOMPARE(waitingTasks(s), TaskList{1});
    QCOMPARE(s.waiting.front().what, WaitFor::Server);
    QCOMPARE(s.queued, (TaskList{2, 3}));
    QCOMPARE(s.done, 0);
    QCOMPARE(int(s.workers.size()), 2); // the queue lane is no worker
    QCOMPARE(s.workers[0].state, State::Cpu);
    QCOMPARE(s.workers[0].task, 0);
    QCOMPARE(s.workers[1].state, State::IoWait);
    QCOMPARE(s.workers[1].phase, IoPhase::Wait);
    QCOMPARE(s.workers[1].task, 1);

    s = index.at(ms(8.5));
    QVERIFY(s.running.empty());
    QCOMPARE(s.ready, TaskList{3}); // runnable, no core for it
    QCOMPARE(waitingTasks(s), TaskList{2});
    QVERIFY(s.queued.empty());
    QCOMPARE(s.done, 2);

    s = index.at(ms(11));
    QVERIFY(!s.workers[0].busy);
    QCOMPARE(s.workers[1].task, 3);
    QCOMPARE(index.at(ms(12)).done, 4);
}

void TestSnapshot::interpreterLockHolderAndWaiters_data()
{
    QTest::addColumn<double>("atMs");
    QTest::addColumn<int>("holder");
    QTest::addColumn<TaskList>("waiters");
    QTest::newRow("thread 1 computes") << 2.0 << 0 << TaskList{1};
    QTest::newRow("thread 2 computes") << 7.0 << 1 << TaskList{0};
    QTest::newRow("held without a core") << 10.5 << 0 << TaskList{1};
    QTest::newRow("nobody after the end") << 25.0 << -1 << TaskList{};
}

void TestSnapshot::interpreterLockHolderAndWaiters()
{
    QFETCH(double, atMs);
    QFETCH(int, holder);
    QFETCH(TaskList, waiters);
    const Trace trace = threadsUnderTheLock();
    const Snapshot s = SnapshotIndex(trace, true).at(ms(atMs));
    QVERIFY(s.interpreterLock);
    QCOMPARE(s.lockHolder, holder);
    QCOMPARE(s.lockWaiters, waiters);
    QCOMPARE(waitingTasks(s), waiters);
    for (const WaitingTask &w : s.waiting)
        QCOMPARE(w.what, WaitFor::Lock);
    // Without the lock emulated, nobody holds one.
    const Snapshot plain = SnapshotIndex(trace).at(ms(atMs));
    QCOMPARE(plain.lockHolder, -1);
    QVERIFY(plain.lockWaiters.empty());
}

void TestSnapshot::stepsOneEventAtATime()
{
    const Trace trace = asyncThreeDownloads();
    const SnapshotIndex index(trace);
    const std::vector<std::int64_t> &events = index.eventTimes();
    QVERIFY(std::is_sorted(events.begin(), events.end()));
    QVERIFY(std::adjacent_find(events.begin(), events.end()) == events.end());
    QCOMPARE(events.front(), std::int64_t(0));
    QCOMPARE(events.back(), ms(16));
    QCOMPARE(index.duration(), ms(16));
    // The loop's own work (4-5 ms) moves no task: 5 ms is an event only because task 2 connects.
    QVERIFY(std::binary_search(events.begin(), events.end(), ms(5)));
    QVERIFY(!std::binary_search(events.begin(), events.end(), ms(4.5)));
    // Stepping forward visits each event once, then stays on the last; backward returns.
    std::int64_t t = 0;
    std::size_t steps = 0;
    while (index.nextEvent(t) != t) {
        t = index.nextEvent(t);
        ++steps;
    }
    QCOMPARE(steps, events.size() - 1);
    QCOMPARE(index.nextEvent(ms(1.5)), ms(2));
    QCOMPARE(index.previousEvent(ms(2)), ms(1));
    QCOMPARE(index.previousEvent(ms(1.5)), ms(1));
    QCOMPARE(index.previousEvent(0), std::int64_t(0));
    // Between two events nothing changes.
    const Snapshot a = index.at(ms(5.1)), b = index.at(ms(9.9));
    QCOMPARE(a.ready, b.ready);
    QCOMPARE(waitingTasks(a), waitingTasks(b));
}

// The case: ten downloads with the server thinking 100 ms. Half-way through, all ten
// wait for the server and none is ready; after its answer each task is ready until the loop
// resumes it, and every task is done at the end.
void TestSnapshot::realAsyncRunWaitsThenIsReady()
{
    Experiment e;
    e.workload = WorkloadKind::Io;
    e.strategy = StrategyKind::Async;
    e.tasks = 10;
    e.io.delayMs = 100;
    e.io.sizeKb = 4;
    const RunResult run = Runner(e).run();
    QCOMPARE(run.ok, 10);
    const SnapshotIndex index(run.trace);
    // The first request starts once the loop has handed all ten to libcurl; 50 ms later each
    // still waits for its answer.
    std::int64_t firstWait = index.duration();
    for (const Span &s : run.trace.spans())
        if (s.state == State::IoWait)
            firstWait = std::min(firstWait, s.begin - run.trace.origin());
    const Snapshot mid = index.at(firstWait + ms(50));
    QCOMPARE(int(mid.waiting.size()), 10);
    QVERIFY(mid.ready.empty());
    QVERIFY(mid.running.empty());
    for (const WaitingTask &w : mid.waiting)
        QCOMPARE(w.what, WaitFor::Server);
    // At every event each task is in at most one list, and no more tasks are counted than ran.
    bool sawReadyAfterAnswer = false;
    for (const std::int64_t t : index.eventTimes()) {
        const Snapshot s = index.at(t);
        std::set<std::int32_t> seen;
        for (const std::int32_t task : s.running)
            QVERIFY(seen.insert(task).second);
        for (const std::int32_t task : s.ready)
            QVERIFY(seen.insert(task).second);
        for (const WaitingTask &w : s.waiting)
            QVERIFY(seen.insert(w.task).second);
        QVERIFY(int(seen.size()) + s.done <= 10);
        QVERIFY(s.running.size() <= 1); // one loop, one task at a time
        sawReadyAfterAnswer = sawReadyAfterAnswer || (t > firstWait + ms(100) && !s.ready.empty());
    }
    QVERIFY(sawReadyAfterAnswer);
    QCOMPARE(index.at(index.duration()).done, 10);
}

QTEST_GUILESS_MAIN(TestSnapshot)
#include "tst_snapshot.moc"
