// Starts multitask-lab-server, opens many connections at once, sends one GET on each and reports
// the wall time of the whole burst against the think time of one request: near 1x means the
// server held every request concurrently instead of being the bottleneck.
//
// With --flood N it measures the other way round: N connections that send a request line and
// fall silent (a slowloris attack), then M requests of a well-behaved client, one after another,
// each on a new connection: their latency, and the server's peak memory.
//
// Usage: bench_server [--connections N] [--delay-ms D] [--size-kb K] [--max-connections C]
//                     [--flood N [--requests M]]

#include <algorithm>
#include <chrono>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <spawn.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

namespace mtlab {

namespace {

using Clock = std::chrono::steady_clock;

struct Settings {
    std::size_t connections = 10'000;
    long delayMs = 100;
    long sizeKb = 1;
    std::size_t flood = 0;
    std::size_t requests = 50;
    std::size_t maxConnections = 0;
};

struct Server {
    pid_t pid = 0;
    std::uint16_t port = 0;
};

// One request in flight; the response is complete once `expected` bytes arrived.
struct Exchange {
    int fd = -1;
    std::string head;
    std::size_t received = 0;
    std::size_t expected = 0;
    bool failed = false;
};

[[noreturn]] void fail(const char *what)
{
    std::perror(what);
    std::exit(1);
}

Settings parseSettings(int argc, char *argv[])
{
    Settings settings;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string_view name = argv[i];
        const long value = std::strtol(argv[i + 1], nullptr, 10);
        if (name == "--connections")
            settings.connections = std::size_t(std::max(value, 1L));
        else if (name == "--delay-ms")
            settings.delayMs = value;
        else if (name == "--size-kb")
            settings.sizeKb = value;
        else if (name == "--flood")
            settings.flood = std::size_t(std::max(value, 0L));
        else if (name == "--max-connections")
            settings.maxConnections = std::size_t(std::max(value, 0L));
        else if (name == "--requests")
            settings.requests = std::size_t(std::max(value, 1L));
    }
    return settings;
}

// The server is told to exit when its stdin closes, so it never outlives the benchmark.
Server startServer(const Settings &settings)
{
    int input[2];
    int output[2];
    if (::pipe2(input, O_CLOEXEC) != 0 || ::pipe2(output, O_CLOEXEC) != 0)
        fail("pipe");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, input[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, output[1], STDOUT_FILENO);
    const auto program = std::filesystem::read_symlink("/proc/self/exe").parent_path() /
        "multitask-lab-server";
    const std::string delay = std::to_string(settings.delayMs);
    const std::string size = std::to_string(settings.sizeKb);
    // 0 leaves the server its default: as many connections as its descriptor limit allows.
    const std::string maxConnections = std::to_string(settings.maxConnections);
    std::vector<const char *> arguments{program.c_str(), "--port",    "0",          "--delay-ms",
                                        delay.c_str(),   "--size-kb", size.c_str(), "--exit-on-stdin-eof"};
    if (settings.maxConnections > 0)
        arguments.insert(arguments.end(), {"--max-connections", maxConnections.c_str()});
    arguments.push_back(nullptr);
    pid_t pid = 0;
    if (posix_spawn(&pid, program.c_str(), &actions, nullptr, const_cast<char **>(arguments.data()),
                    environ) != 0)
        fail("posix_spawn");
    ::close(input[0]);
    ::close(output[1]);

    std::string line;
    char c = 0;
    while (::read(output[0], &c, 1) == 1 && c != '\n')
        line += c;
    const auto colon = line.rfind(':');
    if (colon == std::string::npos)
        fail("server ready line");
    return {pid, std::uint16_t(std::stoi(line.substr(colon + 1)))};
}

// Connects in batches, each fully established before the next, so the burst of requests
// measures the server rather than the kernel's accept queue overflowing.
std::vector<Exchange> connectAll(std::uint16_t port, std::size_t count, int epoll)
{
    constexpr std::size_t kBatch = 500;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    std::vector<Exchange> exchanges(count);
    std::vector<epoll_event> events(kBatch);
    for (std::size_t first = 0; first < count; first += kBatch) {
        const std::size_t last = std::min(count, first + kBatch);
        for (std::size_t i = first; i < last; ++i) {
            const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
            if (fd < 0 ||
                (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 &&
                 errno != EINPROGRESS))
                fail("connect");
            epoll_event wanted{EPOLLOUT | EPOLLONESHOT, {}};
            wanted.data.u64 = i;
            ::epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &wanted);
            exchanges[i].fd = fd;
        }
        for (std::size_t pending = last - first; pending > 0;) {
            const int ready = ::epoll_wait(epoll, events.data(), int(events.size()), 10'000);
            if (ready <= 0)
                fail("waiting for connections");
            pending -= std::size_t(ready);
        }
    }
    return exchanges;
}

// Reads what is there; true once the exchange is over, complete or failed.
bool readResponse(Exchange &exchange)
{
    char buffer[16 * 1024];
    for (;;) {
        const auto n = ::recv(exchange.fd, buffer, sizeof buffer, 0);
        if (n < 0 && errno == EAGAIN)
            return false;
        if (n <= 0) {
            exchange.failed = true;
            return true;
        }
        if (exchange.expected == 0) {
            exchange.head.append(buffer, std::size_t(n));
            const auto headEnd = exchange.head.find("\r\n\r\n");
            if (headEnd == std::string::npos)
                continue;
            const auto length = exchange.head.find("Content-Length: ");
            exchange.expected = headEnd + 4 + std::stoul(exchange.head.substr(length + 16));
            exchange.received = exchange.head.size();
        } else {
            exchange.received += std::size_t(n);
        }
        if (exchange.received >= exchange.expected)
            return true;
    }
}

// Sends one request on every connection, then waits for all the responses.
void exchangeAll(std::vector<Exchange> &exchanges, int epoll)
{
    const std::string_view request = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    for (std::size_t i = 0; i < exchanges.size(); ++i) {
        if (::send(exchanges[i].fd, request.data(), request.size(), MSG_NOSIGNAL) != ssize_t(request.size()))
            fail("send");
        epoll_event wanted{EPOLLIN, {}};
        wanted.data.u64 = i;
        ::epoll_ctl(epoll, EPOLL_CTL_MOD, exchanges[i].fd, &wanted);
    }
    std::vector<epoll_event> events(1024);
    for (std::size_t pending = exchanges.size(); pending > 0;) {
        const int ready = ::epoll_wait(epoll, events.data(), int(events.size()), 60'000);
        if (ready <= 0)
            fail("waiting for responses");
        for (int i = 0; i < ready; ++i) {
            Exchange &exchange = exchanges[events[std::size_t(i)].data.u64];
            if (readResponse(exchange)) {
                ::epoll_ctl(epoll, EPOLL_CTL_DEL, exchange.fd, nullptr);
                --pending;
            }
        }
    }
}

// CPU time the server has used so far (user + system), from /proc: tells whether it was busy.
double serverCpuMs(pid_t pid)
{
    std::FILE *file = std::fopen(("/proc/" + std::to_string(pid) + "/stat").c_str(), "r");
    char text[1024] = {};
    const std::size_t length = file ? std::fread(text, 1, sizeof text - 1, file) : 0;
    if (file)
        std::fclose(file);
    // Fields 14 and 15 (utime, stime) follow the ")" that closes the command name.
    const char *rest = std::strrchr(text, ')');
    unsigned long user = 0;
    unsigned long system = 0;
    const char *format = ") %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu";
    if (length == 0 || !rest || std::sscanf(rest, format, &user, &system) != 2)
        return 0.0;
    return double(user + system) * 1000.0 / double(::sysconf(_SC_CLK_TCK));
}

double millisecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// A blocking connection whose reads give up after 20 s, so an unanswered request cannot hang us.
int connectBlocking(std::uint16_t port)
{
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const timeval timeout{.tv_sec = 20, .tv_usec = 0};
    if (fd < 0 || ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout) != 0 ||
        ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0)
        fail("connect");
    return fd;
}

// Opens `count` connections that each send a request line and fall silent; they stay open
// (unless the server closes them) until the benchmark exits.
std::vector<int> openSilentConnections(std::uint16_t port, std::size_t count)
{
    constexpr std::string_view kRequestLineOnly = "GET / HTTP/1.1\r\n";
    std::vector<int> fds;
    for (std::size_t i = 0; i < count; ++i) {
        const int fd = connectBlocking(port);
        if (::send(fd, kRequestLineOnly.data(), kRequestLineOnly.size(), MSG_NOSIGNAL) < 0)
            fail("send");
        fds.push_back(fd);
    }
    return fds;
}

// How many of `fds` the server has closed by now.
std::size_t countClosed(const std::vector<int> &fds)
{
    std::size_t closed = 0;
    for (const int fd : fds) {
        char byte = 0;
        const auto received = ::recv(fd, &byte, 1, MSG_DONTWAIT | MSG_PEEK);
        if (received == 0 || (received < 0 && errno != EAGAIN))
            ++closed;
    }
    return closed;
}

// One request on a new connection: its latency in ms, from connecting to the whole response,
// or a negative number if it failed.
double timedRequest(std::uint16_t port)
{
    const auto start = Clock::now();
    Exchange exchange;
    exchange.fd = connectBlocking(port);
    const std::string_view request = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    bool done = ::send(exchange.fd, request.data(), request.size(), MSG_NOSIGNAL) ==
            ssize_t(request.size()) &&
        readResponse(exchange); // a blocking socket: false only when the read timed out
    done = done && !exchange.failed;
    ::close(exchange.fd);
    return done ? millisecondsSince(start) : -1.0;
}

// A field of /proc/PID/status in MB, such as VmHWM (the peak resident memory).
double serverMemoryMb(pid_t pid, std::string_view field)
{
    std::FILE *file = std::fopen(("/proc/" + std::to_string(pid) + "/status").c_str(), "r");
    char line[256];
    double kb = 0.0;
    while (file && std::fgets(line, sizeof line, file)) {
        if (std::string_view(line).starts_with(field) && line[field.size()] == ':')
            kb = std::strtod(line + field.size() + 1, nullptr);
    }
    if (file)
        std::fclose(file);
    return kb / 1024.0;
}

int runFlood(const Settings &settings, const Server &server)
{
    const double memoryBeforeMb = serverMemoryMb(server.pid, "VmRSS");
    const auto floodStart = Clock::now();
    const std::vector<int> flood = openSilentConnections(server.port, settings.flood);
    const double floodMs = millisecondsSince(floodStart);
    std::vector<double> latencies;
    std::size_t failed = 0;
    for (std::size_t i = 0; i < settings.requests; ++i) {
        const double latency = timedRequest(server.port);
        if (latency < 0)
            ++failed;
        else
            latencies.push_back(latency);
    }
    std::ranges::sort(latencies);
    std::printf("%zu silent connections (each sent a request line), opened in %.0f ms\n", flood.size(),
                floodMs);
    if (!latencies.empty())
        std::printf(
            "%zu requests, one after another, each on a new connection: median %.2f ms, max %.2f ms\n",
            latencies.size(), latencies[latencies.size() / 2], latencies.back());
    std::printf("failed: %zu\n", failed);
    std::printf("silent connections the server closed meanwhile: %zu\n", countClosed(flood));
    std::printf("server memory: %.1f MB resident before the flood, %.1f MB at its peak (VmHWM)\n",
                memoryBeforeMb, serverMemoryMb(server.pid, "VmHWM"));
    return failed == 0 ? 0 : 1;
}

} // namespace

} // namespace mtlab

