#include "idealtime.h"

#include "hogtask.h"
#include "runner.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace mtlab {

namespace {

// Two significant digits, as a teacher would say it: "0.17 s", "3.4 s", "12 s", "5 ms".
std::string duration(std::int64_t ns)
{
    char text[32];
    const double s = static_cast<double>(ns) / 1e9;
    const double ms = static_cast<double>(ns) / 1e6;
    if (s >= 9.5)
        std::snprintf(text, sizeof text, "%.0f s", s);
    else if (s >= 0.01)
        std::snprintf(text, sizeof text, "%.2g s", s);
    else if (ms >= 9.5)
        std::snprintf(text, sizeof text, "%.0f ms", ms);
    else if (ms >= 0.01)
        std::snprintf(text, sizeof text, "%.2g ms", ms);
    else
        std::snprintf(text, sizeof text, "%lld ns", static_cast<long long>(ns));
    return text;
}

std::string count(std::int64_t n, const char *one, const char *many)
{
    return std::to_string(n) + ' ' + (n == 1 ? one : many);
}

// The theory without the process pool's start-up.
struct Prediction {
    std::int64_t ns = 0;
    std::string how;          // "20 tasks × 0.17 s ÷ 2 cores"
    bool howIsResult = false; // `how` already says the time ("one wait of 0.1 s")
};

// n things of d each, `parallel` at a time: in ceil(n / parallel) rounds.
Prediction inRounds(std::int64_t n, std::int64_t d, std::int64_t parallel, const std::string &things,
                    const std::string &workers)
{
    const std::int64_t rounds = (n + parallel - 1) / parallel;
    Prediction p{rounds * d, {}, false};
    if (parallel == 1)
        p.how = things + " × " + duration(d);
    else if (n % parallel == 0)
        p.how = things + " × " + duration(d) + " ÷ " + workers;
    else
        p.how = things + " ÷ " + workers + " = " + count(rounds, "round", "rounds") + " × " + duration(d);
    return p;
}

Prediction io(const RunResult &run)
{
    const Experiment &e = run.experiment;
    const std::int64_t n = e.tasks;
    const std::string things = count(n, "download", "downloads");
    std::int64_t d = std::int64_t{e.io.delayMs} * 1'000'000;
    std::string each = duration(d);
    std::int64_t setUp = 0; // paid once, by the workers' first connections side by side
    if (run.embeddedServer && e.io.tls) {
        // Over TLS a new connection first pays its handshake: without reuse every download does;
        // with it only the first one each worker makes.
        const std::int64_t handshake = std::int64_t{e.io.setupMs} * 1'000'000;
        if (e.io.reuse) {
            setUp = handshake;
        } else {
            d += handshake;
            each = duration(d) + " (answer and TLS set-up)";
        }
    }
    if (!run.embeddedServer) {
        // A real server's think time is unknown: the mean time a task spent downloading (not
        // counting the event loop's own work, which no one task does).
        d = (run.trace.taskTotalNs(State::IoWait) + run.trace.taskTotalNs(State::Cpu)) / n;
        each = duration(d) + " (their mean time)";
    }
    const std::int64_t workers = std::max(1, e.workerCount());
    Prediction p;
    switch (e.strategy) {
    case StrategyKind::Sync:
        p = {n * d, things + " × " + each, false};
        break;
    case StrategyKind::Async:
        if (e.io.blocking)
            p = {n * d, things + " × " + each + " one at a time (a blocking call holds the loop)", false};
        else if (e.io.maxInFlight <= 0 || e.io.maxInFlight >= n)
            p = {d, "one wait of " + each + " (all " + std::to_string(n) + " at once)", true};
        else
            p = inRounds(n, d, e.io.maxInFlight, things, std::to_string(e.io.maxInFlight) + " at a time");
        break;
    case StrategyKind::Threads:
        p = inRounds(n, d, workers, things, count(workers, "thread", "threads"));
        break;
    case StrategyKind::Processes:
        p = inRounds(n, d, workers, things, count(workers, "process", "processes"));
        break;
    }
    if (e.strategy == StrategyKind::Async && e.io.hogMs > 0) {
        // The loop has one thread: the run lasts at least until the hog has had its time on it,
        // whether it computes in one go or in slices (which only changes who waits).
        const std::int64_t start = std::chrono::nanoseconds(HogTask::startsAfter(e.io)).count();
        const std::int64_t hog = std::int64_t{e.io.hogMs} * 1'000'000;
        if (start + hog > p.ns)
            p = {start + hog, "the hog: " + duration(start) + " in, then " + duration(hog) + " of computing",
                 false};
    }
    if (setUp > 0) {
        p.ns += setUp;
        p.how += " + " + duration(setUp) + " for the first connections' TLS set-up";
        p.howIsResult = false;
    }
    return p;
}

// A task's CPU work as its thread's CPU clock measured it; from the cpu spans when the tasks do
// not say (a trace from before it was measured).
std::int64_t meanTaskCpuNs(const RunResult &run)
{
    std::int64_t total = 0;
    std::int64_t measured = 0;
    for (const TaskRecord &task : run.trace.tasks())
        if (task.ok && task.cpuNs > 0) {
            total += task.cpuNs;
            ++measured;
        }
    if (measured > 0)
        return total / measured;
    return run.trace.taskTotalNs(State::Cpu) / run.experiment.tasks;
}

Prediction cpu(const RunResult &run)
{
    const Experiment &e = run.experiment;
    const std::int64_t n = e.tasks;
    const std::string things = count(n, "task", "tasks");
    const std::int64_t d = meanTaskCpuNs(run);
    const bool pool = e.strategy == StrategyKind::Processes ||
        (e.strategy == StrategyKind::Threads && !e.gil);
    if (!pool) {
        Prediction p = inRounds(n, d, 1, things, {});
        if (e.strategy == StrategyKind::Threads)
            p.how += " one at a time (the interpreter lock)";
        else if (e.strategy == StrategyKind::Async)
            p.how += " one at a time on the loop";
        return p;
    }
    const std::int64_t workers = std::max(1, e.workerCount());
    const std::int64_t cores = std::max(1, run.cores);
    if (workers <= cores)
        return inRounds(n, d, workers, things,
                        e.strategy == StrategyKind::Threads ? count(workers, "thread", "threads")
                                                            : count(workers, "process", "processes"));
    // More workers than cores: the OS shares the cores among them, so no core idles while there
    // are at least as many tasks left as cores.
    if (n <= cores)
        return inRounds(n, d, cores, things, count(cores, "core", "cores"));
    return {n * d / cores, things + " × " + duration(d) + " ÷ " + count(cores, "core", "cores"), false};
}

// The process pool's workers must start before they compute: until the last one is ready.
std::int64_t startUpNs(const RunResult &run)
{
    if (run.experiment.strategy != StrategyKind::Processes)
        return 0;
    std::int64_t ready = run.trace.origin();
    for (const Span &s : run.trace.spans())
        if (s.state == State::Spawn)
            ready = std::max(ready, s.end);
    return ready - run.trace.origin();
}

struct Ideal {
    std::int64_t ns = 0;
    std::string formula;
};

Ideal ideal(const RunResult &run)
{
    // The counter's tasks are about what they do to the counter, not how fast: no theory of time.
    if (run.experiment.tasks <= 0 || run.experiment.workload == WorkloadKind::Counter)
        return {};
    const Prediction p = run.experiment.workload == WorkloadKind::Io ? io(run) : cpu(run);
    if (p.ns <= 0)
        return {};
    const std::int64_t startUp = startUpNs(run);
    Ideal result{p.ns + startUp, p.how};
    if (startUp > 0)
        result.formula += " + " + duration(startUp) + " to start the processes";
    if (!p.howIsResult || startUp > 0)
        result.formula += " = " + duration(result.ns);
    return result;
}

} // namespace

std::int64_t idealNs(const RunResult &run)
{
    return ideal(run).ns;
}

std::string idealFormula(const RunResult &run)
{
    return ideal(run).formula;
}

} // namespace mtlab
