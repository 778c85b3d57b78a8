#include "chromeimporter.h"
#include "chrometrace.h"
#include "handbuilttraces.h"
#include "runner.h"
#include "tracechecks.h"
#include "tracefilereader.h"

#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <fstream>
#include <random>

using namespace mtlab;

// Reading the Chrome Trace Event Format: each kind of event as other tools write it, each kind of
// malformed file, this program's own export read back, and random damage to all of them.
class TestChromeImport : public QObject
{
    Q_OBJECT

private slots:
    void completeEventsInMicroseconds();
    void beginEndNest();
    void asyncEventsGetTracks();
    void instantsAndCounters();
    void metadataNamesAndOrders();
    void arrayFormMayLackItsEnd_data();
    void arrayFormMayLackItsEnd();
    void malformedGetsOneLine_data();
    void malformedGetsOneLine();
    void fileChecks();
    void ourExportReadsBack();
    void handBuiltRunReadsBack();
    void survivesMutations();
};

namespace {

TraceFile read(const std::string &json)
{
    return ChromeImporter::read(json);
}

std::string error(const std::string &json)
{
    try {
        ChromeImporter::read(json);
    } catch (const std::exception &e) {
        return e.what();
    }
    return {};
}

const Lane *laneNamed(const Trace &trace, const std::string &name)
{
    for (const Lane &lane : trace.lanes())
        if (lane.name == name)
            return &lane;
    return nullptr;
}

std::string label(const Trace &trace, const Span &span)
{
    return span.label < 0 ? std::string(stateName(span.state)) : trace.labels()[span.label];
}

} // namespace

void TestChromeImport::completeEventsInMicroseconds()
{
    const TraceFile file = read(R"({"traceEvents":[
        {"name":"parse","ph":"X","ts":1.5,"dur":2.25,"pid":1,"tid":7},
        {"name":"cpu","ph":"X","ts":10,"dur":0.001,"pid":1,"tid":7,"args":{"x":[1,{"y":null}]}}]})");
    QVERIFY(!file.ours); // "parse" is none of our states
    QCOMPARE(file.runs.size(), std::size_t(1));
    const Trace &trace = file.runs[0].trace;
    QCOMPARE(trace.origin(), std::int64_t(1500));
    QCOMPARE(trace.spans().size(), std::size_t(2));
    const Span &parse = trace.spans()[0];
    QCOMPARE(parse.begin, std::int64_t(1500));
    QCOMPARE(parse.end, std::int64_t(3750));
    QCOMPARE(label(trace, parse), std::string("parse"));
    // A name we write maps to our state even inside another tool's trace.
    QCOMPARE(trace.spans()[1].state, State::Cpu);
    QCOMPARE(trace.spans()[1].label, -1);
    QCOMPARE(trace.spans()[1].duration(), std::int64_t(1));
    QCOMPARE(trace.lanes()[0].name, std::string("thread 7"));
    QCOMPARE(trace.lanes()[0].tid, std::int64_t(7));
}

void TestChromeImport::beginEndNest()
{
    // main [0, 10] holds load [1, 4] (which holds read [2, 3]) and draw [5, 9].
    const TraceFile file = read(R"([
        {"name":"main","ph":"B","ts":0,"pid":1,"tid":1},
        {"name":"load","ph":"B","ts":1,"pid":1,"tid":1},
        {"name":"read","ph":"X","ts":2,"dur":1,"pid":1,"tid":1},
        {"ph":"E","ts":4,"pid":1,"tid":1},
        {"name":"draw","ph":"B","ts":5,"pid":1,"tid":1},
        {"ph":"E","ts":9,"pid":1,"tid":1},
        {"ph":"E","ts":10,"pid":1,"tid":1}])");
    const Trace &trace = file.runs[0].trace;
    // The thread's lane and one sub-lane per depth, each a child of the thread's lane.
    QCOMPARE(trace.lanes().size(), std::size_t(3));
    QCOMPARE(trace.lanes()[1].parent, 0);
    QCOMPARE(trace.lanes()[2].parent, 0);
    const std::map<std::string, std::pair<int, std::int64_t>> expected = {
        {"main", {0, 10'000}}, {"load", {1, 3'000}}, {"read", {2, 1'000}}, {"draw", {1, 4'000}}};
    for (const Span &s : trace.spans()) {
        const auto it = expected.find(label(trace, s));
        QVERIFY(it != expected.end());
        QCOMPARE(s.lane, it->second.first);
        QCOMPARE(s.duration(), it->second.second);
    }
}

