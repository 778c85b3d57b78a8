#pragma once

#include "experiment.h"
#include "trace.h"

#include <QDir>

#include <algorithm>
#include <chrono>
#include <stop_token>
#include <thread>
#include <vector>

// Structural checks on a trace that several strategy tests share.
namespace mtlab::checks {

// The CPU workload under one strategy: the experiment most strategy tests start from.
inline Experiment cpuExperiment(StrategyKind strategy, int tasks, int workers, std::uint64_t n)
{
    Experiment e;
    e.workload = WorkloadKind::Cpu;
    e.strategy = strategy;
    e.tasks = tasks;
    e.workers = workers;
    e.n = n;
    return e;
}

inline std::vector<Span> spansIn(const Trace &trace, State state)
{
    std::vector<Span> out;
    std::copy_if(trace.spans().begin(), trace.spans().end(), std::back_inserter(out),
                 [state](const Span &s) { return s.state == state; });
    std::sort(out.begin(), out.end(), [](const Span &a, const Span &b) { return a.begin < b.begin; });
    return out;
}

inline bool overlap(const Span &a, const Span &b)
{
    return a.begin < b.end && b.begin < a.end;
}

// True when no two of the spans (sorted by begin) overlap.
inline bool disjoint(const std::vector<Span> &sorted)
{
    for (std::size_t i = 1; i < sorted.size(); ++i)
        if (sorted[i].begin < sorted[i - 1].end)
            return false;
    return true;
}

// True when spans on two different lanes overlap in time.
inline bool overlapAcrossLanes(const std::vector<Span> &spans)
{
    for (std::size_t i = 0; i < spans.size(); ++i)
        for (std::size_t j = i + 1; j < spans.size(); ++j)
            if (spans[i].lane != spans[j].lane && overlap(spans[i], spans[j]))
                return true;
    return false;
}

inline bool allClosed(const Trace &trace)
{
    return std::all_of(trace.spans().begin(), trace.spans().end(),
                       [&](const Span &s) { return s.end >= s.begin && s.begin >= trace.origin(); });
}

// A thread that cancels a run after delay, and is joined when it goes out of scope.
inline std::jthread stopAfter(std::stop_source &stop, std::chrono::milliseconds delay)
{
    return std::jthread([&stop, delay] {
        std::this_thread::sleep_for(delay);
        stop.request_stop();
    });
}

// Stops the run once `ready` says so (checked every millisecond), so a test cancels at a known
// point of the run rather than after a guessed delay.
template <typename Predicate>
std::jthread stopWhen(std::stop_source &stop, Predicate ready)
{
    return std::jthread([&stop, ready](std::stop_token self) {
        while (!self.stop_requested() && !ready())
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        stop.request_stop();
    });
}

inline int threadsInThisProcess()
{
    return static_cast<int>(
        QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size());
}

inline int lanesOfKind(const Trace &trace, LaneKind kind)
{
    return static_cast<int>(std::count_if(trace.lanes().begin(), trace.lanes().end(),
                                          [kind](const Lane &l) { return l.kind == kind; }));
}

} // namespace mtlab::checks
