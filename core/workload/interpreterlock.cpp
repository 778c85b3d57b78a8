#include "interpreterlock.h"

#include "clock.h"
#include "recorder.h"

namespace mtlab {

InterpreterLock::InterpreterLock(std::int64_t switchIntervalNs)
    : m_switchNs(switchIntervalNs)
{
}

void InterpreterLock::acquire(Recorder &recorder, std::int32_t task)
{
    const std::int64_t begin = nowNs();
    std::unique_lock lock(m_mutex);
    const std::uint64_t ticket = m_nextTicket++;
    if (ticket != m_serving) {
        m_waiting.fetch_add(1, std::memory_order_relaxed);
        m_turn.wait(lock, [&] { return m_serving == ticket; });
        m_waiting.fetch_sub(1, std::memory_order_relaxed);
        lock.unlock();
        const std::int64_t end = nowNs();
        recorder.record(State::LockWait, task, begin, end);
        m_heldSince.store(end, std::memory_order_relaxed);
        return;
    }
    m_heldSince.store(nowNs(), std::memory_order_relaxed);
}

void InterpreterLock::release()
{
    {
        std::lock_guard lock(m_mutex);
        ++m_serving;
    }
    m_turn.notify_all();
}

bool InterpreterLock::switchDue() const noexcept
{
    return m_waiting.load(std::memory_order_relaxed) > 0 &&
        nowNs() - m_heldSince.load(std::memory_order_relaxed) >= m_switchNs;
}

void InterpreterLock::yield(Recorder &recorder, std::int32_t task)
{
    release();
    acquire(recorder, task);
}

} // namespace mtlab
