#include "childprocess.h"
#include "clock.h"
#include "cpuworkload.h"
#include "processpoolstrategy.h"
#include "workerarguments.h"
#include "tracechecks.h"
#include "tracecollector.h"
#include "workerprotocol.h"

#include <QCoreApplication>
#include <QTest>

#include <cerrno>
#include <set>
#include <thread>

#include <csignal>
#include <poll.h>
#include <unistd.h>

using namespace mtlab;

Q_DECLARE_METATYPE(std::string)

class TestProcessPoolStrategy : public QObject
{
    Q_OBJECT

private slots:
    void protocolRoundTrip_data();
    void protocolRoundTrip();
    void malformedWorkerLinesAreRejected_data();
    void malformedWorkerLinesAreRejected();
    void workerHandlesItsInput_data();
    void workerHandlesItsInput();
    void structure_data();
    void structure();
    void cpuWorkerRefusesDownloads();
    void workersComputeInParallel_data();
    void workersComputeInParallel();
    void cancelEndsEveryChild();
    void crashedWorkerIsReplaced_data();
    void crashedWorkerIsReplaced();
    void workerThatCannotStartFailsEveryTask_data();
    void workerThatCannotStartFailsEveryTask();
};

namespace {

Experiment processesExperiment(int tasks, int workers, std::uint64_t n)
{
    Experiment e = checks::cpuExperiment(StrategyKind::Processes, tasks, workers, n);
    e.switchMs = 1;
    return e;
}

Trace runPool(const Experiment &e, std::stop_token stop = {}, TraceCollector *collectorOut = nullptr)
{
    CpuWorkload workload(e.tasks, e.n);
    TraceCollector own(nowNs());
    TraceCollector &collector = collectorOut ? *collectorOut : own;
    ProcessPoolStrategy().run(workload, e, collector, std::move(stop));
    return collector.finish();
}

std::vector<std::int64_t> workerPids(const Trace &trace)
{
    std::vector<std::int64_t> pids;
    for (const Lane &lane : trace.lanes())
        if (lane.kind == LaneKind::Process)
            pids.push_back(lane.pid);
    return pids;
}

// Reaped, not merely dead: a zombie still answers kill(pid, 0).
bool allGone(const std::vector<std::int64_t> &pids)
{
    return std::all_of(pids.begin(), pids.end(), [](std::int64_t pid) {
        return ::kill(static_cast<pid_t>(pid), 0) == -1 && errno == ESRCH;
    });
}

QString workerPath(const QString &name = QStringLiteral("multitask-lab-worker"))
{
    return QCoreApplication::applicationDirPath() + QLatin1Char('/') + name;
}

// Everything a worker writes until it closes its output; false if it goes quiet for 30 s instead.
bool readUntilEnd(ChildProcess &worker, std::string &output)
{
    for (ChildProcess::ReadResult r = ChildProcess::ReadResult::Again; r != ChildProcess::ReadResult::End;) {
        pollfd fd{worker.outputFd(), POLLIN, 0};
        if (::poll(&fd, 1, 30'000) != 1)
            return false;
        r = worker.read(output);
    }
    return true;
}

} // namespace

void TestProcessPoolStrategy::protocolRoundTrip_data()
{
    QTest::addColumn<std::string>("detail");
    QTest::addColumn<int>("state");
    QTest::addColumn<int>("phase");
    QTest::newRow("no detail") << std::string() << int(State::IoWait) << int(IoPhase::None);
    QTest::newRow("spaces") << std::string("connection refused by peer") << int(State::IoWait)
                            << int(IoPhase::Connect);
    QTest::newRow("escapes") << std::string("a\\b\nc\rd \\n") << int(State::IoWait) << int(IoPhase::Transfer);
    QTest::newRow("ready, waiting for a core") << std::string() << int(State::Ready) << int(IoPhase::None);
}

void TestProcessPoolStrategy::protocolRoundTrip()
{
    QFETCH(std::string, detail);
    QFETCH(int, state);
    QFETCH(int, phase);
    const Span span{100, 250, 7, 3, -1, static_cast<State>(state), static_cast<IoPhase>(phase)};
    std::string line = formatSpan(span, detail);
    QVERIFY(line.ends_with('\n'));
    line.pop_back();
    QVERIFY(line.find('\n') == std::string::npos);
    const auto parsed = parseWorkerMessage(line);
    QVERIFY(parsed && std::holds_alternative<SpanMessage>(*parsed));
    const auto &message = std::get<SpanMessage>(*parsed);
    QCOMPARE(message.detail, detail);
    QCOMPARE(message.span.begin, span.begin);
    QCOMPARE(message.span.end, span.end);
    QCOMPARE(message.span.task, span.task);
    QVERIFY(message.span.state == span.state && message.span.phase == span.phase);

    DoneMessage done{5, TaskOutcome::failure(detail), 42};
    done.outcome.value = ~u128{0}; // the largest value survives the decimal round trip
    done.outcome.bytes = 51200;
    done.outcome.cpuNs = 170'000'000;
    std::string doneLine = formatDone(done);
    doneLine.pop_back();
    const auto doneParsed = parseWorkerMessage(doneLine);
    QVERIFY(doneParsed && std::holds_alternative<DoneMessage>(*doneParsed));
    const auto &back = std::get<DoneMessage>(*doneParsed);
    QCOMPARE(back.task, 5);
    QCOMPARE(back.sentNs, std::int64_t{42});
    QVERIFY(!back.outcome.ok);
    QCOMPARE(toDecimal(back.outcome.value), toDecimal(done.outcome.value));
    QCOMPARE(back.outcome.bytes, std::int64_t{51200});
    QCOMPARE(back.outcome.cpuNs, std::int64_t{170'000'000});
    QCOMPARE(back.outcome.error, detail);
}

void TestProcessPoolStrategy::malformedWorkerLinesAreRejected_data()
{
    QTest::addColumn<std::string>("line");
    QTest::newRow("empty") << std::string();
    QTest::newRow("unknown message") << std::string("hello 1 2");
    QTest::newRow("ready without time") << std::string("ready 42");
    QTest::newRow("unknown state") << std::string("span 1 napping - 1 2 ");
    QTest::newRow("span ends before it begins") << std::string("span 1 cpu - 5 2 ");
    QTest::newRow("bad escape") << std::string("span 1 cpu - 1 2 oops\\x");
    QTest::newRow("value not a number") << std::string("done 1 1 12a 0 0 7 5 ");
    QTest::newRow("value too big") << std::string(
        "done 1 1 999999999999999999999999999999999999999 0 0 7 5 ");
    QTest::newRow("ok not 0 or 1") << std::string("done 1 yes 1 0 0 7 5 ");
    QTest::newRow("negative CPU time") << std::string("done 1 1 1 0 0 -7 5 ");
    QTest::newRow("done without CPU time") << std::string("done 1 1 1 0 0 5 ");
}

void TestProcessPoolStrategy::malformedWorkerLinesAreRejected()
{
    QFETCH(std::string, line);
    QVERIFY(!parseWorkerMessage(line));
}

void TestProcessPoolStrategy::workerHandlesItsInput_data()
{
    QTest::addColumn<std::string>("input");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("end of input at once") << std::string() << 0;
    QTest::newRow("malformed line") << std::string("hello\n") << 2;
    QTest::newRow("task out of range") << std::string("task 7 1\n") << 2;
    QTest::newRow("input ends inside a line") << std::string("task 0") << 2;
}

// The worker on its own, as the pool starts it: it says it is ready, then ends as the input says.
void TestProcessPoolStrategy::workerHandlesItsInput()
{
    QFETCH(std::string, input);
    QFETCH(int, exitCode);
    ChildProcess worker;
    QCOMPARE(worker.start(workerPath().toStdString(), workerArguments(processesExperiment(2, 1, 1000))),
             std::string());
    QVERIFY(worker.send(input));
    worker.closeInput();
    std::string output;
    QVERIFY2(readUntilEnd(worker, output), "the worker neither wrote nor ended");
    QCOMPARE(worker.end(std::chrono::seconds(10)), exitCode << 8);
    QVERIFY2(output.starts_with("ready ") && output.find('\n') == output.size() - 1, output.c_str());
    const auto ready = parseWorkerMessage(std::string_view(output).substr(0, output.size() - 1));
    QVERIFY(ready && std::holds_alternative<ReadyMessage>(*ready));
    QCOMPARE(std::get<ReadyMessage>(*ready).pid, std::int64_t{worker.pid()});
}

void TestProcessPoolStrategy::structure_data()
{
    QTest::addColumn<int>("tasks");
    QTest::addColumn<int>("workers");
    QTest::addColumn<bool>("gil");
    QTest::addColumn<QString>("worker");
    const QString all = QStringLiteral("multitask-lab-worker");
    const QString cpu = QStringLiteral("multitask-lab-cpu-worker");
    QTest::newRow("1 worker") << 3 << 1 << false << all;
    QTest::newRow("2 workers") << 8 << 2 << false << all;
    QTest::newRow("3 workers, interpreter lock each") << 6 << 3 << true << all;
    QTest::newRow("more workers than tasks") << 2 << 4 << false << all;
    QTest::newRow("2 CPU workers") << 8 << 2 << false << cpu;
    QTest::newRow("3 CPU workers, interpreter lock each") << 6 << 3 << true << cpu;
}

void TestProcessPoolStrategy::structure()
{
    QFETCH(int, tasks);
    QFETCH(int, workers);
    QFETCH(bool, gil);
    QFETCH(QString, worker);
    Experiment e = processesExperiment(tasks, workers, 3'000'000);
    e.gil = gil;
    e.workerExecutable = workerPath(worker).toStdString();
    const Trace trace = runPool(e);

    QCOMPARE(int(trace.tasks().size()), tasks);
    for (const TaskRecord &record : trace.tasks()) {
        QVERIFY2(record.ok, record.error.c_str());
        QCOMPARE(toDecimal(record.value), toDecimal(sumOfSquaresClosedForm(e.n + record.task)));
        QVERIFY(record.cpuNs > 0); // measured in the worker, sent with its result
    }
    QCOMPARE(checks::lanesOfKind(trace, LaneKind::Process), workers);
    QCOMPARE(checks::lanesOfKind(trace, LaneKind::Queue), 1);
    const std::vector<std::int64_t> pids = workerPids(trace);
    const std::set<std::int64_t> distinct(pids.begin(), pids.end());
    QCOMPARE(int(distinct.size()), workers);
    QVERIFY(!distinct.count(::getpid()) && !distinct.count(0));
    QVERIFY(allGone(pids));

    QVERIFY(checks::allClosed(trace));
    QCOMPARE(int(checks::spansIn(trace, State::Spawn).size()), workers);
    QCOMPARE(int(checks::spansIn(trace, State::Ipc).size()), 2 * tasks); // there and back
    QCOMPARE(int(checks::spansIn(trace, State::Queued).size()), tasks);
    QVERIFY(checks::spansIn(trace, State::Failed).empty());
    for (const Lane &lane : trace.lanes()) {
        if (lane.kind != LaneKind::Process)
            continue;
        std::vector<Span> cpu;
        for (const Span &s : trace.spansOfLane(lane.id))
            if (s.state == State::Cpu)
                cpu.push_back(s);
        QVERIFY(checks::disjoint(cpu));
    }
}

// The CPU worker leaves the HTTP layer out: asked for downloads it says so and ends before it is ready.
void TestProcessPoolStrategy::cpuWorkerRefusesDownloads()
{
    Experiment e = processesExperiment(2, 1, 1000);
    e.workload = WorkloadKind::Io;
    ChildProcess worker;
    QCOMPARE(worker.start(workerPath(QStringLiteral("multitask-lab-cpu-worker")).toStdString(),
                          workerArguments(e)),
             std::string());
    std::string output;
    QVERIFY2(readUntilEnd(worker, output), "the worker neither wrote nor ended");
    QCOMPARE(worker.end(std::chrono::seconds(10)), 2 << 8);
    QCOMPARE(output, std::string());
}

void TestProcessPoolStrategy::workersComputeInParallel_data()
{
    QTest::addColumn<bool>("gil");
    QTest::newRow("no interpreter lock") << false;
    QTest::newRow("an interpreter lock per process") << true;
}

void TestProcessPoolStrategy::workersComputeInParallel()
{
    QFETCH(bool, gil);
    Experiment e = processesExperiment(6, 2, 100'000'000); // tens of milliseconds per task
    e.gil = gil;
    const Trace trace = runPool(e); // the worker found next to this executable
    QCOMPARE(int(trace.tasks().size()), e.tasks);
    for (const TaskRecord &record : trace.tasks())
        QVERIFY2(record.ok, record.error.c_str());
    QVERIFY2(checks::overlapAcrossLanes(checks::spansIn(trace, State::Cpu)),
             "worker processes compute at the same time");
    QVERIFY(checks::spansIn(trace, State::LockWait).empty());
}

void TestProcessPoolStrategy::cancelEndsEveryChild()
{
    const Experiment e = processesExperiment(6, 2, MaxN); // seconds per task
    TraceCollector collector(nowNs());
    std::stop_source stop;
    // Cancel once both workers hold a task: a task leaves the queue's open waits when it is sent.
    std::jthread canceller = checks::stopWhen(
        stop, [&] { return collector.openSpans(nowNs()).size() == std::size_t(e.tasks - 2); });
    const Trace trace = runPool(e, stop.get_token(), &collector);
    canceller.join();
    QCOMPARE(int(trace.tasks().size()), 2); // the two running tasks end, as cancelled; the rest never start
    for (const TaskRecord &record : trace.tasks()) {
        QVERIFY(!record.ok);
        QCOMPARE(record.error, std::string("cancelled"));
    }
    QCOMPARE(checks::lanesOfKind(trace, LaneKind::Process), 2);
    QVERIFY(allGone(workerPids(trace)));
    QVERIFY(checks::allClosed(trace));
}

void TestProcessPoolStrategy::crashedWorkerIsReplaced_data()
{
    QTest::addColumn<int>("crashTask");
    QTest::newRow("first task") << 0;
    QTest::newRow("a later task") << 2;
}

void TestProcessPoolStrategy::crashedWorkerIsReplaced()
{
    QFETCH(int, crashTask);
    Experiment e = processesExperiment(10, 2, 20'000'000);
    e.crashTask = crashTask;
    const Trace trace = runPool(e);
    QCOMPARE(int(trace.tasks().size()), e.tasks);
    for (const TaskRecord &record : trace.tasks()) {
        if (record.task == crashTask) {
            QVERIFY(!record.ok);
            QVERIFY2(record.error.find("killed by signal 9") != std::string::npos, record.error.c_str());
        } else {
            QVERIFY2(record.ok, record.error.c_str());
            QCOMPARE(toDecimal(record.value), toDecimal(sumOfSquaresClosedForm(e.n + record.task)));
        }
    }
    QCOMPARE(checks::lanesOfKind(trace, LaneKind::Process), 3); // the replacement has its own lane
    QCOMPARE(int(checks::spansIn(trace, State::Spawn).size()), 3);
    const std::vector<Span> failed = checks::spansIn(trace, State::Failed);
    QCOMPARE(int(failed.size()), 1);
    QCOMPARE(failed.front().task, crashTask);
    QVERIFY(allGone(workerPids(trace)));
    QVERIFY(checks::allClosed(trace));
}

void TestProcessPoolStrategy::workerThatCannotStartFailsEveryTask_data()
{
    QTest::addColumn<std::string>("program");
    QTest::addColumn<std::string>("reason");
    QTest::newRow("missing")
        << std::string("/nonexistent/multitask-lab-worker")
        << std::string("cannot start worker /nonexistent/multitask-lab-worker: No such file or directory");
    QTest::newRow("not executable") << std::string("/etc/passwd")
                                    << std::string("cannot start worker /etc/passwd: Permission denied");
    QTest::newRow("not a worker") << std::string("/bin/false")
                                  << std::string("exited with code 1 before it was ready");
}

void TestProcessPoolStrategy::workerThatCannotStartFailsEveryTask()
{
    QFETCH(std::string, program);
    QFETCH(std::string, reason);
    Experiment e = processesExperiment(5, 3, 1000);
    e.workerExecutable = program;
    const Trace trace = runPool(e);
    QCOMPARE(int(trace.tasks().size()), e.tasks);
    for (const TaskRecord &record : trace.tasks()) {
        QVERIFY(!record.ok);
        QVERIFY2(record.error.find(reason) != std::string::npos, record.error.c_str());
    }
    QVERIFY(allGone(workerPids(trace)));
    QVERIFY(checks::allClosed(trace));
}

QTEST_GUILESS_MAIN(TestProcessPoolStrategy)
#include "tst_processpoolstrategy.moc"
