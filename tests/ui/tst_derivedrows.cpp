#include "derivedrows.h"
#include "syntheticrun.h"
#include "timelinemodel.h"

#include <QTest>

#include <algorithm>
#include <random>

using namespace mtlab;

namespace {

using RowKind = TimelineModel::RowKind;

std::vector<std::pair<std::int64_t, int>> steps(const TimelineModel::Row &row)
{
    std::vector<std::pair<std::int64_t, int>> out;
    for (const CountStep &s : row.busy.steps())
        out.emplace_back(s.at, s.count);
    return out;
}

// How many lanes of the run compute at t, counted span by span.
int computingAt(const RunResult &run, std::int64_t t)
{
    int count = 0;
    for (const Span &s : run.trace.spans())
        count += s.state == State::Cpu && s.begin <= t && t < s.end;
    return count;
}

// Three threads whose cpu and lock-wait spans overlap in no regular pattern.
RunResult irregularRun()
{
    RunResult run = syntheticRun(StrategyKind::Threads, 3, 3, 1000);
    std::vector<Span> spans;
    std::mt19937 random(7);
    std::uniform_int_distribution<std::int64_t> length(1, 90);
    for (std::int32_t lane = 0; lane < 3; ++lane) {
        std::int64_t t = run.trace.origin() + lane * 13;
        for (int i = 0; i < 200; ++i) {
            const std::int64_t d = length(random);
            spans.push_back(Span{.begin = t,
                                 .end = t + d,
                                 .lane = lane,
                                 .task = lane,
                                 .state = i % 3 == lane ? State::LockWait : State::Cpu});
            t += d + (i % 5 == 0 ? 7 : 0); // now and then a gap
        }
    }
    run.trace = Trace(run.trace.lanes(), std::move(spans), {}, run.trace.tasks(), run.trace.origin());
    return run;
}

} // namespace

class TestDerivedRows : public QObject
{
    Q_OBJECT

private slots:
    void rowsFollowTheExperiment_data();
    void rowsFollowTheExperiment();
    void coresRowSteps();
    void coresRowMatchesACountAtEveryEdge();
    void liveCoresRowEqualsTheFinishedOne();
    void lockHolderSegments();
    void liveLockHolderSegmentsStaySorted();
};

void TestDerivedRows::rowsFollowTheExperiment_data()
{
    QTest::addColumn<int>("workload");
    QTest::addColumn<int>("strategy");
    QTest::addColumn<bool>("gil");
    QTest::addColumn<bool>("cores");
    QTest::addColumn<bool>("holder");
    QTest::newRow("cpu threads") << int(WorkloadKind::Cpu) << int(StrategyKind::Threads) << false << true
                                 << false;
    QTest::newRow("cpu threads gil") << int(WorkloadKind::Cpu) << int(StrategyKind::Threads) << true << true
                                     << true;
    // A lock per process, but one thread per process: nothing to hand over.
    QTest::newRow("cpu processes gil")
        << int(WorkloadKind::Cpu) << int(StrategyKind::Processes) << true << true << false;
    QTest::newRow("cpu sync") << int(WorkloadKind::Cpu) << int(StrategyKind::Sync) << false << true << false;
    QTest::newRow("io threads") << int(WorkloadKind::Io) << int(StrategyKind::Threads) << false << false
                                << false;
}

void TestDerivedRows::rowsFollowTheExperiment()
{
    QFETCH(int, workload);
    QFETCH(int, strategy);
    QFETCH(bool, gil);
    QFETCH(bool, cores);
    QFETCH(bool, holder);
    RunResult run = syntheticRun(StrategyKind(strategy), 2, 4, 100);
    run.experiment.workload = WorkloadKind(workload);
    run.experiment.gil = gil;
    run.cores = 2;
    TimelineModel model;
    model.addRun(run);
    const TimelineModel::Group &g = model.groups().front();
    QCOMPARE(DerivedRows::find(g, RowKind::Cores) != nullptr, cores);
    QCOMPARE(DerivedRows::find(g, RowKind::LockHolder) != nullptr, holder);
    QCOMPARE(g.cores, 2);
    QCOMPARE(model.spanCount(), run.trace.spans().size()); // derived rows add no spans
    // The lanes first, in order, then the derived rows.
    bool derived = false;
    for (const TimelineModel::Row &row : g.rows) {
        QVERIFY(!derived || row.kind != RowKind::Lane);
        derived = derived || row.kind != RowKind::Lane;
        QCOMPARE(row.depth, 0);
    }
}

void TestDerivedRows::coresRowSteps()
{
    // 7 tasks of 100 ns on 3 workers: three rounds of 3, 3 and 1 computing.
    const RunResult run = syntheticRun(StrategyKind::Threads, 3, 7, 100);
    TimelineModel model;
    model.addRun(run);
    const TimelineModel::Row *cores = DerivedRows::find(model.groups().front(), RowKind::Cores);
    QVERIFY(cores);
    const std::int64_t o = run.trace.origin();
    const std::vector<std::pair<std::int64_t, int>> expected{{o, 3}, {o + 200, 1}, {o + 300, 0}};
    QCOMPARE(steps(*cores), expected);
    QCOMPARE(cores->busy.max(), 3);
    QCOMPARE(cores->busy.at(o - 1), 0);
    QCOMPARE(cores->busy.at(o + 150), 3);
    QCOMPARE(cores->busy.at(o + 250), 1);
    QCOMPARE(cores->busy.at(o + 1000), 0);
}

