#include "chrometrace.h"
#include "runner.h"
#include "tracechecks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <cmath>

using namespace mtlab;

class TestChromeTrace : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void isValidJsonWithEveryEventComplete();
    void metadataNamesRunsAndLanes();
    void spansRoundTrip();
    void escapesText();

private:
    QJsonArray events() const;
    std::vector<RunResult> m_runs;
};

void TestChromeTrace::initTestCase()
{
    for (const StrategyKind kind : {StrategyKind::Sync, StrategyKind::Threads})
        m_runs.push_back(Runner(checks::cpuExperiment(kind, 4, 2, 200'000)).run());
}

QJsonArray TestChromeTrace::events() const
{
    const std::string json = chromeTraceJson({&m_runs[0], &m_runs[1]});
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << error.errorString() << "at" << error.offset;
    return doc.object().value(QLatin1String("traceEvents")).toArray();
}

void TestChromeTrace::isValidJsonWithEveryEventComplete()
{
    const QJsonArray all = events();
    QVERIFY(!all.isEmpty());
    int complete = 0;
    for (const QJsonValue &value : all) {
        const QJsonObject event = value.toObject();
        const QString ph = event.value(QLatin1String("ph")).toString();
        QVERIFY(ph == QLatin1String("X") || ph == QLatin1String("M"));
        if (ph != QLatin1String("X"))
            continue;
        ++complete;
        for (const char *key : {"ts", "dur", "pid", "tid", "name"})
            QVERIFY2(event.contains(QLatin1String(key)), key);
        QVERIFY(event.value(QLatin1String("ts")).toDouble() >= 0);
        QVERIFY(event.value(QLatin1String("dur")).toDouble() >= 0);
    }
    QCOMPARE(complete, int(m_runs[0].trace.spans().size() + m_runs[1].trace.spans().size()));
}

void TestChromeTrace::metadataNamesRunsAndLanes()
{
    QStringList processes;
    QSet<QString> threads;
    for (const QJsonValue &value : events()) {
        const QJsonObject event = value.toObject();
        const QString name = event.value(QLatin1String("name")).toString();
        const QString arg =
            event.value(QLatin1String("args")).toObject().value(QLatin1String("name")).toString();
        if (name == QLatin1String("process_name"))
            processes << arg;
        if (name == QLatin1String("thread_name"))
            threads << arg;
    }
    QCOMPARE(processes.size(), 2);
    QVERIFY(processes[0].startsWith(QLatin1String("sync")));
    QVERIFY(processes[1].startsWith(QLatin1String("threads, 2 workers")));
    QVERIFY(threads.contains(QLatin1String("main thread")));
    QVERIFY(threads.contains(QLatin1String("thread 2")));
}

// Every span comes back: its state as the name, its task, result and CPU time in args, its time
// in µs. (A busy machine cuts a task's computing into cpu and ready spans.)
void TestChromeTrace::spansRoundTrip()
{
    const Trace &trace = m_runs[0].trace;
    std::size_t index = 0;
    for (const QJsonValue &value : events()) {
        const QJsonObject event = value.toObject();
        if (event.value(QLatin1String("pid")).toInt() != 1 ||
            event.value(QLatin1String("ph")).toString() != QLatin1String("X"))
            continue;
        QVERIFY(index < trace.spans().size());
        const Span &span = trace.spans()[index++];
        QCOMPARE(event.value(QLatin1String("name")).toString(),
                 QString::fromUtf8(stateName(span.state).data(), qsizetype(stateName(span.state).size())));
        QVERIFY(span.state == State::Cpu || span.state == State::Ready);
        const QJsonObject args = event.value(QLatin1String("args")).toObject();
        const int task = args.value(QLatin1String("task")).toInt();
        QCOMPARE(task, span.task);
        const TaskRecord &record = trace.tasks()[std::size_t(task)];
        QCOMPARE(args.value(QLatin1String("result")).toString(),
                 QString::fromStdString(toDecimal(record.value)));
        QVERIFY(record.cpuNs > 0);
        // In ms with three decimals: to the µs.
        QVERIFY(std::abs(args.value(QLatin1String("task_cpu_ms")).toDouble() * 1e6 - double(record.cpuNs)) <=
                500);
        QCOMPARE(qint64(event.value(QLatin1String("ts")).toDouble() * 1000 + 0.5),
                 qint64(span.begin - trace.origin()));
    }
    QCOMPARE(index, trace.spans().size());
}

void TestChromeTrace::escapesText()
{
    RunResult run;
    run.trace = Trace(
        {Lane{0, LaneKind::MainThread, "lane \"one\"\n\\", 1, 1, -1, 0}},
        {Span{.begin = 10, .end = 20, .lane = 0, .task = 0, .detail = 0, .state = State::Failed}},
        {"bad \"quote\"\t"}, {TaskRecord{0, 0, false, false, 0, 0, "bad \"quote\"\t"}}, 0);
    const std::string json = chromeTraceJson({&run});
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(
        QString::fromUtf8(QJsonDocument(doc).toJson()).contains(QStringLiteral("lane \\\"one\\\"\\n\\\\")));
}

QTEST_APPLESS_MAIN(TestChromeTrace)
#include "tst_chrometrace.moc"
