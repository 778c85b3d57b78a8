#include "runarguments.h"
#include "workerarguments.h"

#include <QTest>

using namespace mtlab;

class TestRunArguments : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void parsesEveryOption();
    void rejects_data();
    void rejects();
    void experimentRoundTrips();
    void starvingOptionsNeedAsyncIo();
    void counterOptions();

private:
    static std::variant<RunArguments, ArgumentError> parse(const QStringList &args);
};

std::variant<RunArguments, ArgumentError> TestRunArguments::parse(const QStringList &args)
{
    std::vector<std::string> storage;
    for (const QString &a : args)
        storage.push_back(a.toStdString());
    return parseRunArguments({storage.begin(), storage.end()});
}

void TestRunArguments::defaults()
{
    const auto parsed = parse({});
    const RunArguments &run = std::get<RunArguments>(parsed);
    QCOMPARE(run.experiment.workload, WorkloadKind::Cpu);
    QCOMPARE(run.strategies, std::vector<StrategyKind>{StrategyKind::Sync});
    QCOMPARE(run.experiment.tasks, 20);
    QCOMPARE(run.experiment.switchMs, 5);
    QVERIFY(!run.experiment.gil);
    QVERIFY(!run.json);
    QVERIFY(!run.help);
    QVERIFY(std::get<RunArguments>(parse({QStringLiteral("--help")})).help);
    QVERIFY(
        std::get<RunArguments>(parse({QStringLiteral("--tasks"), QStringLiteral("3"), QStringLiteral("-h")}))
            .help);
    Experiment threads;
    threads.strategy = StrategyKind::Threads;
    QCOMPARE(threads.workerCount(), 5); // as in the article
}

void TestRunArguments::parsesEveryOption()
{
    const auto parsed = parse({QStringLiteral("--workload"),
                               QStringLiteral("io"),
                               QStringLiteral("--strategy=all"),
                               QStringLiteral("--tasks"),
                               QStringLiteral("100"),
                               QStringLiteral("--workers"),
                               QStringLiteral("7"),
                               QStringLiteral("--n"),
                               QStringLiteral("5000000"),
                               QStringLiteral("--gil"),
                               QStringLiteral("--switch-ms"),
                               QStringLiteral("2"),
                               QStringLiteral("--trace"),
                               QStringLiteral("t.json"),
                               QStringLiteral("--json"),
                               QStringLiteral("--no-reuse"),
                               QStringLiteral("--delay-ms"),
                               QStringLiteral("250"),
                               QStringLiteral("--error-rate"),
                               QStringLiteral("0.25"),
                               QStringLiteral("--max-in-flight"),
                               QStringLiteral("10"),
                               QStringLiteral("--tls"),
                               QStringLiteral("--setup-ms"),
                               QStringLiteral("50")});
    QVERIFY(std::holds_alternative<RunArguments>(parsed));
    const RunArguments &run = std::get<RunArguments>(parsed);
    QCOMPARE(run.experiment.workload, WorkloadKind::Io);
    QCOMPARE(run.strategies.size(), std::size_t(4));
    QCOMPARE(run.experiment.tasks, 100);
    QCOMPARE(run.experiment.workers, 7);
    QCOMPARE(run.experiment.n, std::uint64_t(5'000'000));
    QVERIFY(run.experiment.gil);
    QCOMPARE(run.experiment.switchMs, 2);
    QCOMPARE(run.tracePath, std::string("t.json"));
    QVERIFY(run.json);
    QVERIFY(!run.experiment.io.reuse);
    QCOMPARE(run.experiment.io.delayMs, 250);
    QCOMPARE(run.experiment.io.errorRate, 0.25);
    QCOMPARE(run.experiment.io.maxInFlight, 10);
    QVERIFY(run.experiment.io.tls);
    QCOMPARE(run.experiment.io.setupMs, 50);
    QVERIFY(run.experiment.io.serverCertificate.empty());
}

