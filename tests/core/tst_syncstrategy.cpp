#include "cpuworkload.h"
#include "runner.h"
#include "tracechecks.h"

#include <QTest>

#include <unistd.h>

using namespace mtlab;

class TestSyncStrategy : public QObject
{
    Q_OBJECT

private slots:
    void runsEveryTaskInOrderOnTheCallingThread();
    void cancelledBeforeStartRunsNothing();
};

void TestSyncStrategy::runsEveryTaskInOrderOnTheCallingThread()
{
    Experiment e;
    e.strategy = StrategyKind::Sync;
    e.tasks = 6;
    e.n = 300'000;
    const RunResult run = Runner(e).run();
    QCOMPARE(run.ok, 6);
    QCOMPARE(run.failed, 0);
    u128 expected = 0;
    for (int i = 0; i < 6; ++i)
        expected += sumOfSquaresClosedForm(e.n + i);
    QCOMPARE(toDecimal(run.result), toDecimal(expected));

    const Trace &trace = run.trace;
    QCOMPARE(trace.lanes().size(), std::size_t(1));
    QCOMPARE(trace.lanes().front().kind, LaneKind::MainThread);
    QCOMPARE(trace.lanes().front().tid, std::int64_t(gettid()));
    const std::vector<Span> cpu = checks::computingOfTasks(trace);
    QCOMPARE(cpu.size(), std::size_t(6));
    QVERIFY(checks::disjoint(cpu));
    for (int i = 0; i < 6; ++i)
        QCOMPARE(cpu[i].task, i);
}

void TestSyncStrategy::cancelledBeforeStartRunsNothing()
{
    Experiment e;
    e.tasks = 3;
    std::stop_source stop;
    stop.request_stop();
    const RunResult run = Runner(e).run(stop.get_token());
    QVERIFY(run.cancelled);
    QCOMPARE(run.ok + run.failed, 0);
}

QTEST_APPLESS_MAIN(TestSyncStrategy)
#include "tst_syncstrategy.moc"
