#include "handbuilttraces.h"
#include "runner.h"
#include "runsnapshot.h"
#include "statepanel.h"

#include <QSignalSpy>
#include <QTest>

using namespace mtlab;
using namespace mtlab::handbuilt;

using TaskList = std::vector<std::int32_t>;
using Section = StatePanel::Section;

// The state panel beside the timeline: which lists it shows for each strategy, which task chips
// are in them at an instant, and following a task by clicking its chip.
class TestStatePanel : public QObject
{
    Q_OBJECT

private slots:
    void eventLoopReadyAndWaitingLists();
    void waitingIsGroupedByWhatFor();
    void poolWorkersAndQueue();
    void interpreterLock();
    void longListsEndInACount();
    void aHogOrABlockingCallHoldsTheLoop();
    void clickingAChipFollowsItsTask();
    void withoutARunItSaysSo();
};

namespace {

RunResult runOf(StrategyKind strategy, int tasks, Trace trace, bool gil = false)
{
    RunResult run;
    run.experiment.strategy = strategy;
    run.experiment.tasks = tasks;
    run.experiment.gil = gil;
    run.trace = std::move(trace);
    return run;
}

// A panel showing run at atMs, sized as beside the timeline.
struct Shown {
    RunResult run;
    SnapshotIndex index;
    StatePanel panel;

    Shown(RunResult r, double atMs)
        : run(std::move(r))
        , index(snapshotIndexOf(run))
    {
        panel.resize(380, 700);
        panel.setRun(&run);
        show(atMs);
    }
    void show(double atMs) { panel.setSnapshot(index.at(static_cast<std::int64_t>(atMs * Ms))); }
};

} // namespace

void TestStatePanel::eventLoopReadyAndWaitingLists()
{
    Shown shown(runOf(StrategyKind::Async, 3, asyncThreeDownloads()), 13.5);
    const StatePanel &panel = shown.panel;
    QCOMPARE(panel.headings().mid(0, 3),
             (QStringList{QStringLiteral("Running on the loop"), QStringLiteral("Ready (2)"),
                          QStringLiteral("Waiting (0)")}));
    QCOMPARE(panel.tasksIn(Section::Running), TaskList{0});
    QCOMPARE(panel.tasksIn(Section::Ready), (TaskList{1, 2}));
    QVERIFY(panel.tasksIn(Section::Waiting).empty());
    // The chips move between the lists as the playhead moves.
    shown.show(12.5);
    QVERIFY(panel.tasksIn(Section::Running).empty());
    QCOMPARE(panel.tasksIn(Section::Ready), (TaskList{0, 1}));
    QCOMPARE(panel.tasksIn(Section::Waiting), TaskList{2});
    // Chips stay inside the panel.
    for (const StatePanel::Chip &chip : panel.chips())
        QVERIFY(QRectF(panel.rect()).contains(chip.rect));
}

void TestStatePanel::waitingIsGroupedByWhatFor()
{
    Shown shown(runOf(StrategyKind::Async, 3, asyncThreeDownloads()), 4.5);
    const QStringList headings = shown.panel.headings();
    QVERIFY2(headings.contains(QStringLiteral("Waiting (3)")), qPrintable(headings.join(u'|')));
    QVERIFY(headings.contains(QStringLiteral("for the server (2)")));
    QVERIFY(headings.contains(QStringLiteral("for connect (1)")));
    QCOMPARE(shown.panel.tasksIn(Section::Waiting), (TaskList{2, 0, 1})); // connect comes first

    Shown permit(runOf(StrategyKind::Async, 2, asyncWithOnePermit()), 2);
    QVERIFY(permit.panel.headings().contains(QStringLiteral("for a semaphore (1)")));
    QVERIFY(permit.panel.headings().contains(QStringLiteral("for a timer (1)")));
}

void TestStatePanel::poolWorkersAndQueue()
{
    Shown shown(runOf(StrategyKind::Threads, 4, threadPoolWithQueue()), 3);
    const QStringList headings = shown.panel.headings();
    QCOMPARE(headings,
             (QStringList{QStringLiteral("Workers"), QStringLiteral("On a core (1)"),
                          QStringLiteral("Queue (2)")}));
    QCOMPARE(shown.panel.tasksIn(Section::Workers), (TaskList{0, 1}));
    QCOMPARE(shown.panel.tasksIn(Section::Queued), (TaskList{2, 3}));
    const auto chips = shown.panel.chips();
    const auto worker1 = std::find_if(chips.begin(), chips.end(), [](const StatePanel::Chip &c) {
        return c.section == Section::Workers && c.task == 1;
    });
    QCOMPARE(worker1->text, QStringLiteral("task 1 · waits for the server"));
    shown.show(8.5); // task 3 has its thread but no core
    QVERIFY(shown.panel.headings().contains(QStringLiteral("Ready (1)")));
    QCOMPARE(shown.panel.tasksIn(Section::Ready), TaskList{3});
}

