#include "presets.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTest>

#include <thread>

using namespace mtlab;

Q_DECLARE_METATYPE(mtlab::WorkloadKind)
Q_DECLARE_METATYPE(mtlab::StrategyKind)

// The presets: the article's seven experiments are there with the right settings, every preset
// parses with the command line's parser, and `multitask-lab presets` lists them.
class TestPresets : public QObject
{
    Q_OBJECT

private slots:
    void articleExperimentsArePresets_data();
    void articleExperimentsArePresets();
    void comparisonsRunAllFour();
    void interpreterLockPresetHasTheLock();
    void counterPresetsShowEachCase_data();
    void counterPresetsShowEachCase();
    void onlySessionPresetsUseTls();
    void everyPresetParsesAndRoundTrips();
    void namesIdsAndDescriptionsAreUsable();
    void findTakesIdOrNameInAnyCase();
    void aBadPresetIsNamed();
    void outputOptionsAreRefused();
    void commandListsOnePresetALine();
    void commandListsInTheSystemsLanguage();
};

void TestPresets::articleExperimentsArePresets_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<WorkloadKind>("workload");
    QTest::addColumn<StrategyKind>("strategy");
    QTest::addColumn<int>("tasks");
    QTest::addColumn<int>("workers");
    const int cpus = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    QTest::newRow("I/O sync") << QStringLiteral("I/O: 100 downloads, one at a time") << WorkloadKind::Io
                              << StrategyKind::Sync << 100 << 1;
    QTest::newRow("I/O threads") << QStringLiteral("I/O: 100 downloads, thread pool of 5") << WorkloadKind::Io
                                 << StrategyKind::Threads << 100 << 5;
    QTest::newRow("I/O async") << QStringLiteral("I/O: 100 downloads, async, all at once") << WorkloadKind::Io
                               << StrategyKind::Async << 100 << 1;
    QTest::newRow("I/O processes") << QStringLiteral("I/O: 100 downloads, process pool (one per CPU)")
                                   << WorkloadKind::Io << StrategyKind::Processes << 100 << cpus;
    QTest::newRow("CPU sync") << QStringLiteral("CPU: 20 sums of squares, one at a time") << WorkloadKind::Cpu
                              << StrategyKind::Sync << 20 << 1;
    QTest::newRow("CPU threads") << QStringLiteral("CPU: 20 sums of squares, thread pool of 5")
                                 << WorkloadKind::Cpu << StrategyKind::Threads << 20 << 5;
    QTest::newRow("CPU processes") << QStringLiteral("CPU: 20 sums of squares, process pool (one per CPU)")
                                   << WorkloadKind::Cpu << StrategyKind::Processes << 20 << cpus;
}

void TestPresets::articleExperimentsArePresets()
{
    QFETCH(QString, name);
    QFETCH(WorkloadKind, workload);
    QFETCH(StrategyKind, strategy);
    QFETCH(int, tasks);
    QFETCH(int, workers);
    const Preset *preset = findPreset(name);
    QVERIFY2(preset, qPrintable(name));
    QCOMPARE(preset->experiment.workload, workload);
    QCOMPARE(preset->strategies, std::vector<StrategyKind>{strategy});
    QCOMPARE(preset->experiment.strategy, strategy);
    QCOMPARE(preset->experiment.tasks, tasks);
    QCOMPARE(preset->experiment.workerCount(), workers);
    QVERIFY(!preset->experiment.gil);
    // The article's downloads: one server, 100 ms a page, all at once for async.
    QCOMPARE(preset->experiment.io.delayMs, 100);
    QCOMPARE(preset->experiment.io.maxInFlight, 0);
    QVERIFY(preset->experiment.io.url.empty());
}

void TestPresets::comparisonsRunAllFour()
{
    const std::vector<StrategyKind> four{StrategyKind::Sync, StrategyKind::Threads, StrategyKind::Async,
                                         StrategyKind::Processes};
    for (const char *id : {"io-all", "cpu-all"}) {
        const Preset *preset = findPreset(QLatin1String(id));
        QVERIFY2(preset, id);
        QCOMPARE(preset->strategies, four);
    }
    QCOMPARE(findPreset(QStringLiteral("io-all"))->experiment.tasks, 100);
    QCOMPARE(findPreset(QStringLiteral("cpu-all"))->experiment.tasks, 20);
}

