#include "csvexport.h"
#include "runner.h"
#include "tracechecks.h"

#include <QMap>
#include <QStringList>
#include <QTest>

using namespace mtlab;
using namespace Qt::StringLiterals;

// The runs' CSV as a spreadsheet reads it: parsed back with RFC 4180 rules, every row as wide as
// the header, the runs' summaries first, then their spans.
class TestCsvExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void headerNamesTheColumns();
    void oneRowPerSpan();
    void oneSummaryRowPerRun();
    void speedupIsOverTheBaseline_data();
    void speedupIsOverTheBaseline();
    void timesAreRelativeToTheRunStart();
    void quotesAwkwardText_data();
    void quotesAwkwardText();

private:
    static QList<QStringList> parse(const std::string &csv);
    // The rows of one kind, as column name -> value.
    static QList<QMap<QString, QString>> rows(const std::string &csv, const QString &kind);
    std::vector<RunResult> m_runs;
};

// A minimal RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks.
QList<QStringList> TestCsvExport::parse(const std::string &csv)
{
    QList<QStringList> records;
    QStringList record;
    QString current;
    bool quoted = false;
    const QString text = QString::fromStdString(csv);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text[i + 1] == u'"')
                current += text[++i];
            else if (c == u'"')
                quoted = false;
            else
                current += c;
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            record << current;
            current.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') {
            ++i;
            record << current;
            records << record;
            record.clear();
            current.clear();
        } else {
            current += c;
        }
    }
    return records;
}

QList<QMap<QString, QString>> TestCsvExport::rows(const std::string &csv, const QString &kind)
{
    const QList<QStringList> records = parse(csv);
    QList<QMap<QString, QString>> out;
    for (qsizetype i = 1; i < records.size(); ++i) {
        if (records[i].value(0) != kind)
            continue;
        QMap<QString, QString> row;
        for (qsizetype c = 0; c < records[0].size(); ++c)
            row[records[0][c]] = records[i].value(c);
        out << row;
    }
    return out;
}

