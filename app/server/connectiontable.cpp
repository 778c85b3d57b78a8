#include "connectiontable.h"

#include <asio/co_spawn.hpp>
#include <asio/detached.hpp>
#include <asio/redirect_error.hpp>
#include <asio/use_awaitable.hpp>

#include <algorithm>
#include <limits>

#include <sys/resource.h>

namespace mtlab {

std::size_t ConnectionTable::capacityFor(std::size_t wanted)
{
    rlimit limit{};
    std::size_t allowed = std::numeric_limits<std::size_t>::max();
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
        allowed = std::max<std::size_t>(limit.rlim_cur, kReservedDescriptors + 1) - kReservedDescriptors;
    return wanted == 0 ? allowed : std::min(wanted, allowed);
}

ConnectionTable::ConnectionTable(const asio::any_io_executor &executor, Limits limits)
    : m_limits(limits)
    , m_timer(executor)
{
}

void ConnectionTable::start()
{
    asio::co_spawn(m_timer.get_executor(), closeExpired(), asio::detached);
}

std::optional<ConnectionTable::Handle> ConnectionTable::admit()
{
    if (size() >= m_limits.capacity) {
        const auto shed = oldestWaiting();
        if (!shed)
            return std::nullopt;
        close(*shed);
    }
    return append(State::ReadingHead);
}

void ConnectionTable::attach(Handle handle, asio::ip::tcp::socket &socket)
{
    handle->socket = &socket;
    if (handle->state == State::Closed)
        close(handle);
}

void ConnectionTable::setState(Handle handle, State state)
{
    if (handle->state == state || handle->state == State::Closed)
        return;
    listOf(state).splice(listOf(state).end(), listOf(handle->state), handle);
    handle->state = state;
    handle->since = Clock::now();
}

void ConnectionTable::remove(Handle handle)
{
    listOf(handle->state).erase(handle);
}

std::size_t ConnectionTable::size() const
{
    return m_lists[0].size() + m_lists[1].size() + m_lists[2].size();
}

ConnectionTable::Handle ConnectionTable::append(State state)
{
    auto &list = listOf(state);
    list.push_back(Entry{.state = state, .since = Clock::now()});
    return std::prev(list.end());
}

void ConnectionTable::close(Handle handle)
{
    setState(handle, State::Closed);
    // Cancels the read the connection's coroutine waits in: it ends, and removes its entry.
    asio::error_code ignored;
    if (handle->socket)
        handle->socket->close(ignored);
}

std::optional<ConnectionTable::Handle> ConnectionTable::oldestWaiting()
{
    auto &reading = listOf(State::ReadingHead);
    auto &idle = listOf(State::Idle);
    if (reading.empty() && idle.empty())
        return std::nullopt;
    if (idle.empty() || (!reading.empty() && reading.front().since <= idle.front().since))
        return reading.begin();
    return idle.begin();
}

asio::awaitable<void> ConnectionTable::closeExpired()
{
    const auto shortest = std::min(m_limits.headerTimeout, m_limits.idleTimeout);
    for (;;) {
        const auto now = Clock::now();
        auto next = now + shortest; // a list that is empty now may not be by then
        for (const auto &[state, timeout] : {std::pair{State::ReadingHead, m_limits.headerTimeout},
                                             std::pair{State::Idle, m_limits.idleTimeout}}) {
            auto &list = listOf(state);
            while (!list.empty() && list.front().since + timeout <= now)
                close(list.begin());
            if (!list.empty())
                next = std::min(next, list.front().since + timeout);
        }
        m_timer.expires_at(next);
        asio::error_code ignored; // never cancelled; at shutdown this frame is destroyed instead
        co_await m_timer.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
    }
}

} // namespace mtlab
