// Prints the I/O workload's wall time under each strategy as a ratio to the ideal the theory
// predicts (sync N*d, pools ceil(N/W)*d, the event loop one d), against the embedded server, and
// the event loop at scale. Each figure is the median of --repeat runs, with the fastest and the
// slowest beside it: a shared VM's noise moves single runs by a fifth.
#include "idealtime.h"
#include "runner.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

using namespace mtlab;

namespace {

struct Settings {
    int tasks = 100, delayMs = 100, sizeKb = 50, scale = 10'000, repeat = 3;
};

RunResult runOnce(StrategyKind strategy, int tasks, const Settings &settings, bool tls)
{
    Experiment e;
    e.workload = WorkloadKind::Io;
    e.strategy = strategy;
    e.tasks = tasks;
    e.io.delayMs = settings.delayMs;
    e.io.sizeKb = settings.sizeKb;
    e.io.tls = tls;
    return Runner(e).run();
}

void measure(StrategyKind strategy, int tasks, const Settings &settings, bool tls = false)
{
    std::vector<RunResult> runs;
    for (int i = 0; i < settings.repeat; ++i)
        runs.push_back(runOnce(strategy, tasks, settings, tls));
    std::sort(runs.begin(), runs.end(),
              [](const RunResult &a, const RunResult &b) { return a.wallNs < b.wallNs; });
    const RunResult &median = runs[runs.size() / 2];
    const Experiment &e = median.experiment;
    const auto ratio = [](const RunResult &run) {
        return static_cast<double>(run.wallNs) / static_cast<double>(idealNs(run));
    };
    std::printf("%-10s N=%-6d W=%-2d median %7.3f s  ideal %7.3f s  ratio %5.2fx (%.2f-%.2fx)  ok %d/%d\n",
                (std::string(strategyName(e.strategy)) + (tls ? "+tls" : "")).c_str(), e.tasks,
                e.workerCount(), static_cast<double>(median.wallNs) / 1e9,
                static_cast<double>(idealNs(median)) / 1e9, ratio(median), ratio(runs.front()),
                ratio(runs.back()), median.ok, e.tasks);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    Settings settings;
    for (int i = 1; i + 1 < argc; i += 2) {
        const int value = std::atoi(argv[i + 1]);
        if (std::strcmp(argv[i], "--tasks") == 0)
            settings.tasks = value;
        else if (std::strcmp(argv[i], "--delay-ms") == 0)
            settings.delayMs = value;
        else if (std::strcmp(argv[i], "--size-kb") == 0)
            settings.sizeKb = value;
        else if (std::strcmp(argv[i], "--scale") == 0)
            settings.scale = value;
        else if (std::strcmp(argv[i], "--repeat") == 0)
            settings.repeat = std::max(1, value);
    }
    std::printf("I/O workload against the embedded server: delay %d ms, body %d KB, median of %d\n",
                settings.delayMs, settings.sizeKb, settings.repeat);
    for (const StrategyKind s :
         {StrategyKind::Sync, StrategyKind::Threads, StrategyKind::Async, StrategyKind::Processes})
        measure(s, settings.tasks, settings);
    // What HTTPS costs the event loop (every download its own connection, so its own handshake).
    measure(StrategyKind::Async, settings.tasks, settings, true);
    if (settings.scale > 0)
        measure(StrategyKind::Async, settings.scale, settings);
    return 0;
}
