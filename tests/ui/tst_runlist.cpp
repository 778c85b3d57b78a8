#include "numbertext.h"
#include "runlist.h"
#include "syntheticrun.h"

#include <QSignalSpy>
#include <QTest>

using namespace mtlab;

// The run list without a window: every run kept, pinned runs kept across batches, any subset in
// any order compared, repeats gathered in one row with their median and spread, the busy warning.
// Runs are made up, so every wall time is known.
class TestRunList : public QObject
{
    Q_OBJECT

private slots:
    void keepsEveryRun();
    void aNewBatchKeepsOnlyThePinnedRunsShown();
    void aJoiningRunKeepsTheComparison();
    void anyTwoInAnyOrder();
    void speedupOverSyncOrTheFirstRun_data();
    void speedupOverSyncOrTheFirstRun();
    void repeatsMakeOneRowWithMedianAndSpread();
    void unpinnedHistoryIsCapped();
    void renameShowsInTheComparison();
    void removeAndClearUnpinned();
    void busyRunsAreMarked();
};

namespace {

constexpr std::int64_t Ms = 1'000'000;

std::shared_ptr<const RunResult> run(StrategyKind strategy, int workers, std::int64_t wallMs,
                                     bool gil = false)
{
    RunResult r = syntheticRun(strategy, workers, workers, wallMs * Ms);
    r.experiment.gil = gil;
    r.experiment.tasks = 4; // the same work, whatever the workers
    r.wallNs = wallMs * Ms;
    return std::make_shared<const RunResult>(std::move(r));
}

QStringList shownNames(const RunList &list)
{
    QStringList names;
    for (const RunList::Shown &shown : list.shown())
        names << shown.name;
    return names;
}

} // namespace

void TestRunList::keepsEveryRun()
{
    RunList list;
    QSignalSpy shownChanged(&list, &RunList::shownChanged);
    list.beginBatch(false, false);
    list.addRun(run(StrategyKind::Sync, 1, 800), 0, QTime(9, 5, 7));
    list.addRun(run(StrategyKind::Threads, 4, 200), 1, QTime(9, 5, 8));
    QCOMPARE(list.rowCount(), 2);
    QCOMPARE(list.columnCount(), int(RunList::ColumnCount));
    QCOMPARE(shownChanged.size(), 2);
    QCOMPARE(list.data(list.index(1, RunList::NameColumn)).toString(), QStringLiteral("threads, 4 workers"));
    QCOMPARE(list.data(list.index(1, RunList::WallColumn)).toString(), durationText(200.0 * Ms));
    QCOMPARE(list.data(list.index(1, RunList::SpeedupColumn)).toString(), QStringLiteral("4×"));
    QCOMPARE(list.data(list.index(1, RunList::TimeColumn)).toString(), QStringLiteral("09:05"));
    QVERIFY(list.data(list.index(1, 0), Qt::ToolTipRole).toString().contains(QLatin1String("09:05:08")));
    QCOMPARE(list.data(list.index(0, RunList::NameColumn), Qt::CheckStateRole).value<Qt::CheckState>(),
             Qt::Checked);
    QCOMPARE(shownNames(list),
             (QStringList{QStringLiteral("sync, 1 worker"), QStringLiteral("threads, 4 workers")}));
}

void TestRunList::aNewBatchKeepsOnlyThePinnedRunsShown()
{
    RunList list;
    list.beginBatch(false, false);
    list.addRun(run(StrategyKind::Threads, 4, 900, true), 0);
    list.addRun(run(StrategyKind::Sync, 1, 800), 1);
    list.setPinned(0, true);
    list.beginBatch(false, false);
    list.addRun(run(StrategyKind::Threads, 4, 250), 0);
    // All three are kept; the unpinned sync run left the comparison, the pinned one stayed.
    QCOMPARE(list.rowCount(), 3);
    QCOMPARE(shownNames(list),
             (QStringList{QStringLiteral("threads, 4 workers, interpreter lock"),
                          QStringLiteral("threads, 4 workers")}));
    QVERIFY(list.data(list.index(0, 0), Qt::FontRole).value<QFont>().bold());
}

