#include "pythonprograms.h"
#include "pythonrunner.h"

#include <QTest>

#include <algorithm>
#include <cstdlib>

using namespace mtlab;

// The article's own Python programs run traced and read back as runs: what they must show, as
// structure (never speed): CPython's threads take turns on its lock, its processes compute at
// once, asyncio is one thread whose tasks wait at once.
class TestPythonRunner : public QObject
{
    Q_OBJECT

private slots:
    void printedSeconds_data();
    void printedSeconds();
    void programsForTheArticlesExperiments();
    void missingPythonSaysWhatToInstall();
    void cpuThreadsTakeTurnsOnTheInterpreterLock();
    void cpuProcessesComputeAtOnce();
    void asyncioIsOneThreadWhoseTasksWaitAtOnce();
    void ioThreadsWaitAtOnce();

private:
    // The run, or a skip saying what to install when the python3 for it is missing.
    static RunResult runArticle(WorkloadKind workload, StrategyKind strategy, int tasks,
                                std::uint64_t n = ArticleN);
};

namespace {

// The most lanes in `state` at one moment (spans that meet end to begin are not at once).
int mostAtOnce(const Trace &trace, State state, LaneKind kind)
{
    std::vector<std::pair<std::int64_t, int>> edges;
    for (const Span &s : trace.spans()) {
        if (s.state != state || trace.lanes().at(static_cast<std::size_t>(s.lane)).kind != kind ||
            s.end <= s.begin)
            continue;
        edges.emplace_back(s.begin, 1);
        edges.emplace_back(s.end, -1);
    }
    std::sort(edges.begin(), edges.end());
    int now = 0, most = 0;
    for (const auto &[at, step] : edges)
        most = std::max(most, now += step);
    return most;
}

// How long at least two lanes computed at once.
std::int64_t computingTogetherNs(const Trace &trace)
{
    std::vector<std::pair<std::int64_t, int>> edges;
    for (const Span &s : trace.spans())
        if (s.state == State::Cpu && s.end > s.begin) {
            edges.emplace_back(s.begin, 1);
            edges.emplace_back(s.end, -1);
        }
    std::sort(edges.begin(), edges.end());
    std::int64_t together = 0, last = 0;
    int now = 0;
    for (const auto &[at, step] : edges) {
        if (now >= 2)
            together += at - last;
        now += step;
        last = at;
    }
    return together;
}

int lanesOf(const Trace &trace, LaneKind kind)
{
    return static_cast<int>(std::count_if(trace.lanes().begin(), trace.lanes().end(),
                                          [&](const Lane &l) { return l.kind == kind; }));
}

} // namespace

RunResult TestPythonRunner::runArticle(WorkloadKind workload, StrategyKind strategy, int tasks,
                                       std::uint64_t n)
{
    const PythonInterpreter python = findPythonInterpreter(workload);
    Experiment experiment;
    experiment.workload = workload;
    experiment.strategy = strategy;
    experiment.tasks = tasks;
    experiment.n = n;
    experiment.io.delayMs = 50;
    experiment.io.sizeKb = 4;
    if (python.path.empty()) {
        RunResult none;
        none.experiment = experiment;
        return none;
    }
    PythonRunner runner(experiment, python.path);
    return runner.run();
}

#define RUN_ARTICLE(result, ...)                                                                             \
    const RunResult result = runArticle(__VA_ARGS__);                                                        \
    if (result.trace.spans().empty() && result.problem.empty())                                              \
        QSKIP(                                                                                               \
            qPrintable(QString::fromStdString(findPythonInterpreter(result.experiment.workload).problem)));  \
    QVERIFY2(result.problem.empty(), result.problem.c_str());

void TestPythonRunner::printedSeconds_data()
{
    QTest::addColumn<QString>("output");
    QTest::addColumn<double>("seconds");
    QTest::newRow("cpu") << "Duration 7.588207721710205 seconds\n" << 7.588207721710205;
    QTest::newRow("download") << "Read 51200 from x\nDownload  100 in 11.707897901535034 seconds\n"
                              << 11.707897901535034;
    QTest::newRow("asyncio") << "Download 100 sites in 1.2984209060668945 seconds\n" << 1.2984209060668945;
    QTest::newRow("exponent") << "Duration 5e-05 seconds\n" << 5e-05;
    QTest::newRow("none") << "Read 51200 from x\n" << -1.0;
    QTest::newRow("not a number") << "Duration many seconds\n" << -1.0;
}

void TestPythonRunner::printedSeconds()
{
    QFETCH(QString, output);
    QFETCH(double, seconds);
    const std::optional<double> printed = mtlab::printedSeconds(output.toStdString());
    QCOMPARE(printed.value_or(-1.0), seconds);
}

