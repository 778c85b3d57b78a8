#include "rawtrace.h"

#include "decimal.h"

#include <algorithm>
#include <charconv>
#include <numeric>
#include <set>

namespace mtlab {

namespace {

// Deeper calls share the deepest sub-row: a recursive program's stack would otherwise give
// hundreds of rows.
constexpr int MaxDepth = 32;
constexpr std::int64_t StringIdBase = std::int64_t(1) << 62;

std::vector<std::int32_t> processOrder(const RawTrace &raw)
{
    std::vector<std::int32_t> order(raw.processes.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) {
        const RawProcess &pa = raw.processes[static_cast<std::size_t>(a)];
        const RawProcess &pb = raw.processes[static_cast<std::size_t>(b)];
        return std::pair(pa.sortIndex, pa.pid) < std::pair(pb.sortIndex, pb.pid);
    });
    return order;
}

// A process's threads in their sort order, async tracks after them by name.
std::vector<std::int32_t> threadOrder(const RawTrace &raw, std::int32_t process)
{
    std::vector<std::int32_t> order;
    for (std::size_t t = 0; t < raw.threads.size(); ++t)
        if (raw.threads[t].process == process)
            order.push_back(static_cast<std::int32_t>(t));
    std::stable_sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) {
        const RawThread &ta = raw.threads[static_cast<std::size_t>(a)];
        const RawThread &tb = raw.threads[static_cast<std::size_t>(b)];
        if (ta.async != tb.async)
            return tb.async;
        if (ta.async)
            return ta.name < tb.name;
        return std::pair(ta.sortIndex, ta.tid) < std::pair(tb.sortIndex, tb.tid);
    });
    return order;
}

std::string threadName(const RawThread &t)
{
    return t.name.empty() ? "thread " + t.label : t.name;
}

std::string processName(const RawProcess &p)
{
    return p.name.empty() ? "process " + p.label : p.name;
}

std::int64_t osId(std::int64_t key)
{
    return key >= StringIdBase ? 0 : key;
}

