#include "experiment.h"

#include <algorithm>
#include <array>
#include <thread>

namespace mtlab {

namespace {
constexpr std::array<std::string_view, 3> workloadNames = {"cpu", "io", "counter"};
constexpr std::array<std::string_view, 4> strategyNames = {"sync", "threads", "async", "processes"};
constexpr std::array<std::string_view, 3> syncNames = {"none", "lock", "semaphore"};

template <typename Enum, std::size_t N>
std::optional<Enum> fromName(const std::array<std::string_view, N> &names, std::string_view name)
{
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == name)
            return static_cast<Enum>(i);
    return std::nullopt;
}
} // namespace

std::string_view workloadName(WorkloadKind kind) noexcept
{
    return workloadNames[static_cast<std::size_t>(kind)];
}

std::string_view strategyName(StrategyKind kind) noexcept
{
    return strategyNames[static_cast<std::size_t>(kind)];
}

std::string_view syncName(SyncKind kind) noexcept
{
    return syncNames[static_cast<std::size_t>(kind)];
}

std::optional<WorkloadKind> workloadFromName(std::string_view name) noexcept
{
    return fromName<WorkloadKind>(workloadNames, name);
}

std::optional<StrategyKind> strategyFromName(std::string_view name) noexcept
{
    return fromName<StrategyKind>(strategyNames, name);
}

std::optional<SyncKind> syncFromName(std::string_view name) noexcept
{
    return fromName<SyncKind>(syncNames, name);
}

int Experiment::workerCount() const noexcept
{
    switch (strategy) {
    case StrategyKind::Sync:
    case StrategyKind::Async:
        return 1;
    case StrategyKind::Threads:
        return workers > 0 ? workers : 5;
    case StrategyKind::Processes:
        if (workers > 0)
            return workers;
        return std::max(1u, std::thread::hardware_concurrency());
    }
    return 1;
}

std::vector<Experiment> comparisonRuns(const Experiment &base)
{
    std::vector<Experiment> runs;
    const auto add = [&](StrategyKind strategy, bool gil) {
        runs.push_back(base);
        runs.back().strategy = strategy;
        runs.back().gil = gil;
    };
    if (base.workload == WorkloadKind::Cpu) {
        // One thread (sync, async) or one per process: the lock changes nothing there.
        add(StrategyKind::Sync, false);
        add(StrategyKind::Threads, true);
        add(StrategyKind::Threads, false);
        add(StrategyKind::Async, false);
        add(StrategyKind::Processes, false);
    } else {
        for (const StrategyKind strategy :
             {StrategyKind::Sync, StrategyKind::Threads, StrategyKind::Async, StrategyKind::Processes})
            add(strategy, base.gil);
    }
    return runs;
}

std::string runLabel(const Experiment &experiment)
{
    const int workers = experiment.workerCount();
    std::string label(experiment.python ? "Python, " : "");
    label += strategyName(experiment.strategy);
    label += ", " + std::to_string(workers) + (workers == 1 ? " worker" : " workers");
    if (experiment.gil && experiment.strategy != StrategyKind::Processes)
        label += ", interpreter lock";
    if (experiment.io.blocking)
        label += ", blocking";
    if (experiment.io.hogMs > 0)
        label += ", hog " + std::to_string(experiment.io.hogMs) + " ms";
    if (experiment.io.hogSliceMs > 0)
        label += ", sliced " + std::to_string(experiment.io.hogSliceMs) + " ms";
    if (experiment.workload == WorkloadKind::Counter) {
        const CounterOptions &c = experiment.counter;
        if (c.sync == SyncKind::Lock)
            label += ", lock";
        else if (c.sync == SyncKind::Semaphore)
            label += ", semaphore of " + std::to_string(c.permits);
        if (c.yieldInside)
            label += ", await inside";
    }
    return label;
}

} // namespace mtlab
