#include "clock.h"
#include "recorder.h"
#include "tracecollector.h"

#include <QTest>

#include <thread>
#include <vector>

using namespace mtlab;

class TestTrace : public QObject
{
    Q_OBJECT

private slots:
    void spansAreGroupedByLaneAndSorted();
    void taskTotalLeavesOutAWorkersOwnWork();
    void spansOfUnknownLaneIsEmpty();
    void detailsAreInterned();
    void liveReaderSeesEachBatchOnce();
    void openWaitsCloseWhenTheirSpanArrives();
    void concurrentRecordersLoseNothing();
    void stateNamesRoundTrip_data();
    void stateNamesRoundTrip();
};

void TestTrace::openWaitsCloseWhenTheirSpanArrives()
{
    TraceCollector collector(0);
    const std::int32_t worker = collector.addLane({});
    const std::int32_t queue = collector.addLane({});
    collector.openWaits(queue, State::Queued, 100, 0, 3);
    std::vector<Span> open = collector.openSpans(500);
    QCOMPARE(open.size(), std::size_t{3});
    for (const Span &s : open) {
        QCOMPARE(s.begin, std::int64_t{100});
        QCOMPARE(s.end, std::int64_t{500});
        QCOMPARE(s.lane, queue);
        QCOMPARE(s.state, State::Queued);
    }
    {
        Recorder recorder(collector, worker);
        recorder.record(State::Cpu, 1, 200, 300);             // another lane: still waiting
        recorder.recordOn(queue, State::Cpu, 1, 200, 300);    // another state: still waiting
        recorder.recordOn(queue, State::Queued, 1, 100, 200); // its wait ended
        recorder.flush();
    }
    open = collector.openSpans(600);
    QCOMPARE(open.size(), std::size_t{2});
    for (const Span &s : open)
        QVERIFY(s.task == 0 || s.task == 2);
    QCOMPARE(collector.openSpans(50).front().end, std::int64_t{100}); // never ends before it began
    collector.reset(0);
    QVERIFY(collector.openSpans(700).empty());
}

void TestTrace::spansAreGroupedByLaneAndSorted()
{
    TraceCollector collector(1000);
    const std::int32_t a = collector.addLane({});
    const std::int32_t b = collector.addLane({});
    {
        Recorder ra(collector, a);
        Recorder rb(collector, b);
        rb.record(State::Cpu, 1, 1300, 1400);
        ra.record(State::Cpu, 0, 1200, 1250);
        ra.record(State::IoWait, 0, 1100, 1200, IoPhase::Wait);
    }
    const Trace trace = collector.finish();
    QCOMPARE(trace.spansOfLane(a).size(), std::size_t(2));
    QCOMPARE(trace.spansOfLane(a)[0].begin, std::int64_t(1100));
    QCOMPARE(trace.spansOfLane(a)[0].phase, IoPhase::Wait);
    QCOMPARE(trace.spansOfLane(b).size(), std::size_t(1));
    QCOMPARE(trace.origin(), std::int64_t(1000));
    QCOMPARE(trace.end(), std::int64_t(1400));
    QCOMPARE(trace.totalNs(State::Cpu), std::int64_t(150));
}

void TestTrace::taskTotalLeavesOutAWorkersOwnWork()
{
    TraceCollector collector(0);
    {
        Recorder loop(collector, collector.addLane({}));
        loop.record(State::Cpu, -1, 0, 100); // the event loop's work for all tasks at once
        loop.record(State::Cpu, 0, 100, 130);
        loop.record(State::IoWait, 0, 130, 200, IoPhase::Wait);
    }
    const Trace trace = collector.finish();
    QCOMPARE(trace.totalNs(State::Cpu), std::int64_t(130));
    QCOMPARE(trace.taskTotalNs(State::Cpu), std::int64_t(30));
    QCOMPARE(trace.taskTotalNs(State::IoWait), std::int64_t(70));
}

