#include "concurrencygate.h"

#include <asio/redirect_error.hpp>
#include <asio/this_coro.hpp>
#include <asio/use_awaitable.hpp>

namespace mtlab {

ConcurrencyGate::ConcurrencyGate(std::size_t limit)
    : m_limit(limit)
{
}

asio::awaitable<void> ConcurrencyGate::acquire()
{
    if (m_limit == 0 || (m_active < m_limit && m_waiters.empty())) {
        ++m_active;
        co_return;
    }
    asio::steady_timer wakeUp(co_await asio::this_coro::executor, asio::steady_timer::time_point::max());
    m_waiters.push_back(&wakeUp);
    asio::error_code cancelled;
    co_await wakeUp.async_wait(asio::redirect_error(asio::use_awaitable, cancelled));
    // Woken by release(), which handed over its slot: m_active already counts this request.
}

void ConcurrencyGate::release()
{
    if (m_waiters.empty()) {
        --m_active;
        return;
    }
    asio::steady_timer *next = m_waiters.front();
    m_waiters.pop_front();
    next->cancel();
}

} // namespace mtlab
