#include "embeddedserver.h"
#include "runner.h"
#include "tracechecks.h"

#include <QFileInfo>
#include <QTest>

#include <map>
#include <netinet/in.h>
#include <set>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace mtlab;

Q_DECLARE_METATYPE(mtlab::StrategyKind)

// The I/O workload against the embedded server: what each strategy's timeline must look like.
class TestIoWorkload : public QObject
{
    Q_OBJECT

private slots:
    void downloadsEveryPage_data();
    void downloadsEveryPage();
    void syncRequestsNeverOverlap();
    void threadsKeepAtMostWorkersInFlight();
    void asyncHasEveryRequestInFlightOnOneThread();
    void asyncMaxInFlightLimitsRequests();
    void asyncTaskIsReadyAfterEachDownload();
    void connectionsAreReusedPerWorker_data();
    void connectionsAreReusedPerWorker();
    void serverMaxConcurrentQueuesRequests();
    void faultsFailWithTheirReason_data();
    void faultsFailWithTheirReason();
    void cancelEndsWaitingDownloads_data();
    void cancelEndsWaitingDownloads();
    void tlsSetUpShowsOnNewConnectionsOnly_data();
    void tlsSetUpShowsOnNewConnectionsOnly();
    void serverCertificateIsKeptPrivatelyWhileTheServerLives();
    void aUsersUrlIsNeverCheckedWithOurCertificate();
};

namespace {

constexpr int SizeKb = 8;

Experiment ioExperiment(StrategyKind strategy, int tasks, int workers = 0, int delayMs = 50)
{
    Experiment e;
    e.workload = WorkloadKind::Io;
    e.strategy = strategy;
    e.tasks = tasks;
    e.workers = workers;
    e.io.delayMs = delayMs;
    e.io.sizeKb = SizeKb;
    return e;
}

// Each task's whole request: from its first io-wait span to its last.
std::vector<Span> requestsOf(const Trace &trace)
{
    std::map<std::int32_t, Span> byTask;
    for (const Span &s : trace.spans()) {
        if (s.state != State::IoWait && s.state != State::Failed)
            continue;
        auto [it, added] = byTask.try_emplace(s.task, s);
        it->second.begin = std::min(it->second.begin, s.begin);
        it->second.end = std::max(it->second.end, s.end);
    }
    std::vector<Span> out;
    for (const auto &[task, span] : byTask)
        out.push_back(span);
    return out;
}

// The most requests in flight at one instant.
int mostInFlight(const std::vector<Span> &requests)
{
    std::vector<std::pair<std::int64_t, int>> edges;
    for (const Span &r : requests) {
        edges.emplace_back(r.begin, +1);
        edges.emplace_back(r.end, -1);
    }
    std::sort(edges.begin(), edges.end()); // an end sorts before a begin at the same instant
    int now = 0, most = 0;
    for (const auto &[time, delta] : edges)
        most = std::max(most, now += delta);
    return most;
}

int newConnections(const RunResult &run)
{
    return static_cast<int>(std::count_if(run.trace.tasks().begin(), run.trace.tasks().end(),
                                          [](const TaskRecord &t) { return t.newConnection; }));
}

std::string closedPortUrl()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address);
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length);
    ::close(fd); // nobody listens there now
    return "http://127.0.0.1:" + std::to_string(ntohs(address.sin_port)) + "/";
}

} // namespace

void TestIoWorkload::downloadsEveryPage_data()
{
    QTest::addColumn<StrategyKind>("strategy");
    QTest::newRow("sync") << StrategyKind::Sync;
    QTest::newRow("threads") << StrategyKind::Threads;
    QTest::newRow("async") << StrategyKind::Async;
    QTest::newRow("processes") << StrategyKind::Processes;
}