void TestChromeImport::asyncEventsGetTracks()
{
    const TraceFile file = read(R"({"traceEvents":[
        {"name":"fetch","cat":"net","ph":"b","ts":0,"pid":1,"tid":1,"id":"0x1"},
        {"name":"fetch","cat":"net","ph":"b","ts":1,"pid":1,"tid":2,"id":"0x2"},
        {"name":"fetch","cat":"net","ph":"e","ts":5,"pid":1,"tid":3,"id":"0x1"},
        {"name":"mark","cat":"net","ph":"n","ts":2,"pid":1,"id":7},
        {"name":"fetch","cat":"net","ph":"e","ts":8,"pid":1,"id":"0x2"},
        {"name":"fetch","cat":"net","ph":"b","ts":9,"pid":1,"id2":{"local":"0x2"}},
        {"name":"fetch","cat":"net","ph":"e","ts":9.5,"pid":1,"id2":{"local":"0x2"}}]})");
    const Trace &trace = file.runs[0].trace;
    const Lane *fetch = laneNamed(trace, "fetch");
    QVERIFY(fetch);
    // Two overlapping fetches: the second on the track's sub-lane.
    int onTrack = 0;
    int below = 0;
    for (const Span &s : trace.spans()) {
        if (label(trace, s) != "fetch")
            continue;
        onTrack += s.lane == fetch->id;
        below += trace.lanes()[s.lane].parent == fetch->id;
    }
    QCOMPARE(onTrack, 2); // the first, and the one by id2 after both ended
    QCOMPARE(below, 1);
    QVERIFY(laneNamed(trace, "mark"));
    QVERIFY(
        error(R"([{"name":"f","ph":"b","ts":0,"pid":1,"id":1},{"ph":"e","ts":1,"pid":1,"id":1}])").empty());
    QVERIFY(error(R"([{"name":"f","ph":"b","ts":0,"pid":1,"id":1},{"ph":"e","ts":1,"pid":1,"id":2}])")
                .find("no begin") != std::string::npos);
}

void TestChromeImport::instantsAndCounters()
{
    const TraceFile file = read(R"({"traceEvents":[
        {"name":"gc","ph":"i","ts":3,"pid":1,"tid":1,"s":"t"},
        {"name":"tick","ph":"I","ts":4,"pid":1,"tid":1},
        {"name":"heap","ph":"C","ts":1,"pid":1,"args":{"used":10,"free":5.5}},
        {"name":"heap","ph":"C","ts":2,"pid":1,"args":{"used":12,"free":3}},
        {"name":"flow","ph":"s","ts":2,"pid":1,"tid":1,"id":1}]})");
    const Trace &trace = file.runs[0].trace;
    QCOMPARE(trace.spans().size(), std::size_t(2));
    for (const Span &s : trace.spans())
        QCOMPARE(s.duration(), std::int64_t(0));
    QCOMPARE(file.counters.size(), std::size_t(2));
    QCOMPARE(file.counters[0].name, std::string("heap.used"));
    QCOMPARE(file.counters[0].points.size(), std::size_t(2));
    QCOMPARE(file.counters[1].points[0].second, 5.5);
    QCOMPARE(file.events, std::int64_t(5));
    QCOMPARE(file.skipped, std::int64_t(1));
}

void TestChromeImport::metadataNamesAndOrders()
{
    const TraceFile file = read(R"({"traceEvents":[
        {"name":"process_name","ph":"M","pid":2,"args":{"name":"renderer"}},
        {"name":"process_name","ph":"M","pid":1,"args":{"name":"browser"}},
        {"name":"process_sort_index","ph":"M","pid":2,"args":{"sort_index":-1}},
        {"name":"thread_name","ph":"M","pid":1,"tid":5,"args":{"name":"IO"}},
        {"name":"thread_name","ph":"M","pid":1,"tid":9,"args":{"name":"Main"}},
        {"name":"thread_sort_index","ph":"M","pid":1,"tid":9,"args":{"sort_index":-5}},
        {"name":"a","ph":"X","ts":0,"dur":1,"pid":1,"tid":5},
        {"name":"b","ph":"X","ts":0,"dur":1,"pid":1,"tid":9},
        {"name":"c","ph":"X","ts":0,"dur":1,"pid":2,"tid":"worker"}]})");
    const Trace &trace = file.runs[0].trace;
    std::vector<std::string> names;
    for (const Lane &lane : trace.lanes())
        names.push_back(lane.name);
    const std::vector<std::string> expected = {"renderer: thread worker", "browser: Main", "browser: IO"};
    QCOMPARE(names, expected);
}

