#include "derivedrows.h"
#include "runner.h"
#include "syntheticrun.h"
#include "idealtime.h"
#include "timelinemodel.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <random>
#include <set>

using namespace mtlab;

namespace {

Lane lane(std::int32_t id, LaneKind kind, std::string name, std::int32_t parent = -1,
          std::int32_t sortIndex = 0)
{
    Lane l;
    l.id = id;
    l.kind = kind;
    l.name = std::move(name);
    l.parent = parent;
    l.sortIndex = sortIndex;
    return l;
}

Span span(std::int64_t begin, std::int64_t end, std::int32_t laneId, std::int32_t task,
          State state = State::Cpu)
{
    return Span{.begin = begin, .end = end, .lane = laneId, .task = task, .state = state};
}

bool overlaps(const Span &s, std::int64_t from, std::int64_t to)
{
    return s.begin <= to && s.end >= from;
}

} // namespace

class TestTimelineModel : public QObject
{
    Q_OBJECT

private slots:
    void addRunFromRealRun_data();
    void addRunFromRealRun();
    void asyncSubLanesFollowTheirLoop();
    void queueDepthCountsWaitingTasks();
    void liveQueueCountsWaitsNotYetEnded();
    void visibleMatchesBruteForce_data();
    void visibleMatchesBruteForce();
    void liveUpdatesAppendAndSort();
    void finishLiveReplacesTheGroup();
    void subtitleAndIdeal();
};

void TestTimelineModel::addRunFromRealRun_data()
{
    QTest::addColumn<int>("strategy");
    QTest::addColumn<int>("tasks");
    QTest::addColumn<QString>("title");
    QTest::newRow("sync") << int(StrategyKind::Sync) << 4 << QStringLiteral("sync, 1 worker");
    QTest::newRow("threads") << int(StrategyKind::Threads) << 12 << QStringLiteral("threads, 5 workers");
}

void TestTimelineModel::addRunFromRealRun()
{
    QFETCH(int, strategy);
    QFETCH(int, tasks);
    QFETCH(QString, title);
    const RunResult run = runCpu(StrategyKind(strategy), tasks);
    QCOMPARE(run.ok, tasks);

    TimelineModel model;
    QSignalSpy changed(&model, &TimelineModel::changed);
    QCOMPARE(model.addRun(run), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.groups().size(), std::size_t{1});
    const TimelineModel::Group &g = model.groups().front();
    QCOMPARE(g.title, title);
    QVERIFY(!g.subtitle.isEmpty());
    QVERIFY(!g.live);
    QCOMPARE(g.origin, run.trace.origin());
    QVERIFY(g.end >= run.trace.end());
    QVERIFY(g.idealNs > 0);
    // One row per lane, and the derived cores row of a CPU run.
    QCOMPARE(g.rows.size(), run.trace.lanes().size() + 1);
    QVERIFY(DerivedRows::find(g, TimelineModel::RowKind::Cores));
    QCOMPARE(model.spanCount(), run.trace.spans().size());
    QVERIFY(model.durationNs() >= g.end - g.origin);
    QVERIFY(model.presentStyles() & (1u << StatePalette::styleIndex(State::Cpu)));

    std::set<std::int32_t> computed; // a task's cpu is cut into slices when it loses its core
    for (const TimelineModel::Row &row : g.rows) {
        if (row.kind != TimelineModel::RowKind::Lane)
            continue;
        QVERIFY(std::is_sorted(row.spans.begin(), row.spans.end(),
                               [](const Span &a, const Span &b) { return a.begin < b.begin; }));
        std::int64_t longest = 0;
        for (const Span &s : row.spans) {
            QCOMPARE(s.lane, row.lane.id);
            longest = std::max(longest, s.duration());
            if (s.state == State::Cpu)
                computed.insert(s.task);
        }
        QCOMPARE(row.longestNs, longest);
        QCOMPARE(row.depth, 0);
    }
    QCOMPARE(int(computed.size()), tasks);
    // Workers first, in order; the queue (threads only) last.
    if (StrategyKind(strategy) == StrategyKind::Threads) {
        QCOMPARE(g.rows.back().lane.kind, LaneKind::Queue);
        QCOMPARE(g.rows.front().lane.name, std::string("thread 1"));
        QVERIFY(g.rows.back().maxQueueDepth >= 1);
    } else {
        QCOMPARE(g.rows.front().lane.name, std::string("main thread"));
    }
    // Each task's breakdown holds its cpu time.
    const auto breakdown = model.taskBreakdown(0, 0);
    QVERIFY(breakdown[static_cast<std::size_t>(StatePalette::styleIndex(State::Cpu))] > 0);
}