int main(int argc, char *argv[])
{
    using namespace mtlab;
    const Settings settings = parseSettings(argc, argv);
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);

    const Server server = startServer(settings);
    if (settings.flood > 0)
        return runFlood(settings, server);
    const int epoll = ::epoll_create1(EPOLL_CLOEXEC);
    const auto connectStart = Clock::now();
    std::vector<Exchange> exchanges = connectAll(server.port, settings.connections, epoll);
    const double connectMs = millisecondsSince(connectStart);
    const double cpuBeforeMs = serverCpuMs(server.pid);
    const auto start = Clock::now();
    exchangeAll(exchanges, epoll);
    const double wallMs = millisecondsSince(start);
    const double serverBusyMs = serverCpuMs(server.pid) - cpuBeforeMs;

    const auto failed = std::ranges::count_if(exchanges,
                                              [](const Exchange &exchange) { return exchange.failed; });
    std::printf("%zu concurrent requests, think time %ld ms, body %ld KB\n", exchanges.size(),
                settings.delayMs, settings.sizeKb);
    std::printf("connect phase (not timed below): %.0f ms\n", connectMs);
    std::printf("all responses: %.0f ms wall = %.2fx one think time (%.0f ms beyond it)\n", wallMs,
                wallMs / double(settings.delayMs), wallMs - double(settings.delayMs));
    std::printf("server CPU during the burst: %.0f ms (%.1f us per request)\n", serverBusyMs,
                serverBusyMs * 1000.0 / double(exchanges.size()));
    std::printf("failed: %td\n", failed);
    // Exiting closes the server's stdin pipe, which stops the server.
    return failed == 0 ? 0 : 1;
}
