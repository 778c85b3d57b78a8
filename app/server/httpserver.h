#pragma once

#include "concurrencygate.h"
#include "connectiontable.h"
#include "faultpicker.h"
#include "responsebody.h"
#include "serveroptions.h"

#include <asio/awaitable.hpp>
#include <asio/io_context.hpp>
#include <asio/ip/tcp.hpp>
#include <asio/ssl/context.hpp>
#include <asio/steady_timer.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace mtlab {

// Listens on loopback and serves every accepted connection as a coroutine on the io_context's
// single thread; the state all connections share lives here. With options.tls it speaks HTTPS
// with a certificate of its own, made when it is constructed.
class HttpServer
{
public:
    // Binds and listens at once (throws std::system_error, or std::runtime_error when no
    // certificate can be made), so the port is known before start().
    HttpServer(asio::io_context &io, const ServerOptions &options);

    void start();
    asio::ip::tcp::endpoint localEndpoint() const;
    // "http://127.0.0.1:8080/", or https:// with options.tls.
    std::string url() const;
    // The PEM certificate a client must trust (empty without TLS).
    const std::string &certificatePem() const { return m_certificatePem; }

    const ServerOptions &options() const { return m_options; }
    ConcurrencyGate &gate() { return m_gate; }
    ConnectionTable &connections() { return m_connections; }
    Fault nextFault() { return m_faults.next(); }
    const ResponseBody &body() const { return m_body; }
    void log(std::string_view line) const;

private:
    asio::awaitable<void> acceptLoop();

    ServerOptions m_options;
    asio::ip::tcp::acceptor m_acceptor;
    asio::steady_timer m_acceptRetry;
    ConcurrencyGate m_gate;
    ConnectionTable m_connections;
    FaultPicker m_faults;
    ResponseBody m_body;
    std::optional<asio::ssl::context> m_tls;
    std::string m_certificatePem;
};

} // namespace mtlab
