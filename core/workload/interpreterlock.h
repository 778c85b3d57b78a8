#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace mtlab {

class Recorder;

// An emulation of CPython's GIL: CPU work of the threads of one process holds this lock, and the
// holder hands it over once the switch interval has passed and another thread is waiting. Hand-over
// is first come, first served (a ticket lock), so threads take turns as they do under CPython's
// forced switching. The time spent waiting is recorded as lock-wait.
class InterpreterLock
{
public:
    explicit InterpreterLock(std::int64_t switchIntervalNs);

    // Blocks until this thread holds the lock; records lock-wait on the recorder's lane if it waited.
    void acquire(Recorder &recorder, std::int32_t task);
    void release();
    // Called by the holder between chunks of work: true when it should let another thread in.
    bool switchDue() const noexcept;
    // release() then acquire() at the back of the queue.
    void yield(Recorder &recorder, std::int32_t task);

    std::int64_t switchIntervalNs() const noexcept { return m_switchNs; }

private:
    std::mutex m_mutex;
    std::condition_variable m_turn;
    std::uint64_t m_nextTicket = 0;
    std::uint64_t m_serving = 0;
    std::atomic<std::uint64_t> m_waiting{0};
    std::atomic<std::int64_t> m_heldSince{0};
    std::int64_t m_switchNs;
};

// Holds the lock for a scope (nothing to do when there is no lock to emulate).
class InterpreterLockGuard
{
public:
    InterpreterLockGuard(InterpreterLock *lock, Recorder &recorder, std::int32_t task)
        : m_lock(lock)
    {
        if (m_lock)
            m_lock->acquire(recorder, task);
    }
    ~InterpreterLockGuard()
    {
        if (m_lock)
            m_lock->release();
    }
    InterpreterLockGuard(const InterpreterLockGuard &) = delete;
    InterpreterLockGuard &operator=(const InterpreterLockGuard &) = delete;

private:
    InterpreterLock *m_lock;
};

} // namespace mtlab