void TestIoWorkload::downloadsEveryPage()
{
    QFETCH(StrategyKind, strategy);
    constexpr int tasks = 12;
    const RunResult run = Runner(ioExperiment(strategy, tasks, 3)).run();
    QVERIFY2(run.problem.empty(), run.problem.c_str());
    QCOMPARE(run.ok, tasks);
    QCOMPARE(run.failed, 0);
    QCOMPARE(run.bytes, std::int64_t(tasks) * SizeKb * 1024);
    for (const TaskRecord &t : run.trace.tasks())
        QCOMPARE(t.bytes, std::int64_t(SizeKb) * 1024);
    // Every request waited for the server's think time, and its body was handled on the CPU.
    std::set<std::int32_t> waited;
    for (const Span &s : checks::spansIn(run.trace, State::IoWait)) {
        QVERIFY(s.phase != IoPhase::None);
        if (s.phase == IoPhase::Wait && s.duration() >= 45'000'000)
            waited.insert(s.task);
    }
    QCOMPARE(int(waited.size()), tasks);
    // Every body was handled on the CPU. Under the event loop the loop's own work for all the
    // downloads at once (libcurl's) shows too, as cpu of no one task; its one thread never
    // computes two things at once.
    const std::vector<Span> cpu = checks::spansIn(run.trace, State::Cpu);
    std::set<std::int32_t> handled;
    for (const Span &s : cpu)
        if (s.task >= 0)
            handled.insert(s.task);
    QCOMPARE(int(handled.size()), tasks);
    const bool loopWork = std::any_of(cpu.begin(), cpu.end(), [](const Span &s) { return s.task < 0; });
    QCOMPARE(loopWork, strategy == StrategyKind::Async);
    if (strategy == StrategyKind::Async)
        QVERIFY(checks::disjoint(cpu));
}

void TestIoWorkload::syncRequestsNeverOverlap()
{
    const RunResult run = Runner(ioExperiment(StrategyKind::Sync, 6)).run();
    QCOMPARE(run.ok, 6);
    QCOMPARE(mostInFlight(requestsOf(run.trace)), 1);
}

void TestIoWorkload::threadsKeepAtMostWorkersInFlight()
{
    const RunResult run = Runner(ioExperiment(StrategyKind::Threads, 20, 4)).run();
    QCOMPARE(run.ok, 20);
    const int most = mostInFlight(requestsOf(run.trace));
    QVERIFY2(most <= 4 && most >= 2, qPrintable(QString::number(most)));
}

void TestIoWorkload::asyncHasEveryRequestInFlightOnOneThread()
{
    constexpr int tasks = 50;
    const RunResult run = Runner(ioExperiment(StrategyKind::Async, tasks, 0, 200)).run();
    QCOMPARE(run.ok, tasks);
    QCOMPARE(mostInFlight(requestsOf(run.trace)), tasks);
    QCOMPARE(checks::lanesOfKind(run.trace, LaneKind::AsyncTask), tasks);
    std::set<std::int64_t> tids;
    for (const Lane &lane : run.trace.lanes())
        tids.insert(lane.tid);
    QCOMPARE(int(tids.size()), 1);
    QVERIFY(*tids.begin() != gettid());
}

void TestIoWorkload::asyncMaxInFlightLimitsRequests()
{
    Experiment e = ioExperiment(StrategyKind::Async, 20);
    e.io.maxInFlight = 5;
    const RunResult run = Runner(e).run();
    QCOMPARE(run.ok, 20);
    QCOMPARE(checks::lanesOfKind(run.trace, LaneKind::AsyncTask), 5);
    QCOMPARE(mostInFlight(requestsOf(run.trace)), 5);
}

// Between libcurl reporting a download done and the loop resuming its task, the task is in the
// loop's ready list: a ready span on its sub-lane from the end of its last wait to the moment it
// handles the body on the loop. No lane has two spans at once.
void TestIoWorkload::asyncTaskIsReadyAfterEachDownload()
{
    constexpr int tasks = 30;
    const RunResult run = Runner(ioExperiment(StrategyKind::Async, tasks, 0, 20)).run();
    QCOMPARE(run.ok, tasks);
    const Trace &trace = run.trace;
    std::int32_t loopLane = -1;
    for (const Lane &lane : trace.lanes()) {
        if (lane.kind == LaneKind::EventLoop)
            loopLane = lane.id;
        const std::span<const Span> spans = trace.spansOfLane(lane.id);
        QVERIFY2(checks::disjoint(std::vector<Span>(spans.begin(), spans.end())), lane.name.c_str());
    }
    std::map<std::int32_t, Span> lastWait;
    for (const Span &s : checks::spansIn(trace, State::IoWait))
        lastWait[s.task] = s; // sorted by begin: the last one wins
    QCOMPARE(int(lastWait.size()), tasks);
    for (const auto &[task, wait] : lastWait) {
        const std::span<const Span> lane = trace.spansOfLane(wait.lane);
        const auto ready = std::find_if(lane.begin(), lane.end(), [&](const Span &s) {
            return s.task == task && s.state == State::Ready && s.begin == wait.end;
        });
        QVERIFY2(ready != lane.end(), qPrintable(QStringLiteral("task %1").arg(task)));
        QVERIFY(ready->end > ready->begin);
        const std::span<const Span> loop = trace.spansOfLane(loopLane);
        QVERIFY(std::any_of(loop.begin(), loop.end(), [&](const Span &s) {
            return s.task == task && s.state == State::Cpu && s.begin == ready->end;
        }));
    }
}

