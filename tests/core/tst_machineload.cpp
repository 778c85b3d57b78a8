#include "machineload.h"
#include "runner.h"

#include <QTest>

using namespace mtlab;

// The busy-machine warning: the load average less the run's own threads, and a CPU run's time
// waiting for a core beyond what more threads than cores explains. Figures are made up.
class TestMachineLoad : public QObject
{
    Q_OBJECT

private slots:
    void parsesTheFirstField_data();
    void parsesTheFirstField();
    void readsThisMachine();
    void computingThreads_data();
    void computingThreads();
    void verdict_data();
    void verdict();
    void aRunCarriesItsLoad();
};

void TestMachineLoad::parsesTheFirstField_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("load");
    QTest::newRow("proc") << QStringLiteral("2.51 1.20 0.80 3/412 12345\n") << 2.51;
    QTest::newRow("idle") << QStringLiteral("0.00 0.01 0.05 1/100 7") << 0.0;
    QTest::newRow("empty") << QString() << -1.0;
    QTest::newRow("words") << QStringLiteral("busy 1 2") << -1.0;
    QTest::newRow("negative") << QStringLiteral("-1.0 0 0") << -1.0;
}

void TestMachineLoad::parsesTheFirstField()
{
    QFETCH(QString, text);
    QFETCH(double, load);
    QCOMPARE(parseLoadAverage(text.toStdString()), load);
}

void TestMachineLoad::readsThisMachine()
{
    // Linux has /proc/loadavg; the value is whatever the machine does now, but never negative.
    QVERIFY(readLoadAverage() >= 0.0);
}

void TestMachineLoad::computingThreads_data()
{
    QTest::addColumn<int>("workload");
    QTest::addColumn<int>("strategy");
    QTest::addColumn<int>("workers");
    QTest::addColumn<bool>("gil");
    QTest::addColumn<int>("threads");
    QTest::newRow("cpu sync") << int(WorkloadKind::Cpu) << int(StrategyKind::Sync) << 1 << false << 1;
    QTest::newRow("cpu threads") << int(WorkloadKind::Cpu) << int(StrategyKind::Threads) << 4 << false << 4;
    QTest::newRow("cpu threads, lock")
        << int(WorkloadKind::Cpu) << int(StrategyKind::Threads) << 4 << true << 1;
    QTest::newRow("cpu processes") << int(WorkloadKind::Cpu) << int(StrategyKind::Processes) << 3 << true
                                   << 3;
    QTest::newRow("cpu async") << int(WorkloadKind::Cpu) << int(StrategyKind::Async) << 1 << false << 1;
    QTest::newRow("more workers than tasks")
        << int(WorkloadKind::Cpu) << int(StrategyKind::Threads) << 50 << false << 20;
    QTest::newRow("downloads") << int(WorkloadKind::Io) << int(StrategyKind::Threads) << 10 << false << 0;
}

void TestMachineLoad::computingThreads()
{
    QFETCH(int, workload);
    QFETCH(int, strategy);
    QFETCH(int, workers);
    QFETCH(bool, gil);
    QFETCH(int, threads);
    Experiment e;
    e.workload = WorkloadKind(workload);
    e.strategy = StrategyKind(strategy);
    e.workers = workers;
    e.gil = gil;
    e.tasks = 20;
    QCOMPARE(mtlab::computingThreads(e), threads);
}

void TestMachineLoad::verdict_data()
{
    constexpr qint64 Ms = 1'000'000;
    QTest::addColumn<double>("before");
    QTest::addColumn<double>("after");
    QTest::addColumn<int>("cores");
    QTest::addColumn<int>("threads");
    QTest::addColumn<qint64>("cpuNs");
    QTest::addColumn<qint64>("readyNs");
    QTest::addColumn<bool>("byLoad");
    QTest::addColumn<bool>("byReady");
    // 4 cores throughout.
    QTest::newRow("idle machine") << 0.1 << 0.3 << 4 << 1 << 1000 * Ms << 5 * Ms << false << false;
    QTest::newRow("the run's own threads") << 0.2 << 4.0 << 4 << 4 << 1000 * Ms << 20 * Ms << false << false;
    QTest::newRow("a batch's previous run") << 3.9 << 4.0 << 4 << 4 << 1000 * Ms << 0 * Ms << false << false;
    QTest::newRow("another program") << 3.0 << 5.5 << 4 << 4 << 1000 * Ms << 0 * Ms << true << false;
    QTest::newRow("downloads on a loaded machine")
        << 5.0 << 5.0 << 4 << 0 << 0 * Ms << 0 * Ms << true << false;
    QTest::newRow("downloads, some load") << 2.0 << 2.0 << 4 << 0 << 0 * Ms << 0 * Ms << false << false;
    QTest::newRow("unknown load") << -1.0 << -1.0 << 4 << 2 << 1000 * Ms << 0 * Ms << false << false;
    QTest::newRow("waited for a core") << 0.1 << 0.1 << 4 << 2 << 600 * Ms << 400 * Ms << false << true;
    // 8 threads on 4 cores wait half their time: expected.
    QTest::newRow("more threads than cores")
        << 0.1 << 0.1 << 4 << 8 << 500 * Ms << 500 * Ms << false << false;
    QTest::newRow("more than oversubscription explains")
        << 0.1 << 0.1 << 4 << 8 << 300 * Ms << 700 * Ms << false << true;
}

void TestMachineLoad::verdict()
{
    QFETCH(double, before);
    QFETCH(double, after);
    QFETCH(int, cores);
    QFETCH(int, threads);
    QFETCH(qint64, cpuNs);
    QFETCH(qint64, readyNs);
    QFETCH(bool, byLoad);
    QFETCH(bool, byReady);
    const BusyVerdict verdict = judgeLoad(LoadFigures{.load = {.before = before, .after = after},
                                                      .cores = cores,
                                                      .threads = threads,
                                                      .cpuNs = cpuNs,
                                                      .readyNs = readyNs});
    QCOMPARE(verdict.byLoad, byLoad);
    QCOMPARE(verdict.byReady, byReady);
    QCOMPARE(verdict.busy(), byLoad || byReady);
}

void TestMachineLoad::aRunCarriesItsLoad()
{
    Experiment e;
    e.strategy = StrategyKind::Threads;
    e.workers = 2;
    e.tasks = 4;
    e.n = 100'000;
    const RunResult run = Runner(e).run();
    QVERIFY(run.load.before >= 0.0);
    QVERIFY(run.load.after >= 0.0);
    const LoadFigures figures = loadFigures(run);
    QCOMPARE(figures.threads, 2);
    QCOMPARE(figures.cores, run.cores);
    QVERIFY(figures.cpuNs > 0);
}

QTEST_GUILESS_MAIN(TestMachineLoad)
#include "tst_machineload.moc"
