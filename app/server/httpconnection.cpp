#include "httpconnection.h"

#include "httprequest.h"
#include "httpserver.h"
#include "requestroute.h"

#include <asio/redirect_error.hpp>
#include <asio/use_awaitable.hpp>
#include <asio/write.hpp>

#include <algorithm>
#include <array>
#include <string_view>
#include <type_traits>

namespace mtlab {

namespace {

template <typename Stream>
constexpr bool kTls = std::is_same_v<Stream, TlsStream>;

// Longer heads are refused with 431 rather than buffered without bound.
constexpr std::size_t kMaxHeadBytes = 16 * 1024;
constexpr std::size_t kReadChunk = 512;

std::string_view reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

std::string_view faultName(Fault fault)
{
    switch (fault) {
    case Fault::Status500:
        return "500";
    case Fault::Reset:
        return "reset";
    case Fault::Stall:
        return "stall";
    case Fault::None:
        break;
    }
    return "none";
}

} // namespace

template <typename Stream>
asio::awaitable<void> HttpConnection<Stream>::serve(HttpServer &server, Stream stream,
                                                    ConnectionTable::Handle entry)
{
    HttpConnection connection(server, std::move(stream), entry);
    server.connections().attach(entry, connection.socket());
    try {
        if constexpr (kTls<Stream>)
            co_await connection.handshake();
        co_await connection.run();
    } catch (const std::system_error &error) {
        // The peer went away mid-exchange, or refused our certificate: nobody is left to answer.
        server.log(std::string("connection dropped: ") + error.what());
    }
    server.connections().remove(entry);
}

template <typename Stream>
HttpConnection<Stream>::HttpConnection(HttpServer &server, Stream stream, ConnectionTable::Handle entry)
    : m_server(server)
    , m_stream(std::move(stream))
    , m_entry(entry)
    , m_thinkTimer(m_stream.get_executor())
{
}

template <typename Stream>
asio::ip::tcp::socket &HttpConnection<Stream>::socket()
{
    if constexpr (kTls<Stream>)
        return m_stream.next_layer();
    else
        return m_stream;
}

template <typename Stream>
void HttpConnection<Stream>::setState(ConnectionTable::State state)
{
    m_server.connections().setState(m_entry, state);
}

template <typename Stream>
asio::awaitable<void> HttpConnection<Stream>::handshake()
{
    // The set-up time is spent answering the client's hello, not before the first answer, so a
    // client counts it as connection set-up (libcurl's appconnect: the `tls` phase), which is
    // what a reused connection is spared, never as the server's think time. It starts once the
    // hello is in, not at accept: a client on a busy machine may notice its TCP connection late,
    // and would then see less set-up than was asked for.
    if (const auto setup = m_server.options().setup; setup.count() > 0) {
        co_await socket().async_wait(asio::ip::tcp::socket::wait_read, asio::use_awaitable);
        // The server's own delay: no time-out may cut it short, and the client's handshake
        // and request get their whole header time-out after it.
        setState(ConnectionTable::State::Busy);
        m_thinkTimer.expires_after(setup);
        asio::error_code ignored; // as in think(): never cancelled, destroyed at shutdown
        co_await m_thinkTimer.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
        setState(ConnectionTable::State::ReadingHead);
    }
    co_await m_stream.async_handshake(asio::ssl::stream_base::server, asio::use_awaitable);
}

template <typename Stream>
asio::awaitable<void> HttpConnection<Stream>::run()
{
    for (;;) {
        const auto head = co_await readHead();
        if (!head)
            co_return; // the client closed the connection, usually between requests
        ++m_requestCount;
        const auto request = head->refusal != 0
            ? std::nullopt
            : HttpRequest::parse(std::string_view(m_input).substr(0, head->bytes));
        if (!request) {
            co_await reply(head->refusal != 0 ? head->refusal : 400, false);
            co_return;
        }
        m_input.erase(0, head->bytes);
        if (!co_await handle(*request))
            co_return;
    }
}

template <typename Stream>
asio::awaitable<std::optional<typename HttpConnection<Stream>::Head>> HttpConnection<Stream>::readHead()
{
    // Between requests a connection is idle until the next one starts arriving (pipelined, it
    // has already); the first connection's head is awaited from the moment it was accepted.
    if (m_requestCount > 0)
        setState(m_input.empty() ? ConnectionTable::State::Idle : ConnectionTable::State::ReadingHead);
    for (std::size_t scanned = 0;;) {
        const HeadScan scan = HeadScan::scan(m_input, scanned);
        if (scan.result == HeadScan::Result::Complete) {
            setState(ConnectionTable::State::Busy);
            co_return Head{.bytes = scan.position};
        }
        if (scan.result == HeadScan::Result::StrayCarriageReturn)
            co_return Head{.refusal = 400};
        if (m_input.size() >= kMaxHeadBytes)
            co_return Head{.refusal = 431};
        scanned = scan.position;
        // Grown a little at a time, as asio's read_until does: a silent connection must cost
        // little memory, since thousands of them may be held at once.
        const std::size_t before = m_input.size();
        const std::size_t room = std::min(kMaxHeadBytes - before,
                                          std::max<std::size_t>(kReadChunk, m_input.capacity() - before));
        m_input.resize(before + room);
        asio::error_code ec;
        const std::size_t received = co_await m_stream.async_read_some(
            asio::buffer(m_input.data() + before, room), asio::redirect_error(asio::use_awaitable, ec));
        m_input.resize(before + received);
        if (ec)
            co_return std::nullopt;
        setState(ConnectionTable::State::ReadingHead);
    }
}

template <typename Stream>
asio::awaitable<bool> HttpConnection<Stream>::handle(const HttpRequest &request)
{
    const ServerOptions &options = m_server.options();
    if (options.verbose)
        m_server.log(request.method + ' ' + request.target + " (request " + std::to_string(m_requestCount) +
                     " on its connection)");
    const bool keepAlive = request.keepAlive && !request.hasBody;
    if (request.method != "GET")
        co_return co_await reply(405, keepAlive);
    const auto route = RequestRoute::parse(request.target);
    if (!route)
        co_return co_await reply(400, false);

    // Drawn in arrival order, before any waiting, so a seed always faults the same requests.
    const Fault fault = m_server.nextFault();
    if (fault != Fault::None)
        m_server.log("injecting fault: " + std::string(faultName(fault)));
    // Over plain TCP the kernel completes the handshake before the server even sees the
    // connection, so a set-up time can only delay the first answer, and clients count that as
    // waiting for the server (libcurl's starttransfer), not as set-up. `run` therefore takes
    // --setup-ms only with --tls; this plain variant stays for other clients of the server.
    const auto setup = !kTls<Stream> && m_requestCount == 1 ? options.setup : std::chrono::milliseconds(0);
    co_await think(route->delay.value_or(options.delay) + setup);
    co_return co_await respond(keepAlive, *route, fault);
}

template <typename Stream>
asio::awaitable<void> HttpConnection<Stream>::think(std::chrono::milliseconds delay)
{
    // Only the think time holds a slot: it stands for the server's work, which queues when busy.
    co_await m_server.gate().acquire();
    m_thinkTimer.expires_after(delay);
    asio::error_code ignored; // the timer is never cancelled; at shutdown this frame is destroyed instead
    co_await m_thinkTimer.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
    m_server.gate().release();
}

template <typename Stream>
asio::awaitable<bool> HttpConnection<Stream>::respond(bool keepAlive, const RequestRoute &route, Fault fault)
{
    const std::uint64_t bodyBytes = route.bodyBytes.value_or(m_server.options().bodyBytes);
    switch (fault) {
    case Fault::Reset:
        // SO_LINGER 0 turns close() into a TCP reset: the client sees the connection fail, not end.
        socket().set_option(asio::socket_base::linger(true, 0));
        socket().close();
        co_return false;
    case Fault::Stall: {
        const std::uint64_t promised = std::max<std::uint64_t>(bodyBytes, 1);
        co_await write(200, keepAlive, promised, promised / 2);
        co_await lingerUntilPeerCloses();
        co_return false;
    }
    case Fault::Status500:
        co_return co_await reply(500, keepAlive);
    case Fault::None:
        break;
    }
    // Only a success carries the payload; other statuses answer with an empty body.
    const int status = route.status.value_or(200);
    co_return co_await reply(status, keepAlive, status == 200 ? bodyBytes : 0);
}

template <typename Stream>
asio::awaitable<bool> HttpConnection<Stream>::reply(int status, bool keepAlive, std::uint64_t bodyBytes)
{
    co_await write(status, keepAlive, bodyBytes, bodyBytes);
    if (keepAlive)
        co_return true;
    // Over TLS too, without a close_notify: the client knows from Content-Length that it has it all.
    socket().shutdown(asio::ip::tcp::socket::shutdown_send);
    // Waiting for the client to close is idle time: a client that never does is closed in time.
    setState(ConnectionTable::State::Idle);
    co_await lingerUntilPeerCloses();
    co_return false;
}

template <typename Stream>
asio::awaitable<void> HttpConnection<Stream>::write(int status, bool keepAlive, std::uint64_t contentLength,
                                                    std::uint64_t bodyBytes)
{
    m_head.clear();
    m_head.append("HTTP/1.1 ").append(std::to_string(status)).append(" ").append(reasonPhrase(status));
    m_head.append("\r\nContent-Type: application/octet-stream\r\nContent-Length: ");
    m_head.append(std::to_string(contentLength));
    m_head.append("\r\nX-Mtlab-Connection-Request: ").append(std::to_string(m_requestCount));
    m_head.append(status == 405 ? "\r\nAllow: GET" : "");
    m_head.append(keepAlive ? "\r\nConnection: keep-alive\r\n\r\n" : "\r\nConnection: close\r\n\r\n");

    const ResponseBody &body = m_server.body();
    auto piece = body.piece(bodyBytes);
    const std::array<asio::const_buffer, 2> firstWrite{asio::buffer(std::as_const(m_head)), piece};
    co_await asio::async_write(m_stream, firstWrite, asio::use_awaitable);
    for (std::uint64_t left = bodyBytes - piece.size(); left > 0; left -= piece.size()) {
        piece = body.piece(left);
        co_await asio::async_write(m_stream, piece, asio::use_awaitable);
    }
}

template <typename Stream>
asio::awaitable<void> HttpConnection<Stream>::lingerUntilPeerCloses()
{
    // Closing with unread input makes the kernel send a reset, which can destroy a response
    // the client has not read yet; so wait for the client's close, discarding what it sends
    // (over TLS, its records unread: nothing more is answered on this connection).
    std::array<char, 1024> sink;
    asio::error_code ec;
    while (!ec)
        co_await socket().async_read_some(asio::buffer(sink), asio::redirect_error(asio::use_awaitable, ec));
}

// Only serve() is instantiated explicitly: the rest follows from it, and the plain variant never
// instantiates handshake(), which a bare socket could not compile.
template asio::awaitable<void> HttpConnection<asio::ip::tcp::socket>::serve(HttpServer &,
                                                                            asio::ip::tcp::socket,
                                                                            ConnectionTable::Handle);
template asio::awaitable<void> HttpConnection<TlsStream>::serve(HttpServer &, TlsStream,
                                                                ConnectionTable::Handle);

} // namespace mtlab