// One run per process, as this program's export writes them: lane per tid, spans by state.
RunResult ourRun(const RawTrace &raw, std::int32_t process, const std::vector<std::int32_t> &laneOf,
                 const std::vector<std::int32_t> &threads)
{
    std::vector<Lane> lanes;
    for (const std::int32_t t : threads) {
        const RawThread &th = raw.threads[static_cast<std::size_t>(t)];
        Lane lane{.id = static_cast<std::int32_t>(lanes.size()),
                  .kind = th.kind.value_or(LaneKind::PoolThread),
                  .name = th.kind ? th.name : threadName(th), // our export names every lane, even with ""

                  .sortIndex = static_cast<std::int32_t>(lanes.size())};
        for (const std::int32_t other : threads)
            if (th.parentTid >= 0 && raw.threads[static_cast<std::size_t>(other)].tid == th.parentTid)
                lane.parent = laneOf[static_cast<std::size_t>(other)];
        lanes.push_back(std::move(lane));
    }
    std::vector<Span> spans;
    std::vector<std::string> details;
    std::vector<std::string> labels;
    std::vector<std::int32_t> labelOf(raw.names.size(), -1);
    std::vector<bool> onlyQueued(lanes.size(), true);
    for (const RawSlice &s : raw.slices) {
        if (raw.threads[static_cast<std::size_t>(s.thread)].process != process)
            continue;
        const std::optional<State> named = stateFromName(raw.names[static_cast<std::size_t>(s.name)]);
        const State state = named.value_or(State::Cpu);
        std::int32_t label = -1;
        if (!named) { // an imported run saved in a session
            std::int32_t &known = labelOf[static_cast<std::size_t>(s.name)];
            if (known < 0) {
                known = static_cast<std::int32_t>(labels.size());
                labels.push_back(raw.names[static_cast<std::size_t>(s.name)]);
            }
            label = known;
        }
        const std::int32_t lane = laneOf[static_cast<std::size_t>(s.thread)];
        onlyQueued[static_cast<std::size_t>(lane)] = onlyQueued[static_cast<std::size_t>(lane)] &&
            state == State::Queued;
        std::int32_t detail = -1;
        if (s.detail >= 0) {
            detail = static_cast<std::int32_t>(details.size());
            details.push_back(raw.details[static_cast<std::size_t>(s.detail)]);
        }
        spans.push_back(Span{.begin = s.begin,
                             .end = s.end,
                             .lane = lane,
                             .task = s.task,
                             .detail = detail,
                             .state = state,
                             .phase = s.phase,
                             .label = label});
    }
    // A file written before lanes carried their kind: a lane of nothing but queued spans is a queue.
    for (std::size_t l = 0; l < lanes.size(); ++l)
        if (!raw.threads[static_cast<std::size_t>(threads[l])].kind && onlyQueued[l])
            lanes[l].kind = LaneKind::Queue;

    RunResult run;
    std::set<std::int32_t> taskIds;
    bool anyText = false;
    std::vector<TaskRecord> tasks;
    for (const RawTaskResult &r : raw.results) {
        if (r.process != process)
            continue;
        TaskRecord record{
            .task = r.task, .lane = laneOf[static_cast<std::size_t>(r.thread)], .ok = r.ok, .error = r.error};
        record.cpuNs = r.cpuNs;
        if (r.ok && r.text) {
            anyText = true;
            record.value = parseDecimalU128(r.value).value_or(0);
            run.result += record.value;
        } else if (r.ok) {
            std::from_chars(r.value.data(), r.value.data() + r.value.size(), record.bytes);
            run.bytes += record.bytes;
        }
        (r.ok ? run.ok : run.failed) += 1;
        if (!r.ok)
            ++run.errors[r.error];
        tasks.push_back(std::move(record));
    }
    for (const Span &s : spans)
        if (s.task >= 0)
            taskIds.insert(s.task);

    Experiment &e = run.experiment;
    e.workload = anyText || tasks.empty() ? WorkloadKind::Cpu : WorkloadKind::Io;
    e.tasks = static_cast<int>(taskIds.size());
    int workers = 0;
    e.strategy = StrategyKind::Sync;
    for (const Lane &lane : lanes) {
        if (lane.kind == LaneKind::EventLoop)
            e.strategy = StrategyKind::Async;
        else if (lane.kind == LaneKind::Process)
            e.strategy = StrategyKind::Processes;
        else if (lane.kind == LaneKind::PoolThread && e.strategy == StrategyKind::Sync)
            e.strategy = StrategyKind::Threads;
        workers += lane.kind != LaneKind::Queue && lane.kind != LaneKind::AsyncTask;
    }
    e.workers = workers;
    run.trace = Trace(std::move(lanes), std::move(spans), std::move(details), std::move(tasks), 0,
                      std::move(labels));
    run.wallNs = run.trace.end() - run.trace.origin();
    return run;
}

