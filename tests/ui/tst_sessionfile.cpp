#include "chromeimporter.h"
#include "comparison.h"
#include "handbuilttraces.h"
#include "runlist.h"
#include "sessionfile.h"
#include "snapshot.h"
#include "timelinemodel.h"
#include "tracechecks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace mtlab;

// A session saved and opened again: the same run list, the same spans, the same figures and the
// same replay; a file of a newer format refused with a clear message.
class TestSessionFile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void runListComesBack();
    void runsComeBack();
    void pictureAndFiguresComeBack();
    void replayComesBack();
    void importedRunComesBack();
    void newerFormatIsRefused();
    void perfettoStillReadsIt();

private:
    std::vector<RunList::Entry> reopened(const std::vector<RunList::Entry> &entries) const;
    RunList m_list;
    std::vector<RunList::Entry> m_back;
};

namespace {

std::shared_ptr<const RunResult> async()
{
    auto run = std::make_shared<RunResult>();
    run->experiment.workload = WorkloadKind::Io;
    run->experiment.strategy = StrategyKind::Async;
    run->experiment.tasks = 3;
    run->trace = handbuilt::asyncThreeDownloads();
    run->wallNs = 16 * handbuilt::Ms;
    run->ok = 3;
    run->embeddedServer = true;
    return run;
}

} // namespace

std::vector<RunList::Entry> TestSessionFile::reopened(const std::vector<RunList::Entry> &entries) const
{
    const std::string json = SessionFile::json(entries, QStringLiteral("9.8.7"));
    TraceFile file = ChromeImporter::read(json);
    SessionFile::Read read = SessionFile::read(file);
    if (!read.error.isEmpty())
        qWarning() << read.error;
    return read.entries;
}

