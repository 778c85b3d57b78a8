#include "httpserver.h"
#include "serveroptions.h"

#include <asio/co_spawn.hpp>
#include <asio/detached.hpp>
#include <asio/posix/stream_descriptor.hpp>
#include <asio/redirect_error.hpp>
#include <asio/signal_set.hpp>
#include <asio/use_awaitable.hpp>

#include <array>
#include <csignal>
#include <iostream>
#include <optional>

#include <sys/resource.h>
#include <unistd.h>

namespace {

// Every concurrent request costs a descriptor: use all the process may have.
void raiseFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit); // best effort: the default limit still serves smaller runs
    }
}

asio::awaitable<void> stopAtEndOfInput(asio::posix::stream_descriptor &input, asio::io_context &io)
{
    std::array<char, 256> sink;
    asio::error_code ec;
    while (!ec)
        co_await input.async_read_some(asio::buffer(sink), asio::redirect_error(asio::use_awaitable, ec));
    io.stop();
}

} // namespace

int main(int argc, char *argv[])
{
    mtlab::ServerOptions options;
    try {
        options = mtlab::ServerOptions::parse({argv + 1, static_cast<std::size_t>(argc - 1)});
    } catch (const mtlab::OptionError &error) {
        std::cerr << "multitask-lab-server: " << error.what() << '\n';
        return 2;
    }
    if (options.help) {
        std::cout << mtlab::ServerOptions::usage();
        return 0;
    }
    // Duplicated before any other descriptor is opened: were stdin closed, fd 0 would be one of ours.
    const int input = options.exitOnStdinEof ? ::dup(STDIN_FILENO) : -1;
    if (options.exitOnStdinEof && input < 0) {
        std::cerr << "multitask-lab-server: --exit-on-stdin-eof needs an open standard input\n";
        return 2;
    }
    raiseFileLimit();
    // A parent that vanishes must not kill us with SIGPIPE while we print; sockets use MSG_NOSIGNAL.
    std::signal(SIGPIPE, SIG_IGN);

    try {
        asio::io_context io(1); // the hint promises one thread, which spares Asio some locking
        mtlab::HttpServer server(io, options);
        asio::signal_set stopSignals(io, SIGINT, SIGTERM);
        stopSignals.async_wait([&io](const asio::error_code &, int) { io.stop(); });
        asio::posix::stream_descriptor inputWatch(io);
        if (input >= 0) {
            // A pipe from a parent reaches end of file when the parent dies, taking us down with it.
            inputWatch.assign(input);
            asio::co_spawn(io, stopAtEndOfInput(inputWatch, io), asio::detached);
        }
        server.start();
        // The certificate follows the ready line: whoever started us is the one to trust it.
        std::cout << "multitask-lab-server listening on " << server.url() << '\n'
                  << server.certificatePem() << std::flush;
        io.run();
    } catch (const std::runtime_error &error) { // std::system_error too
        std::cerr << "multitask-lab-server: " << error.what() << '\n';
        return 1;
    }
    return 0;
}
