#include "interpreterlock.h"
#include "clock.h"
#include "recorder.h"
#include "tracecollector.h"

#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace mtlab;

class TestInterpreterLock : public QObject
{
    Q_OBJECT

private slots:
    void uncontendedRecordsNoWait();
    void askedBeforeTheReleaseWaitsForIt();
    void holdersNeverOverlapAndTakeTurns_data();
    void holdersNeverOverlapAndTakeTurns();
};

void TestInterpreterLock::uncontendedRecordsNoWait()
{
    TraceCollector collector(nowNs());
    InterpreterLock lock(5'000'000);
    {
        Recorder recorder(collector, collector.addLane({}));
        // A free lock lets the thread compute from the moment it asked.
        const std::int64_t first = nowNs();
        QCOMPARE(lock.acquire(recorder, 0, first), first);
        QVERIFY(!lock.switchDue()); // nobody waits, so there is nobody to hand over to
        lock.release();
        const std::int64_t second = nowNs();
        QCOMPARE(lock.acquire(recorder, 1, second), second);
        lock.release();
    }
    QVERIFY(collector.finish().spans().empty());
}

// A thread that asked while another still held the lock computes only from the release on,
// and waited for it until then.
void TestInterpreterLock::askedBeforeTheReleaseWaitsForIt()
{
    TraceCollector collector(nowNs());
    InterpreterLock lock(5'000'000);
    const std::int64_t asked = nowNs();
    {
        Recorder recorder(collector, collector.addLane({}));
        lock.acquire(recorder, 0, asked);
        lock.release();
        const std::int64_t computing = lock.acquire(recorder, 1, asked);
        QVERIFY(computing > asked);
        lock.release();
    }
    const Trace trace = collector.finish();
    QCOMPARE(trace.spans().size(), std::size_t(1));
    QCOMPARE(trace.spans().front().state, State::LockWait);
    QCOMPARE(trace.spans().front().task, 1);
    QCOMPARE(trace.spans().front().begin, asked);
}

void TestInterpreterLock::holdersNeverOverlapAndTakeTurns_data()
{
    QTest::addColumn<int>("threads");
    QTest::newRow("2 threads") << 2;
    QTest::newRow("5 threads") << 5;
}

// Each thread holds the lock in slices, recording a span per slice; no two slices may overlap,
// every thread must have had to wait (lock-wait) while the others held it, and each lane is
// gapless: lock-wait starts where a slice ended and the next slice starts where it ended.
void TestInterpreterLock::holdersNeverOverlapAndTakeTurns()
{
    QFETCH(int, threads);
    TraceCollector collector(nowNs());
    InterpreterLock lock(1'000'000);
    std::vector<std::int32_t> lanes;
    for (int t = 0; t < threads; ++t)
        lanes.push_back(collector.addLane({}));
    std::atomic<int> arrived{0}, finished{0};
    {
        std::vector<std::jthread> workers;
        for (int t = 0; t < threads; ++t) {
            workers.emplace_back([&, t] {
                Recorder recorder(collector, lanes[t]);
                std::int64_t begin = lock.acquire(recorder, t, nowNs());
                ++arrived;
                int slices = 0;
                // Nobody stops before every thread has held the lock once, so a thread that
                // starts late (as under a sanitizer) still finds it taken and has to wait. The
                // last thread left has nobody to hand over to, so it stops counting slices.
                while ((slices < 4 || arrived.load() < threads) && finished.load() < threads - 1) {
                    const std::int64_t now = nowNs();
                    if (lock.switchDue(now)) {
                        recorder.record(State::Cpu, t, begin, now);
                        begin = lock.yield(recorder, t, now);
                        ++slices;
                    }
                }
                recorder.record(State::Cpu, t, begin, nowNs());
                ++finished;
                lock.release();
            });
        }
    }
    const Trace trace = collector.finish();
    std::vector<Span> cpu;
    for (const Span &s : trace.spans())
        if (s.state == State::Cpu)
            cpu.push_back(s);
    std::sort(cpu.begin(), cpu.end(), [](const Span &a, const Span &b) { return a.begin < b.begin; });
    for (std::size_t i = 1; i < cpu.size(); ++i)
        QVERIFY2(cpu[i].begin >= cpu[i - 1].end, "two threads computed at once under the lock");
    for (int t = 0; t < threads; ++t) {
        const auto spans = trace.spansOfLane(lanes[t]);
        QVERIFY(std::any_of(spans.begin(), spans.end(),
                            [](const Span &s) { return s.state == State::LockWait; }));
        for (std::size_t i = 1; i < spans.size(); ++i)
            QCOMPARE(spans[i].begin, spans[i - 1].end);
    }
}

QTEST_APPLESS_MAIN(TestInterpreterLock)
#include "tst_interpreterlock.moc"