void TestSessionFile::initTestCase()
{
    m_list.beginBatch(false, false);
    for (const StrategyKind kind : {StrategyKind::Sync, StrategyKind::Threads}) {
        Experiment e = checks::cpuExperiment(kind, 4, 2, 200'000);
        e.gil = kind == StrategyKind::Threads;
        m_list.addRun(std::make_shared<const RunResult>(Runner(e).run()), kind == StrategyKind::Sync ? 0 : 1);
    }
    // A repeat of the threads run: one row, two runs.
    Experiment e = checks::cpuExperiment(StrategyKind::Threads, 4, 2, 200'000);
    e.gil = true;
    m_list.addRun(std::make_shared<const RunResult>(Runner(e).run()), 1);
    m_list.beginBatch(true, false);
    m_list.addRun(async(), 0);
    m_list.setPinned(0, true);
    m_list.rename(1, QStringLiteral("threads, \"the lock\" ✓"));
    m_list.setShown(2, false);
    m_list.setPrediction(
        1,
        Prediction{.kind = Prediction::Kind::WallTime, .seconds = 0.25, .step = QStringLiteral("cpu-gil")});
    m_list.setNotes(1,
                    {Annotation{.atNs = 1'500'000,
                                .lane = QStringLiteral("thread 2"),
                                .text = QStringLiteral("waits for the lock — 락"),
                                .offset = QPointF(12, -4)}});
    m_back = reopened(m_list.entries());
}

void TestSessionFile::runListComesBack()
{
    QCOMPARE(m_back.size(), m_list.entries().size());
    for (std::size_t i = 0; i < m_back.size(); ++i) {
        const RunList::Entry &a = m_list.entries()[i];
        const RunList::Entry &b = m_back[i];
        QCOMPARE(b.name, a.name);
        QCOMPARE(b.pinned, a.pinned);
        QCOMPARE(b.shown, a.shown);
        QCOMPARE(b.batch, a.batch);
        QCOMPARE(b.slot, a.slot);
        QCOMPARE(b.finishedAt, a.finishedAt);
        QCOMPARE(b.runs.size(), a.runs.size());
        QCOMPARE(b.notes, a.notes);
        QCOMPARE(b.prediction.kind, a.prediction.kind);
        QCOMPARE(b.prediction.seconds, a.prediction.seconds);
        QCOMPARE(b.prediction.step, a.prediction.step);
    }
}

void TestSessionFile::runsComeBack()
{
    for (std::size_t i = 0; i < m_back.size(); ++i) {
        for (std::size_t r = 0; r < m_back[i].runs.size(); ++r) {
            const RunResult &a = *m_list.entries()[i].runs[r];
            const RunResult &b = *m_back[i].runs[r];
            QCOMPARE(runLabel(b.experiment), runLabel(a.experiment));
            QCOMPARE(b.experiment.gil, a.experiment.gil);
            QCOMPARE(b.experiment.n, a.experiment.n);
            QCOMPARE(b.wallNs, a.wallNs);
            QCOMPARE(b.ok, a.ok);
            QVERIFY(b.result == a.result);
            QCOMPARE(b.cores, a.cores);
            QCOMPARE(b.trace.origin(), a.trace.origin());
            QCOMPARE(b.trace.tasks().size(), a.trace.tasks().size());
            for (std::size_t t = 0; t < a.trace.tasks().size(); ++t) {
                QCOMPARE(b.trace.tasks()[t].cpuNs, a.trace.tasks()[t].cpuNs);
                QVERIFY(b.trace.tasks()[t].value == a.trace.tasks()[t].value);
            }
            QCOMPARE(b.trace.lanes().size(), a.trace.lanes().size());
            for (std::size_t l = 0; l < a.trace.lanes().size(); ++l) {
                QCOMPARE(b.trace.lanes()[l].name, a.trace.lanes()[l].name);
                QCOMPARE(b.trace.lanes()[l].kind, a.trace.lanes()[l].kind);
                QCOMPARE(b.trace.lanes()[l].parent, a.trace.lanes()[l].parent);
                QCOMPARE(b.trace.lanes()[l].tid, a.trace.lanes()[l].tid);
            }
            QCOMPARE(b.trace.spans().size(), a.trace.spans().size());
            for (std::size_t s = 0; s < a.trace.spans().size(); ++s) {
                const Span &x = a.trace.spans()[s];
                const Span &y = b.trace.spans()[s];
                QCOMPARE(y.state, x.state);
                QCOMPARE(y.phase, x.phase);
                QCOMPARE(y.task, x.task);
                QVERIFY(std::abs(y.begin - x.begin) <= 1 && std::abs(y.end - x.end) <= 1);
            }
        }
    }
}

void TestSessionFile::pictureAndFiguresComeBack()
{
    // What the comparison shows of the checked rows: titles, subtitles (wall, speedup, ideal).
    const auto comparison = [](const std::vector<RunList::Entry> &entries) {
        RunList list;
        list.addEntries(entries);
        TimelineModel model;
        Comparison c(model);
        c.clear(true);
        for (const RunList::Shown &s : list.shown())
            c.addRun(*s.run, Comparison::Mode::Strategies, s.name, s.spread, s.repeats);
        QStringList out;
        for (const auto &g : model.groups())
            out << g.title + QLatin1Char('|') + g.subtitle + QLatin1Char('|') +
                    QString::number(g.rows.size());
        return out;
    };
    const QStringList before = comparison(m_list.entries());
    QCOMPARE(before.size(), 2);
    QCOMPARE(comparison(m_back), before);
}

void TestSessionFile::replayComesBack()
{
    const RunResult &a = *m_list.entries()[2].runs[0];
    const RunResult &b = *m_back[2].runs[0];
    const SnapshotIndex before(a.trace);
    const SnapshotIndex after(b.trace);
    QCOMPARE(after.eventTimes(), before.eventTimes());
    for (const double ms : {0.5, 3.5, 10.5, 12.5}) {
        const auto at = static_cast<std::int64_t>(ms * handbuilt::Ms);
        const Snapshot x = before.at(at);
        const Snapshot y = after.at(at);
        QCOMPARE(y.running, x.running);
        QCOMPARE(y.ready, x.ready);
        QCOMPARE(y.queued, x.queued);
        QCOMPARE(y.done, x.done);
        QCOMPARE(y.waiting.size(), x.waiting.size());
        for (std::size_t i = 0; i < x.waiting.size(); ++i) {
            QCOMPARE(y.waiting[i].task, x.waiting[i].task);
            QCOMPARE(y.waiting[i].what, x.waiting[i].what);
        }
    }
}

void TestSessionFile::importedRunComesBack()
{
    // Another tool's trace, opened and saved in a session: its names and nesting come back.
    TraceFile imported = ChromeImporter::read(R"([{"name":"main","ph":"X","ts":0,"dur":10,"pid":1,"tid":1},
        {"name":"load","ph":"X","ts":1,"dur":3,"pid":1,"tid":1},{"name":"cpu","ph":"X","ts":5,"dur":1,"pid":1,"tid":1}])");
    RunList::Entry entry;
    entry.name = QStringLiteral("app.json");
    entry.runs.push_back(std::make_shared<const RunResult>(std::move(imported.runs[0])));
    const std::vector<RunList::Entry> back = reopened({entry});
    QCOMPARE(back.size(), std::size_t(1));
    const Trace &a = entry.runs[0]->trace;
    const Trace &b = back[0].runs[0]->trace;
    QCOMPARE(b.labels(), a.labels());
    QCOMPARE(b.lanes().size(), a.lanes().size());
    QCOMPARE(b.lanes()[1].parent, 0);
    for (std::size_t s = 0; s < a.spans().size(); ++s) {
        QCOMPARE(b.spans()[s].label, a.spans()[s].label);
        QCOMPARE(b.spans()[s].lane, a.spans()[s].lane);
        QCOMPARE(b.spans()[s].begin, a.spans()[s].begin);
    }
}

void TestSessionFile::newerFormatIsRefused()
{
    std::string json = SessionFile::json(m_list.entries(), QStringLiteral("9.8.7"));
    const std::string format = "\"format\":[" + std::to_string(SessionFile::FormatMajor);
    const auto at = json.find(format);
    QVERIFY(at != std::string::npos);
    json.replace(at, format.size(), "\"format\":[" + std::to_string(SessionFile::FormatMajor + 1));
    TraceFile file = ChromeImporter::read(json);
    const SessionFile::Read read = SessionFile::read(file);
    QVERIFY(read.entries.empty());
    QVERIFY2(read.error.contains(QStringLiteral("multitask-lab 9.8.7")), qPrintable(read.error));
    QVERIFY2(read.error.contains(QStringLiteral("newer")), qPrintable(read.error));
    QVERIFY(!read.error.contains(QLatin1Char('\n')));
}

void TestSessionFile::perfettoStillReadsIt()
{
    // Still the Chrome trace format: the events where a viewer looks for them, our member beside.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("session.json"));
    QCOMPARE(SessionFile::save(path, m_list.entries(), QStringLiteral("1.0")), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject top = QJsonDocument::fromJson(file.readAll()).object();
    QVERIFY(top.value(QLatin1String("traceEvents")).toArray().size() > 10);
    QCOMPARE(top.value(QLatin1String("mtlabSession")).toObject().value(QLatin1String("writer")).toString(),
             QStringLiteral("multitask-lab 1.0"));
}

QTEST_MAIN(TestSessionFile)
#include "tst_sessionfile.moc"
