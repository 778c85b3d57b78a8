#pragma once

#include "span.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace mtlab {

class Trace;

// What a waiting task waits for, in the article's words.
enum class WaitFor : std::uint8_t {
    Dns,       // the name lookup
    Connect,   // the TCP connection
    Tls,       // the TLS handshake
    Server,    // the server's answer (its think time)
    Transfer,  // the body coming in
    Timer,     // a sleep
    Semaphore, // a permit (the event loop's --max-in-flight)
    Lock,      // a lock
};

std::string_view waitForName(WaitFor what) noexcept;
// What a task in io-wait with this phase waits for (no network phase: a timer).
WaitFor waitForPhase(IoPhase phase) noexcept;

struct WaitingTask {
    std::int32_t task = -1;
    WaitFor what = WaitFor::Server;
};

// One worker lane (a pool's thread or process, the sync thread, the event loop) at an instant.
struct WorkerState {
    std::int32_t lane = -1;
    bool busy = false; // a span covers the instant; state, phase and task say which
    State state = State::Idle;
    IoPhase phase = IoPhase::None;
    std::int32_t task = -1; // -1: the worker's own work (the loop inside libcurl) or nothing
};

// The state of a run at one instant, as the article draws it: which task runs, which could run
// and wait for their turn (the ready list), which wait for something (the waiting list), which
// were not yet picked up (queued), how many are done.
struct Snapshot {
    std::int64_t at = 0;               // ns since the run's start
    std::vector<std::int32_t> running; // computing: on the loop, or on a core
    std::vector<std::int32_t> ready;   // runnable, in the order they became so
    std::vector<WaitingTask> waiting;  // by task id
    std::vector<std::int32_t> queued;  // submitted, not yet taken by a worker; by task id
    int done = 0;
    std::vector<WorkerState> workers; // in lane order
    // Work of no task on a task's lane, such as the task that starves the loop (--hog-ms): the
    // lanes where it computes, and where it is back in the ready list, at this instant.
    std::vector<std::int32_t> otherRunning, otherReady;
    // With the interpreter lock: the task holding it (-1: none) and the tasks waiting for it.
    bool interpreterLock = false;
    std::int32_t lockHolder = -1;
    std::vector<std::int32_t> lockWaiters;
};

// Answers "what was the state at time t" for one finished trace, fast enough to ask once per
// frame of a replay. Built once per trace; keeps a reference to it, so the trace must outlive it.
class SnapshotIndex
{
public:
    // interpreterLock: the run emulated the interpreter lock (a thread computing holds it).
    explicit SnapshotIndex(const Trace &trace, bool interpreterLock = false);

    // The state at t (ns since the run's start). A span covers [begin, end): at the instant a task
    // moves on, it is already in its new state.
    Snapshot at(std::int64_t t) const;

    // Every instant at which some task changed state (ns since the run's start), ascending: the
    // steps of a replay that moves one event at a time.
    const std::vector<std::int64_t> &eventTimes() const noexcept { return m_events; }
    // The first event after t, or the last one when there is none; the last event before t, or 0.
    std::int64_t nextEvent(std::int64_t t) const noexcept;
    std::int64_t previousEvent(std::int64_t t) const noexcept;
    std::int64_t duration() const noexcept { return m_duration; }

private:
    template <typename Visit>
    void forEachCovering(std::size_t lane, std::int64_t t, Visit visit) const;

    const Trace &m_trace;
    bool m_interpreterLock;
    bool m_queueIsSemaphore = false; // under the event loop, a queued task waits for a permit
    // Per span of the trace (in its order): the latest end of its lane's spans up to it, so a
    // search can stop walking back as soon as nothing earlier can reach t.
    std::vector<std::int64_t> m_reach;
    std::vector<std::int64_t> m_finished; // each task's last instant, ascending
    std::vector<std::int64_t> m_events;
    std::int64_t m_duration = 0;
};

} // namespace mtlab