void TestIoWorkload::connectionsAreReusedPerWorker_data()
{
    QTest::addColumn<StrategyKind>("strategy");
    QTest::addColumn<bool>("reuse");
    QTest::addColumn<int>("maxInFlight");
    QTest::addColumn<int>("connections");
    QTest::newRow("sync: one session") << StrategyKind::Sync << true << 0 << 1;
    QTest::newRow("sync, no reuse") << StrategyKind::Sync << false << 0 << 12;
    QTest::newRow("threads: one session per thread") << StrategyKind::Threads << true << 0 << 3;
    QTest::newRow("threads, no reuse") << StrategyKind::Threads << false << 0 << 12;
    QTest::newRow("processes: one session per process") << StrategyKind::Processes << true << 0 << 3;
    QTest::newRow("processes, no reuse") << StrategyKind::Processes << false << 0 << 12;
    QTest::newRow("async, 2 in flight: shared session") << StrategyKind::Async << true << 2 << 2;
    QTest::newRow("async, 2 in flight, no reuse") << StrategyKind::Async << false << 2 << 12;
}

void TestIoWorkload::connectionsAreReusedPerWorker()
{
    QFETCH(StrategyKind, strategy);
    QFETCH(bool, reuse);
    QFETCH(int, maxInFlight);
    QFETCH(int, connections);
    Experiment e = ioExperiment(strategy, 12, 3);
    e.io.reuse = reuse;
    e.io.maxInFlight = maxInFlight;
    const RunResult run = Runner(e).run();
    QCOMPARE(run.ok, 12);
    QCOMPARE(newConnections(run), connections);
    // A new connection shows its connect phase; a reused one has none.
    std::set<std::int32_t> connected;
    for (const Span &s : checks::spansIn(run.trace, State::IoWait))
        if (s.phase == IoPhase::Connect)
            connected.insert(s.task);
    for (const TaskRecord &t : run.trace.tasks())
        if (!t.newConnection)
            QVERIFY(!connected.count(t.task));
}

// The server serves two at a time: six requests sent at once come back in three waves.
void TestIoWorkload::serverMaxConcurrentQueuesRequests()
{
    Experiment e = ioExperiment(StrategyKind::Async, 6, 0, 100);
    e.io.maxConcurrent = 2;
    const RunResult run = Runner(e).run();
    QCOMPARE(run.ok, 6);
    std::vector<std::int64_t> ends;
    for (const Span &r : requestsOf(run.trace))
        ends.push_back(r.end - run.trace.origin());
    std::sort(ends.begin(), ends.end());
    QVERIFY(ends[1] >= 100'000'000);
    QVERIFY(ends[3] >= 200'000'000);
    QVERIFY(ends[5] >= 300'000'000);
}