void TestRunArguments::rejects_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown workload") << QStringList{QStringLiteral("--workload"), QStringLiteral("gpu")}
                                      << QStringLiteral("unknown workload 'gpu'");
    QTest::newRow("unknown strategy") << QStringList{QStringLiteral("--strategy"), QStringLiteral("fibers")}
                                      << QStringLiteral("unknown strategy 'fibers'");
    QTest::newRow("zero tasks") << QStringList{QStringLiteral("--tasks"), QStringLiteral("0")}
                                << QStringLiteral("--tasks takes a whole number from 1");
    QTest::newRow("negative workers") << QStringList{QStringLiteral("--workers"), QStringLiteral("-3")}
                                      << QStringLiteral("--workers takes a whole number from 1");
    QTest::newRow("non-numeric") << QStringList{QStringLiteral("--tasks"), QStringLiteral("ten")}
                                 << QStringLiteral("not 'ten'");
    QTest::newRow("trailing junk") << QStringList{QStringLiteral("--n"), QStringLiteral("12x")}
                                   << QStringLiteral("not '12x'");
    QTest::newRow("n too large") << QStringList{QStringLiteral("--n"), QStringLiteral("5000000000")}
                                 << QStringLiteral("--n takes");
    QTest::newRow("missing value") << QStringList{QStringLiteral("--tasks")}
                                   << QStringLiteral("--tasks needs a value");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--turbo"), QStringLiteral("1")}
                                    << QStringLiteral("unknown option '--turbo'");
    QTest::newRow("stray argument") << QStringList{QStringLiteral("cpu")}
                                    << QStringLiteral("unexpected argument 'cpu'");
    QTest::newRow("error rate above 1") << QStringList{QStringLiteral("--error-rate"), QStringLiteral("1.5")}
                                        << QStringLiteral("--error-rate takes a fraction");
    QTest::newRow("set-up without TLS")
        << QStringList{QStringLiteral("--setup-ms"), QStringLiteral("50")} << QStringLiteral("needs --tls");
    QTest::newRow("TLS for a URL") << QStringList{QStringLiteral("--tls"), QStringLiteral("--url"),
                                                  QStringLiteral("https://example.org/")}
                                   << QStringLiteral("a --url keeps its own scheme");
    // Only a parent may make a worker trust its server's certificate, never a user's command.
    QTest::newRow("a certificate to trust")
        << QStringList{QStringLiteral("--url"), QStringLiteral("https://example.org/"),
                       QStringLiteral("--server-cert"), QStringLiteral("/tmp/evil.pem")}
        << QStringLiteral("unknown option '--server-cert'");
    QTest::newRow("empty trace path")
        << QStringList{QStringLiteral("--trace=")} << QStringLiteral("--trace needs a non-empty value");
    const QStringList asyncIo{QStringLiteral("--workload"), QStringLiteral("io"),
                              QStringLiteral("--strategy"), QStringLiteral("async")};
    QTest::newRow("blocking under sync")
        << QStringList{QStringLiteral("--workload"), QStringLiteral("io"), QStringLiteral("--blocking")}
        << QStringLiteral("--blocking starves the event loop, so it needs --workload io --strategy async");
    QTest::newRow("hog under threads")
        << QStringList{QStringLiteral("--workload"), QStringLiteral("io"),       QStringLiteral("--strategy"),
                       QStringLiteral("threads"),    QStringLiteral("--hog-ms"), QStringLiteral("100")}
        << QStringLiteral("--hog-ms starves the event loop");
    QTest::newRow("hog with all") << QStringList{QStringLiteral("--workload"), QStringLiteral("io"),
                                                 QStringLiteral("--strategy"), QStringLiteral("all"),
                                                 QStringLiteral("--hog-ms"),   QStringLiteral("100")}
                                  << QStringLiteral("--hog-ms starves the event loop");
    QTest::newRow("hog of a CPU run") << QStringList{QStringLiteral("--strategy"), QStringLiteral("async"),
                                                     QStringLiteral("--hog-ms"), QStringLiteral("100")}
                                      << QStringLiteral("needs --workload io");
    QTest::newRow("slices without a hog")
        << asyncIo + QStringList{QStringLiteral("--hog-slice-ms"), QStringLiteral("10")}
        << QStringLiteral("--hog-slice-ms cuts the hog");
    QTest::newRow("blocking and a hog") << asyncIo +
            QStringList{QStringLiteral("--blocking"), QStringLiteral("--hog-ms"), QStringLiteral("100")}
                                        << QStringLiteral("choose one");
    QTest::newRow("hog of zero ms") << asyncIo + QStringList{QStringLiteral("--hog-ms"), QStringLiteral("0")}
                                    << QStringLiteral("--hog-ms takes a whole number from 1 to 60000");
    QTest::newRow("hog too long") << asyncIo +
            QStringList{QStringLiteral("--hog-ms"), QStringLiteral("60001")}
                                  << QStringLiteral("--hog-ms takes a whole number from 1 to 60000");
    QTest::newRow("slice too long") << asyncIo +
            QStringList{QStringLiteral("--hog-ms"), QStringLiteral("10"), QStringLiteral("--hog-slice-ms"),
                        QStringLiteral("70000")}
                                    << QStringLiteral("--hog-slice-ms takes a whole number from 1 to 60000");
    const auto counter = [](QStringList args) {
        return QStringList{QStringLiteral("--workload"), QStringLiteral("counter")} + args;
    };
    QTest::newRow("sync without the counter") << QStringList{QStringLiteral("--sync"), QStringLiteral("lock")}
                                              << QStringLiteral("--sync is for the shared counter");
    QTest::newRow("permits without the counter")
        << QStringList{QStringLiteral("--permits"), QStringLiteral("2")}
        << QStringLiteral("--permits is for the shared counter");
    QTest::newRow("await inside without the counter")
        << QStringList{QStringLiteral("--strategy"), QStringLiteral("async"),
                       QStringLiteral("--yield-inside")}
        << QStringLiteral("--yield-inside is for the shared counter");
    QTest::newRow("unknown sync") << counter({QStringLiteral("--sync"), QStringLiteral("mutex")})
                                  << QStringLiteral("unknown sync 'mutex'");
    QTest::newRow("await inside a thread")
        << counter(
               {QStringLiteral("--strategy"), QStringLiteral("threads"), QStringLiteral("--yield-inside")})
        << QStringLiteral("--yield-inside puts an await inside");
    QTest::newRow("await inside every strategy")
        << counter({QStringLiteral("--strategy"), QStringLiteral("all"), QStringLiteral("--yield-inside")})
        << QStringLiteral("needs --strategy async");
    QTest::newRow("permits with a lock") << counter({QStringLiteral("--sync"), QStringLiteral("lock"),
                                                     QStringLiteral("--permits"), QStringLiteral("2")})
                                         << QStringLiteral("--permits is the semaphore's count");
    QTest::newRow("zero permits") << counter({QStringLiteral("--sync"), QStringLiteral("semaphore"),
                                              QStringLiteral("--permits"), QStringLiteral("0")})
                                  << QStringLiteral("--permits takes a whole number from 1");
    QTest::newRow("more permits than tasks")
        << counter({QStringLiteral("--tasks"), QStringLiteral("3"), QStringLiteral("--sync"),
                    QStringLiteral("semaphore"), QStringLiteral("--permits"), QStringLiteral("4")})
        << QStringLiteral("from 1 to the number of tasks (3)");
    QTest::newRow("counter n too large") << counter({QStringLiteral("--n"), QStringLiteral("1000001")})
                                         << QStringLiteral("from 1 to 1000000 for the counter workload");
}

