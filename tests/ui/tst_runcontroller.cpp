#include "runcontroller.h"

#include "runner.h"
#include "timelinemodel.h"
#include "tracechecks.h"

#include <QSignalSpy>
#include <QTest>

using namespace mtlab;

// RunController: runs go to a worker thread, the live model fills while they run, results come
// back to the GUI thread in order, and Cancel ends a run early.
class TestRunController : public QObject
{
    Q_OBJECT

private slots:
    void smallCpuRunReportsAndFinishes();
    void liveSpansReachTheModelBeforeTheEnd();
    void cancelEndsALongRun();
    void allFourRunOneAfterAnother();
    void aSecondStartWhileRunningIsRefused();
    void destroyingWhileRunningStopsTheRun();

private:
    static Experiment cpu(StrategyKind strategy, std::uint64_t n, int tasks);
};

Experiment TestRunController::cpu(StrategyKind strategy, std::uint64_t n, int tasks)
{
    Experiment e;
    e.workload = WorkloadKind::Cpu;
    e.strategy = strategy;
    e.n = n;
    e.tasks = tasks;
    e.workers = 2;
    return e;
}

// Generous: the machine may be busy, and a cancelled run must still end on its own.
constexpr int Timeout = 120'000;

void TestRunController::smallCpuRunReportsAndFinishes()
{
    TimelineModel model;
    RunController controller;
    controller.setModel(&model);
    QSignalSpy started(&controller, &RunController::started);
    QSignalSpy runStarted(&controller, &RunController::runStarted);
    QSignalSpy progress(&controller, &RunController::progress);
    QSignalSpy runFinished(&controller, &RunController::runFinished);
    QSignalSpy finished(&controller, &RunController::finished);

    QVERIFY(controller.start({cpu(StrategyKind::Threads, 200'000, 6)}));
    QVERIFY(controller.isRunning());
    QVERIFY(finished.wait(Timeout));
    QVERIFY(!controller.isRunning());

    QCOMPARE(started.size(), 1);
    QCOMPARE(runStarted.size(), 1);
    QCOMPARE(runFinished.size(), 1);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(!progress.isEmpty());
    // The last progress is the whole run.
    QCOMPARE(progress.last().at(0).toInt(), 6);
    QCOMPARE(progress.last().at(1).toInt(), 6);

    QCOMPARE(controller.results().size(), std::size_t(1));
    const RunResult &result = *controller.results().front();
    QCOMPARE(result.ok, 6);
    QCOMPARE(result.failed, 0);
    QVERIFY(!result.cancelled);
    QCOMPARE(controller.tasksDone(), 6);

    // The model holds the finished run: one group, two pool threads (and the queue).
    QCOMPARE(model.groups().size(), std::size_t(1));
    const TimelineModel::Group &group = model.groups().front();
    QVERIFY(!group.live);
    const auto threads = std::count_if(group.rows.begin(), group.rows.end(), [](const TimelineModel::Row &r) {
        return r.lane.kind == LaneKind::PoolThread;
    });
    QCOMPARE(threads, 2);
    QCOMPARE(model.spanCount(), result.trace.spans().size());
}

void TestRunController::liveSpansReachTheModelBeforeTheEnd()
{
    // Eight downloads one after another from a server that waits 100 ms each: the run lasts
    // long enough for several polls, however fast the machine.
    Experiment e;
    e.workload = WorkloadKind::Io;
    e.strategy = StrategyKind::Sync;
    e.tasks = 8;
    e.io.delayMs = 100;
    e.io.sizeKb = 1;

    TimelineModel model;
    RunController controller;
    controller.setModel(&model);
    std::size_t liveSpans = 0;
    bool live = false;
    connect(&model, &TimelineModel::changed, this, [&] {
        if (!model.groups().empty() && model.groups().front().live) {
            live = true;
            liveSpans = std::max(liveSpans, model.spanCount());
        }
    });
    QSignalSpy finished(&controller, &RunController::finished);
    QVERIFY(controller.start({e}));
    QVERIFY(finished.wait(Timeout));
    QVERIFY(live);
    QVERIFY(liveSpans > 0);
    QVERIFY(!model.groups().front().live);
    QCOMPARE(controller.results().front()->ok, 8);
    QCOMPARE(model.groups().size(), std::size_t(1));
}

void TestRunController::cancelEndsALongRun()
{
    TimelineModel model;
    RunController controller;
    controller.setModel(&model);
    QSignalSpy runStarted(&controller, &RunController::runStarted);
    QSignalSpy runFinished(&controller, &RunController::runFinished);
    QSignalSpy finished(&controller, &RunController::finished);
    // Two runs, so cancelling must also drop the one not started yet.
    QVERIFY(controller.start(
        {cpu(StrategyKind::Threads, 4'000'000'000ULL, 4), cpu(StrategyKind::Sync, 1000, 1)}));
    controller.cancel();
    QVERIFY(finished.wait(Timeout));
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(runStarted.size(), 1);
    QCOMPARE(runFinished.size(), 1);
    QVERIFY(controller.results().front()->cancelled);
    QVERIFY(controller.results().front()->ok < 4);
    QVERIFY(!controller.isRunning());
}

void TestRunController::allFourRunOneAfterAnother()
{
    TimelineModel model;
    RunController controller;
    controller.setModel(&model);
    std::vector<Experiment> four;
    for (StrategyKind s :
         {StrategyKind::Sync, StrategyKind::Threads, StrategyKind::Async, StrategyKind::Processes})
        four.push_back(cpu(s, 200'000, 6));
    QList<int> order;
    // Never two at once: each run starts after the one before has finished.
    bool overlapped = false;
    connect(&controller, &RunController::runStarted, this,
            [&](int index) { overlapped = overlapped || order.size() != index; });
    connect(&controller, &RunController::runFinished, this, [&](int index) { order << index; });
    QSignalSpy finished(&controller, &RunController::finished);
    QVERIFY(controller.start(four));
    QVERIFY(finished.wait(Timeout));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(order, (QList<int>{0, 1, 2, 3}));
    QVERIFY(!overlapped);
    QCOMPARE(controller.results().size(), std::size_t(4));
    for (std::size_t i = 0; i < 4; ++i) {
        QCOMPARE(controller.results()[i]->experiment.strategy, four[i].strategy);
        QCOMPARE(controller.results()[i]->ok, 6);
    }
    // The model shows the run that ended last.
    QCOMPARE(model.groups().size(), std::size_t(1));
    QVERIFY(model.groups().front().title.startsWith(QLatin1String("processes")));
}

void TestRunController::aSecondStartWhileRunningIsRefused()
{
    RunController controller;
    QSignalSpy finished(&controller, &RunController::finished);
    QVERIFY(controller.start({cpu(StrategyKind::Sync, 4'000'000'000ULL, 2)}));
    QVERIFY(!controller.start({cpu(StrategyKind::Sync, 1000, 1)}));
    QVERIFY(!controller.start({}));
    controller.cancel();
    QVERIFY(finished.wait(Timeout));
    QCOMPARE(controller.runCount(), 1);
}

void TestRunController::destroyingWhileRunningStopsTheRun()
{
    const int threadsBefore = checks::threadsInThisProcess();
    auto controller = std::make_unique<RunController>();
    TimelineModel model;
    controller->setModel(&model);
    QSignalSpy progress(controller.get(), &RunController::progress);
    // Minutes of work: only the cancel that the destructor sends can end it in time.
    QVERIFY(controller->start({cpu(StrategyKind::Threads, 4'000'000'000ULL, 4)}));
    QVERIFY(progress.wait(Timeout));
    QVERIFY(checks::threadsInThisProcess() > threadsBefore);
    QSignalSpy changed(&model, &TimelineModel::changed);
    controller.reset(); // joins the worker thread; its result is dropped, not delivered to a dead object
    QCOMPARE(checks::threadsInThisProcess(), threadsBefore);
    QCoreApplication::processEvents();
    QCOMPARE(changed.size(), 0); // no late delivery into the model
    QVERIFY(model.groups().empty() || model.groups().front().live);
}

QTEST_GUILESS_MAIN(TestRunController)
#include "tst_runcontroller.moc"