void TestChromeImport::arrayFormMayLackItsEnd_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<int>("spans");
    QTest::newRow("closed") << R"([{"name":"a","ph":"X","ts":0,"dur":1}])" << 1;
    QTest::newRow("no bracket") << R"([{"name":"a","ph":"X","ts":0,"dur":1},
                                       {"name":"b","ph":"X","ts":1,"dur":1}
                                      )"
                                << 2;
    QTest::newRow("trailing comma") << "[{\"name\":\"a\",\"ph\":\"X\",\"ts\":0,\"dur\":1},\n" << 1;
    QTest::newRow("empty") << "[" << 0;
}

void TestChromeImport::arrayFormMayLackItsEnd()
{
    QFETCH(QString, json);
    QFETCH(int, spans);
    QCOMPARE(int(read(json.toStdString()).runs[0].trace.spans().size()), spans);
}

void TestChromeImport::malformedGetsOneLine_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("says");
    const auto x = [](const char *members) {
        return QStringLiteral("{\"traceEvents\":[{\"name\":\"a\",\"pid\":1,\"tid\":1,%1}]}")
            .arg(QLatin1String(members));
    };
    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("not json") << "hello"
                              << "line 1, byte 0: unexpected 'h'";
    QTest::newRow("binary") << "\x01PNG"
                            << "unexpected 0x01";
    QTest::newRow("not a trace") << R"({"events":[]})"
                                 << "no \"traceEvents\"";
    QTest::newRow("a number") << "42"
                              << "neither '{' nor '['";
    QTest::newRow("truncated object") << R"({"traceEvents":[{"name":"a","ph":"X")"
                                      << "ends";
    QTest::newRow("truncated string") << R"({"traceEvents":[{"name":"a)"
                                      << "ends inside a string";
    QTest::newRow("truncated array form") << R"([{"name":"a","ph":"X","ts":0,"dur":1},{"na)"
                                          << "ends";
    QTest::newRow("second line") << "{\"traceEvents\":[\n{\"ph\":\"X\" \"ts\":1}]}"
                                 << "line 2";
    QTest::newRow("events not an array") << R"({"traceEvents":{}})"
                                         << "\"traceEvents\" must be an array";
    QTest::newRow("event not an object") << R"({"traceEvents":[1]})"
                                         << "must be an object";
    QTest::newRow("ts a string") << x(R"("ph":"X","ts":"5","dur":1)") << "\"ts\" must be a number";
    QTest::newRow("ph a number") << x(R"("ph":88,"ts":5,"dur":1)") << "\"ph\" must be a string";
    QTest::newRow("ph two letters") << x(R"("ph":"XX","ts":5,"dur":1)") << "one letter";
    QTest::newRow("args an array") << x(R"("ph":"X","ts":5,"dur":1,"args":[])")
                                   << "\"args\" must be an object";
    QTest::newRow("pid a fraction") << R"([{"name":"a","ph":"X","ts":0,"dur":1,"pid":1.5}])"
                                    << "whole number";
    QTest::newRow("no ph") << x(R"("ts":5,"dur":1)") << "without \"ph\"";
    QTest::newRow("no ts") << x(R"("ph":"X","dur":1)") << "without \"ts\"";
    QTest::newRow("no dur") << x(R"("ph":"X","ts":1)") << "without \"dur\"";
    QTest::newRow("no name") << R"([{"ph":"X","ts":1,"dur":1}])"
                             << "without \"name\"";
    QTest::newRow("negative dur") << x(R"("ph":"X","ts":1,"dur":-2)") << "negative duration";
    QTest::newRow("E without B") << x(R"("ph":"E","ts":1)") << "no \"B\" open";
    QTest::newRow("E before B") << R"([{"name":"a","ph":"B","ts":5},{"ph":"E","ts":1}])"
                                << "before its";
    QTest::newRow("huge ts") << x(R"("ph":"X","ts":1e300,"dur":1)") << "out of range";
    QTest::newRow("counter not a number") << R"([{"name":"c","ph":"C","ts":1,"args":{"v":"x"}}])"
                                          << "must be a number";
    QTest::newRow("trailing comma") << R"({"traceEvents":[],})"
                                    << "expected a key";
    QTest::newRow("garbage after") << R"({"traceEvents":[]} x)"
                                   << "after the end";
    QTest::newRow("bad escape") << R"([{"name":"a\q","ph":"X","ts":0,"dur":1}])"
                                << "bad escape";
    QTest::newRow("raw newline in string") << "[{\"name\":\"a\nb\"}]"
                                           << "control character";
    QTest::newRow("bad number") << R"([{"name":"a","ph":"X","ts":01,"dur":1}])"
                                << "expected ',' or '}'";
    QTest::newRow("bad literal") << R"([{"name":"a","ph":"X","ts":0,"dur":1,"x":nul}])"
                                 << "expected a value";
    QTest::newRow("too deep") << QString(QStringLiteral("[{\"a\":")) + QString(1000, QLatin1Char('['))
                              << "nested";
}

