#include "snapshot.h"

#include "trace.h"

#include <algorithm>
#include <unordered_map>

namespace mtlab {

namespace {

// What a task in io-wait or lock-wait waits for.
WaitFor waitOf(const Span &span) noexcept
{
    return span.state == State::LockWait ? WaitFor::Lock : waitForPhase(span.phase);
}

} // namespace

WaitFor waitForPhase(IoPhase phase) noexcept
{
    switch (phase) {
    case IoPhase::Dns:
        return WaitFor::Dns;
    case IoPhase::Connect:
        return WaitFor::Connect;
    case IoPhase::Tls:
        return WaitFor::Tls;
    case IoPhase::Wait:
        return WaitFor::Server;
    case IoPhase::Transfer:
        return WaitFor::Transfer;
    case IoPhase::None:
        break;
    }
    // An io-wait that is no network phase is a sleep: the loop wakes it with a timer.
    return WaitFor::Timer;
}

std::string_view waitForName(WaitFor what) noexcept
{
    switch (what) {
    case WaitFor::Dns:
        return "dns";
    case WaitFor::Connect:
        return "connect";
    case WaitFor::Tls:
        return "tls";
    case WaitFor::Server:
        return "server";
    case WaitFor::Transfer:
        return "transfer";
    case WaitFor::Timer:
        return "timer";
    case WaitFor::Semaphore:
        return "semaphore";
    case WaitFor::Lock:
        return "lock";
    }
    return "?";
}

SnapshotIndex::SnapshotIndex(const Trace &trace, bool interpreterLock)
    : m_trace(trace)
    , m_interpreterLock(interpreterLock)
{
    // Under the event loop the queue lane holds the tasks waiting for the semaphore's permit:
    // coroutines already started, so they are in the waiting list, not a pool's queue.
    m_queueIsSemaphore = std::any_of(trace.lanes().begin(), trace.lanes().end(),
                                     [](const Lane &l) { return l.kind == LaneKind::EventLoop; });
    const std::vector<Span> &spans = trace.spans();
    m_reach.resize(spans.size());
    std::unordered_map<std::int32_t, std::int64_t> finished;
    for (std::size_t i = 0; i < spans.size(); ++i) {
        const Span &s = spans[i];
        const bool laneStart = i == 0 || spans[i - 1].lane != s.lane;
        m_reach[i] = laneStart ? s.end : std::max(m_reach[i - 1], s.end);
        if (s.task < 0)
            continue; // the loop's own work moves no task between lists
        auto [it, added] = finished.try_emplace(s.task, s.end);
        it->second = std::max(it->second, s.end);
        m_events.push_back(s.begin - trace.origin());
        m_events.push_back(s.end - trace.origin());
    }
    for (const auto &[task, end] : finished)
        m_finished.push_back(end - trace.origin());
    std::sort(m_finished.begin(), m_finished.end());
    std::sort(m_events.begin(), m_events.end());
    m_events.erase(std::unique(m_events.begin(), m_events.end()), m_events.end());
    m_duration = trace.end() - trace.origin();
}

template <typename Visit>
void SnapshotIndex::forEachCovering(std::size_t lane, std::int64_t t, Visit visit) const
{
    const std::span<const Span> spans = m_trace.spansOfLane(static_cast<std::int32_t>(lane));
    if (spans.empty())
        return;
    const std::size_t offset = static_cast<std::size_t>(spans.data() - m_trace.spans().data());
    // The spans that begin at or before t; walk back from the last while any may still reach t.
    auto i = static_cast<std::size_t>(
        std::upper_bound(spans.begin(), spans.end(), t,
                         [](std::int64_t at, const Span &s) { return at < s.begin; }) -
        spans.begin());
    while (i > 0 && m_reach[offset + i - 1] > t) {
        --i;
        if (spans[i].end > t)
            visit(spans[i]);
    }
}

Snapshot SnapshotIndex::at(std::int64_t t) const
{
    Snapshot snap;
    snap.at = t;
    snap.interpreterLock = m_interpreterLock;
    snap.done = static_cast<int>(std::upper_bound(m_finished.begin(), m_finished.end(), t) -
                                 m_finished.begin());
    const std::int64_t when = m_trace.origin() + t;
    std::vector<std::pair<std::int64_t, std::int32_t>> ready; // since, task
    const std::vector<Lane> &lanes = m_trace.lanes();
    for (std::size_t lane = 0; lane < lanes.size(); ++lane) {
        const LaneKind kind = lanes[lane].kind;
        const bool worker = lanes[lane].isWorker() && kind != LaneKind::AsyncTask;
        WorkerState state{.lane = static_cast<std::int32_t>(lane)};
        forEachCovering(lane, when, [&](const Span &s) {
            if (worker && !state.busy)
                state = WorkerState{
                    .lane = s.lane, .busy = true, .state = s.state, .phase = s.phase, .task = s.task};
            if (s.task < 0) {
                if (kind == LaneKind::AsyncTask && s.state == State::Cpu)
                    snap.otherRunning.push_back(s.lane);
                else if (kind == LaneKind::AsyncTask && s.state == State::Ready)
                    snap.otherReady.push_back(s.lane);
                return;
            }
            switch (s.state) {
            case State::Cpu:
            case State::Race: // computing too, while another task's update overlaps
                snap.running.push_back(s.task);
                break;
            case State::Ready:
                ready.emplace_back(s.begin, s.task);
                break;
            case State::IoWait:
            case State::LockWait:
                snap.waiting.push_back(WaitingTask{.task = s.task, .what = waitOf(s)});
                break;
            case State::Queued:
                if (m_queueIsSemaphore)
                    snap.waiting.push_back(WaitingTask{.task = s.task, .what = WaitFor::Semaphore});
                else
                    snap.queued.push_back(s.task);
                break;
            default:
                break;
            }
            if (m_interpreterLock && worker) {
                if (s.state == State::LockWait)
                    snap.lockWaiters.push_back(s.task);
                else if (s.state == State::Cpu || s.state == State::Race || s.state == State::Ready)
                    snap.lockHolder = s.task; // computing, or descheduled while holding it
            }
        });
        if (worker)
            snap.workers.push_back(state);
    }
    std::sort(ready.begin(), ready.end());
    for (const auto &[since, task] : ready)
        snap.ready.push_back(task);
    std::sort(snap.waiting.begin(), snap.waiting.end(),
              [](const WaitingTask &a, const WaitingTask &b) { return a.task < b.task; });
    std::sort(snap.queued.begin(), snap.queued.end());
    std::sort(snap.lockWaiters.begin(), snap.lockWaiters.end());
    return snap;
}

std::int64_t SnapshotIndex::nextEvent(std::int64_t t) const noexcept
{
    const auto it = std::upper_bound(m_events.begin(), m_events.end(), t);
    if (it != m_events.end())
        return *it;
    return m_events.empty() ? 0 : m_events.back();
}

std::int64_t SnapshotIndex::previousEvent(std::int64_t t) const noexcept
{
    const auto it = std::lower_bound(m_events.begin(), m_events.end(), t);
    return it == m_events.begin() ? 0 : *(it - 1);
}

} // namespace mtlab