void TestTimelineModel::asyncSubLanesFollowTheirLoop()
{
    // Lanes in the order an async run with a bounded number in flight creates them.
    std::vector<Lane> lanes{lane(0, LaneKind::EventLoop, "event loop"), lane(1, LaneKind::Queue, "queue"),
                            lane(2, LaneKind::AsyncTask, "task slot 1", 0, 1),
                            lane(3, LaneKind::AsyncTask, "task slot 2", 0, 2)};
    RunResult run;
    run.experiment.strategy = StrategyKind::Async;
    run.experiment.workload = WorkloadKind::Io;
    run.trace = Trace(lanes, {span(10, 20, 2, 0, State::IoWait), span(0, 5, 0, 0)}, {}, {}, 0);
    TimelineModel model;
    model.addRun(run);
    const auto &rows = model.groups().front().rows;
    QCOMPARE(rows.size(), std::size_t{4});
    QCOMPARE(rows[0].lane.name, std::string("event loop"));
    QCOMPARE(rows[0].depth, 0);
    QCOMPARE(rows[1].lane.name, std::string("task slot 1"));
    QCOMPARE(rows[1].depth, 1);
    QCOMPARE(rows[2].lane.name, std::string("task slot 2"));
    QCOMPARE(rows[2].depth, 1);
    QCOMPARE(rows[3].lane.kind, LaneKind::Queue);
}

void TestTimelineModel::queueDepthCountsWaitingTasks()
{
    RunResult run;
    run.trace = Trace({lane(0, LaneKind::PoolThread, "thread 1"), lane(1, LaneKind::Queue, "queue")},
                      {span(0, 100, 1, 0, State::Queued), span(0, 50, 1, 1, State::Queued),
                       span(10, 30, 1, 2, State::Queued), span(100, 100, 1, 3, State::Queued)},
                      {}, {}, 0);
    TimelineModel model;
    model.addRun(run);
    const TimelineModel::Row &queue = model.groups().front().rows.back();
    QCOMPARE(queue.maxQueueDepth, 3);
    QVERIFY(!queue.endsSorted);
    std::vector<std::pair<std::int64_t, int>> steps;
    for (const auto &s : queue.queueDepth)
        steps.emplace_back(s.at, s.count);
    const std::vector<std::pair<std::int64_t, int>> expected{{0, 2}, {10, 3}, {30, 2}, {50, 1}, {100, 0}};
    QCOMPARE(steps, expected);
}

void TestTimelineModel::liveQueueCountsWaitsNotYetEnded()
{
    TimelineModel model;
    const int g = model.beginLive(QStringLiteral("threads, 1 worker"), 0, Experiment{});
    const std::vector<Lane> lanes{lane(0, LaneKind::PoolThread, "thread 1"),
                                  lane(1, LaneKind::Queue, "queue")};
    // Five tasks queued at 0; task 0 was picked up at 10, the other four still wait at 40.
    std::vector<Span> open;
    for (int task = 1; task < 5; ++task)
        open.push_back(span(0, 40, 1, task, State::Queued));
    model.updateLive(g, lanes, {span(0, 10, 1, 0, State::Queued), span(10, 40, 0, 0)}, {}, open);
    const auto queue = [&] { return model.groups().front().rows.back(); };
    QCOMPARE(queue().lane.kind, LaneKind::Queue);
    QCOMPARE(queue().maxQueueDepth, 5);
    QCOMPARE(queue().queueDepth.back().count, 0); // the open waits end "now", at 40
    QCOMPARE((queue().queueDepth.end() - 2)->count, 4);
    QCOMPARE(model.groups().front().end, std::int64_t{40});

    // Task 1 is picked up at 50: its wait is recorded and no longer open.
    open.erase(open.begin());
    for (Span &s : open)
        s.end = 60;
    model.updateLive(g, lanes, {span(0, 50, 1, 1, State::Queued)}, {}, open);
    QCOMPARE(queue().spans.size(), std::size_t{2});
    QCOMPARE(queue().open.size(), std::size_t{3});
    QCOMPARE((queue().queueDepth.end() - 2)->count, 3);

    // Nothing open any more (cancelled): the row shows only the two recorded waits.
    model.updateLive(g, lanes, {}, {}, {});
    QVERIFY(queue().open.empty());
    QCOMPARE(queue().maxQueueDepth, 2);
    QCOMPARE(queue().queueDepth.back().at, std::int64_t{50});
}

