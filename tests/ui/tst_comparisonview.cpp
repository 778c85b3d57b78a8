#include "comparison.h"
#include "numbertext.h"
#include "comparisonview.h"
#include "strategycolor.h"
#include "sweepchart.h"
#include "syntheticrun.h"
#include "timelinemodel.h"
#include "timelinerenderer.h"
#include "timelineview.h"
#include "walltimechart.h"

#include <QBarSet>
#include <QHorizontalStackedBarSeries>
#include <QLineSeries>
#include <QTest>

using namespace mtlab;

// The comparison: four strategies stacked with their speedups, the bar chart of wall times, and a
// sweep's speedup line. Runs are made up, so every number is known exactly.
class TestComparisonView : public QObject
{
    Q_OBJECT

private slots:
    void fourRunsMakeFourGroupsInOrder();
    void subtitlesSayTimeSpeedupAndIdeal_data();
    void subtitlesSayTimeSpeedupAndIdeal();
    void aLateSyncRunFillsInTheSpeedups();
    void barChartHasOneBarPerRun();
    void barsTellTheLockedThreadsApart();
    void sweepAddsPoints();
    void switchingModeStartsOver();
    void clearEmptiesEverything();
    void showsExactlyThePickedRunsInOrder();
    void pickedSweepRunsStayASweep();

private:
    static void addFour(ComparisonView &view);
};

constexpr std::int64_t Ms = 1'000'000;

// 8 CPU tasks of 100 ms: sync 800 ms, threads (4) 200 ms, async (all at once) 100 ms, processes
// (8) 100 ms.
void TestComparisonView::addFour(ComparisonView &view)
{
    view.addRun(syntheticRun(StrategyKind::Sync, 1, 8, 100 * Ms));
    view.addRun(syntheticRun(StrategyKind::Threads, 4, 8, 100 * Ms));
    view.addRun(syntheticRun(StrategyKind::Async, 1, 8, 100 * Ms));
    view.addRun(syntheticRun(StrategyKind::Processes, 8, 8, 100 * Ms));
}

void TestComparisonView::fourRunsMakeFourGroupsInOrder()
{
    ComparisonView view;
    addFour(view);
    const auto &groups = view.model()->groups();
    QCOMPARE(groups.size(), std::size_t(4));
    const QStringList titles{QStringLiteral("sync"), QStringLiteral("threads"), QStringLiteral("async"),
                             QStringLiteral("processes")};
    for (std::size_t i = 0; i < groups.size(); ++i) {
        QVERIFY2(groups[i].title.startsWith(titles[qsizetype(i)]), qPrintable(groups[i].title));
        QVERIFY(!groups[i].live);
    }
    QCOMPARE(view.timeline()->model(), view.model());
}

void TestComparisonView::subtitlesSayTimeSpeedupAndIdeal_data()
{
    QTest::addColumn<int>("group");
    QTest::addColumn<QString>("wallTime");
    QTest::addColumn<QString>("speedup");
    QTest::newRow("sync") << 0 << durationText(800.0 * Ms) << QStringLiteral("the baseline");
    QTest::newRow("threads") << 1 << durationText(200.0 * Ms) << QStringLiteral("4× faster than sync");
    QTest::newRow("async") << 2 << durationText(100.0 * Ms) << QStringLiteral("8× faster than sync");
    QTest::newRow("processes") << 3 << durationText(100.0 * Ms) << QStringLiteral("8× faster than sync");
}

void TestComparisonView::subtitlesSayTimeSpeedupAndIdeal()
{
    QFETCH(int, group);
    QFETCH(QString, wallTime);
    QFETCH(QString, speedup);
    ComparisonView view;
    addFour(view);
    const TimelineModel::Group &g = view.model()->groups()[std::size_t(group)];
    QVERIFY2(g.subtitle.startsWith(wallTime + QStringLiteral(" · ")), qPrintable(g.subtitle));
    QVERIFY2(g.subtitle.contains(speedup), qPrintable(g.subtitle));
    if (g.idealNs > 0)
        QVERIFY2(g.subtitle.contains(QStringLiteral("ideal ") + durationText(double(g.idealNs))),
                 qPrintable(g.subtitle));
    QCOMPARE(view.comparison().entries()[std::size_t(group)].idealNs, g.idealNs);
}

