// Prints, in one run, the I/O workload's wall time under each strategy as a ratio to the ideal
// the theory predicts (sync N*d, pools ceil(N/W)*d, the event loop one d), against the embedded
// server, and the event loop at scale.
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

void print(const RunResult &run)
{
    const Experiment &e = run.experiment;
    const double ideal = static_cast<double>(idealNs(run));
    std::printf("%-12s N=%-6d W=%-3d %9.3f s  ideal %8.3f s  ratio %5.2fx  ok %d/%d\n",
                std::string(strategyName(e.strategy)).c_str(), e.tasks, e.workerCount(),
                static_cast<double>(run.wallNs) / 1e9, ideal / 1e9,
                static_cast<double>(run.wallNs) / ideal, run.ok, e.tasks);
}

RunResult runOnce(StrategyKind strategy, int tasks, int delayMs, int sizeKb)
{
    Experiment e;
    e.workload = WorkloadKind::Io;
    e.strategy = strategy;
    e.tasks = tasks;
    e.io.delayMs = delayMs;
    e.io.sizeKb = sizeKb;
    return Runner(e).run();
}

} // namespace

int main(int argc, char *argv[])
{
    int tasks = 100, delayMs = 100, sizeKb = 50, scale = 10'000;
    for (int i = 1; i + 1 < argc; i += 2) {
        const int value = std::atoi(argv[i + 1]);
        if (std::strcmp(argv[i], "--tasks") == 0)
            tasks = value;
        else if (std::strcmp(argv[i], "--delay-ms") == 0)
            delayMs = value;
        else if (std::strcmp(argv[i], "--size-kb") == 0)
            sizeKb = value;
        else if (std::strcmp(argv[i], "--scale") == 0)
            scale = value;
    }
    std::printf("I/O workload against the embedded server: delay %d ms, body %d KB\n", delayMs, sizeKb);
    for (const StrategyKind s : {StrategyKind::Sync, StrategyKind::Threads, StrategyKind::Async,
                                 StrategyKind::Processes})
        print(runOnce(s, tasks, delayMs, sizeKb));
    if (scale > 0)
        print(runOnce(StrategyKind::Async, scale, delayMs, sizeKb));
    return 0;
}
