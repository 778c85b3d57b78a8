#include "httptestclient.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <utility>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace mtlab {

namespace {

std::string lowerCase(std::string_view text)
{
    std::string lower(text);
    std::ranges::transform(lower, lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return lower;
}

std::uint64_t number(std::string_view text)
{
    std::uint64_t value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

void parseHead(std::string_view head, HttpResponse &response)
{
    auto lineEnd = head.find("\r\n");
    response.status = int(number(head.substr(std::min<std::size_t>(9, lineEnd), 3)));
    while (lineEnd + 2 < head.size()) {
        const auto start = lineEnd + 2;
        lineEnd = head.find("\r\n", start);
        const auto line = head.substr(start, lineEnd - start);
        const auto colon = line.find(':');
        const auto value = line.substr(std::min(line.size(), line.find_first_not_of(' ', colon + 1)));
        response.headers[lowerCase(line.substr(0, colon))] = std::string(value);
    }
    response.contentLength = number(response.header("content-length"));
}

// Reads once into `input`; the outcome that ends the exchange, or nullopt to go on.
std::optional<HttpResponse::Outcome> readSome(int fd, std::string &input)
{
    char buffer[64 * 1024];
    const auto received = ::recv(fd, buffer, sizeof buffer, 0);
    if (received > 0) {
        input.append(buffer, std::size_t(received));
        return std::nullopt;
    }
    if (received == 0)
        return HttpResponse::Outcome::Closed;
    if (errno == EINTR || errno == EAGAIN)
        return std::nullopt;
    return errno == ECONNRESET ? HttpResponse::Outcome::Reset : HttpResponse::Outcome::Closed;
}

int millisecondsUntil(TestClock::time_point deadline)
{
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - TestClock::now());
    return int(std::max<std::chrono::milliseconds::rep>(left.count(), 0));
}

// False when the deadline passes first.
bool waitUntilReadable(int fd, TestClock::time_point deadline)
{
    for (;;) {
        const int left = millisecondsUntil(deadline);
        pollfd wanted{fd, POLLIN, 0};
        if (::poll(&wanted, 1, left) > 0)
            return true;
        if (left == 0)
            return false;
    }
}

} // namespace

bool takeResponse(std::string &input, HttpResponse &response)
{
    if (response.status == 0) {
        const auto headEnd = input.find("\r\n\r\n");
        if (headEnd == std::string::npos)
            return false;
        parseHead(std::string_view(input).substr(0, headEnd + 2), response);
        input.erase(0, headEnd + 4);
    }
    const auto taken = std::min<std::size_t>(response.contentLength - response.body.size(), input.size());
    response.body.append(input, 0, taken);
    input.erase(0, taken);
    return response.body.size() == response.contentLength;
}

Socket connectTo(std::uint16_t port, int flags)
{
    Socket socket(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | flags, 0));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(socket.fd(), reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0 &&
        errno != EINPROGRESS)
        return Socket();
    return socket;
}

std::string HttpResponse::header(std::string_view lowerCaseName) const
{
    const auto found = headers.find(lowerCaseName);
    return found == headers.end() ? std::string() : found->second;
}

Socket::Socket(int fd)
    : m_fd(fd)
{
}

Socket::Socket(Socket &&other) noexcept
    : m_fd(std::exchange(other.m_fd, -1))
{
}

Socket &Socket::operator=(Socket &&other) noexcept
{
    std::swap(m_fd, other.m_fd);
    return *this;
}

Socket::~Socket()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

HttpTestClient::HttpTestClient(std::uint16_t port)
    : m_socket(connectTo(port, 0))
{
}