void TestChromeImport::malformedGetsOneLine()
{
    QFETCH(QString, json);
    QFETCH(QString, says);
    const QString message = QString::fromStdString(error(json.toStdString()));
    QVERIFY2(message.contains(says), qPrintable(message));
    QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(message));
}

void TestChromeImport::fileChecks()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("big.json")).toStdString();
    {
        std::ofstream out(path);
        out << "[";
        const std::string event = R"({"name":"a","ph":"X","ts":0,"dur":1},)";
        for (std::size_t size = 0; size < (1u << 20) + 1000; size += event.size())
            out << event;
    }
    TraceFileReader::Result result = TraceFileReader::read(path, 1);
    QVERIFY(!result.file);
    QVERIFY2(result.error.find("--max-file-mb") != std::string::npos, result.error.c_str());
    result = TraceFileReader::read(path, 2);
    QVERIFY2(result.file, result.error.c_str());
    QVERIFY(result.file->events > 20'000);

    result = TraceFileReader::read(dir.filePath(QStringLiteral("missing.json")).toStdString());
    QVERIFY(!result.file);
    QVERIFY(result.error.starts_with("cannot open "));
    result = TraceFileReader::read(dir.path().toStdString());
    QVERIFY(result.error.find("folder") != std::string::npos);

    std::stop_source stop;
    stop.request_stop();
    result = TraceFileReader::read(path, 2, {}, stop.get_token());
    QVERIFY(result.cancelled);
    QVERIFY(!result.file);
}

