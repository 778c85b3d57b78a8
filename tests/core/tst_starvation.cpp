#include "runner.h"
#include "runreport.h"
#include "tracechecks.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonArray>
#include <QTest>

#include <map>
#include <string>

using namespace mtlab;

// The event loop starved: by a blocking call inside each task, and by a task that computes
// without an await, whole or in slices. What each does to the other tasks' timelines.
class TestStarvation : public QObject
{
    Q_OBJECT

private slots:
    void blockingCallsRunOneAtATime();
    void hogKeepsTheArrivedAnswersInTheReadyList();
    void slicedHogLetsTheOthersThrough();
    void labelSaysHowTheLoopIsStarved();
};

namespace {

constexpr std::int64_t Ms = 1'000'000;

Experiment asyncDownloads(int tasks, int delayMs)
{
    Experiment e;
    e.workload = WorkloadKind::Io;
    e.strategy = StrategyKind::Async;
    e.tasks = tasks;
    e.io.delayMs = delayMs;
    e.io.sizeKb = 8;
    return e;
}

// Each task's download, from its first io-wait span to its last.
std::map<std::int32_t, Span> downloadsOf(const Trace &trace)
{
    std::map<std::int32_t, Span> byTask;
    for (const Span &s : trace.spans()) {
        if (s.state != State::IoWait || s.task < 0)
            continue;
        const auto [it, added] = byTask.try_emplace(s.task, s);
        it->second.begin = std::min(it->second.begin, s.begin);
        it->second.end = std::max(it->second.end, s.end);
    }
    return byTask;
}

std::vector<Span> readyOf(const Trace &trace, std::int32_t task)
{
    std::vector<Span> out;
    for (const Span &s : trace.spans())
        if (s.state == State::Ready && s.task == task)
            out.push_back(s);
    return out;
}

const Lane *hogLane(const Trace &trace)
{
    for (const Lane &lane : trace.lanes())
        if (lane.name.starts_with("hog"))
            return &lane;
    return nullptr;
}

std::vector<Span> hogSpans(const Trace &trace, State state)
{
    const Lane *lane = hogLane(trace);
    std::vector<Span> out;
    if (lane)
        for (const Span &s : trace.spansOfLane(lane->id))
            if (s.state == state)
                out.push_back(s);
    return out;
}

} // namespace

void TestStarvation::blockingCallsRunOneAtATime()
{
    constexpr int tasks = 6;
    Experiment e = asyncDownloads(tasks, 50);
    e.io.blocking = true;
    const RunResult run = Runner(e).run();
    QVERIFY2(run.problem.empty(), run.problem.c_str());
    QCOMPARE(run.ok, tasks);
    const std::map<std::int32_t, Span> downloads = downloadsOf(run.trace);
    QCOMPARE(int(downloads.size()), tasks);
    std::vector<Span> sorted;
    std::int64_t waited = 0;
    for (const auto &[task, d] : downloads) {
        // The loop's own thread waited: the download is on its lane, not on the task's.
        QCOMPARE(run.trace.lanes()[static_cast<std::size_t>(d.lane)].kind, LaneKind::EventLoop);
        sorted.push_back(d);
        waited += d.duration();
    }
    std::sort(sorted.begin(), sorted.end(), [](const Span &a, const Span &b) { return a.begin < b.begin; });
    // One at a time, as sync: the run holds every download end to end.
    QVERIFY(checks::disjoint(sorted));
    QVERIFY(run.wallNs >= waited);
    // Meanwhile each task still to come sat in the ready list, runnable but without the loop.
    for (std::size_t i = 0; i < sorted.size(); ++i)
        for (std::size_t j = i + 1; j < sorted.size(); ++j) {
            const std::vector<Span> ready = readyOf(run.trace, sorted[j].task);
            const bool covered = std::any_of(ready.begin(), ready.end(), [&](const Span &r) {
                return r.begin <= sorted[i].begin && r.end >= sorted[i].end;
            });
            QVERIFY2(covered,
                     qPrintable(QStringLiteral("task %1 during task %2's download")
                                    .arg(sorted[j].task)
                                    .arg(sorted[i].task)));
        }
}

