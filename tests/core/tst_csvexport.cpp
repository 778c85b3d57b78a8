#include "csvexport.h"
#include "runner.h"
#include "tracechecks.h"

#include <QStringList>
#include <QTest>

using namespace mtlab;

// The spans CSV as a spreadsheet reads it: parsed back with RFC 4180 rules.
class TestCsvExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void headerNamesTheColumns();
    void oneRowPerSpan();
    void timesAreRelativeToTheRunStart();
    void quotesAwkwardText_data();
    void quotesAwkwardText();

private:
    static QList<QStringList> parse(const std::string &csv);
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

void TestCsvExport::initTestCase()
{
    for (const StrategyKind kind : {StrategyKind::Sync, StrategyKind::Threads})
        m_runs.push_back(Runner(checks::cpuExperiment(kind, 5, 2, 100'000)).run());
}

void TestCsvExport::headerNamesTheColumns()
{
    const QList<QStringList> records = parse(spansCsv({}));
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.front().join(u','),
             QStringLiteral(
                 "run,strategy,lane,lane_name,pid,task,state,phase,begin_ms,end_ms,duration_ms,detail"));
}

void TestCsvExport::oneRowPerSpan()
{
    const QList<QStringList> records = parse(spansCsv({&m_runs[0], &m_runs[1]}));
    const qsizetype spans = qsizetype(m_runs[0].trace.spans().size() + m_runs[1].trace.spans().size());
    QCOMPARE(records.size(), spans + 1);
    for (const QStringList &record : records)
        QCOMPARE(record.size(), 12);
    QCOMPARE(records[1][0], QStringLiteral("sync, 1 worker"));
    QCOMPARE(records[1][1], QStringLiteral("sync"));
    QCOMPARE(records.back()[0], QStringLiteral("threads, 2 workers"));
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
    const QList<QStringList> records = parse(spansCsv({&run}));
    QCOMPARE(records.size(), 2);
    const QStringList expected{
        QStringLiteral("sync, 1 worker"), QStringLiteral("sync"),     QStringLiteral("0"),
        QStringLiteral("main thread"),    QStringLiteral("42"),       QStringLiteral("3"),
        QStringLiteral("io-wait"),        QStringLiteral("transfer"), QStringLiteral("1.500000"),
        QStringLiteral("2.750001"),       QStringLiteral("1.250001"), QString()};
    QCOMPARE(records[1], expected);
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
    const QList<QStringList> records = parse(spansCsv({&run}));
    QCOMPARE(records.size(), 2);
    QCOMPARE(records[1].size(), 12);
    QCOMPARE(records[1][3], text);
    QCOMPARE(records[1][11], text);
}

QTEST_APPLESS_MAIN(TestCsvExport)
#include "tst_csvexport.moc"