void TestIoWorkload::faultsFailWithTheirReason_data()
{
    QTest::addColumn<StrategyKind>("strategy");
    QTest::addColumn<QString>("url"); // empty: the embedded server, with serverArgs and path
    QTest::addColumn<QStringList>("serverArgs");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("reason");
    const QStringList none;
    for (const StrategyKind s : {StrategyKind::Sync, StrategyKind::Async}) {
        const char *name = s == StrategyKind::Sync ? "sync" : "async";
        auto row = [&](const char *what) {
            return &QTest::newRow(
                qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(name), QLatin1String(what))));
        };
        *row("malformed URL") << s << QStringLiteral("ht!tp://x") << none << QString()
                              << QStringLiteral("malformed URL");
        *row("unsupported scheme") << s << QStringLiteral("ftp://127.0.0.1/") << none << QString()
                                   << QStringLiteral("unsupported scheme");
        *row("unknown host") << s << QStringLiteral("http://no-such-host.invalid/") << none << QString()
                             << QStringLiteral("unknown host");
        *row("connection refused") << s << QString::fromStdString(closedPortUrl()) << none << QString()
                                   << QStringLiteral("connection refused");
        *row("timeout") << s << QString() << none << QStringLiteral("delay/5000")
                        << QStringLiteral("timeout");
        *row("HTTP 404") << s << QString() << none << QStringLiteral("status/404")
                         << QStringLiteral("HTTP 404");
        *row("HTTP 500") << s << QString()
                         << QStringList{QStringLiteral("--error-rate"), QStringLiteral("1"),
                                        QStringLiteral("--fault"), QStringLiteral("500")}
                         << QString() << QStringLiteral("HTTP 500");
        *row("body too large") << s << QString() << none << QStringLiteral("size/2048")
                               << QStringLiteral("body too large");
        *row("reset") << s << QString()
                      << QStringList{QStringLiteral("--error-rate"), QStringLiteral("1"),
                                     QStringLiteral("--fault"), QStringLiteral("reset")}
                      << QString() << QStringLiteral("connection reset");
        *row("stall mid-body") << s << QString()
                               << QStringList{QStringLiteral("--error-rate"), QStringLiteral("1"),
                                              QStringLiteral("--fault"), QStringLiteral("stall")}
                               << QString() << QStringLiteral("stalled mid-body");
    }
}

void TestIoWorkload::faultsFailWithTheirReason()
{
    QFETCH(StrategyKind, strategy);
    QFETCH(QString, url);
    QFETCH(QStringList, serverArgs);
    QFETCH(QString, path);
    QFETCH(QString, reason);
    Experiment e = ioExperiment(strategy, 3, 0, 0);
    e.io.timeoutMs = 500;
    e.io.maxBodyMb = 1;
    EmbeddedServer server;
    if (url.isEmpty()) {
        std::vector<std::string> args;
        for (const QString &a : serverArgs)
            args.push_back(a.toStdString());
        const std::string problem = server.start(e.io, args);
        QVERIFY2(problem.empty(), problem.c_str());
        url = QString::fromStdString(server.url()) + path;
    }
    e.io.url = url.toStdString();
    const RunResult run = Runner(e).run();
    QCOMPARE(run.failed, 3);
    QCOMPARE(run.ok, 0);
    QCOMPARE(run.errors.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(run.errors.begin()->first), reason);
    const std::vector<Span> failed = checks::spansIn(run.trace, State::Failed);
    QCOMPARE(int(failed.size()), 3);
    for (const Span &s : failed)
        QVERIFY(QString::fromStdString(run.trace.detail(s.detail)).startsWith(reason));
}

void TestIoWorkload::cancelEndsWaitingDownloads_data()
{
    QTest::addColumn<StrategyKind>("strategy");
    QTest::newRow("sync") << StrategyKind::Sync;
    QTest::newRow("threads") << StrategyKind::Threads;
    QTest::newRow("async") << StrategyKind::Async;
    QTest::newRow("processes") << StrategyKind::Processes;
}

