#pragma once

#include "trace.h"

#include <string>
#include <utility>
#include <vector>

// Small traces written out by hand, so that what a replay shows at an instant can be checked
// against times chosen on paper. Times are in ms from the run's start.
namespace mtlab::handbuilt {

inline constexpr std::int64_t Origin = 1'000'000'000;
inline constexpr std::int64_t Ms = 1'000'000;

class TraceBuilder
{
public:
    std::int32_t lane(LaneKind kind, std::string name, std::int32_t parent = -1)
    {
        const auto id = static_cast<std::int32_t>(m_lanes.size());
        m_lanes.push_back(
            Lane{.id = id, .kind = kind, .name = std::move(name), .parent = parent, .sortIndex = id});
        return id;
    }
    TraceBuilder &span(std::int32_t lane, State state, std::int32_t task, double fromMs, double toMs,
                       IoPhase phase = IoPhase::None)
    {
        m_spans.push_back(Span{.begin = Origin + static_cast<std::int64_t>(fromMs * Ms),
                               .end = Origin + static_cast<std::int64_t>(toMs * Ms),
                               .lane = lane,
                               .task = task,
                               .state = state,
                               .phase = phase});
        return *this;
    }
    Trace build() const { return Trace(m_lanes, m_spans, {}, {}, Origin); }

private:
    std::vector<Lane> m_lanes;
    std::vector<Span> m_spans;
};

// The event loop with three downloads, created at 0: each waits in the ready list for its first
// step (1 ms on the loop), then connects, waits for the server, takes the body in, and waits in the
// ready list again until the loop hands it the answer. The loop works inside libcurl at 4..5 ms.
//   task 0: ready 0-1, cpu 1-2, connect 2-3, server 3-10, transfer 10-11, ready 11-13, cpu 13-14
//   task 1: ready 0-2, cpu 2-3, connect 3-4, server 4-11, transfer 11-12, ready 12-14, cpu 14-15
//   task 2: ready 0-3, cpu 3-4, connect 4-5, server 5-12, transfer 12-13, ready 13-15, cpu 15-16
inline Trace asyncThreeDownloads()
{
    TraceBuilder b;
    const std::int32_t loop = b.lane(LaneKind::EventLoop, "event loop");
    for (int task = 0; task < 3; ++task) {
        const std::int32_t sub = b.lane(LaneKind::AsyncTask, "task slot " + std::to_string(task + 1), loop);
        const double d = task;
        b.span(sub, State::Ready, task, 0, 1 + d)
            .span(loop, State::Cpu, task, 1 + d, 2 + d)
            .span(sub, State::IoWait, task, 2 + d, 3 + d, IoPhase::Connect)
            .span(sub, State::IoWait, task, 3 + d, 10 + d, IoPhase::Wait)
            .span(sub, State::IoWait, task, 10 + d, 11 + d, IoPhase::Transfer)
            .span(sub, State::Ready, task, 11 + d, 13 + d)
            .span(loop, State::Cpu, task, 13 + d, 14 + d);
    }
    b.span(loop, State::Cpu, -1, 4, 5);
    return b.build();
}

// The event loop with one permit (--max-in-flight 1): task 1 waits for it on the queue lane until
// task 0 is done; task 0 sleeps (an io-wait of no network phase) 1-4 ms.
inline Trace asyncWithOnePermit()
{
    TraceBuilder b;
    const std::int32_t loop = b.lane(LaneKind::EventLoop, "event loop");
    const std::int32_t sub = b.lane(LaneKind::AsyncTask, "task slot 1", loop);
    const std::int32_t queue = b.lane(LaneKind::Queue, "queue");
    b.span(sub, State::Ready, 0, 0, 0.5)
        .span(loop, State::Cpu, 0, 0.5, 1)
        .span(sub, State::IoWait, 0, 1, 4)
        .span(loop, State::Cpu, 0, 4, 5)
        .span(queue, State::Queued, 1, 0, 5)
        .span(sub, State::Ready, 1, 5, 6)
        .span(loop, State::Cpu, 1, 6, 7);
    return b.build();
}

// A pool of two threads and four tasks; tasks 2 and 3 wait in the queue for a free thread.
//   thread 1: task 0 cpu 0-5; task 2 server 5-9, cpu 9-10
//   thread 2: task 1 connect 0-1, server 1-6; task 3 cpu 6-8, ready 8-9 (no core), cpu 9-12
inline Trace threadPoolWithQueue()
{
    TraceBuilder b;
    const std::int32_t t1 = b.lane(LaneKind::PoolThread, "thread 1");
    const std::int32_t t2 = b.lane(LaneKind::PoolThread, "thread 2");
    const std::int32_t queue = b.lane(LaneKind::Queue, "queue");
    b.span(queue, State::Queued, 2, 0, 5)
        .span(queue, State::Queued, 3, 0, 6)
        .span(t1, State::Cpu, 0, 0, 5)
        .span(t1, State::IoWait, 2, 5, 9, IoPhase::Wait)
        .span(t1, State::Cpu, 2, 9, 10)
        .span(t2, State::IoWait, 1, 0, 1, IoPhase::Connect)
        .span(t2, State::IoWait, 1, 1, 6, IoPhase::Wait)
        .span(t2, State::Cpu, 3, 6, 8)
        .span(t2, State::Ready, 3, 8, 9)
        .span(t2, State::Cpu, 3, 9, 12);
    return b.build();
}

// Two threads taking turns under the interpreter lock, 5 ms each; at 10-11 ms thread 1 holds the
// lock but has no core (ready).
inline Trace threadsUnderTheLock()
{
    TraceBuilder b;
    const std::int32_t t1 = b.lane(LaneKind::PoolThread, "thread 1");
    const std::int32_t t2 = b.lane(LaneKind::PoolThread, "thread 2");
    b.span(t1, State::Cpu, 0, 0, 5)
        .span(t1, State::LockWait, 0, 5, 10)
        .span(t1, State::Ready, 0, 10, 11)
        .span(t1, State::Cpu, 0, 11, 15)
        .span(t2, State::LockWait, 1, 0, 5)
        .span(t2, State::Cpu, 1, 5, 10)
        .span(t2, State::LockWait, 1, 10, 15)
        .span(t2, State::Cpu, 1, 15, 20);
    return b.build();
}

} // namespace mtlab::handbuilt
