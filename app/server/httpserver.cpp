#include "httpserver.h"

#include <algorithm>

#include "httpconnection.h"
#include "selfsignedcertificate.h"

#include <asio/co_spawn.hpp>
#include <asio/detached.hpp>
#include <asio/redirect_error.hpp>
#include <asio/use_awaitable.hpp>

#include <iostream>
#include <sstream>
#include <string>

namespace mtlab {

namespace {
// Thousands of clients may connect in one burst; the kernel caps this at net.core.somaxconn.
constexpr int kListenBacklog = 4096;
} // namespace

HttpServer::HttpServer(asio::io_context &io, const ServerOptions &options)
    : m_options(options)
    , m_acceptor(io)
    , m_acceptRetry(io)
    , m_gate(options.maxConcurrent)
    , m_connections(io.get_executor(),
                    {.headerTimeout = options.headerTimeout,
                     .idleTimeout = options.idleTimeout,
                     .capacity = ConnectionTable::capacityFor(options.maxConnections)})
    , m_faults(options.errorRate, options.faultMode, options.seed)
{
    const asio::ip::tcp::endpoint endpoint(options.bind, options.port);
    m_acceptor.open(endpoint.protocol());
    // A fixed --port must be usable again right after a restart, despite connections in TIME_WAIT.
    m_acceptor.set_option(asio::socket_base::reuse_address(true));
    // Room in the kernel for a whole response (accepted sockets inherit it): with the default
    // 16 KB, a 50 KB body takes several round trips through both event loops, per connection.
    constexpr std::uint64_t kMaxSendBuffer = 4 << 20;
    const auto sendBuffer = std::min<std::uint64_t>(options.bodyBytes + 4096, kMaxSendBuffer);
    m_acceptor.set_option(asio::socket_base::send_buffer_size(static_cast<int>(sendBuffer)));
    m_acceptor.bind(endpoint);
    m_acceptor.listen(kListenBacklog);
    if (options.tls) {
        m_tls.emplace(asio::ssl::context::tls_server);
        // TLS 1.2 and 1.3 only, as any current HTTPS site; the older versions are broken.
        SSL_CTX_set_min_proto_version(m_tls->native_handle(), TLS1_2_VERSION);
        m_certificatePem = useSelfSignedCertificate(*m_tls);
    }
}

void HttpServer::start()
{
    m_connections.start();
    asio::co_spawn(m_acceptor.get_executor(), acceptLoop(), asio::detached);
}

asio::ip::tcp::endpoint HttpServer::localEndpoint() const
{
    return m_acceptor.local_endpoint();
}

std::string HttpServer::url() const
{
    std::ostringstream text;
    const auto endpoint = localEndpoint();
    const auto address = endpoint.address();
    text << (m_tls ? "https://" : "http://")
         << (address.is_v6() ? "[" + address.to_string() + "]" : address.to_string()) << ':'
         << endpoint.port() << '/';
    return text.str();
}

void HttpServer::log(std::string_view line) const
{
    if (m_options.verbose)
        std::cerr << "multitask-lab-server: " << line << '\n';
}

asio::awaitable<void> HttpServer::acceptLoop()
{
    for (;;) {
        asio::error_code ec;
        auto socket = co_await m_acceptor.async_accept(asio::redirect_error(asio::use_awaitable, ec));
        if (!ec) {
            const auto entry = m_connections.admit();
            if (!entry) {
                // Refused cleanly: the client sees the connection closed, never a hang.
                log("connection refused: all " + std::to_string(m_connections.limits().capacity) +
                    " connections are busy");
                socket.close(ec);
                continue;
            }
            // Headers and body go out in one gather write; Nagle would only add latency.
            socket.set_option(asio::ip::tcp::no_delay(true), ec);
            if (m_tls)
                asio::co_spawn(
                    m_acceptor.get_executor(),
                    HttpConnection<TlsStream>::serve(*this, TlsStream(std::move(socket), *m_tls), *entry),
                    asio::detached);
            else
                asio::co_spawn(m_acceptor.get_executor(),
                               HttpConnection<asio::ip::tcp::socket>::serve(*this, std::move(socket), *entry),
                               asio::detached);
            continue;
        }
        if (ec == asio::error::operation_aborted)
            co_return;
        // Typically out of file descriptors: keep serving the open connections and retry
        // shortly, instead of spinning on the pending connection or giving up for good.
        log("accept failed: " + ec.message());
        m_acceptRetry.expires_after(std::chrono::milliseconds(50));
        co_await m_acceptRetry.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    }
}

} // namespace mtlab