void TestPresets::interpreterLockPresetHasTheLock()
{
    const Preset *preset = findPreset(
        QStringLiteral("CPU: thread pool of 5 with the interpreter lock (as in CPython)"));
    QVERIFY(preset);
    QCOMPARE(preset->experiment.strategy, StrategyKind::Threads);
    QCOMPARE(preset->experiment.workers, 5);
    QVERIFY(preset->experiment.gil);
}

// The shared counter's presets: one for each way the article tells the race.
void TestPresets::counterPresetsShowEachCase_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<StrategyKind>("strategy");
    QTest::addColumn<SyncKind>("sync");
    QTest::addColumn<bool>("yieldInside");
    QTest::newRow("threads") << QStringLiteral("counter-threads") << StrategyKind::Threads << SyncKind::None
                             << false;
    QTest::newRow("lock") << QStringLiteral("counter-threads-lock") << StrategyKind::Threads << SyncKind::Lock
                          << false;
    QTest::newRow("semaphore") << QStringLiteral("counter-threads-semaphore") << StrategyKind::Threads
                               << SyncKind::Semaphore << false;
    QTest::newRow("async") << QStringLiteral("counter-async") << StrategyKind::Async << SyncKind::None
                           << false;
    QTest::newRow("await inside") << QStringLiteral("counter-async-await") << StrategyKind::Async
                                  << SyncKind::None << true;
    QTest::newRow("processes") << QStringLiteral("counter-processes") << StrategyKind::Processes
                               << SyncKind::None << false;
}

void TestPresets::counterPresetsShowEachCase()
{
    QFETCH(QString, id);
    QFETCH(StrategyKind, strategy);
    QFETCH(SyncKind, sync);
    QFETCH(bool, yieldInside);
    const Preset *preset = findPreset(id);
    QVERIFY2(preset, qPrintable(id));
    QCOMPARE(preset->experiment.workload, WorkloadKind::Counter);
    QCOMPARE(preset->strategies, std::vector<StrategyKind>{strategy});
    QCOMPARE(preset->experiment.counter.sync, sync);
    QCOMPARE(preset->experiment.counter.yieldInside, yieldInside);
    QCOMPARE(preset->experiment.n, CounterN);
    if (sync == SyncKind::Semaphore)
        QCOMPARE(preset->experiment.counter.permits, 2);
}

// The session presets show what a session saves: the TLS handshake of every new connection.
// The others download over plain HTTP, as the article's experiments do.
void TestPresets::onlySessionPresetsUseTls()
{
    for (const Preset &preset : builtinPresets()) {
        const bool session = preset.id == QLatin1String("io-reuse") ||
            preset.id == QLatin1String("io-no-reuse");
        QVERIFY2(preset.experiment.io.tls == session, qPrintable(preset.id));
        QVERIFY2((preset.experiment.io.setupMs > 0) == session, qPrintable(preset.id));
    }
    QVERIFY(findPreset(QStringLiteral("io-reuse"))->experiment.io.reuse);
    QVERIFY(!findPreset(QStringLiteral("io-no-reuse"))->experiment.io.reuse);
}