void TestIoWorkload::cancelEndsWaitingDownloads()
{
    QFETCH(StrategyKind, strategy);
    const int threadsBefore = checks::threadsInThisProcess();
    Runner runner(ioExperiment(strategy, 8, 2, 60'000));
    std::stop_source stop;
    std::jthread canceller = checks::stopAfter(stop, std::chrono::milliseconds(300));
    const RunResult run = runner.run(stop.get_token());
    canceller.join();
    QVERIFY(run.cancelled);
    QCOMPARE(run.ok, 0);
    QVERIFY(checks::allClosed(run.trace));
    QVERIFY(run.wallNs < 30'000'000'000LL); // long before the server's minute of think time
    QCOMPARE(checks::threadsInThisProcess(), threadsBefore);
}

void TestIoWorkload::tlsSetUpShowsOnNewConnectionsOnly_data()
{
    QTest::addColumn<StrategyKind>("strategy");
    QTest::addColumn<bool>("reuse");
    QTest::addColumn<int>("maxInFlight");
    QTest::addColumn<int>("connections");
    QTest::newRow("sync: one session") << StrategyKind::Sync << true << 0 << 1;
    QTest::newRow("sync, no reuse") << StrategyKind::Sync << false << 0 << 6;
    QTest::newRow("threads: one session per thread") << StrategyKind::Threads << true << 0 << 2;
    QTest::newRow("threads, no reuse") << StrategyKind::Threads << false << 0 << 6;
    QTest::newRow("async, all at once") << StrategyKind::Async << true << 0 << 6;
    QTest::newRow("async, 2 in flight: shared session") << StrategyKind::Async << true << 2 << 2;
    QTest::newRow("processes: one session per process") << StrategyKind::Processes << true << 0 << 2;
    QTest::newRow("processes, no reuse") << StrategyKind::Processes << false << 0 << 6;
}

// The server delays each TLS handshake by the set-up time: a new connection shows it as its tls
// phase, and a reused connection shows no tls phase at all.
void TestIoWorkload::tlsSetUpShowsOnNewConnectionsOnly()
{
    QFETCH(StrategyKind, strategy);
    QFETCH(bool, reuse);
    QFETCH(int, maxInFlight);
    QFETCH(int, connections);
    constexpr int tasks = 6;
    constexpr int setupMs = 50;
    Experiment e = ioExperiment(strategy, tasks, 2, 10);
    e.io.tls = true;
    e.io.setupMs = setupMs;
    e.io.reuse = reuse;
    e.io.maxInFlight = maxInFlight;
    const RunResult run = Runner(e).run();
    QVERIFY2(run.problem.empty(), run.problem.c_str());
    QVERIFY2(run.errors.empty(), run.errors.empty() ? "" : run.errors.begin()->first.c_str());
    QCOMPARE(run.ok, tasks);
    QVERIFY(run.experiment.io.url.starts_with("https://"));
    QCOMPARE(newConnections(run), connections);
    std::map<std::int32_t, std::int64_t> tls;
    for (const Span &s : checks::spansIn(run.trace, State::IoWait))
        if (s.phase == IoPhase::Tls)
            tls[s.task] += s.duration();
    for (const TaskRecord &t : run.trace.tasks()) {
        const auto found = tls.find(t.task);
        if (!t.newConnection) {
            QVERIFY2(found == tls.end(),
                     qPrintable(QStringLiteral("task %1 reused its connection").arg(t.task)));
            continue;
        }
        QVERIFY2(found != tls.end() && found->second >= std::int64_t{setupMs} * 1'000'000,
                 qPrintable(QStringLiteral("task %1: tls %2 ns")
                                .arg(t.task)
                                .arg(found == tls.end() ? 0 : found->second)));
    }
}

void TestIoWorkload::serverCertificateIsKeptPrivatelyWhileTheServerLives()
{
    IoOptions options;
    options.tls = true;
    QString file;
    {
        EmbeddedServer server;
        const std::string problem = server.start(options);
        QVERIFY2(problem.empty(), problem.c_str());
        QVERIFY(server.url().starts_with("https://127.0.0.1:"));
        file = QString::fromStdString(server.certificateFile());
        QVERIFY(QFileInfo(file).isFile());
        const QFileInfo folder(QFileInfo(file).path());
        QCOMPARE(folder.permissions() &
                     (QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther |
                      QFile::WriteOther | QFile::ExeOther),
                 QFile::Permissions());
    }
    QVERIFY(!QFileInfo::exists(file));
    QVERIFY(!QFileInfo::exists(QFileInfo(file).path()));
    EmbeddedServer plain;
    QVERIFY(plain.start(IoOptions()).empty());
    QVERIFY(plain.url().starts_with("http://127.0.0.1:"));
    QVERIFY(plain.certificateFile().empty());
}

// A --url is someone else's server: checked against the system's certificates, whatever the
// experiment carries, so even our own server fails when addressed that way.
void TestIoWorkload::aUsersUrlIsNeverCheckedWithOurCertificate()
{
    IoOptions options;
    options.tls = true;
    options.delayMs = 0;
    EmbeddedServer server;
    const std::string problem = server.start(options);
    QVERIFY2(problem.empty(), problem.c_str());
    Experiment e = ioExperiment(StrategyKind::Sync, 2, 0, 0);
    e.io.url = server.url();
    e.io.serverCertificate = server.certificateFile();
    const RunResult run = Runner(e).run();
    QCOMPARE(run.failed, 2);
    QCOMPARE(run.errors.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(run.errors.begin()->first), QStringLiteral("untrusted certificate"));
}

QTEST_GUILESS_MAIN(TestIoWorkload)
#include "tst_ioworkload.moc"
