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
    void recordsComputingWithoutGaps();
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

// A task's lane shows it computing (cpu) or waiting for a core (ready), nothing else and with no
// gap, and the next task on the same worker starts where it ended.
void TestCpuWorkload::recordsComputingWithoutGaps()
{
    TraceCollector collector(nowNs());
    const std::int32_t lane = collector.addLane({});
    CpuWorkload workload(3, 200'000);
    std::vector<std::int64_t> cpuNs;
    {
        Recorder recorder(collector, lane);
        WorkerContext context{recorder, {}, nullptr};
        for (int task = 0; task < workload.taskCount(); ++task) {
            const TaskOutcome outcome = workload.run(task, context);
            QVERIFY(outcome.ok);
            QCOMPARE(toDecimal(outcome.value), toDecimal(sumOfSquaresClosedForm(200'000 + task)));
            cpuNs.push_back(outcome.cpuNs);
        }
    }
    const Trace trace = collector.finish();
    const auto spans = trace.spansOfLane(lane);
    QVERIFY(!spans.empty());
    for (std::size_t i = 0; i < spans.size(); ++i) {
        QVERIFY(spans[i].state == State::Cpu || spans[i].state == State::Ready);
        QVERIFY(spans[i].end > spans[i].begin);
        if (i > 0) {
            QCOMPARE(spans[i].begin, spans[i - 1].end);
            QVERIFY(spans[i].task >= spans[i - 1].task);
        }
    }
    for (int task = 0; task < 3; ++task) {
        std::int64_t begin = INT64_MAX, end = 0;
        bool computed = false;
        for (const Span &s : spans)
            if (s.task == task) {
                begin = std::min(begin, s.begin);
                end = std::max(end, s.end);
                computed = computed || s.state == State::Cpu;
            }
        QVERIFY(computed);
        QVERIFY(cpuNs[task] > 0);
        QVERIFY2(
            cpuNs[task] <= end - begin,
            qPrintable(
                QStringLiteral("task %1: %2 ns CPU in %3 ns").arg(task).arg(cpuNs[task]).arg(end - begin)));
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