// The runs of a sweep or a reordered `all` may reach the view before the sync run.
void TestComparisonView::aLateSyncRunFillsInTheSpeedups()
{
    ComparisonView view;
    view.addRun(syntheticRun(StrategyKind::Threads, 4, 8, 100 * Ms));
    QVERIFY(!view.model()->groups()[0].subtitle.contains(QStringLiteral("faster")));
    view.addRun(syntheticRun(StrategyKind::Sync, 1, 8, 100 * Ms));
    QVERIFY2(view.model()->groups()[0].subtitle.contains(QStringLiteral("4× faster than sync")),
             qPrintable(view.model()->groups()[0].subtitle));
    QVERIFY(view.model()->groups()[1].subtitle.contains(QStringLiteral("the baseline")));
    QCOMPARE(view.comparison().entries()[0].speedup, 4.0);
}

void TestComparisonView::barChartHasOneBarPerRun()
{
    ComparisonView view;
    addFour(view);
    const QList<QBarSet *> sets = view.wallTimeChart()->series()->barSets();
    QCOMPARE(sets.size(), 4);
    const double seconds[] = {0.8, 0.2, 0.1, 0.1};
    const StrategyKind strategies[] = {StrategyKind::Sync, StrategyKind::Threads, StrategyKind::Async,
                                       StrategyKind::Processes};
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(sets[i]->count(), 4);
        // Each run's set is its own bar: its value at its own category (counted bottom-up, so the
        // first run is on top as in the timeline), nothing elsewhere.
        for (int j = 0; j < 4; ++j)
            QCOMPARE(sets[i]->at(j), j == 3 - i ? seconds[i] : 0.0);
        QCOMPARE(sets[i]->color(), strategyColor(strategies[i]));
    }
}

void TestComparisonView::barsTellTheLockedThreadsApart()
{
    ComparisonView view;
    RunResult locked = syntheticRun(StrategyKind::Threads, 5, 8, 100 * Ms);
    locked.experiment.gil = true;
    view.addRun(locked);
    view.addRun(syntheticRun(StrategyKind::Threads, 5, 8, 100 * Ms));
    const QStringList categories = view.wallTimeChart()->categories();
    QCOMPARE(categories.size(), 2);
    // Bottom-up: the first run is the last category.
    QVERIFY2(categories[1].contains(QStringLiteral("threads + lock")), qPrintable(categories[1]));
    QVERIFY2(!categories[0].contains(QStringLiteral("lock")), qPrintable(categories[0]));
}

void TestComparisonView::sweepAddsPoints()
{
    ComparisonView view;
    // 12 I/O tasks of 100 ms on 1, 2, 3 and 4 threads: 1.2 s, 600 ms, 400 ms, 300 ms.
    for (int workers = 1; workers <= 4; ++workers) {
        view.addSweepRun(
            syntheticRun(StrategyKind::Threads, workers, 12, 100 * Ms, State::IoWait, WorkloadKind::Io));
        QCOMPARE(view.sweepChart()->measured()->count(), workers);
    }
    const QList<QPointF> points = view.sweepChart()->measured()->points();
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(points[i].x(), double(i + 1));
        QCOMPARE(points[i].y(), double(i + 1));
    }
    // I/O's ideal: speedup = workers.
    QCOMPARE(view.sweepChart()->ideal()->count(), 4);
    QCOMPARE(view.sweepChart()->ideal()->at(3), QPointF(4, 4));
    QCOMPARE(view.model()->groups().size(), std::size_t(4));
    QVERIFY(view.model()->groups()[3].subtitle.contains(QStringLiteral("4× faster than 1 worker")));
}

void TestComparisonView::switchingModeStartsOver()
{
    ComparisonView view;
    addFour(view);
    view.addSweepRun(syntheticRun(StrategyKind::Processes, 1, 8, 100 * Ms));
    QCOMPARE(view.model()->groups().size(), std::size_t(1));
    QCOMPARE(view.comparison().mode(), Comparison::Mode::Sweep);
    view.addRun(syntheticRun(StrategyKind::Sync, 1, 8, 100 * Ms));
    QCOMPARE(view.model()->groups().size(), std::size_t(1));
    QCOMPARE(view.wallTimeChart()->series()->barSets().size(), 1);
}