void TestCsvExport::initTestCase()
{
    for (const StrategyKind kind : {StrategyKind::Sync, StrategyKind::Threads})
        m_runs.push_back(Runner(checks::cpuExperiment(kind, 5, 2, 100'000)).run());
}

void TestCsvExport::headerNamesTheColumns()
{
    const QList<QStringList> records = parse(traceCsv({}));
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.front().join(u','),
             QStringLiteral("kind,run,strategy,workers,wall_ms,cpu_ms,speedup,ok,failed,"
                            "lane,lane_name,pid,task,state,phase,begin_ms,end_ms,duration_ms,detail"));
}

void TestCsvExport::oneRowPerSpan()
{
    const std::string csv = traceCsv({&m_runs[0], &m_runs[1]});
    const QList<QStringList> records = parse(csv);
    const qsizetype spans = qsizetype(m_runs[0].trace.spans().size() + m_runs[1].trace.spans().size());
    QCOMPARE(records.size(), 1 + 2 + spans);
    for (const QStringList &record : records)
        QCOMPARE(record.size(), 19);
    const auto spanRows = rows(csv, QStringLiteral("span"));
    QCOMPARE(spanRows.size(), spans);
    QCOMPARE(spanRows.front()[QStringLiteral("run")], QStringLiteral("sync, 1 worker"));
    QCOMPARE(spanRows.front()[QStringLiteral("strategy")], QStringLiteral("sync"));
    QCOMPARE(spanRows.back()[QStringLiteral("run")], QStringLiteral("threads, 2 workers"));
    QCOMPARE(spanRows.back()[QStringLiteral("workers")], QStringLiteral("2"));
    for (const auto &row : spanRows) // a span row leaves the summary columns empty
        QVERIFY(row[QStringLiteral("wall_ms")].isEmpty() && row[QStringLiteral("ok")].isEmpty());
}

void TestCsvExport::oneSummaryRowPerRun()
{
    const std::string csv = traceCsv({&m_runs[0], &m_runs[1]});
    const QList<QStringList> records = parse(csv);
    QCOMPARE(records[1][0], QStringLiteral("run")); // the summaries come first
    QCOMPARE(records[2][0], QStringLiteral("run"));
    const auto runRows = rows(csv, QStringLiteral("run"));
    QCOMPARE(runRows.size(), 2);
    for (int i = 0; i < 2; ++i) {
        const RunResult &run = m_runs[std::size_t(i)];
        const auto &row = runRows[i];
        QCOMPARE(row[QStringLiteral("strategy")], QString::fromLatin1(strategyName(run.experiment.strategy)));
        QCOMPARE(row[QStringLiteral("workers")], QString::number(run.experiment.workerCount()));
        QCOMPARE(row[QStringLiteral("wall_ms")].toDouble() * 1e6, double(run.wallNs));
        QCOMPARE(qRound64(row[QStringLiteral("cpu_ms")].toDouble() * 1e6), qint64(run.cpuNs()));
        QCOMPARE(row[QStringLiteral("ok")], QString::number(run.ok));
        QCOMPARE(row[QStringLiteral("failed")], QStringLiteral("0"));
        QVERIFY(row[QStringLiteral("lane")].isEmpty() && row[QStringLiteral("state")].isEmpty());
    }
}

void TestCsvExport::speedupIsOverTheBaseline_data()
{
    QTest::addColumn<QList<int>>("strategies"); // StrategyKind, each a run with that many workers
    QTest::addColumn<QList<qint64>>("wallMs");
    QTest::addColumn<QStringList>("speedups");
    const int sync = int(StrategyKind::Sync), threads = int(StrategyKind::Threads);
    QTest::newRow("over sync, wherever it is")
        << QList<int>{threads, sync} << QList<qint64>{250, 1000} << QStringList{u"4.000"_s, u""_s};
    QTest::newRow("a sweep: over its first run")
        << QList<int>{threads, threads, threads} << QList<qint64>{900, 450, 300}
        << QStringList{u""_s, u"2.000"_s, u"3.000"_s};
    QTest::newRow("slower than sync")
        << QList<int>{sync, threads} << QList<qint64>{100, 400} << QStringList{u""_s, u"0.250"_s};
    QTest::newRow("a lone run") << QList<int>{threads} << QList<qint64>{100} << QStringList{u""_s};
}

void TestCsvExport::speedupIsOverTheBaseline()
{
    QFETCH(QList<int>, strategies);
    QFETCH(QList<qint64>, wallMs);
    QFETCH(QStringList, speedups);
    std::vector<RunResult> runs(std::size_t(strategies.size()));
    std::vector<const RunResult *> pointers;
    for (qsizetype i = 0; i < strategies.size(); ++i) {
        runs[std::size_t(i)].experiment.strategy = StrategyKind(strategies[i]);
        runs[std::size_t(i)].experiment.workers = int(i) + 1;
        runs[std::size_t(i)].wallNs = wallMs[i] * 1'000'000;
        pointers.push_back(&runs[std::size_t(i)]);
    }
    const auto runRows = rows(traceCsv(pointers), QStringLiteral("run"));
    QCOMPARE(runRows.size(), speedups.size());
    for (qsizetype i = 0; i < speedups.size(); ++i)
        QCOMPARE(runRows[i][QStringLiteral("speedup")], speedups[i]);
}

void TestCsvExport::timesAreRelativeToTheRunStart()
{
    RunResult run;
    const std::int64_t origin = 5'000'000'000;
    run.trace = Trace({Lane{0, LaneKind::MainThread, "main thread", 42, 42, -1, 0}},
                      {Span{.begin = origin + 1'500'000,
                            .end = origin + 2'750'001,
                            .lane = 0,
                            .task = 3,
                            .state = State::IoWait,
                            .phase = IoPhase::Transfer}},
                      {}, {}, origin);
    const QList<QStringList> records = parse(traceCsv({&run}));
    QCOMPARE(records.size(), 3);
    const QStringList expected{QStringLiteral("span"),
                               QStringLiteral("sync, 1 worker"),
                               QStringLiteral("sync"),
                               QStringLiteral("1"),
                               QString(),
                               QString(),
                               QString(),
                               QString(),
                               QString(),
                               QStringLiteral("0"),
                               QStringLiteral("main thread"),
                               QStringLiteral("42"),
                               QStringLiteral("3"),
                               QStringLiteral("io-wait"),
                               QStringLiteral("transfer"),
                               QStringLiteral("1.500000"),
                               QStringLiteral("2.750001"),
                               QStringLiteral("1.250001"),
                               QString()};
    QCOMPARE(records[2], expected);
}

void TestCsvExport::quotesAwkwardText_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("comma") << QStringLiteral("HTTP 500, server error");
    QTest::newRow("quotes") << QStringLiteral("said \"no\"");
    QTest::newRow("newline") << QStringLiteral("first line\nsecond line");
    QTest::newRow("crlf") << QStringLiteral("first\r\nsecond");
    QTest::newRow("all") << QStringLiteral("\"a\", b\r\n\"");
    QTest::newRow("plain") << QStringLiteral("timeout");
}

void TestCsvExport::quotesAwkwardText()
{
    QFETCH(QString, text);
    RunResult run;
    run.trace = Trace(
        {Lane{0, LaneKind::MainThread, text.toStdString(), 1, 1, -1, 0}},
        {Span{.begin = 10, .end = 20, .lane = 0, .task = 0, .detail = 0, .state = State::Failed}},
        {text.toStdString()}, {}, 0);
    const auto spanRows = rows(traceCsv({&run}), QStringLiteral("span"));
    QCOMPARE(spanRows.size(), 1);
    QCOMPARE(spanRows[0][QStringLiteral("lane_name")], text);
    QCOMPARE(spanRows[0][QStringLiteral("detail")], text);
}

QTEST_APPLESS_MAIN(TestCsvExport)
#include "tst_csvexport.moc"