void TestTrace::spansOfUnknownLaneIsEmpty()
{
    const Trace trace = TraceCollector(0).finish();
    QVERIFY(trace.spansOfLane(3).empty());
    QVERIFY(trace.spansOfLane(-1).empty());
    QCOMPARE(trace.detail(7), std::string());
}

void TestTrace::detailsAreInterned()
{
    TraceCollector collector(0);
    const std::int32_t first = collector.addDetail("connection refused");
    QCOMPARE(collector.addDetail("timeout"), first + 1);
    QCOMPARE(collector.addDetail("connection refused"), first);
    QCOMPARE(collector.finish().detail(first), std::string("connection refused"));
}

void TestTrace::liveReaderSeesEachBatchOnce()
{
    TraceCollector collector(0);
    Recorder recorder(collector, collector.addLane({}));
    std::size_t cursor = 0;
    recorder.record(State::Cpu, 0, 1, 2);
    QVERIFY(collector.spansSince(&cursor).empty()); // not flushed yet: no per-span locking
    recorder.flush();
    QCOMPARE(collector.spansSince(&cursor).size(), std::size_t(1));
    QVERIFY(collector.spansSince(&cursor).empty());
    recorder.record(State::Cpu, 1, 2, 3);
    recorder.record(State::Cpu, 2, 3, 4);
    recorder.flush();
    QCOMPARE(collector.spansSince(&cursor).size(), std::size_t(2));

    std::size_t detailCursor = 0;
    collector.addDetail("timeout");
    QCOMPARE(collector.detailsSince(&detailCursor), std::vector<std::string>{"timeout"});
    QVERIFY(collector.detailsSince(&detailCursor).empty());
    collector.addDetail("connection refused");
    QCOMPARE(collector.detailsSince(&detailCursor), std::vector<std::string>{"connection refused"});
}

void TestTrace::concurrentRecordersLoseNothing()
{
    constexpr int threads = 4;
    constexpr int perThread = 10'000;
    TraceCollector collector(nowNs());
    std::size_t seen = 0;
    std::size_t cursor = 0;
    {
        std::vector<std::jthread> workers;
        for (int t = 0; t < threads; ++t) {
            const std::int32_t lane = collector.addLane({});
            workers.emplace_back([&collector, lane] {
                Recorder recorder(collector, lane);
                for (int i = 0; i < perThread; ++i) {
                    const std::int64_t now = nowNs();
                    recorder.record(State::Cpu, i, now, now + 1);
                    if (i % 100 == 99)
                        recorder.flush();
                }
            });
        }
        for (int i = 0; i < 100; ++i)
            seen += collector.spansSince(&cursor).size();
    }
    seen += collector.spansSince(&cursor).size();
    QCOMPARE(seen, std::size_t(threads * perThread));
    QCOMPARE(collector.finish().spans().size(), std::size_t(threads * perThread));
}

void TestTrace::stateNamesRoundTrip_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("name");
    QTest::newRow("queued") << int(State::Queued) << QStringLiteral("queued");
    QTest::newRow("ready") << int(State::Ready) << QStringLiteral("ready");
    QTest::newRow("cpu") << int(State::Cpu) << QStringLiteral("cpu");
    QTest::newRow("io-wait") << int(State::IoWait) << QStringLiteral("io-wait");
    QTest::newRow("lock-wait") << int(State::LockWait) << QStringLiteral("lock-wait");
    QTest::newRow("spawn") << int(State::Spawn) << QStringLiteral("spawn");
    QTest::newRow("ipc") << int(State::Ipc) << QStringLiteral("ipc");
    QTest::newRow("idle") << int(State::Idle) << QStringLiteral("idle");
    QTest::newRow("failed") << int(State::Failed) << QStringLiteral("failed");
}

void TestTrace::stateNamesRoundTrip()
{
    QFETCH(int, state);
    QFETCH(QString, name);
    QCOMPARE(QString::fromUtf8(stateName(State(state)).data(), stateName(State(state)).size()), name);
    QCOMPARE(stateFromName(name.toStdString()), std::optional<State>(State(state)));
}

QTEST_APPLESS_MAIN(TestTrace)
#include "tst_trace.moc"
