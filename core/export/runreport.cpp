#include "runreport.h"

#include "chrometrace.h"
#include "columntext.h"
#include "decimal.h"
#include "idealtime.h"
#include "jsonwriter.h"
#include "machineload.h"
#include "numberformat.h"
#include "runner.h"
#include "runsnapshot.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace mtlab {

namespace {

std::string format(const char *pattern, auto... values)
{
    char buffer[256];
    std::snprintf(buffer, sizeof buffer, pattern, values...);
    return buffer;
}

std::string grouped(std::uint64_t value)
{
    std::string digits = std::to_string(value);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(static_cast<std::size_t>(i), ",");
    return digits;
}

std::string seconds(std::int64_t ns)
{
    return format("%.3f s", static_cast<double>(ns) / 1e9);
}

std::string workloadLine(const RunResult &run)
{
    const Experiment &e = run.experiment;
    if (e.workload == WorkloadKind::Counter)
        return format("Shared counter: %d tasks each add 1 to one counter %s times (sync: %s)", e.tasks,
                      grouped(e.n).c_str(), std::string(syncName(e.counter.sync)).c_str());
    if (e.workload == WorkloadKind::Cpu)
        return format("CPU workload: %d tasks, sum of squares below n = %s .. %s", e.tasks,
                      grouped(e.n).c_str(), grouped(e.n + static_cast<std::uint64_t>(e.tasks) - 1).c_str());
    return format("I/O workload: %d downloads of %s", e.tasks,
                  e.io.url.empty() ? "the embedded server" : e.io.url.c_str());
}

// What happened to the shared counter, under the table: one block per run.
std::string counterLines(const RunResult &run)
{
    const CounterReport &c = *run.counter;
    std::string out = format(
        "%s: expected %s, result %s, lost %s (%s overlapping updates; at most %d inside at once)\n",
        runLabel(run.experiment).c_str(), grouped(static_cast<std::uint64_t>(c.expected)).c_str(),
        grouped(static_cast<std::uint64_t>(c.result)).c_str(),
        grouped(static_cast<std::uint64_t>(std::max<std::int64_t>(c.lost, 0))).c_str(),
        grouped(static_cast<std::uint64_t>(c.overlaps)).c_str(), c.maxInside);
    if (!c.perProcess.empty()) {
        out += "  per process:";
        for (const std::int64_t count : c.perProcess)
            out += ' ' + grouped(static_cast<std::uint64_t>(count));
        out += '\n';
    }
    if (!c.note.empty())
        out += "  note: " + c.note + '\n';
    return out;
}

void counterJson(JsonWriter &json, const Experiment &e, const CounterReport &c)
{
    json.raw(",").key("n").number(static_cast<std::int64_t>(e.n));
    json.raw(",").key("sync").string(syncName(e.counter.sync));
    if (e.counter.sync == SyncKind::Semaphore)
        json.raw(",").key("permits").number(e.counter.permits);
    json.raw(",").key("yield_inside").boolean(e.counter.yieldInside);
    json.raw(",").key("expected").number(c.expected);
    json.raw(",").key("result").number(c.result);
    json.raw(",").key("lost").number(c.lost);
    json.raw(",").key("overlaps").number(c.overlaps);
    json.raw(",").key("max_inside").number(c.maxInside);
    json.raw(",").key("per_process").raw("[");
    for (std::size_t i = 0; i < c.perProcess.size(); ++i)
        json.raw(i == 0 ? "" : ",").number(c.perProcess[i]);
    json.raw("]");
    json.raw(",").key("note").string(c.note);
    json.raw(",").key("states").raw("[");
    for (std::size_t i = 0; i < c.states.size(); ++i)
        json.raw(i == 0 ? "" : ",").string(c.states[i]);
    json.raw("]");
}

// How long the downloads' tasks sat in the loop's ready list once their answers were in: the
// ready spans that start where a task's waiting on the network ended. What a hog costs the others.
struct ReadyAfterAnswer {
    std::int64_t totalNs = 0, longestNs = 0;
    int count = 0;
    double meanMs() const { return count > 0 ? static_cast<double>(totalNs) / count / 1e6 : 0.0; }
};

ReadyAfterAnswer readyAfterAnswer(const Trace &trace)
{
    ReadyAfterAnswer after;
    for (const Lane &lane : trace.lanes()) {
        if (lane.kind != LaneKind::AsyncTask)
            continue;
        std::int64_t answered = -1; // spans of a lane come by begin: the wait before its ready
        std::int32_t task = -1;
        for (const Span &s : trace.spansOfLane(lane.id)) {
            if (s.state == State::IoWait) {
                answered = s.end;
                task = s.task;
            } else if (s.state == State::Ready && s.task >= 0 && s.task == task && s.begin == answered) {
                after.totalNs += s.duration();
                after.longestNs = std::max(after.longestNs, s.duration());
                ++after.count;
            }
        }
    }
    return after;
}

} // namespace