void TestRunList::aJoiningRunKeepsTheComparison()
{
    RunList list;
    list.beginBatch(false, false);
    list.addRun(run(StrategyKind::Sync, 1, 800), 0);
    list.beginBatch(true, false);
    list.addRun(run(StrategyKind::Threads, 4, 200), 0);
    QCOMPARE(list.shown().size(), std::size_t(2));
}

void TestRunList::anyTwoInAnyOrder()
{
    RunList list;
    list.beginBatch(false, false);
    list.addRun(run(StrategyKind::Sync, 1, 800), 0);
    list.addRun(run(StrategyKind::Threads, 4, 200), 1);
    list.addRun(run(StrategyKind::Processes, 4, 210), 2);
    QSignalSpy shownChanged(&list, &RunList::shownChanged);
    QVERIFY(list.setData(list.index(0, RunList::NameColumn), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(shownChanged.size(), 1);
    QCOMPARE(shownNames(list),
             (QStringList{QStringLiteral("threads, 4 workers"), QStringLiteral("processes, 4 workers")}));
    // Processes first: moved up one place.
    QVERIFY(list.move(2, -1));
    QCOMPARE(shownNames(list),
             (QStringList{QStringLiteral("processes, 4 workers"), QStringLiteral("threads, 4 workers")}));
    QVERIFY(list.move(1, +1));
    QCOMPARE(shownNames(list),
             (QStringList{QStringLiteral("threads, 4 workers"), QStringLiteral("processes, 4 workers")}));
    QVERIFY(!list.move(0, -1));
    QVERIFY(!list.move(2, +1));
    QCOMPARE(list.rowCount(), 3);
}

void TestRunList::speedupOverSyncOrTheFirstRun_data()
{
    QTest::addColumn<bool>("syncEarlier"); // a sync run of the same work in an earlier batch
    QTest::addColumn<bool>("syncInBatch");
    QTest::addColumn<double>("speedup"); // of the batch's last run, 200 ms
    QTest::newRow("sync in the batch") << false << true << 2.0;
    QTest::newRow("sync earlier") << true << false << 4.0;
    QTest::newRow("the batch's own sync wins") << true << true << 2.0;
    QTest::newRow("the batch's first run") << false << false << 1.5;
}

void TestRunList::speedupOverSyncOrTheFirstRun()
{
    QFETCH(bool, syncEarlier);
    QFETCH(bool, syncInBatch);
    QFETCH(double, speedup);
    RunList list;
    if (syncEarlier) {
        list.beginBatch(false, false);
        list.addRun(run(StrategyKind::Sync, 1, 800), 0);
    }
    list.beginBatch(false, false);
    if (syncInBatch)
        list.addRun(run(StrategyKind::Sync, 1, 400), 0);
    else
        list.addRun(run(StrategyKind::Threads, 4, 300, true), 0);
    list.addRun(run(StrategyKind::Threads, 4, 200), 1);
    QCOMPARE(list.entry(list.rowCount() - 1).speedup, speedup);
}

void TestRunList::repeatsMakeOneRowWithMedianAndSpread()
{
    RunList list;
    list.beginBatch(false, false);
    QSignalSpy shownChanged(&list, &RunList::shownChanged);
    for (const std::int64_t ms : {1810, 1700, 1730, 1750, 1720})
        list.addRun(run(StrategyKind::Threads, 4, ms), 0);
    list.addRun(run(StrategyKind::Sync, 1, 3460), 1);
    QCOMPARE(shownChanged.size(), 6); // each repeat updates the comparison
    QCOMPARE(list.rowCount(), 2);
    const RunList::Entry &entry = list.entry(0);
    QCOMPARE(entry.runs.size(), std::size_t(5));
    QCOMPARE(entry.median().wallNs, 1730 * Ms);
    QCOMPARE(entry.minNs(), 1700 * Ms);
    QCOMPARE(entry.maxNs(), 1810 * Ms);
    QCOMPARE(entry.speedup, 2.0);
    const QString spread = QStringLiteral("1.700–1.810 s, 5 runs");
    QCOMPARE(RunList::spreadText(entry), spread);
    QCOMPARE(RunList::wallText(entry), QStringLiteral("1.730 s (%1)").arg(spread));
    QCOMPARE(list.data(list.index(0, RunList::WallColumn)).toString(), QStringLiteral("1.730 s"));
    QVERIFY(list.data(list.index(0, 0), Qt::ToolTipRole).toString().contains(spread));
    QCOMPARE(list.data(list.index(0, RunList::NameColumn)).toString(),
             QStringLiteral("threads, 4 workers ×5"));
    QCOMPARE(list.shown().front().run->wallNs, 1730 * Ms);
    QCOMPARE(list.shown().front().spread, spread);
    // An even count shows the lower middle run, a real one.
    list.addRun(run(StrategyKind::Threads, 4, 1600), 0);
    QCOMPARE(list.entry(0).median().wallNs, 1720 * Ms);
}

void TestRunList::unpinnedHistoryIsCapped()
{
    RunList list;
    list.beginBatch(false, false);
    list.addRun(run(StrategyKind::Sync, 1, 999), 0);
    list.setPinned(0, true);
    for (int i = 0; i < RunList::UnpinnedCap + 10; ++i) {
        list.beginBatch(false, false);
        list.addRun(run(StrategyKind::Threads, 4, 100 + i), 0);
    }
    QCOMPARE(list.rowCount(), RunList::UnpinnedCap + 1);
    QVERIFY(list.entry(0).pinned);
    // The ten oldest unpinned runs went first.
    QCOMPARE(list.entry(1).median().wallNs, 110 * Ms);
    QCOMPARE(list.entry(list.rowCount() - 1).median().wallNs, (100 + RunList::UnpinnedCap + 9) * Ms);
}

void TestRunList::renameShowsInTheComparison()
{
    RunList list;
    list.beginBatch(false, false);
    list.addRun(run(StrategyKind::Threads, 4, 200), 0);
    QSignalSpy shownChanged(&list, &RunList::shownChanged);
    QVERIFY(list.flags(list.index(0, RunList::NameColumn)) & Qt::ItemIsEditable);
    QVERIFY(list.setData(list.index(0, RunList::NameColumn), QStringLiteral("  session reused  ")));
    QCOMPARE(shownNames(list), QStringList{QStringLiteral("session reused")});
    QCOMPARE(shownChanged.size(), 1);
    // An empty name keeps the old one.
    list.rename(0, QStringLiteral("   "));
    QCOMPARE(list.entry(0).name, QStringLiteral("session reused"));
    QCOMPARE(list.data(list.index(0, RunList::NameColumn), Qt::EditRole).toString(),
             QStringLiteral("session reused"));
}

void TestRunList::removeAndClearUnpinned()
{
    RunList list;
    list.beginBatch(false, false);
    for (int i = 0; i < 4; ++i)
        list.addRun(run(StrategyKind::Threads, i + 1, 100 * (i + 1)), i);
    list.setPinned(2, true);
    list.remove(0);
    QCOMPARE(list.rowCount(), 3);
    QCOMPARE(list.entry(0).median().wallNs, 200 * Ms);
    list.clearUnpinned();
    QCOMPARE(list.rowCount(), 1);
    QVERIFY(list.entry(0).pinned);
    QCOMPARE(list.entry(0).median().wallNs, 300 * Ms);
}

void TestRunList::busyRunsAreMarked()
{
    RunList list;
    list.beginBatch(false, false);
    list.addRun(run(StrategyKind::Threads, 2, 200), 0);
    RunResult busy = syntheticRun(StrategyKind::Threads, 2, 2, 200 * Ms);
    busy.cores = 2;
    busy.load = MachineLoad{.before = 6.0, .after = 7.0}; // other programs kept the cores busy
    list.addRun(std::make_shared<const RunResult>(std::move(busy)), 1);
    QVERIFY(!list.entry(0).busy);
    QVERIFY(list.entry(1).busy);
    QVERIFY(list.data(list.index(0, RunList::WallColumn), Qt::DecorationRole).isNull());
    QVERIFY(!list.data(list.index(1, RunList::WallColumn), Qt::DecorationRole).isNull());
    QVERIFY(list.data(list.index(1, 0), Qt::ToolTipRole).toString().contains(QLatin1String("busy")));
}

QTEST_MAIN(TestRunList)
#include "tst_runlist.moc"