void TestStatePanel::interpreterLock()
{
    Shown shown(runOf(StrategyKind::Threads, 2, threadsUnderTheLock(), true), 7);
    QVERIFY(shown.panel.headings().contains(QStringLiteral("Interpreter lock")));
    QVERIFY(shown.panel.headings().contains(QStringLiteral("waiting for it (1)")));
    QCOMPARE(shown.panel.tasksIn(Section::Lock), (TaskList{1, 0})); // the holder, then the waiters
    Shown free(runOf(StrategyKind::Threads, 2, threadsUnderTheLock(), false), 7);
    QVERIFY(!free.panel.headings().contains(QStringLiteral("Interpreter lock")));
}

void TestStatePanel::longListsEndInACount()
{
    TraceBuilder b;
    const std::int32_t loop = b.lane(LaneKind::EventLoop, "event loop");
    for (int task = 0; task < 500; ++task)
        b.span(b.lane(LaneKind::AsyncTask, "slot", loop), State::Ready, task, 0, 10);
    Shown shown(runOf(StrategyKind::Async, 500, b.build()), 5);
    QVERIFY(shown.panel.headings().contains(QStringLiteral("Ready (500)")));
    const auto ready = shown.panel.tasksIn(Section::Ready);
    QVERIFY(ready.size() < 500);
    const auto chips = shown.panel.chips();
    QVERIFY(std::any_of(chips.begin(), chips.end(), [&](const StatePanel::Chip &c) {
        return c.task < 0 && c.text == QStringLiteral("+%1 more").arg(500 - ready.size());
    }));
}

// What starves the loop shows as what runs on it: the hog (a task of no id on its own lane),
// or a task's blocking call drawn on the loop's own lane.
void TestStatePanel::aHogOrABlockingCallHoldsTheLoop()
{
    TraceBuilder b;
    const std::int32_t loop = b.lane(LaneKind::EventLoop, "event loop");
    const std::int32_t hog = b.lane(LaneKind::AsyncTask, "hog, 5 ms", loop);
    const std::int32_t slot = b.lane(LaneKind::AsyncTask, "task slot 1", loop);
    b.span(hog, State::Cpu, -1, 0, 5)
        .span(hog, State::Ready, -1, 5, 6)
        .span(slot, State::Ready, 0, 1, 7)
        .span(loop, State::IoWait, 1, 7, 10, IoPhase::Wait);
    Shown shown(runOf(StrategyKind::Async, 2, b.build()), 2);
    const auto chipIn = [&](Section section) {
        for (const StatePanel::Chip &c : shown.panel.chips())
            if (c.section == section)
                return c;
        return StatePanel::Chip{};
    };
    QCOMPARE(chipIn(Section::Running).text, QStringLiteral("hog, 5 ms"));
    QCOMPARE(shown.panel.tasksIn(Section::Ready), TaskList{0});
    shown.show(5.5); // the hog awaits: back in the ready list, before the task that waited longer
    QVERIFY(shown.panel.headings().contains(QStringLiteral("Ready (2)")));
    QCOMPARE(chipIn(Section::Ready).text, QStringLiteral("hog, 5 ms"));
    QCOMPARE(shown.panel.tasksIn(Section::Ready), TaskList{0});
    shown.show(8);
    QCOMPARE(shown.panel.tasksIn(Section::Running), TaskList{1});
    QCOMPARE(chipIn(Section::Running).text, QStringLiteral("task 1 · blocks the loop"));
}

void TestStatePanel::clickingAChipFollowsItsTask()
{
    Shown shown(runOf(StrategyKind::Async, 3, asyncThreeDownloads()), 0.5);
    StatePanel &panel = shown.panel;
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy followed(&panel, &StatePanel::taskFollowed);
    const auto chipOf = [&](std::int32_t task) {
        for (const StatePanel::Chip &c : panel.chips())
            if (c.task == task)
                return c.rect.center().toPoint();
        return QPoint(-1, -1);
    };
    QTest::mouseClick(&panel, Qt::LeftButton, {}, chipOf(1));
    QCOMPARE(followed.count(), 1);
    QCOMPARE(followed.at(0).at(0).toInt(), 1);
    QCOMPARE(panel.followedTask(), 1);
    shown.show(8); // task 1 moved to the waiting list; still followed
    QCOMPARE(panel.followedTask(), 1);
    QTest::mouseClick(&panel, Qt::LeftButton, {}, chipOf(1)); // again: stop following
    QCOMPARE(panel.followedTask(), -1);
    QCOMPARE(followed.count(), 2);
}

void TestStatePanel::withoutARunItSaysSo()
{
    StatePanel panel;
    panel.resize(380, 400);
    QVERIFY(panel.headings().isEmpty());
    QVERIFY(panel.chips().empty());
    const QImage image = panel.grab().toImage();
    QCOMPARE(image.pixelColor(2, 2), QColor(Qt::white));
}

QTEST_MAIN(TestStatePanel)
#include "tst_statepanel.moc"