void TestChromeImport::ourExportReadsBack()
{
    std::vector<RunResult> runs;
    for (const StrategyKind kind : {StrategyKind::Sync, StrategyKind::Threads})
        runs.push_back(Runner(checks::cpuExperiment(kind, 4, 2, 200'000)).run());
    const TraceFile file = read(chromeTraceJson({&runs[0], &runs[1]}));
    QVERIFY(file.ours);
    QCOMPARE(file.runs.size(), std::size_t(2));
    for (std::size_t r = 0; r < runs.size(); ++r) {
        const RunResult &before = runs[r];
        const RunResult &after = file.runs[r];
        QCOMPARE(file.names[r], runLabel(before.experiment));
        QCOMPARE(after.experiment.strategy, before.experiment.strategy);
        QCOMPARE(after.experiment.tasks, before.experiment.tasks);
        QCOMPARE(after.ok, before.ok);
        QVERIFY(after.result == before.result);
        QCOMPARE(after.trace.lanes().size(), before.trace.lanes().size());
        for (std::size_t l = 0; l < before.trace.lanes().size(); ++l) {
            QCOMPARE(after.trace.lanes()[l].name, before.trace.lanes()[l].name);
            QCOMPARE(after.trace.lanes()[l].kind, before.trace.lanes()[l].kind);
        }
        QCOMPARE(after.trace.spans().size(), before.trace.spans().size());
        for (std::size_t i = 0; i < before.trace.spans().size(); ++i) {
            const Span &a = before.trace.spans()[i];
            const Span &b = after.trace.spans()[i];
            QCOMPARE(b.state, a.state);
            QCOMPARE(b.task, a.task);
            QCOMPARE(b.lane, a.lane);
            // Written in µs with three decimals: back to the nanosecond, give or take rounding.
            QVERIFY(std::abs((b.begin - after.trace.origin()) - (a.begin - before.trace.origin())) <= 1);
            QVERIFY(std::abs(b.duration() - a.duration()) <= 1);
        }
        // task_cpu_ms has three decimals: each task's CPU time to the µs.
        QVERIFY(std::abs(after.taskCpuNs() - before.taskCpuNs()) <= 1000 * before.experiment.tasks);
    }
}

void TestChromeImport::handBuiltRunReadsBack()
{
    // The event loop's sub-lanes, I/O phases and the queue come back as they were.
    for (const Trace &trace : {handbuilt::asyncWithOnePermit(), handbuilt::asyncThreeDownloads()}) {
        RunResult run;
        run.experiment.workload = WorkloadKind::Io;
        run.experiment.strategy = StrategyKind::Async;
        run.trace = trace;
        const TraceFile file = read(chromeTraceJson({&run}));
        QVERIFY(file.ours);
        const Trace &back = file.runs[0].trace;
        QCOMPARE(file.runs[0].experiment.strategy, StrategyKind::Async);
        QCOMPARE(back.lanes().size(), trace.lanes().size());
        for (std::size_t l = 0; l < trace.lanes().size(); ++l) {
            QCOMPARE(back.lanes()[l].kind, trace.lanes()[l].kind);
            QCOMPARE(back.lanes()[l].parent, trace.lanes()[l].parent);
        }
        for (std::size_t i = 0; i < trace.spans().size(); ++i) {
            QCOMPARE(back.spans()[i].phase, trace.spans()[i].phase);
            QCOMPARE(back.spans()[i].begin, trace.spans()[i].begin - trace.origin());
        }
    }
}

void TestChromeImport::survivesMutations()
{
    // A deterministic mutation fuzzer: damage valid traces at random and read each; every result
    // is a file read or one line saying why not, never a crash (CI runs this under ASan and UBSan).
    RunResult run;
    run.trace = handbuilt::threadPoolWithQueue();
    const std::vector<std::string> corpus = {
        chromeTraceJson({&run}),
        R"([{"name":"main","ph":"B","ts":0,"pid":1,"tid":1},{"name":"x","ph":"X","ts":1,"dur":2,"pid":1,"tid":1},
            {"ph":"E","ts":4,"pid":1,"tid":1},{"name":"f","cat":"c","ph":"b","ts":0,"pid":1,"id":"0x1"},
            {"name":"f","cat":"c","ph":"e","ts":3,"pid":1,"id":"0x1"},{"name":"h","ph":"C","ts":1,"args":{"v":1}},
            {"name":"i","ph":"i","ts":2,"pid":1,"tid":2,"s":"g"},{"name":"n","cat":"c","ph":"n","ts":2,"pid":1,"id":3},
            {"name":"thread_name","ph":"M","pid":1,"tid":1,"args":{"name":"Main \u00e9\ud83d\ude00"}}])",
    };
    const std::string alphabet = "{}[]\",:0123456789.-eE+ \n\\utfnalsXBEbeiICMph\x01\xff";
    std::mt19937 random(11);
    const auto pick = [&](std::size_t n) {
        return std::uniform_int_distribution<std::size_t>(0, n - 1)(random);
    };
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    int read = 0;
    int refused = 0;
    for (int i = 0; i < 20'000 && std::chrono::steady_clock::now() < deadline; ++i) {
        std::string text = corpus[pick(corpus.size())];
        for (std::size_t m = 1 + pick(4); m-- > 0 && !text.empty();) {
            const std::size_t at = pick(text.size());
            switch (pick(5)) {
            case 0:
                text[at] = alphabet[pick(alphabet.size())];
                break;
            case 1:
                text.insert(at, 1, alphabet[pick(alphabet.size())]);
                break;
            case 2:
                text.erase(at, 1 + pick(16));
                break;
            case 3:
                text.insert(at, text.substr(pick(text.size()), 1 + pick(64)));
                break;
            default:
                text.resize(at);
            }
        }
        try {
            ChromeImporter::read(text);
            ++read;
        } catch (const std::exception &e) {
            const std::string message = e.what();
            QVERIFY2(!message.empty() && message.find('\n') == std::string::npos, message.c_str());
            ++refused;
        }
    }
    qInfo("%d damaged traces read, %d refused", read, refused);
    QVERIFY(refused > 0);
}

QTEST_GUILESS_MAIN(TestChromeImport)
#include "tst_chromeimport.moc"