double speedupOverSync(const std::vector<RunResult> &runs, const RunResult &run)
{
    for (const RunResult &other : runs)
        if (other.experiment.strategy == StrategyKind::Sync && other.wallNs > 0 && run.wallNs > 0)
            return static_cast<double>(other.wallNs) / static_cast<double>(run.wallNs);
    return 0.0;
}

std::string reportTable(const std::vector<RunResult> &runs, const ReportText &text)
{
    if (runs.empty())
        return {};
    const auto label = [&](const Experiment &e) { return text.label ? text.label(e) : runLabel(e); };
    std::string out = (text.workload ? text.workload(runs.front().experiment) : workloadLine(runs.front())) +
        "\n\n";
    // Each column as wide as its heading or its widest cell, counted in a terminal's columns.
    std::size_t width = 38; // a label with all its options may be longer
    for (const RunResult &run : runs)
        width = std::max(width, displayWidth(label(run.experiment)));
    const std::size_t widths[] = {std::max(width, displayWidth(text.strategy)),
                                  std::max<std::size_t>(8, displayWidth(text.workers)),
                                  std::max<std::size_t>(11, displayWidth(text.wallTime)),
                                  std::max<std::size_t>(9, displayWidth(text.speedup)),
                                  std::max<std::size_t>(10, displayWidth(text.okFailed))};
    const auto row = [&](const std::string &first, const std::array<std::string, 4> &numbers) {
        std::string line = padRight(first, widths[0]);
        for (std::size_t i = 0; i < numbers.size(); ++i)
            line += ' ' + padLeft(numbers[i], widths[i + 1]);
        return line;
    };
    out += row(text.strategy, {text.workers, text.wallTime, text.speedup, text.okFailed}) + '\n';
    for (const RunResult &run : runs) {
        out += row(label(run.experiment),
                   {std::to_string(run.experiment.workerCount()), seconds(run.wallNs),
                    formatSpeedup(speedupOverSync(runs, run)), format("%d/%d", run.ok, run.failed)});
        out += (run.cancelled ? "  " + text.cancelled : std::string()) + '\n';
    }
    const RunResult &first = runs.front();
    if (first.counter) {
        out += "\n";
        for (const RunResult &run : runs)
            if (run.counter)
                out += counterLines(run);
    }
    if (first.experiment.workload == WorkloadKind::Cpu) {
        out += '\n' + text.resultSum + toDecimal(first.result) + '\n';
        if (first.experiment.n != ArticleN)
            out += text.scaledNote;
    }
    for (const RunResult &run : runs) {
        const ReadyAfterAnswer after = readyAfterAnswer(run.trace);
        if (run.experiment.io.hogMs > 0 && after.count > 0)
            out += format(
                "\n%s:\n  once its answer was in, a download waited %.1f ms on average for the loop "
                "(longest %.1f ms)\n",
                runLabel(run.experiment).c_str(), after.meanMs(), static_cast<double>(after.longestNs) / 1e6);
    }
    for (const RunResult &run : runs)
        for (const auto &[reason, count] : run.errors)
            out += format("%s: %d failed: %s\n", std::string(strategyName(run.experiment.strategy)).c_str(),
                          count, reason.c_str());
    return out;
}