void TestTimelineModel::visibleMatchesBruteForce_data()
{
    QTest::addColumn<bool>("overlapping");
    QTest::addColumn<bool>("longFarLeft");
    QTest::addColumn<unsigned>("seed");
    QTest::newRow("back to back") << false << false << 1u;
    QTest::newRow("back to back, one long span far left") << false << true << 2u;
    QTest::newRow("overlapping") << true << false << 3u;
    QTest::newRow("overlapping, long spans far left") << true << true << 4u;
}

void TestTimelineModel::visibleMatchesBruteForce()
{
    QFETCH(bool, overlapping);
    QFETCH(bool, longFarLeft);
    QFETCH(unsigned, seed);
    std::mt19937 random(seed);
    const auto uniform = [&](std::int64_t lo, std::int64_t hi) {
        return std::uniform_int_distribution<std::int64_t>(lo, hi)(random);
    };
    constexpr std::int64_t Origin = 5'000'000;
    std::vector<Span> spans;
    std::int64_t t = Origin;
    if (longFarLeft)
        spans.push_back(span(Origin, Origin + 900'000, 0, 0, overlapping ? State::Queued : State::Idle));
    if (!longFarLeft || overlapping) {
        for (int i = 0; i < 2000; ++i) {
            const std::int64_t begin = overlapping ? Origin + uniform(0, 1'000'000) : t + uniform(0, 300);
            const bool longOne = overlapping && uniform(0, 20) == 0;
            const std::int64_t length = uniform(0, 1) == 0 ? 0 : uniform(1, longOne ? 400'000 : 500);
            spans.push_back(span(begin, begin + length, 0, i, overlapping ? State::Queued : State::Cpu));
            t = begin + length;
        }
    } else {
        // A long span, then short ones after it: the long one sits far to the left of them.
        t = Origin + 900'000;
        for (int i = 0; i < 2000; ++i) {
            const std::int64_t begin = t + uniform(0, 50);
            spans.push_back(span(begin, begin + uniform(0, 50), 0, i));
            t = spans.back().end;
        }
    }
    RunResult run;
    const LaneKind kind = overlapping ? LaneKind::Queue : LaneKind::PoolThread;
    run.trace = Trace({lane(0, kind, "lane")}, spans, {}, {}, Origin);
    run.experiment.workload = WorkloadKind::Io; // no derived rows: the lane is the only row
    TimelineModel model;
    model.addRun(run);
    const TimelineModel::Group &g = model.groups().front();
    const TimelineModel::Row &row = g.rows.front();
    QCOMPARE(row.endsSorted, !overlapping);

    const std::int64_t extent = std::max<std::int64_t>(t, Origin + 1'000'000) - Origin;
    for (int probe = 0; probe < 300; ++probe) {
        std::int64_t from = uniform(-1000, extent + 1000);
        std::int64_t to = from + (probe % 3 == 0 ? 0 : uniform(0, extent / (probe % 7 + 1)));
        const auto visible = TimelineModel::visible(g, row, static_cast<double>(from),
                                                    static_cast<double>(to));
        std::vector<const Span *> expected;
        for (const Span &s : row.spans)
            if (overlaps(s, Origin + from, Origin + to))
                expected.push_back(&s);
        std::vector<const Span *> got;
        for (const Span &s : visible)
            if (overlaps(s, Origin + from, Origin + to))
                got.push_back(&s);
        QCOMPARE(got, expected);
        if (row.endsSorted) // exact: nothing else in the range
            QCOMPARE(static_cast<std::size_t>(visible.size()), expected.size());
        if (!visible.empty()) { // tight: it starts and ends on overlapping spans
            QVERIFY(overlaps(visible.front(), Origin + from, Origin + to));
            QVERIFY(overlaps(visible.back(), Origin + from, Origin + to));
        }
    }
}

void TestTimelineModel::liveUpdatesAppendAndSort()
{
    TimelineModel model;
    QSignalSpy changed(&model, &TimelineModel::changed);
    Experiment experiment;
    experiment.strategy = StrategyKind::Threads;
    const int g = model.beginLive(QStringLiteral("threads, 2 workers"), 1000, experiment);
    QCOMPARE(g, 0);
    QVERIFY(model.groups().front().live);
    QCOMPARE(model.groups().front().rows.size(), std::size_t{1}); // the cores row, before any lane

    std::vector<Lane> lanes{lane(0, LaneKind::PoolThread, "thread 1"), lane(1, LaneKind::Queue, "queue")};
    model.updateLive(g, lanes, {span(1100, 1200, 0, 0), span(1000, 1100, 1, 0, State::Queued)}, {});
    QCOMPARE(model.spanCount(), std::size_t{2});
    // A second worker appears; a queued span begins before one already there.
    lanes.insert(lanes.begin() + 1, lane(2, LaneKind::PoolThread, "thread 2", -1, 1));
    model.updateLive(g, lanes,
                     {span(1300, 1350, 0, 2), span(1200, 1300, 0, 1), span(1000, 1200, 1, 1, State::Queued),
                      span(1050, 1500, 2, 3), span(1600, 1601, 7, 4, State::Failed)},
                     {"boom"});
    const TimelineModel::Group &group = model.groups().front();
    QCOMPARE(model.spanCount(), std::size_t{7});
    QCOMPARE(group.end, std::int64_t{1601});
    QCOMPARE(group.details, std::vector<std::string>{"boom"});
    QStringList names;
    for (const TimelineModel::Row &row : group.rows) {
        names << QString::fromStdString(row.lane.name);
        QVERIFY(std::is_sorted(row.spans.begin(), row.spans.end(),
                               [](const Span &a, const Span &b) { return a.begin < b.begin; }));
        for (const Span &s : row.spans)
            QVERIFY(row.longestNs >= s.duration());
    }
    // Workers in order, the span on a lane the snapshot lacked on a placeholder, the derived cores
    // row, queue last.
    QCOMPARE(names,
             QStringList({QStringLiteral("thread 1"), QStringLiteral("thread 2"), QStringLiteral("lane 8"),
                          QStringLiteral("cores"), QStringLiteral("queue")}));
    QCOMPARE(group.rows[0].spans.size(), std::size_t{3});
    QCOMPARE(group.rows.back().maxQueueDepth, 2);
    QVERIFY(group.styles & (1u << StatePalette::styleIndex(State::Failed)));
    QCOMPARE(changed.count(), 3);

    // The placeholder's lane arrives: its row moves to where the lane belongs.
    lanes.push_back(lane(7, LaneKind::PoolThread, "thread 0", -1, -1));
    model.updateLive(g, lanes, {}, {});
    QCOMPARE(model.groups().front().rows.front().lane.name, std::string("thread 0"));
    QCOMPARE(model.groups().front().rows.front().spans.size(), std::size_t{1});
    // Reasons arrive as the collector gets them and add to the ones the spans point to so far.
    model.updateLive(g, lanes, {span(1700, 1701, 0, 5, State::Failed)}, {"late"});
    QCOMPARE(model.groups().front().details, (std::vector<std::string>{"boom", "late"}));
}

void TestTimelineModel::finishLiveReplacesTheGroup()
{
    const RunResult run = runCpu(StrategyKind::Threads, 6);
    TimelineModel model;
    model.addRun(runCpu(StrategyKind::Sync, 2));
    const int g = model.beginLive(QStringLiteral("threads"), run.trace.origin(), run.experiment);
    model.updateLive(g, run.trace.lanes(), {run.trace.spans().front()}, {});
    model.finishLive(g, run);
    QCOMPARE(model.groups().size(), std::size_t{2});
    const TimelineModel::Group &group = model.groups()[1];
    QVERIFY(!group.live);
    QCOMPARE(group.title, QStringLiteral("threads, 5 workers"));
    QVERIFY(!group.subtitle.isEmpty());
    std::size_t spans = 0;
    for (const TimelineModel::Row &row : group.rows)
        spans += row.spans.size();
    QCOMPARE(spans, run.trace.spans().size());
}

void TestTimelineModel::subtitleAndIdeal()
{
    RunResult run;
    run.experiment.workload = WorkloadKind::Io;
    run.experiment.strategy = StrategyKind::Threads;
    run.experiment.tasks = 20;
    run.experiment.io.delayMs = 100;
    run.embeddedServer = true;
    run.wallNs = 412'300'000;
    QCOMPARE(idealNs(run), std::int64_t{400'000'000}); // ceil(20 / 5) * 100 ms
    QCOMPARE(TimelineModel::subtitleFor(run, 4.93),
             QStringLiteral("412.3 ms, 4.93\u00d7 sync (ideal 400.0 ms)"));
    run.experiment.strategy = StrategyKind::Sync;
    QCOMPARE(idealNs(run), std::int64_t{2'000'000'000});
    run.experiment.strategy = StrategyKind::Async;
    QCOMPARE(idealNs(run), std::int64_t{100'000'000});
    run.failed = 2;
    QCOMPARE(TimelineModel::subtitleFor(run, 0), QStringLiteral("412.3 ms (ideal 100.0 ms), 2 failed"));
}

QTEST_GUILESS_MAIN(TestTimelineModel)
#include "tst_timelinemodel.moc"
