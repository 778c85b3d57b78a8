#pragma once

// <cstddef> first: Qt 6.4's moc fails on a file whose first standard header is <coroutine>.
#include <cstddef>
#include <coroutine>

namespace mtlab {

class EventLoop;

// asyncio.Semaphore for one event loop: `co_await semaphore.acquire()` takes a permit or waits in
// FIFO order for one; release() hands the permit straight to the longest waiter, whose coroutine
// then waits its turn in the ready queue. Loop thread only.
class AsyncSemaphore
{
public:
    AsyncSemaphore(EventLoop &loop, std::ptrdiff_t permits) noexcept;
    AsyncSemaphore(const AsyncSemaphore &) = delete;
    AsyncSemaphore &operator=(const AsyncSemaphore &) = delete;

    class Awaiter
    {
    public:
        explicit Awaiter(AsyncSemaphore &semaphore) noexcept
            : m_semaphore(semaphore)
        {
        }
        Awaiter(const Awaiter &) = delete;
        Awaiter &operator=(const Awaiter &) = delete;
        // A coroutine destroyed while waiting leaves the queue.
        ~Awaiter();

        bool await_ready() noexcept { return m_semaphore.tryAcquire(); }
        void await_suspend(std::coroutine_handle<> coroutine) noexcept;
        void await_resume() const noexcept {}

    private:
        friend class AsyncSemaphore;
        AsyncSemaphore &m_semaphore;
        std::coroutine_handle<> m_coroutine;
        Awaiter *m_prev = nullptr;
        Awaiter *m_next = nullptr;
        bool m_queued = false;
    };

    bool tryAcquire() noexcept;
    Awaiter acquire() noexcept { return Awaiter(*this); }
    void release();

    std::ptrdiff_t available() const noexcept { return m_available; }
    std::size_t waiting() const noexcept { return m_waiting; }

private:
    void enqueue(Awaiter &waiter) noexcept;
    void unlink(Awaiter &waiter) noexcept;

    EventLoop &m_loop;
    std::ptrdiff_t m_available;
    // The waiters, an intrusive list through their awaiters (which live in the waiting frames).
    Awaiter *m_first = nullptr;
    Awaiter *m_last = nullptr;
    std::size_t m_waiting = 0;
};

} // namespace mtlab
