#include "idealtime.h"
#include "runner.h"

#include <QTest>

using namespace mtlab;

Q_DECLARE_METATYPE(mtlab::StrategyKind)

class TestIdealTime : public QObject
{
    Q_OBJECT

private slots:
    void embeddedServer_data();
    void embeddedServer();
    void tlsSetUpIsPaidPerConnection_data();
    void tlsSetUpIsPaidPerConnection();
    void starvedLoop_data();
    void starvedLoop();
    void otherServerUsesTheMeasuredTaskTime();
    void processesAddTheirStartUp();
    void cpuFromTheTasksCpuTime_data();
    void cpuFromTheTasksCpuTime();
};

namespace {
constexpr std::int64_t Ms = 1'000'000;

// 100 downloads from the embedded server, which thinks 100 ms per request.
RunResult embeddedRun(StrategyKind strategy, int workers)
{
    RunResult run;
    run.embeddedServer = true;
    run.experiment.workload = WorkloadKind::Io;
    run.experiment.strategy = strategy;
    run.experiment.tasks = 100;
    run.experiment.workers = workers;
    run.experiment.io.delayMs = 100;
    return run;
}

} // namespace

void TestIdealTime::embeddedServer_data()
{
    QTest::addColumn<StrategyKind>("strategy");
    QTest::addColumn<int>("workers");
    QTest::addColumn<int>("maxInFlight");
    QTest::addColumn<qint64>("idealMs");
    QTest::addColumn<QString>("formula");
    QTest::newRow("sync: N x d") << StrategyKind::Sync << 0 << 0 << qint64(10'000)
                                 << QStringLiteral("100 downloads × 0.1 s = 10 s");
    QTest::newRow("threads: ceil(N/W) x d") << StrategyKind::Threads << 5 << 0 << qint64(2'000)
                                            << QStringLiteral("100 downloads × 0.1 s ÷ 5 threads = 2 s");
    QTest::newRow("threads, W not dividing N")
        << StrategyKind::Threads << 3 << 0 << qint64(3'400)
        << QStringLiteral("100 downloads ÷ 3 threads = 34 rounds × 0.1 s = 3.4 s");
    QTest::newRow("async: one d") << StrategyKind::Async << 0 << 0 << qint64(100)
                                  << QStringLiteral("one wait of 0.1 s (all 100 at once)");
    QTest::newRow("async, K in flight: ceil(N/K) x d")
        << StrategyKind::Async << 0 << 30 << qint64(400)
        << QStringLiteral("100 downloads ÷ 30 at a time = 4 rounds × 0.1 s = 0.4 s");
}

void TestIdealTime::embeddedServer()
{
    QFETCH(StrategyKind, strategy);
    QFETCH(int, workers);
    QFETCH(int, maxInFlight);
    QFETCH(qint64, idealMs);
    QFETCH(QString, formula);
    RunResult run = embeddedRun(strategy, workers);
    run.experiment.io.maxInFlight = maxInFlight;
    QCOMPARE(idealNs(run), idealMs * Ms);
    QCOMPARE(QString::fromStdString(idealFormula(run)), formula);
}

void TestIdealTime::tlsSetUpIsPaidPerConnection_data()
{
    QTest::addColumn<StrategyKind>("strategy");
    QTest::addColumn<bool>("reuse");
    QTest::addColumn<qint64>("idealMs");
    QTest::addColumn<QString>("formula");
    QTest::newRow("sync, a session: s + N x d")
        << StrategyKind::Sync << true << qint64(10'050)
        << QStringLiteral("100 downloads × 0.1 s + 0.05 s for the first connections' TLS set-up = 10 s");
    QTest::newRow("sync, no reuse: N x (s + d)")
        << StrategyKind::Sync << false << qint64(15'000)
        << QStringLiteral("100 downloads × 0.15 s (answer and TLS set-up) = 15 s");
    QTest::newRow("threads, a session each: s + ceil(N/W) x d")
        << StrategyKind::Threads << true << qint64(2'050)
        << QStringLiteral(
               "100 downloads × 0.1 s ÷ 5 threads + 0.05 s for the first connections' TLS set-up = 2 s");
    QTest::newRow("threads, no reuse: ceil(N/W) x (s + d)")
        << StrategyKind::Threads << false << qint64(3'000)
        << QStringLiteral("100 downloads × 0.15 s ÷ 5 threads = 3 s");
    QTest::newRow("async: s + d") << StrategyKind::Async << true << qint64(150)
                                  << QStringLiteral(
                                         "one wait of 0.1 s (all 100 at once) + 0.05 s for the first "
                                         "connections' TLS set-up = 0.15 s");
}

// The same downloads over HTTPS, with a set-up of 50 ms per new connection.
void TestIdealTime::tlsSetUpIsPaidPerConnection()
{
    QFETCH(StrategyKind, strategy);
    QFETCH(bool, reuse);
    QFETCH(qint64, idealMs);
    QFETCH(QString, formula);
    RunResult run = embeddedRun(strategy, 5);
    run.experiment.io.tls = true;
    run.experiment.io.setupMs = 50;
    run.experiment.io.reuse = reuse;
    QCOMPARE(idealNs(run), idealMs * Ms);
    QCOMPARE(QString::fromStdString(idealFormula(run)), formula);
}

void TestIdealTime::starvedLoop_data()
{
    QTest::addColumn<bool>("blocking");
    QTest::addColumn<int>("hogMs");
    QTest::addColumn<int>("sliceMs");
    QTest::addColumn<qint64>("idealMs");
    QTest::addColumn<QString>("formula");
    QTest::newRow("blocking: N x d, as sync")
        << true << 0 << 0 << qint64(10'000)
        << QStringLiteral("100 downloads × 0.1 s one at a time (a blocking call holds the loop) = 10 s");
    // The hog starts half a delay in; the loop's one thread is its until it is done.
    QTest::newRow("a hog outlasting the downloads")
        << false << 500 << 0 << qint64(550)
        << QStringLiteral("the hog: 0.05 s in, then 0.5 s of computing = 0.55 s");
    QTest::newRow("sliced, the hog still takes its time")
        << false << 500 << 10 << qint64(550)
        << QStringLiteral("the hog: 0.05 s in, then 0.5 s of computing = 0.55 s");
    QTest::newRow("a hog shorter than the wait")
        << false << 20 << 0 << qint64(100) << QStringLiteral("one wait of 0.1 s (all 100 at once)");
}

void TestIdealTime::starvedLoop()
{
    QFETCH(bool, blocking);
    QFETCH(int, hogMs);
    QFETCH(int, sliceMs);
    QFETCH(qint64, idealMs);
    QFETCH(QString, formula);
    RunResult run = embeddedRun(StrategyKind::Async, 0);
    run.experiment.io.blocking = blocking;
    run.experiment.io.hogMs = hogMs;
    run.experiment.io.hogSliceMs = sliceMs;
    QCOMPARE(idealNs(run), idealMs * Ms);
    QCOMPARE(QString::fromStdString(idealFormula(run)), formula);
}

void TestIdealTime::otherServerUsesTheMeasuredTaskTime()
{
    RunResult run;
    run.experiment.workload = WorkloadKind::Io;
    run.experiment.strategy = StrategyKind::Sync;
    run.experiment.tasks = 2;
    run.experiment.io.url = "http://example.invalid/";
    run.trace = Trace(
        {Lane{}},
        {Span{.begin = 0, .end = 300, .lane = 0, .task = 0, .state = State::IoWait, .phase = IoPhase::Wait},
         Span{
             .begin = 300, .end = 400, .lane = 0, .task = 1, .state = State::IoWait, .phase = IoPhase::Wait}},
        {}, {}, 0);
    QCOMPARE(idealNs(run), std::int64_t{400}); // 2 tasks x a mean of 200 ns
    QCOMPARE(idealFormula(run), std::string("2 downloads × 200 ns (their mean time) = 400 ns"));
}

void TestIdealTime::processesAddTheirStartUp()
{
    RunResult run;
    run.embeddedServer = true;
    run.experiment.workload = WorkloadKind::Io;
    run.experiment.strategy = StrategyKind::Processes;
    run.experiment.tasks = 4;
    run.experiment.workers = 2;
    run.experiment.io.delayMs = 100;
    run.trace = Trace({Lane{}},
                      {Span{.begin = 1000, .end = 30 * Ms + 1000, .lane = 0, .state = State::Spawn}}, {}, {},
                      1000);
    QCOMPARE(idealNs(run), 200 * Ms + 30 * Ms);
    QCOMPARE(idealFormula(run),
             std::string("4 downloads × 0.1 s ÷ 2 processes + 0.03 s to start the processes = 0.23 s"));
}

void TestIdealTime::cpuFromTheTasksCpuTime_data()
{
    QTest::addColumn<StrategyKind>("strategy");
    QTest::addColumn<int>("workers");
    QTest::addColumn<bool>("gil");
    QTest::addColumn<int>("cores");
    QTest::addColumn<int>("tasks");
    QTest::addColumn<bool>("measured");
    QTest::addColumn<qint64>("idealMs");
    QTest::addColumn<QString>("formula");
    QTest::newRow("sync: N x d") << StrategyKind::Sync << 0 << false << 2 << 20 << true << qint64(3'400)
                                 << QStringLiteral("20 tasks × 0.17 s = 3.4 s");
    QTest::newRow("threads share the cores")
        << StrategyKind::Threads << 5 << false << 2 << 20 << true << qint64(1'700)
        << QStringLiteral("20 tasks × 0.17 s ÷ 2 cores = 1.7 s");
    QTest::newRow("threads under the interpreter lock: one core")
        << StrategyKind::Threads << 5 << true << 2 << 20 << true << qint64(3'400)
        << QStringLiteral("20 tasks × 0.17 s one at a time (the interpreter lock) = 3.4 s");
    QTest::newRow("event loop: one at a time")
        << StrategyKind::Async << 0 << false << 2 << 20 << true << qint64(3'400)
        << QStringLiteral("20 tasks × 0.17 s one at a time on the loop = 3.4 s");
    QTest::newRow("fewer threads than cores: a core each")
        << StrategyKind::Threads << 4 << false << 8 << 20 << true << qint64(850)
        << QStringLiteral("20 tasks × 0.17 s ÷ 4 threads = 0.85 s");
    QTest::newRow("fewer threads than cores, in rounds")
        << StrategyKind::Threads << 3 << false << 8 << 20 << true << qint64(1'190)
        << QStringLiteral("20 tasks ÷ 3 threads = 7 rounds × 0.17 s = 1.2 s");
    QTest::newRow("processes: a lock each does not serialise them")
        << StrategyKind::Processes << 2 << true << 2 << 20 << true << qint64(1'700)
        << QStringLiteral("20 tasks × 0.17 s ÷ 2 processes = 1.7 s");
    QTest::newRow("more threads than cores, fewer tasks than cores")
        << StrategyKind::Threads << 6 << false << 4 << 3 << true << qint64(170)
        << QStringLiteral("3 tasks ÷ 4 cores = 1 round × 0.17 s = 0.17 s");
    QTest::newRow("no CPU time measured: the cpu spans")
        << StrategyKind::Threads << 5 << false << 2 << 20 << false << qint64(1'700)
        << QStringLiteral("20 tasks × 0.17 s ÷ 2 cores = 1.7 s");
}

// Tasks of 0.17 s of CPU work that each also waited 0.3 s for a core: the theory counts the work only.
void TestIdealTime::cpuFromTheTasksCpuTime()
{
    QFETCH(StrategyKind, strategy);
    QFETCH(int, workers);
    QFETCH(bool, gil);
    QFETCH(int, cores);
    QFETCH(int, tasks);
    QFETCH(bool, measured);
    QFETCH(qint64, idealMs);
    QFETCH(QString, formula);
    RunResult run;
    run.experiment.workload = WorkloadKind::Cpu;
    run.experiment.strategy = strategy;
    run.experiment.workers = workers;
    run.experiment.gil = gil;
    run.experiment.tasks = tasks;
    run.cores = cores;
    std::vector<Span> spans;
    std::vector<TaskRecord> records;
    for (int task = 0; task < tasks; ++task) {
        const std::int64_t begin = task * 470 * Ms;
        spans.push_back(
            Span{.begin = begin, .end = begin + 170 * Ms, .lane = 0, .task = task, .state = State::Cpu});
        spans.push_back(Span{.begin = begin + 170 * Ms,
                             .end = begin + 470 * Ms,
                             .lane = 0,
                             .task = task,
                             .state = State::Ready});
        TaskRecord record;
        record.task = task;
        record.lane = 0;
        record.ok = true;
        record.cpuNs = measured ? 170 * Ms : 0;
        records.push_back(record);
    }
    run.trace = Trace({Lane{}}, std::move(spans), {}, std::move(records), 0);
    QCOMPARE(idealNs(run), idealMs * Ms);
    QCOMPARE(QString::fromStdString(idealFormula(run)), formula);
}

QTEST_APPLESS_MAIN(TestIdealTime)
#include "tst_idealtime.moc"
