#include "serveroptions.h"

#include <charconv>
#include <string>

namespace mtlab {

namespace {

std::string describe(std::string_view option, std::string_view expected, std::string_view value)
{
    return std::string(option) + " must be " + std::string(expected) + ", got '" + std::string(value) + "'";
}

std::uint64_t unsignedValue(std::string_view option, std::string_view value, std::uint64_t max,
                            std::uint64_t min = 0)
{
    if (const auto number = parseUnsigned(value, max); number && *number >= min)
        return *number;
    throw OptionError(
        describe(option, "an integer from " + std::to_string(min) + " to " + std::to_string(max), value));
}

double rateValue(std::string_view option, std::string_view value)
{
    double rate = -1.0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), rate);
    if (ec != std::errc{} || end != value.data() + value.size() || !(rate >= 0.0 && rate <= 1.0))
        throw OptionError(describe(option, "a number from 0 to 1", value));
    return rate;
}

FaultMode faultValue(std::string_view option, std::string_view value)
{
    if (value == "500")
        return FaultMode::Status500;
    if (value == "reset")
        return FaultMode::Reset;
    if (value == "stall")
        return FaultMode::Stall;
    if (value == "mixed")
        return FaultMode::Mixed;
    throw OptionError(describe(option, "500, reset, stall or mixed", value));
}

asio::ip::address bindValue(std::string_view value)
{
    std::error_code ec;
    const auto address = value == "localhost" ? asio::ip::address(asio::ip::address_v4::loopback())
                                              : asio::ip::make_address(value, ec);
    // The server is a lab tool with injected faults: it must never be reachable from the network.
    if (ec || !address.is_loopback())
        throw OptionError("--bind " + std::string(value) +
                          " is not a loopback address (use 127.0.0.1 or ::1)");
    return address;
}

} // namespace

std::optional<std::uint64_t> parseUnsigned(std::string_view text, std::uint64_t max)
{
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || value > max)
        return std::nullopt;
    return value;
}

ServerOptions ServerOptions::parse(std::span<char *const> args)
{
    ServerOptions options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string_view name = args[i];
        std::optional<std::string_view> inlineValue;
        if (const auto equals = name.find('='); name.starts_with("--") && equals != std::string_view::npos) {
            inlineValue = name.substr(equals + 1);
            name = name.substr(0, equals);
        }
        const auto value = [&]() -> std::string_view {
            if (inlineValue)
                return *inlineValue;
            if (i + 1 >= args.size())
                throw OptionError(std::string(name) + " needs a value");
            return args[++i];
        };
        const auto flag = [&] {
            if (inlineValue)
                throw OptionError(std::string(name) + " takes no value");
            return true;
        };

        if (name == "--bind")
            options.bind = bindValue(value());
        else if (name == "--port")
            options.port = static_cast<std::uint16_t>(unsignedValue(name, value(), 65535));
        else if (name == "--delay-ms")
            options.delay = std::chrono::milliseconds(unsignedValue(name, value(), kMaxDelayMs));
        else if (name == "--setup-ms")
            options.setup = std::chrono::milliseconds(unsignedValue(name, value(), kMaxDelayMs));
        else if (name == "--size-kb")
            options.bodyBytes = unsignedValue(name, value(), kMaxSizeKb) * 1024;
        else if (name == "--max-concurrent")
            options.maxConcurrent = unsignedValue(name, value(), 1'000'000);
        else if (name == "--header-timeout-ms")
            options.headerTimeout = std::chrono::milliseconds(unsignedValue(name, value(), kMaxDelayMs, 1));
        else if (name == "--idle-timeout-ms")
            options.idleTimeout = std::chrono::milliseconds(unsignedValue(name, value(), kMaxDelayMs, 1));
        else if (name == "--max-connections")
            options.maxConnections = unsignedValue(name, value(), kMaxConnections, 1);
        else if (name == "--error-rate")
            options.errorRate = rateValue(name, value());
        else if (name == "--fault")
            options.faultMode = faultValue(name, value());
        else if (name == "--seed")
            options.seed = unsignedValue(name, value(), UINT64_MAX);
        else if (name == "--tls")
            options.tls = flag();
        else if (name == "--exit-on-stdin-eof")
            options.exitOnStdinEof = flag();
        else if (name == "--verbose")
            options.verbose = flag();
        else if (name == "--help" || name == "-h")
            options.help = flag();
        else
            throw OptionError("unknown option '" + std::string(name) + "' (see --help)");
    }
    return options;
}

std::string_view ServerOptions::usage()
{
    return R"(Usage: multitask-lab-server [options]
Serves HTTP/1.1 GET on loopback with a configurable think time, for concurrency experiments.

  --bind ADDR           loopback address to listen on: 127.0.0.1 (default) or ::1
  --port N              TCP port; 0 (default) picks a free one
  --delay-ms N          think time per request (default 100)
  --size-kb N           response body size (default 50)
  --setup-ms N          set-up time of each connection (default 0): with --tls, a delay
                        before the handshake; without, before the first answer
  --tls                 speak HTTPS with a certificate made at start-up (EC P-256, valid
                        for a day, for 127.0.0.1, ::1 and localhost); its PEM follows the
                        ready line on standard output
  --max-concurrent N    requests served at once; later ones wait in FIFO order (0 = unlimited)
  --header-timeout-ms N time a client has to send a request's whole head, from connecting
                        or from the request's first byte; then it is closed (default 10000)
  --idle-timeout-ms N   time a keep-alive connection may stay idle between requests
                        (default 15000)
  --max-connections N   connections held open at once (default and most: the descriptor
                        limit minus 64); past it, a new one takes the place of the oldest
                        that waits for a head or is idle, or is closed if all are busy
  --error-rate F        fraction 0..1 of requests answered with a fault (default 0)
  --fault KIND          500, reset, stall or mixed (default mixed)
  --seed S              seed for choosing faulty requests (default 1)
  --exit-on-stdin-eof   stop when standard input reaches end of file
  --verbose             log requests to standard error

Paths override per request: /delay/<ms>, /size/<kb>, /status/<code>, combinable
(e.g. /delay/500/size/1). Every response carries X-Mtlab-Connection-Request: <k>.
)";
}

} // namespace mtlab