void TestRunArguments::rejects()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const auto parsed = parse(args);
    QVERIFY(std::holds_alternative<ArgumentError>(parsed));
    const QString got = QString::fromStdString(std::get<ArgumentError>(parsed).message);
    QVERIFY2(got.contains(message), qPrintable(got));
    QVERIFY(!got.contains(QLatin1Char('\n')));
}

void TestRunArguments::experimentRoundTrips()
{
    Experiment e;
    e.workload = WorkloadKind::Io;
    e.tasks = 33;
    e.n = 123'456;
    e.gil = true;
    e.switchMs = 7;
    e.io.url = "http://127.0.0.1:8080/x";
    e.io.reuse = false;
    e.io.timeoutMs = 1234;
    e.io.tls = true;
    e.io.serverCertificate = "/tmp/multitask-lab-x/server.pem";
    e.crashTask = 4;
    const std::vector<std::string> args = workerArguments(e);
    const auto parsed = parseWorkerArguments({args.begin(), args.end()});
    QVERIFY(std::holds_alternative<RunArguments>(parsed));
    const Experiment &back = std::get<RunArguments>(parsed).experiment;
    QCOMPARE(back.workload, e.workload);
    QCOMPARE(back.tasks, e.tasks);
    QCOMPARE(back.n, e.n);
    QCOMPARE(back.gil, e.gil);
    QCOMPARE(back.switchMs, e.switchMs);
    QCOMPARE(back.io.url, e.io.url);
    QCOMPARE(back.io.reuse, e.io.reuse);
    QCOMPARE(back.io.timeoutMs, e.io.timeoutMs);
    QCOMPARE(back.io.tls, e.io.tls);
    QCOMPARE(back.io.serverCertificate, e.io.serverCertificate);
    QCOMPARE(back.crashTask, e.crashTask);
}

