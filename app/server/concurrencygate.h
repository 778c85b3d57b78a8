#pragma once

#include <asio/awaitable.hpp>
#include <asio/steady_timer.hpp>

#include <cstddef>
#include <deque>

namespace mtlab {

// Admits at most `limit` requests at once (0 = no limit); the others wait in FIFO order,
// like requests queued in front of a busy server's worker pool.
// Every acquire() must be followed by exactly one release(), called explicitly rather than
// from a destructor: coroutine frames destroyed at shutdown must not touch the gate.
class ConcurrencyGate
{
public:
    explicit ConcurrencyGate(std::size_t limit);

    asio::awaitable<void> acquire();
    void release();

private:
    std::size_t m_limit;
    std::size_t m_active = 0;
    // Each waiter sleeps on its own timer; release() cancels the first one to hand its slot over.
    std::deque<asio::steady_timer *> m_waiters;
};

} // namespace mtlab
