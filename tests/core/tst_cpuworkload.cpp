#include "cpuworkload.h"
#include "clock.h"
#include "experiment.h"
#include "recorder.h"
#include "tracecollector.h"

#include <QTest>

#include <algorithm>

using namespace mtlab;

class TestCpuWorkload : public QObject
{
    Q_OBJECT

private slots:
    void sumMatchesClosedForm_data();
    void sumMatchesClosedForm();
    void recordsOneCpuSpanPerTask();
    void timeGrowsWithN();
    void stopsWhenCancelled();
};

void TestCpuWorkload::sumMatchesClosedForm_data()
{
    QTest::addColumn<quint64>("n");
    QTest::newRow("zero") << quint64(0);
    QTest::newRow("one") << quint64(1);
    QTest::newRow("two") << quint64(2);
    QTest::newRow("chunk boundary") << quint64(CpuWorkload::ChunkTerms + 1);
    QTest::newRow("article") << quint64(ArticleN);
}

void TestCpuWorkload::sumMatchesClosedForm()
{
    QFETCH(quint64, n);
    QCOMPARE(toDecimal(sumOfSquares(0, n)), toDecimal(sumOfSquaresClosedForm(n)));
}

void TestCpuWorkload::recordsOneCpuSpanPerTask()
{
    TraceCollector collector(nowNs());
    const std::int32_t lane = collector.addLane({});
    CpuWorkload workload(3, 200'000);
    {
        Recorder recorder(collector, lane);
        WorkerContext context{recorder, {}, nullptr};
        for (int task = 0; task < workload.taskCount(); ++task) {
            const TaskOutcome outcome = workload.run(task, context);
            QVERIFY(outcome.ok);
            QCOMPARE(toDecimal(outcome.value), toDecimal(sumOfSquaresClosedForm(200'000 + task)));
        }
    }
    const Trace trace = collector.finish();
    QCOMPARE(trace.spans().size(), std::size_t(3));
    for (int i = 0; i < 3; ++i) {
        const Span &span = trace.spans()[i];
        QCOMPARE(span.state, State::Cpu);
        QCOMPARE(span.task, i);
        QVERIFY(span.end > span.begin);
    }
}

// The loop must really run: if the compiler folded it into the closed form, 8x the terms would
// take about the same time. The fastest of a few runs keeps a busy machine from skewing this.
void TestCpuWorkload::timeGrowsWithN()
{
    u128 checksum = 0;
    auto fastest = [&checksum](std::uint64_t n) {
        std::int64_t best = INT64_MAX;
        for (int i = 0; i < 5; ++i) {
            const std::int64_t begin = nowNs();
            checksum += sumOfSquares(0, n);
            best = std::min(best, nowNs() - begin);
        }
        return best;
    };
    const std::int64_t small = fastest(1'000'000);
    const std::int64_t large = fastest(8'000'000);
    QVERIFY(checksum > 0);
    QVERIFY2(large > 3 * small,
             qPrintable(QStringLiteral("1M terms: %1 ns, 8M terms: %2 ns").arg(small).arg(large)));
}

void TestCpuWorkload::stopsWhenCancelled()
{
    TraceCollector collector(nowNs());
    const std::int32_t lane = collector.addLane({});
    Recorder recorder(collector, lane);
    std::stop_source stop;
    stop.request_stop();
    WorkerContext context{recorder, stop.get_token(), nullptr};
    CpuWorkload workload(1, 4'000'000'000); // seconds of work, ended by the stop after one chunk
    const TaskOutcome outcome = workload.run(0, context);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.error, std::string("cancelled"));
}

QTEST_APPLESS_MAIN(TestCpuWorkload)
#include "tst_cpuworkload.moc"
