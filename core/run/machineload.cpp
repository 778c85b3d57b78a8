#include "machineload.h"

#include "runner.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <string>

namespace mtlab {

namespace {
// The 1-minute average moves slowly and by fractions: below half a core it says nothing.
constexpr double LoadNoise = 0.5;
// Waiting for a core this much longer (as a share of the tasks' time) than oversubscription
// explains is another program's doing, not the scheduler's noise.
constexpr double ReadyMargin = 0.10;
} // namespace

double parseLoadAverage(std::string_view text)
{
    const std::size_t end = text.find(' ');
    const std::string_view first = text.substr(0, end);
    double value = -1.0;
    const auto [ptr, error] = std::from_chars(first.data(), first.data() + first.size(), value);
    if (error != std::errc() || ptr != first.data() + first.size() || value < 0.0)
        return -1.0;
    return value;
}

double readLoadAverage()
{
    std::ifstream file("/proc/loadavg");
    std::string line;
    if (!std::getline(file, line))
        return -1.0;
    return parseLoadAverage(line);
}

int computingThreads(const Experiment &experiment)
{
    if (experiment.workload == WorkloadKind::Io)
        return 0;
    const bool oneAtATime = experiment.strategy == StrategyKind::Sync ||
        experiment.strategy == StrategyKind::Async ||
        (experiment.gil && experiment.strategy == StrategyKind::Threads);
    if (oneAtATime)
        return 1;
    return std::max(1, std::min(experiment.workerCount(), experiment.tasks));
}

BusyVerdict judgeLoad(const LoadFigures &figures)
{
    BusyVerdict verdict;
    const int cores = std::max(1, figures.cores);
    const double highest = std::max(figures.load.before, figures.load.after);
    if (highest >= 0.0) {
        // The average counts the run's own threads too (and, in a batch, the previous run's).
        verdict.otherLoad = std::max(0.0, highest - figures.threads);
        verdict.byLoad = verdict.otherLoad >= LoadNoise && verdict.otherLoad + figures.threads > cores;
    }
    const std::int64_t total = figures.cpuNs + figures.readyNs;
    if (total > 0 && figures.threads > 0) {
        verdict.readyShare = static_cast<double>(figures.readyNs) / static_cast<double>(total);
        const double expected = std::max(0.0, 1.0 - static_cast<double>(cores) / figures.threads);
        verdict.byReady = verdict.readyShare > expected + ReadyMargin;
    }
    return verdict;
}

LoadFigures loadFigures(const RunResult &run)
{
    LoadFigures figures;
    figures.load = run.load;
    figures.cores = run.cores;
    figures.threads = computingThreads(run.experiment);
    if (run.experiment.workload == WorkloadKind::Cpu) {
        figures.cpuNs = run.trace.totalNs(State::Cpu);
        figures.readyNs = run.trace.totalNs(State::Ready);
    }
    return figures;
}

BusyVerdict machineLoadVerdict(const RunResult &run)
{
    return judgeLoad(loadFigures(run));
}

} // namespace mtlab