std::string reportJson(const std::vector<RunResult> &runs, double snapshotAtMs)
{
    std::string out;
    JsonWriter json(out);
    json.raw("{").key("runs").raw("[");
    bool first = true;
    for (const RunResult &run : runs) {
        const Experiment &e = run.experiment;
        json.raw(first ? "{" : ",{");
        first = false;
        json.key("workload").string(workloadName(e.workload));
        json.raw(",").key("strategy").string(strategyName(e.strategy));
        json.raw(",").key("label").string(runLabel(run.experiment));
        json.raw(",").key("tasks").number(e.tasks);
        json.raw(",").key("workers").number(e.workerCount());
        json.raw(",").key("gil").boolean(e.gil);
        json.raw(",").key("ok").number(run.ok);
        json.raw(",").key("failed").number(run.failed);
        json.raw(",").key("cancelled").boolean(run.cancelled);
        json.raw(",").key("wall_ms").fixed(static_cast<double>(run.wallNs) / 1e6, 3);
        json.raw(",").key("cpu_ms").fixed(static_cast<double>(run.cpuNs()) / 1e6, 3);
        json.raw(",").key("ready_ms").fixed(static_cast<double>(run.trace.totalNs(State::Ready)) / 1e6, 3);
        json.raw(",").key("task_cpu_ms").fixed(static_cast<double>(run.taskCpuNs()) / 1e6, 3);
        json.raw(",").key("cores").number(run.cores);
        // Other programs used the cores during the run: its times may be off (see machineload.h).
        json.raw(",").key("busy").boolean(machineLoadVerdict(run).busy());
        if (const std::int64_t ideal = idealNs(run); ideal > 0) {
            json.raw(",").key("ideal_ms").fixed(static_cast<double>(ideal) / 1e6, 3);
            json.raw(",").key("ideal").string(idealFormula(run));
        }
        json.raw(",").key("lanes").number(run.trace.workerLaneCount());
        const double speedup = speedupOverSync(runs, run);
        if (speedup > 0)
            json.raw(",").key("speedup").fixed(speedup, 3);
        if (e.workload == WorkloadKind::Cpu) {
            json.raw(",").key("n").number(static_cast<std::int64_t>(e.n));
            json.raw(",").key("result").string(toDecimal(run.result));
        } else if (run.counter) {
            counterJson(json, e, *run.counter);
        } else {
            json.raw(",").key("bytes").number(run.bytes);
            json.raw(",").key("blocking").boolean(e.io.blocking);
            json.raw(",").key("hog_ms").number(e.io.hogMs);
            json.raw(",").key("hog_slice_ms").number(e.io.hogSliceMs);
            if (e.strategy == StrategyKind::Async) {
                const ReadyAfterAnswer after = readyAfterAnswer(run.trace);
                json.raw(",").key("ready_after_answer_ms").fixed(after.meanMs(), 3);
                json.raw(",")
                    .key("ready_after_answer_max_ms")
                    .fixed(static_cast<double>(after.longestNs) / 1e6, 3);
            }
        }
        if (snapshotAtMs >= 0) {
            json.raw(",").key("snapshot");
            writeSnapshotJson(json, snapshotIndexOf(run).at(static_cast<std::int64_t>(snapshotAtMs * 1e6)));
        }
        json.raw(",").key("errors").raw("{");
        bool firstError = true;
        for (const auto &[reason, count] : run.errors) {
            json.raw(firstError ? "" : ",").key(reason).number(count);
            firstError = false;
        }
        json.raw("}}");
    }
    json.raw("]}\n");
    return out;
}

} // namespace mtlab