void TestStarvation::hogKeepsTheArrivedAnswersInTheReadyList()
{
    constexpr int tasks = 8;
    // The hog starts at 100 ms, when the requests are out, and computes until 700 ms; the
    // answers arrive at about 200 ms.
    Experiment e = asyncDownloads(tasks, 200);
    e.io.hogMs = 600;
    std::vector<RunResult> runs;
    runs.push_back(Runner(e).run());
    const RunResult &run = runs.front();
    QVERIFY2(run.problem.empty(), run.problem.c_str());
    QCOMPARE(run.ok, tasks); // the hog is no task of the workload
    QCOMPARE(int(run.trace.tasks().size()), tasks);
    const Lane *lane = hogLane(run.trace);
    QVERIFY(lane);
    QCOMPARE(lane->kind, LaneKind::AsyncTask);
    const std::vector<Span> hog = hogSpans(run.trace, State::Cpu);
    QCOMPARE(int(hog.size()), 1); // in one go, never awaiting
    QCOMPARE(hog.front().task, -1);
    QVERIFY(hog.front().duration() >= 600 * Ms);

    std::int64_t lastAnswer = 0;
    for (const auto &[task, download] : downloadsOf(run.trace)) {
        const QString which = QStringLiteral("task %1").arg(task);
        lastAnswer = std::max(lastAnswer, download.end);
        QVERIFY2(download.begin < hog.front().begin, qPrintable(which));
        // The answer arrived while the hog computed: the waiting ends then, by the kernel's clock,
        // not when the loop was free to read it...
        QVERIFY2(download.end < hog.front().end, qPrintable(which));
        // ...and the task sat in the ready list from then until the hog was done.
        const std::vector<Span> ready = readyOf(run.trace, task);
        const bool starved = std::any_of(ready.begin(), ready.end(), [&](const Span &r) {
            return r.begin <= download.end && r.end >= hog.front().end;
        });
        QVERIFY2(starved, qPrintable(which));
    }

    // The report says what the hog cost the others: every task waited from its answer at least
    // until the hog was done.
    const QJsonObject report = QJsonDocument::fromJson(QByteArray::fromStdString(reportJson(runs)))
                                   .object()
                                   .value(QStringLiteral("runs"))
                                   .toArray()
                                   .first()
                                   .toObject();
    QCOMPARE(report.value(QStringLiteral("hog_ms")).toInt(), 600);
    QCOMPARE(report.value(QStringLiteral("hog_slice_ms")).toInt(), 0);
    QCOMPARE(report.value(QStringLiteral("blocking")).toBool(), false);
    const double floorMs = static_cast<double>(hog.front().end - lastAnswer) / 1e6;
    QVERIFY(report.value(QStringLiteral("ready_after_answer_ms")).toDouble() >= floorMs);
    QVERIFY(QString::fromStdString(reportTable(runs)).contains(QStringLiteral("once its answer was in")));
}

void TestStarvation::slicedHogLetsTheOthersThrough()
{
    constexpr int tasks = 8;
    Experiment e = asyncDownloads(tasks, 200);
    e.io.hogMs = 600;
    e.io.hogSliceMs = 10;
    const RunResult run = Runner(e).run();
    QVERIFY2(run.problem.empty(), run.problem.c_str());
    QCOMPARE(run.ok, tasks);
    // The hog computes in slices and waits in the ready list itself between them.
    const std::vector<Span> slices = hogSpans(run.trace, State::Cpu);
    QVERIFY2(slices.size() >= 2, qPrintable(QString::number(slices.size())));
    QCOMPARE(hogSpans(run.trace, State::Ready).size(), slices.size() - 1);
    std::int64_t computed = 0;
    for (const Span &s : slices)
        computed += s.duration();
    QVERIFY(computed >= 600 * Ms);
    const std::int64_t hogEnd = slices.back().end;

    for (const auto &[task, download] : downloadsOf(run.trace)) {
        const QString which = QStringLiteral("task %1").arg(task);
        QVERIFY2(download.end < hogEnd, qPrintable(which));
        // Its answer was handled between two slices, while the hog still had work to do: after
        // its download it waited for the loop far less than the hog computes.
        for (const Span &r : readyOf(run.trace, task)) {
            if (r.begin < download.begin)
                continue; // waiting for its first step
            QVERIFY2(r.end < hogEnd, qPrintable(which));
            QVERIFY2(r.duration() < 300 * Ms, qPrintable(which));
        }
    }
}

void TestStarvation::labelSaysHowTheLoopIsStarved()
{
    Experiment e = asyncDownloads(20, 100);
    e.io.blocking = true;
    QCOMPARE(runLabel(e), std::string("async, 1 worker, blocking"));
    e.io.blocking = false;
    e.io.hogMs = 500;
    QCOMPARE(runLabel(e), std::string("async, 1 worker, hog 500 ms"));
    e.io.hogSliceMs = 10;
    QCOMPARE(runLabel(e), std::string("async, 1 worker, hog 500 ms, sliced 10 ms"));
}

QTEST_GUILESS_MAIN(TestStarvation)
#include "tst_starvation.moc"
