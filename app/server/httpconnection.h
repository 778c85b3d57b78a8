#pragma once

#include "connectiontable.h"
#include "faultpicker.h"

#include <asio/awaitable.hpp>
#include <asio/ip/tcp.hpp>
#include <asio/ssl/stream.hpp>
#include <asio/steady_timer.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace mtlab {

class HttpServer;
struct HttpRequest;
struct RequestRoute;

using TlsStream = asio::ssl::stream<asio::ip::tcp::socket>;

// One client connection: reads requests one after another (keep-alive) and answers each
// after its think time, or with the fault the server picked for it. Over plain TCP the Stream is
// the socket itself; over TLS it is a TlsStream, a separate instantiation, so plain HTTP never
// runs a line of TLS code.
template <typename Stream>
class HttpConnection
{
public:
    // The coroutine frame owns the connection, so it lives exactly as long as it is served.
    // `entry` is the connection's place in the server's ConnectionTable, which it leaves at the end.
    static asio::awaitable<void> serve(HttpServer &server, Stream stream, ConnectionTable::Handle entry);

private:
    HttpConnection(HttpServer &server, Stream stream, ConnectionTable::Handle entry);

    void setState(ConnectionTable::State state);
    asio::ip::tcp::socket &socket();
    // TLS only (never called over plain TCP): the handshake, after the connection's set-up time.
    asio::awaitable<void> handshake();
    asio::awaitable<void> run();
    // Reads until m_input starts with a whole request head. Nothing once the client has closed
    // the connection; else the head's length, or the status refusing an unreadable head.
    struct Head {
        std::size_t bytes = 0;
        int refusal = 0;
    };
    asio::awaitable<std::optional<Head>> readHead();
    // Each returns whether the connection stays open for another request.
    asio::awaitable<bool> handle(const HttpRequest &request);
    asio::awaitable<bool> respond(bool keepAlive, const RequestRoute &route, Fault fault);
    asio::awaitable<bool> reply(int status, bool keepAlive, std::uint64_t bodyBytes = 0);
    asio::awaitable<void> think(std::chrono::milliseconds delay);
    // Sends the head and the first `bodyBytes` of a body announced as `contentLength` bytes.
    asio::awaitable<void> write(int status, bool keepAlive, std::uint64_t contentLength,
                                std::uint64_t bodyBytes);
    asio::awaitable<void> lingerUntilPeerCloses();

    HttpServer &m_server;
    Stream m_stream;
    ConnectionTable::Handle m_entry;
    asio::steady_timer m_thinkTimer;
    std::string m_input;
    std::string m_head; // reused: its capacity survives from one response to the next
    unsigned m_requestCount = 0;
};

} // namespace mtlab