void TestPresets::everyPresetParsesAndRoundTrips()
{
    initResources();
    QFile file(QStringLiteral(":/presets.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto parsed = parsePresets(file.readAll());
    if (const auto *error = std::get_if<QString>(&parsed))
        QFAIL(qPrintable(*error));
    const auto &presets = std::get<std::vector<Preset>>(parsed);
    QCOMPARE(presets.size(), builtinPresets().size());
    QVERIFY(presets.size() >= 10);
    for (const Preset &preset : presets) {
        // Written out and read back, the experiment is the same: settings store it that way.
        const QStringList arguments = toRunArguments(preset.experiment, preset.strategies);
        const auto again = fromRunArguments(arguments.join(QLatin1Char(' ')));
        QVERIFY2(std::holds_alternative<ParsedExperiment>(again), qPrintable(preset.id));
        const auto &experiment = std::get<ParsedExperiment>(again);
        QCOMPARE(toRunArguments(experiment.experiment, experiment.strategies), arguments);
    }
}

void TestPresets::namesIdsAndDescriptionsAreUsable()
{
    QSet<QString> keys;
    for (const Preset &preset : builtinPresets()) {
        QVERIFY2(!preset.id.contains(QLatin1Char(' ')), qPrintable(preset.id));
        // One line of `multitask-lab presets` each: no tabs or line breaks inside.
        for (const QString &text : {preset.name, preset.description}) {
            QVERIFY2(!text.contains(QLatin1Char('\t')) && !text.contains(QLatin1Char('\n')),
                     qPrintable(text));
        }
        QVERIFY2(preset.description.endsWith(QLatin1Char('.')), qPrintable(preset.description));
        QVERIFY(!keys.contains(preset.id.toLower()));
        QVERIFY(!keys.contains(preset.name.toLower()));
        keys << preset.id.toLower() << preset.name.toLower();
    }
}

void TestPresets::findTakesIdOrNameInAnyCase()
{
    const Preset *byId = findPreset(QStringLiteral("IO-THREADS"));
    QVERIFY(byId);
    QCOMPARE(findPreset(QStringLiteral("i/o: 100 downloads, thread pool of 5")), byId);
    QCOMPARE(findPreset(QStringLiteral("no such preset")), nullptr);
}

void TestPresets::aBadPresetIsNamed()
{
    const QByteArray json = R"({"presets": [
        {"id": "fine", "name": "Fine", "description": "Fine.", "arguments": "--workload cpu"},
        {"id": "broken", "name": "Broken", "description": "Broken.", "arguments": "--workload cpu --tasks zero"}
    ]})";
    const auto parsed = parsePresets(json);
    QVERIFY(std::holds_alternative<QString>(parsed));
    const QString error = std::get<QString>(parsed);
    QVERIFY2(error.contains(QLatin1String("broken")) && error.contains(QLatin1String("--tasks")),
             qPrintable(error));

    const QByteArray twice = R"({"presets": [
        {"id": "a", "name": "Same", "description": "A.", "arguments": "--workload cpu"},
        {"id": "b", "name": "same", "description": "B.", "arguments": "--workload io"}
    ]})";
    QVERIFY(std::holds_alternative<QString>(parsePresets(twice)));
    QVERIFY(std::holds_alternative<QString>(parsePresets("{")));
}

void TestPresets::outputOptionsAreRefused()
{
    QVERIFY(
        std::holds_alternative<QString>(fromRunArguments(QStringLiteral("--workload cpu --trace t.json"))));
    QVERIFY(std::holds_alternative<QString>(fromRunArguments(QStringLiteral("--workload cpu --json"))));
}

void TestPresets::commandListsOnePresetALine()
{
    QProcess process;
    process.start(QCoreApplication::applicationDirPath() + QStringLiteral("/multitask-lab"),
                  {QStringLiteral("presets")});
    QVERIFY(process.waitForFinished(30'000));
    QCOMPARE(process.exitCode(), 0);
    const QStringList lines =
        QString::fromUtf8(process.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), qsizetype(builtinPresets().size()));
    for (std::size_t i = 0; i < builtinPresets().size(); ++i) {
        const QStringList fields = lines[qsizetype(i)].split(QLatin1Char('\t'));
        QCOMPARE(fields.size(), 2);
        QCOMPARE(fields[0], builtinPresets()[i].name);
        QCOMPARE(fields[1], builtinPresets()[i].description);
    }
}

// A Korean system gets the Korean names and descriptions; the ids, which --preset takes with the
// English names, stay as they are.
void TestPresets::commandListsInTheSystemsLanguage()
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("LC_ALL"));
    environment.insert(QStringLiteral("LANGUAGE"), QStringLiteral("ko"));
    process.setProcessEnvironment(environment);
    process.start(QCoreApplication::applicationDirPath() + QStringLiteral("/multitask-lab"),
                  {QStringLiteral("presets"), QStringLiteral("--ids")});
    QVERIFY(process.waitForFinished(30'000));
    QCOMPARE(process.exitCode(), 0);
    const QStringList lines =
        QString::fromUtf8(process.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), qsizetype(builtinPresets().size()));
    const QStringList threads = lines[1].split(QLatin1Char('\t'));
    QCOMPARE(threads.size(), 3);
    QCOMPARE(threads[0], QStringLiteral("io-threads"));
    QCOMPARE(threads[1], QStringLiteral("I/O: 다운로드 100회, 스레드 5개 풀"));
    QVERIFY(threads[2].startsWith(QStringLiteral("스레드 다섯 개가")));
    QCOMPARE(findPreset(QStringLiteral("I/O: 100 downloads, thread pool of 5")), findPreset(threads[0]));
}

QTEST_GUILESS_MAIN(TestPresets)
#include "tst_presets.moc"