void TestDerivedRows::coresRowMatchesACountAtEveryEdge()
{
    const RunResult run = irregularRun();
    TimelineModel model;
    model.addRun(run);
    const TimelineModel::Row *cores = DerivedRows::find(model.groups().front(), RowKind::Cores);
    QVERIFY(cores);
    for (const Span &s : run.trace.spans())
        for (const std::int64_t t : {s.begin - 1, s.begin, s.end - 1, s.end})
            QCOMPARE(cores->busy.at(t), computingAt(run, t));
    // Never more than the lanes that can compute, and a step only where the count changes.
    QCOMPARE(cores->busy.max(), 3);
    const auto &all = cores->busy.steps();
    for (std::size_t i = 1; i < all.size(); ++i) {
        QVERIFY(all[i].at > all[i - 1].at);
        QVERIFY(all[i].count != all[i - 1].count);
        QVERIFY(all[i].count <= 3);
    }
}

void TestDerivedRows::liveCoresRowEqualsTheFinishedOne()
{
    const RunResult run = irregularRun();
    TimelineModel finished;
    finished.addRun(run);
    // The same spans in batches that reach back in time, as a live run's do.
    std::vector<Span> spans = run.trace.spans();
    std::mt19937 random(3);
    std::shuffle(spans.begin(), spans.end(), random);
    std::sort(spans.begin(), spans.end(), [](const Span &a, const Span &b) { return a.end < b.end; });
    TimelineModel live;
    const int g = live.beginLive(QStringLiteral("threads"), run.trace.origin(), run.experiment);
    for (std::size_t from = 0; from < spans.size(); from += 37) {
        const auto to = std::min(spans.size(), from + 37);
        live.updateLive(g, run.trace.lanes(), std::vector<Span>(spans.begin() + from, spans.begin() + to),
                        {});
    }
    const TimelineModel::Row *a = DerivedRows::find(live.groups().front(), RowKind::Cores);
    const TimelineModel::Row *b = DerivedRows::find(finished.groups().front(), RowKind::Cores);
    QVERIFY(a && b);
    QCOMPARE(steps(*a), steps(*b));
    QCOMPARE(a->busy.max(), b->busy.max());
}

void TestDerivedRows::lockHolderSegments()
{
    const int threads = 5;
    const std::int64_t slice = 5'000;
    const RunResult run = syntheticGilRun(threads, 40, slice);
    TimelineModel model;
    model.addRun(run);
    const TimelineModel::Group &g = model.groups().front();
    const TimelineModel::Row *holder = DerivedRows::find(g, RowKind::LockHolder);
    QVERIFY(holder);
    QCOMPARE(holder->lane.name, std::string("GIL holder"));
    // One segment per slice, in order, each the thread whose turn it was, never two at once.
    QCOMPARE(holder->spans.size(), std::size_t{40});
    for (std::size_t k = 0; k < holder->spans.size(); ++k) {
        const Span &s = holder->spans[k];
        QCOMPARE(s.begin, run.trace.origin() + static_cast<std::int64_t>(k) * slice);
        QCOMPARE(s.end, s.begin + slice);
        QCOMPARE(s.lane, static_cast<std::int32_t>(k % threads));
        QCOMPARE(holder->keyOfLane[static_cast<std::size_t>(s.lane)], s.lane % DerivedRows::ThreadColours);
        if (k > 0)
            QVERIFY(s.begin >= holder->spans[k - 1].end);
    }
    QVERIFY(holder->endsSorted);
    QCOMPARE(holder->longestNs, slice);
    // One core busy at every moment of the run, and never two.
    const TimelineModel::Row *cores = DerivedRows::find(g, RowKind::Cores);
    const std::int64_t o = run.trace.origin();
    const std::vector<std::pair<std::int64_t, int>> expected{{o, 1}, {o + 40 * slice, 0}};
    QCOMPARE(steps(*cores), expected);
    // The copies are not counted as spans, nor in a task's breakdown.
    QCOMPARE(model.spanCount(), run.trace.spans().size());
    const auto breakdown = model.taskBreakdown(0, 0);
    QCOMPARE(breakdown[static_cast<std::size_t>(StatePalette::styleIndex(State::Cpu))], 8 * slice);
}

void TestDerivedRows::liveLockHolderSegmentsStaySorted()
{
    const RunResult run = syntheticGilRun(3, 30, 1000);
    std::vector<Span> spans = run.trace.spans();
    std::reverse(spans.begin(), spans.end()); // the worst order: every batch reaches back
    TimelineModel live;
    const int g = live.beginLive(QStringLiteral("threads"), run.trace.origin(), run.experiment);
    for (std::size_t from = 0; from < spans.size(); from += 10)
        live.updateLive(
            g, run.trace.lanes(),
            std::vector<Span>(spans.begin() + from, spans.begin() + std::min(spans.size(), from + 10)), {});
    const TimelineModel::Row *holder = DerivedRows::find(live.groups().front(), RowKind::LockHolder);
    QVERIFY(holder);
    QCOMPARE(holder->spans.size(), std::size_t{30});
    QVERIFY(std::is_sorted(holder->spans.begin(), holder->spans.end(),
                           [](const Span &a, const Span &b) { return a.begin < b.begin; }));
    for (const Span &s : holder->spans)
        QCOMPARE(s.state, State::Cpu);
    // What visible() finds in the row matches the spans, the longest one included.
    const auto shown = TimelineModel::visible(live.groups().front(), *holder, 0, 30'000);
    QCOMPARE(shown.size(), std::size_t{30});
}

QTEST_GUILESS_MAIN(TestDerivedRows)
#include "tst_derivedrows.moc"
