#pragma once

#include "concurrencygate.h"
#include "faultpicker.h"
#include "responsebody.h"
#include "serveroptions.h"

#include <asio/awaitable.hpp>
#include <asio/io_context.hpp>
#include <asio/ip/tcp.hpp>
#include <asio/steady_timer.hpp>

#include <string_view>

namespace mtlab {

// Listens on loopback and serves every accepted connection as a coroutine on the io_context's
// single thread; the state all connections share lives here.
class HttpServer
{
public:
    // Binds and listens at once (throws std::system_error), so the port is known before start().
    HttpServer(asio::io_context &io, const ServerOptions &options);

    void start();
    asio::ip::tcp::endpoint localEndpoint() const;

    const ServerOptions &options() const { return m_options; }
    ConcurrencyGate &gate() { return m_gate; }
    Fault nextFault() { return m_faults.next(); }
    const ResponseBody &body() const { return m_body; }
    void log(std::string_view line) const;

private:
    asio::awaitable<void> acceptLoop();

    ServerOptions m_options;
    asio::ip::tcp::acceptor m_acceptor;
    asio::steady_timer m_acceptRetry;
    ConcurrencyGate m_gate;
    FaultPicker m_faults;
    ResponseBody m_body;
};

} // namespace mtlab
