#include "idealtime.h"

#include "runner.h"

#include <algorithm>
#include <cstdio>
#include <thread>

namespace mtlab {

std::int64_t idealNs(const RunResult &run)
{
    const Experiment &e = run.experiment;
    const std::int64_t n = e.tasks;
    if (n <= 0)
        return 0;
    const std::int64_t workers = std::max(1, e.workerCount());
    std::int64_t parallel = 1;
    std::int64_t d = 0;
    std::int64_t setUp = 0; // paid once, by the workers' first connections side by side
    if (e.workload == WorkloadKind::Io) {
        parallel = e.strategy == StrategyKind::Sync ? 1
            : e.strategy == StrategyKind::Async     ? (e.io.maxInFlight > 0 ? e.io.maxInFlight : n)
                                                    : workers;
        if (run.embeddedServer) {
            d = std::int64_t{e.io.delayMs} * 1'000'000;
            // Over TLS a new connection first pays its handshake: without reuse every download
            // does; with it only the first one each worker makes.
            if (e.io.tls)
                (e.io.reuse ? setUp : d) += std::int64_t{e.io.setupMs} * 1'000'000;
        } else {
            // A real server's think time is unknown: the mean time a task spent downloading (not
            // counting the event loop's own work, which no one task does).
            d = (run.trace.taskTotalNs(State::IoWait) + run.trace.taskTotalNs(State::Cpu)) / n;
        }
    } else {
        // CPU work runs in parallel on at most one core per worker, and not at all under the lock.
        const std::int64_t cores = std::max(1u, std::thread::hardware_concurrency());
        const bool pool = e.strategy == StrategyKind::Processes ||
            (e.strategy == StrategyKind::Threads && !e.gil);
        parallel = pool ? std::min(workers, cores) : 1;
        // More busy workers than cores stretch every cpu span by workers / cores; undo that.
        const auto busy = static_cast<double>(std::max(workers, cores));
        const double stretch = pool ? busy / static_cast<double>(cores) : 1.0;
        const double cpu = static_cast<double>(run.trace.totalNs(State::Cpu));
        d = static_cast<std::int64_t>(cpu / static_cast<double>(n) / stretch);
    }
    std::int64_t ideal = (n + parallel - 1) / parallel * d + setUp;
    if (e.strategy == StrategyKind::Processes) {
        std::int64_t ready = run.trace.origin();
        for (const Span &s : run.trace.spans())
            if (s.state == State::Spawn)
                ready = std::max(ready, s.end);
        ideal += ready - run.trace.origin();
    }
    return ideal;
}

namespace {

std::string seconds(std::int64_t ns)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.3g s", static_cast<double>(ns) / 1e9);
    return text;
}

} // namespace

std::string idealFormula(const RunResult &run)
{
    const std::int64_t ideal = idealNs(run);
    if (ideal <= 0)
        return {};
    return "ideal " + seconds(ideal) + " for " + std::to_string(run.experiment.tasks) + " tasks";
}

} // namespace mtlab
