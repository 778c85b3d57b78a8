#include "interpreterlock.h"

#include "recorder.h"

#include <algorithm>

namespace mtlab {

InterpreterLock::InterpreterLock(std::int64_t switchIntervalNs)
    : m_switchNs(switchIntervalNs)
{
}

std::int64_t InterpreterLock::acquire(Recorder &recorder, std::int32_t task, std::int64_t since)
{
    std::unique_lock lock(m_mutex);
    const std::uint64_t ticket = m_nextTicket++;
    if (ticket != m_serving) {
        m_waiting.fetch_add(1, std::memory_order_relaxed);
        m_turn.wait(lock, [&] { return m_serving == ticket; });
        m_waiting.fetch_sub(1, std::memory_order_relaxed);
        lock.unlock();
        const std::int64_t end = nowNs();
        recorder.record(State::LockWait, task, since, end);
        m_heldSince.store(end, std::memory_order_relaxed);
        return end;
    }
    // Free now, but it may have been held when this thread asked for it: it computes only from
    // the release on, so that two threads never show computing at once.
    const std::int64_t from = std::max(since, m_releasedAt);
    lock.unlock();
    if (from > since)
        recorder.record(State::LockWait, task, since, from);
    m_heldSince.store(from, std::memory_order_relaxed);
    return from;
}

void InterpreterLock::release()
{
    {
        std::lock_guard lock(m_mutex);
        ++m_serving;
        m_releasedAt = nowNs();
    }
    m_turn.notify_all();
}

bool InterpreterLock::switchDue(std::int64_t now) const noexcept
{
    return m_waiting.load(std::memory_order_relaxed) > 0 &&
        now - m_heldSince.load(std::memory_order_relaxed) >= m_switchNs;
}

std::int64_t InterpreterLock::yield(Recorder &recorder, std::int32_t task, std::int64_t since)
{
    release();
    return acquire(recorder, task, since);
}

} // namespace mtlab
