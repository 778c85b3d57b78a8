#include "asyncsemaphore.h"

#include "eventloop.h"

namespace mtlab {

AsyncSemaphore::AsyncSemaphore(EventLoop &loop, std::ptrdiff_t permits) noexcept
    : m_loop(loop)
    , m_available(permits)
{
}

AsyncSemaphore::Awaiter::~Awaiter()
{
    if (m_queued)
        m_semaphore.unlink(*this);
}

void AsyncSemaphore::Awaiter::await_suspend(std::coroutine_handle<> coroutine) noexcept
{
    m_coroutine = coroutine;
    m_semaphore.enqueue(*this);
}

bool AsyncSemaphore::tryAcquire() noexcept
{
    // Permits are handed to waiters on release, so a free permit means nobody is queued: no
    // newcomer can overtake a waiter.
    if (m_available <= 0)
        return false;
    --m_available;
    return true;
}

void AsyncSemaphore::release()
{
    Awaiter *const first = m_first;
    if (!first) {
        ++m_available;
        return;
    }
    unlink(*first);
    m_loop.schedule(first->m_coroutine);
}

void AsyncSemaphore::enqueue(Awaiter &waiter) noexcept
{
    waiter.m_prev = m_last;
    waiter.m_next = nullptr;
    if (m_last)
        m_last->m_next = &waiter;
    else
        m_first = &waiter;
    m_last = &waiter;
    waiter.m_queued = true;
    ++m_waiting;
}

void AsyncSemaphore::unlink(Awaiter &waiter) noexcept
{
    if (waiter.m_prev)
        waiter.m_prev->m_next = waiter.m_next;
    else
        m_first = waiter.m_next;
    if (waiter.m_next)
        waiter.m_next->m_prev = waiter.m_prev;
    else
        m_last = waiter.m_prev;
    waiter.m_prev = waiter.m_next = nullptr;
    waiter.m_queued = false;
    --m_waiting;
}

} // namespace mtlab