// Another tool's trace: one run, a lane per thread and async track, a sub-lane per nesting depth.
RunResult foreignRun(RawTrace &raw, const std::vector<std::int32_t> &processes)
{
    std::sort(raw.slices.begin(), raw.slices.end(), [](const RawSlice &a, const RawSlice &b) {
        if (a.thread != b.thread)
            return a.thread < b.thread;
        if (a.begin != b.begin)
            return a.begin < b.begin;
        return a.end > b.end; // the enclosing slice first
    });
    std::vector<std::size_t> firstOf(raw.threads.size() + 1, raw.slices.size());
    for (std::size_t i = raw.slices.size(); i-- > 0;)
        firstOf[static_cast<std::size_t>(raw.slices[i].thread)] = i;
    for (std::size_t t = raw.threads.size(); t-- > 0;)
        firstOf[t] = std::min(firstOf[t], firstOf[t + 1]);

    std::vector<std::int32_t> labelOf(raw.names.size(), -1);
    std::vector<std::string> labels;
    std::vector<Lane> lanes;
    std::vector<Span> spans;
    spans.reserve(raw.slices.size());
    std::vector<std::int64_t> ends; // the open slices' ends: the nesting stack
    for (const std::int32_t p : processes) {
        const RawProcess &process = raw.processes[static_cast<std::size_t>(p)];
        for (const std::int32_t t : threadOrder(raw, p)) {
            const RawThread &th = raw.threads[static_cast<std::size_t>(t)];
            const std::size_t from = firstOf[static_cast<std::size_t>(t)];
            const std::size_t to = firstOf[static_cast<std::size_t>(t) + 1];
            const auto top = static_cast<std::int32_t>(lanes.size());
            std::string name = threadName(th);
            if (processes.size() > 1)
                name = processName(process) + ": " + name;
            lanes.push_back(Lane{.id = top,
                                 .kind = LaneKind::PoolThread,
                                 .name = std::move(name),
                                 .pid = osId(process.pid),
                                 .tid = th.async ? 0 : osId(th.tid),
                                 .sortIndex = top});
            ends.clear();
            int deepest = 0;
            for (std::size_t i = from; i < to; ++i) {
                const RawSlice &s = raw.slices[i];
                while (!ends.empty() && ends.back() <= s.begin)
                    ends.pop_back();
                const int depth = std::min(static_cast<int>(ends.size()), MaxDepth);
                ends.push_back(s.end);
                while (deepest < depth) {
                    ++deepest;
                    const auto id = static_cast<std::int32_t>(lanes.size());
                    lanes.push_back(Lane{
                        .id = id, .kind = LaneKind::AsyncTask, .name = {}, .parent = top, .sortIndex = id});
                }
                const std::string &text = raw.names[static_cast<std::size_t>(s.name)];
                const std::optional<State> state = stateFromName(text);
                std::int32_t &label = labelOf[static_cast<std::size_t>(s.name)];
                if (!state && label < 0) {
                    label = static_cast<std::int32_t>(labels.size());
                    labels.push_back(text);
                }
                spans.push_back(Span{.begin = s.begin,
                                     .end = s.end,
                                     .lane = top + depth,
                                     .state = state.value_or(State::Cpu),
                                     .label = state ? -1 : label});
            }
        }
    }
    std::int64_t origin = 0;
    if (!spans.empty())
        origin = std::min_element(spans.begin(), spans.end(), [](const Span &a, const Span &b) {
                     return a.begin < b.begin;
                 })->begin;
    RunResult run;
    run.trace = Trace(std::move(lanes), std::move(spans), {}, {}, origin, std::move(labels));
    run.wallNs = run.trace.end() - origin;
    return run;
}

} // namespace

TraceFile assembleRuns(RawTrace raw)
{
    TraceFile file;
    file.events = raw.events;
    file.skipped = raw.skipped;
    file.counters = std::move(raw.counters);
    file.session = std::move(raw.session);
    // A session keeps every run apart, imported ones too (their lanes carry kind and parent).
    file.ours = (raw.onlyOurs && !raw.slices.empty()) || !file.session.empty();
    const std::vector<std::int32_t> processes = processOrder(raw);
    if (!file.ours) {
        file.runs.push_back(foreignRun(raw, processes));
        file.names.push_back(processes.size() == 1
                                 ? raw.processes[static_cast<std::size_t>(processes[0])].name
                                 : std::string());
        return file;
    }
    std::vector<std::int32_t> laneOf(raw.threads.size(), -1);
    for (const std::int32_t p : processes) {
        const std::vector<std::int32_t> threads = threadOrder(raw, p);
        for (std::size_t i = 0; i < threads.size(); ++i)
            laneOf[static_cast<std::size_t>(threads[i])] = static_cast<std::int32_t>(i);
        file.runs.push_back(ourRun(raw, p, laneOf, threads));
        file.names.push_back(raw.processes[static_cast<std::size_t>(p)].name);
    }
    return file;
}

} // namespace mtlab
