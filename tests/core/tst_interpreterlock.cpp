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
    void holdersNeverOverlapAndTakeTurns_data();
    void holdersNeverOverlapAndTakeTurns();
};

void TestInterpreterLock::uncontendedRecordsNoWait()
{
    TraceCollector collector(nowNs());
    InterpreterLock lock(5'000'000);
    {
        Recorder recorder(collector, collector.addLane({}));
        lock.acquire(recorder, 0);
        QVERIFY(!lock.switchDue()); // nobody waits, so there is nobody to hand over to
        lock.release();
        lock.acquire(recorder, 1);
        lock.release();
    }
    QVERIFY(collector.finish().spans().empty());
}

void TestInterpreterLock::holdersNeverOverlapAndTakeTurns_data()
{
    QTest::addColumn<int>("threads");
    QTest::newRow("2 threads") << 2;
    QTest::newRow("5 threads") << 5;
}

// Each thread holds the lock in slices, recording a span per slice; no two slices may overlap,
// and every thread must have had to wait (lock-wait) while the others held it.
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
                lock.acquire(recorder, t);
                ++arrived;
                std::int64_t begin = nowNs();
                int slices = 0;
                // Nobody stops before every thread has held the lock once, so a thread that
                // starts late (as under a sanitizer) still finds it taken and has to wait. The
                // last thread left has nobody to hand over to, so it stops counting slices.
                while ((slices < 4 || arrived.load() < threads) && finished.load() < threads - 1) {
                    if (lock.switchDue()) {
                        recorder.record(State::Cpu, t, begin, nowNs());
                        lock.yield(recorder, t);
                        begin = nowNs();
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
    }
}

QTEST_APPLESS_MAIN(TestInterpreterLock)
#include "tst_interpreterlock.moc"
