#pragma once

#include <asio/any_io_executor.hpp>
#include <asio/awaitable.hpp>
#include <asio/ip/tcp.hpp>
#include <asio/steady_timer.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <list>
#include <optional>

namespace mtlab {

// The server's open connections, each in the state that decides what may close it: one waiting
// for a request's head is closed once the header time-out has passed, one idle between
// keep-alive requests after the idle time-out, a busy one (thinking, answering) never. Past its
// capacity, a new connection takes the place of the oldest waiting or idle one: clients that
// connect and stay silent are shed, and a well-behaved client is still served.
// Every admitted connection is removed exactly once, explicitly rather than from a destructor
// (as with ConcurrencyGate): coroutine frames destroyed at shutdown must not touch the table.
class ConnectionTable
{
public:
    enum class State { ReadingHead, Idle, Busy, Closed };
    using Clock = std::chrono::steady_clock;

    struct Limits {
        std::chrono::milliseconds headerTimeout;
        std::chrono::milliseconds idleTimeout;
        std::size_t capacity;
    };

    struct Entry {
        asio::ip::tcp::socket *socket = nullptr; // null until attach()
        State state = State::ReadingHead;
        Clock::time_point since;
    };
    using Handle = std::list<Entry>::iterator;

    // Descriptors kept back from connections, for the listening socket, the standard streams,
    // the TLS library, and accepting one more connection even when the table is full.
    static constexpr std::size_t kReservedDescriptors = 64;
    // The capacity the process's descriptor limit allows, or `wanted` when that is smaller (0: no wish).
    static std::size_t capacityFor(std::size_t wanted);

    ConnectionTable(const asio::any_io_executor &executor, Limits limits);

    // Starts closing the connections whose time is up.
    void start();
    // For a connection just accepted, in ReadingHead: nothing when every place is taken by a busy
    // connection, and the caller is to refuse it.
    std::optional<Handle> admit();
    // The socket, once the connection's coroutine holds it; closed at once if the connection was
    // already shed while its coroutine was waiting to start.
    void attach(Handle handle, asio::ip::tcp::socket &socket);
    // Entering a new state restarts its clock; the state of a connection closed by the table stays Closed.
    void setState(Handle handle, State state);
    void remove(Handle handle);

    const Limits &limits() const { return m_limits; }
    std::size_t size() const;

private:
    std::list<Entry> &listOf(State state) { return m_lists[static_cast<std::size_t>(state)]; }
    Handle append(State state);
    void close(Handle handle);
    // The oldest connection waiting for a head or idle, if any.
    std::optional<Handle> oldestWaiting();
    asio::awaitable<void> closeExpired();

    Limits m_limits;
    asio::steady_timer m_timer;
    // One list per state, each in the order its connections entered that state: the oldest first,
    // so the ones whose time is up, and the one to shed, are always at the front.
    std::array<std::list<Entry>, 4> m_lists;
};

} // namespace mtlab