void TestRunArguments::starvingOptionsNeedAsyncIo()
{
    const QStringList asyncIo{QStringLiteral("--workload"), QStringLiteral("io"),
                              QStringLiteral("--strategy"), QStringLiteral("async")};
    const auto blocking = parse(asyncIo + QStringList{QStringLiteral("--blocking")});
    QVERIFY(std::get<RunArguments>(blocking).experiment.io.blocking);
    const auto sliced = parse(
        asyncIo +
        QStringList{QStringLiteral("--hog-ms"), QStringLiteral("500"), QStringLiteral("--hog-slice-ms=10")});
    const IoOptions &io = std::get<RunArguments>(sliced).experiment.io;
    QVERIFY(!io.blocking);
    QCOMPARE(io.hogMs, 500);
    QCOMPARE(io.hogSliceMs, 10);
    const IoOptions defaults = std::get<RunArguments>(parse(asyncIo)).experiment.io;
    QVERIFY(!defaults.blocking);
    QCOMPARE(defaults.hogMs, 0);
    QCOMPARE(defaults.hogSliceMs, 0);
}

// The counter's options, their defaults, and the worker processes rebuilding them.
void TestRunArguments::counterOptions()
{
    const auto plain = parse({QStringLiteral("--workload"), QStringLiteral("counter")});
    const Experiment &defaults = std::get<RunArguments>(plain).experiment;
    QCOMPARE(defaults.workload, WorkloadKind::Counter);
    QCOMPARE(defaults.n, CounterN);
    QCOMPARE(defaults.counter.sync, SyncKind::None);
    QVERIFY(!defaults.counter.yieldInside);

    const auto parsed = parse(
        {QStringLiteral("--workload"), QStringLiteral("counter"), QStringLiteral("--strategy"),
         QStringLiteral("async"), QStringLiteral("--tasks"), QStringLiteral("4"), QStringLiteral("--n"),
         QStringLiteral("1000000"), QStringLiteral("--sync"), QStringLiteral("semaphore"),
         QStringLiteral("--permits=3"), QStringLiteral("--yield-inside")});
    QVERIFY(std::holds_alternative<RunArguments>(parsed));
    const Experiment &e = std::get<RunArguments>(parsed).experiment;
    QCOMPARE(e.n, MaxCounterN);
    QCOMPARE(e.counter.sync, SyncKind::Semaphore);
    QCOMPARE(e.counter.permits, 3);
    QVERIFY(e.counter.yieldInside);

    // A semaphore without --permits lets two in, or one when there is a single task.
    const auto single = parse({QStringLiteral("--workload"), QStringLiteral("counter"),
                               QStringLiteral("--tasks"), QStringLiteral("1"), QStringLiteral("--sync"),
                               QStringLiteral("semaphore")});
    QCOMPARE(std::get<RunArguments>(single).experiment.counter.permits, 1);

    Experiment worker = e;
    worker.strategy = StrategyKind::Processes;
    worker.counter.yieldInside = false;
    const std::vector<std::string> args = workerArguments(worker);
    const auto back = parseWorkerArguments({args.begin(), args.end()});
    QVERIFY(std::holds_alternative<RunArguments>(back));
    const Experiment &rebuilt = std::get<RunArguments>(back).experiment;
    QCOMPARE(rebuilt.workload, WorkloadKind::Counter);
    QCOMPARE(rebuilt.n, e.n);
    QCOMPARE(rebuilt.counter.sync, SyncKind::Semaphore);
    QCOMPARE(rebuilt.counter.permits, 3);
    QCOMPARE(workerProgram(worker).ends_with("multitask-lab-cpu-worker"), true);
}

QTEST_APPLESS_MAIN(TestRunArguments)
#include "tst_runarguments.moc"