void TestPythonRunner::programsForTheArticlesExperiments()
{
    QCOMPARE(articleStrategies(WorkloadKind::Io).size(), 4u);
    const std::vector<StrategyKind> cpu = {StrategyKind::Sync, StrategyKind::Threads,
                                           StrategyKind::Processes};
    QVERIFY(articleStrategies(WorkloadKind::Cpu) == cpu); // the article has no asyncio CPU program
    QVERIFY(articleStrategies(WorkloadKind::Counter).empty());
    for (const WorkloadKind workload : {WorkloadKind::Io, WorkloadKind::Cpu})
        for (const StrategyKind strategy : articleStrategies(workload))
            QVERIFY(std::filesystem::exists(pythonProgramDirectory() / articleProgram(workload, strategy)));
    QVERIFY(std::filesystem::exists(pythonProgramDirectory() / "tracer.py"));

    Experiment e;
    e.strategy = StrategyKind::Threads;
    const Experiment python = pythonExperiment(e);
    QVERIFY(python.python && python.gil);
    QCOMPARE(runLabel(python), std::string("Python, threads, 5 workers, interpreter lock"));
}

void TestPythonRunner::missingPythonSaysWhatToInstall()
{
    const QByteArray kept = qgetenv("MTLAB_PYTHON");
    qputenv("MTLAB_PYTHON", "/nonexistent/python3");
    const PythonInterpreter io = findPythonInterpreter(WorkloadKind::Io);
    const PythonInterpreter cpu = findPythonInterpreter(WorkloadKind::Cpu);
    Experiment e;
    e.workload = WorkloadKind::Io;
    const RunResult run = runArticleProgram(e);
    if (kept.isNull())
        qunsetenv("MTLAB_PYTHON");
    else
        qputenv("MTLAB_PYTHON", kept);
    QVERIFY(io.path.empty());
    QCOMPARE(io.problem,
             std::string("the article's Python programs need python3 with requests and aiohttp: "
                         "apt-get install python3 python3-requests python3-aiohttp"));
    QCOMPARE(cpu.problem, std::string("the article's Python programs need python3: apt-get install python3"));
    QCOMPARE(run.problem, io.problem);
}

void TestPythonRunner::cpuThreadsTakeTurnsOnTheInterpreterLock()
{
    RUN_ARTICLE(run, WorkloadKind::Cpu, StrategyKind::Threads, 5, 2'000'000)
    QCOMPARE(run.ok, 5);
    QCOMPARE(run.experiment.strategy, StrategyKind::Threads);
    QVERIFY(run.experiment.python);
    QVERIFY(lanesOf(run.trace, LaneKind::PoolThread) >= 2);
    // Their waiting is the real interpreter lock, and one thread computes at a time: no faster
    // than one thread. Laid out from clock samples, two lanes may touch by a sample's slack.
    QVERIFY(run.trace.totalNs(State::LockWait) > 0);
    QVERIFY2(computingTogetherNs(run.trace) * 20 < run.trace.totalNs(State::Cpu),
             qPrintable(QStringLiteral("%1 ns of %2 computing together")
                            .arg(computingTogetherNs(run.trace))
                            .arg(run.trace.totalNs(State::Cpu))));
    QVERIFY(run.wallNs > 0);
}

void TestPythonRunner::cpuProcessesComputeAtOnce()
{
    if (std::thread::hardware_concurrency() < 2)
        QSKIP("needs two cores");
    RUN_ARTICLE(run, WorkloadKind::Cpu, StrategyKind::Processes, 4, 2'000'000)
    QCOMPARE(run.ok, 4);
    QVERIFY(lanesOf(run.trace, LaneKind::Process) >= 2);
    QCOMPARE(run.trace.totalNs(State::LockWait), 0);
    QVERIFY(run.trace.totalNs(State::Spawn) > 0);
    QVERIFY(computingTogetherNs(run.trace) > 0);
}

void TestPythonRunner::asyncioIsOneThreadWhoseTasksWaitAtOnce()
{
    RUN_ARTICLE(run, WorkloadKind::Io, StrategyKind::Async, 6)
    QCOMPARE(run.ok, 6);
    QCOMPARE(lanesOf(run.trace, LaneKind::EventLoop), 1);
    QCOMPARE(lanesOf(run.trace, LaneKind::AsyncTask), 6);
    for (const Lane &lane : run.trace.lanes())
        QVERIFY(lane.kind == LaneKind::EventLoop || lane.parent == 0);
    QVERIFY(mostAtOnce(run.trace, State::IoWait, LaneKind::AsyncTask) > 1);
    QCOMPARE(mostAtOnce(run.trace, State::Cpu, LaneKind::AsyncTask), 0); // steps run on the loop
    QCOMPARE(mostAtOnce(run.trace, State::Cpu, LaneKind::EventLoop), 1);
}

void TestPythonRunner::ioThreadsWaitAtOnce()
{
    RUN_ARTICLE(run, WorkloadKind::Io, StrategyKind::Threads, 10)
    QCOMPARE(run.ok, 10);
    QCOMPARE(run.bytes, 10 * 4096);
    QVERIFY(run.embeddedServer);
    QVERIFY(mostAtOnce(run.trace, State::IoWait, LaneKind::PoolThread) > 1);
}

QTEST_GUILESS_MAIN(TestPythonRunner)
#include "tst_pythonrunner.moc"