void TestComparisonView::clearEmptiesEverything()
{
    ComparisonView view;
    addFour(view);
    view.clear();
    QVERIFY(view.model()->groups().empty());
    QVERIFY(view.comparison().entries().empty());
    QCOMPARE(view.wallTimeChart()->series()->barSets().size(), 0);
}

// The run list's choice: two runs without sync (the interpreter lock on, then off), the first
// renamed and repeated; the first is the baseline, named as the list names it.
void TestComparisonView::showsExactlyThePickedRunsInOrder()
{
    ComparisonView view;
    addFour(view);
    RunResult locked = syntheticRun(StrategyKind::Threads, 4, 8, 400 * Ms);
    locked.experiment.gil = true;
    const QString spread = QStringLiteral("390 ms–420 ms, 3 runs");
    view.showRuns({RunList::Shown{.run = std::make_shared<const RunResult>(locked),
                                  .name = QStringLiteral("GIL on"),
                                  .spread = spread,
                                  .sweep = false,
                                  .batch = 0,
                                  .repeats = 3},
                   RunList::Shown{.run = std::make_shared<const RunResult>(
                                      syntheticRun(StrategyKind::Threads, 4, 8, 100 * Ms)),
                                  .name = QStringLiteral("threads, 4 workers"),
                                  .spread = {},
                                  .sweep = false,
                                  .batch = 0,
                                  .repeats = 1}});
    const auto &groups = view.model()->groups();
    QCOMPARE(groups.size(), std::size_t(2));
    QCOMPARE(groups[0].title, QStringLiteral("GIL on"));
    QCOMPARE(groups[1].title, QStringLiteral("threads, 4 workers"));
    QVERIFY2(groups[0].subtitle.startsWith(durationText(800.0 * Ms) + QStringLiteral(" (") + spread +
                                           QLatin1Char(')')),
             qPrintable(groups[0].subtitle));
    QVERIFY2(groups[0].subtitle.contains(QStringLiteral("the baseline")), qPrintable(groups[0].subtitle));
    QVERIFY2(groups[1].subtitle.contains(QStringLiteral("4× faster than GIL on")),
             qPrintable(groups[1].subtitle));
    const QStringList categories = view.wallTimeChart()->categories();
    QCOMPARE(categories.size(), 2);
    QVERIFY2(categories[1].contains(QStringLiteral("GIL on")), qPrintable(categories[1]));
    QVERIFY2(categories[1].contains(QStringLiteral("median of 3")), qPrintable(categories[1]));
    // A run alone is nobody's baseline.
    view.showRuns({RunList::Shown{.run = std::make_shared<const RunResult>(locked),
                                  .name = QStringLiteral("GIL on"),
                                  .spread = {},
                                  .sweep = false,
                                  .batch = 0,
                                  .repeats = 1}});
    QVERIFY2(!view.model()->groups()[0].subtitle.contains(QStringLiteral("baseline")),
             qPrintable(view.model()->groups()[0].subtitle));
    // Nothing picked, nothing shown.
    view.showRuns({});
    QVERIFY(view.model()->groups().empty());
}

void TestComparisonView::pickedSweepRunsStayASweep()
{
    ComparisonView view;
    std::vector<RunList::Shown> runs;
    for (int workers = 1; workers <= 3; ++workers)
        runs.push_back(RunList::Shown{
            .run = std::make_shared<const RunResult>(
                syntheticRun(StrategyKind::Threads, workers, 12, 100 * Ms, State::IoWait, WorkloadKind::Io)),
            .name = QStringLiteral("threads"),
            .spread = {},
            .sweep = true,
            .batch = 7,
            .repeats = 1});
    view.showRuns(runs);
    QCOMPARE(view.comparison().mode(), Comparison::Mode::Sweep);
    QCOMPARE(view.sweepChart()->measured()->count(), 3);
    // A run of another batch beside them makes it a plain comparison.
    runs.push_back(RunList::Shown{
        .run = std::make_shared<const RunResult>(syntheticRun(StrategyKind::Sync, 1, 12, 100 * Ms)),
        .name = QStringLiteral("sync, 1 worker"),
        .spread = {},
        .sweep = false,
        .batch = 8,
        .repeats = 1});
    view.showRuns(runs);
    QCOMPARE(view.comparison().mode(), Comparison::Mode::Strategies);
    QCOMPARE(view.wallTimeChart()->series()->barSets().size(), 4);
}

QTEST_MAIN(TestComparisonView)
#include "tst_comparisonview.moc"