bool HttpTestClient::send(std::string_view bytes)
{
    while (!bytes.empty()) {
        const auto sent = ::send(m_socket.fd(), bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (sent < 0 && errno != EINTR)
            return false;
        bytes.remove_prefix(std::size_t(std::max<ssize_t>(sent, 0)));
    }
    return true;
}

HttpResponse HttpTestClient::get(std::string_view path, std::string_view extraHeaders,
                                 std::chrono::milliseconds timeout, std::chrono::milliseconds stallTimeout)
{
    if (send(getRequest(path, extraHeaders)))
        return receive(timeout, stallTimeout);
    HttpResponse failed;
    failed.outcome = HttpResponse::Outcome::Closed;
    return failed;
}

HttpResponse HttpTestClient::receive(std::chrono::milliseconds timeout,
                                     std::chrono::milliseconds stallTimeout)
{
    auto deadline = TestClock::now() + timeout;
    HttpResponse response;
    while (!takeResponse(m_input, response)) {
        if (!waitUntilReadable(m_socket.fd(), deadline)) {
            response.outcome = HttpResponse::Outcome::TimedOut;
            return response;
        }
        if (const auto end = readSome(m_socket.fd(), m_input)) {
            response.outcome = *end;
            return response;
        }
        deadline = TestClock::now() + stallTimeout;
    }
    response.outcome = HttpResponse::Outcome::Complete;
    response.finishedAt = TestClock::now();
    return response;
}

bool HttpTestClient::waitForClose(std::chrono::milliseconds timeout)
{
    const auto deadline = TestClock::now() + timeout;
    for (;;) {
        if (!waitUntilReadable(m_socket.fd(), deadline))
            return false;
        if (readSome(m_socket.fd(), m_input))
            return true;
    }
}

std::string getRequest(std::string_view path, std::string_view extraHeaders)
{
    return "GET " + std::string(path) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + std::string(extraHeaders) +
        "\r\n";
}

std::vector<HttpResponse> fetchConcurrently(std::uint16_t port, std::size_t count, std::string_view request,
                                            std::chrono::milliseconds timeout)
{
    struct Exchange {
        Socket socket;
        std::size_t sent = 0;
        std::string input;
        HttpResponse response;
        bool finished = false;
    };
    // epoll rather than poll: each wake-up costs the few ready sockets, not all of them.
    const Socket epoll(::epoll_create1(EPOLL_CLOEXEC));
    std::vector<Exchange> exchanges(count);
    std::size_t pending = 0;
    for (std::size_t i = 0; i < count; ++i) {
        Exchange &exchange = exchanges[i];
        exchange.socket = connectTo(port, SOCK_NONBLOCK);
        epoll_event wanted{EPOLLOUT, {}};
        wanted.data.u64 = i;
        if (exchange.socket.fd() >= 0 &&
            ::epoll_ctl(epoll.fd(), EPOLL_CTL_ADD, exchange.socket.fd(), &wanted) == 0) {
            ++pending;
        } else {
            exchange.response.outcome = HttpResponse::Outcome::Closed;
            exchange.finished = true;
        }
    }

    const auto deadline = TestClock::now() + timeout;
    std::vector<epoll_event> events(256);
    while (pending > 0 && TestClock::now() < deadline) {
        const int ready = ::epoll_wait(epoll.fd(), events.data(), int(events.size()),
                                       millisecondsUntil(deadline));
        for (int i = 0; i < ready; ++i) {
            Exchange &exchange = exchanges[events[std::size_t(i)].data.u64];
            const int fd = exchange.socket.fd();
            std::optional<HttpResponse::Outcome> end;
            if (exchange.sent < request.size()) {
                const auto unsent = request.substr(exchange.sent);
                const auto sent = ::send(fd, unsent.data(), unsent.size(), MSG_NOSIGNAL);
                exchange.sent += std::size_t(std::max<ssize_t>(sent, 0));
                if (sent < 0 && errno != EAGAIN && errno != EINTR)
                    end = HttpResponse::Outcome::Closed;
                epoll_event wanted{EPOLLIN, events[std::size_t(i)].data};
                if (exchange.sent == request.size())
                    ::epoll_ctl(epoll.fd(), EPOLL_CTL_MOD, fd, &wanted);
            } else {
                end = readSome(fd, exchange.input);
                if (takeResponse(exchange.input, exchange.response)) {
                    end = HttpResponse::Outcome::Complete;
                    exchange.response.finishedAt = TestClock::now();
                }
            }
            if (end) {
                exchange.response.outcome = *end;
                exchange.finished = true;
                ::epoll_ctl(epoll.fd(), EPOLL_CTL_DEL, fd, nullptr);
                --pending;
            }
        }
    }

    std::vector<HttpResponse> responses;
    for (auto &exchange : exchanges) {
        if (!exchange.finished)
            exchange.response.outcome = HttpResponse::Outcome::TimedOut;
        responses.push_back(std::move(exchange.response));
    }
    return responses;
}

void raiseFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

} // namespace mtlab
