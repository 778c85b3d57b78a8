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
