#pragma once

#include "experiment.h"
#include "trace.h"

#include <QDir>

#include <algorithm>
#include <chrono>
#include <map>
#include <span>
#include <utility>
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

// One span per task: from its first cpu or ready span to the end of its last one, sorted by
// begin. A task's computing is cut into cpu and ready slices whenever it loses its core.
inline std::vector<Span> computingOfTasks(const Trace &trace)
{
    std::map<std::int32_t, Span> tasks;
    for (const Span &s : trace.spans()) {
        if (s.state != State::Cpu && s.state != State::Ready)
            continue;
        // An async task's sub-lane is ready while it waits for the loop, not while it computes.
        if (trace.lanes()[static_cast<std::size_t>(s.lane)].kind == LaneKind::AsyncTask)
            continue;
        const auto [it, first] = tasks.try_emplace(s.task, s);
        it->second.begin = std::min(it->second.begin, s.begin);
        it->second.end = std::max(it->second.end, s.end);
        it->second.state = State::Cpu;
    }
    std::vector<Span> out;
    for (const auto &[task, span] : tasks)
        out.push_back(span);
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

// True when each span of a lane (sorted by begin) starts exactly where the one before ended.
inline bool gapless(std::span<const Span> lane)
{
    for (std::size_t i = 1; i < lane.size(); ++i)
        if (lane[i].begin != lane[i - 1].end)
            return false;
    return true;
}

// The longest stretch of time during which more than `limit` of the spans cover every instant.
inline std::int64_t longestAbove(const std::vector<Span> &spans, int limit)
{
    std::vector<std::pair<std::int64_t, int>> edges; // an end sorts before a begin at the same time
    for (const Span &s : spans) {
        edges.emplace_back(s.begin, 1);
        edges.emplace_back(s.end, -1);
    }
    std::sort(edges.begin(), edges.end());
    int now = 0;
    std::int64_t since = 0, longest = 0;
    for (const auto &[time, step] : edges) {
        if (now > limit && now + step <= limit)
            longest = std::max(longest, time - since);
        else if (now <= limit && now + step > limit)
            since = time;
        now += step;
    }
    return longest;
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
