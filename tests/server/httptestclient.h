#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mtlab {

using namespace std::chrono_literals;
using TestClock = std::chrono::steady_clock;

struct HttpResponse {
    enum class Outcome { Complete, Closed, Reset, TimedOut };

    Outcome outcome = Outcome::TimedOut;
    int status = 0;                                          // 0 until the head has arrived
    std::map<std::string, std::string, std::less<>> headers; // names in lower case
    std::uint64_t contentLength = 0;
    std::string body;
    TestClock::time_point finishedAt;

    std::string header(std::string_view lowerCaseName) const;
};

// Owns a file descriptor.
class Socket
{
public:
    explicit Socket(int fd = -1);
    Socket(Socket &&other) noexcept;
    Socket &operator=(Socket &&other) noexcept;
    ~Socket();

    int fd() const { return m_fd; }

private:
    int m_fd;
};

// A deliberately plain blocking HTTP/1.1 client, so the test sees exactly what is on the wire.
class HttpTestClient
{
public:
    explicit HttpTestClient(std::uint16_t port);

    bool isConnected() const { return m_socket.fd() >= 0; }
    bool send(std::string_view bytes);
    // Waits up to `timeout` for the response to start, then gives up once it stalls for `stallTimeout`:
    // so a stall is told apart quickly however long a loaded machine takes to start answering.
    HttpResponse get(std::string_view path, std::string_view extraHeaders = {},
                     std::chrono::milliseconds timeout = 20s, std::chrono::milliseconds stallTimeout = 20s);
    HttpResponse receive(std::chrono::milliseconds timeout, std::chrono::milliseconds stallTimeout = 20s);
    // True when the server closes (or resets) the connection within the timeout.
    bool waitForClose(std::chrono::milliseconds timeout);

private:
    Socket m_socket;
    std::string m_input;
};

std::string getRequest(std::string_view path, std::string_view extraHeaders = {});

// A TCP connection to the loopback port (flags: e.g. SOCK_NONBLOCK); an invalid Socket if refused.
Socket connectTo(std::uint16_t port, int flags = 0);
// Moves what `input` holds of the response into `response`; true once the response is complete.
bool takeResponse(std::string &input, HttpResponse &response);

// Opens `count` connections at once, sends `request` on each and collects every response,
// all from one epoll loop; unfinished exchanges are reported as timed out.
std::vector<HttpResponse> fetchConcurrently(std::uint16_t port, std::size_t count, std::string_view request,
                                            std::chrono::milliseconds timeout);

// Lets this process hold as many sockets as the hard limit allows.
void raiseFileLimit();

} // namespace mtlab
