#pragma once

#include "clock.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace mtlab {

class Recorder;

// An emulation of CPython's GIL: CPU work of the threads of one process holds this lock, and the
// holder hands it over once the switch interval has passed and another thread is waiting. Hand-over
// is first come, first served (a ticket lock), so threads take turns as they do under CPython's
// forced switching. The time spent waiting is recorded as lock-wait, from the moment the thread
// stopped computing to the moment it computes again, so a hand-over leaves no gap on the lane.
class InterpreterLock
{
public:
    explicit InterpreterLock(std::int64_t switchIntervalNs);

    // Blocks until this thread holds the lock; `since` is when it stopped doing anything else.
    // Returns the time its computing starts: `since` if the lock was free all along, else when
    // it got it (or when its last holder let go, if that came after `since`); the time between
    // is recorded as lock-wait on the recorder's lane.
    std::int64_t acquire(Recorder &recorder, std::int32_t task, std::int64_t since);
    void release();
    // Called by the holder between chunks of work: true when it should let another thread in.
    bool switchDue(std::int64_t now = nowNs()) const noexcept;
    // release() then acquire() at the back of the queue; `since` is when the holder stopped computing.
    std::int64_t yield(Recorder &recorder, std::int32_t task, std::int64_t since);

    std::int64_t switchIntervalNs() const noexcept { return m_switchNs; }

private:
    std::mutex m_mutex;
    std::condition_variable m_turn;
    std::uint64_t m_nextTicket = 0;
    std::uint64_t m_serving = 0;
    std::int64_t m_releasedAt = 0; // when the last holder let go
    std::atomic<std::uint64_t> m_waiting{0};
    std::atomic<std::int64_t> m_heldSince{0};
    std::int64_t m_switchNs;
};

// Holds the lock for a scope (nothing to do when there is no lock to emulate).
class InterpreterLockGuard
{
public:
    InterpreterLockGuard(InterpreterLock *lock, Recorder &recorder, std::int32_t task, std::int64_t since)
        : m_lock(lock)
        , m_acquired(lock ? lock->acquire(recorder, task, since) : since)
    {
    }
    ~InterpreterLockGuard()
    {
        if (m_lock)
            m_lock->release();
    }
    InterpreterLockGuard(const InterpreterLockGuard &) = delete;
    InterpreterLockGuard &operator=(const InterpreterLockGuard &) = delete;

    // When the scope's computing may start (see InterpreterLock::acquire).
    std::int64_t acquired() const noexcept { return m_acquired; }

private:
    InterpreterLock *m_lock;
    std::int64_t m_acquired;
};

} // namespace mtlab
